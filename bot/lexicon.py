"""Normalisation: turn the many ways people write a question into one canonical form.

The words themselves (misspellings, synonyms, Roman Urdu, entity names) are data in
`facts/lexicon.yaml`; this module only knows how to apply them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

_NOT_WORD = re.compile(r"[^a-z0-9]+")
_REPEATS = re.compile(r"(.)\1{2,}")
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_ACRONYM_DOT = re.compile(r"(?<=\b[a-z])\.(?=[a-z]\b)")
_ID = r"^[a-z0-9][a-z0-9-]*$"

EntityKind = Literal["country", "body", "place", "person", "group"]


class Entity(BaseModel):
    """Something a question can name; facts list the entities they speak about."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=_ID)
    kind: EntityKind
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = Field(min_length=1)


class Lexicon(BaseModel):
    """The data behind `normalise`; cached lookups are built once per fact-base version."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    phrases: dict[str, str] = {}
    words: dict[str, str] = {}
    stopwords: frozenset[str] = frozenset()
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
        return {self.normalise(a): e.id for e in self.entities for a in e.aliases}

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def normalise(self, text: str) -> str:
        """Fold, map phrases and words to canonical forms, drop stopwords."""
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
        found: list[str] = []
        for alias, entity_id in sorted(self.alias_to_entity.items(), key=lambda kv: -len(kv[0])):
            if alias and f" {alias} " in padded and entity_id not in found:
                found.append(entity_id)
                padded = padded.replace(f" {alias} ", " ")
        return tuple(found)


def fold(text: str) -> str:
    """Case, accents, punctuation, invisible characters and stretched letters folded away."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = _ACRONYM_DOT.sub("", _POSSESSIVE.sub("", stripped).replace("'", "").replace("\u2019", ""))
    collapsed = _REPEATS.sub(r"\1\1", _NOT_WORD.sub(" ", stripped))
    return " ".join(collapsed.split())


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Every word that occurs in some normalised text."""
    return frozenset(w for t in texts for w in t.split())
