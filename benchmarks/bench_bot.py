"""The whole bot, end to end: `factbot run` answering private questions through a loopback Bot API.

Usage:
    python -m benchmarks.bench_bot          # 2,000 questions limiter off, 300 on, then RSS to 100,000
    python -m benchmarks.bench_bot --questions 5000 --rss-questions 0

The bot runs as a real process pinned to one core; the loopback Bot API server (tests/botapi.py,
in lean mode: it counts instead of keeping messages) runs here, pinned to the other core. Questions
each come from a different user, taken in turn from the labelled set, and are queued a few thousand ahead.

Figures: questions answered per second with python-telegram-bot's rate limiter off and on (on,
Telegram's own 30 messages a second is the ceiling, by design), and the bot's resident memory
(RSS) as the number of questions answered grows. The baseline, measured in the same run on the
same core: python-telegram-bot alone sending messages as fast as it can (no updates to read, no
questions to route), which bounds any bot built on it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

import psutil
from telegram import Bot
from telegram.constants import ParseMode

from benchmarks.bench_router import machine
from bot.quality import load_labelled
from tests.botapi import TOKEN, BotAPIServer, private_chat, user
from tests.test_run import free_port

ROOT = Path(__file__).resolve().parent.parent
AHEAD = 2000  # questions queued ahead of the answers
SENDS = 3000  # messages in the baseline


async def ptb_alone(base_url: str) -> None:
    """The baseline, in its own process: send_message with as many in flight as the bot allows."""
    from bot.config import Settings

    async with Bot(TOKEN, base_url=base_url) as bot:
        slots = asyncio.Semaphore(Settings.model_fields["concurrent_updates"].default)

        async def one(i: int) -> None:
            async with slots:
                await bot.send_message(
                    200_000 + i % 5000, "<b>An answer</b> of usual length. " * 12, parse_mode=ParseMode.HTML
                )

        started = time.perf_counter()
        await asyncio.gather(*(one(i) for i in range(SENDS)))
        print(SENDS / (time.perf_counter() - started))


async def baseline(api: BotAPIServer, cpu: int) -> float:
    code = f"import asyncio; from benchmarks.bench_bot import ptb_alone; asyncio.run(ptb_alone({api.base_url!r}))"
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        code,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        preexec_fn=(lambda: os.sched_setaffinity(0, {cpu})) if hasattr(os, "sched_setaffinity") else None,
    )
    stdout, _ = await process.communicate()
    return float(stdout.decode().strip())


async def start_bot(
    api: BotAPIServer, data: Path, *, rate_limit: bool, cpu: int, settings: dict[str, str] | None = None
) -> asyncio.subprocess.Process:
    """`factbot run` pinned to `cpu`, with `settings` (FACTBOT_ variables) on top of the defaults."""
    env = {
        **os.environ,
        "FACTBOT_TOKEN": TOKEN,
        "FACTBOT_DATA_DIR": str(data),
        "FACTBOT_RATE_LIMIT": str(rate_limit).lower(),
        "FACTBOT_LOG_LEVEL": "WARNING",
        "FACTBOT_HEALTH_PORT": str(free_port()),
        **(settings or {}),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        "--base-url",
        api.base_url,
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
        preexec_fn=(lambda: os.sched_setaffinity(0, {cpu})) if hasattr(os, "sched_setaffinity") else None,
    )
    await api.wait_for(lambda: api.counts["getUpdates"], timeout=60)
    return process


async def stop_bot(process: asyncio.subprocess.Process) -> None:
    process.terminate()
    _, stderr = await process.communicate()
    if process.returncode != 0:
        print(stderr.decode()[-2000:], file=sys.stderr)


async def drive(
    api: BotAPIServer, questions: list[str], total: int, checkpoints: set[int], pid: int
) -> tuple[float, dict[int, float]]:
    """Feed `total` questions and wait for every answer; seconds taken, and RSS in MiB at checkpoints."""
    base = api.counts["delivered"]
    rss: dict[int, float] = {}
    process = psutil.Process(pid)
    pushed = 0
    started = time.perf_counter()
    while True:
        answered = api.counts["delivered"] - base
        for mark in sorted(checkpoints - rss.keys()):
            if answered >= mark:
                rss[mark] = process.memory_info().rss / 2**20
        if answered >= total:
            return time.perf_counter() - started, rss
        while pushed < total and pushed - answered < AHEAD:
            who = 100_000 + pushed  # every question from someone new, as in a busy public bot
            api.user_message(questions[pushed % len(questions)], chat=private_chat(who), user=user(who))
            pushed += 1
        await asyncio.sleep(0.005)


async def run(args: argparse.Namespace) -> None:
    questions = [i.question for i in load_labelled(ROOT / "tests" / "data" / "labelled.yaml")]
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else [0]
    bot_cpu, own_cpu = cpus[0], cpus[-1]
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {own_cpu})
    print(f"machine: {machine()}, {len(cpus)} cores; bot on core {bot_cpu}, Bot API server on core {own_cpu}")
    api = BotAPIServer(lean=True)
    await api.start()
    ceiling = await baseline(api, bot_cpu)
    print(f"baseline, python-telegram-bot alone: {ceiling:.0f} messages sent/s")
    rates: dict[bool, float] = {}
    for rate_limit, total in ((False, args.questions), (True, args.limited_questions)):
        with tempfile.TemporaryDirectory() as data:
            process = await start_bot(api, Path(data), rate_limit=rate_limit, cpu=bot_cpu)
            await drive(api, questions, 200, set(), process.pid)  # warm up
            seconds, _ = await drive(api, questions, total, set(), process.pid)
            await stop_bot(process)
        rates[rate_limit] = total / seconds
        print(
            f"rate limiter {'on ' if rate_limit else 'off'}: {total} questions in {seconds:.1f} s"
            f" = {rates[rate_limit]:.0f} answered/s"
        )
    print(f"ratio off/on: {rates[False] / rates[True]:.1f}x (on is held to Telegram's 30 messages/s)")
    print(f"bot (limiter off) / python-telegram-bot alone: {rates[False] / ceiling:.2f}")
    if args.rss_questions:
        marks = {m for m in (1000, 10_000, 25_000, 50_000, 75_000, 100_000) if m <= args.rss_questions}
        marks.add(args.rss_questions)
        with tempfile.TemporaryDirectory() as data:
            process = await start_bot(api, Path(data), rate_limit=False, cpu=bot_cpu)
            seconds, rss = await drive(api, questions, args.rss_questions, marks, process.pid)
            await stop_bot(process)
        print(f"RSS of the bot (limiter off), {args.rss_questions} questions in {seconds:.0f} s:")
        for mark in sorted(rss):
            print(f"  after {mark:>7} answers: {rss[mark]:6.1f} MiB")
        first, last = rss[min(rss)], rss[max(rss)]
        print(f"  growth from {min(rss)} to {max(rss)} answers: {last - first:+.1f} MiB")
    await api.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=2000, help="questions with the rate limiter off")
    parser.add_argument("--limited-questions", type=int, default=300, help="questions with the rate limiter on")
    parser.add_argument("--rss-questions", type=int, default=100_000, help="questions for the memory run (0: skip)")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
