"""Commands for the bot's operators (FACTBOT_ADMIN_IDS): reload the facts, see counts, and read
the questions the facts did not answer. Reloads, by command or by a watched edit, are reported
the same way."""

from __future__ import annotations

import logging
import time

from telegram import Message, Update
from telegram.error import TelegramError
from telegram.ext import CommandHandler

from bot.chat.context import App, Context, Services
from bot.chat.sending import CHAT_LIMIT, send_chunks
from bot.reload import ReloadResult
from bot.render import pack

log = logging.getLogger(__name__)


def register(app: App) -> None:
    app.add_handler(CommandHandler("reload", reload_command))
    app.add_handler(CommandHandler("stats", stats_command))
    app.add_handler(CommandHandler("unanswered", unanswered_command))


async def after_reload(result: ReloadResult, services: Services) -> str:
    """What to tell the operators about a reload, in one message; when it worked, subscribers are
    owed the updates it brought."""
    if result.ok:
        await services.broadcaster.announce()
    return result.report()


async def watch_facts(app: App) -> None:
    """Reload after every edit under the facts folder and tell every operator, until cancelled."""
    services = app.bot_data

    async def on_result(result: ReloadResult) -> None:
        text = await after_reload(result, services)
        for admin in services.settings.admin_ids:
            try:
                await app.bot.send_message(admin, text)
            except TelegramError as exc:
                log.warning("could not tell admin %s about the reload: %s", admin, exc)

    await services.reloader.watch(on_result, debounce_ms=services.settings.reload_debounce_ms)


async def _operators_only(update: Update, context: Context) -> Message | None:
    """The message to answer if an operator sent it; others get a polite no."""
    message, who = update.effective_message, update.effective_user
    if message is None:
        return None
    if who is None or who.id not in context.settings.admin_ids:
        await message.reply_text("Sorry, that command is for the bot's operators.")
        return None
    return message


async def reload_command(update: Update, context: Context) -> None:
    message = await _operators_only(update, context)
    if message is None:
        return
    result = await context.services.reloader.reload()
    await message.reply_text(await after_reload(result, context.services))


async def stats_command(update: Update, context: Context) -> None:
    message = await _operators_only(update, context)
    if message is None:
        return
    store, core = context.store, context.core
    questions = await store.question_counts()
    deliveries = await store.delivery_counts()
    last = context.services.reloader.last
    reload_line = (
        "none since start"
        if last is None
        else ("ok" if last.ok else "FAILED") + f" at {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime(last.at))}"
    )
    await message.reply_text(
        f"Questions answered with a fact: {questions['sure']}\n"
        f"Questions not answered with a fact: {questions['unsure']}\n"
        f"Subscribed chats: {await store.subscriber_count()}\n"
        f"Update deliveries: {deliveries['sent']} sent, {deliveries['pending']} pending, "
        f"{deliveries['dropped']} dropped\n"
        f"Last reload: {reload_line}\nFacts version: {core.version} ({core.fact_count} facts)"
    )


async def unanswered_command(update: Update, context: Context) -> None:
    message = await _operators_only(update, context)
    if message is None:
        return
    rows = await context.store.unsure_questions(20)
    text = "\n".join(f"{count} × {question}" for question, count in rows) or "Nothing unanswered yet."
    await send_chunks(message, pack([text], style="plain", limit=CHAT_LIMIT), html=False)
