"""The time the broadcaster paces by and the retries back off by, passed in so that tests move
it by hand instead of waiting real seconds."""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the epoch; stored in the outbox, so the same clock must read them back."""
        ...

    async def sleep(self, seconds: float) -> None: ...

    async def wait(self, event: asyncio.Event, seconds: float) -> None:
        """Until `event` is set or `seconds` have passed, whichever is first."""
        ...


class WallClock:
    def now(self) -> float:
        return time.time()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)

    async def wait(self, event: asyncio.Event, seconds: float) -> None:
        # Not `asyncio.wait_for`: on Python 3.11 it swallows a cancellation that arrives as the event
        # is set, and a broadcaster stopped at that moment then waits on forever (seen in the tests).
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                await event.wait()
