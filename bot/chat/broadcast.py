"""Deliver updates to subscribed chats from the SQLite outbox, within Telegram's limits.

A reload (or start-up) records new updates and owes each to every subscriber in one
transaction (`Store.queue_updates`); this module drains what is owed. A delivery is marked
sent only after Telegram accepted it, so a restart finishes a broadcast that was cut short.
What was in flight when the process died may arrive twice, as Telegram has no idempotency key:
at most one message per chat (a chat never has two in flight) and at most `workers`
(`broadcast_in_flight`) in all. A graceful stop waits for messages in flight, so it repeats none.

Pacing (see `Settings`): at most `broadcast_rate` messages a second (below Telegram's 30, leaving
room for answers), one a second into a private chat, one every three seconds into a group (20 a
minute). Every message also draws from the bot's one send budget (`bot.chat.limits.SendBudget`),
which answers and operator notices share, so together they never pass `send_rate`. A 429 puts off
that chat's delivery for its retry_after; the other chats, and answers, go on.
"""

from __future__ import annotations

import asyncio
import logging

from aiolimiter import AsyncLimiter
from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

from bot.chat.clock import Clock
from bot.chat.limits import caller_handles_429, retry_after_seconds
from bot.config import Settings
from bot.core import ServingCore
from bot.language import language_of
from bot.render import render
from bot.store import Delivery, Store

log = logging.getLogger(__name__)

MAX_DELIVERY_BACKOFF = 600.0  # seconds: the longest a delivery waits between two attempts


class Broadcaster:
    def __init__(
        self, bot: Bot, store: Store, serving: ServingCore, settings: Settings, clock: Clock, *, workers: int = 8
    ) -> None:
        self.bot = bot
        self.store = store
        self.serving = serving
        self.settings = settings
        self.clock = clock
        rate = settings.broadcast_rate
        # One message every 1/rate seconds, without a burst: never more than `rate` in any second.
        self._limiter = AsyncLimiter(1, 1 / rate) if rate > 0 else None
        self._slots = asyncio.Semaphore(workers)
        self._wake = asyncio.Event()
        self._busy: set[int] = set()
        self._next_ok: dict[int, float] = {}
        self._in_flight: set[asyncio.Task[None]] = set()
        self._stopping = False

    async def announce(self) -> list[str]:
        """Owe every update the subscribers have not been sent yet; returns the new ids."""
        fresh = await self.store.queue_updates(self.serving.current.update_ids())
        if fresh:
            log.info("new updates to broadcast: %s", ", ".join(fresh))
            self._wake.set()
        return fresh

    async def run(self) -> None:
        """Deliver what is owed until `stop`; sleeps until something is due."""
        while not self._stopping:
            now = self.clock.now()
            due = await self.store.due(now, limit=64)
            ready = [d for d in due if d.chat_id not in self._busy and self._next_ok.get(d.chat_id, 0) <= now]
            if not ready:
                await self._sleep(now, due)
                continue
            for delivery in ready:
                if self._stopping:
                    break
                if self._limiter is not None:
                    await self._limiter.acquire()
                await self._slots.acquire()
                self._busy.add(delivery.chat_id)
                task = asyncio.create_task(self._deliver(delivery))
                self._in_flight.add(task)
                task.add_done_callback(self._in_flight.discard)

    async def stop(self, *, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        """Take nothing new, and let the messages in flight finish so none is sent twice."""
        self._stopping = True
        self._wake.set()
        if self._in_flight:
            await asyncio.wait(set(self._in_flight), timeout=timeout)

    async def _sleep(self, now: float, due: list[Delivery]) -> None:
        wake_at = [self._next_ok[d.chat_id] for d in due if d.chat_id in self._next_ok]
        if not due:
            next_due = await self.store.next_due()
            if next_due is not None:
                wake_at.append(next_due)
        delay = min(max(min(wake_at, default=now + 30) - now, 0.02), 30)
        self._wake.clear()
        await self.clock.wait(self._wake, delay)

    async def _deliver(self, delivery: Delivery) -> None:
        try:
            await self._send(delivery)
        except Exception:
            log.exception("delivery of %s to chat %s failed", delivery.fact_id, delivery.chat_id)
        finally:
            self._busy.discard(delivery.chat_id)
            self._slots.release()
            self._wake.set()

    async def _send(self, delivery: Delivery) -> None:
        chat_id, fact_id = delivery.chat_id, delivery.fact_id
        # In the chat's chosen language; a chat that chose none (auto) has asked nothing to go by.
        language = language_of(await self.store.language(chat_id)) or "en"
        answer = self.serving.current.update_answer(fact_id, language)
        if answer is None:
            await self.store.drop(delivery, "withdrawn")
            log.info("update %s is no longer in the facts; not sending it to chat %s", fact_id, chat_id)
            return
        self._pace(chat_id)
        try:
            with caller_handles_429():
                for chunk in render(answer):
                    await self.bot.send_message(chat_id, chunk, parse_mode=ParseMode.HTML)
        except RetryAfter as exc:
            wait = retry_after_seconds(exc)
            self._next_ok[chat_id] = self.clock.now() + wait
            await self.store.defer(delivery, self._next_ok[chat_id])
            log.warning("Telegram asked to slow down in chat %s: its update waits %ss", chat_id, wait)
        except ChatMigrated as exc:
            log.info("chat %s is now supergroup %s; its subscription moves", chat_id, exc.new_chat_id)
            await self.store.migrate_chat(chat_id, exc.new_chat_id)
        except Forbidden as exc:
            log.info("chat %s refused the update (%s); unsubscribing it", chat_id, exc)
            await self.store.unsubscribe(chat_id, reason="forbidden")
        except BadRequest as exc:
            if "chat not found" in exc.message.lower():
                await self.store.unsubscribe(chat_id, reason="chat not found")
            else:
                await self.store.drop(delivery, f"refused: {exc.message}"[:200])
            log.warning("chat %s: Telegram refused update %s: %s", chat_id, fact_id, exc.message)
        except NetworkError as exc:
            attempts = self.settings.delivery_attempts
            if delivery.attempts + 1 >= attempts:
                await self.store.drop(delivery, f"gave up: {exc.message}"[:200])
                log.error("gave up on update %s for chat %s after %d attempts", fact_id, chat_id, attempts)
            else:
                backoff = min(self.settings.delivery_backoff * 2**delivery.attempts, MAX_DELIVERY_BACKOFF)
                await self.store.defer(delivery, self.clock.now() + backoff)
        else:
            await self.store.mark_sent(delivery)

    def _pace(self, chat_id: int) -> None:
        now = self.clock.now()
        gap = self.settings.group_gap if chat_id < 0 else self.settings.private_gap
        self._next_ok[chat_id] = now + gap
        if len(self._next_ok) > 10_000:
            self._next_ok = {c: t for c, t in self._next_ok.items() if t > now}
