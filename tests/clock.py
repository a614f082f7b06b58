"""A clock the test moves by hand: the broadcaster's pauses and gaps, and the retry backoff,
pass only when the test says so, and take no real time."""

from __future__ import annotations

import asyncio
import time


class ManualClock:
    def __init__(self) -> None:
        self.at = time.time()
        self.slept: list[float] = []
        self._waiting: set[asyncio.Event] = set()

    def now(self) -> float:
        return self.at

    async def sleep(self, seconds: float) -> None:
        """A backoff: noted, and time moves on by as much, at once."""
        self.slept.append(seconds)
        self.advance(seconds)
        await asyncio.sleep(0)

    async def wait(self, event: asyncio.Event, seconds: float) -> None:
        """Until the event is set or the test moves time on; whoever waits checks the time again."""
        self._waiting.add(event)
        try:
            await event.wait()
        finally:
            self._waiting.discard(event)

    @property
    def waiting(self) -> int:
        """How many are waiting for the test to move time on."""
        return len(self._waiting)

    def advance(self, seconds: float) -> None:
        self.at += seconds
        for event in self._waiting:
            event.set()
