"""The intent router: from a question to ranked facts and a decision, with no Telegram in it.

A `Router` is built once per fact-base version: it normalises every example, remembers which
target (fact or gap) owns it, and builds the vocabulary used for typo repair. `route` then scores
a question against all examples in one `rapidfuzz.process.cdist` call.

Decisions, per intent:
- answer: one target clearly best (score >= answer, lead over the runner-up >= margin);
- clarify: some targets close (score >= suggest) but none clearly best: "did you mean";
- gap: on topic, but nothing in the sources answers it (an explicit gap entry, or an entity the
  facts do not cover, or an on-topic question that matches nothing);
- decline: off topic.
"""

from __future__ import annotations

import os
import re
import weakref
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, process, utils

from bot.factbase import FactBase
from bot.lexicon import fold, vocabulary

Decision = Literal["answer", "clarify", "gap", "decline"]
TargetKind = Literal["fact", "gap"]

# Where a message asks two things. Split on the raw text, before normalisation eats the cues.
# Names weigh little when scoring: whether a fact covers a named entity is checked separately,
# and a name must not pull a question towards the one fact that happens to mention it.
NAME_WEIGHT = 0.25
SPECIFIC_BONUS = 5.0
WEAK_ANCHORS = frozenset({"attack", "militant"})  # on topic only with no outside entity named
PARALLEL_FROM = 50_000  # examples from which one question is scored on every core
REACTION_WORDS = frozenset({"say", "response", "condemn", "reaction", "think"})
_SPLIT = re.compile(r"\?+|;|&|\band\b|\baur\b|\balso\b|\bplus\b", re.IGNORECASE)


class Thresholds(BaseModel):
    """Confidence cut-offs (0-100). Chosen by measurement: see README, "How thresholds were chosen"."""

    model_config = ConfigDict(frozen=True)

    answer: float = Field(default=60.0, ge=0, le=100)
    margin: float = Field(default=4.0, ge=0, le=100)
    suggest: float = Field(default=45.0, ge=0, le=100)
    keyword_weight: float = Field(default=0.4, ge=0, le=1)
    unknown_word_penalty: float = Field(default=0.5, ge=0, le=1)
    typo_cutoff: float = Field(default=80.0, ge=0, le=100)


class Match(BaseModel):
    model_config = ConfigDict(frozen=True)

    target: str
    kind: TargetKind
    score: float


class Intent(BaseModel):
    """One question inside a message, and what to do about it."""

    model_config = ConfigDict(frozen=True)

    text: str
    decision: Decision
    matches: tuple[Match, ...] = ()
    uncovered_entities: tuple[str, ...] = ()

    @property
    def top(self) -> Match | None:
        return self.matches[0] if self.matches else None


class Routing(BaseModel):
    model_config = ConfigDict(frozen=True)

    question: str
    normalised: str
    intents: tuple[Intent, ...]

    @property
    def answered(self) -> bool:
        """False only when every intent was declined as off topic."""
        return any(i.decision != "decline" for i in self.intents)

    @property
    def score(self) -> float:
        return max((i.top.score for i in self.intents if i.top is not None), default=0.0)


class Router:
    """Precomputed choices for one fact-base version; `route` is a pure function of the text."""

    def __init__(self, factbase: FactBase, *, thresholds: Thresholds | None = None) -> None:
        self.factbase = factbase
        self.thresholds = thresholds or Thresholds()
        lexicon = factbase.lexicon
        self._targets: list[tuple[str, TargetKind, frozenset[str]]] = []
        choices: list[str] = []
        bags: list[str] = []
        starts: list[int] = []
        for fact in factbase.facts:
            starts.append(len(choices))
            choices.extend(lexicon.normalise(t) for t in (fact.question, *fact.examples))
            bags.append(lexicon.normalise(f"{fact.title} {fact.attribution}"))
            self._targets.append((fact.id, "fact", frozenset(fact.entities)))
        for gap in factbase.gaps:
            starts.append(len(choices))
            choices.extend(lexicon.normalise(t) for t in gap.examples)
            bags.append(lexicon.normalise(gap.missing))
            self._targets.append((gap.id, "gap", frozenset()))
        self._choices = choices
        # token_sort_ratio is ratio over sorted words: sort each example's words once, here, so a
        # question costs one C call of plain `ratio` over all of them.
        self._sorted = [_sort_words(c) for c in choices]
        # A single cdist row runs on one core; a very large fact base is scored in slices, one per core.
        cores = os.cpu_count() or 1
        self._slices: list[list[str]] = []
        self._pool: ThreadPoolExecutor | None = None
        if len(choices) >= PARALLEL_FROM and cores > 1:
            step = -(-len(choices) // cores)
            self._slices = [self._sorted[i : i + step] for i in range(0, len(choices), step)]
            self._pool = ThreadPoolExecutor(cores, thread_name_prefix="router")
            weakref.finalize(self, self._pool.shutdown, wait=False)
        self._starts = np.array(starts, dtype=np.intp)
        self._is_fact = np.array([kind == "fact" for _, kind, _ in self._targets], dtype=bool)
        entity_ids = {e for _, _, covers in self._targets for e in covers}
        self._covered_by = {e: np.array([e in c for _, _, c in self._targets], dtype=bool) for e in entity_ids}
        self._postings, self._idf = _keyword_index(choices, self._starts, bags)
        self._setting = frozenset(factbase.story.setting)
        self._in_story = frozenset(e for f in factbase.facts for e in f.entities) | self._setting
        statements = [lexicon.normalise(f"{f.title} {f.statement}") for f in factbase.facts]
        self._vocabulary = vocabulary([*choices, *statements, *lexicon.alias_to_entity])
        raw_texts = [
            *(t for f in factbase.facts for t in (f.title, f.statement, f.question, *f.examples)),
            *(t for g in factbase.gaps for t in g.examples),
            *lexicon.phrases,
            *lexicon.words,
            *lexicon.stopwords,
            *(a for e in lexicon.entities for a in e.aliases),
        ]
        self._known_raw = vocabulary(fold(t) for t in raw_texts) | self._vocabulary
        self._typo_words = sorted(w for w in self._known_raw if len(w) >= 4 and not w.isdigit())
        self._anchors = frozenset(lexicon.normalise(a) for a in factbase.story.anchors)
        self._specific = np.array([len(c - self._setting) for _, _, c in self._targets], dtype=float)
        self._entity_words = frozenset(w for a in lexicon.alias_to_entity for w in a.split())

    @property
    def choice_count(self) -> int:
        return len(self._choices)

    @property
    def choices(self) -> list[str]:
        """Every normalised example (and fact question), facts first, in the fact base's order."""
        return list(self._choices)

    def route(self, question: str) -> Routing:
        """Route a whole message, answering each part of a two-part question separately."""
        parts = [p for p in _SPLIT.split(question) if p.strip()]
        if len(parts) > 1:
            intents = [self._route_one(p) for p in parts]
            confident = [i for i in intents if i.decision in ("answer", "gap") and i.top is not None]
            targets = {i.top.target for i in confident if i.top is not None}
            if len(targets) >= 2 and len(confident) == len([i for i in intents if i.decision != "decline"]):
                unique: dict[str, Intent] = {}
                for intent in confident:
                    if intent.top is not None:
                        unique.setdefault(intent.top.target, intent)
                return Routing(
                    question=question,
                    normalised=self.normalise(question),
                    intents=tuple(unique.values()),
                )
        return Routing(question=question, normalised=self.normalise(question), intents=(self._route_one(question),))

    def normalise(self, text: str) -> str:
        """Repair words we do not know but nearly do, then apply the lexicon."""
        repaired = " ".join(self._repair(w) for w in fold(text).split())
        return self.factbase.lexicon.normalise(repaired)

    def _repair(self, word: str) -> str:
        if word in self._known_raw or len(word) < 4 or word.isdigit():
            return word
        best = process.extractOne(word, self._typo_words, scorer=fuzz.ratio, score_cutoff=self.thresholds.typo_cutoff)
        return word if best is None else str(best[0])

    def _route_one(self, text: str) -> Intent:
        norm = self.normalise(text)
        words = norm.split()
        if not words:
            return Intent(text=text, decision="decline")
        lexicon = self.factbase.lexicon
        named = [e for e in lexicon.find_entities(norm) if e not in self._setting]
        scores = self._target_scores(norm, words)
        t = self.thresholds

        best_any = int(np.argmax(scores)) if len(scores) else None
        top = self._top(scores, named)
        lead = top[0].score - (top[1].score if len(top) > 1 else 0.0) if top else 0.0
        unknown = self._unknown_share(words)
        borrowed = (
            named
            and best_any is not None
            and top
            and self._targets[best_any][0] != top[0].target
            and scores[best_any] - top[0].score >= t.margin
            and scores[best_any] >= t.suggest
        )
        if borrowed:
            # The question matches a fact that does not cover the entity it names: never borrow it.
            return self._no_match(text, words, named, scores, matched=True)
        if any(w.isdigit() and w not in self._vocabulary for w in words):
            # A number our facts do not have (a year, another toll): about something else.
            return self._no_match(text, words, named, scores, specific=True)

        if top and (
            (top[0].score >= t.answer and lead >= t.margin)
            or (top[0].score >= t.suggest and lead >= 2 * t.margin and unknown == 0)
        ):
            decision: Decision = "answer" if top[0].kind == "fact" else "gap"
            return Intent(text=text, decision=decision, matches=top)
        if unknown >= 0.5:
            return Intent(text=text, decision="decline")
        if top and top[0].score >= t.suggest:
            if top[0].kind == "gap":
                return Intent(text=text, decision="gap", matches=top[:1])
            close = tuple(
                m for m in top if m.kind == "fact" and m.score >= t.suggest and top[0].score - m.score < 2 * t.margin
            )
            return Intent(text=text, decision="clarify", matches=close)
        return self._no_match(text, words, named, scores)

    def _no_match(
        self,
        text: str,
        words: list[str],
        named: list[str],
        scores: np.ndarray,
        *,
        matched: bool = False,
        specific: bool = False,
    ) -> Intent:
        """Nothing answers it: a gap if the question is about this story, else a decline.

        `matched`: the words matched a fact well, but it does not cover an entity named.
        `specific`: the question names a number our facts do not have.
        """
        outside = [e for e in named if e not in self._in_story]
        phrase = f" {' '.join(words)} "
        strong = any(f" {a} " in phrase for a in self._anchors - WEAK_ANCHORS)
        if specific and not strong:
            return Intent(text=text, decision="decline")
        rest = [w for w in words if w not in self._entity_words and w not in REACTION_WORDS | {"what", "who"}]
        people = {e.id for e in self.factbase.lexicon.entities if e.kind == "person"}
        if named and not outside and set(named) <= people and not rest:
            # "what did <someone in the story> say": offer what the sources attribute to them.
            covering = self._top(scores, named, bonus=False, facts_only=True)
            return Intent(text=text, decision="clarify", matches=covering)
        if named and not outside and (matched or strong or len(words) > len(named)):
            return Intent(text=text, decision="gap", uncovered_entities=tuple(named))
        if outside:
            kinds = {e.kind for e in self.factbase.lexicon.entities if e.id in outside}
            asks_reaction = bool(REACTION_WORDS & set(words)) and kinds <= {"country", "body", "person"}
            if strong or asks_reaction:
                return Intent(text=text, decision="gap", uncovered_entities=tuple(outside))
            return Intent(text=text, decision="decline")
        if strong or any(f" {a} " in phrase for a in self._anchors):
            return Intent(text=text, decision="gap")
        return Intent(text=text, decision="decline")

    def _top(
        self, scores: np.ndarray, named: list[str], *, bonus: bool = True, facts_only: bool = False, count: int = 3
    ) -> tuple[Match, ...]:
        """The best targets that may answer: a fact must cover every entity named, a gap must be
        about this story. Ties (at one decimal) go to the earlier target, as in the fact files."""
        eligible = np.ones(len(scores), dtype=bool)
        for entity in named:
            eligible &= self._covered_by.get(entity, np.zeros(len(scores), dtype=bool)) | ~self._is_fact
        if facts_only or not set(named) <= self._in_story:
            eligible &= self._is_fact
        adjusted = np.where(eligible, scores, -np.inf)
        if named and bonus:
            # Prefer the fact about exactly what was named over a round-up that also names it.
            share = len(named) / np.maximum(self._specific, len(named))
            adjusted = adjusted + np.where(self._is_fact, SPECIFIC_BONUS * share, 0.0)
        finite = int(np.isfinite(adjusted).sum())
        if finite == 0:
            return ()
        k = min(count, finite)
        kth = np.partition(adjusted, len(adjusted) - k)[len(adjusted) - k]
        near = np.flatnonzero(adjusted >= kth - 0.1)  # anything that could round level with the k-th
        ranked = sorted(near.tolist(), key=lambda i: (-round(float(adjusted[i]), 1), i))[:k]
        return tuple(
            Match(target=self._targets[i][0], kind=self._targets[i][1], score=round(float(adjusted[i]), 1))
            for i in ranked
        )

    def _target_scores(self, norm: str, words: list[str]) -> np.ndarray:
        """Best score of each target over its examples, discounted for words we do not know."""
        query = [_sort_words(norm)]

        def score(part: list[str]) -> np.ndarray:
            row: np.ndarray = process.cdist(query, part, scorer=fuzz.ratio, dtype=np.float32)[0]
            return row

        raw = np.concatenate(list(self._pool.map(score, self._slices))) if self._pool else score(self._sorted)
        fuzzy = np.maximum.reduceat(raw, self._starts)
        keywords = np.zeros(len(self._targets))
        weights = [(w, NAME_WEIGHT if w in self._entity_words else self._idf.get(w, 0.0)) for w in dict.fromkeys(words)]
        for word, idf in weights:
            if word in self._postings:
                keywords[self._postings[word]] += idf
        total = sum(idf for _, idf in weights) or 1.0
        k = self.thresholds.keyword_weight
        per_target = (1.0 - k) * fuzzy + k * 100.0 * keywords / total
        return per_target * (1.0 - self.thresholds.unknown_word_penalty * self._unknown_share(words))

    def _unknown_share(self, words: list[str]) -> float:
        """How much of the question (by characters, entity names aside) we have no word for."""
        plain = [w for w in words if w not in self._entity_words]
        unknown = sum(len(w) for w in plain if w not in self._vocabulary)
        return unknown / max(1, sum(len(w) for w in plain))


def _sort_words(text: str) -> str:
    return " ".join(sorted(utils.default_process(text).split()))


def _keyword_index(
    choices: list[str], starts: np.ndarray, bags: list[str]
) -> tuple[dict[str, np.ndarray], dict[str, float]]:
    """Which targets use each word, and how rare the word is among targets (idf)."""
    bounds = [*starts.tolist(), len(choices)]
    owners: dict[str, list[int]] = {}
    for target in range(len(starts)):
        texts = [*choices[bounds[target] : bounds[target + 1]], bags[target]]
        words = {w for c in texts for w in c.split()}
        for word in words:
            owners.setdefault(word, []).append(target)
    count = len(starts)
    idf = {w: float(np.log((1 + count) / (1 + len(t)))) + 1.0 for w, t in owners.items()}
    return {w: np.array(t, dtype=np.intp) for w, t in owners.items()}, idf
