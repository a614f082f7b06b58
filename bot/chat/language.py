"""Which language each chat is answered in: `/language en|ur|auto`, kept in the database, and the
one rule every handler asks. A chat's choice wins; in auto (no choice), a question is answered in
the language of its script, a button in the language it was shown in, and anything else (a
command, an update) in the language of the reader's Telegram app."""

from __future__ import annotations

from telegram import InlineQuery, Update
from telegram.ext import CommandHandler

from bot.chat.admins import chat_to_change
from bot.chat.context import App, Context
from bot.errors import StoreUnavailable
from bot.language import Language, choose, client_language, language_of
from bot.phrases import phrases

# What `/language` accepts, and the setting each means (None: auto).
CHOICES: dict[str, Language | None] = {
    "en": "en",
    "english": "en",
    "انگریزی": "en",
    "ur": "ur",
    "urdu": "ur",
    "اردو": "ur",
    "auto": None,
    "خودکار": None,
}


def register(app: App) -> None:
    app.add_handler(CommandHandler("language", language_command))


async def chat_language(update: Update, context: Context, *, text: str = "", shown: Language | None = None) -> Language:
    """The language to answer `update` in: the chat's choice; else that of `text` (a question) by its
    script; else `shown` (the language of the button pressed); else the reader's app language."""
    chat, user = update.effective_chat, update.effective_user
    setting = await chosen(context, chat.id) if chat is not None else None
    fallback = shown or client_language(user.language_code if user is not None else None)
    return choose(setting, text, fallback=fallback)


async def inline_language(query: InlineQuery, context: Context) -> Language:
    """The language to answer an inline query in: the asker's own choice (their private chat with the
    bot has their id); else the query's script; else the asker's app language."""
    setting = await chosen(context, query.from_user.id)
    return choose(setting, query.query, fallback=client_language(query.from_user.language_code))


async def chosen(context: Context, chat_id: int) -> Language | None:
    """The chat's choice; while the database cannot be reached, none (answers go on in auto)."""
    try:
        return language_of(await context.store.language(chat_id))
    except StoreUnavailable:
        return None


async def language_command(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    say = phrases(await chat_language(update, context))
    words = [w.lower() for w in context.args or []]
    if not words:
        setting = await context.store.language(message.chat.id)
        await message.reply_text(say.language_is.format(language=say.language_names[setting or "auto"]))
        return
    if len(words) != 1 or words[0] not in CHOICES:
        await message.reply_text(say.language_usage)
        return
    target = await chat_to_change(update, context, say, say.admins_language)
    if target is None:
        return
    message, chat = target
    setting = CHOICES[words[0]]
    await context.store.set_language(chat.id, setting)
    await message.reply_text(phrases(await chat_language(update, context)).language_set[setting or "auto"])
