"""One send budget against the loopback Bot API server: answers and a broadcast together stay
within it, and a 429 holds back only what it concerns."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import asyncpg
import pytest
from telegram.error import RetryAfter
from telegram.warnings import PTBDeprecationWarning

from bot.chat.limits import retry_after_seconds
from bot.store import PostgresStore
from tests.botapi import BotAPIServer, private_chat, user
from tests.clock import ManualClock
from tests.conftest import BotFactory, add_update, eventually
from tests.test_broadcast import NEWS, reloaded
from tests.test_chat import ALICE, BOB, PRIVATE, ask

# The server stamps a message when its request has been read; the bot spaces its messages evenly,
# so the stamps of the first and the last of budget + 1 messages can only come closer than a
# second by how much later the first one's request took to arrive on loopback than the last one's.
ARRIVAL_JITTER = 0.05


async def test_answers_and_a_broadcast_share_one_budget(
    make_bot: BotFactory, api: BotAPIServer, facts_copy: Path
) -> None:
    budget = 20
    app = await make_bot(facts_dir=facts_copy, send_rate=budget, broadcast_rate=15)
    subscribers = list(range(6000, 6020))
    for chat_id in subscribers:
        await app.bot_data.store.subscribe(chat_id)
    version = app.bot_data.serving.current.version
    add_update(facts_copy, "follow-up-budget", "A made-up follow-up sent while many people ask.")
    await reloaded(api, app, version)

    def news() -> list[float]:
        return [m["at"] for m in api.sent if NEWS in m["text"]]

    await api.wait_for(news)
    questions = [api.user_message("who did it", chat=private_chat(n), user=user(n)) for n in range(6100, 6120)]
    await api.wait_for(lambda: len(news()) == len(subscribers) and all(api.replies_to(q) for q in questions), 30)

    stamps = sorted(m["at"] for m in api.sent)
    assert len(stamps) == len(subscribers) + len(questions)
    assert all(last - first >= 1 - ARRIVAL_JITTER for first, last in zip(stamps, stamps[budget:], strict=False))
    answered = [api.replies_to(q)[0]["at"] for q in questions]
    assert any(min(news()) < at < max(news()) for at in answered)  # answered during the broadcast, not after


async def test_a_429_for_one_chat_holds_back_that_chat_only(make_bot: BotFactory, api: BotAPIServer) -> None:
    clock = ManualClock()
    await make_bot(clock=clock)
    api.fail("sendMessage", 429, retry_after=5)
    held = api.user_message("who did it", chat=PRIVATE, user=ALICE)
    await api.wait_for(lambda: not api.faults["sendMessage"])
    [other] = await ask(api, "who did it", chat=private_chat(BOB["id"]), who=BOB)
    assert "Baloch Liberation Army" in other["text"]
    assert not api.replies_to(held)  # its hold ends only when the clock passes retry_after
    clock.advance(5)
    [reply] = await api.wait_for(lambda: api.replies_to(held))
    assert "Baloch Liberation Army" in reply["text"]
    assert [int(m["chat_id"]) for m in api.calls_of("sendMessage")].count(ALICE["id"]) == 2  # the 429, then the answer


async def test_a_429_outside_any_chat_holds_back_everything(make_bot: BotFactory, api: BotAPIServer) -> None:
    clock = ManualClock()
    await make_bot(clock=clock)
    [reply] = await ask(api, "what did bugti say")  # a "did you mean", with buttons
    api.fail("answerCallbackQuery", 429, retry_after=5)
    api.callback(reply["reply_markup"]["inline_keyboard"][0][0]["callback_data"], message=reply, user=ALICE)
    await api.wait_for(lambda: not api.faults["answerCallbackQuery"])
    waiting = clock.waiting
    question = api.user_message("who did it", chat=private_chat(BOB["id"]), user=BOB)
    await api.wait_for(lambda: clock.waiting == waiting + 1)  # the answer is held back too
    assert not api.replies_to(question)
    clock.advance(5)
    await api.wait_for(lambda: api.replies_to(question) and len(api.calls_of("answerCallbackQuery")) == 2)


async def test_a_429_outside_any_chat_pauses_every_process_on_the_database(
    make_bot: BotFactory, api: BotAPIServer, database_url: str
) -> None:
    await make_bot(database_url=database_url)
    [reply] = await ask(api, "what did bugti say")
    api.fail("answerCallbackQuery", 429, retry_after=1)
    api.callback(reply["reply_markup"]["inline_keyboard"][0][0]["callback_data"], message=reply, user=ALICE)
    database = await asyncpg.connect(database_url)
    try:

        async def paused() -> bool:
            query = "SELECT paused_until > clock_timestamp() + interval '0.5 s' FROM send_budget WHERE name = $1"
            return bool(await database.fetchval(query, "overall"))

        await eventually(paused)
    finally:
        await database.close()
    async with PostgresStore(database_url) as another_process:
        assert await another_process.reserve("overall", 1 / 30) > 0.4  # its next message waits too
    await api.wait_for(lambda: len(api.calls_of("answerCallbackQuery")) == 2)


@pytest.mark.parametrize("mode", ["1", "false"])
@pytest.mark.parametrize(("given", "seconds"), [(3, 3.0), (dt.timedelta(seconds=1.5), 1.5)])
def test_retry_after_is_read_in_seconds_whichever_type_ptb_gives(
    monkeypatch: pytest.MonkeyPatch, mode: str, given: int | dt.timedelta, seconds: float
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", mode)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)  # PTB's own, on building the error
        error = RetryAfter(given)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert retry_after_seconds(error) == seconds
