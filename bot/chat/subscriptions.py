"""Subscriptions to new developments: /subscribe and /unsubscribe, and keeping them right when
a chat blocks or removes the bot or a group becomes a supergroup."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.ext import ChatMemberHandler, CommandHandler, MessageHandler, filters

from bot.chat.admins import chat_to_change
from bot.chat.context import App, Context
from bot.chat.language import chat_language
from bot.phrases import phrases

log = logging.getLogger(__name__)


def register(app: App) -> None:
    app.add_handler(CommandHandler("subscribe", subscribe))
    app.add_handler(CommandHandler("unsubscribe", unsubscribe))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, migrated))
    app.add_handler(ChatMemberHandler(membership, ChatMemberHandler.MY_CHAT_MEMBER))


async def subscribe(update: Update, context: Context) -> None:
    language = await chat_language(update, context)
    say = phrases(language)
    target = await chat_to_change(update, context, say, say.admins_subscription)
    if target is None:
        return
    message, chat = target
    here = say.this_chat if chat.type == ChatType.PRIVATE else say.this_group
    if await context.store.subscribe(chat.id):
        text = say.subscribed.format(here=here)
        if language == "ur" and await context.store.language(chat.id) is None:
            text += "\n" + say.updates_in_english  # updates go out in the chat's chosen language only
        await message.reply_text(text)
    else:
        await message.reply_text(say.already_subscribed.format(here=here))


async def unsubscribe(update: Update, context: Context) -> None:
    say = phrases(await chat_language(update, context))
    target = await chat_to_change(update, context, say, say.admins_subscription)
    if target is None:
        return
    message, chat = target
    if await context.store.unsubscribe(chat.id):
        await message.reply_text(say.unsubscribed)
    else:
        await message.reply_text(say.not_subscribed)


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
