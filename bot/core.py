"""One fact-base version with its router, and the few questions the chat layer may ask of it.

The chat layer talks to the facts only through `Core`'s methods and the small frozen models
here, so it never reads a fact's fields or the router's internals, and never decides on its own
how sure an answer is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from bot.answers import Answer, Choice, compose, decline, fact_answer, latest_answer, topic_answer, update_answer
from bot.factbase import FactBase, Topic, load
from bot.render import render
from bot.router import Router, Routing, Thresholds


class Reply(BaseModel):
    """The answer to a question, and how the question is counted for the operators."""

    model_config = ConfigDict(frozen=True)

    answer: Answer
    counted_as: str  # the normalised text questions are counted by; no user data
    sure: bool  # every part got a fact or a meta reply (hello, thanks, tl;dr...)


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

    def ask(self, question: str) -> tuple[Routing, Answer]:
        routing = self.router.route(question)
        return routing, compose(routing, self.factbase)

    def reply(self, question: str) -> Reply:
        routing, answer = self.ask(question)
        return Reply(answer=answer, counted_as=routing.normalised or "(empty)", sure=routing.confident)

    def counted_as(self, question: str) -> str:
        """How a question is counted when the reader tells us no offered answer fits."""
        return self.router.normalise(question)

    def examples(self) -> tuple[Choice, ...]:
        """A few questions to try, one per topic."""
        return decline(self.factbase).examples

    def fact_answer(self, fact_id: str) -> Answer | None:
        return fact_answer(self.factbase, fact_id)

    def topic_answer(self, topic_id: str) -> Answer | None:
        return topic_answer(self.factbase, topic_id)

    def latest_answer(self) -> Answer:
        return latest_answer(self.factbase)

    def update_answer(self, fact_id: str) -> Answer | None:
        return update_answer(self.factbase, fact_id)

    def update_ids(self) -> list[str]:
        """The ids of every update, oldest first: the order subscribers get them."""
        return [f.id for f in reversed(self.factbase.updates())]

    @property
    def title(self) -> str:
        return self.factbase.story.title

    @property
    def topics(self) -> tuple[Topic, ...]:
        return self.factbase.topics

    def citations(self) -> list[str]:
        return [s.citation() for s in self.factbase.sources]

    @property
    def version(self) -> str:
        return self.factbase.version

    @property
    def fact_count(self) -> int:
        return len(self.factbase.facts)

    def inline_results(self, query: str) -> list[InlineResult]:
        """A result per fact the query leads to (or the examples, for an empty query); when none,
        one result that says so."""
        answer: Answer | None = None
        if query:
            _, answer = self.ask(query)
            fact_ids = list(answer.fact_ids) or [c.fact_id for c in answer.choices]
        else:
            fact_ids = [c.fact_id for c in self.examples()]
        results: list[InlineResult] = []
        for fact_id in dict.fromkeys(fact_ids):
            single = self.fact_answer(fact_id)
            fact = self.factbase.fact(fact_id)
            if single is None or fact is None:
                continue
            description = f"{fact.statement[:90]}… ({fact.attribution})"
            results.append(InlineResult(id=fact_id[:64], title=fact.title, description=description, answer=single))
        if not results and answer is not None:
            results.append(
                InlineResult(
                    id="no-answer",
                    title="Not in our sources" if answer.answered else "Outside what I cover",
                    description=render(answer, style="plain")[0][:100],
                    answer=answer,
                )
            )
        return results


def build_core(facts_dir: Path, *, thresholds: Thresholds | None = None) -> Core:
    """Load, validate and index the facts; raises `FactBaseError` and leaves nothing half-built."""
    factbase = load(facts_dir)
    return Core(factbase=factbase, router=Router(factbase, thresholds=thresholds))


class ServingCore:
    """The core being served: handlers read `current` once per update; a reload replaces it whole."""

    def __init__(self, core: Core) -> None:
        self.current = core
