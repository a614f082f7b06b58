"""The router measured on labelled questions that share no string with the facts' examples.

Thresholds are chosen on the tune split only (benchmarks/tune_router.py); the test split was
written apart from the facts and is only ever judged. The gates below are the figures reached so
far on the test split, not the targets of issue 10 (95 % on-topic and gaps, misleading 0): a
change may raise them, never lower them.
"""

from __future__ import annotations

import pytest

from bot.core import Core
from bot.language import LANGUAGES
from bot.lexicon import fold
from bot.quality import GROUPS, Labelled, evaluate, judge, load_labelled
from bot.router import Decision, Intent, Match, Routing
from tests.conftest import LABELLED


@pytest.fixture(scope="module")
def labelled() -> list[Labelled]:
    return load_labelled(LABELLED)


def test_labelled_questions_share_no_string_with_examples(core: Core, labelled: list[Labelled]) -> None:
    base = core.factbase
    targets = (*base.facts, *base.gaps, *base.meta)
    examples = {fold(e) for t in targets for language in LANGUAGES for e in base.asked(t, language)}
    overlap = [item.question for item in labelled if fold(item.question) in examples]
    assert overlap == []


def test_tune_and_test_splits_are_apart_and_large_enough(labelled: list[Labelled]) -> None:
    tune = {fold(i.question) for i in labelled if i.split == "tune"}
    test = {fold(i.question) for i in labelled if i.split == "test"}
    assert tune.isdisjoint(test)
    assert len(labelled) >= 600
    for split in ("tune", "test"):
        assert {i.group for i in labelled if i.split == split} == set(GROUPS)


def test_every_label_names_a_target(core: Core, labelled: list[Labelled]) -> None:
    base = core.factbase
    ids = {f.id for f in base.facts}
    unknown = []
    for item in labelled:
        labels = item.expect if isinstance(item.expect, tuple) else tuple(item.expect.split("|"))
        for label in labels:
            kind, _, name = label.partition(":")
            if (kind == "gap" and (not name or base.gap(name))) or (kind == "meta" and base.meta_entry(name)):
                continue
            if label != "decline" and label not in ids:
                unknown.append(label)
    assert unknown == []


def _routing(*intents: Intent) -> Routing:
    return Routing(question="q", normalised="q", intents=intents)


def _intent(decision: Decision, target: str | None = None) -> Intent:
    matches = (Match(target=target, kind="fact", score=80),) if target else ()
    return Intent(text="q", decision=decision, matches=matches)


@pytest.mark.parametrize(
    ("expect", "intent", "verdict"),
    [
        ("overall-toll", _intent("answer", "overall-toll"), "correct"),
        ("overall-toll", _intent("answer", "civilians-killed"), "misleading"),
        ("overall-toll", _intent("gap"), "misleading"),
        ("overall-toll", _intent("clarify", "overall-toll"), "miss"),
        ("gap:injured", _intent("answer", "overall-toll"), "misleading"),
        ("gap:injured", _intent("gap"), "correct"),
        ("decline", _intent("gap"), "miss"),
        ("decline", _intent("decline"), "correct"),
        ("a|b", _intent("clarify", "a"), "correct"),
    ],
)
def test_misleading_is_a_wrong_fact_or_a_false_not_reported(expect: str, intent: Intent, verdict: str) -> None:
    item = Labelled(question="q", expect=expect, group="in_scope", split="tune")
    assert judge(item, _routing(intent)) == verdict


# Gates per script: today's figures (issue 10's targets are 95 % on-topic and gaps, misleading 0).
# Urdu two_part is 7 of 8: one question moves it by 12.5 points (7 -> 6 with the Urdu vocabulary
# repair of the fourth round, a classifier near-tie not looked into, since that would tune on test;
# back to 7 in the fifth).
# English misleading went 2 -> 3 in the fifth round by a policy, not a slip: a question of how things
# stand now ("is it still going on") is the gap about what came after our sources, as three
# independent writers' batches label it; the test split labels one such question with the fact that
# clearance operations were still under way on 1 February. Its label is left as written.
# Sixth round: English misleading 3 -> 2 and Urdu 2 -> 1, Urdu on-topic 37 -> 38 of 40 (gates follow).
# Seventh round: English gaps 57 -> 58 of 64, Urdu tune misleading 1 -> 0 (gates follow).
# Eighth round: English on-topic 109 -> 111 of 123, two-part 15 -> 17 of 20 (gates follow).
# Ninth round: English gaps 58 -> 59 of 64, tune off-topic 166 -> 167 of 173 (gates follow).
# Tenth round: English on-topic 111 -> 114 of 123, Urdu 38 -> 39 of 40, misleading English 2 -> 1 and
# Urdu 1 -> 0, tune English misleading 3 -> 2 (gates follow).
# Eleventh round: English on-topic 114 -> 115 of 123, gaps 59 -> 60 of 64, Urdu two-part 7 -> 8 of 8,
# tune off-topic 167 -> 169 of 173 (gates follow; each move is named in the commit that made it).
# Twelfth round: English on-topic 115 -> 117 of 123, off-topic 58 -> 59 of 60, tune off-topic 169 -> 171
# of 173 (gates follow).
TUNE_GATES = {"en": {"misleading": 2, "off_topic": 0.98}, "ur": {"misleading": 0, "off_topic": 1.0}}
TEST_GATES = {
    "en": {"misleading": 1, "off_topic": 0.98, "in_scope": 0.95, "gaps": 0.93, "meta": 0.90, "two_part": 0.85},
    "ur": {"misleading": 0, "off_topic": 1.0, "in_scope": 0.97, "gaps": 1.0, "meta": 1.0, "two_part": 1.0},
}


@pytest.mark.parametrize("language", ["en", "ur"])
@pytest.mark.parametrize(("split", "gates"), [("tune", TUNE_GATES), ("test", TEST_GATES)])
def test_router_quality_per_split_and_script(
    core: Core, labelled: list[Labelled], split: str, gates: dict[str, dict[str, float]], language: str
) -> None:
    items = [i for i in labelled if i.split == split and i.language == language]
    report = evaluate(core.router.route, items)
    print(f"\n{split} ({language}): {report.summary()}")
    if split == "test":
        for line in report.misleading:
            print("  misleading:", line)
    gate = gates[language]
    assert len(report.misleading) <= gate["misleading"], "more misleading replies than before"
    for group, least in gate.items():
        if group != "misleading":
            assert report.rate(group) >= least, group
