"""Subscriptions to new developments: /subscribe and /unsubscribe, and keeping them right when
a chat blocks or removes the bot or a group becomes a supergroup."""

from __future__ import annotations

import logging

from telegram import Chat, Message, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
from telegram.ext import ChatMemberHandler, CommandHandler, MessageHandler, filters

from bot.chat.context import App, Context

log = logging.getLogger(__name__)


def register(app: App) -> None:
    app.add_handler(CommandHandler("subscribe", subscribe))
    app.add_handler(CommandHandler("unsubscribe", unsubscribe))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, migrated))
    app.add_handler(ChatMemberHandler(membership, ChatMemberHandler.MY_CHAT_MEMBER))


async def _subscription_chat(update: Update, context: Context) -> tuple[Message, Chat] | None:
    """The chat whose subscription may change: any private chat; a group only for its administrators
    (or an anonymous admin). Anyone else gets a polite no, and None."""
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
            await message.reply_text("I couldn't check who administers this group just now. Please try again.")
            return None
        if member.status in {ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}:
            return message, chat
    await message.reply_text("Sorry, only this group's administrators can change its subscription to updates.")
    return None


async def subscribe(update: Update, context: Context) -> None:
    target = await _subscription_chat(update, context)
    if target is None:
        return
    message, chat = target
    here = "This chat" if chat.type == ChatType.PRIVATE else "This group"
    if await context.store.subscribe(chat.id):
        await message.reply_text(
            f"{here} is now subscribed: I'll send each new development once, with its source. "
            "/latest shows the most recent ones; /unsubscribe stops them."
        )
    else:
        await message.reply_text(f"{here} is already subscribed. /unsubscribe stops the updates.")


async def unsubscribe(update: Update, context: Context) -> None:
    target = await _subscription_chat(update, context)
    if target is None:
        return
    message, chat = target
    if await context.store.unsubscribe(chat.id):
        await message.reply_text("Unsubscribed: no more updates here. /subscribe starts them again.")
    else:
        await message.reply_text("This chat was not subscribed. /subscribe starts the updates.")


async def membership(update: Update, context: Context) -> None:
    """A user who blocks the bot, or a group that removes it, is unsubscribed."""
    change = update.my_chat_member
    if change is None or change.new_chat_member.status not in {ChatMemberStatus.LEFT, ChatMemberStatus.BANNED}:
        return
    if await context.store.unsubscribe(change.chat.id, reason="removed"):
        log.info("chat %s removed or blocked the bot; unsubscribed it", change.chat.id)


async def migrated(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is not None and message.migrate_to_chat_id is not None:
        log.info("chat %s became supergroup %s", message.chat.id, message.migrate_to_chat_id)
        context.application.migrate_chat_data(message=message)
        await context.store.migrate_chat(message.chat.id, message.migrate_to_chat_id)
