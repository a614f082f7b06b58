"""The bot's own HTTP listeners (the webhook, the health endpoint): uvicorn, with the limits a
server open to the internet needs.

uvicorn brings HTTP/1.1 parsing (h11) with a bounded request head, a keep-alive timeout after each
response and graceful shutdown. Two guards it lacks are added to its protocol (`_guarded`): a
connection beyond the cap is closed as soon as it is accepted, so idle connections cannot use up
the process's file descriptors; and a connection must send a whole request head within the
timeout from when it opens (or from its last response), where uvicorn's own timer starts only
after a first response and stops at any byte, so that a connection sending nothing, or trickling
its headers, stayed open for good. Body limits and the body's own deadline are the ASGI app's
(see `bot.chat.webhook`), which reads no body before it has checked the headers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import Iterator

import uvicorn
from starlette.types import ASGIApp
from uvicorn.protocols.http.h11_impl import H11Protocol

from bot.errors import ConfigError

log = logging.getLogger(__name__)

BACKLOG = 128
GRACE = 5  # seconds a stop waits for requests in progress


def _guarded(max_connections: int) -> type[H11Protocol]:
    class Guarded(H11Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            super().connection_made(transport)  # type: ignore[arg-type]
            if len(self.connections) > max_connections:
                transport.close()
                return
            self.timeout_keep_alive_task = self.loop.call_later(
                self.timeout_keep_alive, self.timeout_keep_alive_handler
            )

        def data_received(self, data: bytes) -> None:
            """As uvicorn's, but the timer keeps running until a whole request head has come
            (`handle_events` stops it then)."""
            self.conn.receive_data(data)
            self.handle_events()

    return Guarded


class _Server(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        """The bot handles SIGTERM and SIGINT itself, and stops every listener then."""
        yield


def listen(host: str, port: int, setting: str) -> socket.socket:
    """A listening socket, made before the server starts so that a port in use is a one-line
    `ConfigError` naming the setting (uvicorn would log it and exit)."""
    try:
        sock = socket.create_server((host, port), backlog=BACKLOG)
    except OSError as exc:
        raise ConfigError(
            f"{setting}: cannot listen on {host}:{port} ({exc.strerror}): is another program using it? "
            "choose another port"
        ) from None
    return sock


class Listener:
    """One uvicorn server on one socket, run as a task until `stop`."""

    def __init__(self, app: ASGIApp, sock: socket.socket, *, timeout: int, max_connections: int) -> None:
        config = uvicorn.Config(
            app,
            http=_guarded(max_connections),
            ws="none",
            lifespan="off",
            log_config=None,
            access_log=False,
            server_header=False,
            timeout_keep_alive=timeout,
            timeout_graceful_shutdown=GRACE,
        )
        self.sock = sock
        self.server = _Server(config)
        self._task: asyncio.Task[None] | None = None

    @property
    def serving(self) -> bool:
        return self._task is not None and not self._task.done() and not self.server.should_exit

    def start(self, name: str) -> None:
        host, port, *_ = self.sock.getsockname()
        log.info("%s listening on %s:%s", name, host, port)
        self._task = asyncio.create_task(self.server.serve(sockets=[self.sock]), name=name)

    async def stop(self) -> None:
        """Stop taking connections and let requests in progress finish (for `GRACE` seconds)."""
        if self._task is None:
            self.sock.close()
            return
        self.server.should_exit = True
        await self._task
