"""The second opinion: which of the router's candidates the examples' telling words point to."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot import classifier as classifier_module
from bot.classifier import Classifier, fit, trained

EXAMPLES = {
    "civilians": ["civilians slain", "civilian deaths", "ordinary people killed", "innocent civilians dead"],
    "overall": ["how many people died in all", "total deaths", "overall toll", "all the dead together"],
    "claim": ["who claimed it", "which group claimed the attacks", "who took responsibility"],
}
TEXTS = tuple(t for examples in EXAMPLES.values() for t in examples)
OWNERS = tuple(owner for owner, examples in EXAMPLES.items() for _ in examples)


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return trained(TEXTS, OWNERS)


@pytest.mark.parametrize(("question", "owner"), [("civilians killed", "civilians"), ("deaths in total", "overall")])
def test_it_ranks_first_the_target_whose_telling_words_the_question_uses(
    classifier: Classifier, question: str, owner: str
) -> None:
    found = classifier.opinion(question)
    assert found is not None
    assert found[0] == owner and found[1] > 0


def test_one_target_has_nothing_to_tell_apart() -> None:
    assert trained(("who claimed it", "who did it"), ("claim", "claim")).opinion("who claimed it") is None


@pytest.mark.parametrize(
    "question",
    ["civilians killed", "Who CLAIMED   the attacks on civilians?", "a", "zzz", "", "کتنے لوگ مارے گئے", "145 ok"],
)
def test_its_decision_values_are_scikit_learn_s(question: str) -> None:
    """Our own analyzers and arithmetic over the fitted arrays give what scikit-learn computes."""
    features, model = fit((*TEXTS, "کتنے لوگ", "ok 145"), (*OWNERS, "overall", "claim"))
    expected = model.decision_function(features.transform([question]))[0]
    assert Classifier.from_model(features, model).decision(question) == pytest.approx(expected, abs=1e-9)


def test_a_process_on_the_same_examples_loads_the_cached_arrays_and_does_not_train(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = trained.__wrapped__(TEXTS, OWNERS, tmp_path)
    assert len(list(tmp_path.glob("classifier-*.npz"))) == 1

    def no_training(*_: object) -> None:
        raise AssertionError("trained again")

    monkeypatch.setattr(classifier_module, "fit", no_training)
    again = trained.__wrapped__(TEXTS, OWNERS, tmp_path)
    assert again.classes == first.classes
    assert np.allclose(again.decision("civilians killed"), first.decision("civilians killed"))


def test_other_examples_are_another_cache_entry(tmp_path: Path) -> None:
    trained.__wrapped__(TEXTS, OWNERS, tmp_path)
    trained.__wrapped__((*TEXTS, "who was behind it"), (*OWNERS, "claim"), tmp_path)
    assert len(list(tmp_path.glob("classifier-*.npz"))) == 2


def test_the_cache_keeps_only_the_most_recently_used_classifiers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every edit of the facts is a new entry: old ones are pruned, the one in use is kept."""
    monkeypatch.setattr(classifier_module, "CACHE_KEEP", 3)
    trained.__wrapped__(TEXTS, OWNERS, tmp_path)
    (first,) = tmp_path.glob("classifier-*.npz")
    for n in range(5):
        trained.__wrapped__((*TEXTS, f"who was behind it {n}"), (*OWNERS, "claim"), tmp_path)
        trained.__wrapped__(TEXTS, OWNERS, tmp_path)  # the facts in use, loaded again
    assert len(list(tmp_path.glob("classifier-*.npz"))) == 3
    assert first.exists()


def test_an_unreadable_cache_is_trained_again_and_replaced(tmp_path: Path) -> None:
    trained.__wrapped__(TEXTS, OWNERS, tmp_path)
    (cached,) = tmp_path.glob("classifier-*.npz")
    cached.write_bytes(b"not an npz file")
    again = trained.__wrapped__(TEXTS, OWNERS, tmp_path)
    opinion = again.opinion("civilians killed")
    assert opinion is not None and opinion[0] == "civilians"
    assert Classifier.load(cached).classes == again.classes


def test_a_cache_that_cannot_be_written_only_costs_training(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would go")
    found = trained.__wrapped__(TEXTS, OWNERS, blocked / "cache")
    opinion = found.opinion("civilians killed")
    assert opinion is not None and opinion[0] == "civilians"
