"""From a routing to an `Answer`: what to say, who says so, and where it comes from.

Pure: the same routing and fact base always give the same answer. Rendering to Telegram HTML
or plain text is `bot.render`'s job; this module decides content only.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from bot.factbase import Fact, FactBase, Meta, format_date
from bot.router import Intent, Routing


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Choice(_Frozen):
    """A question the reader can pick, e.g. as a button: `fact_id` answers it."""

    fact_id: str
    label: str


class Claim(_Frozen):
    """One fact as said by someone, with its citation."""

    fact_id: str
    title: str
    statement: str
    attribution: str
    said: str | None
    quote: str | None
    citation: str


class Differing(_Frozen):
    """Another figure for the same thing, shown side by side, and why the two differ."""

    claim: Claim
    why: str


class FactBlock(_Frozen):
    kind: Literal["fact"] = "fact"
    claim: Claim
    differing: tuple[Differing, ...] = ()
    earlier: tuple[Claim, ...] = ()
    unreported_figures: tuple[str, ...] = ()  # figures the question named that no source gives


class GapBlock(_Frozen):
    kind: Literal["gap"] = "gap"
    missing: str
    known: tuple[Choice, ...] = ()


class ClarifyBlock(_Frozen):
    kind: Literal["clarify"] = "clarify"
    choices: tuple[Choice, ...]


class _Scope(_Frozen):
    """What the bot covers and questions to try: said on a decline and on hello or help."""

    scope: str
    topics: tuple[str, ...]
    examples: tuple[Choice, ...]


class DeclineBlock(_Scope):
    kind: Literal["decline"] = "decline"


class NewsBlock(_Frozen):
    """A new development: `change` when it replaces an earlier report (shown in `fact.earlier`)."""

    kind: Literal["news"] = "news"
    date: str
    change: bool
    fact: FactBlock


class IntroBlock(_Scope):
    """Hello and help: what the bot is, then what it covers."""

    kind: Literal["intro"] = "intro"
    text: str


class NoteBlock(_Frozen):
    kind: Literal["note"] = "note"
    text: str


class SummaryBlock(_Frozen):
    """The story in a few attributed points, each one a fact of the fact base."""

    kind: Literal["summary"] = "summary"
    text: str
    points: tuple[Claim, ...]


class SourcesBlock(_Frozen):
    kind: Literal["sources"] = "sources"
    text: str
    citations: tuple[str, ...]


Block = (
    FactBlock
    | GapBlock
    | ClarifyBlock
    | DeclineBlock
    | NewsBlock
    | IntroBlock
    | NoteBlock
    | SummaryBlock
    | SourcesBlock
)


class Answer(_Frozen):
    question: str
    blocks: tuple[Block, ...]
    related: tuple[Choice, ...] = ()

    @property
    def fact_ids(self) -> tuple[str, ...]:
        blocks = (b.fact if isinstance(b, NewsBlock) else b for b in self.blocks)
        return tuple(b.claim.fact_id for b in blocks if isinstance(b, FactBlock))

    @property
    def answered(self) -> bool:
        """Anything but a polite decline: a fact, a gap, a "did you mean" or a meta reply."""
        return not all(isinstance(b, DeclineBlock) for b in self.blocks)

    @property
    def choices(self) -> tuple[Choice, ...]:
        return tuple(c for b in self.blocks if isinstance(b, ClarifyBlock) for c in b.choices)


def choice(fact: Fact) -> Choice:
    return Choice(fact_id=fact.id, label=fact.question)


def related_choices(factbase: FactBase, fact_ids: tuple[str, ...]) -> tuple[Choice, ...]:
    """The facts a fact or gap points readers to, as choices (ids that no longer exist are skipped)."""
    return tuple(choice(f) for r in fact_ids if (f := factbase.fact(r)) is not None)


def claim(factbase: FactBase, fact: Fact) -> Claim:
    said = f"on {format_date(fact.said_on)}" if fact.said_on else fact.when
    return Claim(
        fact_id=fact.id,
        title=fact.title,
        statement=fact.statement,
        attribution=fact.attribution,
        said=said,
        quote=fact.quote,
        citation=factbase.source(fact.source).citation(),
    )


def fact_block(factbase: FactBase, fact: Fact) -> FactBlock:
    """A fact, leading with the newest version of it and keeping the others in view."""
    newest = fact
    while (newer := factbase.superseded_by(newest.id)) is not None:
        newest = newer
    return _as_said(factbase, newest)


def _as_said(factbase: FactBase, newest: Fact) -> FactBlock:
    """One fact as it stands, with what it replaced and any figure that differs."""
    earlier: list[Claim] = []
    pending = list(newest.supersedes)
    while pending:
        old = factbase.fact(pending.pop(0))
        if old is not None and old.id not in {c.fact_id for c in earlier}:
            earlier.append(claim(factbase, old))
            pending.extend(old.supersedes)
    differing = tuple(
        Differing(claim=claim(factbase, other), why=c.why)
        for c in newest.conflicts_with
        if (other := factbase.fact(c.fact)) is not None
    )
    return FactBlock(claim=claim(factbase, newest), differing=differing, earlier=tuple(earlier))


def decline(factbase: FactBase) -> DeclineBlock:
    examples = tuple(choice(f) for f in _one_per_topic(factbase))
    return DeclineBlock(
        scope=factbase.story.title,
        topics=tuple(t.title for t in factbase.topics),
        examples=examples[:4],
    )


def _one_per_topic(factbase: FactBase) -> list[Fact]:
    firsts: list[Fact] = []
    for topic in factbase.topics:
        facts = factbase.topic_facts(topic.id)
        if facts:
            firsts.append(facts[0])
    return firsts


def _gap(factbase: FactBase, intent: Intent) -> GapBlock:
    """ "Not reported", and what the sources do report instead: never an empty no."""
    top = intent.top
    gap = factbase.gap(top.target) if top is not None and top.kind == "gap" else None
    if gap is not None:
        known = related_choices(factbase, gap.related)
        return GapBlock(missing=gap.missing, known=known)
    lexicon = factbase.lexicon
    names = [e.name for i in intent.uncovered_entities if (e := lexicon.entity(i)) is not None]
    typed = [f for f in factbase.facts if intent.asks in f.answers] if intent.asks else []
    if names:
        kinds = {e.id: e.kind for e in lexicon.entities}
        alike = {kinds.get(i) for i in intent.uncovered_entities}
        nearby = [f for f in typed if any(kinds.get(e) in alike for e in set(f.entities) - set(factbase.story.setting))]
        nearby = nearby or typed
        return GapBlock(missing=f"anything about {_join(names)} on this", known=tuple(_titled(f) for f in nearby[:4]))
    about = [f for f in factbase.facts if set(intent.named) & set(f.entities)]
    missing = lexicon.missing_text(intent.asks) if intent.asks else "that"
    reported = [f for f in about if f in typed] or about or typed or _one_per_topic(factbase)
    return GapBlock(missing=missing, known=tuple(_titled(f) for f in reported[:4]))


def _titled(fact: Fact) -> Choice:
    """A choice labelled with what the fact reports ("31 civilians killed"), for "what they do report"."""
    return Choice(fact_id=fact.id, label=fact.title)


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def compose(routing: Routing, factbase: FactBase) -> Answer:
    """One block per intent: a fact, a gap, a "did you mean", or a polite decline."""
    blocks: list[Block] = []
    related: list[Choice] = []
    for intent in routing.intents:
        top = intent.top
        if intent.decision == "answer" and top is not None and (fact := factbase.fact(top.target)):
            block = fact_block(factbase, fact).model_copy(update={"unreported_figures": intent.figures})
            blocks.append(block)
            related.extend(related_choices(factbase, fact.related))
        elif intent.decision == "gap":
            blocks.append(_gap(factbase, intent))
        elif intent.decision == "meta" and top is not None and (meta := factbase.meta_entry(top.target)):
            blocks.extend(meta_blocks(factbase, meta))
        elif intent.decision == "clarify" and intent.matches:
            facts = [f for m in intent.matches if (f := factbase.fact(m.target)) is not None]
            blocks.append(ClarifyBlock(choices=tuple(choice(f) for f in facts)))
        else:
            blocks.append(decline(factbase))
    answered = {b.claim.fact_id for b in blocks if isinstance(b, FactBlock)}
    unique_related = {c.fact_id: c for c in related if c.fact_id not in answered}
    return Answer(question=routing.question, blocks=tuple(blocks), related=tuple(unique_related.values())[:3])


TOPIC_SHOWN = 5  # facts a topic button shows in full; the next few become buttons


def topic_answer(factbase: FactBase, topic_id: str, *, shown: int = TOPIC_SHOWN) -> Answer | None:
    """A topic's first facts, for the topic buttons, and, when it has more, how to ask about the
    rest with a few of them as buttons: a topic of thousands of facts is still one or two messages.
    None for an unknown topic."""
    facts = factbase.topic_facts(topic_id)
    if not facts:
        return None
    blocks: list[Block] = [fact_block(factbase, f) for f in facts[:shown]]
    rest = facts[shown:]
    if rest:
        more = "1 more fact" if len(rest) == 1 else f"{len(rest)} more facts"
        blocks.append(NoteBlock(text=f"This topic has {more}: ask me about them in your own words, or pick one below."))
    return Answer(question=topic_id, blocks=tuple(blocks), related=tuple(choice(f) for f in rest[:3]))


def fact_answer(factbase: FactBase, fact_id: str) -> Answer | None:
    """The answer for one fact, as when a reader picks a "did you mean" button."""
    fact = factbase.fact(fact_id)
    if fact is None:
        return None
    related = related_choices(factbase, fact.related)
    return Answer(question=fact.question, blocks=(fact_block(factbase, fact),), related=related[:3])


def news_block(factbase: FactBase, fact: Fact) -> NewsBlock:
    said = format_date(fact.said_on) if fact.said_on else ""
    return NewsBlock(date=said, change=bool(fact.supersedes), fact=_as_said(factbase, fact))


def update_answer(factbase: FactBase, fact_id: str) -> Answer | None:
    """The short cited message a subscriber gets for one update; None if it is no longer one."""
    fact = factbase.fact(fact_id)
    if fact is None or not fact.new_development:
        return None
    return Answer(question=fact.question, blocks=(news_block(factbase, fact),))


def latest_answer(factbase: FactBase, *, count: int = 3) -> Answer:
    """The most recent updates, newest first; a gap when there are none since the first reports."""
    updates = factbase.updates()[:count]
    if updates:
        return Answer(question="latest", blocks=tuple(news_block(factbase, f) for f in updates))
    first = min(s.date for s in factbase.sources)
    known = tuple(choice(f) for f in _one_per_topic(factbase)[:4])
    return Answer(
        question="latest",
        blocks=(GapBlock(missing=f"any new development since the first reports of {format_date(first)}", known=known),),
    )


def meta_blocks(factbase: FactBase, meta: Meta) -> tuple[Block, ...]:
    """The reply to hello, thanks, help, "tl;dr", "source?" and "what's new", from the YAML's words."""
    if meta.reply == "intro":
        return (IntroBlock(text=meta.text, **decline(factbase).model_dump(include={"scope", "topics", "examples"})),)
    if meta.reply == "summary":
        points = tuple(claim(factbase, f) for i in meta.facts if (f := factbase.fact(i)) is not None)
        return (SummaryBlock(text=meta.text, points=points),)
    if meta.reply == "sources":
        return (SourcesBlock(text=meta.text, citations=tuple(s.citation() for s in factbase.sources)),)
    if meta.reply == "latest":
        return latest_answer(factbase).blocks
    return (NoteBlock(text=meta.text),)
