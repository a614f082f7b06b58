"""A second opinion on which target a question means, for the near-ties the router's rules leave.

Fuzzy scores rank sibling facts almost level ("how many people lost their lives": the overall
toll 93.1, the civilians 92.4), because they share most words. A linear model trained on every
example of every target weighs the few words that tell siblings apart ("people" against
"civilians"), and only those. It never decides whether a question is answered at all: the router
asks it to pick among candidates its own rules have already let through, or to object to an answer.

scikit-learn does the job (TF-IDF over words and character n-grams, a linear SVM); it trains in a
fraction of a second when a fact base is built.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion
from sklearn.svm import LinearSVC


class Classifier:
    """Trained once per fact-base version and language; `opinion` is a pure function of the text."""

    def __init__(self, texts: Sequence[str], owners: Sequence[str]) -> None:
        self._features = FeatureUnion(
            [
                ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
                ("letters", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
            ]
        )
        self._model: LinearSVC | None = None
        self._only = owners[0] if len(set(owners)) == 1 else None
        if self._only is None and texts:
            self._model = LinearSVC(C=1.0, random_state=0).fit(self._features.fit_transform(texts), owners)

    def opinion(self, text: str) -> tuple[str, float] | None:
        """The target the model ranks first and by how much it leads the second (a decision margin,
        about 0-2), or None when it has nothing to tell apart."""
        if self._model is None:
            return None
        values = self._model.decision_function(self._features.transform([text]))[0]
        first, second = np.argsort(-values)[:2]
        return str(self._model.classes_[first]), float(values[first] - values[second])

    def prefers(self, text: str, among: Sequence[str], *, margin: float) -> str | None:
        """Which of `among` the model ranks first of all targets by at least `margin`; None means
        it does not clearly prefer any of them."""
        found = self.opinion(text)
        if found is None:
            return None
        best, lead = found
        return best if best in among and lead >= margin else None
