"""The webhook endpoint: Telegram posts each update here (served by `bot.chat.http`).

Everything that can be refused from the headers is refused before any of the body is read, and
the connection is closed with the refusal, so a stranger's upload is never taken in: a missing or
wrong secret token (403), a declared body over 1 MiB (413; Telegram's updates are a few KiB). A
body that grows past 1 MiB as it comes is refused as soon as it does, and one that comes slower
than the timeout allows is refused too (408). A body that is not an update (not JSON, no
update_id) is refused (400) and logged once; an update that python-telegram-bot cannot read is
logged once and accepted (200), as long polling skips it, so that Telegram does not post it again.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging

from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route
from telegram import Update

from bot.chat.context import App
from bot.chat.polling import readable_update

log = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024
SECRET_HEADER = "x-telegram-bot-api-secret-token"


def _refuse(status: int) -> Response:
    """A refusal that also closes the connection, so whatever the client still sends is not read."""
    return Response(status_code=status, headers={"connection": "close"})


async def _body(request: Request) -> bytes | None:
    """The body, or None as soon as it passes `MAX_BODY`."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            return None
    return bytes(body)


def webhook_app(app: App, path: str, secret: str, *, timeout: float) -> Starlette:
    """The ASGI app serving `path`: checked updates go to the application's update queue."""
    expected = secret.encode()

    async def receive(request: Request) -> Response:
        if not hmac.compare_digest(request.headers.get(SECRET_HEADER, "").encode("latin-1"), expected):
            return _refuse(403)
        length = request.headers.get("content-length", "0")
        if not length.isdigit() or int(length) > MAX_BODY:
            return _refuse(413)
        try:
            body = await asyncio.wait_for(_body(request), timeout)
        except TimeoutError:
            return _refuse(408)
        except ClientDisconnect:
            return _refuse(400)
        if body is None:
            return _refuse(413)
        try:
            raw = json.loads(body)
        except ValueError:
            log.warning("webhook: refused a post that is not JSON (%d bytes)", len(body))
            return _refuse(400)
        readable = readable_update(raw)  # logs what it cannot read
        if readable is None:
            return _refuse(400)
        if readable is raw:  # else it is only the id of an update that does not parse: skipped
            await app.update_queue.put(Update.de_json(readable, app.bot))
        return Response()

    return Starlette(routes=[Route(path, receive, methods=["POST"])])
