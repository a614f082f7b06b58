"""Inline keyboard buttons: one handler per kind of callback data, and one for anything else.

Every callback is answered exactly once, whatever its payload. In a group, the buttons under an
answer belong to the person who asked.
"""

from __future__ import annotations

import re

from telegram import CallbackQuery, Message, Update
from telegram.constants import ChatType
from telegram.ext import CallbackQueryHandler

from bot.chat import callbacks
from bot.chat.context import App, Context
from bot.chat.sending import send_answer

ONLY_ASKER = "Only the person who asked can use these buttons."
STALE = "That button is out of date. Please ask your question again."


def register(app: App) -> None:
    app.add_handler(CallbackQueryHandler(picked, pattern=callbacks.PICK))
    app.add_handler(CallbackQueryHandler(related, pattern=callbacks.RELATED))
    app.add_handler(CallbackQueryHandler(none_fits, pattern=callbacks.NONE_FITS))
    app.add_handler(CallbackQueryHandler(topic, pattern=callbacks.TOPIC))
    app.add_handler(CallbackQueryHandler(stale))


async def _pressed(
    update: Update, context: Context, *, has_asker: bool
) -> tuple[CallbackQuery, Message, tuple[str, ...]] | None:
    """The query, the message under which it was pressed and what the pattern read from its data,
    if the presser may press it; else the query is answered here and None returned."""
    query = update.callback_query
    if query is None:
        return None
    match = context.matches[0] if context.matches else None
    # PTB hands empty callback data to every pattern handler, unmatched.
    if not isinstance(match, re.Match) or not isinstance(query.message, Message):
        await query.answer(STALE, show_alert=True)
        return None
    fields = match.groups()
    asker = int(fields[-1]) if has_asker else 0
    if asker and query.message.chat.type != ChatType.PRIVATE and query.from_user.id != asker:
        await query.answer(ONLY_ASKER, show_alert=True)
        return None
    return query, query.message, fields


async def _answer_fact(update: Update, context: Context, *, edit: bool) -> None:
    pressed = await _pressed(update, context, has_asker=True)
    if pressed is None:
        return
    query, message, (fact_id, asker) = pressed
    answer = context.core.fact_answer(fact_id)
    if answer is None:
        await query.answer(STALE, show_alert=True)
        return
    await query.answer()
    await send_answer(message, answer, asker=int(asker), edit=edit)


async def picked(update: Update, context: Context) -> None:
    """A "did you mean" choice: the answer replaces the choices."""
    await _answer_fact(update, context, edit=True)


async def related(update: Update, context: Context) -> None:
    """A related question: answered below, keeping the answer it came from."""
    await _answer_fact(update, context, edit=False)


async def none_fits(update: Update, context: Context) -> None:
    """None of the choices fits: the question is counted as unsure for the editors."""
    pressed = await _pressed(update, context, has_asker=True)
    if pressed is None:
        return
    query, message, _ = pressed
    original = message.reply_to_message.text if message.reply_to_message else None
    if original:
        await context.store.record_question(context.core.counted_as(original), sure=False)
    await query.answer("Thanks, noted.")
    await message.edit_text(
        "Thanks. I've noted your question for the editors; our sources may not cover it yet. "
        "Try /topics to see what they do cover."
    )


async def topic(update: Update, context: Context) -> None:
    pressed = await _pressed(update, context, has_asker=False)
    if pressed is None:
        return
    query, message, (topic_id,) = pressed
    answer = context.core.topic_answer(topic_id)
    if answer is None:
        await query.answer(STALE, show_alert=True)
        return
    await query.answer()
    await send_answer(message, answer)


async def stale(update: Update, context: Context) -> None:
    """Data no pattern knows: a button from an older version of the bot, or forged."""
    if update.callback_query is not None:
        await update.callback_query.answer(STALE, show_alert=True)
