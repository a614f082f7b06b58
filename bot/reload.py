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
from bot.thresholds import Thresholds

log = logging.getLogger(__name__)

SHOWN = 10  # problems a failed reload reports (and logs) one by one
PROBLEM_CHARS = 200  # each cut to this, so a report is always one message


@dataclass(frozen=True)
class ReloadResult:
    ok: bool
    version: str
    seconds: float
    problems: tuple[str, ...] = ()
    at: float = field(default_factory=time.time)

    def report(self) -> str:
        """What operators are told: one message, whatever the edit broke. The first problems (each
        cut to a line) and how many more; `factbot check` lists them all."""
        if self.ok:
            return f"Reloaded the facts: version {self.version} ({self.seconds * 1000:.0f} ms)."
        shown = [p if len(p) <= PROBLEM_CHARS else p[: PROBLEM_CHARS - 1] + "…" for p in self.problems[:SHOWN]]
        more = len(self.problems) - len(shown)
        if more:
            shown.append(f"… and {more} more problem{'s' if more > 1 else ''}: `factbot check` lists them all.")
        return "\n".join([f"The facts did not reload; still serving version {self.version}.", *shown])


class Reloader:
    def __init__(
        self,
        facts_dir: Path,
        serving: ServingCore,
        *,
        thresholds: Thresholds | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        self.facts_dir = facts_dir
        self.serving = serving
        self.thresholds = thresholds
        self.cache_dir = cache_dir
        self.last: ReloadResult | None = None

    async def reload(self) -> ReloadResult:
        """Build in a thread so answers keep flowing; swap only a complete, valid version."""
        started = time.perf_counter()
        try:
            fresh = await asyncio.to_thread(
                build_core, self.facts_dir, thresholds=self.thresholds, cache_dir=self.cache_dir
            )
        except FactBaseError as exc:
            problems = tuple(str(p) for p in exc.problems)
            for problem in problems[:SHOWN]:
                log.error("reload: %s", problem)
            if len(problems) > SHOWN:
                log.error("reload: and %d more problems", len(problems) - SHOWN)
            result = ReloadResult(False, self.serving.current.factbase.version, time.perf_counter() - started, problems)
        except Exception as exc:
            # A bug or an odd file the loader does not foresee: the last good version keeps serving.
            log.exception("reload failed unexpectedly")
            problem = f"{self.facts_dir}: reload failed unexpectedly ({type(exc).__name__}: {exc}); see the log"
            result = ReloadResult(
                False, self.serving.current.factbase.version, time.perf_counter() - started, (problem,)
            )
        else:
            self.serving.current = fresh
            result = ReloadResult(True, fresh.factbase.version, time.perf_counter() - started)
            log.info("reload: now serving facts version %s", fresh.factbase.version)
        self.last = result
        return result

    async def watch(self, on_result: Callable[[ReloadResult], Awaitable[None]], *, debounce_ms: int = 400) -> None:
        """Reload after every change under the facts folder, until cancelled.

        A watch on a folder that is deleted goes silent for good, even once the folder is back.
        So a deleted folder ends the watch: the last good facts stay served, that is logged once,
        and once the folder is back it is reloaded and watched again."""
        while True:
            if not self.facts_dir.is_dir():
                log.warning(
                    "the facts folder %s is gone; still serving version %s; it is reloaded when it is back",
                    self.facts_dir,
                    self.serving.current.version,
                )
                await self._until_back()
                await asyncio.sleep(debounce_ms / 1000)  # let a copy that brings it back finish
                await on_result(await self.reload())
            async for _ in awatch(self.facts_dir, debounce=debounce_ms, step=50, recursive=True):
                if not self.facts_dir.is_dir():
                    break
                await on_result(await self.reload())

    async def _until_back(self) -> None:
        """Until the facts folder is a folder again: watch the nearest folder above it that is, and
        look again at least every second (in case it came back before the watch began)."""
        above = next(p for p in self.facts_dir.absolute().parents if p.is_dir())
        async for _ in awatch(above, recursive=False, rust_timeout=1000, yield_on_timeout=True):
            if self.facts_dir.is_dir():
                return
