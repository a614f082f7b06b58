"""One send budget for everything the bot sends, Telegram's 429s held back per chat, and bounded
retries of 5xx answers and timeouts.

Every request python-telegram-bot makes (answers, update broadcasts, operator notices) passes
`SendBudget.process_request`, so they all draw from one budget: at most `send_rate` messages a
second into chats, spaced evenly (no burst on top, so never more than that in any one second),
and at most 20 a minute into one group. A 429 names no scope, so the request tells it: a 429 on a
request into a chat holds back that chat only, for its retry_after; a 429 on a request into no
chat (a button press answered, an inline query) holds back everything. PTB's own AIORateLimiter
pauses every request on any 429, so one user's chat at its limit would silence all the others.

The overall budget is a `Pace`: this process's own (`LocalPace`), or, with several processes on
one PostgreSQL database, one they share on the database's clock (`SharedPace`), where a 429
outside any chat pauses every process. Paid broadcasts (`allow_paid_broadcast`) are outside
Telegram's free 30 a second, so they do not draw from it; the broadcaster paces them.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import warnings
from collections.abc import Callable, Coroutine, Iterator
from contextvars import ContextVar
from typing import Any, Protocol

from aiolimiter import AsyncLimiter
from telegram.constants import FloodLimit
from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

from bot.chat.clock import Clock
from bot.errors import StoreUnavailable
from bot.store import SharedBudget

log = logging.getLogger(__name__)

JSONResult = bool | dict[str, Any] | list[dict[str, Any]]
Chat = int | str  # a chat id, or a public chat's @username

PRUNE_AT = 1000  # remembered group limiters and holds before those no longer needed are forgotten
LATE = 0.05  # seconds after its turn that a message may still take it (`SharedPace`)

_caller_waits_out_429: ContextVar[bool] = ContextVar("caller_waits_out_429", default=False)


def retry_after_seconds(error: RetryAfter) -> float:
    """Seconds to wait, whether PTB gives an int (v22 default) or a timedelta (`PTB_TIMEDELTA`)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


@contextlib.contextmanager
def caller_handles_429() -> Iterator[None]:
    """Within this block a 429 is raised as `RetryAfter` to the caller (after holding back its
    chat) instead of being waited out: the broadcaster puts the delivery off and goes on with
    other chats rather than keep a sending slot waiting."""
    token = _caller_waits_out_429.set(True)
    try:
        yield
    finally:
        _caller_waits_out_429.reset(token)


def _chat_of(data: dict[str, Any]) -> Chat | None:
    chat = data.get("chat_id")
    if chat is None:
        return None
    with contextlib.suppress(ValueError, TypeError):
        return int(chat)
    return str(chat)


class Pace(Protocol):
    """Turns spaced evenly at a rate, without a burst: never more than the rate in any second."""

    async def acquire(self) -> None:
        """Until this caller's turn."""
        ...

    async def pause(self, seconds: float) -> None:
        """Telegram asked to wait `seconds`: no turn starts before then (in `SharedPace`, for any
        process; in `LocalPace` the caller holds what it must)."""
        ...


class LocalPace:
    """One process's own pace; a pause is this process's own too (`SendBudget` holds it)."""

    def __init__(self, rate: float) -> None:
        self._limiter = AsyncLimiter(1, 1 / rate)

    async def acquire(self) -> None:
        await self._limiter.acquire()

    async def pause(self, seconds: float) -> None:
        """Held by the caller, in this process."""


class SharedPace:
    """One pace for every process on the database: each turn is a row's next free slot, taken on
    the database's clock. While the database cannot be reached, this process paces itself at the
    same rate (logged once), so answers keep flowing."""

    def __init__(self, budget: SharedBudget, name: str, rate: float, clock: Clock) -> None:
        self.budget = budget
        self.name = name
        self.interval = 1 / rate
        self.clock = clock
        self._own = LocalPace(rate)
        self._alone = False

    async def acquire(self) -> None:
        """A turn that comes late (this process was busy when it came) is not used: sent late, it
        would bunch up with the turns after it, taken by others on time; the next one is taken."""
        while True:
            try:
                wait = await self.budget.reserve(self.name, self.interval)
            except StoreUnavailable:
                if not self._alone:
                    log.warning("the shared %s budget is unreachable; pacing this process alone", self.name)
                    self._alone = True
                await self._own.acquire()
                return
            self._alone = False
            turn = self.clock.now() + wait
            if wait > 0:
                await self.clock.sleep(wait)
            if self.clock.now() - turn <= LATE:
                return

    async def pause(self, seconds: float) -> None:
        with contextlib.suppress(StoreUnavailable):
            await self.budget.pause(self.name, seconds)


def pace(budget: SharedBudget | None, name: str, rate: float, clock: Clock) -> Pace:
    """The shared pace when the store has a shared budget, else this process's own."""
    return LocalPace(rate) if budget is None else SharedPace(budget, name, rate, clock)


class SendBudget(BaseRateLimiter[int]):
    """The bot's one rate limiter (aiolimiter buckets). `enabled=False` lifts the budget and the
    group limit, for benchmarks; 429s are still held and waited out."""

    def __init__(
        self,
        *,
        enabled: bool,
        overall: Pace,
        retries: int,
        backoff: float,
        max_retry_after: int,
        clock: Clock,
    ) -> None:
        self._overall = overall if enabled else None
        self._group_rate = FloodLimit.MESSAGES_PER_MINUTE_PER_GROUP if enabled else 0
        self._groups: dict[Chat, AsyncLimiter] = {}
        self._held: dict[Chat, float] = {}  # chat -> clock time until which it is held back
        self._all_held = 0.0  # clock time until which every request is held back
        self.retries = retries
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self.clock = clock

    async def initialize(self) -> None:
        """Nothing to set up: the buckets fill as requests come."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSONResult]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSONResult:
        chat = _chat_of(data)
        paid = bool(data.get("allow_paid_broadcast"))
        max_retry_after = self.max_retry_after if rate_limit_args is None else rate_limit_args
        waited_out = failures = 0
        while True:
            await self._take_turn(chat, paid=paid)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                wait = retry_after_seconds(exc)
                self._hold(chat, wait)
                if chat is None and self._overall is not None:
                    await self._overall.pause(wait)
                if _caller_waits_out_429.get() or waited_out >= max_retry_after:
                    raise
                waited_out += 1
                where = "everything" if chat is None else f"chat {chat}"
                log.info("%s: Telegram asked to slow down; holding back %s for %.0fs", endpoint, where, wait)
            except BadRequest:
                raise
            except NetworkError as exc:
                if failures >= self.retries:
                    raise
                delay = self.backoff * 2**failures
                failures += 1
                log.warning("%s failed (%s); retry %d in %.1fs", endpoint, exc, failures, delay)
                await self.clock.sleep(delay)

    async def _take_turn(self, chat: Chat | None, *, paid: bool) -> None:
        """Wait out any hold, then the group's bucket, then the overall one (a message waiting
        for its group's minute takes no place in the overall queue meanwhile); a paid broadcast
        takes no turn of the overall one."""
        await self._wait_for_holds(chat)
        if chat is None:
            return
        group = self._group_limiter(chat)
        if group is not None:
            await group.acquire()
        if self._overall is not None and not paid:
            await self._overall.acquire()
        await self._wait_for_holds(chat)  # a 429 may have come while this one queued

    async def _wait_for_holds(self, chat: Chat | None) -> None:
        while True:
            until = max(self._all_held, self._held.get(chat, 0.0) if chat is not None else 0.0)
            now = self.clock.now()
            if until <= now:
                return
            await self.clock.wait(asyncio.Event(), until - now)

    def _hold(self, chat: Chat | None, seconds: float) -> None:
        until = self.clock.now() + seconds
        if chat is None:
            self._all_held = max(self._all_held, until)
            return
        if len(self._held) >= PRUNE_AT:
            now = self.clock.now()
            self._held = {c: t for c, t in self._held.items() if t > now}
        self._held[chat] = max(self._held.get(chat, 0.0), until)

    def _group_limiter(self, chat: Chat) -> AsyncLimiter | None:
        """20 messages a minute into a group, supergroup or channel (a negative id or an @name)."""
        if not self._group_rate or (isinstance(chat, int) and chat > 0):
            return None
        limiter = self._groups.get(chat)
        if limiter is None:
            if len(self._groups) >= PRUNE_AT:
                self._groups = {c: g for c, g in self._groups.items() if not g.has_capacity(g.max_rate)}
            limiter = self._groups[chat] = AsyncLimiter(self._group_rate, 60)
        return limiter
