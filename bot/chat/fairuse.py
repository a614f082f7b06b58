"""Fair use: token buckets per user and per group, so one person (or one busy group) flooding the
bot cannot use up the answers everyone else is waiting for.

Every update the bot would answer passes a gate before any handler sees it. Over the limit, the
sender gets one short notice; after that the bot stays silent until the bucket has filled up
again. What the gate drops never reaches a handler, so it is neither answered nor counted.
Inline queries have buckets of their own, roomier (clients send one as the user pauses in
typing); over them, the notice is an empty result list with a "slow down" button.
"""

from __future__ import annotations

import logging

from telegram import InlineQuery, InlineQueryResultsButton, Message, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, TypeHandler

from bot.chat.context import App, Context
from bot.chat.language import chat_language, inline_language
from bot.chat.questions import addressed
from bot.chat.throttle import Verdict
from bot.phrases import phrases

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Before every other handler (group -1): a dropped update reaches none of them."""
    app.add_handler(TypeHandler(Update, gate), group=-1)


def _sender_of(update: Update, username: str, bot_id: int) -> tuple[int, int | None] | None:
    """(user id, group id or None) of an update the bot would answer; None for one it ignores
    anyway (group chatter, membership changes, inline queries)."""
    if update.callback_query is not None:
        query = update.callback_query
        chat = query.message.chat if query.message is not None else None
        return query.from_user.id, chat.id if chat is not None and chat.type != ChatType.PRIVATE else None
    message = update.message or update.edited_message
    if message is None or message.from_user is None:
        return None
    if message.chat.type == ChatType.PRIVATE:
        return message.from_user.id, None
    if _is_our_command(message, username) or (update.message is not None and addressed(message, username, bot_id)):
        return message.from_user.id, message.chat.id
    return None


def _is_our_command(message: Message, username: str) -> bool:
    text = message.text or ""
    if not text.startswith("/"):
        return False
    _, at, target = text.split(maxsplit=1)[0].partition("@")
    return not at or target.lower() == username.lower()


async def gate(update: Update, context: Context) -> None:
    if update.inline_query is not None:
        await _gate_inline(update.inline_query, context)
        return
    sender = _sender_of(update, context.bot.username, context.bot.id)
    if sender is None:
        return
    user_id, group_id = sender
    verdict, group_limit = context.services.throttle.check(user_id, group_id)
    if verdict is Verdict.ANSWER:
        return
    if verdict is Verdict.NOTICE:
        who = f"group {group_id}" if group_limit else f"user {user_id}"
        log.info("%s is over the fair-use limit; ignoring it until its bucket refills", who)
        message = update.effective_message
        text = (message.text or "") if message is not None and update.callback_query is None else ""
        say = phrases(await chat_language(update, context, text=text))
        notice = say.group_slow_down if group_limit else say.slow_down
        try:
            if update.callback_query is not None:
                await update.callback_query.answer(notice)
            elif update.effective_message is not None:
                await update.effective_message.reply_text(notice)
        except TelegramError as exc:
            log.warning("could not tell %s to slow down: %s", who, exc)
    raise ApplicationHandlerStop


async def _gate_inline(query: InlineQuery, context: Context) -> None:
    verdict = context.services.throttle.check_inline(query.from_user.id)
    if verdict is Verdict.ANSWER:
        return
    if verdict is Verdict.NOTICE:
        log.info("user %s is over the fair-use limit of inline queries", query.from_user.id)
        say = phrases(await inline_language(query, context))
        button = InlineQueryResultsButton(text=say.inline_slow_down, start_parameter="slow")
        try:
            await query.answer([], cache_time=0, is_personal=True, button=button)
        except TelegramError as exc:
            log.warning("could not tell user %s to slow down: %s", query.from_user.id, exc)
    raise ApplicationHandlerStop
