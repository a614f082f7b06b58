"""The one store interface: what the bot keeps between restarts, whichever database keeps it.

Questions are counted by normalised text only; no user ids or names are stored with them. A
question is "sure" when every part of it was answered with a fact, and "unsure" otherwise (a
"did you mean", a gap in the sources, or off topic): the unsure ones tell editors what to add.
Every update a reload brings in gets one outbox row per subscribed chat, written in the same
transaction that records the update as known, so a restart neither skips nor repeats it.
"""

from __future__ import annotations

import abc
import asyncio
from collections import Counter
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol, Self

FLUSH_AT = 1000  # distinct buffered questions that force a write


@dataclass(frozen=True)
class Delivery:
    """One update owed to one chat, in the language the chat chose (None: it chose none)."""

    fact_id: str
    chat_id: int
    attempts: int
    language: str | None = None


class SharedBudget(Protocol):
    """A send budget kept in the database, on its clock, for every process that shares it."""

    async def reserve(self, name: str, interval: float) -> float:
        """Take the next free turn of the budget `name` (one every `interval` seconds, no burst):
        the seconds to wait before it comes."""
        ...

    async def pause(self, name: str, seconds: float) -> None:
        """No turn of `name` starts within `seconds` from now, for anyone (Telegram's 429)."""
        ...


class Store(abc.ABC):
    """Every write is one transaction and commits before the call returns, except question counts,
    which `record_question` buffers for `flush`."""

    def __init__(self) -> None:
        self._pending: Counter[tuple[str, bool]] = Counter()
        self._flushing = asyncio.Lock()

    @abc.abstractmethod
    async def open(self) -> Self:
        """Open (or make, or bring up to the current schema) the database; a `ConfigError` naming
        the setting to fix when it cannot be used."""

    @abc.abstractmethod
    async def _close(self) -> None: ...

    async def close(self) -> None:
        await self.flush()
        await self._close()

    async def __aenter__(self) -> Self:
        return await self.open()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    def shared_budget(self) -> SharedBudget | None:
        """The send budget every process on this database shares; None when one process owns it all."""
        return None

    # --- question counts -----------------------------------------------------------------------

    async def record_question(self, counted_as: str, *, sure: bool) -> None:
        """Count a question by its normalised text, as sure or unsure.

        Counts are buffered and written in one transaction by `flush` (each second while the bot
        runs, before every read, and on close): a write per question would cost more than the answer.
        """
        self._pending[(counted_as[:500], not sure)] += 1
        if len(self._pending) >= FLUSH_AT:
            await self.flush()

    async def flush(self) -> None:
        """Write the buffered counts; returns only once no earlier flush is still writing, so a read
        after it sees every question recorded before it."""
        async with self._flushing:
            pending, self._pending = self._pending, Counter()
            if not pending:
                return
            try:
                await self._add_counts(
                    sorted((text, count, count if unsure else 0) for (text, unsure), count in pending.items())
                )
            except BaseException:
                self._pending.update(pending)  # counted next time, not lost
                raise

    @abc.abstractmethod
    async def _add_counts(self, rows: list[tuple[str, int, int]]) -> None:
        """Add (text, asked, unsure) to the questions and the sure/unsure totals, in one transaction."""

    async def flush_every(self, seconds: float) -> None:
        """Flush the question counts periodically, until cancelled."""
        while True:
            await asyncio.sleep(seconds)
            await self.flush()

    @abc.abstractmethod
    async def unsure_questions(self, limit: int = 20) -> list[tuple[str, int]]:
        """The questions most often not answered with a fact, most frequent first."""

    @abc.abstractmethod
    async def question_counts(self) -> dict[str, int]:
        """How many questions were sure and how many unsure, since the database was made."""

    # --- subscriptions and chat settings -------------------------------------------------------

    @abc.abstractmethod
    async def subscribe(self, chat_id: int) -> bool:
        """True if the chat was not subscribed before."""

    @abc.abstractmethod
    async def unsubscribe(self, chat_id: int, *, reason: str = "unsubscribed") -> bool:
        """True if the chat was subscribed; what it was still owed is dropped with `reason`."""

    @abc.abstractmethod
    async def is_subscribed(self, chat_id: int) -> bool: ...

    @abc.abstractmethod
    async def subscriber_count(self) -> int: ...

    @abc.abstractmethod
    async def migrate_chat(self, old: int, new: int) -> None:
        """A group became a supergroup: its subscription, its language and what it is owed move to the new id."""

    @abc.abstractmethod
    async def language(self, chat_id: int) -> str | None:
        """The language a chat chose with /language ("en", "ur"); None: answer in each question's own."""

    @abc.abstractmethod
    async def set_language(self, chat_id: int, language: str | None) -> None:
        """Remember a chat's language; None forgets it (back to each question's own)."""

    @abc.abstractmethod
    async def last_question(self, chat_id: int, user_id: int, *, since: float) -> str | None:
        """What this person last asked in this chat (normalised), if asked at `since` or later. None
        too when the database cannot say: a follow-up read alone is no reason to fail an answer."""

    @abc.abstractmethod
    async def remember_question(self, chat_id: int, user_id: int, asked: str, *, at: float) -> None:
        """Keep what this person just asked here, in place of what they asked before; a database that
        refuses the write only loses the next follow-up's context."""

    # --- updates and their deliveries ----------------------------------------------------------

    @abc.abstractmethod
    async def queue_updates(self, fact_ids: list[str]) -> list[str]:
        """Record the updates not seen before and owe each to every subscriber, in one transaction.

        Returns the new ids. An id is the identity of an update: editing its wording later does
        not make it new again; and however many processes queue it at once, it is owed once.
        """

    @abc.abstractmethod
    async def claim(self, now: float, *, limit: int) -> list[Delivery]:
        """Each chat's oldest pending delivery whose time has come (a chat gets updates in order),
        taken for this process until it marks, defers or drops it, or its lease runs out."""

    @abc.abstractmethod
    async def next_due(self, now: float) -> float | None:
        """When the earliest chat's next delivery may be claimed, or None when nothing is owed."""

    @abc.abstractmethod
    async def mark_sent(self, delivery: Delivery, *, next_ok: float = 0.0) -> None:
        """Telegram took it; the chat's next delivery waits until `next_ok` (its pace)."""

    @abc.abstractmethod
    async def defer(self, delivery: Delivery, until: float) -> None:
        """Try it again at `until`, one attempt more."""

    @abc.abstractmethod
    async def drop(self, delivery: Delivery, reason: str) -> None: ...

    @abc.abstractmethod
    async def release_claims(self) -> None:
        """Give back what this process claimed and did not send, so others need not wait for leases."""

    @abc.abstractmethod
    async def delivery_counts(self) -> dict[str, int]:
        """How many deliveries are sent, pending and dropped."""
