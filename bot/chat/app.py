"""The python-telegram-bot application: settings and services in, each module's handlers registered.

Private chats: any text is a question. Groups: the bot speaks only when addressed (a command,
an @mention, or a reply to one of its messages) and answers with one message, as a reply.
Handlers get their services typed, from `Context` (see `bot.chat.context`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from telegram import LinkPreviewOptions, Update
from telegram.error import ChatMigrated, EndPointNotFound, Forbidden, InvalidToken, NetworkError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults, Job

from bot.chat import buttons, commands, fairuse, inline, language, operators, questions, subscriptions, tasks
from bot.chat.broadcast import Broadcaster
from bot.chat.clock import Clock, WallClock
from bot.chat.context import App, Context, Services
from bot.chat.limits import SendBudget, pace
from bot.chat.polling import UpdatesRequest
from bot.chat.throttle import Throttle
from bot.config import Settings
from bot.core import ServingCore
from bot.errors import ConfigError, StoreUnavailable
from bot.reload import Reloader
from bot.store import Store

log = logging.getLogger(__name__)


class FactbotApplication(Application[Any, Any, Any, Any, Any, Any]):
    """PTB's Application with start-up problems reported as one line (`initialize`), and without
    its notes for persistence (`_mark_for_persistence_update`)."""

    async def initialize(self) -> None:
        """The database first, then Telegram: a start-up problem the operator must fix (the data
        folder, the token, the Bot API's address) is one `ConfigError` naming it, where PTB would
        log a traceback (with the token in it, for a rejected token)."""
        await self.bot_data.store.open()
        try:
            await super().initialize()
        except InvalidToken:
            raise ConfigError(
                "FACTBOT_TOKEN: Telegram rejected the token (401 Unauthorized): copy it again from "
                "@BotFather (/mybots, API Token); it changes when it is revoked"
            ) from None
        except EndPointNotFound:
            raise ConfigError(
                f"FACTBOT_BASE_URL: {self.bot_data.settings.base_url} answered 404, it is not a Bot API "
                "server (the default is https://api.telegram.org/bot)"
            ) from None
        except NetworkError as exc:
            raise ConfigError(
                f"FACTBOT_BASE_URL: could not reach the Bot API at {self.bot_data.settings.base_url} "
                f"({exc.message}): check the network, or the address"
            ) from None

    def _mark_for_persistence_update(self, *, update: object | None = None, job: Job[Any] | None = None) -> None:
        """PTB 22.8 notes the id of every chat and user it sees for a persistence update, even with no
        persistence, and only a persistence update ever empties that list: memory grows with every
        new user, forever. We keep state in our own store and set no persistence, so nothing needs noting."""
        if self.persistence is not None:
            super()._mark_for_persistence_update(update=update, job=job)


def build_application(settings: Settings, serving: ServingCore, store: Store, *, clock: Clock | None = None) -> App:
    """The application with its services and every module's handlers; `clock` paces the
    broadcaster and the retry backoff (tests pass one they move by hand)."""
    clock = clock or WallClock()
    app: App = (
        ApplicationBuilder()
        .application_class(FactbotApplication)
        .job_queue(None)
        .context_types(ContextTypes(context=Context, bot_data=Services))
        .token(settings.require_token().get_secret_value())
        .base_url(settings.base_url)
        .defaults(Defaults(do_quote=True, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .rate_limiter(
            SendBudget(
                enabled=settings.rate_limit,
                overall=pace(store.shared_budget(), "overall", settings.send_rate, clock),
                retries=settings.retries,
                backoff=settings.backoff,
                max_retry_after=settings.max_retry_after,
                clock=clock,
            )
        )
        # Each answer waits on a round trip to Telegram; handling updates one at a time would make
        # that latency the bot's throughput. Handlers share no per-update state, so run them together.
        .concurrent_updates(settings.concurrent_updates)
        .connect_timeout(settings.connect_timeout)
        .read_timeout(settings.read_timeout)
        .write_timeout(settings.write_timeout)
        .get_updates_request(UpdatesRequest(connection_pool_size=1))
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
        .build()
    )
    services = app.bot_data
    services.settings = settings
    services.serving = serving
    services.store = store
    services.reloader = Reloader(
        settings.facts_dir, serving, thresholds=settings.thresholds, cache_dir=settings.cache_dir
    )
    services.broadcaster = Broadcaster(app.bot, store, serving, settings, clock, workers=settings.broadcast_in_flight)
    services.throttle = Throttle(settings, clock)
    services.clock = clock
    # Order matters: a private command no module knows is answered by `questions`, so it comes last
    # of the message handlers. `fairuse` gates every update before them all (handler group -1).
    for module in (fairuse, commands, subscriptions, language, operators, questions, buttons, inline):
        module.register(app)
    app.add_error_handler(on_error)
    return app


async def _post_init(app: App) -> None:
    """Register the menu, finish any broadcast a stop cut short, watch the facts."""
    services = app.bot_data
    log.info("serving facts version %s as @%s", services.serving.current.version, app.bot.username)
    await commands.set_menus(app.bot)
    await services.broadcaster.announce()
    # Not app.create_task: the application awaits those on stop, and these never end.
    services.background = [
        tasks.start("the fact watcher", lambda: operators.watch_facts(app), services.clock),
        tasks.start("the broadcaster", services.broadcaster.run, services.clock),
        tasks.start(
            "the count flusher", lambda: services.store.flush_every(services.settings.flush_every), services.clock
        ),
    ]


async def _post_stop(app: App) -> None:
    """Stop the background tasks (first, so that the broadcaster's loop ending is not taken for a
    failure), then, while the bot can still send, let deliveries in flight finish."""
    tasks, app.bot_data.background = app.bot_data.background, []
    for task in tasks:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    await app.bot_data.broadcaster.stop()


async def _post_shutdown(app: App) -> None:
    await app.bot_data.store.close()


async def on_error(update: object, context: Context) -> None:
    """The one error handler: known Telegram refusals are a line, anything else a traceback."""
    update_id = update.update_id if isinstance(update, Update) else None
    error = context.error
    if isinstance(error, Forbidden):
        log.warning("update %s: Telegram refused (%s); the user blocked us or removed us", update_id, error)
        return
    if isinstance(error, ChatMigrated):
        log.warning("update %s: chat migrated to %s", update_id, error.new_chat_id)
        return
    if isinstance(error, StoreUnavailable):
        log.info("update %s: not handled, %s", update_id, error)  # the store logged the loss once
        return
    log.error("update %s caused an error", update_id, exc_info=error)
