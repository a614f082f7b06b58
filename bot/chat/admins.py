"""Who may change a chat's settings (its subscription, its language): anyone in a private chat; in a
group, its administrators (or an anonymous admin, who posts as the group)."""

from __future__ import annotations

import logging

from telegram import Chat, Message, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError

from bot.chat.context import Context
from bot.phrases import Phrases

log = logging.getLogger(__name__)


async def chat_to_change(update: Update, context: Context, say: Phrases, refusal: str) -> tuple[Message, Chat] | None:
    """The chat whose setting may change, and the message to answer; anyone else gets `refusal`,
    and None."""
    message, chat, who = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or chat.type == ChatType.PRIVATE:
        return None if message is None or chat is None else (message, chat)
    if message.sender_chat is not None and message.sender_chat.id == chat.id:
        return message, chat
    if who is not None:
        try:
            member = await context.bot.get_chat_member(chat.id, who.id)
        except TelegramError as exc:
            log.warning("could not check whether %s administers chat %s: %s", who.id, chat.id, exc)
            await message.reply_text(say.cannot_check_admins)
            return None
        if member.status in {ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}:
            return message, chat
    await message.reply_text(refusal)
    return None
