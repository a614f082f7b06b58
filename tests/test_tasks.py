"""Background tasks survive any exception: the watcher, the broadcaster and the count flusher are
logged once and started again, and nothing they were doing is lost."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path

import pytest

from bot.chat.tasks import supervise
from tests.botapi import BotAPIServer, private_chat
from tests.clock import ManualClock
from tests.conftest import BotFactory, add_update, eventually
from tests.test_broadcast import news_in, reloaded, subscribe
from tests.test_chat import ask


def failures(caplog: pytest.LogCaptureFixture, name: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.getMessage().startswith(f"{name} failed") and r.exc_info]


async def test_tasks_survive_a_database_that_refuses_writes(
    make_bot: BotFactory, api: BotAPIServer, facts_copy: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    clock = ManualClock()
    app = await make_bot(facts_dir=facts_copy, clock=clock, flush_every=0.02)
    store = app.bot_data.store
    chat = private_chat(2601)
    await subscribe(api, chat)
    await store.db.execute("PRAGMA query_only = 1")  # every write fails from now on

    version = app.bot_data.serving.current.version
    add_update(facts_copy, "follow-up-one", "A made-up follow-up written while the database refused writes.")
    await reloaded(api, app, version)
    await ask(api, "who did it")  # counted in memory; its flush fails
    await api.wait_for(lambda: failures(caplog, "the fact watcher") and failures(caplog, "the count flusher"))
    restarts = len(clock.slept)  # each restart's pause, on the test's clock
    await api.wait_for(lambda: len(clock.slept) >= restarts + 5)  # more failed flushes: none is logged again
    assert len(failures(caplog, "the fact watcher")) == 1 and len(failures(caplog, "the count flusher")) == 1

    await store.db.execute("PRAGMA query_only = 0")  # the watcher, restarted at once, is watching again
    version = app.bot_data.serving.current.version
    add_update(facts_copy, "follow-up-two", "A made-up follow-up written after the database recovered.")
    await reloaded(api, app, version)
    await api.wait_for(lambda: news_in(api, chat["id"]))
    clock.advance(1)  # one update a second into a private chat
    await api.wait_for(lambda: len(news_in(api, chat["id"])) == 2)

    def committed() -> int:
        with sqlite3.connect(tmp_path / "factbot.sqlite3") as db:
            return int(db.execute("SELECT COALESCE(SUM(value), 0) FROM counters").fetchone()[0])

    async def flushed() -> bool:  # read by another connection, so only the flusher can make it true
        return await asyncio.to_thread(committed) == 1

    await eventually(flushed)


async def test_a_task_that_ends_or_fails_is_started_again(caplog: pytest.LogCaptureFixture) -> None:
    runs: list[int] = []
    fifth = asyncio.Event()

    async def flaky() -> None:
        runs.append(len(runs))
        if len(runs) <= 2:
            return
        if len(runs) <= 4:
            raise OSError("disk on fire")
        fifth.set()
        await asyncio.Event().wait()  # runs well from now on

    clock = ManualClock()
    task = asyncio.create_task(supervise("the flaky task", flaky, clock))
    await fifth.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    messages = [r.getMessage() for r in caplog.records]
    assert messages.count("the flaky task ended unexpectedly; restarting it in 1s") == 1
    assert len([m for m in messages if m.startswith("the flaky task failed")]) == 1
    assert clock.slept == [1.0, 2.0, 4.0, 8.0]
