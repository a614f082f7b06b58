"""Updates reach every subscribed chat exactly once, within Telegram's limits, across restarts."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path
from typing import Any

from bot.chat.context import App
from bot.store import PostgresStore, SQLiteStore, Store
from tests.botapi import BotAPIServer, group_chat, private_chat, user
from tests.clock import ManualClock
from tests.conftest import BotFactory, add_update, eventually
from tests.test_chat import ALICE, ask, command
from tests.test_run import start_bot, stop_bot

NEWS = "New development"


async def subscribe(api: BotAPIServer, chat: dict[str, Any], who: dict[str, Any] | None = None) -> None:
    who = who or user(chat["id"])
    if chat["type"] != "private":
        api.admins.setdefault(chat["id"], set()).add(who["id"])
    [reply] = await ask(api, "/subscribe", chat=chat, who=who, entities=command("/subscribe"))
    assert "subscribed" in reply["text"]


def news_in(api: BotAPIServer, chat_id: int, marker: str = NEWS) -> list[dict[str, Any]]:
    return [m for m in api.sent_to(chat_id) if marker in m["text"]]


async def reloaded(api: BotAPIServer, app: App, version: str) -> None:
    await api.wait_for(lambda: app.bot_data.serving.current.version != version)


async def test_a_new_update_reaches_every_subscriber_once(
    make_bot: BotFactory, api: BotAPIServer, facts_copy: Path
) -> None:
    app = await make_bot(facts_dir=facts_copy)
    chats = [private_chat(2001), private_chat(2002), group_chat(-2003)]
    for chat in chats:
        await subscribe(api, chat)
    version = app.bot_data.serving.current.version
    add_update(facts_copy, "follow-up-one", "A made-up follow-up for this test.")
    await reloaded(api, app, version)
    await api.wait_for(lambda: all(news_in(api, c["id"]) for c in chats))
    assert not news_in(api, ALICE["id"])  # not subscribed

    version = app.bot_data.serving.current.version
    path = facts_copy / "update-follow-up-one.yaml"
    path.write_text(path.read_text().replace("A made-up follow-up", "A reworded made-up follow-up"))
    await reloaded(api, app, version)
    await asyncio.sleep(0.2)  # a repeat would show now
    assert [len(news_in(api, c["id"])) for c in chats] == [1, 1, 1]
    [latest] = await ask(api, "/latest", entities=command("/latest"))
    assert "A reworded made-up follow-up" in latest["text"] and "Test Wire" in latest["text"]


async def test_an_update_that_supersedes_is_a_change_and_leads_answers(
    make_bot: BotFactory, api: BotAPIServer, facts_copy: Path
) -> None:
    app = await make_bot(facts_dir=facts_copy)
    await subscribe(api, private_chat(2101))
    version = app.bot_data.serving.current.version
    add_update(facts_copy, "toll-revised", "A made-up revised toll.", supersedes=("militants-killed-145",))
    await reloaded(api, app, version)
    [notice] = await api.wait_for(lambda: news_in(api, 2101, "Change, 3 Feb 2026"))
    assert "replaces an earlier report" in notice["text"]
    assert "Test Wire" in notice["text"] and "News Desk" in notice["text"] and "145" in notice["text"]
    [answer] = await ask(api, "how many militants were killed")
    text = answer["text"]
    assert text.index("A made-up revised toll.") < text.index("Earlier report") < text.index("145 militants")


async def test_a_429_during_a_broadcast_puts_off_that_chat_only_and_answers_flow(
    make_bot: BotFactory, api: BotAPIServer, facts_copy: Path
) -> None:
    clock = ManualClock()
    app = await make_bot(facts_dir=facts_copy, clock=clock)
    chats = [private_chat(2200 + i) for i in range(5)]
    for chat in chats:
        await subscribe(api, chat)
    sent_before = len(api.calls_of("sendMessage"))
    api.fail("sendMessage", 429, retry_after=3)
    version = app.bot_data.serving.current.version
    add_update(facts_copy, "follow-up-429", "A made-up follow-up sent into a flood limit.")
    await reloaded(api, app, version)
    await api.wait_for(lambda: not api.faults["sendMessage"])
    held = int(api.calls_of("sendMessage")[sent_before]["chat_id"])
    [answer] = await ask(api, "who claimed the attacks")
    assert "Baloch Liberation Army" in answer["text"]
    await api.wait_for(lambda: all(news_in(api, c["id"]) for c in chats if c["id"] != held))
    assert not news_in(api, held)  # put off until the clock passes retry_after
    clock.advance(3)
    await api.wait_for(lambda: news_in(api, held))
    await asyncio.sleep(0.1)  # anything repeated would show now
    assert [len(news_in(api, c["id"])) for c in chats] == [1] * len(chats)


async def test_blocked_and_removed_chats_are_unsubscribed(
    make_bot: BotFactory, api: BotAPIServer, facts_copy: Path
) -> None:
    app = await make_bot(facts_dir=facts_copy)
    store: Store = app.bot_data.store
    happy, blocker, leaver, kicker = private_chat(2301), private_chat(2302), group_chat(-2303), group_chat(-2304)
    for chat in (happy, blocker, leaver, kicker):
        await subscribe(api, chat)
    api.member_update(leaver, status="left", by=user(9))
    api.member_update(kicker, status="kicked", by=user(9))
    await api.wait_for(lambda: len(api.calls_of("getUpdates")) > 0)
    api.blocked.add(blocker["id"])
    version = app.bot_data.serving.current.version
    add_update(facts_copy, "follow-up-blocked", "A made-up follow-up for blocked chats.")
    await reloaded(api, app, version)
    await api.wait_for(lambda: news_in(api, happy["id"]))
    await eventually(lambda: store.is_subscribed(blocker["id"]), becomes=False)
    assert [await store.is_subscribed(c["id"]) for c in (happy, blocker, leaver, kicker)] == [True, False, False, False]
    assert await store.delivery_counts() == {"sent": 1, "pending": 0, "dropped": 1}


async def test_a_migrated_group_keeps_its_subscription(
    make_bot: BotFactory, api: BotAPIServer, facts_copy: Path
) -> None:
    app = await make_bot(facts_dir=facts_copy)
    announced, discovered = group_chat(-2401), group_chat(-2402)
    for chat in (announced, discovered):
        await subscribe(api, chat)
    api.user_message(None, chat=announced, user=user(9), extra={"migrate_to_chat_id": -1002401})
    await api.wait_for(lambda: len(api.calls_of("getUpdates")) > 0)
    api.migrated[discovered["id"]] = -1002402  # learnt only when sending fails
    store: Store = app.bot_data.store
    await eventually(lambda: store.is_subscribed(-1002401))
    version = app.bot_data.serving.current.version
    add_update(facts_copy, "follow-up-migrated", "A made-up follow-up for supergroups.")
    await reloaded(api, app, version)
    await api.wait_for(lambda: news_in(api, -1002401) and news_in(api, -1002402))
    assert await store.is_subscribed(-1002401) and await store.is_subscribed(-1002402)
    assert not await store.is_subscribed(-2401) and not await store.is_subscribed(-2402)


async def test_one_chat_gets_several_updates_in_order_and_paced(
    make_bot: BotFactory, api: BotAPIServer, facts_copy: Path
) -> None:
    clock = ManualClock()
    app = await make_bot(facts_dir=facts_copy, clock=clock)
    private, group = private_chat(2501), group_chat(-2502)
    for chat in (private, group):
        await subscribe(api, chat)
    version = app.bot_data.serving.current.version
    add_update(facts_copy, "follow-up-early", "The earlier made-up follow-up.", said_on="2026-02-02")
    add_update(facts_copy, "follow-up-late", "The later made-up follow-up.", said_on="2026-02-04")
    await reloaded(api, app, version)
    await api.wait_for(lambda: news_in(api, private["id"]) and news_in(api, group["id"]))
    clock.advance(0.9)  # neither gap has passed
    await asyncio.sleep(0.1)
    assert [len(news_in(api, c["id"])) for c in (private, group)] == [1, 1]
    clock.advance(0.1)  # a second: the private chat's gap
    await api.wait_for(lambda: len(news_in(api, private["id"])) == 2)
    assert len(news_in(api, group["id"])) == 1
    clock.advance(2)  # three seconds: the group's gap
    await api.wait_for(lambda: len(news_in(api, group["id"])) == 2)
    for chat in (private, group):
        first, second = news_in(api, chat["id"])
        assert "earlier made-up" in first["text"] and "later made-up" in second["text"]


async def test_a_broadcast_to_many_chats_does_not_hold_up_answers(
    make_bot: BotFactory, api: BotAPIServer, facts_copy: Path
) -> None:
    app = await make_bot(facts_dir=facts_copy)
    store: Store = app.bot_data.store
    chats = list(range(3000, 3040))  # more than 30, so the cap of 30 a second is tested
    for chat_id in chats:
        await store.subscribe(chat_id)
    version = app.bot_data.serving.current.version
    add_update(facts_copy, "follow-up-many", "A made-up follow-up for forty chats.")
    await reloaded(api, app, version)

    def delivered() -> int:
        return sum(1 for m in api.sent if NEWS in m["text"])

    await api.wait_for(lambda: delivered() >= 10)
    before = delivered()
    [answer] = await ask(api, "what did india say")
    assert "Jaiswal" in answer["text"]
    assert delivered() < before + 15 < len(chats)  # answered mid-broadcast, not after it
    await api.wait_for(lambda: delivered() == len(chats), timeout=30)
    times = sorted(m["at"] for m in api.sent if NEWS in m["text"])
    assert all(later - earlier >= 0.95 for earlier, later in zip(times, times[30:], strict=False))  # <= 30 a second
    assert sorted(m["chat"]["id"] for m in api.sent if NEWS in m["text"]) == chats


async def subscribed(tmp_path: Path, chats: list[int]) -> None:
    async with SQLiteStore(tmp_path / "factbot.sqlite3") as store:
        for chat_id in chats:
            await store.subscribe(chat_id)


def delivered(api: BotAPIServer) -> list[int]:
    return [m["chat"]["id"] for m in api.sent if NEWS in m["text"]]


async def test_a_broadcast_stopped_gracefully_is_finished_once_after_a_restart(
    api: BotAPIServer, facts_copy: Path, tmp_path: Path
) -> None:
    chats = list(range(4000, 4012))
    await subscribed(tmp_path, chats)
    env = {"FACTBOT_DATA_DIR": str(tmp_path), "FACTBOT_FACTS_DIR": str(facts_copy), "FACTBOT_BROADCAST_RATE": "10"}
    process = await start_bot("--base-url", api.base_url, env=env)
    try:
        await api.wait_for(lambda: api.calls_of("getUpdates"), timeout=30)
        add_update(facts_copy, "follow-up-restart", "A made-up follow-up interrupted by a restart.")
        await api.wait_for(lambda: len(delivered(api)) >= 6, timeout=30)
        await stop_bot(process)
        assert 6 <= len(delivered(api)) < len(chats)
        process = await start_bot("--base-url", api.base_url, env=env)
        await api.wait_for(lambda: len(delivered(api)) >= len(chats), timeout=30)
        await asyncio.sleep(0.3)  # a repeat would show now
        assert sorted(delivered(api)) == chats
    finally:
        if process.returncode is None:
            await stop_bot(process)


async def test_a_hard_kill_mid_broadcast_repeats_at_most_one_per_chat_and_the_bound_in_all(
    api: BotAPIServer, facts_copy: Path, tmp_path: Path
) -> None:
    """Telegram is slow to answer, so messages are always in flight; the kill cuts them off after
    Telegram took them and before the bot could record them, which is when repeats happen."""
    chats, in_flight = list(range(4100, 4124)), 4
    await subscribed(tmp_path, chats)
    env = {
        "FACTBOT_DATA_DIR": str(tmp_path),
        "FACTBOT_FACTS_DIR": str(facts_copy),
        "FACTBOT_BROADCAST_IN_FLIGHT": str(in_flight),
    }
    process = await start_bot("--base-url", api.base_url, env=env)
    try:
        await api.wait_for(lambda: api.calls_of("getUpdates"), timeout=30)
        api.slow("sendMessage", 0.3)
        add_update(facts_copy, "follow-up-killed", "A made-up follow-up interrupted by kill -9.")
        await api.wait_for(lambda: len(delivered(api)) >= 2 * in_flight, timeout=30)
        process.kill()
        await process.wait()
        del api.delays["sendMessage"]
        process = await start_bot("--base-url", api.base_url, env=env)
        await api.wait_for(lambda: set(delivered(api)) == set(chats), timeout=30)
        await asyncio.sleep(0.3)  # a late repeat would show now
        counts = Counter(delivered(api))
        repeated = sum(n - 1 for n in counts.values())
        assert max(counts.values()) <= 2  # at most one repeat per chat
        assert 1 <= repeated <= in_flight  # the kill did cut sends short, and no more than were in flight repeat
    finally:
        if process.returncode is None:
            await stop_bot(process)


async def test_an_update_reaches_each_chat_in_its_language(
    make_bot: BotFactory, api: BotAPIServer, facts_copy: Path
) -> None:
    app = await make_bot(facts_dir=facts_copy)
    urdu, english = private_chat(2301), private_chat(2302)
    for chat in (urdu, english):
        await subscribe(api, chat)
    await ask(api, "/language ur", chat=urdu, who=user(urdu["id"]), entities=command("/language ur"))
    version = app.bot_data.serving.current.version
    add_update(facts_copy, "follow-up-ur", "A made-up follow-up with 12 figures.")
    await reloaded(api, app, version)
    [in_urdu] = await api.wait_for(lambda: news_in(api, urdu["id"], "نئی پیش رفت، 3 فروری 2026"))
    assert "(اردو) A made-up follow-up with 12 figures." in in_urdu["text"] and "ذریعہ: Test Wire" in in_urdu["text"]
    [in_english] = await api.wait_for(lambda: news_in(api, english["id"]))
    assert "Source: Test Wire" in in_english["text"]


async def test_paid_broadcasts_send_updates_with_allow_paid_broadcast_and_answers_without(
    make_bot: BotFactory, api: BotAPIServer, facts_copy: Path
) -> None:
    app = await make_bot(facts_dir=facts_copy, paid_broadcast=True)
    assert app.bot_data.settings.update_rate == 1000
    chat = private_chat(2701)
    await subscribe(api, chat)
    version = app.bot_data.serving.current.version
    add_update(facts_copy, "follow-up-paid", "A made-up follow-up sent as a paid broadcast.")
    await reloaded(api, app, version)
    await api.wait_for(lambda: news_in(api, chat["id"]))
    calls = [c for c in api.calls_of("sendMessage") if int(c["chat_id"]) == chat["id"]]
    assert [bool(c.get("allow_paid_broadcast")) for c in calls] == [False, True]  # the /subscribe reply, the update


async def test_with_postgresql_a_429_mid_broadcast_pauses_every_process_s_updates(
    make_bot: BotFactory, api: BotAPIServer, facts_copy: Path, database_url: str
) -> None:
    app = await make_bot(facts_dir=facts_copy, database_url=database_url)
    chats = [private_chat(2800 + i) for i in range(3)]
    for chat in chats:
        await subscribe(api, chat)
    api.fail("sendMessage", 429, retry_after=2)
    version = app.bot_data.serving.current.version
    add_update(facts_copy, "follow-up-paused", "A made-up follow-up that meets a flood limit.")
    await reloaded(api, app, version)
    await api.wait_for(lambda: not api.faults["sendMessage"])
    async with PostgresStore(database_url) as another_process:
        await eventually(lambda: paused_for_more_than(another_process, 1.0))
    await api.wait_for(lambda: all(news_in(api, c["id"]) for c in chats))


async def paused_for_more_than(store: PostgresStore, seconds: float) -> bool:
    """Whether the next update message, from any process, would wait more than `seconds`."""
    return await store.reserve("updates", 1e-6) > seconds
