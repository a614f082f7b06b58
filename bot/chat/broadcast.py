"""Deliver updates to subscribed chats from the outbox, within Telegram's limits.

A reload (or start-up) records new updates and owes each to every subscriber in one
transaction (`Store.queue_updates`); this module drains what is owed. Each delivery is claimed
first (`Store.claim`): with several processes on one PostgreSQL database, each row goes to one of
them, and a chat's next update only after its previous one was sent, by whichever process. A
delivery is marked sent only after Telegram accepted it, so a restart (or another process, once
the lease of a dead one runs out) finishes a broadcast that was cut short. What was in flight when
a process died may arrive twice, as Telegram has no idempotency key: at most one message per chat
(a chat never has two in flight) and at most `workers` (`broadcast_in_flight`) per process that
died. A graceful stop waits for messages in flight and gives back what it claimed, so it repeats none.

Pacing (see `Settings`): at most `update_rate` messages a second, all processes together (below
Telegram's 30, leaving room for answers; up to 1000 with paid broadcasts), one a second into a
private chat, one every three seconds into a group (20 a minute): a chat's next delivery waits in
the outbox until then. Every message also draws from the bot's one send budget
(`bot.chat.limits.SendBudget`), which answers and operator notices share, so together they never
pass `send_rate`; paid broadcasts are outside it. A 429 puts off that chat's delivery for its
retry_after; in one process the other chats, and answers, go on. With several processes on
PostgreSQL it also pauses every process's updates (not answers) for its retry_after: each chat is
paced, so a 429 in the middle of a broadcast says the processes together went too fast.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

from bot.chat.clock import Clock
from bot.chat.limits import caller_handles_429, pace, retry_after_seconds
from bot.config import Settings
from bot.core import ServingCore
from bot.errors import StoreUnavailable
from bot.language import language_of
from bot.render import render
from bot.store import Delivery, Store

log = logging.getLogger(__name__)

MAX_DELIVERY_BACKOFF = 600.0  # seconds: the longest a delivery waits between two attempts
IDLE = 30.0  # seconds: the longest the broadcaster sleeps; a reload wakes it sooner
POLL = 0.02  # seconds before looking again at a delivery that is due but was not there to claim


class Broadcaster:
    def __init__(
        self, bot: Bot, store: Store, serving: ServingCore, settings: Settings, clock: Clock, *, workers: int = 8
    ) -> None:
        self.bot = bot
        self.store = store
        self.serving = serving
        self.settings = settings
        self.clock = clock
        rate = settings.update_rate
        self._pace = pace(store.shared_budget(), "updates", rate, clock) if rate > 0 else None
        self._paid = True if settings.paid_broadcast else None
        self._workers = workers
        self._slots = asyncio.Semaphore(workers)
        self._wake = asyncio.Event()
        self._in_flight: set[asyncio.Task[None]] = set()
        self._stopping = False

    async def announce(self) -> list[str]:
        """Owe every update the subscribers have not been sent yet; returns the new ids."""
        fresh = await self.store.queue_updates(self.serving.current.update_ids())
        if fresh:
            log.info("new updates to broadcast: %s", ", ".join(fresh))
        self._wake.set()  # another process on the database may have queued them
        return fresh

    async def run(self) -> None:
        """Deliver what is owed until `stop`; sleeps until something is due."""
        while not self._stopping:
            self._wake.clear()  # before looking: whatever happens from now on wakes the sleep below
            claimed = await self.store.claim(self.clock.now(), limit=self._workers)
            if not claimed:
                await self._sleep()
                continue
            for delivery in claimed:
                if self._stopping:
                    break  # given back by `stop`
                await self._slots.acquire()  # first: the turn below is then used at once
                if self._pace is not None:
                    await self._pace.acquire()
                task = asyncio.create_task(self._deliver(delivery))
                self._in_flight.add(task)
                task.add_done_callback(self._in_flight.discard)

    async def stop(self, *, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        """Take nothing new, let the messages in flight finish so none is sent twice, and give
        back what was claimed and not sent."""
        self._stopping = True
        self._wake.set()
        if self._in_flight:
            await asyncio.wait(set(self._in_flight), timeout=timeout)
        with contextlib.suppress(StoreUnavailable):
            await self.store.release_claims()

    async def _sleep(self) -> None:
        """Until the next delivery is due, or one in flight ends (its chat's next may then be due)."""
        next_due = await self.store.next_due(self.clock.now())
        now = self.clock.now()
        if next_due is None:
            delay = IDLE
        elif next_due > now:
            delay = min(next_due - now, IDLE)
        elif self._in_flight:
            delay = IDLE  # what is due is in flight here; its end wakes this
        else:
            await asyncio.sleep(POLL)  # due, but taken a moment ago by another process, or its clock moved
            return
        await self.clock.wait(self._wake, delay)

    async def _deliver(self, delivery: Delivery) -> None:
        try:
            await self._send(delivery)
        except Exception:
            log.exception("delivery of %s to chat %s failed", delivery.fact_id, delivery.chat_id)
        finally:
            self._slots.release()
            self._wake.set()

    async def _send(self, delivery: Delivery) -> None:
        chat_id, fact_id = delivery.chat_id, delivery.fact_id
        # In the chat's chosen language; a chat that chose none (auto) has asked nothing to go by.
        language = language_of(delivery.language) or "en"
        answer = self.serving.current.update_answer(fact_id, language)
        if answer is None:
            await self.store.drop(delivery, "withdrawn")
            log.info("update %s is no longer in the facts; not sending it to chat %s", fact_id, chat_id)
            return
        gap = self.settings.group_gap if chat_id < 0 else self.settings.private_gap
        next_ok = self.clock.now() + gap  # counted from when it went
        try:
            with caller_handles_429():
                for chunk in render(answer):
                    await self.bot.send_message(
                        chat_id, chunk, parse_mode=ParseMode.HTML, allow_paid_broadcast=self._paid
                    )
        except RetryAfter as exc:
            wait = retry_after_seconds(exc)
            await self.store.defer(delivery, self.clock.now() + wait)
            if self._pace is not None:
                await self._pace.pause(wait)
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
            await self.store.mark_sent(delivery, next_ok=next_ok)
