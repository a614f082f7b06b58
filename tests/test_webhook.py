"""The webhook as the internet sees it: the real application served by `running`, as `factbot run
--webhook-url` serves it, answering through the loopback Bot API server. Refusals come before the
body is read: these tests send headers that promise a large body and never send it, so only a
server that answers from the headers alone can answer them at all. Served with TLS, the same guards
hold from the moment a connection is accepted, before its handshake."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.chat.serve import running
from bot.chat.webhook import MAX_BODY
from bot.core import Core
from tests.botapi import BotAPIServer, private_chat, user
from tests.conftest import Certificates, application, bot_settings
from tests.ports import free_port

SECRET = "s3cret-value"
Connection = tuple[asyncio.StreamReader, asyncio.StreamWriter]
WebhookFactory = Callable[..., Awaitable[int]]


@pytest.fixture
async def serve_webhook(api: BotAPIServer, tmp_path: Path, core: Core) -> AsyncIterator[WebhookFactory]:
    """Start the bot in webhook mode on a free port (returned), its settings overridden as given,
    serving the session's core of the shipped facts."""
    async with contextlib.AsyncExitStack() as stack:

        async def start(**settings_: Any) -> int:
            port = free_port()
            scheme = "https" if "webhook_cert" in settings_ else "http"
            settings = bot_settings(
                api,
                tmp_path,
                webhook_url=f"{scheme}://127.0.0.1:{port}/hook",
                webhook_port=port,
                webhook_secret=SECRET,
                health_port=free_port(),
                **settings_,
            )
            await stack.enter_async_context(running(application(settings, core=core), settings, SECRET))
            return port

        yield start


def request_head(
    secret: str | None = SECRET, *, length: int | None = None, chunked: bool = False, method: str = "POST"
) -> bytes:
    lines = [f"{method} /hook HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json"]
    if secret is not None:
        lines.append(f"X-Telegram-Bot-Api-Secret-Token: {secret}")
    if length is not None:
        lines.append(f"Content-Length: {length}")
    if chunked:
        lines.append("Transfer-Encoding: chunked")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def connect(port: int, data: bytes = b"", tls: ssl.SSLContext | None = None) -> Connection:
    reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=tls)
    writer.write(data)
    return reader, writer


async def status(reader: asyncio.StreamReader) -> int:
    """The status of the next response, read to its end."""
    head = (await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)).decode("latin-1").lower()
    length = next((line.split(":")[1] for line in head.splitlines() if line.startswith("content-length:")), "0")
    await reader.readexactly(int(length))
    return int(head.split()[1])


async def closed(reader: asyncio.StreamReader) -> bool:
    """True once the server has closed the connection (whatever it still sent is read)."""
    with contextlib.suppress(ConnectionResetError):
        await asyncio.wait_for(reader.read(), 10)
    return reader.at_eof()


def update(update_id: int, text: str, chat_id: int = 42) -> dict[str, Any]:
    message = {"message_id": update_id, "date": 0, "chat": private_chat(chat_id), "from": user(chat_id), "text": text}
    return {"update_id": update_id, "message": message}


async def post(port: int, body: bytes, secret: str = SECRET, tls: ssl.SSLContext | None = None) -> int:
    """The status of a post to the webhook, over HTTPS trusting `tls`'s authorities if given."""
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret, "Content-Type": "application/json"}
    url = f"{'https' if tls else 'http'}://127.0.0.1:{port}/hook"
    async with aiohttp.ClientSession() as http, http.post(url, data=body, headers=headers, ssl=tls or True) as r:
        return r.status


async def test_an_update_with_the_secret_is_answered(serve_webhook: WebhookFactory, api: BotAPIServer) -> None:
    port = await serve_webhook()
    [hook] = api.calls_of("setWebhook")
    assert hook["url"] == f"http://127.0.0.1:{port}/hook" and hook["secret_token"] == SECRET
    assert await post(port, json.dumps(update(1, "who did it")).encode()) == 200
    [reply] = await api.wait_for(lambda: api.sent_to(42))
    assert "Baloch Liberation Army" in reply["text"]


async def test_the_webhook_listens_on_the_loopback_interface_by_default(
    serve_webhook: WebhookFactory, caplog: pytest.LogCaptureFixture
) -> None:
    """Not reachable from outside the machine unless FACTBOT_WEBHOOK_LISTEN says so (the address is the socket's)."""
    caplog.set_level(logging.INFO, logger="bot.chat.http")
    port = await serve_webhook()
    assert f"the webhook listening on 127.0.0.1:{port}" in caplog.messages


async def test_a_wrong_or_missing_secret_is_refused_before_the_body_is_read(serve_webhook: WebhookFactory) -> None:
    port = await serve_webhook()
    for secret in (None, "wrong", SECRET + "x"):
        reader, writer = await connect(port, request_head(secret, length=100 * 1024 * 1024))  # the body never comes
        assert await status(reader) == 403
        assert await closed(reader)
        writer.close()


async def test_a_body_over_1_mib_is_refused(serve_webhook: WebhookFactory, api: BotAPIServer) -> None:
    port = await serve_webhook()
    declared = request_head(length=MAX_BODY + 1)  # refused from the headers, the body never comes
    growing = request_head(chunked=True) + f"{MAX_BODY + 1:x}\r\n".encode() + b"x" * (MAX_BODY + 1)  # as it comes
    for sent in (declared, growing):
        reader, writer = await connect(port, sent)
        assert await status(reader) == 413
        assert await closed(reader)
        writer.close()
    assert not api.sent


async def test_idle_and_slow_connections_are_closed(serve_webhook: WebhookFactory) -> None:
    port = await serve_webhook(webhook_timeout=1)
    silent = await connect(port)
    trickling = await connect(port, b"POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # the head never ends
    kept_alive = await connect(port, b"GET /elsewhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    slow_body = await connect(port, request_head(length=100) + b"{}")  # 98 bytes short
    assert await status(kept_alive[0]) == 404
    assert await status(slow_body[0]) == 408
    assert all(await asyncio.gather(*(closed(r) for r, _ in (silent, trickling, kept_alive, slow_body))))
    for _, writer in (silent, trickling, kept_alive, slow_body):
        writer.close()


async def test_connections_over_the_cap_are_closed_at_once(serve_webhook: WebhookFactory) -> None:
    port = await serve_webhook(webhook_max_connections=2, webhook_timeout=60)
    kept = [await connect(port, b"GET /elsewhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") for _ in range(2)]
    assert [await status(reader) for reader, _ in kept] == [404, 404]  # both accepted, and kept open
    extra_reader, extra_writer = await connect(port)
    assert await closed(extra_reader)  # long before the 60 s timeout could have closed it
    reader, writer = kept[0]
    writer.write(b"GET /elsewhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert await status(reader) == 404
    for _, w in [*kept, (extra_reader, extra_writer)]:
        w.close()


async def test_a_post_that_is_not_an_update_is_refused_and_logged_once(
    serve_webhook: WebhookFactory, api: BotAPIServer, caplog: pytest.LogCaptureFixture
) -> None:
    port = await serve_webhook()
    broken_update = {"update_id": 77, "message": {"message_id": 1, "text": "no chat, no date"}}
    caplog.set_level(logging.WARNING)
    assert await post(port, b"not json at all") == 400
    assert await post(port, b'{"no": "update_id"}') == 400
    assert await post(port, json.dumps(broken_update).encode()) == 200  # from Telegram: not to be posted again
    assert await post(port, json.dumps(update(78, "who did it")).encode()) == 200
    [reply] = await api.wait_for(lambda: api.sent_to(42))
    assert "Baloch Liberation Army" in reply["text"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert [w.split(" (")[0].split(":")[0] for w in warnings] == [
        "webhook",
        "skipped an update without an update_id",
        "skipped update 77",
    ]


@pytest.mark.parametrize("signed", [False, True], ids=["self-signed", "signed-by-an-authority"])
async def test_an_update_over_https_is_answered_and_a_self_signed_certificate_uploaded(
    serve_webhook: WebhookFactory,
    api: BotAPIServer,
    certificates: Certificates,
    monkeypatch: pytest.MonkeyPatch,
    signed: bool,
) -> None:
    """This machine trusts the test authority (as it would a public one): a certificate it signed is
    left to Telegram's own authorities, a self-signed one is uploaded with setWebhook."""
    monkeypatch.setenv("SSL_CERT_FILE", str(certificates.authority))
    cert, key = certificates.signed if signed else certificates.self_signed
    port = await serve_webhook(webhook_cert=cert, webhook_key=key)
    [hook] = api.calls_of("setWebhook")
    assert hook["url"] == f"https://127.0.0.1:{port}/hook" and hook["secret_token"] == SECRET
    assert hook.get("certificate") == (None if signed else cert.read_bytes())
    client = ssl.create_default_context(cafile=certificates.authority if signed else cert)
    assert await post(port, json.dumps(update(1, "who did it")).encode(), tls=client) == 200
    [reply] = await api.wait_for(lambda: api.sent_to(42))
    assert "Baloch Liberation Army" in reply["text"]
    assert await post(port, json.dumps(update(2, "who did it")).encode(), secret="wrong", tls=client) == 403


async def test_a_tls_connection_holds_its_place_under_the_cap_before_its_handshake(
    serve_webhook: WebhookFactory, certificates: Certificates
) -> None:
    """uvicorn counts a connection only once its handshake is done; here it counts from accept."""
    cert, key = certificates.self_signed
    client = ssl.create_default_context(cafile=cert)
    port = await serve_webhook(webhook_cert=cert, webhook_key=key, webhook_max_connections=2, webhook_timeout=60)
    silent = await connect(port)  # never starts its handshake
    kept = await connect(port, b"GET /elsewhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", tls=client)
    assert await status(kept[0]) == 404
    with pytest.raises((ConnectionError, ssl.SSLError)):  # a third: closed as soon as it is accepted
        await connect(port, tls=client)
    kept[1].write(b"GET /elsewhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert await status(kept[0]) == 404
    for _, writer in (silent, kept):
        writer.close()


async def test_a_tls_connection_that_never_handshakes_is_closed_after_the_timeout(
    serve_webhook: WebhookFactory, certificates: Certificates
) -> None:
    """asyncio's own server would give it 60 s; `closed` waits 10."""
    cert, key = certificates.self_signed
    port = await serve_webhook(webhook_cert=cert, webhook_key=key, webhook_timeout=1)
    reader, writer = await connect(port)
    assert await closed(reader)
    writer.close()
