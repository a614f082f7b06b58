"""Token buckets per user and per group: how many questions each may ask now.

A sender over the limit is told once, then ignored until its bucket is full again (see
`bot.chat.fairuse`, which gates updates with it). Time comes from a `Clock`, so tests move it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from bot.chat.clock import Clock
from bot.config import Settings

PRUNE_AT = 10_000  # remembered senders before those with full buckets are forgotten


class Verdict(enum.Enum):
    ANSWER = "answer"
    NOTICE = "notice"  # over the limit for the first time since the bucket was last full
    SILENT = "silent"


@dataclass
class _Bucket:
    capacity: float
    per_second: float
    tokens: float
    at: float

    def refill(self, now: float) -> None:
        self.tokens = min(self.capacity, self.tokens + (now - self.at) * self.per_second)
        self.at = now

    @property
    def full(self) -> bool:
        return self.tokens >= self.capacity


@dataclass
class _Sender:
    """One user's (or one group's) buckets, and whether they were told to slow down."""

    buckets: list[_Bucket]
    noticed: bool = field(default=False)

    def refill(self, now: float) -> None:
        for bucket in self.buckets:
            bucket.refill(now)
        if self.noticed and all(b.full for b in self.buckets):
            self.noticed = False

    @property
    def can_take(self) -> bool:
        return all(b.tokens >= 1 for b in self.buckets)

    def take(self) -> None:
        for bucket in self.buckets:
            bucket.tokens -= 1


class Throttle:
    """A user may ask `fair_burst` questions in `fair_burst_seconds` and `fair_per_minute` a minute;
    a group `fair_group_per_minute` a minute from everyone in it; a user may send
    `fair_inline_burst` inline queries in `fair_burst_seconds` and `fair_inline_per_minute` a
    minute (clients send one as the user pauses in typing). A limit of 0 is no limit."""

    def __init__(self, settings: Settings, clock: Clock) -> None:
        self.clock = clock
        self._user_limits = [
            (settings.fair_burst, settings.fair_burst / settings.fair_burst_seconds),
            (settings.fair_per_minute, settings.fair_per_minute / 60),
        ]
        self._group_limits = [(settings.fair_group_per_minute, settings.fair_group_per_minute / 60)]
        self._inline_limits = [
            (settings.fair_inline_burst, settings.fair_inline_burst / settings.fair_burst_seconds),
            (settings.fair_inline_per_minute, settings.fair_inline_per_minute / 60),
        ]
        self._users: dict[int, _Sender] = {}
        self._groups: dict[int, _Sender] = {}
        self._inline: dict[int, _Sender] = {}

    def check(self, user_id: int, group_id: int | None = None) -> tuple[Verdict, bool]:
        """Whether to answer, notify or ignore this sender now, and whether a group's limit (not
        the user's) is the reason."""
        now = self.clock.now()
        senders = [(self._sender(self._users, self._user_limits, user_id, now), False)]
        if group_id is not None:
            senders.append((self._sender(self._groups, self._group_limits, group_id, now), True))
        for sender, is_group in senders:
            if (over := self._over(sender)) is not None:
                return over, is_group
        for sender, _ in senders:
            sender.take()
        return Verdict.ANSWER, False

    def check_inline(self, user_id: int) -> Verdict:
        """Whether to answer this user's inline query, tell them to slow down, or ignore it."""
        sender = self._sender(self._inline, self._inline_limits, user_id, self.clock.now())
        if (over := self._over(sender)) is not None:
            return over
        sender.take()
        return Verdict.ANSWER

    @staticmethod
    def _over(sender: _Sender) -> Verdict | None:
        """None if the sender may go on; else notice them the first time, then stay silent."""
        if sender.can_take:
            return None
        if sender.noticed:
            return Verdict.SILENT
        sender.noticed = True
        return Verdict.NOTICE

    def _sender(self, known: dict[int, _Sender], limits: list[tuple[int, float]], key: int, now: float) -> _Sender:
        sender = known.get(key)
        if sender is None:
            if len(known) >= PRUNE_AT:
                self._forget_full(known, now)
            buckets = [_Bucket(float(n), rate, float(n), now) for n, rate in limits if n > 0]
            sender = known[key] = _Sender(buckets)
        sender.refill(now)
        return sender

    @staticmethod
    def _forget_full(known: dict[int, _Sender], now: float) -> None:
        for key, sender in list(known.items()):
            sender.refill(now)
            if all(b.full for b in sender.buckets):
                del known[key]
