"""Hot reload: build a complete new fact base off to the side, then swap one reference.

A bad edit (or a file caught half-written) leaves the last good version serving; the problems
are returned with `file:line` so the caller can log them and tell the operators.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from watchfiles import awatch

from bot.core import ServingCore, build_core
from bot.errors import FactBaseError
from bot.router import Thresholds

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReloadResult:
    ok: bool
    version: str
    seconds: float
    problems: tuple[str, ...] = ()
    at: float = field(default_factory=time.time)

    def report(self) -> str:
        if self.ok:
            return f"Reloaded the facts: version {self.version} ({self.seconds * 1000:.0f} ms)."
        lines = "\n".join(self.problems)
        return f"The facts did not reload; still serving version {self.version}.\n{lines}"


class Reloader:
    def __init__(self, facts_dir: Path, serving: ServingCore, *, thresholds: Thresholds | None = None) -> None:
        self.facts_dir = facts_dir
        self.serving = serving
        self.thresholds = thresholds
        self.last: ReloadResult | None = None

    async def reload(self) -> ReloadResult:
        """Build in a thread so answers keep flowing; swap only a complete, valid version."""
        started = time.perf_counter()
        try:
            fresh = await asyncio.to_thread(build_core, self.facts_dir, thresholds=self.thresholds)
        except FactBaseError as exc:
            problems = tuple(str(p) for p in exc.problems)
            for problem in problems:
                log.error("reload: %s", problem)
            result = ReloadResult(False, self.serving.current.factbase.version, time.perf_counter() - started, problems)
        else:
            self.serving.current = fresh
            result = ReloadResult(True, fresh.factbase.version, time.perf_counter() - started)
            log.info("reload: now serving facts version %s", fresh.factbase.version)
        self.last = result
        return result

    async def watch(self, on_result: Callable[[ReloadResult], Awaitable[None]], *, debounce_ms: int = 400) -> None:
        """Reload after every change under the facts folder, until cancelled."""
        async for _ in awatch(self.facts_dir, debounce=debounce_ms, step=50, recursive=True):
            await on_result(await self.reload())
