"""Answers and operator notices stay a few messages, however large the fact base or its problems."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.chat.sending import MAX_PRIVATE_MESSAGES
from tests.botapi import BotAPIServer
from tests.conftest import BotFactory, add_many_facts
from tests.test_chat import ALICE, GROUP, ask, command

ADMIN = 4242


async def test_a_topic_of_thousands_of_facts_is_one_message_with_buttons_for_more(
    make_bot: BotFactory, api: BotAPIServer, facts_copy: Path
) -> None:
    add_many_facts(facts_copy, 3000)
    await make_bot(facts_dir=facts_copy)
    [topics] = await ask(api, "/topics", entities=command("/topics"))
    api.callback("t:claim", message=topics, user=ALICE)
    [facts] = await api.wait_for(lambda: api.replies_to(topics))
    assert "This topic has 2998 more facts: ask me about them" in facts["text"]
    more = [row[0]["callback_data"] for row in facts["reply_markup"]["inline_keyboard"]]
    assert len(more) == 3 and all(data.startswith("r:bulk-") for data in more)
    await ask(api, "who did it")  # anything sent late for the topic would show by now
    assert len(api.replies_to(topics)) == 1


async def test_an_enormous_answer_is_a_few_messages_in_private_and_one_in_a_group(
    make_bot: BotFactory, api: BotAPIServer, facts_copy: Path
) -> None:
    add_many_facts(facts_copy, 1, statement_words=20_000)
    await make_bot(facts_dir=facts_copy)
    [reply] = await ask(api, "who did it")
    api.callback("r:bulk-0:0", message=reply, user=ALICE)
    sent = await api.wait_for(lambda: len(api.replies_to(reply)) >= MAX_PRIVATE_MESSAGES and api.replies_to(reply))
    assert "There is more: ask me about one part of it at a time." in sent[-1]["text"]
    [in_group] = await ask(api, "/ask who did it", chat=GROUP, entities=command("/ask who did it"))
    api.callback("r:bulk-0:1001", message=in_group, user=ALICE)
    [one] = await api.wait_for(lambda: api.replies_to(in_group))
    assert "ask me in a private chat" in one["text"]
    await ask(api, "who did it")
    assert len(api.replies_to(reply)) == MAX_PRIVATE_MESSAGES and len(api.replies_to(in_group)) == 1


async def test_a_reload_with_hundreds_of_problems_is_one_notice(
    make_bot: BotFactory, api: BotAPIServer, facts_copy: Path
) -> None:
    await make_bot(facts_dir=facts_copy, admin_ids=(ADMIN,))

    def to_admin() -> list[dict[str, Any]]:
        return [m for m in api.sent if m["chat"]["id"] == ADMIN]

    broken = facts_copy / "broken.yaml"
    broken.write_text(
        "facts:\n" + "".join(f"  - id: broken-{n}\n    titel: misspelt\n" for n in range(400)), encoding="utf-8"
    )
    [notice] = await api.wait_for(to_admin, timeout=15)
    assert "did not reload" in notice["text"] and "more problems: `factbot check` lists them all" in notice["text"]
    assert len(notice["text"].splitlines()) <= 12
    broken.unlink()
    await api.wait_for(lambda: any("Reloaded the facts" in m["text"] for m in to_admin()), timeout=15)
    assert len(to_admin()) == 2
