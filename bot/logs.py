"""Logging set-up with a fence around the secrets: the bot token and the webhook secret are
redacted from every line we write, tracebacks and uncaught exceptions included."""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections.abc import Iterable
from types import TracebackType

# The token sits in every Bot API URL (…/bot<token>/sendMessage), so anything that logs a URL or
# an HTTP error could leak it. Shaped like the tokens @BotFather issues.
TOKEN_PATTERN = re.compile(r"\d{3,}:[A-Za-z0-9_-]{30,}")
REDACTED = "<redacted-token>"
REDACTED_SECRET = "<redacted-secret>"

log = logging.getLogger("factbot")


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    for secret in secrets:
        text = text.replace(secret, REDACTED_SECRET)
    return TOKEN_PATTERN.sub(REDACTED, text)


class RedactingFormatter(logging.Formatter):
    """Redacts the whole formatted record, message and traceback alike: anything shaped like a bot
    token, and the exact secrets it is given (the webhook secret, which has no shape to match;
    PTB logs it among setWebhook's parameters at DEBUG)."""

    def __init__(self, fmt: str, secrets: Iterable[str] = ()) -> None:
        super().__init__(fmt)
        self.secrets = tuple(s for s in secrets if s)

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self.secrets)


def configure_logging(level: str, secrets: Iterable[str] = ()) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx logs every request URL at INFO, token included: keep it to warnings and worse.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    # uvicorn tells of its own start and stop at INFO; the bot logs where it listens instead.
    logging.getLogger("uvicorn.error").setLevel(logging.WARNING)
    # Whatever escapes (a bug, a warning, a thread's error) goes through the same fence.
    logging.captureWarnings(True)
    sys.excepthook = _uncaught
    threading.excepthook = _uncaught_in_thread


def _uncaught(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    log.critical("stopped on an unexpected error", exc_info=(kind, error, tb))


def _uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        log.critical("thread %s failed", args.thread.name if args.thread else "?", exc_info=args.exc_value)
