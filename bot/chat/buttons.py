"""Inline keyboard buttons: one handler per kind of callback data, and one for anything else.

Every callback is answered exactly once, whatever its payload. In a group, the buttons under an
answer belong to the person who asked. A button answers in the chat's language, or else in the
language it was shown in.
"""

from __future__ import annotations

import re

from telegram import CallbackQuery, Message, Update
from telegram.constants import ChatType
from telegram.ext import CallbackQueryHandler

from bot.chat import callbacks
from bot.chat.context import App, Context
from bot.chat.language import chat_language
from bot.chat.sending import send_answer
from bot.language import Language, language_of
from bot.phrases import phrases


def register(app: App) -> None:
    app.add_handler(CallbackQueryHandler(picked, pattern=callbacks.PICK))
    app.add_handler(CallbackQueryHandler(related, pattern=callbacks.RELATED))
    app.add_handler(CallbackQueryHandler(none_fits, pattern=callbacks.NONE_FITS))
    app.add_handler(CallbackQueryHandler(topic, pattern=callbacks.TOPIC))
    app.add_handler(CallbackQueryHandler(stale))


async def _pressed(
    update: Update, context: Context, *, has_asker: bool
) -> tuple[CallbackQuery, Message, dict[str, str], Language] | None:
    """The query, the message under which it was pressed, what the pattern read from its data and the
    language to answer in, if the presser may press it; else the query is answered here and None returned."""
    query = update.callback_query
    if query is None:
        return None
    match = context.matches[0] if context.matches else None
    shown = language_of(match["language"]) if isinstance(match, re.Match) else None
    language = await chat_language(update, context, shown=shown)
    say = phrases(language)
    # PTB hands empty callback data to every pattern handler, unmatched.
    if not isinstance(match, re.Match) or not isinstance(query.message, Message):
        await query.answer(say.stale, show_alert=True)
        return None
    fields = match.groupdict()
    asker = int(fields["asker"]) if has_asker else 0
    if asker and query.message.chat.type != ChatType.PRIVATE and query.from_user.id != asker:
        await query.answer(say.only_asker, show_alert=True)
        return None
    return query, query.message, fields, language


async def _answer_fact(update: Update, context: Context, *, edit: bool) -> None:
    pressed = await _pressed(update, context, has_asker=True)
    if pressed is None:
        return
    query, message, fields, language = pressed
    answer = context.core.fact_answer(fields["fact"], language)
    if answer is None:
        await query.answer(phrases(language).stale, show_alert=True)
        return
    await query.answer()
    await send_answer(message, answer, asker=int(fields["asker"]), edit=edit)


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
    query, message, _, language = pressed
    original = message.reply_to_message.text if message.reply_to_message else None
    if original:
        await context.store.record_question(context.core.counted_as(original), sure=False)
    say = phrases(language)
    await query.answer(say.noted)
    await message.edit_text(say.noted_more)


async def topic(update: Update, context: Context) -> None:
    pressed = await _pressed(update, context, has_asker=False)
    if pressed is None:
        return
    query, message, fields, language = pressed
    answer = context.core.topic_answer(fields["topic"], language)
    if answer is None:
        await query.answer(phrases(language).stale, show_alert=True)
        return
    await query.answer()
    await send_answer(message, answer)


async def stale(update: Update, context: Context) -> None:
    """Data no pattern knows: a button from an older version of the bot, or forged."""
    if update.callback_query is not None:
        await update.callback_query.answer(phrases(await chat_language(update, context)).stale, show_alert=True)
