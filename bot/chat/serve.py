"""Running the bot: long polling or the webhook, the health endpoint beside either, until SIGTERM.

This does what python-telegram-bot's `run_polling` / `run_webhook` do (initialize, post_init,
start taking updates, start; then stop, post_stop, shutdown, post_shutdown), with the application
used by hand as in PTB's custom webhook example, so that the webhook can be served by our own
hardened listener (`bot.chat.http`) instead of PTB's, and the health endpoint runs in both modes.
With FACTBOT_WEBHOOK_CERT and FACTBOT_WEBHOOK_KEY the listener speaks TLS itself; a certificate this
machine's authorities do not vouch for (a self-signed one) is uploaded with setWebhook, as Telegram
asks, and one they do is not (Telegram would then check against the upload, not its own authorities).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import ssl
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

from telegram import Update

from bot.chat.context import App
from bot.chat.health import health_app
from bot.chat.http import Listener, listen, tls_context, unvouched
from bot.chat.webhook import webhook_app
from bot.config import Settings

log = logging.getLogger(__name__)

HEALTH_CONNECTIONS = 8  # the health endpoint is asked once a minute, from this machine
HEALTH_TIMEOUT = 5


@contextlib.asynccontextmanager
async def running(app: App, settings: Settings, secret: str) -> AsyncIterator[None]:
    """The bot taking updates and answering them within the block; stopped and shut down after it."""
    url = settings.webhook_url
    cert, key = settings.webhook_cert, settings.webhook_key
    tls = None if url is None or cert is None or key is None else tls_context(cert, key)  # before Telegram
    listeners: list[Listener] = []
    initialized = False
    try:
        await app.initialize()  # the data folder and the token first: a bad one is a ConfigError
        updater = app.updater
        assert updater is not None  # ApplicationBuilder makes one
        hook = None if url is None else _webhook(app, settings, secret, tls)
        listeners += [] if hook is None else [hook]

        def taking_updates() -> bool:
            return updater.running if hook is None else hook.serving

        health = Listener(
            health_app(app, "polling" if hook is None else "webhook", taking_updates),
            listen("127.0.0.1", settings.health_port, "FACTBOT_HEALTH_PORT"),
            timeout=HEALTH_TIMEOUT,
            max_connections=HEALTH_CONNECTIONS,
        )
        listeners.append(health)
        if app.post_init is not None:
            await app.post_init(app)
        initialized = True
        if url is None or hook is None:
            await updater.start_polling(allowed_updates=Update.ALL_TYPES)
        else:
            certificate = None if tls is None or cert is None else _self_signed(tls, cert)
            await app.bot.set_webhook(
                url, secret_token=secret, allowed_updates=Update.ALL_TYPES, certificate=certificate
            )
            hook.start("the webhook")
        await app.start()
        health.start("the health endpoint")
        yield
    finally:
        await asyncio.gather(*(listener.stop() for listener in listeners))
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        if initialized and app.post_stop is not None:
            await app.post_stop(app)
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)


def _webhook(app: App, settings: Settings, secret: str, tls: ssl.SSLContext | None) -> Listener:
    assert settings.webhook_url is not None
    path = urlsplit(settings.webhook_url).path or "/"
    return Listener(
        webhook_app(app, path, secret, timeout=settings.webhook_timeout),
        listen(settings.webhook_listen, settings.webhook_port, "FACTBOT_WEBHOOK_PORT"),
        timeout=settings.webhook_timeout,
        max_connections=settings.webhook_max_connections,
        tls=tls,
    )


def _self_signed(tls: ssl.SSLContext, cert: Path) -> bytes | None:
    """The certificate for setWebhook to upload, if Telegram cannot check it against authorities."""
    why = unvouched(tls)
    if why is None:
        log.info("webhook: the certificate is signed by an authority this machine trusts; not uploaded")
        return None
    log.info("webhook: the certificate is not vouched for by an authority (%s): uploaded with setWebhook", why)
    return cert.read_bytes()


async def run(app: App, settings: Settings, secret: str) -> None:
    """Serve until SIGTERM or SIGINT (Ctrl-C)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with running(app, settings, secret):
        await stop.wait()
        log.info("stopping")
