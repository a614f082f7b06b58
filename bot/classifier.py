"""A second opinion on which target a question means, for the near-ties the router's rules leave.

Fuzzy scores rank sibling facts almost level ("how many people lost their lives": the overall
toll 93.1, the civilians 92.4), because they share most words. A linear model trained on every
example of every target weighs the few words that tell siblings apart ("people" against
"civilians"), and only those. It never decides whether a question is answered at all: the router
asks it to pick among candidates its own rules have already let through.

scikit-learn trains it (TF-IDF over words and character n-grams, a linear SVM) in a fraction of a
second when a fact base is built. Scoring one question goes around scikit-learn's `transform`,
whose per-call overhead (about 2 ms) is most of a question's budget: the fitted vocabularies,
idf weights and coefficients give the same decision values in a few tens of microseconds.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion
from sklearn.svm import LinearSVC


def _features() -> FeatureUnion:
    return FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
            ("letters", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
        ]
    )


@functools.lru_cache(maxsize=4)
def trained(texts: tuple[str, ...], owners: tuple[str, ...]) -> Classifier:
    """A classifier for these examples. Training is a pure function of them, and a reload that leaves
    a language's examples as they were (or a test that builds the same facts again) reuses it."""
    return Classifier(texts, owners)


class Classifier:
    """Trained once per fact-base version and language; `opinion` is a pure function of the text."""

    def __init__(self, texts: Sequence[str], owners: Sequence[str]) -> None:
        self.features = _features()
        self.model: LinearSVC | None = None
        self._parts: list[tuple[Callable[[str], list[str]], dict[str, int], np.ndarray, int]] = []
        if len(set(owners)) < 2:
            return
        self.model = LinearSVC(C=1.0, random_state=0).fit(self.features.fit_transform(texts), owners)
        offset = 0
        for _, vectorizer in self.features.transformer_list:
            self._parts.append((vectorizer.build_analyzer(), vectorizer.vocabulary_, vectorizer.idf_, offset))
            offset += len(vectorizer.idf_)
        self._classes = [str(c) for c in self.model.classes_]
        self._coef = np.asarray(self.model.coef_)
        self._intercept = np.asarray(self.model.intercept_)

    def decision(self, text: str) -> np.ndarray:
        """The model's decision value for each class (`model.classes_`), as `decision_function` gives it."""
        columns: list[int] = []
        weights: list[float] = []
        for analyze, vocabulary, idf, offset in self._parts:
            counts = Counter(i for term in analyze(text) if (i := vocabulary.get(term)) is not None)
            values = [(1.0 + math.log(n)) * idf[i] for i, n in counts.items()]  # sublinear tf times idf
            norm = math.sqrt(sum(v * v for v in values)) or 1.0
            columns.extend(offset + i for i in counts)
            weights.extend(v / norm for v in values)
        return np.asarray(self._coef[:, columns] @ np.array(weights) + self._intercept)

    def opinion(self, text: str) -> tuple[str, float] | None:
        """The target the model ranks first and by how much it leads the second (a decision margin,
        about 0-2), or None when it has nothing to tell apart."""
        if self.model is None:
            return None
        values = self.decision(text)
        first, second = np.argsort(-values)[:2]
        return self._classes[first], float(values[first] - values[second])

    def prefers(self, text: str, among: Sequence[str], *, margin: float) -> str | None:
        """Which of `among` the model ranks first of all targets by at least `margin`; None means
        it does not clearly prefer any of them."""
        found = self.opinion(text)
        if found is None:
            return None
        best, lead = found
        return best if best in among and lead >= margin else None
