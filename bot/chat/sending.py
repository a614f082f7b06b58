"""Sending an answer: the one place that decides how many messages it takes and which buttons
it carries. In a group the bot never sends more than one message per question, in a private chat
never more than `MAX_PRIVATE_MESSAGES`: a fact base with an enormous fact still answers briefly.
Buttons and notes are in the answer's language."""

from __future__ import annotations

from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ChatType, ParseMode

from bot.answers import Answer, Choice
from bot.chat import callbacks
from bot.language import Language
from bot.phrases import phrases
from bot.render import MAX_MESSAGE, render

MAX_PRIVATE_MESSAGES = 3
# Messages are packed this much under Telegram's limit, so a note about what was left out fits.
CHAT_LIMIT = MAX_MESSAGE - 200


def choice_button(choice: Choice, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(choice.label, callback_data=data)


def answer_keyboard(answer: Answer, asker: int) -> InlineKeyboardMarkup | None:
    """ "Did you mean" choices and "none of these", or else related questions, for `asker` to press."""
    language = answer.language
    rows: list[list[InlineKeyboardButton]] = []
    if answer.choices:
        rows = [[choice_button(c, callbacks.pick(c.fact_id, asker, language))] for c in answer.choices]
        none_fits = callbacks.none_fits(asker, language)
        rows.append([InlineKeyboardButton(phrases(language).none_of_these, callback_data=none_fits)])
    elif answer.related:
        rows = [[choice_button(c, callbacks.related(c.fact_id, asker, language))] for c in answer.related]
    return InlineKeyboardMarkup(rows) if rows else None


async def send_answer(message: Message, answer: Answer, *, asker: int = 0, edit: bool = False) -> None:
    """Reply to `message` with the answer, its buttons on the last message; `edit` replaces
    `message` itself instead when the answer fits in one."""
    chunks = render(answer, limit=CHAT_LIMIT)
    keyboard = answer_keyboard(answer, asker)
    if edit and len(chunks) == 1:
        await message.edit_text(chunks[0], parse_mode=ParseMode.HTML, reply_markup=keyboard)
        return
    await send_chunks(message, chunks, keyboard=keyboard, language=answer.language)


async def send_chunks(
    message: Message,
    chunks: list[str],
    *,
    keyboard: InlineKeyboardMarkup | None = None,
    html: bool = True,
    language: Language = "en",
) -> None:
    """Reply with each chunk (packed within `CHAT_LIMIT`), the keyboard under the last; in a group
    only the first, in a private chat the first few, with a note that there is more."""
    say = phrases(language)
    if message.chat.type != ChatType.PRIVATE and len(chunks) > 1:
        chunks = [chunks[0] + _note(say.longer, html)]
    elif len(chunks) > MAX_PRIVATE_MESSAGES:
        *first, tail = chunks[:MAX_PRIVATE_MESSAGES]
        chunks = [*first, tail + _note(say.goes_on, html)]
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        await message.reply_text(
            chunk, parse_mode=ParseMode.HTML if html else None, reply_markup=keyboard if last else None
        )


def _note(text: str, html: bool) -> str:
    return f"\n\n<i>{escape(text, quote=False)}</i>" if html else f"\n\n{text}"
