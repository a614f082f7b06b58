"""Commands anyone may send: what the bot covers, where its facts come from, what is new; each in
the chat's language."""

from __future__ import annotations

from html import escape

from telegram import Bot, BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import CommandHandler

from bot.chat import callbacks
from bot.chat.context import App, Context
from bot.chat.language import chat_language
from bot.chat.sending import choice_button, send_answer
from bot.language import Language
from bot.phrases import phrases


def menu(language: Language) -> list[BotCommand]:
    return [BotCommand(command, description) for command, description in phrases(language).menu.items()]


async def set_menus(bot: Bot) -> None:
    """The command menu, in English, and in Urdu for readers whose Telegram app is in Urdu."""
    await bot.set_my_commands(menu("en"))
    await bot.set_my_commands(menu("ur"), language_code="ur")


def register(app: App) -> None:
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CommandHandler("help", help_command))
    app.add_handler(CommandHandler("topics", topics))
    app.add_handler(CommandHandler("sources", sources))
    app.add_handler(CommandHandler("latest", latest))


async def start(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    core, language = context.core, await chat_language(update, context)
    asker = update.effective_user.id if update.effective_user else 0
    keyboard = InlineKeyboardMarkup(
        [[choice_button(c, callbacks.pick(c.fact_id, asker, language))] for c in core.examples(language)]
    )
    text = phrases(language).start.format(title=escape(core.title(language)))
    await message.reply_text(text, parse_mode=ParseMode.HTML, reply_markup=keyboard)


async def help_command(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    core, language = context.core, await chat_language(update, context)
    topics_text = "\n".join(f"• {escape(t.title)}" for t in core.topics(language))
    text = phrases(language).help.format(title=escape(core.title(language)), topics=topics_text)
    await message.reply_text(text, parse_mode=ParseMode.HTML)


async def topics(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    language = await chat_language(update, context)
    keyboard = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(t.title, callback_data=callbacks.topic(t.id, language))]
            for t in context.core.topics(language)
        ]
    )
    await message.reply_text(phrases(language).pick_topic, reply_markup=keyboard)


async def sources(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    language = await chat_language(update, context)
    lines = [f"• {escape(citation)}" for citation in context.core.citations(language)]
    heading = escape(phrases(language).sources_heading)
    await message.reply_text(f"<b>{heading}</b>\n" + "\n".join(lines), parse_mode=ParseMode.HTML)


async def latest(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is not None:
        await send_answer(message, context.core.latest_answer(await chat_language(update, context)))
