"""A second opinion on which target a question means, for the near-ties the router's rules leave.

Fuzzy scores rank sibling facts almost level ("how many people lost their lives": the overall
toll 93.1, the civilians 92.4), because they share most words. A linear model trained on every
example of every target weighs the few words that tell siblings apart ("people" against
"civilians"), and only those. The router asks which target it ranks first, and by how much, and
acts on that within its own rules: to settle a near-tie, to turn a "did you mean" into an answer or
a gap, to decline what it places among other subjects, and to answer what the rules declined only
when it is sure and we know the question's words (see `Router._decide`).

scikit-learn trains it (TF-IDF over words and character n-grams, a linear SVM). What it learns is
kept as plain arrays: a question is scored from the vocabularies, idf weights and coefficients
(0.05-0.2 ms, where scikit-learn's `transform` costs 2 ms), giving scikit-learn's decision values
exactly, and the arrays are cached on disk by the examples' hash, so a process starting on facts
it has seen does not import scikit-learn (1 s) or train (0.7 s) again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import math
import os
import re
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from sklearn.pipeline import FeatureUnion
    from sklearn.svm import LinearSVC

log = logging.getLogger(__name__)

WORD_NGRAMS = (1, 2)
LETTER_NGRAMS = (2, 5)
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern
FORMAT = 1  # of the cached arrays: a change to the features or the model needs a new one
CACHE_KEEP = 8  # cached classifiers kept, the most recently used: every edit of the facts makes a new one


def words(text: str) -> list[str]:
    """scikit-learn's word analyzer (lowercased tokens of two or more word characters, then bigrams)."""
    tokens = _TOKEN.findall(text.lower())
    low, high = WORD_NGRAMS
    grams = list(tokens) if low == 1 else []
    for n in range(max(2, low), min(high, len(tokens)) + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def letters(text: str) -> list[str]:
    """scikit-learn's `char_wb` analyzer: character n-grams inside each word padded with spaces."""
    grams: list[str] = []
    low, high = LETTER_NGRAMS
    for word in text.lower().split():
        padded = f" {word} "
        for n in range(low, high + 1):
            grams.extend(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
            if len(padded) <= n:
                break  # a short word counts once, at its full length
    return grams


_NOTHING = np.zeros(0)


@dataclass(frozen=True)
class Classifier:
    """What a trained model knows, as arrays; `opinion` is a pure function of the text. The default,
    with no classes, has no opinion."""

    classes: tuple[str, ...] = ()
    vocabularies: tuple[dict[str, int], dict[str, int]] = ({}, {})
    idf: tuple[np.ndarray, np.ndarray] = (_NOTHING, _NOTHING)
    coef: np.ndarray = field(default_factory=lambda: _NOTHING)
    intercept: np.ndarray = field(default_factory=lambda: _NOTHING)

    def decision(self, text: str) -> np.ndarray:
        """The model's decision value for each of `classes`, as scikit-learn's `decision_function` gives it."""
        columns: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        offset = 0
        for analyze, vocabulary, idf in zip((words, letters), self.vocabularies, self.idf, strict=True):
            counts = Counter(map(vocabulary.get, analyze(text)))
            counts.pop(None, None)
            if counts:
                found = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
                values = (1.0 + np.log(np.fromiter(counts.values(), dtype=float, count=len(counts)))) * idf[found]
                columns.append(found + offset)
                weights.append(values / math.sqrt(float(values @ values)))  # sublinear tf times idf, l2-normed
            offset += len(idf)
        if not columns:
            return self.intercept.copy()
        return np.asarray(np.concatenate(weights) @ self._by_feature[np.concatenate(columns)] + self.intercept)

    @functools.cached_property
    def _by_feature(self) -> np.ndarray:
        """The coefficients a feature to a row: a question's few features are then rows read whole."""
        return np.ascontiguousarray(self.coef.T)

    def opinion(self, text: str) -> tuple[str, float] | None:
        """The target the model ranks first and by how much it leads the second (a decision margin,
        about 0-2), or None when it has nothing to tell apart."""
        if len(self.classes) < 2:
            return None
        values = self.decision(text)
        first, second = np.argsort(-values)[:2]
        return self.classes[first], float(values[first] - values[second])

    @classmethod
    def from_model(cls, features: FeatureUnion, model: LinearSVC) -> Classifier:
        (_, word_vectorizer), (_, letter_vectorizer) = features.transformer_list
        coef = np.asarray(model.coef_)
        intercept = np.asarray(model.intercept_)
        if len(model.classes_) == 2:  # scikit-learn keeps one row for two classes: the second's side
            coef, intercept = np.vstack([-coef, coef]), np.concatenate([-intercept, intercept])
        return cls(
            classes=tuple(str(c) for c in model.classes_),
            vocabularies=(dict(word_vectorizer.vocabulary_), dict(letter_vectorizer.vocabulary_)),
            idf=(np.asarray(word_vectorizer.idf_), np.asarray(letter_vectorizer.idf_)),
            coef=coef,
            intercept=intercept,
        )

    def save(self, path: Path) -> None:
        """Plain arrays and JSON, written whole or not at all (`np.load` never unpickles them)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = json.dumps({"format": FORMAT, "classes": self.classes, "vocabularies": self.vocabularies})
        fd, scratch = tempfile.mkstemp(dir=path.parent, suffix=".npz")
        with os.fdopen(fd, "wb") as out:
            np.savez(
                out,
                meta=np.frombuffer(meta.encode("utf-8"), dtype=np.uint8),
                word_idf=self.idf[0],
                letter_idf=self.idf[1],
                coef=self.coef,
                intercept=self.intercept,
            )
        os.replace(scratch, path)

    @classmethod
    def load(cls, path: Path) -> Classifier:
        with np.load(path, allow_pickle=False) as data:
            meta: dict[str, Any] = json.loads(data["meta"].tobytes().decode("utf-8"))
            if meta.get("format") != FORMAT:
                raise ValueError(f"cached classifier format {meta.get('format')}, expected {FORMAT}")
            vocabularies = meta["vocabularies"]
            return cls(
                classes=tuple(meta["classes"]),
                vocabularies=(vocabularies[0], vocabularies[1]),
                idf=(data["word_idf"], data["letter_idf"]),
                coef=data["coef"],
                intercept=data["intercept"],
            )


def fit(texts: Sequence[str], owners: Sequence[str]) -> tuple[FeatureUnion, LinearSVC]:
    """scikit-learn's features and model for these examples (imported here: only training needs it)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion
    from sklearn.svm import LinearSVC

    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=WORD_NGRAMS, sublinear_tf=True)),
            ("letters", TfidfVectorizer(analyzer="char_wb", ngram_range=LETTER_NGRAMS, sublinear_tf=True)),
        ]
    )
    model = LinearSVC(C=1.0, random_state=0).fit(features.fit_transform(texts), owners)
    return features, model


@functools.lru_cache(maxsize=4)
def trained(texts: tuple[str, ...], owners: tuple[str, ...], cache_dir: Path | None = None) -> Classifier:
    """The classifier for these examples: remembered in this process, cached in `cache_dir` for the
    next one, trained when neither has it. A cache that cannot be read or written is only slower
    (logged at debug level: it is no fault, and start-up errors stay one line)."""
    if len(set(owners)) < 2:
        return Classifier()
    key = hashlib.sha256(json.dumps([FORMAT, texts, owners]).encode("utf-8")).hexdigest()[:32]
    path = cache_dir / f"classifier-{key}.npz" if cache_dir is not None else None
    try:
        if path is not None and path.is_file():
            classifier = Classifier.load(path)
            os.utime(path)  # recently used: kept when older ones are pruned
            return classifier
    except (OSError, ValueError, KeyError) as exc:
        log.debug("cached classifier %s unreadable (%s): training it again", path, exc)
    classifier = Classifier.from_model(*fit(texts, owners))
    if path is not None:
        try:
            classifier.save(path)
            _prune(path.parent)
        except OSError as exc:
            log.debug("cannot cache the classifier in %s (%s): the next start trains it again", cache_dir, exc)
    return classifier


def _prune(cache_dir: Path) -> None:
    """Keep the CACHE_KEEP most recently used classifiers: a bot whose facts are edited for months
    must not fill its disk with the versions it no longer routes on."""
    cached = sorted(cache_dir.glob("classifier-*.npz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in cached[CACHE_KEEP:]:
        stale.unlink(missing_ok=True)
