"""Start-up to first answer, and hot-reload time, for the shipped facts and a 100x fact base.

Usage:
    python -m benchmarks.bench_startup              # shipped facts and 100x, 3 runs each
    python -m benchmarks.bench_startup --sizes 1 --runs 5

Start-up: from launching `factbot run` to the answer of a question that was waiting before it
started (process start, imports, loading and validating the YAML, building the router, the first
getUpdates). Hot reload: from an edit under `facts/` to the operator's "Reloaded the facts"
message, with a 50 ms debounce; the reload's own build time is the figure in that message. The
baseline, measured in the same run: starting Python and importing python-telegram-bot alone.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_router import machine
from benchmarks.synthetic import write_scaled
from bot.factbase import load
from bot.language import LANGUAGES
from tests.botapi import TOKEN, BotAPIServer, private_chat, user

ROOT = Path(__file__).resolve().parent.parent
ADMIN = 4242


async def python_with_ptb() -> float:
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(sys.executable, "-c", "import telegram.ext")
    await process.wait()
    return time.perf_counter() - started


async def one_start(api: BotAPIServer, facts: Path, data: Path) -> tuple[float, float, float]:
    """Seconds to the first answer; then seconds from an edit to the reload notice, and its build ms."""
    api.sent.clear()
    asker = private_chat(777)
    question = api.user_message("who claimed the attacks", chat=asker, user=user(777))
    env = {
        **os.environ,
        "FACTBOT_TOKEN": TOKEN,
        "FACTBOT_FACTS_DIR": str(facts),
        "FACTBOT_DATA_DIR": str(data),
        "FACTBOT_ADMIN_IDS": f"[{ADMIN}]",
        "FACTBOT_RELOAD_DEBOUNCE_MS": "50",
        "FACTBOT_LOG_LEVEL": "WARNING",
    }
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", "--base-url", api.base_url, cwd=ROOT, env=env
    )
    try:
        await api.wait_for(lambda: api.replies_to(question), timeout=300)
        first_answer = time.perf_counter() - started
        await asyncio.sleep(1.0)  # let the watcher settle
        story = facts / "story.yaml"
        edited = time.perf_counter()
        story.write_text(story.read_text(encoding="utf-8") + f"\n# edited {edited}\n", encoding="utf-8")
        [notice] = await api.wait_for(
            lambda: [m for m in api.sent if m["chat"]["id"] == ADMIN and "Reloaded" in m["text"]], timeout=300
        )
        reload_seconds = time.perf_counter() - edited
        build = re.search(r"\((\d+) ms\)", notice["text"])
        return first_answer, reload_seconds, float(build.group(1)) if build else float("nan")
    finally:
        process.terminate()
        await process.wait()


async def run(args: argparse.Namespace) -> None:
    print(f"machine: {machine()}")
    baseline = statistics.median([await python_with_ptb() for _ in range(args.runs)])
    print(f"baseline, python -c 'import telegram.ext': {baseline:.2f} s")
    base = load(ROOT / "facts")
    api = BotAPIServer()
    await api.start()
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as scratch:
            facts = write_scaled(ROOT / "facts", base, size, Path(scratch) / "facts")
            loaded = load(facts)
            targets = (*loaded.facts, *loaded.gaps, *loaded.meta)
            examples = sum(len(loaded.asked(t, language)) for t in targets for language in LANGUAGES)
            results = []
            for run_index in range(args.runs):
                data = Path(scratch) / f"data{run_index}"
                results.append(await one_start(api, facts, data))
        first, reload_, build = (statistics.median(column) for column in zip(*results, strict=True))
        print(
            f"{size:>5}x ({examples} examples): first answer {first:.2f} s "
            f"({first / baseline:.1f}x the baseline), hot reload {reload_:.2f} s from edit to notice "
            f"(build {build:.0f} ms)"
        )
    await api.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,100", help="comma-separated multiples of the shipped facts")
    parser.add_argument("--runs", type=int, default=3)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
