"""From a routing to an `Answer`: what to say, who says so, and where it comes from.

Pure: the same routing and fact base always give the same answer. Rendering to Telegram HTML
or plain text is `bot.render`'s job; this module decides content only.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from bot.factbase import Fact, FactBase, Meta, Source
from bot.language import Language
from bot.lexicon import days_of_month
from bot.phrases import phrases
from bot.router import Intent, Routing


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Choice(_Frozen):
    """A question the reader can pick, e.g. as a button: `fact_id` answers it."""

    fact_id: str
    label: str


class Claim(_Frozen):
    """One fact as said by someone, with its citation, in the answer's language. A quote is always
    the source's own words; in Urdu, our translation of it comes with it."""

    fact_id: str
    title: str
    statement: str
    attribution: str
    said: str | None
    quote: str | None
    citation: str
    quote_translation: str | None = None


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
    unreported_days: tuple[str, ...] = ()  # days of the month it named ("was it on jan 30?"), the same
    unnamed: tuple[str, ...] = ()  # names of places it asked of that no source names ("was turbat attacked")
    uncounted: tuple[str, ...] = ()  # forces it asked of that the figure counts with others ("how many police")
    unblamed: tuple[str, ...] = ()  # names it said the speaker blamed, whom nothing they said is about


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
    language: Language = "en"

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


def choice(factbase: FactBase, fact: Fact, language: Language) -> Choice:
    return Choice(fact_id=fact.id, label=factbase.fact_text(fact, language).question)


def related_choices(factbase: FactBase, fact_ids: tuple[str, ...], language: Language) -> tuple[Choice, ...]:
    """The facts a fact or gap points readers to, as choices (ids that no longer exist are skipped)."""
    return tuple(choice(factbase, f, language) for r in fact_ids if (f := factbase.fact(r)) is not None)


def citation(source: Source, language: Language) -> str:
    """Publisher, headline and date; the headline stays as the source wrote it."""
    say = phrases(language)
    publisher = source.publisher
    if source.with_input_from:
        publisher = say.with_input_from.format(publisher=publisher, input=source.with_input_from)
    return say.citation.format(publisher=publisher, title=source.title, date=say.format_date(source.date))


def claim(factbase: FactBase, fact: Fact, language: Language) -> Claim:
    text = factbase.fact_text(fact, language)
    say = phrases(language)
    said = say.said_on.format(date=say.format_date(fact.said_on)) if fact.said_on else text.when
    return Claim(
        fact_id=fact.id,
        title=text.title,
        statement=text.statement,
        attribution=text.attribution,
        said=said,
        quote=fact.quote,
        quote_translation=text.quote_translation,
        citation=citation(factbase.source(fact.source), language),
    )


def fact_block(factbase: FactBase, fact: Fact, language: Language) -> FactBlock:
    """A fact, leading with the newest version of it and keeping the others in view."""
    newest = fact
    while (newer := factbase.superseded_by(newest.id)) is not None:
        newest = newer
    return _as_said(factbase, newest, language)


def _as_said(factbase: FactBase, newest: Fact, language: Language) -> FactBlock:
    """One fact as it stands, with what it replaced and any figure that differs."""
    earlier: list[Claim] = []
    pending = list(newest.supersedes)
    while pending:
        old = factbase.fact(pending.pop(0))
        if old is not None and old.id not in {c.fact_id for c in earlier}:
            earlier.append(claim(factbase, old, language))
            pending.extend(old.supersedes)
    why = factbase.fact_text(newest, language).why
    differing = tuple(
        Differing(claim=claim(factbase, other, language), why=why[c.fact])
        for c in newest.conflicts_with
        if (other := factbase.fact(c.fact)) is not None
    )
    return FactBlock(claim=claim(factbase, newest, language), differing=differing, earlier=tuple(earlier))


def decline(factbase: FactBase, language: Language) -> DeclineBlock:
    examples = tuple(choice(factbase, f, language) for f in _one_per_topic(factbase))
    return DeclineBlock(
        scope=factbase.story_text(language).title,
        topics=tuple(factbase.topic_title(t, language) for t in factbase.topics),
        examples=examples[:4],
    )


def _one_per_topic(factbase: FactBase) -> list[Fact]:
    firsts: list[Fact] = []
    for topic in factbase.topics:
        facts = factbase.topic_facts(topic.id)
        if facts:
            firsts.append(facts[0])
    return firsts


def _gap(factbase: FactBase, intent: Intent, language: Language) -> GapBlock:
    """ "Not reported", and what the sources do report instead: never an empty no."""
    top = intent.top
    gap = factbase.gap(top.target) if top is not None and top.kind == "gap" else None
    if gap is not None:
        known = related_choices(factbase, gap.related, language)
        return GapBlock(missing=factbase.gap_text(gap, language).missing, known=known)
    lexicon = factbase.lexicon
    say = phrases(language)
    names = _entity_names(factbase, intent.uncovered_entities, language)
    typed = [f for f in factbase.facts if intent.asks in f.answers] if intent.asks else []
    if names:
        kinds = {e.id: e.kind for e in lexicon.entities}
        alike = {kinds.get(i) for i in intent.uncovered_entities}
        nearby = [f for f in typed if any(kinds.get(e) in alike for e in set(f.entities) - set(factbase.story.setting))]
        nearby = nearby or typed
        missing = say.anything_about.format(names=say.join_or(names))
        return GapBlock(missing=missing, known=tuple(_titled(factbase, f, language) for f in nearby[:4]))
    about = [f for f in factbase.facts if set(intent.named) & set(f.entities)]
    missing = factbase.missing_text(intent.asks, language) if intent.asks else say.that
    reported = [f for f in about if f in typed] or about or typed or _one_per_topic(factbase)
    return GapBlock(missing=missing, known=tuple(_titled(factbase, f, language) for f in reported[:4]))


def _dates(factbase: FactBase, intent: Intent) -> bool:
    """Whether every figure heard is a day of a month ("who claimed the feb 5 attacks"), as the router
    reads days: a date the sources do not give, not a figure."""
    if not intent.figures:
        return False
    lexicon = factbase.lexicon
    months = lexicon.normalised_words(factbase.story.months)
    return set(intent.figures) <= set(days_of_month(lexicon.normalise(intent.text).split(), months=months))


def _entity_names(factbase: FactBase, entity_ids: tuple[str, ...], language: Language) -> list[str]:
    """What the reader calls each entity ("Turbat", "تربت"), for "not reported about ..."."""
    lexicon = factbase.lexicon
    return [factbase.entity_name(e, language) for i in entity_ids if (e := lexicon.entity(i))]


def _titled(factbase: FactBase, fact: Fact, language: Language) -> Choice:
    """A choice labelled with what the fact reports ("31 civilians killed"), for "what they do report"."""
    return Choice(fact_id=fact.id, label=factbase.fact_text(fact, language).title)


def compose(routing: Routing, factbase: FactBase, language: Language = "en") -> Answer:
    """One block per intent: a fact, a gap, a "did you mean", or a polite decline."""
    blocks: list[Block] = []
    related: list[Choice] = []
    for intent in routing.intents:
        top = intent.top
        if intent.decision == "answer" and top is not None and (fact := factbase.fact(top.target)):
            heard = "unreported_days" if intent.asks == "when" or _dates(factbase, intent) else "unreported_figures"
            unnamed = tuple(_entity_names(factbase, intent.uncovered_entities, language))
            block = fact_block(factbase, fact, language).model_copy(
                update={
                    heard: intent.figures,
                    "unnamed": unnamed,
                    "uncounted": intent.uncounted,
                    "unblamed": tuple(_entity_names(factbase, intent.unblamed, language)),
                }
            )
            blocks.append(block)
            related.extend(related_choices(factbase, fact.related, language))
        elif intent.decision == "gap":
            blocks.append(_gap(factbase, intent, language))
        elif intent.decision == "meta" and top is not None and (meta := factbase.meta_entry(top.target)):
            blocks.extend(meta_blocks(factbase, meta, language))
        elif intent.decision == "clarify" and intent.matches:
            facts = [f for m in intent.matches if (f := factbase.fact(m.target)) is not None]
            blocks.append(ClarifyBlock(choices=tuple(choice(factbase, f, language) for f in facts)))
        else:
            blocks.append(decline(factbase, language))
    answered = {b.claim.fact_id for b in blocks if isinstance(b, FactBlock)}
    unique_related = {c.fact_id: c for c in related if c.fact_id not in answered}
    return Answer(
        question=routing.question, blocks=tuple(blocks), related=tuple(unique_related.values())[:3], language=language
    )


TOPIC_SHOWN = 5  # facts a topic button shows in full; the next few become buttons


def topic_answer(factbase: FactBase, topic_id: str, language: Language, *, shown: int = TOPIC_SHOWN) -> Answer | None:
    """A topic's first facts, for the topic buttons, and, when it has more, how to ask about the
    rest with a few of them as buttons: a topic of thousands of facts is still one or two messages.
    None for an unknown topic."""
    facts = factbase.topic_facts(topic_id)
    if not facts:
        return None
    blocks: list[Block] = [fact_block(factbase, f, language) for f in facts[:shown]]
    rest = facts[shown:]
    if rest:
        say = phrases(language)
        more = say.topic_more_one if len(rest) == 1 else say.topic_more_many.format(count=len(rest))
        blocks.append(NoteBlock(text=more))
    related = tuple(choice(factbase, f, language) for f in rest[:3])
    return Answer(question=topic_id, blocks=tuple(blocks), related=related, language=language)


def fact_answer(factbase: FactBase, fact_id: str, language: Language) -> Answer | None:
    """The answer for one fact, as when a reader picks a "did you mean" button."""
    fact = factbase.fact(fact_id)
    if fact is None:
        return None
    related = related_choices(factbase, fact.related, language)
    question = factbase.fact_text(fact, language).question
    block = fact_block(factbase, fact, language)
    return Answer(question=question, blocks=(block,), related=related[:3], language=language)


def news_block(factbase: FactBase, fact: Fact, language: Language) -> NewsBlock:
    said = phrases(language).format_date(fact.said_on) if fact.said_on else ""
    return NewsBlock(date=said, change=bool(fact.supersedes), fact=_as_said(factbase, fact, language))


def update_answer(factbase: FactBase, fact_id: str, language: Language) -> Answer | None:
    """The short cited message a subscriber gets for one update; None if it is no longer one."""
    fact = factbase.fact(fact_id)
    if fact is None or not fact.new_development:
        return None
    question = factbase.fact_text(fact, language).question
    return Answer(question=question, blocks=(news_block(factbase, fact, language),), language=language)


def latest_answer(factbase: FactBase, language: Language, *, count: int = 3) -> Answer:
    """The most recent updates, newest first; a gap when there are none since the first reports."""
    updates = factbase.updates()[:count]
    if updates:
        blocks = tuple(news_block(factbase, f, language) for f in updates)
        return Answer(question="latest", blocks=blocks, language=language)
    say = phrases(language)
    first = min(s.date for s in factbase.sources)
    known = tuple(choice(factbase, f, language) for f in _one_per_topic(factbase)[:4])
    missing = say.no_development.format(date=say.format_date(first))
    return Answer(question="latest", blocks=(GapBlock(missing=missing, known=known),), language=language)


def meta_blocks(factbase: FactBase, meta: Meta, language: Language) -> tuple[Block, ...]:
    """The reply to hello, thanks, help, "tl;dr", "source?" and "what's new", from the YAML's words."""
    text = factbase.meta_text(meta, language).text
    if meta.reply == "intro":
        scope = decline(factbase, language).model_dump(include={"scope", "topics", "examples"})
        return (IntroBlock(text=text, **scope),)
    if meta.reply == "summary":
        points = tuple(claim(factbase, f, language) for i in meta.facts if (f := factbase.fact(i)) is not None)
        return (SummaryBlock(text=text, points=points),)
    if meta.reply == "sources":
        return (SourcesBlock(text=text, citations=tuple(citation(s, language) for s in factbase.sources)),)
    if meta.reply == "latest":
        return latest_answer(factbase, language).blocks
    return (NoteBlock(text=text),)
