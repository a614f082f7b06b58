"""Background tasks that never die quietly: the fact watcher, the broadcaster and the count flusher.

Each runs under `supervise`, which starts it again after any exception, or if it ever returns, with
a pause that doubles up to a minute. A failure is logged once with its traceback (its file:line);
while the same failure repeats, nothing more is logged. Only cancellation, at stop, ends it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from bot.chat.clock import Clock

log = logging.getLogger(__name__)

FIRST_PAUSE = 1.0  # seconds before the first restart; doubles while it keeps failing
LONGEST_PAUSE = 60.0


async def supervise(name: str, run: Callable[[], Coroutine[Any, Any, None]], clock: Clock) -> None:
    """Run `run()` again and again until cancelled."""
    pause = FIRST_PAUSE
    failing: str | None = None
    while True:
        started = clock.now()
        error: Exception | None = None
        try:
            await run()
        except Exception as exc:
            error = exc
        failure = "ended" if error is None else f"{type(error).__name__}: {error}"
        if clock.now() - started > LONGEST_PAUSE:
            pause, failing = FIRST_PAUSE, None  # it ran well for a while: this is a fresh failure
        if failure != failing:
            what = "ended unexpectedly" if error is None else "failed"
            log.error("%s %s; restarting it in %.0fs", name, what, pause, exc_info=error)
        failing = failure
        await clock.sleep(pause)
        pause = min(pause * 2, LONGEST_PAUSE)


def start(name: str, run: Callable[[], Coroutine[Any, Any, None]], clock: Clock) -> asyncio.Task[None]:
    """`supervise` as a task; if even that ends other than by cancellation, it is logged."""
    task = asyncio.create_task(supervise(name, run, clock), name=name)
    task.add_done_callback(_ended)
    return task


def _ended(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.critical("%s stopped for good", task.get_name(), exc_info=task.exception())
