"""Hot reload and operator commands: bad edits never lose the last good facts."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core import ServingCore, build_core
from bot.reload import Reloader
from bot.store import PostgresStore, Store
from tests.botapi import BotAPIServer, private_chat, user
from tests.conftest import CACHE, ROOT, BotFactory, StoreFactory
from tests.test_chat import ask, command
from tests.test_factbase import ALIAS_BOMB

ADMIN = 4242


async def test_bad_edit_keeps_the_last_good_version(facts_copy: Path) -> None:
    ref = ServingCore(build_core(facts_copy, cache_dir=CACHE))
    good = ref.current
    (facts_copy / "claim.yaml").write_text("facts:\n  - id: [half-written", encoding="utf-8")
    result = await Reloader(facts_copy, ref, cache_dir=CACHE).reload()
    assert not result.ok and ref.current is good
    assert any("claim.yaml:2:" in p for p in result.problems)
    assert "still serving version" in result.report()


async def test_good_edit_is_swapped_in_whole(facts_copy: Path) -> None:
    ref = ServingCore(build_core(facts_copy, cache_dir=CACHE))
    path = facts_copy / "claim.yaml"
    path.write_text(path.read_text().replace("a banned separatist group", "a banned armed separatist group"))
    result = await Reloader(facts_copy, ref, cache_dir=CACHE).reload()
    assert result.ok and result.version == ref.current.factbase.version
    _, answer = ref.current.ask("who claimed the attacks")
    assert "banned armed separatist" in answer.blocks[0].claim.statement  # type: ignore[union-attr]


async def test_live_bad_edit_tells_the_admin_and_keeps_answering(
    make_bot: BotFactory, api: BotAPIServer, facts_copy: Path
) -> None:
    await make_bot(facts_dir=facts_copy, admin_ids=(ADMIN,))
    path = facts_copy / "blame.yaml"
    original = path.read_text()
    path.write_text(original.replace("topic: blame", "topic: [blame", 1))
    notice = await api.wait_for(lambda: [m for m in api.sent if m["chat"]["id"] == ADMIN], timeout=15)
    assert "blame.yaml:" in notice[0]["text"] and "did not reload" in notice[0]["text"]
    [reply] = await ask(api, "what did india say")
    assert "Randhir Jaiswal" in reply["text"]
    path.write_text(original.replace("long-standing demands", "long-standing demands (edited)"))
    await api.wait_for(lambda: any("Reloaded the facts" in m["text"] for m in api.sent), timeout=15)
    [again] = await ask(api, "what did india say to pakistan")
    assert "(edited)" in again["text"]


async def test_operator_commands_are_for_admins_only(make_bot: BotFactory, api: BotAPIServer) -> None:
    await make_bot(admin_ids=(ADMIN,))
    for text in ("/reload", "/stats", "/unanswered"):
        [refused] = await ask(api, text, entities=command(text))
        assert "for the bot's operators" in refused["text"]
    admin_chat, admin = private_chat(ADMIN), user(ADMIN)
    await ask(api, "bitcoin price", chat=admin_chat, who=admin)
    [reloaded] = await ask(api, "/reload", chat=admin_chat, who=admin, entities=command("/reload"))
    assert "Reloaded the facts" in reloaded["text"]
    [stats] = await ask(api, "/stats", chat=admin_chat, who=admin, entities=command("/stats"))
    assert "Questions not answered with a fact: 1" in stats["text"] and "Facts version:" in stats["text"]
    [unanswered] = await ask(api, "/unanswered", chat=admin_chat, who=admin, entities=command("/unanswered"))
    assert "bitcoin price" in unanswered["text"]


async def _fill(store: Store) -> None:
    async with store:
        for _ in range(3):
            await store.record_question("who leads bla", sure=False)
        await store.record_question("who claim", sure=True)
        await store.record_question("weather", sure=False)


def test_report_unanswered_counts_normalised_text_only(make_store: StoreFactory, tmp_path: Path) -> None:
    store = make_store()
    asyncio.run(_fill(store))
    where = {"FACTBOT_DATABASE_URL": store.url} if isinstance(store, PostgresStore) else {}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "report", "unanswered", "--data", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **where},
        check=False,
        timeout=60,
    )
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["3", "who", "leads", "bla"] and "weather" in lines[1]
    assert "who claim" not in result.stdout


async def test_a_deleted_facts_folder_is_logged_once_and_watched_again_when_it_is_back(
    make_bot: BotFactory, api: BotAPIServer, facts_copy: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    await make_bot(facts_dir=facts_copy, admin_ids=(ADMIN,))
    kept = tmp_path / "kept"
    shutil.copytree(facts_copy, kept)
    shutil.rmtree(facts_copy)

    def gone() -> list[str]:
        return [r.getMessage() for r in caplog.records if "is gone" in r.getMessage()]

    await api.wait_for(gone)
    [reply] = await ask(api, "what did india say")  # the last good facts
    assert "Randhir Jaiswal" in reply["text"]
    path = kept / "blame.yaml"
    path.write_text(path.read_text().replace("long-standing demands", "long-standing demands (edited)"))
    shutil.copytree(kept, facts_copy)
    await api.wait_for(lambda: any("Reloaded the facts" in m["text"] for m in api.sent_to(ADMIN)), timeout=15)
    [again] = await ask(api, "what did india say to pakistan")
    assert "(edited)" in again["text"]
    path = facts_copy / "blame.yaml"  # and it is watched again
    path.write_text(path.read_text().replace("(edited)", "(edited twice)"))
    await api.wait_for(lambda: len([m for m in api.sent_to(ADMIN) if "Reloaded the facts" in m["text"]]) == 2, 15)
    assert len(gone()) == 1 and not any("did not reload" in m["text"] for m in api.sent_to(ADMIN))


@pytest.mark.parametrize(
    ("content", "problem"),
    [(ALIAS_BOMB, "hostile.yaml:1: YAML anchors and aliases"), ("# padding\n" * 2_000_000, "hostile.yaml:1: file is")],
    ids=["alias-bomb", "20-MB"],
)
async def test_a_hostile_facts_file_in_hot_reload_is_one_notice_and_the_next_edit_is_live(
    make_bot: BotFactory, api: BotAPIServer, facts_copy: Path, tmp_path: Path, content: str, problem: str
) -> None:
    """Refused before it is expanded or read whole: the watcher goes on, and the operator hears once."""
    await make_bot(facts_dir=facts_copy, admin_ids=(ADMIN,))
    written = tmp_path / "hostile.yaml"
    written.write_text(content, encoding="utf-8")
    written.replace(facts_copy / "hostile.yaml")  # whole, as an editor saves: one change, one reload
    [notice] = await api.wait_for(lambda: api.sent_to(ADMIN), timeout=15)
    assert "did not reload" in notice["text"] and problem in notice["text"], notice["text"]
    [reply] = await ask(api, "what did india say")  # the last good facts
    assert "Randhir Jaiswal" in reply["text"]
    (facts_copy / "hostile.yaml").unlink()
    await api.wait_for(lambda: any("Reloaded the facts" in m["text"] for m in api.sent_to(ADMIN)), timeout=15)
    assert len(api.sent_to(ADMIN)) == 2
