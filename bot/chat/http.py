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

TLS, for those who serve the webhook without a reverse proxy, is asyncio's own (`SSLProtocol`, as
`loop.create_server(ssl=...)` uses), set up here rather than by uvicorn so that both guards cover a
connection from when it is accepted: asyncio's server gives a handshake 60 s and uvicorn counts a
connection only once its handshake is done, so silent connections would again use up the process's
file descriptors.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import ssl
from asyncio.sslproto import SSLProtocol
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import uvicorn
from starlette.types import ASGIApp
from uvicorn.protocols.http.h11_impl import H11Protocol

from bot.errors import ConfigError

log = logging.getLogger(__name__)

BACKLOG = 128
GRACE = 5  # seconds a stop waits for requests in progress


def _guarded(max_connections: int, tls: ssl.SSLContext | None, timeout: int) -> type[asyncio.BaseProtocol]:
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

    if tls is None:
        return Guarded
    context = tls
    connections: set[SSLProtocol] = set()  # from accept to close, in their handshake or not

    class GuardedTLS(SSLProtocol):
        def __init__(self, **uvicorn_arguments: Any) -> None:
            loop = asyncio.get_running_loop()
            handshake = loop.create_future()
            handshake.add_done_callback(_consume)  # a failed handshake is the client's business
            super().__init__(
                loop, Guarded(**uvicorn_arguments), context, handshake, server_side=True, ssl_handshake_timeout=timeout
            )

        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            super().connection_made(transport)
            connections.add(self)
            if len(connections) > max_connections:
                transport.close()

        def connection_lost(self, exc: BaseException | None) -> None:
            connections.discard(self)
            super().connection_lost(exc)

    return GuardedTLS


def _consume(handshake: asyncio.Future[Any]) -> None:
    """Retrieve a failed handshake's exception, which asyncio would otherwise log when it is collected."""
    if not handshake.cancelled():
        handshake.exception()


def tls_context(cert: Path, key: Path) -> ssl.SSLContext:
    """The webhook's TLS, loaded at start-up so that files it cannot use are a one-line `ConfigError`."""
    for setting, path in (("FACTBOT_WEBHOOK_CERT", cert), ("FACTBOT_WEBHOOK_KEY", key)):
        try:
            path.read_bytes()
        except OSError as exc:
            raise ConfigError(f"{setting}: cannot read {path} ({exc.strerror})") from None
    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).load_verify_locations(cafile=cert)
    except ssl.SSLError:
        raise ConfigError(
            f"FACTBOT_WEBHOOK_CERT: {cert} holds no PEM certificate (a -----BEGIN CERTIFICATE----- block)"
        ) from None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        # An empty passphrase, so that an encrypted key is refused rather than asked for on the terminal.
        context.load_cert_chain(cert, key, password=lambda: b"")
    except ssl.SSLError as exc:
        why = (
            f"is not the private key of the certificate in {cert}"
            if exc.reason == "KEY_VALUES_MISMATCH"
            else "is not a PEM private key without a passphrase"
        )
        raise ConfigError(f"FACTBOT_WEBHOOK_KEY: {key} {why}") from None
    return context


def unvouched(context: ssl.SSLContext) -> str | None:
    """Why a client trusting this machine's certificate authorities would refuse the certificate that
    `context` serves (a self-signed one, say), or None if it would take it. The ssl module verifies a
    chain only in a handshake, so this is one, in memory."""
    client = ssl.create_default_context()
    client.check_hostname = False
    to_server, to_client = ssl.MemoryBIO(), ssl.MemoryBIO()
    client_end = client.wrap_bio(to_client, to_server)
    server_end = context.wrap_bio(to_server, to_client, server_side=True)
    for _ in range(3):  # a TLS handshake takes two round trips at most
        try:
            client_end.do_handshake()
            return None
        except ssl.SSLCertVerificationError as exc:
            return str(exc.verify_message)
        except ssl.SSLWantReadError:
            with contextlib.suppress(ssl.SSLWantReadError):
                server_end.do_handshake()
    return "the TLS handshake did not finish"


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

    def __init__(
        self,
        app: ASGIApp,
        sock: socket.socket,
        *,
        timeout: int,
        max_connections: int,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        config = uvicorn.Config(
            app,
            http=_guarded(max_connections, tls, timeout),  # type: ignore[arg-type]  # any protocol factory will do
            ws="none",
            lifespan="off",
            log_config=None,
            access_log=False,
            server_header=False,
            timeout_keep_alive=timeout,
            timeout_graceful_shutdown=GRACE,
        )
        self.sock = sock
        self.tls = tls is not None
        self.server = _Server(config)
        self._task: asyncio.Task[None] | None = None

    @property
    def serving(self) -> bool:
        return self._task is not None and not self._task.done() and not self.server.should_exit

    def start(self, name: str) -> None:
        host, port, *_ = self.sock.getsockname()
        log.info("%s listening on %s:%s%s", name, host, port, " (TLS)" if self.tls else "")
        self._task = asyncio.create_task(self.server.serve(sockets=[self.sock]), name=name)

    async def stop(self) -> None:
        """Stop taking connections and let requests in progress finish (for `GRACE` seconds)."""
        if self._task is None:
            self.sock.close()
            return
        self.server.should_exit = True
        await self._task
