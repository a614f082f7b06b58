"""Long polling against the loopback Bot API server: an update that does not parse is logged once
and skipped, and the bot goes on answering everyone else."""

from __future__ import annotations

import logging

import pytest

from bot.chat.context import App
from tests.botapi import BotAPIServer, private_chat, user
from tests.test_chat import ALICE, PRIVATE, ask

BROKEN = [
    {"message": {"message_id": 1, "from": user(1001), "text": "no chat, no date"}},
    {"message": {"message_id": 2, "date": "yesterday", "chat": "nowhere"}},
    {"callback_query": {"id": "1"}},
]


def skipped(caplog: pytest.LogCaptureFixture, update_id: int) -> list[str]:
    return [r.getMessage() for r in caplog.records if f"skipped update {update_id}:" in r.getMessage()]


@pytest.mark.parametrize("broken", BROKEN)
async def test_a_malformed_update_is_logged_once_and_skipped(
    bot_app: App, api: BotAPIServer, caplog: pytest.LogCaptureFixture, broken: dict[str, object]
) -> None:
    # Alone in its batch: the offset must still move past it.
    bad = api.push(broken)
    await api.wait_for(lambda: any(int(c.get("offset", 0) or 0) > bad for c in api.calls_of("getUpdates")))
    [reply] = await ask(api, "who did it")
    assert "Source:" in reply["text"]
    # Between two good updates in one batch: both good ones are answered.
    first = api.user_message("who did it", chat=private_chat(1003), user=user(1003))
    middle = api.push(broken)
    last = api.user_message("how many civilians were slain", chat=PRIVATE, user=ALICE)
    await api.wait_for(lambda: api.replies_to(first) and api.replies_to(last))
    await ask(api, "who did it")  # a few more polls: the skipped updates must not come back
    assert len(skipped(caplog, bad)) == 1 and len(skipped(caplog, middle)) == 1
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
