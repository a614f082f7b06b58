"""SQLite state (WAL): question counts for operators; no user ids or names are stored with them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import TracebackType

import aiosqlite

_SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
    normalised TEXT PRIMARY KEY,
    asked INTEGER NOT NULL DEFAULT 0,
    unanswered INTEGER NOT NULL DEFAULT 0,
    last_seen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL DEFAULT 0
);
"""


class Store:
    """One connection per process; every write commits before the call returns."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: aiosqlite.Connection | None = None

    async def open(self) -> Store:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = await aiosqlite.connect(self.path)
        await self._db.execute("PRAGMA journal_mode=WAL")
        await self._db.execute("PRAGMA synchronous=NORMAL")
        await self._db.executescript(_SCHEMA)
        await self._db.commit()
        return self

    async def close(self) -> None:
        if self._db is not None:
            await self._db.close()
            self._db = None

    async def __aenter__(self) -> Store:
        return await self.open()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise RuntimeError("Store is not open")
        return self._db

    async def record_question(self, normalised: str, *, unanswered: bool) -> None:
        """Count a question by its normalised text; `unanswered` for declines, gaps and low confidence."""
        now = dt.datetime.now(dt.UTC).isoformat()
        await self.db.execute(
            """INSERT INTO questions (normalised, asked, unanswered, last_seen) VALUES (?, 1, ?, ?)
               ON CONFLICT(normalised) DO UPDATE SET asked = asked + 1,
                   unanswered = unanswered + excluded.unanswered, last_seen = excluded.last_seen""",
            (normalised[:500], int(unanswered), now),
        )
        await self.db.execute(
            """INSERT INTO counters (name, value) VALUES (?, 1)
               ON CONFLICT(name) DO UPDATE SET value = value + 1""",
            ("unanswered" if unanswered else "answered",),
        )
        await self.db.commit()

    async def unanswered(self, limit: int = 20) -> list[tuple[str, int]]:
        """The most frequent questions we could not answer well, most frequent first."""
        cursor = await self.db.execute(
            "SELECT normalised, unanswered FROM questions WHERE unanswered > 0 "
            "ORDER BY unanswered DESC, last_seen DESC LIMIT ?",
            (limit,),
        )
        return [(str(text), int(count)) for text, count in await cursor.fetchall()]

    async def counters(self) -> dict[str, int]:
        cursor = await self.db.execute("SELECT name, value FROM counters")
        return {str(name): int(value) for name, value in await cursor.fetchall()}
