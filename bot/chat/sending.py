"""Sending an answer: the one place that decides how many messages it takes and which buttons
it carries. In a group the bot never sends more than one message per question."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ChatType, ParseMode

from bot.answers import Answer, Choice
from bot.chat import callbacks
from bot.render import render

LONGER_PLAIN = "\n\n(The full answer is longer: ask me in a private chat.)"
LONGER = "\n\n<i>(The full answer is longer: ask me in a private chat.)</i>"


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
    chunks = render(answer)
    keyboard = answer_keyboard(answer, asker)
    if edit and len(chunks) == 1:
        await message.edit_text(chunks[0], parse_mode=ParseMode.HTML, reply_markup=keyboard)
        return
    await send_chunks(message, chunks, keyboard=keyboard)


async def send_chunks(
    message: Message, chunks: list[str], *, keyboard: InlineKeyboardMarkup | None = None, html: bool = True
) -> None:
    """Reply with each chunk, the keyboard under the last; in a group only the first, with a note."""
    if message.chat.type != ChatType.PRIVATE and len(chunks) > 1:
        chunks = [chunks[0] + (LONGER if html else LONGER_PLAIN)]
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        await message.reply_text(
            chunk, parse_mode=ParseMode.HTML if html else None, reply_markup=keyboard if last else None
        )
