"""The connection long polling reads updates on, made safe against an update that does not parse.

python-telegram-bot 22 parses a whole `getUpdates` batch in one go (`Update.de_list` in
`Bot.get_updates`). When one update in it does not parse (a message without chat or date, say),
the Updater logs the error and confirms none of the batch: the same batch is fetched again, and
again, and nothing else is ever answered. Here, before PTB sees a batch, each update is parsed on
its own; one that fails is logged once and handed on as a bare update (its id only). No handler
takes a bare update, and its id moves the offset past it, so it is never fetched again.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram._utils.types import JSONDict
from telegram.request import HTTPXRequest

log = logging.getLogger(__name__)


class UpdatesRequest(HTTPXRequest):
    """The request object for `getUpdates` only (ApplicationBuilder.get_updates_request)."""

    def parse_json_payload(self, payload: bytes) -> JSONDict:  # type: ignore[override]
        data = HTTPXRequest.parse_json_payload(payload)
        result = data.get("result")
        if data.get("ok") is True and isinstance(result, list):
            data["result"] = [readable for raw in result if (readable := readable_update(raw)) is not None]
        return data


def readable_update(raw: Any) -> JSONDict | None:
    """The update as it came if it parses; else only its id, or None if it has not even that
    (logged once either way). The webhook sorts what it is posted with it too."""
    update_id = raw.get("update_id") if isinstance(raw, dict) else None
    if not isinstance(update_id, int) or isinstance(update_id, bool):
        log.warning("skipped an update without an update_id")
        return None
    try:
        Update.de_json(raw, None)
    except Exception as exc:
        log.warning("skipped update %s: it does not parse (%s: %.200s)", update_id, type(exc).__name__, exc)
        return {"update_id": update_id}
    return raw  # type: ignore[no-any-return]
