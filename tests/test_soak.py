"""A bounded soak: mixed messages through the loopback server while it answers some calls with
429, a server error or slowly. Afterwards every question has exactly one answer.

The default run sends 400 messages; the full soak of 2,400 (ten seconds of CPU on its own) runs on
demand: `python -m pytest -m soak`."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from typing import Any

import pytest

from bot.quality import load_labelled
from tests.botapi import STICKER, BotAPIServer, Chaos, group_chat, private_chat, user
from tests.conftest import LABELLED, BotFactory
from tests.test_chat import command, mention


@pytest.mark.parametrize(
    ("messages", "faults_at_least"),
    [
        # 400 messages make about 320 sendMessage calls: with the odds and seed below, one 429, nine
        # server errors and eight slow answers.
        pytest.param(400, {"429": 1, "5xx": 5, "slow": 5}, id="400"),
        pytest.param(2400, {"429": 2, "5xx": 20, "slow": 20}, id="2400", marks=pytest.mark.soak),
    ],
)
async def test_a_soak_with_faults_loses_and_repeats_nothing(
    make_bot: BotFactory, api: BotAPIServer, messages: int, faults_at_least: dict[str, int]
) -> None:
    app = await make_bot(rate_limit=False, fair_burst=0, fair_per_minute=0, fair_group_per_minute=0)
    rng = random.Random(7)
    questions = [item.question for item in load_labelled(LABELLED)]
    groups = [group_chat(-6000 - i) for i in range(5)]
    expect_reply: list[dict[str, Any]] = []
    chatter: list[dict[str, Any]] = []
    inline_ids: set[str] = set()

    # With retries on 5 attempts, odds of 0.06 lose a message with probability about 1e-6.
    chaos = api.chaos["sendMessage"] = Chaos(random.Random(11), too_many=0.004, server_error=0.03, slow=0.026)
    for n in range(messages):
        who = user(7000 + n % 300)
        question = rng.choice(questions)
        roll = rng.random()
        if roll < 0.55:
            expect_reply.append(api.user_message(question, chat=private_chat(who["id"]), user=who))
        elif roll < 0.65:
            text = f"@FactTestBot {question}"
            expect_reply.append(api.user_message(text, chat=rng.choice(groups), user=who, entities=mention(text)))
        elif roll < 0.72:
            text = f"/ask {question}"
            expect_reply.append(api.user_message(text, chat=rng.choice(groups), user=who, entities=command(text)))
        elif roll < 0.85:
            chatter.append(api.user_message(question, chat=rng.choice(groups), user=who))
        elif roll < 0.9:
            expect_reply.append(api.user_message(None, chat=private_chat(who["id"]), user=who, extra=STICKER))
        else:
            inline_ids.add(api.inline(question, user=who))
        if n % 200 == 0:
            await asyncio.sleep(0)

    def replies() -> Counter[tuple[int, int]]:
        return Counter((m["chat"]["id"], m["reply_to_message"]["message_id"]) for m in api.sent)

    def key(message: dict[str, Any]) -> tuple[int, int]:
        return message["chat"]["id"], message["message_id"]

    def answered() -> bool:
        answered_inline = {c["inline_query_id"] for c in api.calls_of("answerInlineQuery")}
        got = replies()
        return all(got[key(m)] for m in expect_reply) and inline_ids <= answered_inline

    await api.wait_for(answered, timeout=240)
    # Anything late or repeated shows once the bot has taken every update (the server drops those
    # the bot confirmed) and finished handling each, retries included.
    await api.wait_for(lambda: not api.updates)
    await asyncio.wait_for(app.update_queue.join(), timeout=60)
    assert all(chaos.seen[fault] >= least for fault, least in faults_at_least.items()), chaos.seen
    got = replies()
    counts = [got[key(m)] for m in expect_reply]
    assert counts == [1] * len(expect_reply), [c for c in counts if c != 1]
    assert not any(got[key(m)] for m in chatter)
    assert len(api.sent) == len(expect_reply)
