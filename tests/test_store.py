"""SQLite state: subscriptions and the outbox survive reopening, each update is owed once, and the
files are private to their owner."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import stat
from collections.abc import AsyncIterator
from pathlib import Path

import aiosqlite
import pytest

from bot.store import Store
from tests.botapi import BotAPIServer
from tests.conftest import BotFactory
from tests.test_chat import ask


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    async with Store(tmp_path / "factbot.sqlite3") as opened:
        yield opened


async def test_subscriptions_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    async with Store(path) as store:
        assert await store.subscribe(1) and not await store.subscribe(1)
        await store.subscribe(-100)
    async with Store(path) as store:
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
    assert [(d.fact_id, d.chat_id) for d in await store.due(1e12, limit=10)] == [("u2", 7)]


async def test_due_gives_one_delivery_per_chat_oldest_first(store: Store) -> None:
    await store.subscribe(1)
    await store.subscribe(2)
    await store.queue_updates(["old"])
    await store.queue_updates(["new"])
    due = await store.due(1e12, limit=10)
    assert [(d.fact_id, d.chat_id) for d in due] == [("old", 1), ("old", 2)]
    await store.mark_sent(due[0])
    await store.defer(due[1], until=5e12)
    assert [(d.fact_id, d.chat_id) for d in await store.due(1e12, limit=10)] == [("new", 1)]
    assert await store.next_due() == 0


async def test_unsubscribing_drops_what_the_chat_was_owed(store: Store) -> None:
    await store.subscribe(1)
    await store.queue_updates(["u1"])
    await store.unsubscribe(1, reason="forbidden")
    assert await store.due(1e12, limit=10) == []
    assert await store.delivery_counts() == {"sent": 0, "pending": 0, "dropped": 1}


async def test_migration_moves_subscription_and_pending_deliveries(store: Store) -> None:
    await store.subscribe(-5)
    await store.queue_updates(["u1"])
    await store.migrate_chat(-5, -1005)
    assert not await store.is_subscribed(-5) and await store.is_subscribed(-1005)
    assert [d.chat_id for d in await store.due(1e12, limit=10)] == [-1005]


async def test_migration_onto_an_already_subscribed_id_keeps_one(store: Store) -> None:
    await store.subscribe(-5)
    await store.subscribe(-1005)
    await store.queue_updates(["u1"])
    await store.migrate_chat(-5, -1005)
    assert await store.subscriber_count() == 1
    assert [d.chat_id for d in await store.due(1e12, limit=10)] == [-1005]


async def test_buffered_question_counts_are_written_on_close(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    async with Store(path) as store:
        for _ in range(3):
            await store.record_question("who did it", sure=True)
        await store.record_question("weather", sure=False)
    async with Store(path) as store:
        assert await store.question_counts() == {"sure": 3, "unsure": 1}
        assert await store.unsure_questions() == [("weather", 1)]


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
    async with Store(path) as store:
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
    async with Store(path):
        pass
    assert mode(folder) == 0o700 and mode(path) == 0o600


async def test_queueing_updates_is_one_transaction_against_other_writers(tmp_path: Path) -> None:
    path = tmp_path / "factbot.sqlite3"
    async with Store(path) as store:
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


async def test_a_chat_language_is_kept_changed_forgotten_and_moved(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    async with Store(path) as store:
        assert await store.language(7) is None  # never chosen: auto
        await store.set_language(7, "en")
        await store.set_language(7, "ur")
        await store.set_language(-5, "ur")
        await store.set_language(8, "en")
        await store.set_language(8, None)
    async with Store(path) as store:
        assert [await store.language(c) for c in (7, 8, -5)] == ["ur", None, "ur"]
        await store.migrate_chat(-5, -1005)
        assert await store.language(-5) is None and await store.language(-1005) == "ur"
