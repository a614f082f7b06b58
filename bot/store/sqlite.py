"""SQLite (WAL), the embedded default for one machine: one file, one connection, one writer at a time.

One process owns the database, so claims live in memory: what this process has taken and not yet
settled, each for `CLAIM_LEASE` seconds (a send that failed unexpectedly is tried again after it),
and a restart starts with nothing taken.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import sqlite3
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Self

import aiosqlite

from bot.errors import ConfigError
from bot.store.base import Delivery, Store

log = logging.getLogger(__name__)

CLAIM_LEASE = 60.0  # seconds

# Each version's statements, applied once, in order, by `_migrate`. The first is the schema from
# before versions were kept, so it is written to be harmless on a database that already has it.
_MIGRATIONS = [
    """
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
UPDATE counters SET name = 'sure' WHERE name = 'answered';
UPDATE counters SET name = 'unsure' WHERE name = 'unanswered';
""",
    # A chat's pace: when its next update may go, kept for updates queued after the last was sent.
    "ALTER TABLE subscriptions ADD COLUMN next_ok REAL NOT NULL DEFAULT 0;",
    # The last question each person asked in each chat (normalised), to read a follow-up with.
    """
CREATE TABLE IF NOT EXISTS recent_questions (
    chat_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    asked TEXT NOT NULL,
    at REAL NOT NULL,
    PRIMARY KEY (chat_id, user_id)
);
""",
]

# A pending delivery that is the oldest one its chat is owed.
_HEAD = """sent IS NULL AND dropped IS NULL AND d.rowid = (
    SELECT rowid FROM deliveries AS e WHERE e.chat_id = d.chat_id AND e.sent IS NULL AND e.dropped IS NULL
    ORDER BY queued, rowid LIMIT 1)"""


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


class SQLiteStore(Store):
    """One connection per process; every write is one transaction, taken one at a time."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._db: aiosqlite.Connection | None = None
        self._writing = asyncio.Lock()
        self._claimed: dict[tuple[str, int], float] = {}  # -> when the claim lapses (monotonic)

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

    async def open(self) -> Self:
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
        await self._migrate()
        return self

    async def _migrate(self) -> None:
        """Bring the schema up to date, a version at a time, each in its own transaction. Databases
        from before "sure"/"unsure" named the unsure count "unanswered"."""
        await self.db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TEXT)")
        cursor = await self.db.execute("SELECT 1 FROM pragma_table_info('questions') WHERE name = 'unanswered'")
        if await cursor.fetchone() is not None:
            await self.db.execute("ALTER TABLE questions RENAME COLUMN unanswered TO unsure")
        await self.db.commit()
        cursor = await self.db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version")
        row = await cursor.fetchone()
        current = int(row[0]) if row else 0
        for version, script in enumerate(_MIGRATIONS[current:], start=current + 1):
            await self.db.executescript(
                f"BEGIN;\n{script}\nINSERT INTO schema_version VALUES ({version}, '{_now()}');\nCOMMIT;"
            )

    async def _close(self) -> None:
        if self._db is not None:
            await self._db.close()
            self._db = None

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise RuntimeError("Store is not open")
        return self._db

    async def _add_counts(self, rows: list[tuple[str, int, int]]) -> None:
        async with self._transaction() as db:
            now = _now()
            await db.executemany(
                """INSERT INTO questions (normalised, asked, unsure, last_seen) VALUES (?, ?, ?, ?)
                   ON CONFLICT(normalised) DO UPDATE SET asked = asked + excluded.asked,
                       unsure = unsure + excluded.unsure, last_seen = excluded.last_seen""",
                [(text, asked, unsure, now) for text, asked, unsure in rows],
            )
            unsure = sum(u for _, _, u in rows)
            await db.executemany(
                """INSERT INTO counters (name, value) VALUES (?, ?)
                   ON CONFLICT(name) DO UPDATE SET value = value + excluded.value""",
                [(name, n) for name, n in (("sure", sum(a for _, a, _ in rows) - unsure), ("unsure", unsure)) if n],
            )

    async def unsure_questions(self, limit: int = 20) -> list[tuple[str, int]]:
        await self.flush()
        cursor = await self.db.execute(
            "SELECT normalised, unsure FROM questions WHERE unsure > 0 ORDER BY unsure DESC, last_seen DESC LIMIT ?",
            (limit,),
        )
        return [(str(text), int(count)) for text, count in await cursor.fetchall()]

    async def question_counts(self) -> dict[str, int]:
        await self.flush()
        cursor = await self.db.execute("SELECT name, value FROM counters")
        counts = {"sure": 0, "unsure": 0}
        counts.update({str(name): int(value) for name, value in await cursor.fetchall()})
        return counts

    # --- subscriptions -------------------------------------------------------------------------

    async def subscribe(self, chat_id: int) -> bool:
        async with self._transaction() as db:
            cursor = await db.execute(
                "INSERT OR IGNORE INTO subscriptions (chat_id, since) VALUES (?, ?)", (chat_id, _now())
            )
        return cursor.rowcount > 0

    async def unsubscribe(self, chat_id: int, *, reason: str = "unsubscribed") -> bool:
        async with self._transaction() as db:
            cursor = await db.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,))
            await db.execute(
                "UPDATE deliveries SET dropped = ? WHERE chat_id = ? AND sent IS NULL AND dropped IS NULL",
                (reason, chat_id),
            )
        self._forget_claims(chat_id)
        return cursor.rowcount > 0

    async def is_subscribed(self, chat_id: int) -> bool:
        cursor = await self.db.execute("SELECT 1 FROM subscriptions WHERE chat_id = ?", (chat_id,))
        return await cursor.fetchone() is not None

    async def subscriber_count(self) -> int:
        cursor = await self.db.execute("SELECT COUNT(*) FROM subscriptions")
        row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def migrate_chat(self, old: int, new: int) -> None:
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
        self._forget_claims(old)

    def _forget_claims(self, chat_id: int) -> None:
        """What a chat no longer has owed (unsubscribed, moved) is no longer this process's to send."""
        self._claimed = {claim: until for claim, until in self._claimed.items() if claim[1] != chat_id}

    # --- chat settings ---------------------------------------------------------------------------

    async def language(self, chat_id: int) -> str | None:
        cursor = await self.db.execute("SELECT language FROM chat_languages WHERE chat_id = ?", (chat_id,))
        row = await cursor.fetchone()
        return None if row is None else str(row[0])

    async def set_language(self, chat_id: int, language: str | None) -> None:
        async with self._transaction() as db:
            if language is None:
                await db.execute("DELETE FROM chat_languages WHERE chat_id = ?", (chat_id,))
            else:
                await db.execute(
                    """INSERT INTO chat_languages (chat_id, language) VALUES (?, ?)
                       ON CONFLICT(chat_id) DO UPDATE SET language = excluded.language""",
                    (chat_id, language),
                )

    async def last_question(self, chat_id: int, user_id: int, *, since: float) -> str | None:
        try:
            cursor = await self.db.execute(
                "SELECT asked FROM recent_questions WHERE chat_id = ? AND user_id = ? AND at >= ?",
                (chat_id, user_id, since),
            )
            row = await cursor.fetchone()
        except sqlite3.Error as exc:
            log.debug("no last question for a follow-up (%s)", exc)
            return None
        return None if row is None else str(row[0])

    async def remember_question(self, chat_id: int, user_id: int, asked: str, *, at: float) -> None:
        try:
            async with self._transaction() as db:
                await db.execute(
                    """INSERT INTO recent_questions (chat_id, user_id, asked, at) VALUES (?, ?, ?, ?)
                       ON CONFLICT(chat_id, user_id) DO UPDATE SET asked = excluded.asked, at = excluded.at""",
                    (chat_id, user_id, asked, at),
                )
        except sqlite3.Error as exc:
            log.debug("a question was not kept for a follow-up (%s)", exc)

    # --- updates and their deliveries -----------------------------------------------------------

    async def queue_updates(self, fact_ids: list[str]) -> list[str]:
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
                        "INSERT OR IGNORE INTO deliveries (fact_id, chat_id, queued, not_before) "
                        "SELECT ?, chat_id, ?, next_ok FROM subscriptions",
                        (fact_id, now),
                    )
        return fresh

    async def claim(self, now: float, *, limit: int) -> list[Delivery]:
        cursor = await self.db.execute(
            f"""SELECT fact_id, d.chat_id, attempts, language FROM deliveries AS d
                LEFT JOIN chat_languages AS l ON l.chat_id = d.chat_id
                WHERE {_HEAD} AND not_before <= ? ORDER BY queued, d.rowid LIMIT ?""",
            (now, limit + len(self._claimed)),
        )
        rows = [Delivery(str(f), int(c), int(a), lang) for f, c, a, lang in await cursor.fetchall()]
        clock = time.monotonic()
        taken = [d for d in rows if self._claimed.get((d.fact_id, d.chat_id), 0.0) < clock][:limit]
        self._claimed.update(((d.fact_id, d.chat_id), clock + CLAIM_LEASE) for d in taken)
        return taken

    async def next_due(self, now: float) -> float | None:
        cursor = await self.db.execute(f"SELECT MIN(not_before) FROM deliveries AS d WHERE {_HEAD}")
        row = await cursor.fetchone()
        return None if row is None or row[0] is None else float(row[0])

    async def mark_sent(self, delivery: Delivery, *, next_ok: float = 0.0) -> None:
        """The chat's pace first: a claim reading the shared connection mid-transaction must not
        find its next delivery due before it is put off."""
        async with self._transaction() as db:
            await db.execute(
                """UPDATE deliveries SET not_before = ? WHERE chat_id = ? AND not_before < ?
                   AND sent IS NULL AND dropped IS NULL""",
                (next_ok, delivery.chat_id, next_ok),
            )
            await db.execute("UPDATE subscriptions SET next_ok = ? WHERE chat_id = ?", (next_ok, delivery.chat_id))
            await db.execute(
                "UPDATE deliveries SET sent = ?, attempts = attempts + 1 WHERE fact_id = ? AND chat_id = ?",
                (_now(), delivery.fact_id, delivery.chat_id),
            )
        self._claimed.pop((delivery.fact_id, delivery.chat_id), None)

    async def defer(self, delivery: Delivery, until: float) -> None:
        await self._settle(delivery, "not_before = ?, attempts = attempts + 1", until)

    async def drop(self, delivery: Delivery, reason: str) -> None:
        await self._settle(delivery, "dropped = ?", reason)

    async def _settle(self, delivery: Delivery, assignments: str, value: object) -> None:
        """Give a claimed delivery back with `assignments` (its one `?` is `value`)."""
        async with self._transaction() as db:
            await db.execute(
                f"UPDATE deliveries SET {assignments} WHERE fact_id = ? AND chat_id = ?",
                (value, delivery.fact_id, delivery.chat_id),
            )
        self._claimed.pop((delivery.fact_id, delivery.chat_id), None)

    async def release_claims(self) -> None:
        self._claimed.clear()

    async def delivery_counts(self) -> dict[str, int]:
        cursor = await self.db.execute(
            """SELECT CASE WHEN sent IS NOT NULL THEN 'sent' WHEN dropped IS NOT NULL THEN 'dropped'
                           ELSE 'pending' END AS state, COUNT(*) FROM deliveries GROUP BY state"""
        )
        counts = {"sent": 0, "pending": 0, "dropped": 0}
        counts.update({str(state): int(n) for state, n in await cursor.fetchall()})
        return counts
