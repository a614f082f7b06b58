"""Questions: any text in a private chat; in a group, a message addressed to the bot (an
@mention, a reply to one of its messages) or `/ask`. Everything else in a group is ignored."""

from __future__ import annotations

from telegram import Message, MessageEntity, Update
from telegram.ext import CommandHandler, MessageHandler, filters

from bot.chat.context import App, Context
from bot.chat.language import chat_language
from bot.chat.sending import send_answer
from bot.phrases import phrases


def register(app: App) -> None:
    """Register after every other command: a private command nobody handled is unknown."""
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    app.add_handler(CommandHandler("ask", ask_command))
    app.add_handler(MessageHandler(private & filters.COMMAND, unknown_command))
    app.add_handler(MessageHandler(private & filters.TEXT, private_text))
    app.add_handler(MessageHandler(groups & filters.TEXT & filters.UpdateType.MESSAGE, group_text))
    app.add_handler(
        MessageHandler(private & filters.UpdateType.MESSAGE & ~filters.TEXT & ~filters.StatusUpdate.ALL, no_text)
    )


async def answer_question(update: Update, message: Message, text: str, context: Context) -> None:
    """Answer, reading a follow-up ("and in noshki?") with what the same person asked here last."""
    question = text[: context.settings.max_question_chars]
    asker = message.from_user.id if message.from_user else 0
    now = context.services.clock.now()
    window = context.settings.follow_up_seconds
    previous = await context.store.last_question(message.chat_id, asker, since=now - window) if window else None
    reply = context.core.reply(question, await chat_language(update, context, text=question), previous=previous)
    await context.store.record_question(reply.counted_as, sure=reply.sure)
    await send_answer(message, reply.answer, asker=asker)
    if reply.asked is not None and window:
        await context.store.remember_question(message.chat_id, asker, reply.asked, at=now)


def addressed(message: Message, username: str, bot_id: int) -> str | None:
    """The question if the message speaks to us (mention or reply), else None."""
    text = message.text or ""
    mentioned = False
    for entity, value in message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
        is_us = (entity.type == MessageEntity.MENTION and value[1:].lower() == username.lower()) or (
            entity.type == MessageEntity.TEXT_MENTION and entity.user is not None and entity.user.id == bot_id
        )
        if is_us:
            mentioned = True
            text = text.replace(value, " ")
    reply = message.reply_to_message
    replied = reply is not None and reply.from_user is not None and reply.from_user.id == bot_id
    return text.strip() if mentioned or replied else None


async def ask_command(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    question = " ".join(context.args or []).strip()
    if not question:
        await message.reply_text(phrases(await chat_language(update, context)).ask_after)
        return
    await answer_question(update, message, question, context)


async def private_text(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is not None and message.text is not None:
        await answer_question(update, message, message.text, context)


async def group_text(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    question = addressed(message, context.bot.username, context.bot.id)
    if question is None:
        return
    if not question:
        await message.reply_text(phrases(await chat_language(update, context)).yes)
        return
    await answer_question(update, message, question, context)


async def unknown_command(update: Update, context: Context) -> None:
    if update.effective_message is not None:
        await update.effective_message.reply_text(phrases(await chat_language(update, context)).unknown_command)


async def no_text(update: Update, context: Context) -> None:
    if update.effective_message is not None:
        await update.effective_message.reply_text(phrases(await chat_language(update, context)).only_text)
