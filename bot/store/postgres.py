"""PostgreSQL (asyncpg, a pool), for several `factbot run` processes on one database.

What one process cannot see of another is settled by the database:
- an update is owed once per chat however many processes queue it (primary keys, ON CONFLICT);
- a delivery is claimed by one process (`FOR UPDATE SKIP LOCKED`), with its name as owner and a
  lease on the database's clock; only the owner marks it sent, deferred or dropped, and when a
  process dies its claims are taken up by the others once the lease runs out;
- only a chat's oldest pending delivery can be claimed, so a chat gets updates in order whoever
  sends them, and its pace (the gap before its next one) is written to its next row;
- the send budget is a row per budget, a GCRA "theoretical arrival time" advanced in one
  statement on the database's clock (`reserve`), so all processes together keep one rate, and a
  429 sets a pause on it that every process's next turn waits out (`pause`).

A lost connection is retried (the pool opens a new one); the loss and the recovery are logged
once each, and a call that still fails raises `StoreUnavailable`.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
from collections.abc import Awaitable, Callable
from typing import Any, Self, TypeVar
from urllib.parse import urlsplit

import asyncpg

from bot.errors import ConfigError, StoreUnavailable
from bot.store.base import Delivery, SharedBudget, Store

log = logging.getLogger(__name__)

T = TypeVar("T")

RETRIES = 2  # a call that loses its connection is tried this many times more, on a new one
RETRY_PAUSE = 0.1  # seconds before the first retry; doubles
CONNECT_TIMEOUT = 10.0

# Each version's statements, applied once, in order, under an advisory lock (several processes
# may start at once against an empty database).
_MIGRATIONS = [
    """
CREATE TABLE questions (
    normalised text PRIMARY KEY,
    asked bigint NOT NULL DEFAULT 0,
    unsure bigint NOT NULL DEFAULT 0,
    last_seen timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE counters (name text PRIMARY KEY, value bigint NOT NULL DEFAULT 0);
CREATE TABLE subscriptions (
    chat_id bigint PRIMARY KEY,
    since timestamptz NOT NULL DEFAULT now(),
    next_ok double precision NOT NULL DEFAULT 0
);
CREATE TABLE chat_languages (chat_id bigint PRIMARY KEY, language text NOT NULL);
CREATE TABLE known_updates (fact_id text PRIMARY KEY, seen timestamptz NOT NULL DEFAULT now());
CREATE TABLE deliveries (
    seq bigint GENERATED ALWAYS AS IDENTITY,
    fact_id text NOT NULL,
    chat_id bigint NOT NULL,
    queued timestamptz NOT NULL DEFAULT now(),
    not_before double precision NOT NULL DEFAULT 0,
    attempts integer NOT NULL DEFAULT 0,
    sent timestamptz,
    dropped text,
    owner text,
    lease_until timestamptz,
    PRIMARY KEY (fact_id, chat_id)
);
CREATE INDEX deliveries_pending ON deliveries (seq) WHERE sent IS NULL AND dropped IS NULL;
CREATE INDEX deliveries_pending_chat ON deliveries (chat_id, seq) WHERE sent IS NULL AND dropped IS NULL;
CREATE INDEX deliveries_owner ON deliveries (owner) WHERE owner IS NOT NULL;
CREATE TABLE send_budget (
    name text PRIMARY KEY,
    tat timestamptz NOT NULL,
    paused_until timestamptz NOT NULL DEFAULT '-infinity'
);
""",
    # The last question each person asked in each chat (normalised), to read a follow-up with.
    """
CREATE TABLE recent_questions (
    chat_id bigint NOT NULL,
    user_id bigint NOT NULL,
    asked text NOT NULL,
    at double precision NOT NULL,
    PRIMARY KEY (chat_id, user_id)
);
""",
]
_MIGRATION_LOCK = 0x66616374  # any constant: one migrator at a time

_PENDING = "sent IS NULL AND dropped IS NULL"
# A pending delivery that is the oldest one its chat is owed.
_HEAD = f"""{_PENDING} AND NOT EXISTS (
    SELECT 1 FROM deliveries AS e WHERE e.chat_id = d.chat_id AND e.sent IS NULL AND e.dropped IS NULL
    AND e.seq < d.seq)"""

_LOST = (OSError, asyncpg.PostgresConnectionError, asyncpg.InterfaceError, asyncpg.exceptions.OperatorInterventionError)


def redacted(url: str) -> str:
    """The URL with its password replaced, fit for a log line or an error message."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    return parts._replace(netloc=f"{parts.username or ''}:***@{host}").geturl()


def _count(status: str) -> int:
    """The row count at the end of a command's status ("INSERT 0 1", "DELETE 3")."""
    return int(status.rsplit(" ", 1)[-1])


class PostgresStore(Store):
    """A pool of connections; each call one transaction on one of them."""

    def __init__(self, url: str, *, lease: float = 60.0, pool_size: int = 10) -> None:
        super().__init__()
        self.url = url
        self.lease = lease
        self.pool_size = pool_size
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self._pool: asyncpg.Pool | None = None
        self._budget_pool: asyncpg.Pool | None = None
        self._lost_since: str | None = None

    def shared_budget(self) -> SharedBudget:
        return self

    async def open(self) -> Self:
        """Connect and migrate; a database that cannot be reached or used is one `ConfigError`
        naming FACTBOT_DATABASE_URL (its password hidden)."""
        if self._pool is not None:
            return self
        try:
            self._pool = await asyncpg.create_pool(
                self.url, min_size=0, max_size=self.pool_size, timeout=CONNECT_TIMEOUT
            )
            # The budget's turns are many, tiny and worthless after a crash: not waited on to disk.
            self._budget_pool = await asyncpg.create_pool(
                self.url,
                min_size=0,
                max_size=2,
                timeout=CONNECT_TIMEOUT,
                server_settings={"synchronous_commit": "off"},
            )
            async with self._pool.acquire() as conn:
                await self._migrate(conn)
        except (*_LOST, asyncpg.PostgresError, TimeoutError, ValueError) as exc:
            await self._close()
            reason = str(exc).replace(urlsplit(self.url).password or "\0", "***") or type(exc).__name__
            raise ConfigError(
                f"FACTBOT_DATABASE_URL: cannot use the database at {redacted(self.url)} ({reason}): check that "
                "PostgreSQL runs there and the user, password and database name are right"
            ) from None
        return self

    async def _migrate(self, conn: asyncpg.Connection) -> None:
        async with conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", _MIGRATION_LOCK)
            await conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied timestamptz)"
            )
            current = int(await conn.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_version"))
            for version, script in enumerate(_MIGRATIONS[current:], start=current + 1):
                await conn.execute(script)
                await conn.execute("INSERT INTO schema_version VALUES ($1, now())", version)
                log.info("database schema now at version %d", version)

    async def _close(self) -> None:
        pools = [p for p in (self._pool, self._budget_pool) if p is not None]
        self._pool = self._budget_pool = None
        await asyncio.gather(*(p.close() for p in pools))

    async def close(self) -> None:
        try:
            await super().close()
        except StoreUnavailable:
            log.warning("the last question counts could not be written: the database is unreachable")
            await self._close()

    async def _run(self, work: Callable[[asyncpg.Connection], Awaitable[T]], *, budget: bool = False) -> T:
        """`work` on a pooled connection, tried again on a lost connection."""
        pool = self._budget_pool if budget else self._pool
        if pool is None:
            raise RuntimeError("Store is not open")
        attempt = 0
        while True:
            try:
                async with pool.acquire() as conn:
                    result = await work(conn)
            except _LOST as exc:
                if self._lost_since is None:
                    self._lost_since = f"{type(exc).__name__}: {exc}"
                    log.warning("lost the database connection (%s); retrying", self._lost_since)
                if attempt == RETRIES:
                    raise StoreUnavailable(f"the database is unreachable ({self._lost_since})") from None
                await asyncio.sleep(RETRY_PAUSE * 2**attempt)
                attempt += 1
            else:
                if self._lost_since is not None:
                    log.warning("the database connection is back")
                    self._lost_since = None
                return result

    async def _fetch(self, query: str, *args: Any) -> list[asyncpg.Record]:
        return await self._run(lambda conn: conn.fetch(query, *args))

    async def _value(self, query: str, *args: Any) -> Any:
        return await self._run(lambda conn: conn.fetchval(query, *args))

    async def _execute(self, query: str, *args: Any) -> str:
        return await self._run(lambda conn: conn.execute(query, *args))

    async def _transaction(self, steps: list[tuple[str, tuple[Any, ...]]]) -> list[str]:
        async def work(conn: asyncpg.Connection) -> list[str]:
            async with conn.transaction():
                return [await conn.execute(query, *args) for query, args in steps]

        return await self._run(work)

    # --- question counts -----------------------------------------------------------------------

    async def _add_counts(self, rows: list[tuple[str, int, int]]) -> None:
        unsure = sum(u for _, _, u in rows)
        await self._transaction(
            [
                (
                    """INSERT INTO questions (normalised, asked, unsure)
                       SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[])
                       ON CONFLICT (normalised) DO UPDATE SET asked = questions.asked + excluded.asked,
                           unsure = questions.unsure + excluded.unsure, last_seen = now()""",
                    tuple(list(column) for column in zip(*rows, strict=True)),
                ),
                (
                    """INSERT INTO counters (name, value) VALUES ('sure', $1), ('unsure', $2)
                       ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value""",
                    (sum(a for _, a, _ in rows) - unsure, unsure),
                ),
            ]
        )

    async def unsure_questions(self, limit: int = 20) -> list[tuple[str, int]]:
        await self.flush()
        rows = await self._fetch(
            "SELECT normalised, unsure FROM questions WHERE unsure > 0 ORDER BY unsure DESC, last_seen DESC LIMIT $1",
            limit,
        )
        return [(str(r[0]), int(r[1])) for r in rows]

    async def question_counts(self) -> dict[str, int]:
        await self.flush()
        counts = {"sure": 0, "unsure": 0}
        counts.update({str(r[0]): int(r[1]) for r in await self._fetch("SELECT name, value FROM counters")})
        return counts

    # --- subscriptions and chat settings -------------------------------------------------------

    async def subscribe(self, chat_id: int) -> bool:
        status = await self._execute("INSERT INTO subscriptions (chat_id) VALUES ($1) ON CONFLICT DO NOTHING", chat_id)
        return _count(status) > 0

    async def unsubscribe(self, chat_id: int, *, reason: str = "unsubscribed") -> bool:
        deleted, _ = await self._transaction(
            [
                ("DELETE FROM subscriptions WHERE chat_id = $1", (chat_id,)),
                (
                    f"""UPDATE deliveries SET dropped = $2, owner = NULL, lease_until = NULL
                        WHERE chat_id = $1 AND {_PENDING}""",
                    (chat_id, reason),
                ),
            ]
        )
        return _count(deleted) > 0

    async def is_subscribed(self, chat_id: int) -> bool:
        return bool(await self._value("SELECT EXISTS (SELECT 1 FROM subscriptions WHERE chat_id = $1)", chat_id))

    async def subscriber_count(self) -> int:
        return int(await self._value("SELECT COUNT(*) FROM subscriptions"))

    async def migrate_chat(self, old: int, new: int) -> None:
        await self._transaction(
            [
                (
                    """INSERT INTO subscriptions (chat_id, since) SELECT $2, since FROM subscriptions
                       WHERE chat_id = $1 ON CONFLICT DO NOTHING""",
                    (old, new),
                ),
                ("DELETE FROM subscriptions WHERE chat_id = $1", (old,)),
                (
                    """INSERT INTO chat_languages (chat_id, language) SELECT $2, language FROM chat_languages
                       WHERE chat_id = $1 ON CONFLICT DO NOTHING""",
                    (old, new),
                ),
                ("DELETE FROM chat_languages WHERE chat_id = $1", (old,)),
                (
                    """UPDATE deliveries AS d SET chat_id = $2, not_before = 0, owner = NULL, lease_until = NULL
                       WHERE chat_id = $1 AND sent IS NULL AND NOT EXISTS (
                           SELECT 1 FROM deliveries AS e WHERE e.fact_id = d.fact_id AND e.chat_id = $2)""",
                    (old, new),
                ),
                (
                    f"""UPDATE deliveries SET dropped = 'migrated', owner = NULL, lease_until = NULL
                        WHERE chat_id = $1 AND {_PENDING}""",
                    (old,),
                ),
            ]
        )

    async def language(self, chat_id: int) -> str | None:
        value = await self._value("SELECT language FROM chat_languages WHERE chat_id = $1", chat_id)
        return None if value is None else str(value)

    async def last_question(self, chat_id: int, user_id: int, *, since: float) -> str | None:
        try:
            value = await self._value(
                "SELECT asked FROM recent_questions WHERE chat_id = $1 AND user_id = $2 AND at >= $3",
                chat_id,
                user_id,
                since,
            )
        except (StoreUnavailable, asyncpg.PostgresError) as exc:
            log.debug("no last question for a follow-up (%s)", exc)
            return None
        return None if value is None else str(value)

    async def remember_question(self, chat_id: int, user_id: int, asked: str, *, at: float) -> None:
        try:
            await self._execute(
                """INSERT INTO recent_questions (chat_id, user_id, asked, at) VALUES ($1, $2, $3, $4)
                   ON CONFLICT (chat_id, user_id) DO UPDATE SET asked = excluded.asked, at = excluded.at""",
                chat_id,
                user_id,
                asked,
                at,
            )
        except (StoreUnavailable, asyncpg.PostgresError) as exc:
            log.debug("a question was not kept for a follow-up (%s)", exc)

    async def set_language(self, chat_id: int, language: str | None) -> None:
        if language is None:
            await self._execute("DELETE FROM chat_languages WHERE chat_id = $1", chat_id)
        else:
            await self._execute(
                """INSERT INTO chat_languages (chat_id, language) VALUES ($1, $2)
                   ON CONFLICT (chat_id) DO UPDATE SET language = excluded.language""",
                chat_id,
                language,
            )

    # --- updates and their deliveries ----------------------------------------------------------

    async def queue_updates(self, fact_ids: list[str]) -> list[str]:
        """The first process to insert an update's id owes it to every subscriber; one that tries
        at the same moment waits on the id's key until that commits, and then inserts nothing."""

        async def work(conn: asyncpg.Connection) -> list[str]:
            known = {
                r[0] for r in await conn.fetch("SELECT fact_id FROM known_updates WHERE fact_id = ANY($1)", fact_ids)
            }
            fresh: list[str] = []
            async with conn.transaction():
                for fact_id in (f for f in fact_ids if f not in known):
                    if await conn.fetchval(
                        "INSERT INTO known_updates (fact_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING fact_id",
                        fact_id,
                    ):
                        fresh.append(fact_id)
                        await conn.execute(
                            """INSERT INTO deliveries (fact_id, chat_id, not_before)
                               SELECT $1, chat_id, next_ok FROM subscriptions ORDER BY chat_id
                               ON CONFLICT DO NOTHING""",
                            fact_id,
                        )
            return fresh

        return await self._run(work)

    async def claim(self, now: float, *, limit: int) -> list[Delivery]:
        rows = await self._fetch(
            f"""WITH picked AS (
                    SELECT d.fact_id, d.chat_id FROM deliveries AS d
                    WHERE {_HEAD} AND d.not_before <= $1
                      AND (d.lease_until IS NULL OR d.lease_until < clock_timestamp())
                    ORDER BY d.seq LIMIT $2
                    FOR UPDATE OF d SKIP LOCKED)
                UPDATE deliveries AS u SET owner = $3, lease_until = clock_timestamp() + make_interval(secs => $4)
                FROM picked LEFT JOIN chat_languages AS l ON l.chat_id = picked.chat_id
                WHERE u.fact_id = picked.fact_id AND u.chat_id = picked.chat_id
                RETURNING u.fact_id, u.chat_id, u.attempts, l.language, u.seq""",
            now,
            limit,
            self.owner,
            self.lease,
        )
        return [Delivery(str(r[0]), int(r[1]), int(r[2]), r[3]) for r in sorted(rows, key=lambda r: int(r[4]))]

    async def next_due(self, now: float) -> float | None:
        """A delivery another process holds is due when its lease runs out, should that one die."""
        value = await self._value(
            f"""SELECT MIN(CASE WHEN lease_until IS NULL OR lease_until < clock_timestamp() THEN not_before
                    ELSE GREATEST(not_before, $1 + EXTRACT(EPOCH FROM lease_until - clock_timestamp())::float8) END)
                FROM deliveries AS d WHERE {_HEAD}""",
            now,
        )
        return None if value is None else float(value)

    async def mark_sent(self, delivery: Delivery, *, next_ok: float = 0.0) -> None:
        """One statement (one round trip): the row, the chat's next rows' pace, the chat's pace."""
        await self._execute(
            f"""WITH done AS (
                    UPDATE deliveries SET sent = now(), attempts = attempts + 1, owner = NULL, lease_until = NULL
                    WHERE fact_id = $1 AND chat_id = $2 AND owner = $3),
                next AS (
                    UPDATE deliveries SET not_before = $4
                    WHERE chat_id = $2 AND fact_id <> $1 AND not_before < $4 AND {_PENDING})
                UPDATE subscriptions SET next_ok = $4 WHERE chat_id = $2""",
            delivery.fact_id,
            delivery.chat_id,
            self.owner,
            next_ok,
        )

    async def defer(self, delivery: Delivery, until: float) -> None:
        await self._settle(delivery, "not_before = $3, attempts = attempts + 1", until)

    async def drop(self, delivery: Delivery, reason: str) -> None:
        await self._settle(delivery, "dropped = $3", reason)

    async def _settle(self, delivery: Delivery, assignments: str, value: object) -> None:
        """Give a claimed delivery back with `assignments` ($3 is `value`): only its owner may."""
        await self._execute(
            f"""UPDATE deliveries SET {assignments}, owner = NULL, lease_until = NULL
               WHERE fact_id = $1 AND chat_id = $2 AND owner = $4""",
            delivery.fact_id,
            delivery.chat_id,
            value,
            self.owner,
        )

    async def release_claims(self) -> None:
        await self._execute(
            "UPDATE deliveries SET owner = NULL, lease_until = NULL WHERE owner = $1 AND sent IS NULL", self.owner
        )

    async def delivery_counts(self) -> dict[str, int]:
        rows = await self._fetch(
            """SELECT CASE WHEN sent IS NOT NULL THEN 'sent' WHEN dropped IS NOT NULL THEN 'dropped'
                           ELSE 'pending' END AS state, COUNT(*) FROM deliveries GROUP BY state"""
        )
        counts = {"sent": 0, "pending": 0, "dropped": 0}
        counts.update({str(r[0]): int(r[1]) for r in rows})
        return counts

    # --- the shared send budget ------------------------------------------------------------------

    async def reserve(self, name: str, interval: float) -> float:
        wait = await self._run(
            lambda conn: conn.fetchval(
                """INSERT INTO send_budget AS b (name, tat) VALUES ($1, clock_timestamp() + make_interval(secs => $2))
                   ON CONFLICT (name) DO UPDATE
                       SET tat = GREATEST(b.tat, clock_timestamp(), b.paused_until) + make_interval(secs => $2)
                   RETURNING EXTRACT(EPOCH FROM b.tat - clock_timestamp())::float8 - $2""",
                name,
                interval,
            ),
            budget=True,
        )
        return max(float(wait), 0.0)

    async def pause(self, name: str, seconds: float) -> None:
        await self._run(
            lambda conn: conn.execute(
                """INSERT INTO send_budget AS b (name, tat, paused_until)
                   VALUES ($1, clock_timestamp(), clock_timestamp() + make_interval(secs => $2))
                   ON CONFLICT (name) DO UPDATE SET paused_until = GREATEST(b.paused_until, excluded.paused_until)""",
                name,
                seconds,
            ),
            budget=True,
        )
