"""Answers: who says so, the citation, figures side by side, and three different "no"s."""

from __future__ import annotations

from pathlib import Path

from bot.answers import ClarifyBlock, DeclineBlock, FactBlock, GapBlock, fact_answer, topic_answer
from bot.core import Core, build_core
from bot.render import render_text


def test_answer_states_who_says_so_when_and_source(core: Core) -> None:
    _, answer = core.ask("how many civilians were killed")
    block = answer.blocks[0]
    assert isinstance(block, FactBlock)
    assert "Sarfaraz Bugti" in block.claim.attribution
    assert block.claim.said == "on 1 Feb 2026"
    assert "News Desk" in block.claim.citation and "Reuters" in block.claim.citation


def test_conflicting_figures_are_shown_side_by_side(core: Core) -> None:
    _, answer = core.ask("how many militants killed")
    block = answer.blocks[0]
    assert isinstance(block, FactBlock)
    assert block.claim.fact_id == "militants-killed-145"
    assert [d.claim.fact_id for d in block.differing] == ["militants-killed-92"]
    text = render_text(answer)
    assert "145" in text and "92" in text and "Why they differ" in text
    assert text.count("Source:") == 2


def test_the_other_figure_also_shows_the_first(core: Core) -> None:
    answer = fact_answer(core.factbase, "militants-killed-92")
    assert answer is not None
    block = answer.blocks[0]
    assert isinstance(block, FactBlock) and block.differing[0].claim.fact_id == "militants-killed-145"


def test_quotes_are_kept_verbatim(core: Core) -> None:
    _, answer = core.ask("what did india say")
    assert "“We categorically reject the baseless allegations made by Pakistan,”" in render_text(answer)


def test_three_kinds_of_no_are_three_different_replies(core: Core) -> None:
    replies = {}
    for question, kind in [
        ("bitcoin price today", DeclineBlock),
        ("how many people were wounded", GapBlock),
        ("what did bugti say", ClarifyBlock),
    ]:
        _, answer = core.ask(question)
        assert isinstance(answer.blocks[0], kind)
        replies[kind] = render_text(answer)
    assert len(set(replies.values())) == 3
    assert "only answer questions about" in replies[DeclineBlock]
    assert "do not report how many people were injured" in replies[GapBlock]
    assert "which of these you mean" in replies[ClarifyBlock]


def test_decline_lists_what_the_bot_can_answer(core: Core) -> None:
    _, answer = core.ask("recommend a movie")
    assert not answer.answered
    block = answer.blocks[0]
    assert isinstance(block, DeclineBlock) and len(block.examples) >= 3


def test_related_questions_exclude_what_was_answered(core: Core) -> None:
    _, answer = core.ask("who claimed the attacks")
    assert answer.related and "bla-claim" not in {c.fact_id for c in answer.related}


def test_topic_answer_has_every_fact_of_the_topic(core: Core) -> None:
    answer = topic_answer(core.factbase, "condemnation")
    assert answer is not None and len(answer.fact_ids) == 5
    assert topic_answer(core.factbase, "nope") is None


def test_superseded_fact_leads_with_the_newest_and_keeps_the_earlier(facts_copy: Path) -> None:
    (facts_copy / "update.yaml").write_text(
        "facts:\n"
        "  - id: civilians-killed-update\n"
        "    topic: casualties\n"
        "    title: Civilian toll revised\n"
        "    question: Has the civilian toll changed?\n"
        "    statement: Officials revised the civilian toll to 31 after checks.\n"
        "    attribution: Balochistan Chief Minister Sarfaraz Bugti\n"
        "    said_on: 2026-02-01\n"
        "    update: true\n"
        "    source: newsdesk-2026-02-01\n"
        "    supersedes: [civilians-killed]\n"
        "    examples: [civilian toll revised]\n",
        encoding="utf-8",
    )
    base = build_core(facts_copy).factbase
    answer = fact_answer(base, "civilians-killed")
    assert answer is not None
    block = answer.blocks[0]
    assert isinstance(block, FactBlock)
    assert block.claim.fact_id == "civilians-killed-update"
    assert [c.fact_id for c in block.earlier] == ["civilians-killed"]
    assert "Earlier report" in render_text(answer)
    assert [f.id for f in base.updates()] == ["civilians-killed-update"]
