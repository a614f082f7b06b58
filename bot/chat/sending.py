"""Sending an answer: the one place that decides how many messages it takes and which buttons
it carries. In a group the bot never sends more than one message per question, in a private chat
never more than `MAX_PRIVATE_MESSAGES`: a fact base with an enormous fact still answers briefly."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ChatType, ParseMode

from bot.answers import Answer, Choice
from bot.chat import callbacks
from bot.render import MAX_MESSAGE, render

MAX_PRIVATE_MESSAGES = 3
# Messages are packed this much under Telegram's limit, so a note about what was left out fits.
CHAT_LIMIT = MAX_MESSAGE - 200
LONGER_PLAIN = "\n\n(The full answer is longer: ask me in a private chat.)"
LONGER = "\n\n<i>(The full answer is longer: ask me in a private chat.)</i>"
GOES_ON_PLAIN = "\n\n(There is more: ask me about one part of it at a time.)"
GOES_ON = "\n\n<i>(There is more: ask me about one part of it at a time.)</i>"


def choice_button(choice: Choice, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(choice.label, callback_data=data)


def answer_keyboard(answer: Answer, asker: int) -> InlineKeyboardMarkup | None:
    """ "Did you mean" choices and "none of these", or else related questions, for `asker` to press."""
    rows: list[list[InlineKeyboardButton]] = []
    if answer.choices:
        rows = [[choice_button(c, callbacks.pick(c.fact_id, asker))] for c in answer.choices]
        rows.append([InlineKeyboardButton("None of these", callback_data=callbacks.none_fits(asker))])
    elif answer.related:
        rows = [[choice_button(c, callbacks.related(c.fact_id, asker))] for c in answer.related]
    return InlineKeyboardMarkup(rows) if rows else None


async def send_answer(message: Message, answer: Answer, *, asker: int = 0, edit: bool = False) -> None:
    """Reply to `message` with the answer, its buttons on the last message; `edit` replaces
    `message` itself instead when the answer fits in one."""
    chunks = render(answer, limit=CHAT_LIMIT)
    keyboard = answer_keyboard(answer, asker)
    if edit and len(chunks) == 1:
        await message.edit_text(chunks[0], parse_mode=ParseMode.HTML, reply_markup=keyboard)
        return
    await send_chunks(message, chunks, keyboard=keyboard)


async def send_chunks(
    message: Message, chunks: list[str], *, keyboard: InlineKeyboardMarkup | None = None, html: bool = True
) -> None:
    """Reply with each chunk (packed within `CHAT_LIMIT`), the keyboard under the last; in a group
    only the first, in a private chat the first few, with a note that there is more."""
    if message.chat.type != ChatType.PRIVATE and len(chunks) > 1:
        chunks = [chunks[0] + (LONGER if html else LONGER_PLAIN)]
    elif len(chunks) > MAX_PRIVATE_MESSAGES:
        *first, tail = chunks[:MAX_PRIVATE_MESSAGES]
        chunks = [*first, tail + (GOES_ON if html else GOES_ON_PLAIN)]
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        await message.reply_text(
            chunk, parse_mode=ParseMode.HTML if html else None, reply_markup=keyboard if last else None
        )
