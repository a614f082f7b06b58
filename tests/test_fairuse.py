"""Fair use against the loopback Bot API server: one sender flooding never silences everyone else.

The bot runs on a clock that only the test moves, so no bucket refills unless the test says so:
the counts below are exact, whatever the machine's speed.
"""

from __future__ import annotations

from typing import Any

from bot.chat.throttle import Throttle, Verdict
from bot.config import Settings
from bot.phrases import EN
from tests.botapi import BotAPIServer, group_chat, private_chat, user
from tests.clock import ManualClock
from tests.conftest import BotFactory
from tests.test_chat import ask, mention

FLOODER = user(3000)


def answered(api: BotAPIServer, messages: list[dict[str, Any]]) -> bool:
    return all(api.replies_to(m) for m in messages)


async def test_one_user_flooding_gets_one_notice_and_others_are_answered(
    make_bot: BotFactory, api: BotAPIServer
) -> None:
    clock = ManualClock()
    app = await make_bot(clock=clock)
    for _ in range(500):
        api.user_message("who did it", chat=private_chat(3000), user=FLOODER)
    others = [api.user_message("who did it", chat=private_chat(n), user=user(n)) for n in range(3001, 3021)]
    await api.wait_for(lambda: answered(api, others))
    # Everyone else's answer went out before more than the flooder's allowance did.
    last_other = max(api.sent.index(api.replies_to(m)[0]) for m in others)
    assert last_other < 5 + 1 + len(others)
    to_flooder = await api.wait_for(lambda: len(api.sent_to(3000)) == 6 and api.sent_to(3000))
    assert [m["text"] for m in to_flooder].count(EN.slow_down) == 1
    assert sum(1 for m in to_flooder if "Source:" in m["text"]) == 5
    assert all(len(api.replies_to(m)) == 1 for m in others)
    # Nothing the throttle dropped is counted, as answered or not.
    counts = await app.bot_data.store.question_counts()
    assert counts["sure"] + counts["unsure"] == 5 + len(others)

    # Answers resume as the bucket refills; more over the limit stays silent (no second notice)
    # until the bucket is full again.
    clock.advance(2)  # one question's worth
    for _ in range(2):
        api.user_message("who did it", chat=private_chat(3000), user=FLOODER)
    await ask(api, "who did it", chat=private_chat(3050), who=user(3050))
    await api.wait_for(lambda: len(api.sent_to(3000)) == 7)
    clock.advance(60)
    for _ in range(6):
        api.user_message("who did it", chat=private_chat(3000), user=FLOODER)
    await api.wait_for(lambda: len(api.sent_to(3000)) == 13)
    await ask(api, "who did it", chat=private_chat(3051), who=user(3051))
    texts = [m["text"] for m in api.sent_to(3000)]
    assert len(texts) == 13 and texts.count(EN.slow_down) == 2


async def test_a_flooded_group_gets_one_notice_and_other_groups_are_answered(
    make_bot: BotFactory, api: BotAPIServer
) -> None:
    await make_bot(clock=ManualClock())
    busy, quiet = group_chat(-3100), group_chat(-3200)
    text = "@FactTestBot who did it"
    for n in range(60):  # sixty people, one question each: the group's limit, not theirs
        api.user_message(text, chat=busy, user=user(4000 + n), entities=mention(text))
    api.user_message("lol", chat=busy, user=user(4999))  # chatter costs nothing and gets nothing
    [reply] = await ask(api, text, chat=quiet, who=user(4100), entities=mention(text))
    assert "Source:" in reply["text"]
    to_busy = await api.wait_for(lambda: len(api.sent_to(busy["id"])) == 21 and api.sent_to(busy["id"]))
    assert [m["text"] for m in to_busy].count(EN.group_slow_down) == 1


def test_a_person_typing_never_hits_the_defaults() -> None:
    clock = ManualClock()
    throttle = Throttle(Settings(), clock)
    for _ in range(60):  # a question every 4 s for four minutes
        verdict, _ = throttle.check(1)
        assert verdict is Verdict.ANSWER
        clock.advance(4)


async def test_inline_queries_are_throttled_per_user(make_bot: BotFactory, api: BotAPIServer) -> None:
    await make_bot(clock=ManualClock(), fair_inline_burst=20)
    flooder = user(3300)
    ids = [api.inline("who claimed the attacks", user=flooder) for _ in range(40)]
    other = api.inline("who claimed the attacks", user=user(3301))

    def answers(query_id: str) -> list[dict[str, Any]]:
        return [c for c in api.calls_of("answerInlineQuery") if c["inline_query_id"] == query_id]

    await api.wait_for(lambda: answers(other) and sum(len(answers(i)) for i in ids) == 21)
    # Every query was fetched: the bot confirmed them all to the server.
    await api.wait_for(lambda: not api.updates)
    to_flooder = [a for i in ids for a in answers(i)]
    assert len(to_flooder) == 21 and answers(other)[0]["results"]
    notices = [a for a in to_flooder if not a["results"]]
    assert len(notices) == 1 and notices[0]["button"]["text"] == EN.inline_slow_down
