"""The second opinion: which of the router's candidates the examples' telling words point to."""

from __future__ import annotations

import pytest

from bot.classifier import Classifier

EXAMPLES = {
    "civilians": ["how many civilians died", "civilian deaths", "ordinary people killed", "innocent civilians dead"],
    "overall": ["how many people died in all", "total deaths", "overall toll", "all the dead together"],
    "claim": ["who claimed it", "which group claimed the attacks", "who took responsibility"],
}


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    texts = [t for examples in EXAMPLES.values() for t in examples]
    return Classifier(texts, [owner for owner, examples in EXAMPLES.items() for _ in examples])


@pytest.mark.parametrize(("question", "owner"), [("civilians killed", "civilians"), ("deaths in total", "overall")])
def test_it_prefers_the_target_whose_telling_words_the_question_uses(
    classifier: Classifier, question: str, owner: str
) -> None:
    assert classifier.prefers(question, ["civilians", "overall"], margin=0.0) == owner


def test_a_target_it_does_not_rank_first_is_no_preference(classifier: Classifier) -> None:
    assert classifier.prefers("civilians killed", ["overall", "claim"], margin=0.0) is None


def test_a_lead_below_the_margin_is_no_preference(classifier: Classifier) -> None:
    found = classifier.opinion("civilians killed")
    assert found is not None and found[1] > 0
    assert classifier.prefers("civilians killed", ["civilians"], margin=found[1] + 0.01) is None


def test_one_target_has_nothing_to_tell_apart() -> None:
    assert Classifier(["who claimed it", "who did it"], ["claim", "claim"]).opinion("who claimed it") is None


@pytest.mark.parametrize("question", ["civilians killed", "who claimed the attacks on civilians", "zzz", ""])
def test_its_fast_decision_values_are_scikit_learn_s(classifier: Classifier, question: str) -> None:
    assert classifier.model is not None
    expected = classifier.model.decision_function(classifier.features.transform([question]))[0]
    assert classifier.decision(question) == pytest.approx(expected, abs=1e-9)
