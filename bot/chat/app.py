"""The python-telegram-bot application: every handler registered in `build_application`.

Private chats: any text is a question. Groups: the bot speaks only when addressed (a command,
an @mention, or a reply to one of its messages) and answers with one message, as a reply.
Shared services (`CoreRef`, `Store`, `Settings`) reach handlers through `bot_data`.

Callback data (at most 64 bytes): `a:<fact>:<asker>` answer a fact (a "did you mean" pick),
`r:<fact>:<asker>` a related question, `n:<asker>` none of these, `t:<topic>` a topic.
`<asker>` is the user id who may press it in a group (0: anyone).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from html import escape
from typing import Any, cast

from telegram import (
    BotCommand,
    Chat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import ChatMigrated, Forbidden, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    Job,
    MessageHandler,
    filters,
)

from bot.answers import Answer, Choice, decline, fact_answer, latest_answer, topic_answer
from bot.chat.broadcast import Broadcaster
from bot.chat.limits import RetryingRateLimiter
from bot.config import Settings
from bot.core import CoreRef
from bot.reload import Reloader, ReloadResult
from bot.render import pack, render
from bot.store import Store

log = logging.getLogger(__name__)

CONCURRENT_UPDATES = 16
MAX_QUESTION = 1000  # characters of a message we route; the rest cannot change the answer
COMMANDS = [
    BotCommand("start", "Start and see example questions"),
    BotCommand("help", "What I can answer, and how"),
    BotCommand("topics", "Browse the facts by topic"),
    BotCommand("sources", "The sources behind every answer"),
    BotCommand("ask", "Ask a question (in groups: /ask who claimed the attacks?)"),
    BotCommand("latest", "The most recent developments"),
    BotCommand("subscribe", "Get each new development once, with its source"),
    BotCommand("unsubscribe", "Stop getting new developments"),
]
ONLY_ASKER = "Only the person who asked can use these buttons."
STALE = "That button is out of date. Please ask your question again."


class FactbotApplication(Application[Any, Any, Any, Any, Any, Any]):
    """PTB 22.8 notes the id of every chat and user it sees for a persistence update, even with no
    persistence, and only a persistence update ever empties that list: memory grows with every new
    user, forever. We keep state in SQLite and set no persistence, so nothing needs noting."""

    def _mark_for_persistence_update(self, *, update: object | None = None, job: Job[Any] | None = None) -> None:
        if self.persistence is not None:
            super()._mark_for_persistence_update(update=update, job=job)


def build_application(settings: Settings, core: CoreRef, store: Store) -> Application[Any, Any, Any, Any, Any, Any]:
    """The application with every handler registered here, in one place."""
    token = settings.require_token().get_secret_value()
    app = (
        ApplicationBuilder()
        .application_class(FactbotApplication)
        .token(token)
        .base_url(settings.base_url)
        .defaults(Defaults(do_quote=True, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .rate_limiter(RetryingRateLimiter(enabled=settings.rate_limit))
        # Each answer waits on a round trip to Telegram; handling updates one at a time would make
        # that latency the bot's throughput. Handlers share no per-update state, so run them together.
        .concurrent_updates(CONCURRENT_UPDATES)
        .connect_timeout(10)
        .read_timeout(20)
        .write_timeout(20)
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
        .build()
    )
    reloader = Reloader(settings.facts_dir, core, thresholds=settings.thresholds)
    broadcaster = Broadcaster(app.bot, store, core, rate=settings.broadcast_rate)
    app.bot_data.update(core=core, store=store, settings=settings, reloader=reloader, broadcaster=broadcaster)

    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CommandHandler("help", help_command))
    app.add_handler(CommandHandler("topics", topics))
    app.add_handler(CommandHandler("sources", sources))
    app.add_handler(CommandHandler("ask", ask_command))
    app.add_handler(CommandHandler("latest", latest))
    app.add_handler(CommandHandler("subscribe", subscribe))
    app.add_handler(CommandHandler("unsubscribe", unsubscribe))
    app.add_handler(CommandHandler("reload", reload_command))
    app.add_handler(CommandHandler("stats", stats_command))
    app.add_handler(CommandHandler("unanswered", unanswered_command))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, migrated))
    app.add_handler(ChatMemberHandler(membership, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(MessageHandler(private & filters.COMMAND, unknown_command))
    app.add_handler(MessageHandler(private & filters.TEXT, private_text))
    app.add_handler(MessageHandler(groups & filters.TEXT & filters.UpdateType.MESSAGE, group_text))
    app.add_handler(
        MessageHandler(private & filters.UpdateType.MESSAGE & ~filters.TEXT & ~filters.StatusUpdate.ALL, no_text)
    )
    app.add_handler(CallbackQueryHandler(button))
    app.add_handler(InlineQueryHandler(inline))
    app.add_error_handler(on_error)
    return app


async def _post_init(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Open the store, register the menu, finish any broadcast a stop cut short, watch the facts."""
    store = cast(Store, app.bot_data["store"])
    await store.open()
    await app.bot.set_my_commands(COMMANDS)
    settings = cast(Settings, app.bot_data["settings"])
    reloader = cast(Reloader, app.bot_data["reloader"])
    broadcaster = cast(Broadcaster, app.bot_data["broadcaster"])
    await broadcaster.announce()

    async def after_reload(result: ReloadResult) -> None:
        for chunk in _report(result):
            for admin in settings.admin_ids:
                try:
                    await app.bot.send_message(admin, chunk, parse_mode=ParseMode.HTML)
                except TelegramError as exc:
                    log.warning("could not tell admin %s about the reload: %s", admin, exc)
        if result.ok:
            await broadcaster.announce()

    # Not app.create_task: the application awaits those on stop, and these never end.
    app.bot_data["tasks"] = [
        asyncio.create_task(reloader.watch(after_reload, debounce_ms=settings.reload_debounce_ms)),
        asyncio.create_task(broadcaster.run()),
        asyncio.create_task(store.flush_every(1.0)),
    ]


async def _post_stop(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """While the bot can still send: let deliveries in flight finish, then stop the background tasks."""
    await cast(Broadcaster, app.bot_data["broadcaster"]).stop()
    for task in app.bot_data.pop("tasks", []):
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _post_shutdown(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    await cast(Store, app.bot_data["store"]).close()


# --- helpers -------------------------------------------------------------------------------


def _core(context: ContextTypes.DEFAULT_TYPE) -> CoreRef:
    return cast(CoreRef, context.bot_data["core"])


def _store(context: ContextTypes.DEFAULT_TYPE) -> Store:
    return cast(Store, context.bot_data["store"])


def _report(result: ReloadResult) -> list[str]:
    return pack([escape(result.report())])


def _keyboard(answer: Answer, asker: int) -> InlineKeyboardMarkup | None:
    rows: list[list[InlineKeyboardButton]] = []
    if answer.choices:
        rows = [[_button(c, f"a:{c.fact_id}:{asker}")] for c in answer.choices]
        rows.append([InlineKeyboardButton("None of these", callback_data=f"n:{asker}")])
    elif answer.related:
        rows = [[_button(c, f"r:{c.fact_id}:{asker}")] for c in answer.related]
    return InlineKeyboardMarkup(rows) if rows else None


def _button(choice: Choice, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(choice.label, callback_data=data[:64])


async def _reply(message: Message, answer: Answer, *, asker: int, one_message: bool) -> None:
    """Send the answer as a reply; in groups never more than one message."""
    chunks = render(answer)
    if one_message and len(chunks) > 1:
        chunks = [chunks[0] + "\n\n<i>(The full answer is longer: ask me in a private chat.)</i>"]
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        await message.reply_text(
            chunk,
            parse_mode=ParseMode.HTML,
            reply_markup=_keyboard(answer, asker) if last else None,
        )


async def _answer_question(message: Message, text: str, context: ContextTypes.DEFAULT_TYPE) -> None:
    core = _core(context).current
    question = text[:MAX_QUESTION]
    routing, answer = core.ask(question)
    unsure = any(i.decision != "answer" for i in routing.intents)
    await _store(context).record_question(routing.normalised or "(empty)", unanswered=unsure)
    asker = message.from_user.id if message.from_user else 0
    await _reply(message, answer, asker=asker, one_message=message.chat.type != ChatType.PRIVATE)


def _addressed(message: Message, username: str, bot_id: int) -> str | None:
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


# --- handlers ------------------------------------------------------------------------------


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None:
        return
    base = _core(context).current.factbase
    examples = decline(base).examples
    asker = update.effective_user.id if update.effective_user else 0
    keyboard = InlineKeyboardMarkup([[_button(c, f"a:{c.fact_id}:{asker}")] for c in examples])
    await message.reply_text(
        f"Hello! I answer questions about the <b>{escape(base.story.title)}</b> from cited sources.\n"
        "Ask me anything in your own words, or try one of these:",
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard,
    )


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None:
        return
    base = _core(context).current.factbase
    topics_text = "\n".join(f"• {escape(t.title)}" for t in base.topics)
    await message.reply_text(
        f"I answer questions about the <b>{escape(base.story.title)}</b>:\n{topics_text}\n\n"
        "Every answer says who says so and cites its source. If our sources do not say, I tell you so.\n"
        "In a private chat just type a question. In a group, mention me, reply to me, "
        "or use /ask followed by your question.\n"
        "/topics browses the facts, /sources lists the sources, /latest shows the newest developments, "
        "and /subscribe sends you each new one once.",
        parse_mode=ParseMode.HTML,
    )


async def topics(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None:
        return
    base = _core(context).current.factbase
    keyboard = InlineKeyboardMarkup(
        [[InlineKeyboardButton(t.title, callback_data=f"t:{t.id}"[:64])] for t in base.topics]
    )
    await message.reply_text("Pick a topic:", reply_markup=keyboard)


async def sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None:
        return
    base = _core(context).current.factbase
    lines = [f"• {escape(s.citation())}" for s in base.sources]
    await message.reply_text("<b>Sources</b>\n" + "\n".join(lines), parse_mode=ParseMode.HTML)


async def ask_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None:
        return
    question = " ".join(context.args or []).strip()
    if not question:
        await message.reply_text("Ask me after the command, for example: /ask who claimed the attacks?")
        return
    await _answer_question(message, question, context)


def _is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    settings = cast(Settings, context.bot_data["settings"])
    return update.effective_user is not None and update.effective_user.id in settings.admin_ids


async def _operators_only(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Message | None:
    """The message to answer if an operator sent it; others get a polite no."""
    message = update.effective_message
    if message is None:
        return None
    if not _is_admin(update, context):
        await message.reply_text("Sorry, that command is for the bot's operators.")
        return None
    return message


async def reload_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = await _operators_only(update, context)
    if message is not None:
        result = await cast(Reloader, context.bot_data["reloader"]).reload()
        for chunk in _report(result):
            await message.reply_text(chunk, parse_mode=ParseMode.HTML)
        if result.ok:
            await cast(Broadcaster, context.bot_data["broadcaster"]).announce()


async def stats_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = await _operators_only(update, context)
    if message is None:
        return
    store = _store(context)
    counters = await store.counters()
    deliveries = await store.delivery_counts()
    last = cast(Reloader, context.bot_data["reloader"]).last
    base = _core(context).current.factbase
    reload_line = (
        "none since start"
        if last is None
        else ("ok" if last.ok else "FAILED") + f" at {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime(last.at))}"
    )
    await message.reply_text(
        f"Questions answered: {counters.get('answered', 0)}\n"
        f"Questions not answered well: {counters.get('unanswered', 0)}\n"
        f"Subscribed chats: {await store.subscriber_count()}\n"
        f"Update deliveries: {deliveries['sent']} sent, {deliveries['pending']} pending, "
        f"{deliveries['dropped']} dropped\n"
        f"Last reload: {reload_line}\nFacts version: {base.version} ({len(base.facts)} facts)"
    )


async def unanswered_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = await _operators_only(update, context)
    if message is None:
        return
    rows = await _store(context).unanswered(20)
    text = "\n".join(f"{count} × {question}" for question, count in rows) or "Nothing unanswered yet."
    for chunk in pack([text], style="plain"):
        await message.reply_text(chunk)


async def latest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None:
        return
    chunks = render(latest_answer(_core(context).current.factbase))
    in_group = message.chat.type != ChatType.PRIVATE
    for chunk in chunks[:1] if in_group else chunks:
        await message.reply_text(chunk, parse_mode=ParseMode.HTML)


async def _subscription_chat(update: Update, context: ContextTypes.DEFAULT_TYPE) -> tuple[Message, Chat] | None:
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


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    target = await _subscription_chat(update, context)
    if target is None:
        return
    message, chat = target
    here = "This chat" if chat.type == ChatType.PRIVATE else "This group"
    if await _store(context).subscribe(chat.id):
        await message.reply_text(
            f"{here} is now subscribed: I'll send each new development once, with its source. "
            "/latest shows the most recent ones; /unsubscribe stops them."
        )
    else:
        await message.reply_text(f"{here} is already subscribed. /unsubscribe stops the updates.")


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    target = await _subscription_chat(update, context)
    if target is None:
        return
    message, chat = target
    if await _store(context).unsubscribe(chat.id):
        await message.reply_text("Unsubscribed: no more updates here. /subscribe starts them again.")
    else:
        await message.reply_text("This chat was not subscribed. /subscribe starts the updates.")


async def membership(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A user who blocks the bot, or a group that removes it, is unsubscribed."""
    change = update.my_chat_member
    if change is None or change.new_chat_member.status not in {ChatMemberStatus.LEFT, ChatMemberStatus.BANNED}:
        return
    if await _store(context).unsubscribe(change.chat.id, reason="removed"):
        log.info("chat %s removed or blocked the bot; unsubscribed it", change.chat.id)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message is not None:
        await update.effective_message.reply_text("I don't know that command. Try /help.")


async def private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None and message.text is not None:
        await _answer_question(message, message.text, context)


async def group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None:
        return
    question = _addressed(message, context.bot.username, context.bot.id)
    if question is None:
        return
    if not question:
        await message.reply_text("Yes? Ask me a question about the story, or send /help.")
        return
    await _answer_question(message, question, context)


async def no_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message is not None:
        await update.effective_message.reply_text("I can only read text. Please type your question.")


async def migrated(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None and message.migrate_to_chat_id is not None:
        log.info("chat %s became supergroup %s", message.chat.id, message.migrate_to_chat_id)
        context.application.migrate_chat_data(message=message)
        await _store(context).migrate_chat(message.chat.id, message.migrate_to_chat_id)


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every callback is answered exactly once, whatever its payload."""
    query = update.callback_query
    if query is None:
        return
    kind, _, rest = (query.data or "").partition(":")
    fields = rest.split(":") if rest else []
    message = query.message if isinstance(query.message, Message) else None
    asker = int(fields[-1]) if kind in {"a", "r", "n"} and fields and fields[-1].isdigit() else None
    in_group = message is not None and message.chat.type != ChatType.PRIVATE
    if asker and in_group and query.from_user.id != asker:
        await query.answer(ONLY_ASKER, show_alert=True)
        return
    base = _core(context).current.factbase
    if kind in {"a", "r"} and len(fields) == 2 and message is not None:
        answer = fact_answer(base, fields[0])
        if answer is None:
            await query.answer(STALE, show_alert=True)
            return
        await query.answer()
        chunks = render(answer)
        keyboard = _keyboard(answer, asker or 0)
        if kind == "a" and len(chunks) == 1:
            await message.edit_text(chunks[0], parse_mode=ParseMode.HTML, reply_markup=keyboard)
        else:
            await message.reply_text(chunks[0], parse_mode=ParseMode.HTML, reply_markup=keyboard)
        return
    if kind == "t" and len(fields) == 1 and message is not None:
        answer = topic_answer(base, fields[0])
        if answer is None:
            await query.answer(STALE, show_alert=True)
            return
        await query.answer()
        for chunk in render(answer)[:1] if in_group else render(answer):
            await message.reply_text(chunk, parse_mode=ParseMode.HTML)
        return
    if kind == "n" and len(fields) == 1 and message is not None:
        original = message.reply_to_message.text if message.reply_to_message else None
        if original:
            await _store(context).record_question(_core(context).current.router.normalise(original), unanswered=True)
        await query.answer("Thanks, noted.")
        await message.edit_text(
            "Thanks. I've noted your question for the editors; our sources may not cover it yet. "
            "Try /topics to see what they do cover."
        )
        return
    await query.answer(STALE, show_alert=True)


async def inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.inline_query
    if query is None:
        return
    core = _core(context).current
    text = query.query.strip()[:MAX_QUESTION]
    answer: Answer | None = None
    if text:
        _, answer = core.ask(text)
        fact_ids = list(answer.fact_ids) or [c.fact_id for c in answer.choices]
    else:
        fact_ids = [c.fact_id for c in decline(core.factbase).examples]
    results: list[InlineQueryResultArticle] = []
    for fact_id in dict.fromkeys(fact_ids):
        single = fact_answer(core.factbase, fact_id)
        fact = core.factbase.fact(fact_id)
        if single is None or fact is None:
            continue
        results.append(
            InlineQueryResultArticle(
                id=fact_id[:64],
                title=fact.title,
                description=f"{fact.statement[:90]}… ({fact.attribution})",
                input_message_content=InputTextMessageContent(render(single)[0], parse_mode=ParseMode.HTML),
            )
        )
    if not results and answer is not None:
        reply = render(answer)[0]
        results.append(
            InlineQueryResultArticle(
                id="no-answer",
                title="Not in our sources" if answer.answered else "Outside what I cover",
                description=render(answer, style="plain")[0][:100],
                input_message_content=InputTextMessageContent(reply, parse_mode=ParseMode.HTML),
            )
        )
    await query.answer(results[:10], cache_time=30, is_personal=False)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The one error handler: known Telegram refusals are a line, anything else a traceback."""
    update_id = update.update_id if isinstance(update, Update) else None
    error = context.error
    if isinstance(error, Forbidden):
        log.warning("update %s: Telegram refused (%s); the user blocked us or removed us", update_id, error)
        return
    if isinstance(error, ChatMigrated):
        log.warning("update %s: chat migrated to %s", update_id, error.new_chat_id)
        return
    log.error("update %s caused an error", update_id, exc_info=error)
