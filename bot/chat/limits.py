"""Telegram's flood limits, 429 retry_after, and bounded retries of 5xx answers and timeouts."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import warnings
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from contextvars import ContextVar
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import AIORateLimiter
from telegram.warnings import PTBDeprecationWarning

log = logging.getLogger(__name__)

_caller_waits_out_429: ContextVar[bool] = ContextVar("caller_waits_out_429", default=False)


def retry_after_seconds(error: RetryAfter) -> float:
    """Seconds to wait, whether PTB gives an int (v22 default) or a timedelta (`PTB_TIMEDELTA`)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


@contextlib.contextmanager
def caller_handles_429() -> Iterator[None]:
    """Within this block a 429 is raised as `RetryAfter` to the caller instead of being waited out.

    AIORateLimiter pauses *every* request while it waits out a 429. The broadcaster handles its
    own 429s by pausing only itself, so that answers to questions keep flowing.
    """
    token = _caller_waits_out_429.set(True)
    try:
        yield
    finally:
        _caller_waits_out_429.reset(token)


class _PassOn(Exception):
    """Carries a RetryAfter past AIORateLimiter's retry loop, which catches only RetryAfter."""

    def __init__(self, error: RetryAfter) -> None:
        super().__init__(str(error))
        self.error = error


JSONResult = bool | dict[str, Any] | list[dict[str, Any]]


class RetryingRateLimiter(AIORateLimiter):
    """PTB's AIORateLimiter (30/s overall, 20/min per group, waits out 429 retry_after), plus a
    bounded exponential backoff for server errors and timeouts, which it does not retry.

    A retried timeout can repeat a message Telegram did deliver before the timeout: Telegram has
    no idempotency key. Read timeouts are generous so that this stays rare.
    """

    def __init__(
        self,
        *,
        enabled: bool,
        retries: int,
        backoff: float,
        max_retry_after: int,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if enabled:
            super().__init__(max_retries=max_retry_after)
        else:
            super().__init__(overall_max_rate=0, group_max_rate=0, max_retries=max_retry_after)
        self.retries = retries
        self.backoff = backoff
        self._sleep = sleep

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSONResult]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSONResult:
        if _caller_waits_out_429.get():
            callback = _passing_on_429(callback)
        for attempt in range(self.retries + 1):
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except _PassOn as carrier:
                raise carrier.error from None
            except BadRequest:
                raise
            except NetworkError as exc:
                if attempt == self.retries:
                    raise
                delay = self.backoff * 2**attempt
                log.warning("%s failed (%s); retry %d in %.1fs", endpoint, exc, attempt + 1, delay)
                await self._sleep(delay)
        raise AssertionError("unreachable")


def _passing_on_429(
    callback: Callable[..., Coroutine[Any, Any, JSONResult]],
) -> Callable[..., Coroutine[Any, Any, JSONResult]]:
    async def once(*args: Any, **kwargs: Any) -> JSONResult:
        try:
            return await callback(*args, **kwargs)
        except RetryAfter as exc:
            raise _PassOn(exc) from exc

    return once
