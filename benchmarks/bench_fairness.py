"""Fair use under a flood: one user sends 500 questions in a burst while 20 others ask one each.

Usage:
    python -m benchmarks.bench_fairness

`factbot run` runs as a real process pinned to one core, against the loopback Bot API server
(tests/botapi.py) on the other, with Telegram's send budget on (30 messages a second), as in
production. The 500 flooding questions are queued first, then the 20 others, all at once.

Figures: the other users' answer latency (from the moment their question is queued at the Bot
API server to the moment their answer reaches it) p50 / p99 / max; the flooder's questions that
were answered, told to slow down, and dropped by the throttle; and how many questions the bot
counted for its operators (a dropped question must not be counted as unanswered). The baseline,
in the same run: the same flood with the fair-use throttle off.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.bench_bot import start_bot, stop_bot
from benchmarks.bench_router import machine
from bot.chat.fairuse import SLOW_DOWN
from bot.store import SQLiteStore
from tests.botapi import BotAPIServer, private_chat, user

FLOOD = 500
OTHERS = 20
FLOODER = 900_000
QUESTION = "who claimed the attacks"
OFF = {"FACTBOT_FAIR_BURST": "0", "FACTBOT_FAIR_PER_MINUTE": "0", "FACTBOT_FAIR_GROUP_PER_MINUTE": "0"}


@dataclass
class Run:
    latencies: list[float]
    answered: int  # the flooder's questions answered
    noticed: int  # "please wait" notices to the flooder
    counted: int  # questions the bot counted for its operators


async def flood(api: BotAPIServer, *, throttle: bool, cpu: int) -> Run:
    api.sent.clear()
    with tempfile.TemporaryDirectory() as data:
        process = await start_bot(api, Path(data), rate_limit=True, cpu=cpu, settings=None if throttle else OFF)
        for _ in range(FLOOD):
            api.user_message(QUESTION, chat=private_chat(FLOODER), user=user(FLOODER))
        asked: dict[int, tuple[dict[str, object], float]] = {}
        for n in range(OTHERS):
            message = api.user_message(QUESTION, chat=private_chat(FLOODER + 1 + n), user=user(FLOODER + 1 + n))
            asked[n] = (message, time.monotonic())
        await api.wait_for(lambda: all(api.replies_to(m) for m, _ in asked.values()), timeout=120)
        latencies = [api.replies_to(m)[0]["at"] - at for m, at in asked.values()]
        # Everything fetched and handled: the flooder's answers stop coming (or all 500 came).
        await api.wait_for(lambda: not api.updates, timeout=120)
        settled = -1
        while settled != len(api.sent):
            settled = len(api.sent)
            await asyncio.sleep(1.0)
        to_flooder = [m["text"] for m in api.sent_to(FLOODER)]
        await stop_bot(process)
        async with SQLiteStore(Path(data) / "factbot.sqlite3") as store:
            counts = await store.question_counts()
    noticed = to_flooder.count(SLOW_DOWN)
    return Run(latencies, len(to_flooder) - noticed, noticed, counts["sure"] + counts["unsure"])


def report(name: str, run: Run) -> None:
    ordered = sorted(run.latencies)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    dropped = FLOOD - run.answered
    print(
        f"{name}: the {OTHERS} others answered in p50 {statistics.median(ordered):.2f} s, p99 {p99:.2f} s, "
        f"max {ordered[-1]:.2f} s; the flooder: {run.answered} answered, {run.noticed} told to wait, "
        f"{dropped} dropped; questions counted for the operators: {run.counted} "
        f"(= {run.answered} + {OTHERS} answered, dropped ones not counted)"
    )


async def main() -> None:
    import os

    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else [0]
    bot_cpu, own_cpu = cpus[0], cpus[-1]
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {own_cpu})
    print(f"machine: {machine()}, {len(cpus)} cores; bot on core {bot_cpu}, Bot API server on core {own_cpu}")
    print(f"1 user sends {FLOOD} questions at once, then {OTHERS} others ask one each; send budget 30 messages/s")
    api = BotAPIServer()
    await api.start()
    try:
        report("baseline, throttle off", await flood(api, throttle=False, cpu=bot_cpu))
        report("fair-use throttle on  ", await flood(api, throttle=True, cpu=bot_cpu))
    finally:
        await api.stop()


if __name__ == "__main__":
    asyncio.run(main())
