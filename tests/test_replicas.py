"""Three `factbot run` processes in webhook mode on one PostgreSQL database and one facts folder,
as behind a load balancer: every update answered once by the replica it reached, subscriptions
made through any of them, each new update sent once to every chat within one rate for them all,
a replica killed mid-broadcast and its share finished by the others."""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg
import pytest

from bot.chat.webhook import SECRET_HEADER
from tests.botapi import TOKEN, BotAPIServer, private_chat, user
from tests.conftest import add_update, eventually
from tests.ports import free_port
from tests.test_chat import command
from tests.test_run import start_bot, stop_bot

SECRET = "one-secret-for-every-replica"
RATE = 100  # update messages a second, all replicas together
IN_FLIGHT = 4  # per replica: what a kill -9 may repeat
CHATS = [6000 + n for n in range(150)]
_update_ids = itertools.count(1)


@dataclass
class Replica:
    process: asyncio.subprocess.Process
    hook: str


@pytest.fixture
async def replicas(
    api: BotAPIServer, database_url: str, facts_copy: Path, tmp_path: Path
) -> AsyncIterator[list[Replica]]:
    async def start(n: int) -> Replica:
        port = free_port()
        hook = f"http://127.0.0.1:{port}/hook-{n}"
        env = {
            "FACTBOT_DATABASE_URL": database_url,
            "FACTBOT_WEBHOOK_PORT": str(port),
            "FACTBOT_WEBHOOK_SECRET": SECRET,
            "FACTBOT_FACTS_DIR": str(facts_copy),
            "FACTBOT_DATA_DIR": str(tmp_path / f"data-{n}"),
            "FACTBOT_LOG_LEVEL": "WARNING",
            "FACTBOT_SEND_RATE": "1000",  # answers are not what is measured here
            "FACTBOT_BROADCAST_RATE": str(RATE),
            "FACTBOT_BROADCAST_IN_FLIGHT": str(IN_FLIGHT),
            "FACTBOT_DELIVERY_LEASE": "1",
            "FACTBOT_RELOAD_DEBOUNCE_MS": "50",
        }
        return Replica(await start_bot("--base-url", api.base_url, "--webhook-url", hook, env=env), hook)

    started = await asyncio.gather(*(start(n) for n in range(3)))
    await api.wait_for(lambda: len(api.calls_of("setWebhook")) == 3, timeout=60)
    yield started
    running = [r.process for r in started if r.process.returncode is None]
    for stderr in await asyncio.gather(*(stop_bot(process) for process in running)):
        assert "Traceback" not in stderr, stderr
        assert TOKEN not in stderr and SECRET not in stderr and "pw-never-checked" not in stderr


async def post(
    api: BotAPIServer, http: aiohttp.ClientSession, replica: Replica, chat_id: int, text: str
) -> dict[str, Any]:
    """A private message from `chat_id`, posted to that replica's webhook as Telegram would."""
    message: dict[str, Any] = {
        "message_id": next(_update_ids),
        "date": 0,
        "chat": private_chat(chat_id),
        "from": user(chat_id),
        "text": text,
    }
    if text.startswith("/"):
        message["entities"] = command(text)
    api.messages[(chat_id, message["message_id"])] = message  # so that replies to it are found
    update = {"update_id": message["message_id"], "message": message}
    async with http.post(replica.hook, json=update, headers={SECRET_HEADER: SECRET}) as response:
        assert response.status == 200
    return message


def news(api: BotAPIServer, marker: str) -> list[dict[str, Any]]:
    return [m for m in api.sent if marker in m["text"]]


def within_rate(sent: list[dict[str, Any]]) -> bool:
    """No more than RATE in any second (less 50 ms for the loopback's jitter)."""
    times = sorted(m["at"] for m in sent)
    return all(later - earlier >= 0.95 for earlier, later in zip(times, times[RATE:], strict=False))


async def settled(database_url: str) -> None:
    """Until every delivery is sent or dropped: after that nothing more can be sent."""
    connection = await asyncpg.connect(database_url)
    try:

        async def done() -> bool:
            return not await connection.fetchval(
                "SELECT COUNT(*) FROM deliveries WHERE sent IS NULL AND dropped IS NULL"
            )

        await eventually(done, timeout=30)
    finally:
        await connection.close()


async def test_three_replicas_share_subscriptions_updates_and_one_rate(
    replicas: list[Replica], api: BotAPIServer, facts_copy: Path, database_url: str
) -> None:
    async with aiohttp.ClientSession() as http:
        asked = await asyncio.gather(
            *(post(api, http, replicas[n % 3], chat, "/subscribe") for n, chat in enumerate(CHATS)),
            *(post(api, http, replicas[n % 3], chat, "who claimed the attacks") for n, chat in enumerate(CHATS[:30])),
        )
        await api.wait_for(lambda: all(api.replies_to(m) for m in asked), timeout=30)
        assert all(len(api.replies_to(m)) == 1 for m in asked)  # answered once, by the replica it reached
        leaver = CHATS[0]  # subscribed through the first replica, unsubscribes through the second
        goodbye = await post(api, http, replicas[1], leaver, "/unsubscribe")
        [reply] = await api.wait_for(lambda: api.replies_to(goodbye))
        assert "unsubscribed" in reply["text"].lower()

    owed = CHATS[1:]
    add_update(facts_copy, "replicas-one", "A made-up follow-up for three replicas.")
    await api.wait_for(lambda: len(news(api, "three replicas")) >= len(owed), timeout=30)
    await settled(database_url)
    first = news(api, "three replicas")
    assert sorted(m["chat"]["id"] for m in first) == owed  # once each, and not to the chat that left
    assert within_rate(first)

    add_update(facts_copy, "replicas-two", "A made-up follow-up cut short by kill -9.")
    await api.wait_for(lambda: len(news(api, "kill -9")) >= len(owed) // 3, timeout=30)
    replicas[0].process.kill()
    await replicas[0].process.wait()
    await api.wait_for(lambda: {m["chat"]["id"] for m in news(api, "kill -9")} == set(owed), timeout=30)
    await settled(database_url)
    counts = Counter(m["chat"]["id"] for m in news(api, "kill -9"))
    assert max(counts.values()) <= 2 and sum(counts.values()) - len(owed) <= IN_FLIGHT
    assert leaver not in counts
    assert within_rate(news(api, "three replicas") + news(api, "kill -9"))
    for chat in owed:  # in order, and a second apart at least, whichever replicas sent them
        first_news, *later_news = (m for m in api.sent_to(chat) if "made-up follow-up" in m["text"])
        assert "three replicas" in first_news["text"] and all("kill -9" in m["text"] for m in later_news)
        assert later_news[0]["at"] - first_news["at"] >= 0.95
