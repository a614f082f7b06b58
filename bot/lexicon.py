"""Normalisation: turn the many ways people write a question into one canonical form.

The words themselves (misspellings, synonyms, Roman Urdu, entity names, what a question asks
for) are data in `facts/lexicon.yaml`; this module only knows how to apply them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cached_property
from typing import Literal

from anyascii import anyascii
from pydantic import BaseModel, ConfigDict, Field

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_REPEATS = re.compile(r"([a-z])\1{2,}")  # letters only: "1000" is a number, "sooo" is not
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_ACRONYM_DOT = re.compile(r"(?<=\b[a-z])\.(?=[a-z]\b)")

EntityKind = Literal["country", "body", "place", "person", "group"]
AnswerType = Literal["identity", "count", "duration", "when", "where", "why", "who", "said"]


class Entity(BaseModel):
    """Something a question can name; facts list the entities they speak about."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    kind: EntityKind
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = Field(min_length=1)


class Asks(BaseModel):
    """One kind of thing a question can ask for, the words that show it, and how to say we lack it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: AnswerType
    cues: tuple[str, ...] = Field(min_length=1)
    unless: tuple[str, ...] = Field(default=(), description="words of the raw question that rule this kind out")
    missing: str = Field(min_length=1)


class Lexicon(BaseModel):
    """The data behind `normalise`; cached lookups are built once per fact-base version."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    phrases: dict[str, str] = {}
    words: dict[str, str] = {}
    stopwords: frozenset[str] = frozenset()
    splitters: tuple[str, ...] = ()
    asks: tuple[Asks, ...] = ()
    entities: tuple[Entity, ...] = ()

    @cached_property
    def _phrase_pattern(self) -> re.Pattern[str] | None:
        keys = sorted((fold(k) for k in self.phrases), key=len, reverse=True)
        if not keys:
            return None
        return re.compile(r"\b(" + "|".join(re.escape(k) for k in keys) + r")\b")

    @cached_property
    def _phrases(self) -> dict[str, str]:
        return {fold(k): fold(v) for k, v in self.phrases.items()}

    @cached_property
    def _words(self) -> dict[str, str]:
        return {fold(k): fold(v) for k, v in self.words.items()}

    @cached_property
    def alias_to_entity(self) -> dict[str, str]:
        """Normalised alias (one or more words) -> entity id."""
        return {self._map_words(a): e.id for e in self.entities for a in e.aliases}

    @cached_property
    def canonical_names(self) -> frozenset[str]:
        """The one form each entity takes in a normalised text (its first alias)."""
        return frozenset(self._map_words(e.aliases[0]) for e in self.entities if e.aliases)

    @cached_property
    def _canonical(self) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        """Every alias of an entity -> its first alias, so "new delhi" and "india" score alike."""
        names = {self._map_words(a): self._map_words(e.aliases[0]) for e in self.entities for a in e.aliases}
        names = {a: c for a, c in names.items() if a and c and a != c}
        if not names:
            return None, {}
        keys = sorted(names, key=len, reverse=True)
        return re.compile(r"(?<!\S)(" + "|".join(re.escape(k) for k in keys) + r")(?!\S)"), names

    @cached_property
    def _cues(self) -> tuple[tuple[AnswerType, tuple[str, ...]], ...]:
        return tuple((a.type, tuple(self.normalise(c) for c in a.cues)) for a in self.asks)

    @cached_property
    def cue_words(self) -> frozenset[str]:
        """Words that say what kind of answer is wanted, not what it is about."""
        return frozenset(w for _, cues in self._cues for c in cues for w in c.split())

    @cached_property
    def split_pattern(self) -> re.Pattern[str]:
        """Where one message asks two things; matched on the raw text, before normalisation."""
        words = [re.escape(s) for s in self.splitters if s.isalnum()]
        marks = [re.escape(s) for s in self.splitters if not s.isalnum()]
        alternatives = [r"\?+", *marks] + ([r"\b(?:" + "|".join(words) + r")\b"] if words else [])
        return re.compile("|".join(alternatives), re.IGNORECASE)

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def normalise(self, text: str) -> str:
        """Fold, map phrases, words and entity names to canonical forms, drop stopwords."""
        mapped = self._map_words(text)
        pattern, names = self._canonical
        return mapped if pattern is None else pattern.sub(lambda m: names[m.group(1)], mapped)

    def _map_words(self, text: str) -> str:
        folded = fold(text)
        if self._phrase_pattern is not None:
            folded = self._phrase_pattern.sub(lambda m: f" {self._phrases[m.group(1)]} ", folded)
        words: list[str] = []
        for word in folded.split():
            words.extend(self._words.get(word, word).split())
        return " ".join(w for w in words if w not in self.stopwords)

    def find_entities(self, normalised: str) -> tuple[str, ...]:
        """Entity ids named in an already normalised text, in order of first mention."""
        padded = f" {normalised} "
        found: list[tuple[int, str]] = []
        for alias, entity_id in sorted(self.alias_to_entity.items(), key=lambda kv: -len(kv[0])):
            at = padded.find(f" {alias} ") if alias else -1
            if at >= 0:
                if entity_id not in {e for _, e in found}:
                    found.append((at, entity_id))
                padded = padded.replace(f" {alias} ", " " * (len(alias) + 2))
        return tuple(e for _, e in sorted(found))

    def asks_for(self, normalised: str) -> tuple[AnswerType, ...]:
        """What kinds of answer an already normalised question asks for, most specific first."""
        padded = f" {normalised} "
        return tuple(t for t, cues in self._cues if any(f" {c} " in padded for c in cues if c))

    def speaker(self, normalised: str) -> str | None:
        """The entity right before a "said" cue ("what did india say" -> india), or None."""
        said = {c for t, cues in self._cues if t == "said" for c in cues if c and " " not in c}
        words = normalised.split()
        for i, word in enumerate(words[1:], start=1):
            if word in said:
                found = self.find_entities(words[i - 1])
                if found:
                    return found[0]
        return None

    def rules_out(self, answer_type: AnswerType, text: str) -> bool:
        """The raw question has a word that rules this kind out ("what did India" is no "what is India")."""
        unless = next((a.unless for a in self.asks if a.type == answer_type), ())
        return bool(set(fold(text).split()) & set(unless))

    def missing_text(self, answer_type: AnswerType) -> str:
        return next((a.missing for a in self.asks if a.type == answer_type), "that")


def fold(text: str) -> str:
    """Case, accents, punctuation, invisible characters and stretched letters folded away.

    Latin letters are transliterated (anyascii: "Søren" -> "soren", not "s ren"); digits stay whole."""
    decomposed = unicodedata.normalize("NFKC", text).casefold()
    latin = "".join(anyascii(c) if not c.isascii() and _is_latin(c) else c for c in decomposed)
    stripped = "".join(c for c in unicodedata.normalize("NFKD", latin) if not unicodedata.combining(c))
    stripped = _ACRONYM_DOT.sub("", _POSSESSIVE.sub("", stripped).replace("'", "").replace("\u2019", ""))
    collapsed = _REPEATS.sub(r"\1\1", _NOT_WORD.sub(" ", stripped.lower()))
    return " ".join(collapsed.split())


def _is_latin(char: str) -> bool:
    try:
        return unicodedata.name(char).startswith("LATIN")
    except ValueError:
        return False


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Every word that occurs in some normalised text."""
    return frozenset(w for t in texts for w in t.split())
