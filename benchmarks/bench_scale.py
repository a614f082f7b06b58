"""Beyond one process: update deliveries a second with 1, 2 and 3 `factbot run` replicas on one
PostgreSQL database, and the cost of one claim on an outbox of a million rows.

Usage:
    python -m benchmarks.bench_scale                      # 6,000 chats, 1M-row outbox (about 3 min)
    python -m benchmarks.bench_scale --chats 3000 --outbox 200000

A throwaway PostgreSQL server (tests/pg.py) and the loopback Bot API server (tests/botapi.py, lean
mode: it counts messages instead of keeping them) run here. For each count of replicas: a fresh
database with `--chats` subscribed chats, that many `factbot run` processes in webhook mode with
paid broadcasts at FACTBOT_BROADCAST_RATE=1000 (the shared budget: 1000 a second for them all),
then one update written into their shared facts folder; deliveries/s is the chats over the time
from the first delivery to the last. Every process (the replicas, PostgreSQL, the loopback server)
shares this machine's cores, so the ratio to one replica shows what one machine can give, not
what more machines would; the replicas' CPU time per delivery (all of them together, from the
edit to the last delivery) shows what each delivery costs wherever it runs.

The claim: an outbox of `--outbox` pending deliveries (one update owed to that many chats), the
indexes the schema makes, ANALYZE; then claims of 8 (the default FACTBOT_BROADCAST_IN_FLIGHT), each
marked sent after it as a replica would, timed one by one.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import asyncpg
import psutil

from benchmarks.bench_router import machine
from bot.store import PostgresStore
from tests.botapi import TOKEN, BotAPIServer
from tests.conftest import FACTS, add_update
from tests.pg import Postgres, running_postgres
from tests.test_run import free_port

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 1000  # update messages a second, all replicas together
CLAIM = 8


async def fresh_database(server: Postgres, name: str) -> str:
    url = await server.create_database(name)
    async with PostgresStore(url):  # the schema, as the first replica would make it
        return url


async def start_replica(api: BotAPIServer, url: str, facts: Path, data: Path) -> asyncio.subprocess.Process:
    port = free_port()
    env = {
        **os.environ,
        "FACTBOT_TOKEN": TOKEN,
        "FACTBOT_DATABASE_URL": url,
        "FACTBOT_FACTS_DIR": str(facts),
        "FACTBOT_DATA_DIR": str(data),
        "FACTBOT_WEBHOOK_PORT": str(port),
        "FACTBOT_WEBHOOK_SECRET": "bench-secret",
        "FACTBOT_HEALTH_PORT": str(free_port()),
        "FACTBOT_LOG_LEVEL": "WARNING",
        "FACTBOT_PAID_BROADCAST": "true",
        "FACTBOT_BROADCAST_RATE": str(BUDGET),
        "FACTBOT_BROADCAST_IN_FLIGHT": "32",
        "FACTBOT_RELOAD_DEBOUNCE_MS": "50",
    }
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        "--base-url",
        api.base_url,
        "--webhook-url",
        f"http://127.0.0.1:{port}/hook",
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )


def cpu_seconds(processes: list[asyncio.subprocess.Process]) -> float:
    return sum(sum(psutil.Process(p.pid).cpu_times()[:2]) for p in processes)


async def deliveries_per_second(server: Postgres, api: BotAPIServer, replicas: int, chats: int) -> tuple[float, float]:
    """Deliveries a second, and the replicas' CPU milliseconds per delivery."""
    url = await fresh_database(server, f"scale_{replicas}")
    connection = await asyncpg.connect(url)
    await connection.execute("INSERT INTO subscriptions (chat_id) SELECT g FROM generate_series(1, $1) AS g", chats)
    await connection.close()
    with tempfile.TemporaryDirectory() as folder:
        facts = Path(folder) / "facts"
        shutil.copytree(FACTS, facts)
        webhooks = api.counts["setWebhook"]
        processes = [await start_replica(api, url, facts, Path(folder) / f"data-{n}") for n in range(replicas)]
        await api.wait_for(lambda: api.counts["setWebhook"] == webhooks + replicas, timeout=120)
        before = api.counts["delivered"]
        cpu = cpu_seconds(processes)
        add_update(facts, f"scale-{replicas}", "A made-up follow-up for the scale benchmark.")
        await api.wait_for(lambda: api.counts["delivered"] > before, timeout=120)
        first = time.perf_counter()
        await api.wait_for(lambda: api.counts["delivered"] >= before + chats, timeout=600)
        seconds = time.perf_counter() - first
        cpu = cpu_seconds(processes) - cpu
        for process in processes:
            process.terminate()
            _, stderr = await process.communicate()
            if process.returncode != 0:
                print(stderr.decode()[-2000:], file=sys.stderr)
    return chats / seconds, cpu * 1000 / chats


async def claim_times(server: Postgres, rows: int, claims: int) -> list[float]:
    url = await fresh_database(server, "outbox")
    connection = await asyncpg.connect(url)
    started = time.perf_counter()
    await connection.execute("INSERT INTO subscriptions (chat_id) SELECT g FROM generate_series(1, $1) AS g", rows)
    await connection.execute("INSERT INTO deliveries (fact_id, chat_id) SELECT 'big-news', chat_id FROM subscriptions")
    await connection.execute("ANALYZE")
    await connection.close()
    print(f"outbox of {rows:,} pending deliveries made and analysed in {time.perf_counter() - started:.1f} s")
    times = []
    async with PostgresStore(url) as store:
        for _ in range(claims):
            began = time.perf_counter()
            claimed = await store.claim(time.time(), limit=CLAIM)
            times.append(time.perf_counter() - began)
            for delivery in claimed:
                await store.mark_sent(delivery)
    return times


async def run(args: argparse.Namespace) -> None:
    print(f"machine: {machine()}, {len(os.sched_getaffinity(0))} cores")
    api = BotAPIServer(lean=True)
    await api.start()
    with running_postgres() as server:
        rates = {}
        for replicas in (1, 2, 3):
            rates[replicas], cpu = await deliveries_per_second(server, api, replicas, args.chats)
            print(
                f"{replicas} replica(s), budget {BUDGET}/s: {args.chats} chats at {rates[replicas]:.0f} deliveries/s, "
                f"{rates[replicas] / rates[1]:.2f}x one replica, {cpu:.2f} ms of replica CPU per delivery"
            )
        times = await claim_times(server, args.outbox, args.claims)
        ms = sorted(t * 1000 for t in times)
        p99 = ms[int(len(ms) * 0.99) - 1]
        print(
            f"one claim of {CLAIM} on an outbox of {args.outbox:,} rows ({args.claims} claims): "
            f"p50 {statistics.median(ms):.2f} ms, p99 {p99:.2f} ms, max {ms[-1]:.2f} ms"
        )
    await api.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=6000, help="subscribed chats each update goes to")
    parser.add_argument("--outbox", type=int, default=1_000_000, help="pending deliveries for the claim timing")
    parser.add_argument("--claims", type=int, default=2000, help="claims timed")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
