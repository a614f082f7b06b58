"""Commands anyone may send: what the bot covers, where its facts come from, what is new."""

from __future__ import annotations

from html import escape

from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import CommandHandler

from bot.chat import callbacks
from bot.chat.context import App, Context
from bot.chat.sending import choice_button, send_answer

MENU = [
    BotCommand("start", "Start and see example questions"),
    BotCommand("help", "What I can answer, and how"),
    BotCommand("topics", "Browse the facts by topic"),
    BotCommand("sources", "The sources behind every answer"),
    BotCommand("ask", "Ask a question (in groups: /ask who claimed the attacks?)"),
    BotCommand("latest", "The most recent developments"),
    BotCommand("subscribe", "Get each new development once, with its source"),
    BotCommand("unsubscribe", "Stop getting new developments"),
]


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
    core = context.core
    asker = update.effective_user.id if update.effective_user else 0
    keyboard = InlineKeyboardMarkup([[choice_button(c, callbacks.pick(c.fact_id, asker))] for c in core.examples()])
    await message.reply_text(
        f"Hello! I answer questions about the <b>{escape(core.title)}</b> from cited sources.\n"
        "Ask me anything in your own words, or try one of these:",
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard,
    )


async def help_command(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    core = context.core
    topics_text = "\n".join(f"• {escape(t.title)}" for t in core.topics)
    await message.reply_text(
        f"I answer questions about the <b>{escape(core.title)}</b>:\n{topics_text}\n\n"
        "Every answer says who says so and cites its source. If our sources do not say, I tell you so.\n"
        "In a private chat just type a question. In a group, mention me, reply to me, "
        "or use /ask followed by your question.\n"
        "/topics browses the facts, /sources lists the sources, /latest shows the newest developments, "
        "and /subscribe sends you each new one once.",
        parse_mode=ParseMode.HTML,
    )


async def topics(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    keyboard = InlineKeyboardMarkup(
        [[InlineKeyboardButton(t.title, callback_data=callbacks.topic(t.id))] for t in context.core.topics]
    )
    await message.reply_text("Pick a topic:", reply_markup=keyboard)


async def sources(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    lines = [f"• {escape(citation)}" for citation in context.core.citations()]
    await message.reply_text("<b>Sources</b>\n" + "\n".join(lines), parse_mode=ParseMode.HTML)


async def latest(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is not None:
        await send_answer(message, context.core.latest_answer())
