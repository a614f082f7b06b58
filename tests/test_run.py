"""`factbot run` as a real process: polling and webhook against the loopback Bot API server."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from tests.botapi import TOKEN, BotAPIServer, group_chat, private_chat, user
from tests.conftest import ROOT
from tests.test_chat import ask, command, mention


async def start_bot(*args: str, env: dict[str, str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        *args,
        cwd=ROOT,
        env={**os.environ, "FACTBOT_TOKEN": TOKEN, "FACTBOT_LOG_LEVEL": "DEBUG", **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def stop_bot(process: asyncio.subprocess.Process) -> str:
    process.send_signal(signal.SIGTERM)
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    assert process.returncode == 0, stderr.decode()
    return stderr.decode()


@pytest.fixture
async def polling_bot(api: BotAPIServer, tmp_path: Path) -> AsyncIterator[asyncio.subprocess.Process]:
    process = await start_bot("--base-url", api.base_url, env={"FACTBOT_DATA_DIR": str(tmp_path)})
    await api.wait_for(lambda: api.calls_of("getUpdates"), timeout=30)
    yield process
    if process.returncode is None:
        process.kill()
        await process.wait()


async def test_run_polling_holds_private_and_group_conversations(
    polling_bot: asyncio.subprocess.Process, api: BotAPIServer
) -> None:
    [private] = await ask(api, "kitne log mare gaye?")
    assert "193" in private["text"] and "Source:" in private["text"]
    [topic] = await ask(api, "/topics", entities=command("/topics"))
    assert topic["reply_markup"]["inline_keyboard"]
    group = group_chat(-777)
    api.user_message("anyone seen the match?", chat=group, user=user(5))
    [answer] = await ask(
        api, "@FactTestBot who did it", chat=group, who=user(5), entities=mention("@FactTestBot who did it")
    )
    assert "Baloch Liberation Army" in answer["text"]
    assert len(api.sent) == 3
    stderr = await stop_bot(polling_bot)
    assert TOKEN not in stderr and TOKEN.split(":")[1] not in stderr
    assert "Traceback" not in stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_run_webhook_checks_the_secret_on_every_request(api: BotAPIServer, tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    process = await start_bot(
        "--base-url",
        api.base_url,
        "--webhook-url",
        url,
        env={
            "FACTBOT_DATA_DIR": str(tmp_path),
            "FACTBOT_WEBHOOK_LISTEN": "127.0.0.1",
            "FACTBOT_WEBHOOK_PORT": str(port),
            "FACTBOT_WEBHOOK_SECRET": "s3cret-value",
        },
    )
    try:
        [hook] = await api.wait_for(lambda: api.calls_of("setWebhook"), timeout=30)
        assert hook["url"] == url and hook["secret_token"] == "s3cret-value"
        message = {"message_id": 1, "date": 0, "chat": private_chat(42), "from": user(42), "text": "who did it"}
        api.messages[(42, 1)] = message
        async with aiohttp.ClientSession() as http:

            async def post(update_id: int, secret: str | None) -> int:
                headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
                body = {"update_id": update_id, "message": message}
                async with http.post(url, json=body, headers=headers) as response:
                    return response.status

            for _ in range(50):
                try:
                    assert await post(1, "wrong") == 403
                    break
                except aiohttp.ClientConnectorError:
                    await asyncio.sleep(0.2)
            assert await post(2, None) == 403
            assert await post(3, "s3cret-value") == 200
        [reply] = await api.wait_for(lambda: api.sent)
        assert "Baloch Liberation Army" in reply["text"] and len(api.sent) == 1
        await stop_bot(process)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


@pytest.mark.parametrize(
    ("token", "message"), [(None, "FACTBOT_TOKEN is not set"), ("not-a-token", "FACTBOT_TOKEN: Value error")]
)
async def test_missing_or_malformed_token_is_a_one_line_error(tmp_path: Path, token: str | None, message: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "FACTBOT_TOKEN"}
    if token is not None:
        env["FACTBOT_TOKEN"] = token
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        cwd=tmp_path,
        env={**env, "FACTBOT_FACTS_DIR": str(ROOT / "facts")},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    text = stderr.decode()
    assert process.returncode == 2 and message in text
    assert "Traceback" not in text and len(text.strip().splitlines()) == 1
    if token is not None:
        assert token not in text
