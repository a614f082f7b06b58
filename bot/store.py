"""SQLite state (WAL): question counts, subscriptions, chats' languages, and the outbox of update deliveries.

Questions are counted by normalised text only; no user ids or names are stored with them. A
question is "sure" when every part of it was answered with a fact, and "unsure" otherwise (a
"did you mean", a gap in the sources, or off topic): the unsure ones tell editors what to add.
Every update a reload brings in gets one outbox row per subscribed chat, written in the same
transaction that records the update as known, so a restart neither skips nor repeats it.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import sqlite3
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import aiosqlite

from bot.errors import ConfigError

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
    normalised TEXT PRIMARY KEY,
    asked INTEGER NOT NULL DEFAULT 0,
    unsure INTEGER NOT NULL DEFAULT 0,
    last_seen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS subscriptions (
    chat_id INTEGER PRIMARY KEY,
    since TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS known_updates (
    fact_id TEXT PRIMARY KEY,
    seen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS deliveries (
    fact_id TEXT NOT NULL,
    chat_id INTEGER NOT NULL,
    queued TEXT NOT NULL,
    not_before REAL NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    sent TEXT,
    dropped TEXT,
    PRIMARY KEY (fact_id, chat_id)
);
CREATE TABLE IF NOT EXISTS chat_languages (
    chat_id INTEGER PRIMARY KEY,
    language TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deliveries_pending ON deliveries (chat_id, queued) WHERE sent IS NULL AND dropped IS NULL;
"""

# A pending delivery that is the oldest one its chat is owed.
_HEAD = """sent IS NULL AND dropped IS NULL AND rowid = (
    SELECT rowid FROM deliveries AS e WHERE e.chat_id = d.chat_id AND e.sent IS NULL AND e.dropped IS NULL
    ORDER BY queued, rowid LIMIT 1)"""


FLUSH_AT = 1000  # distinct buffered questions that force a write


@dataclass(frozen=True)
class Delivery:
    """One update owed to one chat."""

    fact_id: str
    chat_id: int
    attempts: int


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


def _keep_private(path: Path) -> None:
    """The database holds chat ids, which in private chats are user ids: the folder is the owner's
    only (0700), and so are the database and its -wal and -shm files (0600). SQLite gives -wal and
    -shm the database file's mode, so the database is made 0600 before SQLite first opens it."""
    try:
        path.parent.chmod(0o700)
    except OSError as exc:
        log.warning("could not make %s private to its owner (%s); its files still are", path.parent, exc.strerror)
    try:
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            if file.is_file() and file.stat().st_mode & 0o077:
                file.chmod(0o600)
    except OSError as exc:
        log.warning("could not make %s private to its owner (%s)", path, exc.strerror)


def _try_writing(path: Path) -> None:
    """Raises sqlite3.DatabaseError unless `path` is (or can become) a database we can write."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("ROLLBACK")
    finally:
        connection.close()


def _unusable(path: Path, error: sqlite3.DatabaseError) -> str:
    if "not a database" in str(error) or "malformed" in str(error):
        return (
            f"{path}: not a SQLite database, or damaged ({error}): restore it from a backup, or move it "
            "aside and start again (a new, empty one is made; subscriptions and counts start over)"
        )
    return (
        f"{path}: the database cannot be opened ({error}): it must be a file this user can read and write, "
        "in a folder it can write (FACTBOT_DATA_DIR)"
    )


class Store:
    """One connection per process. Every write is one transaction, taken one at a time, and commits
    before the call returns, except question counts, which `record_question` buffers for `flush`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: aiosqlite.Connection | None = None
        self._pending: Counter[tuple[str, bool]] = Counter()
        self._writing = asyncio.Lock()

    @contextlib.asynccontextmanager
    async def _transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """One writer at a time on the shared connection: a transaction spans several awaits, and
        another coroutine's commit in between would commit half of it. Rolled back if it fails
        (or is cancelled), committed when the block ends."""
        async with self._writing:
            try:
                yield self.db
            except BaseException:
                await self.db.rollback()
                raise
            await self.db.commit()

    async def open(self) -> Store:
        """Open (or make) the database. A folder that cannot be made or written, or a file that is
        not a usable database, is a `ConfigError` that names it and says what to do."""
        if self._db is not None:
            return self
        folder = self.path.parent
        if folder.exists() and not folder.is_dir():
            raise ConfigError(f"FACTBOT_DATA_DIR: {folder} is a file, not a folder: point FACTBOT_DATA_DIR elsewhere")
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(
                f"FACTBOT_DATA_DIR: cannot make the folder {folder} ({exc.strerror}): "
                "point FACTBOT_DATA_DIR (or --data) at a folder this user can write"
            ) from None
        if not os.access(folder, os.W_OK | os.X_OK):
            raise ConfigError(
                f"FACTBOT_DATA_DIR: {folder} is not writable by this user (the database and its -wal and "
                "-shm files live there): make it writable, or point FACTBOT_DATA_DIR (or --data) elsewhere"
            )
        _keep_private(self.path)
        # Tried with plain sqlite3 first: aiosqlite leaves its worker thread behind when the very
        # first connect fails, and that thread then fails loudly once the event loop is gone.
        try:
            await asyncio.to_thread(_try_writing, self.path)
        except sqlite3.DatabaseError as exc:
            raise ConfigError(_unusable(self.path, exc)) from None
        self._db = await aiosqlite.connect(self.path)
        await self._db.execute("PRAGMA journal_mode=WAL")
        await self._db.execute("PRAGMA synchronous=NORMAL")
        await self._db.executescript(_SCHEMA)
        await self._migrate()
        await self._db.commit()
        return self

    async def _migrate(self) -> None:
        """Databases from before "sure"/"unsure" named the unsure count "unanswered"."""
        cursor = await self.db.execute("SELECT 1 FROM pragma_table_info('questions') WHERE name = 'unanswered'")
        if await cursor.fetchone() is not None:
            await self.db.execute("ALTER TABLE questions RENAME COLUMN unanswered TO unsure")
        await self.db.execute("UPDATE counters SET name = 'sure' WHERE name = 'answered'")
        await self.db.execute("UPDATE counters SET name = 'unsure' WHERE name = 'unanswered'")

    async def close(self) -> None:
        if self._db is not None:
            await self.flush()
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

    async def record_question(self, counted_as: str, *, sure: bool) -> None:
        """Count a question by its normalised text, as sure or unsure.

        Counts are buffered and written in one transaction by `flush` (each second while the bot
        runs, before every read, and on close): a write per question would cost more than the answer.
        """
        self._pending[(counted_as[:500], not sure)] += 1
        if len(self._pending) >= FLUSH_AT:
            await self.flush()

    async def flush(self) -> None:
        pending, self._pending = self._pending, Counter()
        if not pending:
            return
        try:
            async with self._transaction() as db:
                now = _now()
                await db.executemany(
                    """INSERT INTO questions (normalised, asked, unsure, last_seen) VALUES (?, ?, ?, ?)
                       ON CONFLICT(normalised) DO UPDATE SET asked = asked + excluded.asked,
                           unsure = unsure + excluded.unsure, last_seen = excluded.last_seen""",
                    [(text, count, count if unsure else 0, now) for (text, unsure), count in pending.items()],
                )
                totals = Counter[str]()
                for (_, unsure), count in pending.items():
                    totals["unsure" if unsure else "sure"] += count
                await db.executemany(
                    """INSERT INTO counters (name, value) VALUES (?, ?)
                       ON CONFLICT(name) DO UPDATE SET value = value + excluded.value""",
                    list(totals.items()),
                )
        except BaseException:
            self._pending.update(pending)  # counted next time, not lost
            raise

    async def flush_every(self, seconds: float) -> None:
        """Flush the question counts periodically, until cancelled."""
        while True:
            await asyncio.sleep(seconds)
            await self.flush()

    async def unsure_questions(self, limit: int = 20) -> list[tuple[str, int]]:
        """The questions most often not answered with a fact, most frequent first."""
        await self.flush()
        cursor = await self.db.execute(
            "SELECT normalised, unsure FROM questions WHERE unsure > 0 ORDER BY unsure DESC, last_seen DESC LIMIT ?",
            (limit,),
        )
        return [(str(text), int(count)) for text, count in await cursor.fetchall()]

    async def question_counts(self) -> dict[str, int]:
        """How many questions were sure and how many unsure, since the database was made."""
        await self.flush()
        cursor = await self.db.execute("SELECT name, value FROM counters")
        counts = {"sure": 0, "unsure": 0}
        counts.update({str(name): int(value) for name, value in await cursor.fetchall()})
        return counts

    # --- subscriptions -------------------------------------------------------------------------

    async def subscribe(self, chat_id: int) -> bool:
        """True if the chat was not subscribed before."""
        async with self._transaction() as db:
            cursor = await db.execute(
                "INSERT OR IGNORE INTO subscriptions (chat_id, since) VALUES (?, ?)", (chat_id, _now())
            )
        return cursor.rowcount > 0

    async def unsubscribe(self, chat_id: int, *, reason: str = "unsubscribed") -> bool:
        """True if the chat was subscribed; what it was still owed is dropped with `reason`."""
        async with self._transaction() as db:
            cursor = await db.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,))
            await db.execute(
                "UPDATE deliveries SET dropped = ? WHERE chat_id = ? AND sent IS NULL AND dropped IS NULL",
                (reason, chat_id),
            )
        return cursor.rowcount > 0

    async def is_subscribed(self, chat_id: int) -> bool:
        cursor = await self.db.execute("SELECT 1 FROM subscriptions WHERE chat_id = ?", (chat_id,))
        return await cursor.fetchone() is not None

    async def subscriber_count(self) -> int:
        cursor = await self.db.execute("SELECT COUNT(*) FROM subscriptions")
        row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def migrate_chat(self, old: int, new: int) -> None:
        """A group became a supergroup: its subscription, its language and what it is owed move to the new id."""
        async with self._transaction() as db:
            await db.execute("UPDATE OR IGNORE subscriptions SET chat_id = ? WHERE chat_id = ?", (new, old))
            await db.execute("DELETE FROM subscriptions WHERE chat_id = ?", (old,))
            await db.execute("UPDATE OR IGNORE chat_languages SET chat_id = ? WHERE chat_id = ?", (new, old))
            await db.execute("DELETE FROM chat_languages WHERE chat_id = ?", (old,))
            await db.execute(
                "UPDATE OR IGNORE deliveries SET chat_id = ?, not_before = 0 WHERE chat_id = ? AND sent IS NULL",
                (new, old),
            )
            await db.execute(
                "UPDATE deliveries SET dropped = 'migrated' WHERE chat_id = ? AND sent IS NULL AND dropped IS NULL",
                (old,),
            )

    # --- chat settings ---------------------------------------------------------------------------

    async def language(self, chat_id: int) -> str | None:
        """The language a chat chose with /language ("en", "ur"); None: answer in each question's own."""
        cursor = await self.db.execute("SELECT language FROM chat_languages WHERE chat_id = ?", (chat_id,))
        row = await cursor.fetchone()
        return None if row is None else str(row[0])

    async def set_language(self, chat_id: int, language: str | None) -> None:
        """Remember a chat's language; None forgets it (back to each question's own)."""
        async with self._transaction() as db:
            if language is None:
                await db.execute("DELETE FROM chat_languages WHERE chat_id = ?", (chat_id,))
            else:
                await db.execute(
                    """INSERT INTO chat_languages (chat_id, language) VALUES (?, ?)
                       ON CONFLICT(chat_id) DO UPDATE SET language = excluded.language""",
                    (chat_id, language),
                )

    # --- updates and their deliveries -----------------------------------------------------------

    async def queue_updates(self, fact_ids: list[str]) -> list[str]:
        """Record the updates not seen before and owe each to every subscriber, in one transaction.

        Returns the new ids. An id is the identity of an update: editing its wording later does
        not make it new again.
        """
        async with self._transaction() as db:
            now = _now()
            fresh: list[str] = []
            for fact_id in fact_ids:
                cursor = await db.execute(
                    "INSERT OR IGNORE INTO known_updates (fact_id, seen) VALUES (?, ?)", (fact_id, now)
                )
                if cursor.rowcount > 0:
                    fresh.append(fact_id)
                    await db.execute(
                        "INSERT OR IGNORE INTO deliveries (fact_id, chat_id, queued) "
                        "SELECT ?, chat_id, ? FROM subscriptions",
                        (fact_id, now),
                    )
        return fresh

    async def due(self, now: float, *, limit: int) -> list[Delivery]:
        """Each chat's oldest pending delivery, if its time has come: a chat gets updates in order."""
        cursor = await self.db.execute(
            f"""SELECT fact_id, chat_id, attempts FROM deliveries AS d
                WHERE {_HEAD} AND not_before <= ? ORDER BY queued, rowid LIMIT ?""",
            (now, limit),
        )
        return [Delivery(str(f), int(c), int(a)) for f, c, a in await cursor.fetchall()]

    async def next_due(self) -> float | None:
        """When the earliest chat's next delivery may go, or None when nothing is owed."""
        cursor = await self.db.execute(f"SELECT MIN(not_before) FROM deliveries AS d WHERE {_HEAD}")
        row = await cursor.fetchone()
        return None if row is None or row[0] is None else float(row[0])

    async def mark_sent(self, delivery: Delivery) -> None:
        async with self._transaction() as db:
            await db.execute(
                "UPDATE deliveries SET sent = ?, attempts = attempts + 1 WHERE fact_id = ? AND chat_id = ?",
                (_now(), delivery.fact_id, delivery.chat_id),
            )

    async def defer(self, delivery: Delivery, until: float) -> None:
        async with self._transaction() as db:
            await db.execute(
                "UPDATE deliveries SET not_before = ?, attempts = attempts + 1 WHERE fact_id = ? AND chat_id = ?",
                (until, delivery.fact_id, delivery.chat_id),
            )

    async def drop(self, delivery: Delivery, reason: str) -> None:
        async with self._transaction() as db:
            await db.execute(
                "UPDATE deliveries SET dropped = ? WHERE fact_id = ? AND chat_id = ?",
                (reason, delivery.fact_id, delivery.chat_id),
            )

    async def delivery_counts(self) -> dict[str, int]:
        """How many deliveries are sent, pending and dropped."""
        cursor = await self.db.execute(
            """SELECT CASE WHEN sent IS NOT NULL THEN 'sent' WHEN dropped IS NOT NULL THEN 'dropped'
                           ELSE 'pending' END AS state, COUNT(*) FROM deliveries GROUP BY state"""
        )
        counts = {"sent": 0, "pending": 0, "dropped": 0}
        counts.update({str(state): int(n) for state, n in await cursor.fetchall()})
        return counts
