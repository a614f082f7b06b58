"""Telegram's flood limits, 429 retry_after, and bounded retries of 5xx answers and timeouts."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, NetworkError
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)

JSONResult = bool | dict[str, Any] | list[dict[str, Any]]


class RetryingRateLimiter(AIORateLimiter):
    """PTB's AIORateLimiter (30/s overall, 20/min per group, waits out 429 retry_after), plus a
    bounded exponential backoff for server errors and timeouts, which it does not retry.

    A retried timeout can repeat a message Telegram did deliver before the timeout: Telegram has
    no idempotency key. Read timeouts are generous so that this stays rare.
    """

    def __init__(
        self, *, enabled: bool = True, retries: int = 4, backoff: float = 0.5, max_retry_after: int = 8
    ) -> None:
        if enabled:
            super().__init__(max_retries=max_retry_after)
        else:
            super().__init__(overall_max_rate=0, group_max_rate=0, max_retries=max_retry_after)
        self.retries = retries
        self.backoff = backoff

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSONResult]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSONResult:
        for attempt in range(self.retries + 1):
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except BadRequest:
                raise
            except NetworkError as exc:
                if attempt == self.retries:
                    raise
                delay = self.backoff * 2**attempt
                log.warning("%s failed (%s); retry %d in %.1fs", endpoint, exc, attempt + 1, delay)
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")
