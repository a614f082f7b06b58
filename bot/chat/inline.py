"""Inline mode: `@bot question` in any chat offers cited answers to send there, in the asker's language."""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.constants import ParseMode
from telegram.ext import InlineQueryHandler

from bot.chat.context import App, Context
from bot.chat.language import inline_language
from bot.render import render


def register(app: App) -> None:
    app.add_handler(InlineQueryHandler(inline))


async def inline(update: Update, context: Context) -> None:
    query = update.inline_query
    if query is None:
        return
    text = query.query.strip()[: context.settings.max_question_chars]
    language = await inline_language(query, context)
    results = [
        InlineQueryResultArticle(
            id=result.id,
            title=result.title,
            description=result.description,
            input_message_content=InputTextMessageContent(render(result.answer)[0], parse_mode=ParseMode.HTML),
        )
        for result in context.core.inline_results(text, language)[:10]
    ]
    await query.answer(results, cache_time=30, is_personal=False)
