"""The wall clock the broadcaster waits on."""

from __future__ import annotations

import asyncio

import pytest

from bot.chat.clock import WallClock


async def test_a_wait_cancelled_as_its_event_is_set_is_still_cancelled() -> None:
    """The race that hung the suite: the event is set and the waiter cancelled in one turn of the loop
    (Python 3.11's `asyncio.wait_for` returned normally then, and the broadcaster never stopped)."""
    event = asyncio.Event()
    waiter = asyncio.create_task(WallClock().wait(event, 60))
    await asyncio.sleep(0)
    event.set()
    waiter.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiter


async def test_a_wait_ends_when_its_event_is_set_or_its_time_is_up() -> None:
    event = asyncio.Event()
    event.set()
    await WallClock().wait(event, 60)
    await WallClock().wait(asyncio.Event(), 0.01)
