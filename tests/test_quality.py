"""The router measured on labelled questions that share no string with the facts' examples."""

from __future__ import annotations

import pytest

from bot.core import Core
from bot.lexicon import fold
from bot.quality import Labelled, evaluate, load_labelled
from tests.conftest import LABELLED


@pytest.fixture(scope="module")
def labelled() -> list[Labelled]:
    return load_labelled(LABELLED)


def test_labelled_questions_share_no_string_with_examples(core: Core, labelled: list[Labelled]) -> None:
    base = core.factbase
    examples = {fold(e) for f in base.facts for e in (f.question, *f.examples)}
    examples |= {fold(e) for g in base.gaps for e in g.examples}
    overlap = [item.question for item in labelled if fold(item.question) in examples]
    assert overlap == []


def test_labelled_set_covers_every_kind_of_question(labelled: list[Labelled]) -> None:
    groups = {item.group for item in labelled}
    assert groups == {"in_scope", "two_part", "gaps", "off_topic"}
    assert len(labelled) >= 150


def test_router_quality(core: Core, labelled: list[Labelled]) -> None:
    report = evaluate(core.router.route, labelled)
    print(f"\nrouter quality: {report.summary()}")
    for miss in report.misses:
        print("  miss:", miss)
    assert report.rate("in_scope") >= 0.90
    assert report.rate("off_topic") == 1.0, "an off-topic question was answered"
    assert report.rate("two_part") >= 0.80
    answered_gaps = [
        item.question
        for item in labelled
        if item.group == "gaps" and any(i.decision == "answer" for i in core.router.route(item.question).intents)
    ]
    assert answered_gaps == [], "a question our sources do not answer got a fact"
