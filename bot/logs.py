"""Logging set-up with a fence around the bot token: it is redacted from every line we write."""

from __future__ import annotations

import logging
import re

# The token sits in every Bot API URL (…/bot<token>/sendMessage), so anything that logs a URL or
# an HTTP error could leak it. Shaped like the tokens @BotFather issues.
TOKEN_PATTERN = re.compile(r"\d{3,}:[A-Za-z0-9_-]{30,}")
REDACTED = "<redacted-token>"


def redact(text: str) -> str:
    return TOKEN_PATTERN.sub(REDACTED, text)


class RedactingFormatter(logging.Formatter):
    """Redacts the whole formatted record, message and traceback alike."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def configure_logging(level: str) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx logs every request URL at INFO, token included: keep it to warnings and worse.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
