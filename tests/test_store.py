"""The store, SQLite and PostgreSQL alike: subscriptions and the outbox survive reopening, each update
is owed once, a chat's deliveries go in order; SQLite's files are private to their owner; on
PostgreSQL, processes sharing one database claim each delivery once and share one send budget."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import sqlite3
import stat
from collections.abc import AsyncIterator
from pathlib import Path

import aiosqlite
import asyncpg
import pytest

from bot.errors import ConfigError
from bot.store import PostgresStore, SQLiteStore, Store
from bot.store import postgres as postgres_store
from tests.botapi import BotAPIServer
from tests.conftest import BotFactory, StoreFactory, eventually
from tests.pg import Cable
from tests.test_chat import ask, command

SOON = 1e12  # a clock time after every delivery's


@pytest.fixture
async def store(make_store: StoreFactory) -> AsyncIterator[Store]:
    async with make_store() as opened:
        yield opened


async def test_subscriptions_survive_reopening(make_store: StoreFactory) -> None:
    async with make_store() as store:
        assert await store.subscribe(1) and not await store.subscribe(1)
        await store.subscribe(-100)
    async with make_store() as store:
        assert await store.subscriber_count() == 2 and await store.is_subscribed(-100)
        assert await store.unsubscribe(1) and not await store.unsubscribe(1)


async def test_each_update_is_owed_once_to_each_subscriber(store: Store) -> None:
    for chat in (1, 2, -3):
        await store.subscribe(chat)
    assert await store.queue_updates(["u1", "u2"]) == ["u1", "u2"]
    assert await store.queue_updates(["u1", "u2", "u3"]) == ["u3"]
    assert (await store.delivery_counts())["pending"] == 9


async def test_a_late_subscriber_is_not_sent_old_updates(store: Store) -> None:
    await store.queue_updates(["u1"])
    await store.subscribe(7)
    await store.queue_updates(["u1", "u2"])
    assert [(d.fact_id, d.chat_id) for d in await store.claim(SOON, limit=10)] == [("u2", 7)]


async def test_a_claim_gives_one_delivery_per_chat_oldest_first(store: Store) -> None:
    await store.subscribe(1)
    await store.subscribe(2)
    await store.queue_updates(["old"])
    await store.queue_updates(["new"])
    claimed = await store.claim(SOON, limit=10)
    assert [(d.fact_id, d.chat_id) for d in claimed] == [("old", 1), ("old", 2)]
    assert await store.claim(SOON, limit=10) == []  # taken, and each chat's next waits for them
    await store.mark_sent(claimed[0], next_ok=100.0)
    await store.defer(claimed[1], until=5e12)
    assert await store.claim(99.0, limit=10) == []  # chat 1's pace
    assert await store.next_due(0.0) == 100.0
    assert [(d.fact_id, d.chat_id) for d in await store.claim(SOON, limit=10)] == [("new", 1)]


async def test_claims_given_back_are_claimed_again(store: Store) -> None:
    await store.subscribe(1)
    await store.queue_updates(["u1"])
    [first] = await store.claim(SOON, limit=10)
    await store.release_claims()
    assert await store.claim(SOON, limit=10) == [first]


async def test_unsubscribing_drops_what_the_chat_was_owed(store: Store) -> None:
    await store.subscribe(1)
    await store.queue_updates(["u1"])
    await store.unsubscribe(1, reason="forbidden")
    assert await store.claim(SOON, limit=10) == []
    assert await store.delivery_counts() == {"sent": 0, "pending": 0, "dropped": 1}


async def test_migration_moves_subscription_and_pending_deliveries(store: Store) -> None:
    await store.subscribe(-5)
    await store.queue_updates(["u1"])
    await store.migrate_chat(-5, -1005)
    assert not await store.is_subscribed(-5) and await store.is_subscribed(-1005)
    assert [d.chat_id for d in await store.claim(SOON, limit=10)] == [-1005]


async def test_migration_onto_an_already_subscribed_id_keeps_one(store: Store) -> None:
    await store.subscribe(-5)
    await store.subscribe(-1005)
    await store.queue_updates(["u1"])
    await store.migrate_chat(-5, -1005)
    assert await store.subscriber_count() == 1
    assert [d.chat_id for d in await store.claim(SOON, limit=10)] == [-1005]


async def test_buffered_question_counts_are_written_on_close(make_store: StoreFactory) -> None:
    async with make_store() as store:
        for _ in range(3):
            await store.record_question("who did it", sure=True)
        await store.record_question("weather", sure=False)
    async with make_store() as store:
        assert await store.question_counts() == {"sure": 3, "unsure": 1}
        assert await store.unsure_questions() == [("weather", 1)]


async def test_a_count_read_while_another_write_is_under_way_sees_every_question(store: Store) -> None:
    """The periodic flush may have taken the buffer and be waiting behind another write when an
    operator asks for the figures: the read waits for it rather than missing those questions."""
    await store.record_question("who did it", sure=True)
    other_write = asyncio.create_task(store.subscribe(1))
    await asyncio.sleep(0)
    periodic = asyncio.create_task(store.flush())
    await asyncio.sleep(0)
    assert await store.question_counts() == {"sure": 1, "unsure": 0}
    await asyncio.gather(other_write, periodic)


async def test_counts_from_before_sure_and_unsure_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    async with aiosqlite.connect(path) as db:
        await db.executescript(
            """CREATE TABLE questions (normalised TEXT PRIMARY KEY, asked INTEGER NOT NULL DEFAULT 0,
                   unanswered INTEGER NOT NULL DEFAULT 0, last_seen TEXT NOT NULL);
               CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL DEFAULT 0);
               INSERT INTO questions VALUES ('weather', 2, 2, '2026-01-01');
               INSERT INTO counters VALUES ('answered', 5), ('unanswered', 2);"""
        )
    async with SQLiteStore(path) as store:
        await store.record_question("weather", sure=False)
        assert await store.question_counts() == {"sure": 5, "unsure": 3}
        assert await store.unsure_questions() == [("weather", 3)]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def test_the_running_bot_keeps_its_data_private(make_bot: BotFactory, api: BotAPIServer, tmp_path: Path) -> None:
    os.chmod(tmp_path, 0o755)
    app = await make_bot()
    await ask(api, "who did it")
    await app.bot_data.store.flush()
    database = tmp_path / "factbot.sqlite3"
    files = [database, database.with_name("factbot.sqlite3-wal"), database.with_name("factbot.sqlite3-shm")]
    assert mode(tmp_path) == 0o700
    assert [mode(f) for f in files] == [0o600] * 3


async def test_an_existing_database_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    path = folder / "factbot.sqlite3"
    sqlite3.connect(path).close()
    path.chmod(0o644)
    async with SQLiteStore(path):
        pass
    assert mode(folder) == 0o700 and mode(path) == 0o600


async def test_queueing_updates_is_one_transaction_against_other_writers(tmp_path: Path) -> None:
    path = tmp_path / "factbot.sqlite3"
    async with SQLiteStore(path) as store:
        await store.subscribe(1)
        queueing = asyncio.create_task(store.queue_updates([f"u{n}" for n in range(300)]))
        await asyncio.sleep(0)  # it has begun its transaction
        await store.subscribe(2)  # another writer commits meanwhile
        queueing.cancel()  # and the queueing is cut short, if it has not finished
        with contextlib.suppress(asyncio.CancelledError):
            await queueing
    with sqlite3.connect(path) as db:
        known = db.execute("SELECT COUNT(*) FROM known_updates").fetchone()[0]
        owed = db.execute("SELECT COUNT(*) FROM deliveries").fetchone()[0]
    assert (known, owed) in {(0, 0), (300, 300)}


async def test_a_chat_language_is_kept_changed_forgotten_and_moved(make_store: StoreFactory) -> None:
    async with make_store() as store:
        assert await store.language(7) is None  # never chosen: auto
        await store.set_language(7, "en")
        await store.set_language(7, "ur")
        await store.set_language(-5, "ur")
        await store.set_language(8, "en")
        await store.set_language(8, None)
    async with make_store() as store:
        assert [await store.language(c) for c in (7, 8, -5)] == ["ur", None, "ur"]
        await store.migrate_chat(-5, -1005)
        assert await store.language(-5) is None and await store.language(-1005) == "ur"


async def test_a_person_s_last_question_is_kept_per_chat_and_person_until_replaced(make_store: StoreFactory) -> None:
    async with make_store() as store:
        await store.remember_question(7, 1, "how many killed", at=100.0)
        await store.remember_question(7, 1, "who claim", at=200.0)
        await store.remember_question(7, 2, "when", at=150.0)
        await store.remember_question(-5, 1, "where", at=120.0)
    async with make_store() as store:
        assert await store.last_question(7, 1, since=190.0) == "who claim"
        assert await store.last_question(7, 1, since=201.0) is None  # too long ago
        assert [await store.last_question(c, u, since=0.0) for c, u in ((7, 2), (-5, 1), (-5, 2))] == [
            "when",
            "where",
            None,
        ]


@pytest.fixture
async def replicas(database_url: str) -> AsyncIterator[tuple[PostgresStore, PostgresStore]]:
    """Two processes' stores on one PostgreSQL database, with short leases."""
    async with PostgresStore(database_url, lease=0.2) as one, PostgresStore(database_url, lease=0.2) as two:
        yield one, two


async def test_processes_queueing_the_same_updates_at_once_owe_each_once(
    replicas: tuple[PostgresStore, PostgresStore],
) -> None:
    one, two = replicas
    for chat in range(1, 51):
        await one.subscribe(chat)
    updates = [f"u{n}" for n in range(20)]
    first, second = await asyncio.gather(one.queue_updates(updates), two.queue_updates(updates))
    assert sorted(first + second) == sorted(updates) and not set(first) & set(second)
    assert await two.delivery_counts() == {"sent": 0, "pending": 1000, "dropped": 0}


async def test_a_delivery_is_claimed_by_one_process_and_settled_only_by_it(
    replicas: tuple[PostgresStore, PostgresStore],
) -> None:
    one, two = replicas
    for chat in (1, 2, 3):
        await one.subscribe(chat)
    await one.queue_updates(["u1", "u2"])
    mine, theirs = await asyncio.gather(one.claim(SOON, limit=2), two.claim(SOON, limit=2))
    assert sorted(d.chat_id for d in mine + theirs) == [1, 2, 3] and {d.fact_id for d in mine + theirs} == {"u1"}
    assert await two.claim(SOON, limit=10) == []  # each chat's u2 waits for its u1
    await two.mark_sent(mine[0])  # not its claim: nothing happens
    assert (await one.delivery_counts())["sent"] == 0
    await one.mark_sent(mine[0])
    [following] = await two.claim(SOON, limit=10)
    assert (following.fact_id, following.chat_id) == ("u2", mine[0].chat_id)


async def test_a_dead_process_s_claims_are_taken_up_after_its_lease(
    replicas: tuple[PostgresStore, PostgresStore],
) -> None:
    one, two = replicas
    await one.subscribe(1)
    await one.queue_updates(["u1"])
    [claimed] = await one.claim(SOON, limit=1)  # and `one` dies with it in flight
    assert await two.claim(SOON, limit=1) == []
    assert await two.next_due(0.0) is not None
    taken: list[object] = []

    async def taken_up() -> bool:
        taken.extend(await two.claim(SOON, limit=1))
        return bool(taken)

    await eventually(taken_up)
    assert taken == [claimed]
    await one.mark_sent(claimed)  # too late: it is no longer its own
    await two.mark_sent(claimed)
    assert await two.delivery_counts() == {"sent": 1, "pending": 0, "dropped": 0}


async def test_processes_share_one_paced_budget_and_its_pause(
    replicas: tuple[PostgresStore, PostgresStore], database_url: str
) -> None:
    """Turns are kept on the database's clock, so they are read there, exactly: each is `interval`
    after the one before, whoever takes it, and a pause puts the next turn after it. The interval is
    long so that however slow the machine, the clock never catches up with the turns."""
    one, two = replicas
    interval = 10.0
    database = await asyncpg.connect(database_url)
    try:

        async def budget() -> tuple[float, float]:
            row = await database.fetchrow(
                "SELECT EXTRACT(EPOCH FROM tat)::float8, EXTRACT(EPOCH FROM paused_until)::float8"
                " FROM send_budget WHERE name = 'updates'"
            )
            assert row is not None
            return float(row[0]), float(row[1])

        turns = []
        for store in [one, two] * 10:
            await store.reserve("updates", interval)
            turns.append((await budget())[0])
        assert [round(later - earlier, 6) for earlier, later in itertools.pairwise(turns)] == [interval] * 19
        await one.pause("updates", 1000.0)  # past every turn taken
        paused_until = (await budget())[1]
        assert await two.reserve("updates", interval) > 900
        assert round((await budget())[0] - paused_until, 6) == interval
    finally:
        await database.close()


async def test_an_unreachable_database_is_a_config_error_without_its_password() -> None:
    url = "postgresql://factbot:hunter2-secret@127.0.0.1:1/factbot"
    with pytest.raises(ConfigError) as caught:
        await PostgresStore(url).open()
    message = str(caught.value)
    assert message.startswith("FACTBOT_DATABASE_URL: cannot use the database at postgresql://factbot:***@127.0.0.1:1")
    assert "hunter2" not in message


async def test_the_schema_is_made_once_however_many_processes_start_at_once(database_url: str) -> None:
    stores = [PostgresStore(database_url) for _ in range(3)]
    await asyncio.gather(*(store.open() for store in stores))
    await asyncio.gather(*(store.close() for store in stores))
    database = await asyncpg.connect(database_url)
    try:
        versions = [r[0] for r in await database.fetch("SELECT version FROM schema_version ORDER BY version")]
        assert versions == list(range(1, len(postgres_store._MIGRATIONS) + 1))  # each once
    finally:
        await database.close()


@pytest.fixture
async def cable(database_url: str) -> AsyncIterator[Cable]:
    """Asked for before the bot, so that it is mended until the bot has stopped."""
    async with Cable(database_url) as relay:
        yield relay


async def test_the_bot_answers_through_a_lost_database_and_logs_it_once(
    cable: Cable, make_bot: BotFactory, api: BotAPIServer, caplog: pytest.LogCaptureFixture
) -> None:
    await make_bot(database_url=cable.url)
    await cable.cut()
    for _ in range(2):
        [answer] = await ask(api, "who claimed the attacks")
        assert "Baloch Liberation Army" in answer["text"]
    await cable.mend()
    [reply] = await ask(api, "/subscribe", entities=command("/subscribe"))
    assert "subscribed" in reply["text"]
    said = [r.getMessage() for r in caplog.records if r.name == "bot.store.postgres"]
    assert [m.split(" (")[0] for m in said[-2:]] == ["lost the database connection", "the database connection is back"]
    assert all("pw-never-checked" not in r.getMessage() for r in caplog.records)
