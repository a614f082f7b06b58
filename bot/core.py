"""One fact-base version with its router, and the few questions the chat layer may ask of it.

The chat layer talks to the facts only through `Core`'s methods and the small frozen models
here, so it never reads a fact's fields or the router's internals, and never decides on its own
how sure an answer is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from bot.answers import (
    Answer,
    Choice,
    citation,
    compose,
    decline,
    fact_answer,
    latest_answer,
    topic_answer,
    update_answer,
)
from bot.factbase import FactBase, Topic, load
from bot.language import Language, script_language
from bot.phrases import phrases
from bot.render import render
from bot.router import Router, Routing
from bot.thresholds import Thresholds


class Reply(BaseModel):
    """The answer to a question, and how the question is counted for the operators."""

    model_config = ConfigDict(frozen=True)

    answer: Answer
    counted_as: str  # the normalised text questions are counted by; no user data
    sure: bool  # every part got a fact or a meta reply (hello, thanks, tl;dr...)
    asked: str | None = None  # the story question answered, normalised, to read a follow-up with


class InlineResult(BaseModel):
    """One result offered in inline mode: a short preview and the answer it sends."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    description: str
    answer: Answer


@dataclass(frozen=True)
class Core:
    """One fact-base version and the router built for it; never changes, a reload builds a new one."""

    factbase: FactBase
    router: Router

    def ask(
        self, question: str, language: Language | None = None, *, previous: str | None = None
    ) -> tuple[Routing, Answer]:
        """The routing and the answer, in `language`, or else in the language of the question's script;
        a follow-up ("and in noshki?") is read with the asker's `previous` question."""
        routing = self.router.route(question, previous=previous)
        return routing, compose(routing, self.factbase, language or script_language(question) or "en")

    def reply(self, question: str, language: Language, *, previous: str | None = None) -> Reply:
        routing, answer = self.ask(question, language, previous=previous)
        # Only a question about the story is one a follow-up leans on, not "thanks" or "hello".
        about_story = any(i.decision in ("answer", "gap", "clarify") for i in routing.intents)
        asked = self.router.normalise(routing.asked) if about_story else None
        return Reply(answer=answer, counted_as=routing.normalised or "(empty)", sure=routing.confident, asked=asked)

    def counted_as(self, question: str) -> str:
        """How a question is counted when the reader tells us no offered answer fits."""
        return self.router.normalise(question)

    def examples(self, language: Language) -> tuple[Choice, ...]:
        """A few questions to try, one per topic."""
        return decline(self.factbase, language).examples

    def fact_answer(self, fact_id: str, language: Language) -> Answer | None:
        return fact_answer(self.factbase, fact_id, language)

    def topic_answer(self, topic_id: str, language: Language) -> Answer | None:
        return topic_answer(self.factbase, topic_id, language)

    def latest_answer(self, language: Language) -> Answer:
        return latest_answer(self.factbase, language)

    def update_answer(self, fact_id: str, language: Language) -> Answer | None:
        return update_answer(self.factbase, fact_id, language)

    def update_ids(self) -> list[str]:
        """The ids of every update, oldest first: the order subscribers get them."""
        return [f.id for f in reversed(self.factbase.updates())]

    def title(self, language: Language) -> str:
        return self.factbase.story_text(language).title

    def topics(self, language: Language) -> tuple[Topic, ...]:
        return tuple(Topic(id=t.id, title=self.factbase.topic_title(t, language)) for t in self.factbase.topics)

    def citations(self, language: Language) -> list[str]:
        return [citation(s, language) for s in self.factbase.sources]

    @property
    def version(self) -> str:
        return self.factbase.version

    @property
    def fact_count(self) -> int:
        return len(self.factbase.facts)

    def inline_results(self, query: str, language: Language) -> list[InlineResult]:
        """A result per fact the query leads to (or the examples, for an empty query); when none,
        one result that says so."""
        answer: Answer | None = None
        if query:
            _, answer = self.ask(query, language)
            fact_ids = list(answer.fact_ids) or [c.fact_id for c in answer.choices]
        else:
            fact_ids = [c.fact_id for c in self.examples(language)]
        results: list[InlineResult] = []
        for fact_id in dict.fromkeys(fact_ids):
            single = self.fact_answer(fact_id, language)
            fact = self.factbase.fact(fact_id)
            if single is None or fact is None:
                continue
            text = self.factbase.fact_text(fact, language)
            description = f"{text.statement[:90]}… ({text.attribution})"
            results.append(InlineResult(id=fact_id[:64], title=text.title, description=description, answer=single))
        if not results and answer is not None:
            say = phrases(language)
            results.append(
                InlineResult(
                    id="no-answer",
                    title=say.not_in_sources if answer.answered else say.outside,
                    description=render(answer, style="plain")[0][:100],
                    answer=answer,
                )
            )
        return results


def build_core(facts_dir: Path, *, thresholds: Thresholds | None = None, cache_dir: Path | None = None) -> Core:
    """Load, validate and index the facts; raises `FactBaseError` and leaves nothing half-built.
    `cache_dir` keeps the router's trained classifier for the next process on the same facts."""
    factbase = load(facts_dir)
    return Core(factbase=factbase, router=Router(factbase, thresholds=thresholds, cache_dir=cache_dir))


class ServingCore:
    """The core being served: handlers read `current` once per update; a reload replaces it whole."""

    def __init__(self, core: Core) -> None:
        self.current = core
