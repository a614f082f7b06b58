"""The router's decisions on questions of each kind, and the rules that keep it honest."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core import Core
from bot.router import Router, Thresholds


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("who claimed the attacks?", "bla-claim"),
        ("how many civilians died", "civilians-killed"),
        ("what did the uk say", "uk-condemnation"),
    ],
)
def test_clear_question_is_answered(core: Core, question: str, fact_id: str) -> None:
    intent = core.router.route(question).intents[0]
    assert intent.decision == "answer"
    assert intent.top is not None and intent.top.target == fact_id
    assert intent.top.score >= core.router.thresholds.answer


def test_matches_are_ranked_with_scores(core: Core) -> None:
    matches = core.router.route("how many militants killed").intents[0].matches
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


def test_two_questions_in_one_message_get_both(core: Core) -> None:
    routing = core.router.route("who did it and how many civilians died")
    assert [i.top.target for i in routing.intents if i.top] == ["bla-claim", "civilians-killed"]


def test_and_inside_one_question_is_not_split(core: Core) -> None:
    routing = core.router.route("how did the army and police respond")
    assert len(routing.intents) == 1


@pytest.mark.parametrize("question", ["what did china say", "did russia condemn the attacks"])
def test_country_without_a_fact_is_a_gap_not_a_neighbour(core: Core, question: str) -> None:
    intent = core.router.route(question).intents[0]
    assert intent.decision == "gap"
    assert intent.uncovered_entities


def test_entity_must_be_covered_by_the_answering_fact(core: Core) -> None:
    """Iran is in the facts (as a neighbour), but no fact says Iran condemned anything."""
    intent = core.router.route("did iran condemn the attacks").intents[0]
    assert intent.decision == "gap"


@pytest.mark.parametrize("question", ["what's the weather in lahore", "who won the match", "", "   ", "!!!"])
def test_off_topic_is_declined(core: Core, question: str) -> None:
    assert not core.router.route(question).answered


def test_explicit_gap_is_routed_to_its_entry(core: Core) -> None:
    intent = core.router.route("how many people were wounded").intents[0]
    assert intent.decision == "gap" and intent.top is not None and intent.top.target == "injured"


def test_close_candidates_become_did_you_mean(core: Core) -> None:
    intent = core.router.route("what did bugti say").intents[0]
    assert intent.decision == "clarify"
    assert len(intent.matches) >= 2


def test_typos_are_repaired_against_known_words(core: Core) -> None:
    assert core.router.normalise("milatants killd") == core.router.normalise("militants killed")


def test_thresholds_are_configuration(core: Core) -> None:
    strict = Router(core.factbase, thresholds=Thresholds(answer=100, suggest=100, margin=0))
    assert strict.route("how many civilans were killd in the violence").intents[0].decision != "answer"


def test_every_example_is_a_choice(core: Core) -> None:
    base = core.factbase
    expected = sum(len(f.examples) + 1 for f in base.facts) + sum(len(g.examples) for g in base.gaps)
    assert core.router.choice_count == expected


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_text_gets_a_decision_and_nothing_else(core: Core, text: str) -> None:
    routing = core.router.route(text)
    assert routing.intents
    for intent in routing.intents:
        assert intent.decision in {"answer", "clarify", "gap", "decline"}
        assert len(intent.matches) <= 3
        assert all(core.factbase.fact(m.target) or core.factbase.gap(m.target) for m in intent.matches)
        if intent.decision == "answer":
            assert intent.top is not None and intent.top.kind == "fact"
