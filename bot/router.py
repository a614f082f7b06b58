"""The intent router: from a question to ranked targets and a decision, with no Telegram in it.

A `Router` is built once per fact-base version: it normalises every example, remembers which
target (fact, gap or meta reply) owns it, and indexes which words each target covers. `route`
then scores a question against the examples with `rapidfuzz.process.cdist` (see `_target_scores`).

One set of evidence decides, so that a reply never claims more than it knows:
- what the question asks for (a count, a duration, a place, a person's role, what someone said...):
  a fact answers only the kinds of question it declares (`answers:` in the YAML);
- the entities it names: only facts that mention one may answer; "not reported about X" only for
  an X that no fact mentions;
- its content words: the answering target must cover them, and a word we do not know at all
  means we are not sure what is asked;
- the figures it names: a figure our sources do not give is answered with the figures they do.
Then: answer (one target clearly best) / clarify (close ones: "did you mean") / gap (on topic,
not in the sources) / decline (off topic) / meta (hello, thanks, tl;dr, source?).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency as _zipf

from bot.classifier import trained
from bot.factbase import ELSEWHERE, OTHER_SPEAKERS, FactBase, asked_with_words
from bot.language import LANGUAGES, Language, script_language
from bot.lexicon import AnswerType, any_of, days_of_month, fold, vocabulary
from bot.thresholds import Thresholds

Decision = Literal["answer", "clarify", "gap", "decline", "meta"]
TargetKind = Literal["fact", "gap", "meta"]

# Names weigh little when scoring: whether a fact covers a named entity is checked separately,
# and a name must not pull a question towards the one fact that happens to mention it.
NAME_WEIGHT = 0.25
SPECIFIC_BONUS = 5.0
FRAGMENT = 3  # words of a message that asks nothing and may lean on the question before
NEAR_FIGURE = 1.5  # a figure heard is "near" one of ours within half as much again
COMMON = 3.0  # a word this frequent (wordfreq's Zipf scale) is a word of the language, not a slip or a name
NEAR_NAME = 70  # a word we do not know this like a name of ours (rapidfuzz ratio) may be a slip of it
SHORTLIST = 1024  # targets whose examples are scored one by one; the rest are ranked by keywords
TELLING_IDF = 2.5  # a word in fewer than about a fifth of targets: at scale, examples must share one
CLASSIFIER_TARGETS = 200  # targets up to which the classifier is trained (the shipped facts have 50): it trains
# one model per target, in 0.7 s for the shipped facts and 35 s at ten times their size
TWO_SLIPS_FROM = 9  # letters from which a word may have two typos
PARALLEL_FROM = 20_000  # examples from which one question is scored on every core
_YEARS = range(1900, 2100)
_SENTENCE_END = re.compile(r"[?!.؟۔]+")


class Match(BaseModel):
    model_config = ConfigDict(frozen=True)

    target: str
    kind: TargetKind
    score: float = Field(ge=0, le=100)


class Intent(BaseModel):
    """One question inside a message, and what to do about it."""

    model_config = ConfigDict(frozen=True)

    text: str
    decision: Decision
    matches: tuple[Match, ...] = ()
    asks: AnswerType | None = None
    uncovered_entities: tuple[str, ...] = Field(
        default=(), description="named, and mentioned by no fact: a gap's subject, or places an answer does not name"
    )
    uncounted: tuple[str, ...] = Field(default=(), description="forces asked of that the answer counts with others")
    unblamed: tuple[str, ...] = Field(
        default=(), description="whom the question says the speaker blamed, which nothing they said is about"
    )
    named: tuple[str, ...] = Field(default=(), description="named, for a gap to show what is reported about them")
    figures: tuple[str, ...] = Field(default=(), description="figures named in the question that no source gives")

    @property
    def top(self) -> Match | None:
        return self.matches[0] if self.matches else None


class Routing(BaseModel):
    model_config = ConfigDict(frozen=True)

    question: str
    normalised: str
    intents: tuple[Intent, ...]
    asked: str = Field(
        default="", description="what was answered: the question, or a follow-up read with the one before"
    )

    @property
    def on_topic(self) -> bool:
        """False only when every intent was declined as off topic."""
        return any(i.decision != "decline" for i in self.intents)

    @property
    def confident(self) -> bool:
        """Every part got a fact or a meta reply: nothing for the unanswered report."""
        return all(i.decision in ("answer", "meta") for i in self.intents)

    @property
    def score(self) -> float:
        return max((i.top.score for i in self.intents if i.top is not None), default=0.0)


@dataclass(frozen=True)
class _Target:
    id: str
    kind: TargetKind
    entities: frozenset[str]
    answers: frozenset[AnswerType]
    speakers: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    speaker: str | None = None  # a gap's: whose unreported words it is about ("others": no fact's speaker)


@dataclass(frozen=True)
class _Question:
    """What one part of a message says, in the router's terms."""

    text: str
    words: list[str]
    named: list[str]
    asks: tuple[AnswerType, ...]
    figures: tuple[str, ...]
    speaker: str | None = None
    around: frozenset[str] = frozenset()  # the whole message a part is in: "... and how many soldiers"
    charged: tuple[str, ...] = ()  # whom the speaker is asked to have blamed: "why did the uk blame india"


class Router:
    """A `LanguageRouter` per language, each built from that language's examples; a question goes to
    the one of the script it is written in (mixed: most of its letters). English is routed exactly as
    if there were no Urdu, and an Urdu question costs about what an English one does."""

    def __init__(
        self, factbase: FactBase, *, thresholds: Thresholds | None = None, cache_dir: Path | None = None
    ) -> None:
        self.factbase = factbase
        self.thresholds = thresholds or Thresholds()
        self.by_language = {
            language: LanguageRouter(factbase, thresholds=self.thresholds, language=language, cache_dir=cache_dir)
            for language in LANGUAGES
        }

    def of(self, text: str) -> LanguageRouter:
        return self.by_language[script_language(text) or "en"]

    def route(self, question: str, *, previous: str | None = None) -> Routing:
        return self.of(question).route(question, previous=previous)

    def normalise(self, text: str) -> str:
        return self.of(text).normalise(text)

    @property
    def choice_count(self) -> int:
        return sum(r.choice_count for r in self.by_language.values())


class LanguageRouter:
    """Precomputed choices of one language for one fact-base version; `route` is a pure function of the text."""

    def __init__(
        self,
        factbase: FactBase,
        *,
        thresholds: Thresholds | None = None,
        language: Language = "en",
        cache_dir: Path | None = None,
    ) -> None:
        self.factbase = factbase
        self.thresholds = thresholds or Thresholds()
        self._normalised = functools.lru_cache(maxsize=64)(self._normalise)
        self._routed = functools.lru_cache(maxsize=64)(self._route_one)
        lexicon = factbase.lexicon
        story = factbase.story
        self._targets: list[_Target] = []
        choices: list[str] = []
        bags: list[str] = []
        said: list[str] = []  # what each target states: it covers those words, but they do not rank it
        titles: list[str] = []
        starts: list[int] = []
        for fact in factbase.facts:
            text = factbase.fact_text(fact, language)
            starts.append(len(choices))
            choices.extend(dict.fromkeys(lexicon.normalise(t) for t in factbase.asked(fact, language)))
            bags.append(lexicon.normalise(f"{text.title} {text.attribution}"))
            said.append(lexicon.normalise(f"{text.statement} {fact.quote or ''}"))
            titles.append(lexicon.normalise(text.title))
            speakers = frozenset(lexicon.find_entities(lexicon.normalise(text.attribution)))
            subjects = frozenset(lexicon.find_entities(lexicon.normalise(text.title)))
            self._targets.append(
                _Target(fact.id, "fact", frozenset(fact.entities), frozenset(fact.answers), speakers, subjects)
            )
        for gap in factbase.gaps:
            starts.append(len(choices))
            choices.extend(dict.fromkeys(lexicon.normalise(t) for t in factbase.asked(gap, language)))
            bags.append(lexicon.normalise(factbase.gap_text(gap, language).missing))
            said.append("")
            self._targets.append(_Target(gap.id, "gap", frozenset(), frozenset(gap.answers), speaker=gap.speaker))
        for meta in factbase.meta:
            starts.append(len(choices))
            choices.extend(dict.fromkeys(lexicon.normalise(t) for t in factbase.asked(meta, language)))
            bags.append("")
            said.append("")
            self._targets.append(_Target(meta.id, "meta", frozenset(), frozenset()))
        self._choices = choices
        ends = [*starts[1:], len(choices)]
        # The classifier also learns what is asked about other subjects, so that it can say so. It
        # trains one model per target: a fact base far beyond the shipped one goes without it.
        others = [lexicon.normalise(e) for e in factbase.elsewhere if (script_language(e) or "en") == language]
        labels = [t.id for t, a, b in zip(self._targets, starts, ends, strict=True) for _ in range(b - a)]
        small = len(self._targets) <= CLASSIFIER_TARGETS
        classifier = trained(
            (*choices, *others) if small else (),
            (*labels, *(ELSEWHERE for _ in others)) if small else (),
            cache_dir,
        )
        # Asked twice of one question at most (a near-tie in the rules, then the reply): once is enough.
        self._opinion = functools.lru_cache(maxsize=64)(classifier.opinion)
        self._position = {t.id: i for i, t in enumerate(self._targets)}
        # token_sort_ratio is ratio over sorted words: sort each example's words once, here, so a
        # question costs one C call of plain `ratio` over all of them.
        self._sorted = [_sort_words(c) for c in choices]
        owners: dict[str, set[str]] = {}
        for target, first, last in zip(self._targets, starts, [*starts[1:], len(choices)], strict=True):
            for example in self._sorted[first:last]:
                owners.setdefault(example, set()).add(target.id)
        # A question worded exactly as one target's example (and no other's) needs no margin.
        self._sorted_array = np.array(self._sorted, dtype=object)
        self._workers = -1 if len(choices) >= PARALLEL_FROM else 1  # every core, once it pays for the threads
        self._exact = {example: next(iter(ids)) for example, ids in owners.items() if len(ids) == 1}
        self._starts = np.array(starts, dtype=np.intp)
        self._ends = np.array([*starts[1:], len(choices)], dtype=np.intp)
        # Near-copies tie on keywords: break ties at random so that no one target's copies crowd out the rest.
        self._tie_break = np.random.default_rng(0).random(len(starts)) * 1e-6
        kinds = np.array([t.kind for t in self._targets])
        self._is_fact = kinds == "fact"
        self._is_meta = kinds == "meta"
        self._is_gap = kinds == "gap"
        entity_ids = {e for t in self._targets for e in t.entities}
        subject_ids = {e for t in self._targets for e in t.subjects}
        self._subject_of = {
            e: np.array([t.kind != "fact" or e in t.subjects for t in self._targets]) for e in subject_ids
        }
        self._covered_by = {e: np.array([e in t.entities for t in self._targets], dtype=bool) for e in entity_ids}
        # A fact that counts deaths answers a question that speaks of deaths (or gives its figure):
        # "how many militants attacked" is not "how many militants were killed".
        required = [asked_with_words(f, lexicon) for f in factbase.facts]
        self._free = np.array([not need for need in required] + [True] * (len(self._targets) - len(required)))
        self._needed_by: dict[str, list[int]] = {}
        for i, need in enumerate(required):
            for word in need:
                self._needed_by.setdefault(word, []).append(i)
        answer_types = {a.type for a in lexicon.asks}
        self._answering = {
            a: np.array(
                [t.kind == "meta" or a in t.answers or (t.kind == "gap" and not t.answers) for t in self._targets]
            )
            for a in answer_types
        }
        self._postings, self._idf = _keyword_index(choices, self._starts, bags)
        self._typical = _typicality(self._postings, choices, self._starts, self.thresholds.typicality)
        # At scale, of the targets shortlisted only the examples that share a telling word with the question
        # are scored (the rest would score low): a bit for each such word, of 64, says which it has.
        shortlisting = len(starts) > 2 * SHORTLIST
        self._signatures = np.array(
            [_signature(c.split(), self._idf) for c in choices] if shortlisting else [], dtype=np.uint64
        )
        stems = [_stems(c) for c in choices]
        # What each target is asked about (its examples), apart from what its statement mentions.
        self._asked, _ = _keyword_index(stems, self._starts, ["" for _ in bags])
        self._statements = [frozenset(s.split()) for s in said]  # empty for gaps and meta
        self._quoting = lexicon.normalised_words(lexicon.quoting)
        self._covers, _ = _keyword_index(
            stems, self._starts, [_stems(f"{b} {s}") for b, s in zip(bags, said, strict=True)]
        )
        self._setting = frozenset(story.setting)
        self._parties = frozenset(e.id for e in lexicon.entities if e.kind in ("country", "body", "person"))
        self._in_story = frozenset(e for f in factbase.facts for e in f.entities) | self._setting
        # A number is known when our facts give it: one an example happens to ask about ("were 100
        # injured?") is still a figure someone heard.
        asked_words = {w for w in vocabulary(choices) if not w.isdigit()}
        # Spans of time are words of the story even when no example uses one ("lasted a week?").
        spans = lexicon.normalised_words(story.spans)
        self._vocabulary = (
            asked_words | vocabulary([*bags, *said, *lexicon.alias_to_entity]) | lexicon.cue_words | spans
        )
        # Typos are repaired towards words people ask with, not towards any word of a statement; a word
        # only one example uses may be a writer's typo ("milatants") and is repaired like any other.
        examples = [
            fold(t)
            for targets in (factbase.facts, factbase.gaps, factbase.meta)
            for x in targets
            for t in factbase.asked(x, language)
        ]
        uses = Counter(w for e in examples for w in set(e.split()))
        named_texts = [
            *(factbase.fact_text(f, language).title for f in factbase.facts),
            *lexicon.phrases,
            *lexicon.words,
            *lexicon.stopwords,
            *lexicon.checks,  # "is it real": a word of checking, not "israel" heard as two words
            *lexicon.kin,  # "meri khala": the asker's aunt, not "kala" repaired
            *lexicon.tags,
            *(a for e in lexicon.entities for a in e.aliases),
            *story.refers,
        ]
        asked = vocabulary(fold(t) for t in named_texts) | {w for w, n in uses.items() if n > 1}
        self._known_raw = asked | vocabulary([*bags, *said])
        # A misspelt stopword ("thse", "abut") is repaired too, and then dropped like the word it is.
        self._typo_content = sorted(w for w in asked - lexicon.stopwords if len(w) >= 4 and not w.isdigit())
        self._typo_words = sorted({*self._typo_content, *(w for w in lexicon.stopwords if len(w) >= 4)})
        self._uses = uses
        # Names as speech to text hears them, in two words ("bug tea", "no ski", "must hung").
        self._spelt_names = frozenset(fold(a) for e in lexicon.entities for a in e.aliases if " " not in fold(a))
        self._heard_names = sorted(
            {w for e in lexicon.entities for a in e.aliases for w in fold(a).split() if len(w) >= 5}
        )
        self._anchors = frozenset(lexicon.normalise(a) for a in story.anchors)
        self._weak_anchors = frozenset(lexicon.normalise(a) for a in story.weak_anchors)
        self._naming = lexicon.normalised_words(story.naming)
        self._anchor_words = sorted({w for a in self._anchors for w in a.split()})
        self._references = any_of(map(fold, story.refers))
        self._generic_story = lexicon.normalised_words(story.generic)
        # A word that only sets a party aside ("besides quetta, which cities") is not what a question is about.
        aside = lexicon.normalised_words(b for b in lexicon.besides if " " not in b)
        self._generic = self._generic_story | lexicon.cue_words | aside
        self._specific = np.array([len(t.entities - self._setting) for t in self._targets], dtype=float)
        self._entity_words = frozenset(w for n in lexicon.canonical_names for w in n.split())
        self._names_or_aside = self._entity_words | aside  # "and besides quetta?" has nothing else
        # Words of a question of who said something that are not what was said ("which country mentioned")
        self._asking_who = self._generic | self._entity_words | self._quoting  # _generic has the cue words
        self._too = lexicon.normalised_words(lexicon.too)
        self._gap_speakers = {
            t.speaker: np.array([u.speaker == t.speaker for u in self._targets], dtype=bool)
            for t in self._targets
            if t.speaker is not None
        }
        self._spoken_by = {
            e.id: np.array([t.kind == "fact" and e.id in t.speakers for t in self._targets], dtype=bool)
            for e in lexicon.entities
            if any(e.id in t.speakers for t in self._targets)
        }
        self._names = {e.id: lexicon.normalise(e.aliases[0]) for e in lexicon.entities if e.aliases}
        self._name_words = {e: frozenset(name.split()) for e, name in self._names.items()}
        # Words that tell targets apart: used by fewer than half of them, and not names or generic.
        self._telling = frozenset(
            w
            for w, owners in self._postings.items()
            if 2 * len(owners) < len(self._targets) and w not in self._entity_words and w not in self._generic_story
        )
        self._checking = lexicon.normalised_words((*lexicon.checks, *lexicon.tags))  # "real", "legit"
        self._counting_words = lexicon.normalised_words(lexicon.cues("count"))
        # What the lexicon reads people's words as ("saboot", "proof": "evidence"): words of what is
        # asked about, not of the asker's story ("my son told me on the phone").
        self._concepts = frozenset(w for v in (*lexicon.words.values(), *lexicon.phrases.values()) for w in v.split())
        # The figures our facts give (145, 92, 31...) are as telling as a name: "is 145 correct".
        self._figures_of = {
            f.id: frozenset(int(w) for w in fold(factbase.fact_text(f, "en").statement).split() if w.isdigit())
            for f in factbase.facts
        }
        self._story_figures = frozenset(str(n) for figures in self._figures_of.values() for n in figures)
        self._figure_words = lexicon.normalised_words(story.counted)
        self._span_words = spans
        self._units = self._figure_words | spans  # what a number right before one counts or spans
        # A figure that ends the question may follow what it counts: "is the death toll 100?", "killed 200?".
        self._tallies = self._figure_words | lexicon.normalised_words(story.tallies)
        self._groups = lexicon.normalised_words(story.groups)
        self._losses = lexicon.normalised_words(story.losses)
        self._forces = any_of(fold(f) for f in story.forces)
        self._force_words = lexicon.normalised_words(story.forces)
        self._attackers = any_of(fold(f) for f in story.attackers)
        self._attacker_words = lexicon.normalised_words(story.attackers)
        self._sides = self._force_words | self._attacker_words
        self._since = lexicon.normalised_words(lexicon.years_after)  # "since when is bugti cm"
        self._militant = lexicon.normalise("militant")
        self._people_word = lexicon.normalise("people")
        # The groups whose dead are counted, as a question names them ("people" are everyone).
        self._tolled = self._groups - {self._people_word}
        # Whom the forces may be asked to have killed besides militants: "how many civilians did the army kill".
        self._victims = self._groups - self._force_words - {self._militant, self._people_word}
        self._weighing = any_of(fold(w) for w in story.weighing)
        self._killed = lexicon.normalise("killed")
        self._bounds = lexicon.normalised_words(story.bounds)
        self._period_words = lexicon.normalised_words(story.periods)
        self._ago_words = lexicon.normalised_words(story.ago)
        self._comparing = lexicon.normalised_words(story.comparing)
        self._months = lexicon.normalised_words(story.months)
        self._weekdays = lexicon.normalised_words(story.weekdays)
        self._pointer_words = lexicon.normalised_words(lexicon.pointers)
        self._vague_words = lexicon.normalised_words(lexicon.vague)
        self._tallying = lexicon.normalised_words(story.tallies)
        self._saying = lexicon.normalised_words(c for a in lexicon.asks if a.type == "said" for c in a.cues)
        self._events = lexicon.normalised_words(story.events)
        self._happenings = self._events | lexicon.normalised_words(story.happenings)
        self._until = frozenset(map(fold, story.until))
        self._choice_words = lexicon.normalised_words(lexicon.choices)
        self._agent_marks = frozenset(fold(a) for a in lexicon.agents)
        self._taking = frozenset(fold(w) for w in story.taking)
        self._taken = lexicon.normalised_words(story.taking)
        self._arrest, self._seize = lexicon.normalise("arrested"), lexicon.normalise("capture")
        self._news_words = lexicon.normalised_words(lexicon.news)
        self._setting_aside = frozenset(
            {"not", *(lexicon.normalise(b) for b in lexicon.besides if len(b.split()) == 1)}
        )
        self._identity_cues = frozenset(
            w for a in lexicon.asks if a.type == "identity" for c in a.cues for w in c.split()
        )
        self._offices = lexicon.normalised_words(lexicon.offices)
        self._person_guesses = lexicon.normalised_words(lexicon.tags) | lexicon.normalised_words(lexicon.belongs)
        self._behalf = self._offices | lexicon.normalised_words(lexicon.behalf)
        self._present = lexicon.normalised_words(lexicon.present)
        self._people = frozenset(e.id for e in lexicon.entities if e.kind == "person")
        self._guessable = frozenset(e.id for e in lexicon.entities if e.kind in ("country", "body", "group"))
        countries = frozenset(e.id for e in lexicon.entities if e.kind == "country")
        self._countries = countries - self._setting
        self._home = next((e for e in story.setting if e in countries), None)  # Pakistan, whose forces act
        self._suspects = story.suspects
        self._within = frozenset(story.within)
        self._inside = frozenset(fold(w) for w in lexicon.inside)
        self._being = frozenset(map(fold, lexicon.being))  # folded, as the question's words are
        # each force as written, as typed (folded) and as the lexicon reads it ("fc" is "security")
        self._lumped = {
            fact: tuple((f, fold(f), " ".join(lexicon.normalise(f).split()[:1])) for f in forces)
            for fact, forces in story.lumped.items()
        }
        # Names of the countries that took no part: one just before "attack" names an attack there.
        self._abroad_words = self._words_of(self._countries - set(self._suspects))
        self._accused = story.accused
        self._speaks_for = dict(story.speaks_for)
        self._figure_facts = {figure: self._position[fact] for figure, fact in story.figures.items()}
        self._asks_name = lexicon.normalised_words(lexicon.asks_name)
        self._breakdown = self._position[story.breakdown] if story.breakdown else None
        self._day_tolls = self._position[story.day_tolls] if story.day_tolls else None
        self._place_tolls = self._position[story.place_tolls] if story.place_tolls else None
        self._day_counts = {target: lexicon.normalise(day) for target, day in story.day_counts.items()}
        self._counting = frozenset(story.figures.values())  # the facts that give a figure
        self._counted_days = frozenset(self._day_counts.values())
        self._homeland = lexicon.normalised_words(lexicon.homeland)
        self._leaning = lexicon.pointers | lexicon.vague  # words that lean on what was said before
        # whom each day's count counts, as its statement names them ("militant"): "how many died on
        # saturday" is not asked of them alone
        self._day_groups = {t: frozenset(said[self._position[t]].split()) & self._tolled for t in story.day_counts}
        self._subgroups = lexicon.normalised_words(story.subgroups)
        self._deaths = lexicon.normalised_words(story.deaths)
        # The words a question declined for nothing but a kind of the dead or a day may have: a people's
        # name may say which ("were any chinese engineers killed"); a group whose dead are counted.
        self._of_subgroups = self._subgroups | self._deaths | lexicon.cue_words | self._words_of(self._countries)
        self._of_days = (
            lexicon.cue_words | self._groups | self._force_words | self._deaths | self._months | self._counted_days
        )
        # Facts that give more than one of our figures: totals made of the others (the overall toll).
        given = Counter(self._figure_facts.values())
        self._totals = frozenset(p for p, n in given.items() if n > 1)
        self._title_words = [frozenset(t.split()) for t in titles]
        # Words of who says so, as read and as written ("کس نے دیا": "دیا", gave, is a stopword).
        self._sourcing = lexicon.normalised_words(lexicon.sourcing) | {fold(w) for w in lexicon.sourcing}
        self._meaning = lexicon.normalised_words(lexicon.meaning)
        self._succession = lexicon.normalised_words(lexicon.succession)
        self._weighed = frozenset(
            tuple(sorted((self._position[f.id], self._position[c.fact])))
            for f in factbase.facts
            for c in f.conflicts_with
        )
        # Who gives our figures: a guess at who gave one ("did the army give the 145", "did bugti say 92")
        # is answered by the fact that gives it, whose attribution says who did.
        givers = " ".join(lexicon.normalise(f.attribution) for f in factbase.facts if f.id in story.figures.values())
        self._givers = frozenset(givers.split())
        self._giving = frozenset(lexicon.find_entities(givers))
        self._voices = frozenset(e for f in factbase.facts if "said" in f.answers for e in f.entities)
        self._blame = lexicon.normalise("blame")
        self._claim = lexicon.normalise("claim")
        # all a question of owning up has besides names: "kya india ne zimmedari qabool ki", "..., right?"
        self._owning_words = {
            self._claim,
            *self._generic_story,
            *lexicon.normalised_words((*lexicon.openers, *lexicon.tags)),
        }
        self._blaming = frozenset({self._blame, *lexicon.normalise(lexicon.cue("said")).split()})
        anchors = lexicon.normalised_words([*story.anchors, *story.weak_anchors])
        self._tells_of_story = self._blaming | self._saying | self._sourcing | (anchors - self._entity_words)
        self._giving_words = self._sourcing - self._blaming  # gave, announced: not said
        # A fact about a person answers "who is ..." when the question names the person or the role
        # its title gives ("who is the chief minister"), not any "who" ("who are the baloch").
        self._about_person = np.array([t.kind == "fact" and bool(t.subjects & self._people) for t in self._targets])
        someone = frozenset(e.id for e in lexicon.entities if e.kind in ("person", "group", "body", "country"))
        self._about_someone = np.array([t.kind == "fact" and bool(t.subjects & someone) for t in self._targets])
        setting_words = self._words_of(self._setting)
        self._roles: dict[str, list[int]] = {}
        for i, bag in enumerate(bags):
            if self._about_person[i]:
                for word in set(bag.split()) - setting_words - self._generic:
                    self._roles.setdefault(word, []).append(i)
        self._held = _example_words(choices, starts, self._about_person) & self._offices
        self._chat = frozenset(m.id for m in factbase.meta if m.reply in ("intro", "thanks"))
        self._chat_words = _example_words(choices, starts, [t.id in self._chat for t in self._targets])
        self._meta_words = _example_words(choices, starts, [t.kind == "meta" for t in self._targets])
        self._places = frozenset(e.id for e in lexicon.entities if e.kind == "place")
        self._place_words = self._words_of(self._places)
        self._speakers = frozenset(e.id for e in lexicon.entities if e.kind == "person" and e.id in self._in_story)
        # Each group's own toll ("how many police died": the 17), as the rules rank the counts for it.
        counts = self._is_fact & self._answering["count"]
        counts[list(self._totals)] = False
        self._toll_of: dict[str, int] = {}
        for group in self._tolled:
            ranked = self._top(self._target_scores([group, self._killed]), counts, [], count=1)
            if ranked:
                self._toll_of[group] = self._position[ranked[0].target]
        # The groups of the dead a figure is of: the one its fact is the toll of ("security": the 17), else
        # those its statement names (the 92: militants, by the army's word; the overall toll: all).
        self._groups_of = {
            position: frozenset(g for g, f in self._toll_of.items() if f == position)
            or frozenset(said[position].split()) & self._groups
            for position in self._figure_facts.values()
        }
        # A rumour's words that claim something of a figure (`_figure_checked`), and those that say only
        # who died, who says so or that it is a count.
        self._claims = (self._concepts | self._weekdays | self._entity_words) - self._words_of(self._setting)
        self._of_figure = self._force_words | self._deaths | self._generic_story | self._counting_words | self._saying
        self._joining = frozenset(fold(s) for s in lexicon.splitters if s.isalnum())
        # The terms each target is asked to define ("what does bla stand for", "herof meaning"): "what
        # does X mean" is answered only by a target that defines X.
        self._defining = lexicon.normalised_words(lexicon.defining)
        plain = self._defining | lexicon.normalised_words(lexicon.terms) | lexicon.cue_words | self._generic
        plain |= self._entity_words
        self._defines: dict[str, np.ndarray] = {}
        for i, (first, last) in enumerate(zip(starts, ends, strict=True)):
            for example in choices[first:last]:
                words = set(example.split())
                if not words.isdisjoint(self._defining):
                    for term in words - plain:
                        self._defines.setdefault(term, np.zeros(len(self._targets), dtype=bool))[i] = True

    @property
    def choice_count(self) -> int:
        return len(self._choices)

    @property
    def choices(self) -> list[str]:
        """Every normalised example (and fact question), facts first, in the fact base's order; an
        example that normalises as another of its target does is scored once."""
        return list(self._choices)

    @property
    def owners(self) -> list[str]:
        """The target of each choice."""
        bounds = [*self._starts.tolist(), len(self._choices)]
        return [t.id for i, t in enumerate(self._targets) for _ in range(bounds[i + 1] - bounds[i])]

    def route(self, question: str, *, previous: str | None = None) -> Routing:
        """Route a whole message, answering each part of a two-part question separately. A message
        that follows on from the asker's `previous` question ("and in noshki?" or just "noshki?"
        after "how many died?") and is no answer on its own is read with it."""
        called = question
        question = self.factbase.lexicon.without_address(question)
        alone = self._route(question)
        short = len(self.normalise(question).split()) <= 2
        if question != called and short and all(i.decision == "decline" for i in alone.intents):
            # "answer me bot", "what else bot": without the name a word or two that ask nothing; with
            # it, they ask the bot (not "bot, what is the dollar rate": another subject, declined)
            with_name = self._route(called)
            if any(i.decision != "decline" for i in with_name.intents):
                question, alone = called, with_name
        if previous is None:
            return alone
        # "aur police?" after "how many soldiers died" leans on it, even if "police" alone has an answer;
        # not a question of its own ("and did quetta fall?") nor a name but a place's ("aur amrika?",
        # "and the bla?" have answers of their own).
        lexicon = self.factbase.lexicon
        rest = lexicon.after_follow_up_opener(question)
        leans = rest is not None and not self._asks(rest) and set(self._named_in(rest)) <= self._places
        # "and who said so?" asks who said what the question before was answered with.
        normalised = self.normalise(question)
        if lexicon.asks_who_says(normalised):
            who = "who" in lexicon.asks_for(normalised) or not self._giving_words.isdisjoint(normalised.split())
            said = self._who_said(previous, question) if who else None
            if said is not None:
                return Routing(question=question, normalised=normalised, intents=(said,), asked=previous)
            leans = True
        if alone.confident and not leans:
            return alone
        asked = self._follow_up(previous, question)
        if asked is None:
            return alone
        read = self._route(asked)
        if _replies(read) < 2 and (alone.confident or _replies(read) <= _replies(alone)):
            return alone  # read with the question before, an answer beats anything, a "did you mean" a decline
        return read.model_copy(update={"question": question})

    def _about(self, people: Iterable[str]) -> list[int]:
        """The positions of the facts about these people (their title names them all): "who is bugti" is
        answered by one."""
        about = self._about_person.copy()
        for person in people:
            about &= self._subject_of.get(person, about & False)
        return [int(p) for p in np.flatnonzero(about)]

    def _who_said(self, previous: str, message: str) -> Intent | None:
        """Who said what the question before was answered with, if one fact answered it: the person
        it is attributed to, if a fact is about them ("what did india say", then "who said it?": Randhir
        Jaiswal, not Pakistan's charge against India), else that fact again, which says who."""
        answered = [i.top for i in self._route(previous).intents if i.decision == "answer"]
        top = answered[0] if len(answered) == 1 else None
        if top is None or top.kind != "fact":
            return None
        position = self._position[top.target]
        people = self._targets[position].speakers & self._people
        chosen = self._about(people) if people else []
        scores = self._target_scores(self.normalise(message).split())
        match = self._match(chosen[0] if len(chosen) == 1 else position, scores)
        return Intent(text=message, decision="answer", matches=(match,), asks="who")

    def _follow_up(self, previous: str, message: str) -> str | None:
        """The question a follow-up asks: one asking something of its own ("and who said so?", "what
        did they say") asks it of the previous question's subject, one that does not ("and in
        noshki?", "what about the uk") asks the previous question of what it names."""
        lexicon = self.factbase.lexicon
        rest = lexicon.after_follow_up_opener(message)
        folded = fold(message)
        words = folded.split()
        if rest is None and len(words) <= FRAGMENT and not lexicon.asks_for(self.normalise(message)):
            rest = folded  # a fragment that asks nothing: "noshki?" after "how many died?"
        if rest is None and not self._leaning.isdisjoint(words):
            rest = folded  # whom "they" or "he" means, the question before says
        if rest is None and lexicon.asks_who_says(self.normalise(message)):
            rest = folded  # "who said so?": who said what the question before was answered with
        if rest is None or self._vocabulary.isdisjoint(self.normalise(rest).split()):
            return None  # "and the weather?" names nothing we know: a question of its own
        if lexicon.asks_for(self.normalise(rest)):
            return f"{rest} {self._topic_of(previous)}"
        # The question before, as it was written, without its names, nor its group if this names one:
        # "how many civilians died in quetta", then "and noshki?" or "and the soldiers?"
        groups = self._groups | self._force_words
        regroup = not groups.isdisjoint(self.normalise(rest).split())

        def kept(word: str) -> bool:
            meant = lexicon.normalise(word)
            return not lexicon.find_entities(meant) and not (regroup and not groups.isdisjoint(meant.split()))

        return " ".join([*(w for w in fold(previous).split() if kept(w)), rest])

    def _route(self, message: str) -> Routing:
        lexicon = self.factbase.lexicon
        question = self._him_or_her(lexicon.without_citing(message))
        normalised = self.normalise(question)
        parts = [p for p in lexicon.split_pattern.split(question) if p.strip()]
        told: list[str] = []
        asking: list[str] = []
        setting: list[str] = []
        for before, part in zip(["", *parts], parts, strict=False):  # each part and the one before it
            # The asker's story goes on in a part that asks nothing: "my uncle is a doctor, and got
            # called in at night, was there an emergency?", "..., my brother is in the army and his
            # phone is off"; not a place after it ("how many died, i heard 200, in quetta?")
            after_story = bool(told) and told[-1] is before and not lexicon.find_entities(self.normalise(part))
            # (a last part asking the bot itself is no more of it: "..., i don't know any commands. how do i use you")
            to_bot = part is parts[-1] and self._asks_the_bot(part)
            goes_on = bool(told) and (not asking or after_story) and not self._asks(part) and not to_bot
            # "salam, ..., how many police died": a greeting asks nothing
            # nor does a word of no weight ("yes, thanks", "جی ہاں، شکریہ"), unless it is a tag that makes
            # the rest a question ("the uk kept quiet, didnt they")
            empty = not self.normalise(part).split() and not (before and lexicon.ends_on_tag(part))
            # nor does what a part sets aside, if it names no one ("besides the dead, how many were hurt",
            # "besides condemning, did the uk do anything"; "besides quetta, ..." is `_is_subject_of`)
            set_aside = lexicon.opens_aside(part) and not lexicon.set_aside(part)
            # nor whose word it is ("..., according to the cm?", "according to the army, ..."): every
            # answer says whose it is
            attributing = lexicon.attributes(part) and not self._asks(part)
            # (and a part after one is read as if it came first: no guess at what that one asks)
            asked_before = "" if before in setting else before
            aside = len(parts) > 1 and (
                goes_on or empty or set_aside or attributing or self._tells(part, asked_before) or self._is_chat(part)
            )
            (told if aside else asking).append(part)
            if set_aside:
                setting.append(part)
        subject_of: list[str] = []  # the two parts read as one, if they are
        if len(asking) > 1 and self._is_subject_of(asking[0], asking[1]):
            subject_of = asking[:2]
            asking[:2] = [f"{asking[0].strip()} {asking[1].strip()}"]
        # A part asking again what the one before asks adds nothing ("how many died in quetta, what is
        # the number?"); read with it, it would match whatever the words together match best.
        again = [p for before, p in itertools.pairwise(asking) if self._asks_again(p, before)]
        told += again
        asking = [p for p in asking if p not in again]
        # What the asker tells of themselves is no question ("i keep hearing different things, how many
        # died"), unless it speaks of the story ("i read 92 militants dead, is that right"); nor is a
        # guess at the answer ("total attackers, not just killed?": the dead are what it is not about).
        pointing = any(not lexicon.vague.isdisjoint(fold(p).split()) for p in asking)
        if any(self._other_time(self.normalise(p).split(), pointing=pointing) for p in told):
            # "i heard there was a blast in quetta in 2024. how many died in it?", "i'm doing an essay on
            # the 2005 kashmir earthquake, what was the death toll": that other time
            return Routing(question=message, normalised=normalised, intents=(Intent(text=message, decision="decline"),))
        there = any(lexicon.points_there(p) for p in asking)
        # "india has admitted it, is this true?": a part that only checks a claim is read with it.
        checking = any(lexicon.only_checks(p) for p in parts)
        plain = (
            asking
            and len(asking) < len(parts)
            and not checking
            and not any(
                self._speaks_of_story(p, there=there)
                and not self._only_hedges(p)
                and not lexicon.opens_aside(p)
                and not lexicon.attributes(p)
                for p in told
            )
        )
        # Where the asker's own are is what "there" points at ("my cousin lives in mastung, how many
        # died there"): the question, asked of that place, without the rest of their story.
        asked_there = None
        if there and not plain and not any(self._speaks_of_story(p, there=False) for p in told):
            places = [e for p in told for e in self._named_in(p) if e in self._places]
            if places:
                asked_there = " ".join([", ".join(asking), *(self._names[e] for e in dict.fromkeys(places))])
        read = question
        if not plain and asking and not checking:
            # What the asker tells of themselves alone is left out of the rest ("i'm an elderly reader
            # from faisalabad, ..., i keep hearing the name sarfaraz bugti, who is he"); not a figure heard.
            kept = [p for p in parts if p in asking or self._speaks_of_story(p, there=there) or _has_digit(fold(p))]
            read = ", ".join(p.strip() for p in kept) if len(kept) < len(parts) else question
            people = {e for p in told for e in self._named_in(p) if e in self._people}
            if len(asking) == 1 and len(people) == 1 and not self._leaning.isdisjoint(fold(asking[0]).split()):
                # "..., the tv keeps mentioning sarfaraz bugti, ..., who is he": whom "he" means, asked alone
                read = f"{asking[0].strip()} {self._names[people.pop()]}"
        if plain and len(asking) == 1 and lexicon.narrates(asking[0]):
            # "i'm from saudi arabia, what did my government say": the asker's country, named before
            homes = {e for p in told for e in self._named_in(p) if e in self._countries}
            if len(homes) == 1 and not self._homeland.isdisjoint(self.normalise(asking[0]).split()):
                asking = [f"{asking[0].strip()} {self._names[homes.pop()]}"]
        whole = self._routed(asked_there or (", ".join(asking) if plain else read))
        if not checking and not there and asking and all(i.decision != "answer" for i in whole):
            # The last question alone, if it has words of its own and is answered outright ("i'm an old
            # man who spent twenty years in jeddah, ..., did the saudi government condemn the attacks"):
            # the asker's words around it only kept it from an answer
            last = parts[-1]
            # "these attacks" is the story, no "they" or "it" leaning on the asker's words
            own = self._references.sub(" ", fold(last)) if self._references is not None else fold(last)
            if (
                last in asking
                and all(lexicon.narrates(p) for p in parts[:-1])
                and self._leaning.isdisjoint(own.split())
            ):
                alone = self._routed(last)
                offered = {m.target for i in whole if i.decision == "clarify" for m in i.matches}
                answered = {i.top.target for i in alone if i.decision == "answer" and i.top is not None}
                if self._stands_alone(last) and len(answered) == len(alone) and answered <= (offered or answered):
                    whole = alone
        if all(i.decision == "decline" for i in whole):
            # "..., my grandson set this bot up on my phone. how are you today?", "..., thank you so much":
            # nothing of the story asked, the greeting or thanks is
            # ("..., is this true?" checks the rest, and asks nothing of the bot)
            chat = [p for p in parts if not checking and (self._is_chat(p) or self._asks_the_bot(p))]
            if chat:
                whole = self._routed(chat[-1])
        if subject_of and len(asking) == 1 and all(i.decision in ("decline", "gap") for i in whole):
            # "deaths? who did it?": read as one, "who died", not reported; each part alone is answered
            apart = tuple(i for p in subject_of for i in self._routed(p))
            if all(i.decision == "answer" for i in apart):
                whole = apart
        if len(asking) > 1 and (len(whole) == 1 or self._ask_apart(asking)):
            around = frozenset(normalised.split())
            kept = self._parts(question, asking, frozenset(lexicon.find_entities(normalised)), around)
            asked = [i for p in kept for i in self._routed(p, around) if i.decision != "decline"]
            unique: dict[str, Intent] = {}
            for intent in asked:
                if intent.top is not None and intent.decision in ("answer", "gap", "clarify"):
                    unique.setdefault(intent.top.target, intent)
            # Each part must stand on its own, and one at least must be answered outright; a part about
            # another country's news is declined on its own ("news of afghanistan and the death toll").
            enough = len(unique) >= 2 or (len(unique) == 1 and any(self._is_news_elsewhere(p) for p in kept))
            if enough and len(unique) == len(asked) and any(i.decision == "answer" for i in asked):
                whole = tuple(unique.values())

        # One reply per target: "what did the us charge d'affaires say" names the US and Baker, who both
        # have the one statement.
        once: dict[tuple[str, str, tuple[str, ...]], Intent] = {}
        for intent in (
            self._lumped_forces(
                self._unnamed_places(
                    self._of_a_place(
                        self._of_a_day(self._subgroup_of_the_dead(self._part_of_figure(question, normalised, i)))
                    )
                )
            )
            for i in whole
        ):
            target = intent.top.target if intent.top else intent.text
            once.setdefault((intent.decision, target, intent.uncovered_entities), intent)
        intents = tuple(once.values())
        return Routing(question=message, normalised=normalised, intents=intents, asked=message)

    def _him_or_her(self, message: str) -> str:
        """The message with a part that opens "us ne", in lower case, after parts naming a person read as
        what he or she did ("jaiswal kon hai? us ne kya kaha" got the US statement)."""
        parts = [p for p in self.factbase.lexicon.split_pattern.split(message) if p.strip()]
        for i, part in enumerate(parts[1:], start=1):
            pronoun = self.factbase.lexicon.refers_back(part)
            if pronoun is None or part.split()[:1] != fold(part).split()[:1]:
                continue  # written "US", it is the United States
            if fold(parts[i - 1]).split()[1:] == fold(part).split()[1:]:
                continue  # the same question of one more party: "uk ne kya kaha? us ne kya kaha?"
            if any(e in self._people for p in parts[:i] for e in self._named_in(p)):
                message = message.replace(part, f" {pronoun}", 1)
        return message

    def _only_hedges(self, part: str) -> bool:
        """A hedge that names no group of the dead before its hedging ("not just the killed", "not
        counting the fighters"); one that does narrows the count asked ("how many people died,
        civilians not army")."""
        lexicon = self.factbase.lexicon
        if not lexicon.is_hedge(part):
            return False
        named = self.normalise(lexicon.before_hedge(part)).split()
        return self._tolled.isdisjoint(named)

    def _unknown_numbers(self, words: Iterable[str]) -> list[str]:
        """The numbers among the words that are not ours."""
        return [w for w in words if w.isdigit() and w not in self._vocabulary]

    def _other_years(self, words: Iterable[str]) -> list[str]:
        """The years among the words that are not ours ("in 2024")."""
        return [w for w in self._unknown_numbers(words) if int(w) in _YEARS]

    def _other_time(self, words: list[str], *, pointing: bool) -> bool:
        """Words that tell of another year and, unless the question points back at them ("how many
        died in it"), of something that happened then (`story.happenings`: "the 2005 kashmir earthquake",
        "the 2009 lahore attack"); not of the asker's own life then ("i visited quetta in 2019")."""
        return bool(self._other_years(words)) and (pointing or not self._happenings.isdisjoint(words))

    def _numbers_of_another_subject(self, question: _Question) -> bool:
        """A number that is none of ours, no day of a month and no year ("whats 15% of 240", "what was
        article 370"): the message is about something else, never a plea for help or the sources."""
        return any(int(w) > 31 and int(w) not in _YEARS for w in self._unknown_numbers(question.words))

    def _meta_alone(self, part: str, vocabulary: frozenset[str]) -> tuple[Intent, ...] | None:
        """A part's meta replies, if every word of it is in `vocabulary` (no need to route it
        otherwise) and it alone gets nothing but meta replies."""
        words = self.normalise(part).split()
        if not words or not vocabulary.issuperset(words):
            return None
        intents = self._routed(part)
        return intents if all(i.decision == "meta" for i in intents) else None

    def _asks_the_bot(self, part: str) -> bool:
        """Whether a part alone asks the bot itself something ("what can you do", "how do i use you",
        "can you tell me what happened"): a meta reply, not more of the asker's story."""
        return self._meta_alone(part, self._meta_words) is not None

    def _is_chat(self, part: str) -> bool:
        """A greeting, thanks or a plea for help (meta replies of kind intro or thanks): in a message with
        a question, no part of it."""
        intents = self._meta_alone(part, self._chat_words)
        return intents is not None and all(i.top is not None and i.top.target in self._chat for i in intents)

    def _ask_apart(self, asking: list[str]) -> bool:
        """Several parties read from the whole message share what it asks of them ("what did iran and
        afghanistan say"); parts that each ask something, and not the same, are read apart ("who gave
        the us statement, and what did saudi arabia say")."""
        lexicon = self.factbase.lexicon
        kinds = {frozenset(lexicon.asks_for(self.normalise(p))) - {"identity"} for p in asking}
        return frozenset() not in kinds and len(kinds) > 1

    def _parts(self, text: str, asking: list[str], named: frozenset[str], around: frozenset[str]) -> list[str]:
        """The questions of a message's asking parts, each worded to be read alone. A part that leans
        on the one before asks about its subject ("where did it happen and when"); one that asks
        nothing ("death toll??? pls") is no part at all. A part whose "they" or "it" may mean the part
        before or the story, and reads differently each way ("why did the bla do it, what did they say
        they were after"), makes the message one question: no parts."""
        lexicon = self.factbase.lexicon
        kept = asking[:1]
        subject = asking[0]  # what a part that leans on the one before asks about
        for part in asking[1:]:
            asks = lexicon.asks_for(self.normalise(part))
            words = fold(part).split()
            if self._only_a_name(part):
                kept.append(f"{part.strip()} {self._topic_of(subject)}")  # "..., naam kya hai": whose name
                continue
            if not self._asks(part):
                if len(words) > 3 or lexicon.attributes(part):
                    continue  # a clause of the part before: "..., according to the chief minister"
                read = self.normalise(part)
                narrows = set(lexicon.find_entities(read)) & self._places or not self._weekdays.isdisjoint(read.split())
                if len(words) <= 2 and self._after_question(text, part) and not narrows:
                    # "did they seize any city? and hospitals?": asked alone, or like the part before
                    # ("how many civilians died? and soldiers?"), as a follow-up would be; a place or
                    # a day narrows the part before ("how many died? in quetta?": the whole message asks).
                    alone = all(i.decision in ("answer", "meta") for i in self._routed(part, around))
                    kept.append(part if alone else self._follow_up(subject, part) or part)
                    continue
                if len(words) <= 2:
                    continue  # one more of a list: "total dead including soldiers and civilians"
            if self._when_or_where_of(part, asks, subject, around):
                kept.append(f"{part.strip()} {self._topic_of(subject)}")  # "..., and on which day?"
            elif self._stands_alone(part) and not lexicon.points_back(part):
                vague = not lexicon.vague.isdisjoint(words)
                if vague and not self._reads_alone(part, named, around):
                    return []
                if vague and all(i.decision == "decline" for i in self._routed(part, around)):
                    # "..., and who took part in them": "them" is what the part before asks about
                    kept.append(f"{part.strip()} {self._topic_of(subject)}")
                    continue
                kept.append(part)
                subject = part
            elif asks:
                kept.append(f"{part.strip()} {self._topic_of(subject)}")
        return kept

    def _after_question(self, text: str, part: str) -> bool:
        """Whether a part comes after a question mark, with only words that join parts between."""
        before = text[: text.find(part)].rstrip()
        joining = [s for s in self.factbase.lexicon.splitters if s.isalnum()]
        while (words := before.split()) and fold(words[-1]) in joining:
            before = before[: before.rfind(words[-1])].rstrip()
        return before.endswith("?")

    def _asks_again(self, part: str, subject: str) -> bool:
        """A part of nothing but words that ask, asking what the part before asks ("how many police
        died, what's the number?") or asking of a part that asks nothing ("deaths among the police,
        the figure?"): that question again, not one about the story at large."""
        lexicon = self.factbase.lexicon
        if self._only_a_name(part) and not {"who", "identity"}.isdisjoint(lexicon.asks_for(self.normalise(subject))):
            # "who gave the us statement, naam kya hai": the fact answering who names them; "who were
            # the victims? names" asks what no fact gives ("who were the civilians": how many), and
            # its names are the question
            return all(
                i.decision == "answer"
                and i.top is not None
                and not {"who", "identity"}.isdisjoint(self._targets[self._position[i.top.target]].answers)
                for i in self._routed(subject)
            )
        question = self._understand(part)
        if question is None or question.named or set(question.words) - lexicon.cue_words:
            return False
        if not self._leaning.isdisjoint(fold(part).split()):
            return False  # "..., and what did they reply": someone the part before names
        asked = self._understand(subject)
        kinds = set(question.asks) - {"identity"}
        return bool(kinds) and asked is not None and (kinds <= set(asked.asks) or not self._asks(subject))

    def _when_or_where_of(self, part: str, asks: tuple[AnswerType, ...], subject: str, around: frozenset[str]) -> bool:
        """A part asking only when or where ("and on which day was that?") asks it of the part before,
        if what that part asks about gives it (the day Pakistan blamed India); read alone, it would be
        when or where the attacks were, which is right when it does not ("how many died, and on which
        day?")."""
        question = self._understand(part)
        if question is None or question.named or set(question.words) - self.factbase.lexicon.cue_words:
            return False
        kinds = set(asks) - {"identity"}  # "on what day": "what" alone asks nothing of its own
        if not kinds or not kinds <= {"when", "where"}:
            return False
        # Read as the message's parts are answered (with its words around): the routing is then shared.
        tops = [self._position[i.top.target] for i in self._routed(subject, around) if i.top is not None]
        return bool(tops) and all(self._answering[kind][tops[0]] for kind in kinds)

    def _reads_alone(self, part: str, named: frozenset[str], around: frozenset[str]) -> bool:
        """Whether a part whose "they" or "it" may mean anyone can be read alone: not if it then lands
        on what a country, body or person the message does not name said or did ("what did they say"
        alone is whichever statement it resembles most)."""
        for intent in self._routed(part, around):
            if (
                intent.top is not None
                and (self._targets[self._position[intent.top.target]].subjects & self._parties) - named
            ):
                return False
        return True

    def _tells(self, part: str, before: str) -> bool:
        """A part that asks nothing: the asker's own story ("my cousin lives in mastung"), what they
        heard ("suna hai ek DSP bhi shaheed hua, naam kya tha"), or only a name, a guess at what the
        part before asks ("who is behind this, india??"; but "who is bugti, and jaiswal?" asks twice)."""
        lexicon = self.factbase.lexicon
        if lexicon.only_feels(part):
            return True  # "this is terrible, who did this": how the asker feels
        normalised = self.normalise(part)
        if before and lexicon.asks_who_says(normalised) and not lexicon.points_back(part):
            return True  # "how many died, and who said so?": every answer says who; not "what did she say"
        if before and lexicon.is_hedge(part):
            return True  # "what is the bla, separatists or what": a guess at the answer
        if before and self._checks_who_said(part):
            return True  # "india ka haath hai, army ne kaha?": whether the army said the claim before
        asks = set(lexicon.asks_for(normalised))
        if asks == {"said"} and not lexicon.opens_question(part):
            if lexicon.narrates(part):
                return True  # what someone of theirs told them: "my son told me india has admitted it"
            opener = fold(part).split()[:1]
            goes_on = before and lexicon.narrates(before) and not lexicon.pointers.isdisjoint(opener)
            if goes_on and not self._speaks_of_story(part, there=False):
                # ...who goes on in the next part: "my brother is in gwadar, he says people talk of one
                # group"; not with a claim of the story, which is what is checked ("he says it was india")
                return True
        if lexicon.asks_outright(normalised):
            return False
        if lexicon.narrates(part) or lexicon.checks_rumour(part):
            return True
        if asks:
            return False
        if not (before and lexicon.find_entities(normalised) and set(normalised.split()) <= self._entity_words):
            return False
        asked = self._understand(before)
        if asked is None or not asked.asks or asked.asks[:1] == ("identity",):
            return False
        # A place after a count narrows it ("how many died? in quetta?"): a count of there, no guess; the
        # province is where all of it was ("how many died? in balochistan?").
        there = set(lexicon.find_entities(normalised))
        return not (asked.asks[:1] == ("count",) and there <= self._places - self._setting)

    def _checks_who_said(self, part: str) -> bool:
        """A part of nothing but a party and a word of saying, no word opening a question ("army ne
        kaha?", "the army said that?"; not "did india deny it", "india ne kya kaha"): whether that
        party said what the part before claims; every answer says who did."""
        lexicon = self.factbase.lexicon
        if not lexicon.openers.isdisjoint(fold(part).split()) or lexicon.is_request(part):
            return False  # nor one that asks outright: "..., بتائیں کہ امریکہ نے مذمت کی" (tell me whether)
        words = set(self.normalise(part).split())
        parties = words & (self._entity_words | self._force_words)
        rest = words - parties - self._vague_words
        return bool(parties) and bool(rest) and rest <= self._saying

    def _asks(self, part: str) -> bool:
        """Whether a part asks anything: a question word, words that open a question ("was there"), or a
        request ("give me the 31")."""
        lexicon = self.factbase.lexicon
        return bool(lexicon.asks_for(self.normalise(part))) or lexicon.opens_question(part) or lexicon.is_request(part)

    def _is_subject_of(self, part: str, following: str) -> bool:
        """A first part that asks nothing is what the next part asks about if it is a word or two
        ("police and fc, how many were killed", "any wounded?? how many") or what the next one sets
        aside ("besides quetta, which other cities": not a question about Quetta of its own)."""
        lexicon = self.factbase.lexicon
        length = len(fold(part).split())
        if length <= 4 and not self._asks(part) and lexicon.set_aside(part):
            return self._asks(following)  # "except for quetta, were other cities hit"
        if lexicon.asks_for(self.normalise(part)) or not lexicon.asks_for(self.normalise(following)):
            return False
        return length <= 2

    def _speaks_of_story(self, part: str, *, there: bool) -> bool:
        # A name, a figure of ours or a word of the story ("i read 92 militants dead"), not a word some
        # example happens to use or one that names what is asked ("we saw some figures on tv"), nor
        # only where the asker or theirs are ("my family is in noshki, were the attacks coordinated"),
        # unless a question points there ("im from gwadar, how many died there"), nor the force they
        # serve in ("my dad is in FC", "mera cousin police mein hai").
        lexicon = self.factbase.lexicon
        cues = lexicon.cue_words
        every = self.normalise(part).split()
        words = [w for w in every if w not in cues]
        named = lexicon.find_entities(" ".join(words))
        if not there:
            named = tuple(e for e in named if e not in self._places)
            words = [w for w in words if w not in self._place_words]
        if lexicon.narrates(part):
            words = [w for w in words if w not in self._force_words]
            if self._tells_of_story.isdisjoint(every):
                # Where the asker is from or lives ("i'm a pakistani-american in houston", "main lahore
                # se hoon"), unless they tell what a country said or did ("my uncle keeps saying it was
                # india", "i assume the us condemned it": a word of saying, or of the story).
                home = set(named) & (self._countries | self._setting)
                named = tuple(e for e in named if e not in home)
                words = [w for w in words if w not in self._words_of(home)]
        return bool(named) or self._on_topic(words, list(named), strict=False)

    def _topic_of(self, part: str) -> str:
        """A part's words without those that only say what kind of answer it wants, in any language
        ("kab", "کس نے کیا": the part asks and names nothing, so "kahan hua" after it asks where alone)."""
        cues = self.factbase.lexicon.cue_words
        if set(self.normalise(part).split()) <= cues:
            return ""

        def cue(word: str) -> bool:
            meant = self.normalise(word).split()
            return bool(meant) and set(meant) <= cues

        return " ".join(w for w in fold(part).split() if not cue(w))

    def _only_a_name(self, part: str) -> bool:
        """A part asking for a name and nothing else ("whats the name", "نام کیا ہے")."""
        words = set(self.normalise(part).split())
        return bool(words & self._asks_name) and words <= self._asks_name | self.factbase.lexicon.cue_words

    def _stands_alone(self, part: str) -> bool:
        """A short part of a message that names nothing and has no word of its own ("any wounded?? how
        many") leans on the rest of the message: it is no question of its own."""
        question = self._understand(part)
        if question is None:
            return False
        own = question.named or set(question.words) - self.factbase.lexicon.cue_words
        return bool(own) or len(fold(part).split()) >= 3  # "who did it" is whole; "how many" is not

    def normalise(self, text: str) -> str:
        """Repair words we do not know but nearly do, then apply the lexicon. A message and its parts
        are read several times over (whole, split, each part alone): the last few are remembered."""
        return self._normalised(text)

    def _normalise(self, text: str) -> str:
        repaired = " ".join(self._repair(w) for w in self._joined(fold(text).split()))
        return self.factbase.lexicon.normalise_folded(repaired)

    def _joined(self, words: list[str]) -> list[str]:
        """A name of ours spelt out ("b l a", "u k") or heard as two words ("sarfaraz bug tea", "no ski",
        "must hung"), as speech to text writes them: joined; two words if that is a slip from the name,
        one is no word we know and neither is a word of ours but a stopword ("in quetta", "were any")."""
        stopwords = self.factbase.lexicon.stopwords
        out: list[str] = []
        i = 0
        while i < len(words):
            letters = list(itertools.takewhile(lambda w: len(w) == 1 and w.isalpha(), words[i:]))
            if len(letters) > 1 and "".join(letters) in self._spelt_names:
                out.append("".join(letters))  # "b l a", "u k": a name spelt out
                i += len(letters)
                continue
            a, b = words[i], words[i + 1] if i + 1 < len(words) else ""
            ours = [w for w in (a, b) if w in self._known_raw and w not in stopwords]
            unknown = [w for w in (a, b) if w not in self._known_raw]
            if b and unknown and not ours and script_language(a + b) != "ur":
                # one slip only beside a stopword: "ka lafz" is no "kalat", nor "mana ya" (accepted or)
                # "canada", but "bug tea" is "bugti"
                edits = 1 if len(a + b) < TWO_SLIPS_FROM - 3 or a in stopwords or b in stopwords else 2
                near = process.extractOne(a + b, self._heard_names, scorer=OSA.distance, score_cutoff=edits)
                if near is not None:
                    out.append(str(near[0]))
                    i += 2
                    continue
            out.append(a)
            i += 1
        return out

    def _repair(self, word: str) -> str:
        spelt = self.factbase.lexicon.spellings.get(word)
        if spelt is not None:
            return spelt
        if word in self._known_raw or len(word) < 4 or word.isdigit():
            return word
        if _zipf(word, "en") >= COMMON:
            return word  # a common word is a word: "founded" is not "funded"
        split = self._run_together(word)
        if split is not None:
            return split
        # One slip (a letter dropped, added, changed or two swapped) in a short word, two in a long one.
        # Of equally near words, the one sharing most letters in order ("whee" is "where", not "when"),
        # then the one people ask with most.
        # A word some example uses ("nayi", new) may be a writer's typo, but it is not repaired away
        # into a stopword ("nahi"): that would drop what it says.
        edits = 1 if len(word) < TWO_SLIPS_FROM else 2
        targets = self._typo_content if word in self._uses else self._typo_words
        near = process.extract(word, targets, scorer=OSA.distance, score_cutoff=edits, limit=8)
        if near and _urdu_zipf(word) >= COMMON:
            # A common Urdu word is only another form of ours ("سربراہی" is "سربراہ", "ملتا" "ملتی"):
            # "سارے" (all) is not "مارے" (killed), nor "سوری" (sorry) "سورس"; and no misspelt stopword
            # ("بارش", rain, is not "بارے").
            stopwords = self.factbase.lexicon.stopwords
            near = [n for n in near if _another_ending(word, n[0]) and n[0] not in stopwords]
        if len(word) < TWO_SLIPS_FROM:
            # A short word a letter changed from a stopword is as likely a word of its own we do not
            # know ("sone", gold, is not "hone"; "bhao", price, not "bhai"): repaired, it would say
            # nothing. A letter dropped or doubled is a typo ("anythng", "actualy").
            stopwords = self.factbase.lexicon.stopwords
            near = [n for n in near if n[0] not in stopwords or len(n[0]) != len(word)]
        if not near:
            return word
        fewest = min(d for _, d, _ in near)
        ties = [str(w) for w, d, _ in near if d == fewest]
        return max(ties, key=lambda w: (fuzz.ratio(word, w), self._uses.get(w, 0)))

    def _run_together(self, word: str) -> str | None:
        """Two Urdu words typed without the space between them ("کاردعمل", "سرفرازبگٹی"): on a phone
        it is often lost, as a letter that never joins the next already looks like a word's end. Each
        half is a word people ask with (three letters at least) or a stopword, one half not a stopword."""
        if script_language(word) != "ur" or _urdu_zipf(word) >= COMMON:
            return None  # a common Urdu word is a word ("بیانیہ" is no "بیان یہ")
        stopwords = self.factbase.lexicon.stopwords

        def known(half: str) -> bool:
            return half in stopwords or (len(half) >= 3 and half in self._known_raw)

        halves = [(word[:i], word[i:]) for i in range(2, len(word) - 1)]
        split = [(a, b) for a, b in halves if known(a) and known(b) and not {a, b} <= stopwords]
        return " ".join(max(split, key=lambda two: min(map(len, two)))) if split else None

    def _understand(self, text: str) -> _Question | None:
        norm = self.normalise(text)
        words = norm.split()
        if not words:
            return None
        lexicon = self.factbase.lexicon
        named_all = list(lexicon.find_entities(norm))
        named = [e for e in named_all if e not in self._setting]
        rest = set(words) - self._entity_words
        offices = self._offices_of(named_all)
        asks: tuple[AnswerType, ...]
        named_blamer = self._blamer(text, norm)
        blamer = named_blamer or self._spoken_for_unquoted(text)
        blamer = self._speaks_for.get(blamer, blamer) if blamer is not None else None  # "did jaiswal blame"
        blamer = None if blamer in self._setting else blamer  # Pakistan's blaming is what the guesses are about
        if self._blame in words:
            # A person who speaks for Pakistan blames as Pakistan does ("did bugti blame india").
            named = [e for e in named if self._speaks_for.get(e) not in self._setting]
        blamed = self._blames(text, norm, named, named_blamer)
        # "did isis claim the quetta attack": a place of the story may stand beside the party guessed at
        guessable = (
            blamer is None
            and not self._guessable.isdisjoint(named)
            and set(named) <= self._guessable | (self._places & self._in_story)
        )
        if guessable and set(norm.split()) - self._entity_words <= self._owning_words:
            blamer = self._owning_up(norm)
        charged: tuple[str, ...] = ()
        if blamer is not None:
            # "did the us blame india", "did iran blame anyone": what the one who blames said, if anything
            # (whom they blamed, if blaming is what is asked: not "india ne kya jawab diya un ilzamaat ka",
            # what India answered to the charges, "un" no United Nations)
            if "said" not in lexicon.asks_for(norm):
                charged = tuple(e for e in named if self._speaks_for.get(e, e) != blamer and e not in self._places)
            named = [blamer]
            words = [*lexicon.cue("said").split(), *self._name_words.get(blamer, ())]
            asks = ("said",)
        elif blamed or (guessable and lexicon.guesses_culprit(text, norm, also=self._generic_story)):
            # "was it the taliban?" asks who did it, and only that: the sources' answer whoever the guess
            # names; a party they link to the attacks narrows it ("was it india": what Pakistan said),
            # and so does a word of blaming ("did pakistan blame the taliban": whom it did blame).
            named = [e for e in named if e in self._suspects] or list(blamed or self._suspects[:1]) or named
            words = [*lexicon.cue("who").split(), *(w for e in named for w in self._name_words.get(e, ()))]
            asks = ("who",)
        elif (
            named_all
            and rest - self._pointer_words <= self._identity_cues | offices | self._tags_of(named_all) | self._meaning
            and (not lexicon.rules_out("identity", text) or not rest.isdisjoint(offices | self._meaning))
        ):
            # "who is bugti"; "what does bla stand for" (`meaning`) asks what it is; "is bugti the
            # governor?" asks his office too, whichever office it guesses;
            # "what position does baker hold" asks it outright ("does" otherwise rules out who she is:
            # "what did jaiswal do");
            # "is bugti the army chief?", "natalie baker is british?" ask nothing of whoever holds that
            # office or of that country, only who the person in the story is.
            asks = ("identity",)
            words = [w for w in words if w not in offices and w not in self._person_guesses]
            ours = [e for e in named if e in self._people and e in self._in_story]
            if ours and (lexicon.opens_question(text) or rest.isdisjoint(self._identity_cues)):
                others = self._words_of(e for e in named_all if e not in ours)
                named, words = ours, [w for w in words if w not in others]
            elif (
                named
                and set(named) <= self._countries
                and any(e in self._spoken_by for e in named)
                and rest - self._pointer_words <= self._identity_cues
                and set(lexicon.tags).isdisjoint(fold(text).split())  # not "who is right, india or pakistan"
            ):
                # "what about india", "tell me about the uk": what the country said, not who speaks for
                # it; of several, what each said, if anything ("what about india and afghanistan")
                asks = ("said",)
                words = [*lexicon.cue("said").split(), *(w for e in named for w in self._name_words.get(e, ()))]
        else:
            asks = tuple(a for a in lexicon.asks_for(norm) if a != "identity")
            folded, when = fold(text).split(), lexicon.cue("when")
            if len(asks) > 1 and "when" in asks and folded[:1] != [when] and when in folded[1:]:
                # "what did india say when pakistan blamed them": "when" joins a clause, it asks nothing
                asks = tuple(a for a in asks if a != "when")
            who = lexicon.cue("who")
            if folded[1:2] == ["it"] and who in folded and any(w.isdigit() for w in folded[: folded.index(who)]):
                # "was it 13 civilians who died?": "who" joins a clause to the figure checked
                asks = tuple(a for a in asks if a != "who")
        if self._takes_a_place(text):
            # "militants captured gwadar", "was noshki taken"
            words = [self._seize if w == self._arrest or w in self._taken else w for w in words]
        words = self._losses_of_groups(self._unbounded(words))
        if "count" in asks or not self._tallying.isdisjoint(words):
            # "what is the toll according to the cm": whose figure it is, which every answer says; the
            # name would narrow it to any one figure he gave (it got the civilians')
            words, named = self._unattributed(words, named)
        victims = self._killed_by(text, words)
        if len(victims) < len(words):
            named = self._still_named(victims, named)
        words = victims
        if "when" not in asks:
            dating = self._dating(words)
            undated = [w for i, w in enumerate(words) if i not in dating]
            if asks or set(undated) - self._generic_story - lexicon.cue_words:
                words = undated  # not "were the attacks on jan 31?": the date is what it asks
        if not asks and self._deaths_of_a_day(words):
            asks = ("count",)
            words = [*lexicon.cue("count").split(), *words]
        if "count" in asks:
            # Another day than one some fact counts narrows the count, which `_of_a_day` finds not reported.
            words = [w for w in words if w not in self._weekdays or w in self._counted_days]
        figures = self._heard(
            words, named, self._figure_words, after=self._tallies, counts=self._counts_not_years(text)
        )
        # A span heard ("did it last 3 days?") is a figure only of a question of how long, never of a
        # count or of who ("who attacked 3 days ago" names another day, and is declined as before).
        spans = self._heard(words, named, self._span_words) if asks in ((), ("duration",)) else ()
        if figures and asks == ("said",) and not named and self._force_words.isdisjoint(words):
            # "they say 50 died, true?": a figure heard of no one in particular, as "i heard 50 died"
            words = [w for w in words if w not in self._blaming]
            asks = ()
        cued = asks  # what its own words ask, before a figure heard says
        if (figures or spans) and not asks:
            asks = ("count",) if figures else ("duration",)  # "were 200 killed?" asks for the figure
            if not named and set(words) - {*figures, *spans} <= self._units:
                words = [*lexicon.cue(asks[0]).split(), *words]  # "were 300 killed": how many were
        heard = figures if asks[:1] != ("duration",) else figures + spans
        # "was it on jan 30?": a date heard, asked against ours; "how many died on jan 30" asks for a
        # count of a day the sources do not count by, and "jan me 25 log mare" a count (both as before).
        days = self._days(words) if "count" not in asks else ()
        days += self._years_guessed(text, words) if not asks else ()
        if days:
            heard = (*heard, *(d for d in days if d not in self._vocabulary))
            if not asks:  # "what did the army say on jan 31" asks what was said
                asks = ("when",)
                words = [*lexicon.cue("when").split(), *words]
        # "was it on sunday?", "kya hamla itwar ko hua": a day of the week heard, asked against ours
        on_a_day = not self._weekdays.isdisjoint(words) and (lexicon.opens_question(text) or lexicon.ends_on_tag(text))
        if on_a_day and not asks and set(words) - self._weekdays <= self._generic_story | lexicon.cue_words:
            asks = ("when",)
            words = [*lexicon.cue("when").split(), *words]
        # "and besides quetta?" (nothing else) asks which other places: not a gap that uses "besides".
        if (
            not asks
            and named
            and set(named) <= self._places
            and set(words) <= self._names_or_aside
            and lexicon.set_aside(text)
        ):
            asks = ("where",)
            words = [*lexicon.cue("where").split(), *words]
        # "the deadliest in 20 years" compares; "20 years ago", "killed in 5 years" name another time.
        periods = self._periods(words, named)
        # Who says it: marked as the agent ("dilli ne pakistan ko kya kaha": not Pakistan, which the word
        # before "kaha" is), else the party right before the word for saying, or two words before it.
        speaker = (
            (blamer or lexicon.agent(text) or lexicon.speaker(norm) or lexicon.speaker(norm, reach=2))
            if "said" in asks
            else None
        )
        # A span's unit goes with its figure ("did it last 2 weeks": what it asks is how long)
        units = (
            {i + 1 for i, w in enumerate(words[:-1]) if w in spans and words[i + 1] in self._span_words}
            if cued == ("duration",)
            else set()
        )  # not "145 militants in 3 days?", a count checked with a span
        kept = [w for i, w in enumerate(words) if w not in heard and i not in periods and i not in units]
        return _Question(text, kept, named, asks, heard, speaker, charged=charged)

    def _losses_of_groups(self, words: list[str]) -> list[str]:
        """A loss that ends the question right after a group of people (words asking how many aside)
        is its dead: "security forces ka kitna nuqsan hua" asks how many of them died. A group set
        aside right after "not" or "except" is no group asked about ("normal people, not soldiers")."""
        aside = {i + 1 for i, w in enumerate(words[:-1]) if w in self._setting_aside and words[i + 1] in self._groups}
        words = [w for i, w in enumerate(words) if i not in aside and i + 1 not in aside]
        plain = [w for w in words if w not in self.factbase.lexicon.cue_words]
        if len(plain) < 2 or plain[-1] not in self._losses or plain[-2] not in self._groups:
            return words
        last = len(words) - 1 - words[::-1].index(plain[-1])
        return [*words[:last], self._killed, *words[last + 1 :]]

    def _owning_up(self, normalised: str) -> str | None:
        """A party with words of its own right before a word of claiming ("did india claim responsibility",
        "india accepted responsibility?"): whether it owned up is what it said (India's denial), not whom
        Pakistan blamed. The group that claimed the attacks (the first suspect) is answered with its claim."""
        words = normalised.split()
        for before, word in itertools.pairwise(words):
            if word == self._claim:
                found = self.factbase.lexicon.find_entities(before)
                party = found[0] if found else None
                owns = party in self._voices and party not in self._setting and party not in self._suspects[:1]
                return party if owns else None
        return None

    def _blames(self, text: str, normalised: str, named: list[str], blamer: str | None) -> tuple[str, ...]:
        """Whom Pakistan blamed, for a guess at it: a word of blaming or saying, only parties the sources
        quote nothing of named, and nothing else but the forces ("did the army say afghanistan was behind
        it"; not "did the us say it was iran"). `blamer`: who the question says blames (`_blamer`)."""
        # (a party with words of its own too, if Pakistan is said to blame it: "did pakistan blame the
        # uk", "was the uae accused")
        voices = self._voices if blamer != self._home else frozenset()
        outside = bool(named) and set(named) <= self._guessable - voices
        if not outside or self._blaming.isdisjoint(normalised.split()):
            return ()
        if blamer not in (None, *self._setting):
            return ()  # "did iran blame anyone" asks what Iran said
        # (part by part: "..., is that what they said" is no Afghanistan speaking)
        lexicon = self.factbase.lexicon
        parts = (self.normalise(p) for p in lexicon.split_pattern.split(text) if p and p.strip())
        if not {lexicon.speaker(p, reach=2) for p in parts} <= {None, *self._setting}:
            return ()  # "did iran say it was the taliban" asks what Iran said
        # "the taliban government"; "why did pakistan blame afghanistan" guesses whom too, as does "... too"
        also = (
            self._generic_story | self._blaming | self._force_words | self._homeland | self._too | {lexicon.cue("why")}
        )
        return self._accused if lexicon.guesses_culprit(text, normalised, also=also) else ()

    def _weighs(self, text: str, words: list[str]) -> bool:
        """Whether a question weighs one group's dead against another's ("did more civilians die than
        soldiers"): no one fact answers it, so it is a "did you mean" of theirs, not the first."""
        return (
            len(self._tolled.intersection(words)) > 1
            and self._weighing is not None
            and (self._weighing.search(fold(text)) is not None)
        )

    def _spoken_for_unquoted(self, text: str) -> str | None:
        """The one party a question asks who spoke for ("who spoke for iran"), if the sources quote
        nothing of it: what it said is not reported (it got "who leads the BLA is not reported")."""
        lexicon = self.factbase.lexicon
        after = lexicon.after_who_spoke(text).split()
        if not after or after[0] not in lexicon.behalf:
            return None
        found = [e for e in self._named_in(" ".join(after[1:4])) if e not in self._setting]
        if len(found) != 1 or found[0] not in self._guessable or found[0] in self._voices:
            return None
        return found[0]

    def _blamer(self, text: str, normalised: str) -> str | None:
        """Who does the blaming: the party marked as the agent ("amreeka ne india par ilzam lagaya"),
        else one named right before the word of blaming ("did the us blame india")."""
        lexicon = self.factbase.lexicon
        words = normalised.split()
        first = next((i for i, w in enumerate(words) if w == self._blame), None)
        if first is None:
            return None  # "india ne kiya kya" guesses who did it; "what did the us say" asks it
        # The marker in the sentence that blames: "koi saboot hai ke bharat ne karwaya? ya sirf ilzam?"
        # asks whether India did it, not what India blamed.
        sentences = [fold(t).split() for t in _SENTENCE_END.split(text)]
        for sentence in (s for s in sentences if any(self.normalise(w) == self._blame for w in s)):
            for i, word in enumerate(sentence):
                if word in lexicon.agents:
                    found = lexicon.find_entities(self.normalise(" ".join(sentence[max(0, i - 2) : i])))
                    if found:
                        return found[-1]
        folded = fold(text).split()
        alone = [j for j, word in enumerate(folded) if self.normalise(word) == self._blame]
        for j in alone:
            passive = lexicon.agent_after(folded[j + 1 :])
            if passive is None and self._by_forces(folded[j + 1 :]):
                passive = self._home
            if passive is not None:
                return passive  # "was india accused by islamabad", "... by the army": Pakistan blamed
        # Without a marker, only a name right before the word: "india wale ilzam", "انڈیا پر الزام" (the
        # charge against India) name who is blamed.
        ends = set(itertools.accumulate(map(len, sentences)))
        for j in alone:
            if not j or not self.normalise(folded[j - 1]):
                continue
            for k, before in ((k, self.normalise(" ".join(folded[j - k : j]))) for k in (1, 2, 3) if k <= j):
                found = lexicon.find_entities(before)
                if found and before.split()[-1] in self._entity_words:  # "saudi arabia blame"
                    # "was india blamed", "india accused of what", "india blamed?": the one blamed,
                    # by Pakistan, whose charge the story reports.
                    asked = set(self.normalise(" ".join(folded[: j - k])).split()) & lexicon.cue_words
                    blamed = (
                        folded[j] != self._blame
                        and (  # "blamed", "accused"; not "did india blame"
                            (j + 1 in ends and not asked)  # "india blamed?"; not "who the uk blamed?"
                            or not lexicon.passive_after.isdisjoint(folded[j + 1 : j + 2])
                            or (j > k and folded[j - k - 1] in lexicon.passive_before)
                            or (j > k and folded[j - k - 1] in lexicon.articles and folded[j] in lexicon.charges)
                        )
                    )
                    return self._home if blamed else found[-1]
        if not alone and first and words[first - 1] in self._entity_words:
            # Blaming in a phrase ("did the uk hold india responsible"): the name right before it, as read.
            return next(iter(lexicon.find_entities(words[first - 1])), None)
        return None

    def _takes_a_place(self, text: str) -> bool:
        """Whether a word of capturing comes right before a place ("captured gwadar port"; not
        "captured in quetta", where people were) or right after it ("was noshki taken", "was gwadar
        port captured")."""
        folded = fold(text).split()
        for i, token in enumerate(folded):
            if token not in self._taking:
                continue
            following = self.normalise(" ".join(folded[i + 1 : i + 2])).split()
            # ...a place before it only as the last word: "was noshki taken", not "noshki taken hostage"
            before = self.normalise(" ".join(folded[max(0, i - 2) : i])).split() if i == len(folded) - 1 else []
            if not self._place_words.isdisjoint([*following[:1], *before]):
                return True
        return False

    def _unattributed(self, words: list[str], named: list[str]) -> tuple[list[str], list[str]]:
        """The words without a word of sourcing and the party right after it ("according bugti"), when
        what is counted is still said: "kitne militant bataye bugti ne" asks what figure he gave, and
        without him it became how many militants there were."""
        for i, word in enumerate(words[:-1]):
            after = words[i + 1]
            if word in self._sourcing and (after in self._entity_words or after in self._force_words):
                rest = [*words[:i], *words[i + 2 :]]
                if self._deaths.isdisjoint(rest) and self._tallying.isdisjoint(rest):
                    return words, named
                party = set(self.factbase.lexicon.find_entities(after))
                return rest, [e for e in named if e not in party]
        return words, named

    def _by_forces(self, folded: list[str]) -> bool:
        """Whether these words open with "by" and Pakistan's forces ("by the army", "by ispr")."""
        after = self.factbase.lexicon.after_by(folded)
        return after is not None and not self._force_words.isdisjoint(self.normalise(" ".join(after[:3])).split())

    def _killed_by(self, text: str, words: list[str]) -> list[str]:
        """Who died, when the question says who killed. A force that kills ("how many did the army
        kill", "fauj ne kitne maare") killed militants, unless it names whom ("... civilians"); the
        attackers ("how many soldiers did the bla kill", "killed by the bla") killed everyone else."""
        present = set(words)
        if present.isdisjoint(self._victims) and self._forces_kill(text, present):
            killed = (self._militant if w in self._force_words else w for w in words if w != self._people_word)
            return list(dict.fromkeys(killed))
        attackers = not self._attacker_words.isdisjoint(present)
        if attackers and self._attackers is not None and self.factbase.lexicon.kills(text, self._attackers):
            return [w for w in words if w not in self._attacker_words] or words
        return words

    def _forces_kill(self, text: str, present: set[str]) -> bool:
        """Whether a force the question names is marked as the one who killed."""
        if self._forces is None or self._force_words.isdisjoint(present):
            return False
        return self.factbase.lexicon.kills(text, self._forces)

    def _words_of(self, entities: Iterable[str]) -> frozenset[str]:
        """The words of the names of these entities, as a question reads them."""
        return frozenset(w for e in entities for w in self._name_words.get(e, ()))

    def _still_named(self, words: list[str], named: list[str]) -> list[str]:
        """Those named whose names the words still have: "did the bla kill" names the killers only."""
        return [e for e in named if not self._name_words.get(e, frozenset()).isdisjoint(words)]

    def _unbounded(self, words: list[str]) -> list[str]:
        """The words without those that bound a number ("over 50 soldiers", "200 se zyada log"): "were
        over 50 soldiers killed" asks what "were 50 soldiers killed" does."""
        if self._bounds.isdisjoint(words):
            return words
        plain = [i for i, w in enumerate(words) if w not in self._bounds]

        def beside_number(i: int) -> bool:
            before = [j for j in plain if j < i][-1:]
            after = [j for j in plain if j > i][:1]
            return any(words[j].isdigit() for j in (*before, *after))

        return [w for i, w in enumerate(words) if w not in self._bounds or not beside_number(i)]

    def _days(self, words: list[str]) -> tuple[str, ...]:
        """Days of the month (`days_of_month`): a day we do not know is one heard; "jan 2024" names
        another time."""
        return days_of_month(words, months=self._months, units=self._units)

    def _deaths_of_a_day(self, words: list[str]) -> bool:
        """A day of the week and words of death, nothing else ("sunday deaths?", "militants killed saturday"): how
        many died that day, not when."""
        present = set(words)
        return (
            not present.isdisjoint(self._weekdays)
            and not present.isdisjoint(self._deaths)
            and present <= self._weekdays | self._deaths | self._tolled
        )

    def _dating(self, words: list[str]) -> set[int]:
        """Where the words date the attacks ("how did the us describe the january 31 attacks", "who
        claimed the saturday attack"): a month of ours with its day, or a day of the week, right before
        or after a word naming them, every one a word of ours ("the jan 30 attack" is a date heard). It
        only says which attacks; "31" there is no figure heard."""
        dating: set[int] = set()
        days = set(self._days(words))
        naming = self._months | self._weekdays
        for i, word in enumerate(words):
            if word not in self._events:
                continue
            for step in (-1, 1):
                j, found = i + step, set()
                while 0 <= j < len(words) and (
                    words[j] in naming or (words[j].isdigit() and (words[j] in days or int(words[j]) in _YEARS))
                ):
                    found.add(j)
                    j += step
                ours = all(words[k] in self._vocabulary for k in found)
                if ours and any(words[k] in naming for k in found):
                    dating |= found
        return dating

    def _years_guessed(self, text: str, words: list[str]) -> tuple[str, ...]:
        """A year put to the story as a yes-or-no guess ("were the attacks in 2025?", "kya ye 2025 mein
        hua"): asked against the date we know. A year with anything else of its own ("how many died in
        2024", "what happened in balochistan in 2025") names another time, as before."""
        years = tuple(self._other_years(words))
        lexicon = self.factbase.lexicon
        if not years or not (lexicon.opens_question(text) or lexicon.ends_on_tag(text)):
            return ()
        return years if set(words) - set(years) <= self._generic_story | self._months | lexicon.cue_words else ()

    def _tags_of(self, named: list[str]) -> frozenset[str]:
        """Tags ("..., right?") and words of where someone belongs ("from") that leave a guess at who a
        person in the story is one: "bugti is the pm right", "is baker from the uk"."""
        return self._person_guesses if not self._people.isdisjoint(named) else frozenset()

    def _offices_of(self, named: list[str]) -> frozenset[str]:
        """The words that ask what someone named is: an office, if a person is named."""
        return self._offices if not self._people.isdisjoint(named) else frozenset()

    def _heard(
        self, words: list[str], named: list[str], units: frozenset[str], **where: frozenset[str]
    ) -> tuple[str, ...]:
        """Numbers said as a count of people ("were 200 killed") or a span ("3 days") that our facts do
        not give and that name no other event (9/11, 2008): `_numbers_before`'s, as words."""
        return tuple(words[i] for i in self._numbers_before(words, named, units, **where))

    def _counts_not_years(self, text: str) -> frozenset[str]:
        """Numbers of the size of a year said as a count, in a question asked or a claim checked: right
        before people counted ("were 2000 attackers killed"), after no word that makes a year ("in
        2000", "jan 2000")."""
        lexicon = self.factbase.lexicon
        if not (lexicon.opens_question(text) or lexicon.checks_claim(text)):
            return frozenset()  # asked of nothing: "2012 militants attacked quetta, was it this bad"
        folded = fold(text).split()
        marks = lexicon.years_after
        return frozenset(
            number
            for previous, number, following in _with_neighbours(folded)
            if number.isdigit()
            and int(number) in _YEARS
            and previous not in marks
            and self.normalise(previous) not in self._months
            and not self._figure_words.isdisjoint(self.normalise(following).split())
        )

    def _periods(self, words: list[str], named: list[str]) -> frozenset[int]:
        """Where a number is a period the story is compared with ("the deadliest in 20 years"): a
        number we do not know before a period unit, in a question that compares, with no word of time
        past after it ("20 years ago")."""
        if self._comparing.isdisjoint(words):
            return frozenset()
        return frozenset(
            i
            for i in self._numbers_before(words, named, self._period_words)
            if self._ago_words.isdisjoint(words[i + 2 : i + 3])
        )

    def _numbers_before(
        self,
        words: list[str],
        named: list[str],
        units: frozenset[str],
        *,
        after: frozenset[str] = frozenset(),
        counts: frozenset[str] = frozenset(),
    ) -> list[int]:
        """Where a number our facts do not give, and no year (unless one of `counts`), stands right
        before one of `units` (or, last of all, right after one of `after`), in a question naming
        nothing outside the story."""
        if any(e not in self._in_story for e in named):
            return []
        return [
            i
            for i, (previous, number, following) in enumerate(_with_neighbours(words))
            if number.isdigit()
            and number not in self._vocabulary
            and (int(number) not in _YEARS or number in counts)
            and (following in units or (previous in after and not following))
        ]

    def _route_one(self, text: str, around: frozenset[str] = frozenset()) -> tuple[Intent, ...]:
        lexicon = self.factbase.lexicon
        question = self._understand(text)
        if question is None:
            return (Intent(text=text, decision="decline"),)
        question = replace(question, around=around)
        unknown_numbers = self._unknown_numbers(question.words)
        # A year not ours, unless guessed as ours ("were the attacks in 2025?") or offered beside ours
        # ("2025 or 2026?"), is another time, whatever it asks of the story's words ("how many attacks
        # did the bla carry out in 2024").
        ours = any(w.isdigit() and int(w) in _YEARS and w in self._vocabulary for w in question.words)
        other_time = not ours and any(w not in question.figures for w in self._other_years(question.words))
        other_event = unknown_numbers and not self._on_topic(question.words, question.named, strict=True)
        words = [w for w in question.words if w not in unknown_numbers]
        if not words or other_time:
            return (Intent(text=text, decision="decline"),)
        named = question.named
        if lexicon.widens(text):
            # "in quetta and elsewhere": everywhere, of which no place of ours is a part on its own
            named = [e for e in named if e not in self._places]
            words = [w for w in words if w not in self._place_words]
            question = replace(question, named=named)
        if other_event:
            # A number our facts do not have, naming something else (another event), unless the
            # message is plain chat ("summary in 2 lines").
            chat = self._decide(question, words, named, self._target_scores(words))
            return (chat if chat.decision == "meta" else Intent(text=text, decision="decline"),)
        if (
            self._names_another(words)
            or self._office_of_country(question, words)
            or self._another_holder(question, words)
            or self._news_of_another_country(question, words)
            or (lexicon.asks_in_general(text) and not self._refers(text) and "count" not in question.asks)
            or self._what_a_force_is(text)
        ):
            # "what was operation sindoor", "who is india's pm", "what does a charge d'affaires do in general"
            return (Intent(text=text, decision="decline"),)
        elsewhere = self._names_place_elsewhere(named)
        if self._asks_if_there_too(question, words):
            # "was it in karachi?", "کیا کراچی میں بھی حملہ ہوا": where the attacks were answers it.
            named = [e for e in named if e in self._in_story]
            cue = lexicon.cue("where").split()
            where_only = self._place_words | self._too
            words = [*cue, *(w for w in words if w not in where_only)]
            question = replace(question, named=named, asks=("where",))
            elsewhere = False
        if self._where_within(question):
            # "where exactly in balochistan", "بلوچستان میں کہاں": where the attacks were in it
            words = [w for w in words if w not in self._words_of(self._setting)]
        profile = self._about(named) if question.asks in (("when",), ("duration",)) and named else []
        if (
            len(profile) == 1
            and set(named) <= self._speakers
            and set(words) - self._entity_words - lexicon.cue_words - self._offices - self._generic <= self._since
        ):
            # "since when is bugti chief minister", "how long has bugti been cm": their time in office,
            # which no fact gives (it got the attacks' dates, or the operations' 40 hours): who they are
            # is offered, never a date or a span
            match = self._match(profile[0], self._target_scores(words))
            return (Intent(text=text, decision="clarify", matches=(match,), asks=question.asks[0]),)
        if question.asks[:1] == ("identity",) and not set(named).isdisjoint(self._people):
            if elsewhere:
                # "who is the chief minister of punjab": the role in another place is someone else.
                return (Intent(text=text, decision="decline"),)
            # "who is india's prime minister" asks about a person; the country only says which one.
            named = [e for e in named if e in self._people]
        parties = [e for e in named if e not in self._places]
        covered = [e for e in parties if e in self._covered_by]
        spokesperson = self._spokesperson(question, parties)
        if spokesperson is not None:
            # "who gave the us statement": who spoke for the US, not what was said (which names them too).
            match = self._match(spokesperson, self._target_scores(words))
            return (Intent(text=text, decision="answer", matches=(match,), asks="identity"),)
        figures = self._figures_alone(question, words) or self._tolls_of_groups(question, words)
        if figures:
            # "who gave the 145 number", "is 145 correct", "the 17 and the 31?": the fact that gives each,
            # which says who does.
            scores = self._target_scores(words)
            asks = _first(question.asks)
            return tuple(
                Intent(text=text, decision="answer", matches=(self._match(p, scores),), asks=asks) for p in figures
            )
        speaking = question.asks[:1] in (("said",), ("identity",))
        # What was said about, but not "what about iran, did they condemn": who else, asked in turn.
        spoken_of = lexicon.spoken_about(text) if speaking and not lexicon.follows_on(text) else ()
        if speaking and question.speaker in covered:
            # "what did jaiswal say about bangladesh": what he said is not about a party outside the story.
            outside = [e for e in spoken_of if e in parties and e not in self._in_story]
            if outside:
                return (Intent(text=text, decision="gap", asks=question.asks[0], uncovered_entities=tuple(outside)),)
            about = {e for e in spoken_of if e in parties and e != question.speaker}
            if self._silent_about(question.speaker, about):
                # "did baker say anything about india": none of her words are about India, though
                # others' are; not reported, and what she did say.
                return (Intent(text=text, decision="gap", asks="said", named=(question.speaker,)),)
            # "what did the military say about india": their statement, whatever else it says.
            named = [e for e in named if e not in about]
            parties = [e for e in parties if e not in about]
            their_names = {n for e in about for n in self._name_words.get(e, ())}
            words = [w for w in words if w not in their_names]
        speakers = [e for e in parties if e not in spoken_of]
        if speaking and len(speakers) >= 2 and covered and not elsewhere:
            # "what did india and the us say": each named party has its own fact. A place is no party
            # ("what did the us say about quetta"), nor is what was said about ("the us statement about
            # the bla attacks"), and one outside the story is another event ("did the us condemn the
            # attacks in lahore"): the rules decide those whole.
            return tuple(self._decide_for(question, words, e, named) for e in covered) + self._uncovered(
                question, parties, covered
            )
        scores = self._target_scores(words)
        intent = self._all_of_them(question, named, self._decide(question, words, named, scores), scores)
        if intent.decision == "decline":
            whose = self._whose_words(question, words)
            if whose:
                # "which country mentioned extremism", "who offered condolences": who said those words
                return tuple(
                    Intent(text=text, decision="answer", matches=(self._match(p, scores),), asks="who") for p in whose
                )
            intent = self._loosely_checked(question, words, named, scores) or intent
        return (self._unblamed(question, self._group_alone(question, words, intent, scores)),)

    def _unblamed(self, question: _Question, intent: Intent) -> Intent:
        """ "Why did the uk blame india": the UK's statement, noting that nothing it said is about India
        (it was given as if it were)."""
        speaker = question.speaker
        if intent.decision != "answer" or speaker is None or not self._silent_about(speaker, set(question.charged)):
            return intent
        return intent.model_copy(update={"unblamed": question.charged})

    def _whose_words(self, question: _Question, words: list[str]) -> tuple[int, ...]:
        """The one or two statements that have every word a question asking who is about, beside words
        that only ask who said something (`lexicon.quoting`): "who said pakistanis deserve to live free
        from fear" is Baker's. Our examples cannot foresee every word of a statement."""
        asks_who = {"who", "said"} & set(question.asks) or (not question.asks and not self._quoting.isdisjoint(words))
        if (
            not asks_who
            or question.named
            or question.around
            or not self._leaning.isdisjoint(fold(question.text).split())
            or self.factbase.lexicon.denies(question.text)
        ):
            # nor "their demands", nor a part of a message: whose, the words before say; nor "which
            # country didnt mention condolences", whose the words are not
            return ()
        content = {w for w in words if w not in self._asking_who and not w.isdigit()}
        if not content:
            return ()
        found = tuple(i for i, said in enumerate(self._statements) if content <= said)
        return found if len(found) <= 2 else ()

    def _loosely_checked(
        self, question: _Question, words: list[str], named: list[str], scores: np.ndarray
    ) -> Intent | None:
        """A claim about the story checked with words we do not know ("herof means 'freedom', right?",
        "hospitals carried on as normal, right?"): the facts it is nearest, as a "did you mean", never
        an answer, for the claim may be anything; not a claim of nothing of the story's own."""
        lexicon = self.factbase.lexicon
        if not lexicon.checks_claim(question.text):
            return None
        plain = [w for w in words if w not in self._story_figures]  # "dollar is 31 rupees, right?": no anchor
        if not self._on_topic(plain, named, strict=False) or not set(named) <= self._in_story:
            return None
        near = self._top(scores, self._is_fact & self._mention(named) & self._evidence(words, named), named)
        close = tuple(m for m in near if m.score >= self.thresholds.suggest)
        return Intent(text=question.text, decision="clarify", matches=close) if close else None

    def _group_alone(self, question: _Question, words: list[str], intent: Intent, scores: np.ndarray) -> Intent:
        """A group and nothing else ("soldiers?", "and the militants?") may ask how many of them died or
        anything else of them: unless its toll is what was found, a "did you mean" offering the toll
        first (it got the army's operations, or what the BLA is)."""
        if question.asks or not words or not set(words) <= self._groups | self._force_words:
            return intent
        tolls = self._top(scores, self._is_fact & self._answering["count"], question.named, count=1)
        if not tolls or (intent.decision == "answer" and intent.top == tolls[0]):
            return intent
        others = tuple(m for m in intent.matches if m.target != tolls[0].target)
        return Intent(text=question.text, decision="clarify", matches=(tolls[0], *others[:2]))

    def _part_of_figure(self, message: str, normalised: str, intent: Intent) -> Intent:
        """A count of part of a figure of ours ("of the 17, how many were police", "۱۷ میں سے کتنے پولیس
        اور کتنے ایف سی"), answered with that figure again, is the breakdown the sources do not give. A
        part with a fact of its own ("of the 48, how many were civilians": 31) keeps it, and so does a
        total the sources break down (48 and 193: the 17, 31 and 145 they are made of)."""
        if self._breakdown is None or intent.decision != "answer" or intent.top is None:
            return intent
        lexicon = self.factbase.lexicon
        if f" {lexicon.cue('count')} " not in f" {normalised} ":
            return intent  # "what is the source of the 92 figure" asks no count of a part
        if len({w for w in normalised.split() if w in self._figure_facts}) != 1:
            return intent  # "how many of the 92 were in the 145" weighs two figures
        position = self._position[intent.top.target]
        if position in self._totals:
            return intent  # a total of ours (48, 193), given with the figures it is made of
        if not any(self._figure_facts.get(n) == position for n in lexicon.parts_of(message)):
            return intent
        return self._gap_reply(intent.text, self._breakdown, intent.top.score)

    def _subgroup_of_the_dead(self, intent: Intent) -> Intent:
        """How many of the dead were women, workers, teachers... (`story.subgroups`: "how many of the
        civilians were labourers" got the 31 civilians, "were any teachers among the dead" a "did you
        mean", "any journalists killed?" was declined): the breakdown the sources do not give, asked of
        any figure."""
        if self._breakdown is None or intent.decision == "gap" or intent.asks not in (None, "count"):
            return intent
        words = set(self.normalise(intent.text).split())
        if words.isdisjoint(self._subgroups) or words.isdisjoint(self._deaths):
            return intent
        if intent.decision not in ("answer", "clarify") and not words <= self._of_subgroups:
            return intent  # declined for its other words: "how many children are killed on roads"
        return self._gap_reply(intent.text, self._breakdown, intent.top.score if intent.top else 0.0)

    def _of_a_place(self, intent: Intent) -> Intent:
        """The dead counted in one of our places ("how many militants were killed in gwadar" got "how
        many took part is not reported"): how many died in each district, which no fact gives, whoever
        it counts. Not a count no fact gives anywhere (its own gap), nor one a fact that names the
        place gives."""
        if self._place_tolls is None or intent.decision not in ("answer", "clarify", "gap") or intent.asks != "count":
            return intent
        words = self.normalise(intent.text).split()
        places = set(self.factbase.lexicon.find_entities(" ".join(words))) & (self._places - self._setting)
        if not places or self._deaths.isdisjoint(words) or intent.top is None:
            return intent
        if self.factbase.lexicon.widens(intent.text):
            return intent  # "in quetta and elsewhere": everywhere
        position = self._position[intent.top.target]
        if intent.top.kind == "gap":
            own = self._distinct(words, self._is_fact)
            if position in (self._breakdown, self._day_tolls, self._place_tolls) or own[position]:
                return intent  # "how many were injured in quetta", "how many took part in gwadar"
        elif self._mention(sorted(places))[position]:
            return intent
        return self._gap_reply(intent.text, self._place_tolls, intent.top.score)

    def _gap_reply(self, text: str, position: int, score: float, asks: AnswerType | None = "count") -> Intent:
        """The gap at `position` as the reply: a count the sources do not give (of a part of a figure,
        of a day, of a place), at the score of what it replaces."""
        gap = self._targets[position]
        return Intent(text=text, decision="gap", matches=(Match(target=gap.id, kind=gap.kind, score=score),), asks=asks)

    def _lumped_forces(self, intent: Intent) -> Intent:
        """How many of one force died ("how many police died", "kitne fc wale shaheed hue"): the count the
        sources give of all the forces as one (`story.lumped`), and that they do not say how many were
        that force; the 17 alone read as the police's (a review found it)."""
        forces = self._lumped.get(intent.top.target, ()) if intent.decision == "answer" and intent.top else ()
        if not forces:
            return intent
        folded = f" {fold(intent.text)} "
        typed = [(force, word) for force, spelt, word in forces if f" {spelt} " in folded]
        if not typed:
            return intent
        words = self.normalise(intent.text).split()
        asked = tuple(dict.fromkeys(force for force, word in typed if not self._speaks(word, words)))
        return intent.model_copy(update={"uncounted": asked}) if asked else intent

    def _speaks(self, force: str, words: list[str]) -> bool:
        """Whether a force is the one saying, not the dead asked of ("did the army confirm the 17",
        "how many died according to the police"): a word of sourcing beside it."""
        return any(
            word == force and not self._sourcing.isdisjoint(words[i + 1 : i + 2] + words[max(i - 1, 0) : i])
            for i, word in enumerate(words)
        )

    def _unnamed_places(self, intent: Intent) -> Intent:
        """A place the sources never name, asked of where it happened ("was turbat attacked", "did it
        happen in lahore too"): the places they do name, and that they name no such place; the list
        alone reads as a yes or a no (a review found it so)."""
        if intent.decision != "answer" or intent.top is None or intent.uncovered_entities:
            return intent
        if not self._answering["where"][self._position[intent.top.target]]:
            return intent
        named = self.factbase.lexicon.find_entities(self.normalise(intent.text))
        unnamed = tuple(e for e in named if e in self._places and e not in self._in_story)
        return intent.model_copy(update={"uncovered_entities": unnamed}) if unnamed else intent

    def _of_a_day(self, intent: Intent) -> Intent:
        """A count asked of one day ("how many soldiers died on sunday" got the 17, "how many militants
        were killed on friday" the 145, "how many killed on jan 31" a "did you mean"): how many died each
        day, which the sources give only for the militants of one day (`story.day_counts`). A day beside
        a word naming the attacks only says which attacks ("how many died in the saturday attacks")."""
        if self._day_tolls is None or intent.decision in ("gap", "meta"):
            return intent
        if intent.top is not None and intent.top.target not in self._counting:
            return intent  # "does the 145 include the friday raids" asks what it counts
        lexicon = self.factbase.lexicon
        words = [w for w in self.normalise(intent.text).split() if w not in self._weekdays]  # monday is "date"
        asks = lexicon.asks_for(" ".join(words))
        if intent.asks not in (None, "count") or ("count" not in asks and intent.asks is None) or "when" in asks:
            return intent  # "on what date was the 145 announced" asks when
        if intent.top is None and not set(words) <= self._of_days:
            return intent  # declined for words of its own, not for the day ("how many civilians died on saturday")
        days: set[str] = set()
        for part in lexicon.split_pattern.split(intent.text):
            # the day the count is asked of, not one the asker tells of ("we heard firing on saturday")
            asked = self.normalise(part or "").split()
            giver = self._giving & set(lexicon.find_entities(" ".join(asked))) or "who" in lexicon.asks_for(
                " ".join(asked)
            )
            if not self._sourcing.isdisjoint(asked) and giver:
                # the day one who gives our figures gave one ("the figure the cm gave on sunday"), or
                # who gave it that day ("who gave the toll on sunday")
                continue
            folded = fold(part or "").split()
            if any(w in self._until and self._is_date(next_) for w, next_ in itertools.pairwise(folded)):
                continue  # "how many militants killed by feb 1st": all until that day, not that day's
            if "count" in lexicon.asks_for(" ".join(asked)) or self._deaths_of_a_day(asked):
                dated = self._dating(asked)
                days |= {w for i, w in enumerate(asked) if w in self._weekdays and i not in dated}
                days |= {w for i, w in enumerate(asked) if w in self._days(asked) and i not in dated}
        if not days and not lexicon.asks_each_day(intent.text):
            return intent  # "how many died each day" asks of every day
        named = self._tolled.intersection(words)
        top = intent.top.target if intent.top is not None else None
        if top is not None and any(self._figure_facts.get(w) == self._position[top] for w in words):
            return intent  # "was 92 the count for saturday alone?" asks of that figure
        if top is not None and days == {self._day_counts.get(top)} and named and named <= self._day_groups[top]:
            # "how many militants were killed on saturday": the day's own count of its own dead; "how
            # many died on saturday" asks of others too, whom no source counts by day
            return Intent(text=intent.text, decision="answer", matches=intent.matches[:1], asks="count")
        return self._gap_reply(intent.text, self._day_tolls, intent.top.score if intent.top else 0.0)

    def _is_date(self, word: str) -> bool:
        """Whether a folded word is a month or a day of one ("by feb 1st", "by 1 feb")."""
        # read unremembered: single words would push a message's parts out of `normalise`'s memory
        return word.isdigit() or not self._months.isdisjoint(self._normalise(word).split())

    def _what_a_force_is(self, text: str) -> bool:
        """ "what is the ISPR", "FC kya hota hai": what one of the forces is, which no fact describes (it
        got the operations they took part in). Nothing but the force and the words of "what is"
        (`lexicon.being`): "what is the army doing", "where is the army", "فوج کیا کر رہی ہے" ask of
        what it did."""
        typed = fold(text).split()
        forces = [w for w in typed if w not in self._being]
        if not forces or len(typed) < len(forces) + 2:
            return False  # "army?", "what army": which, a fragment, not what it is
        # read unremembered: single words would push a message's parts out of `normalise`'s memory
        return all(set(self._normalise(w).split() or ["?"]) <= self._force_words for w in forces)

    def _office_of_country(self, question: _Question, words: list[str]) -> bool:
        """Who holds an office of a country that no one in the story holds ("who is india's pm", "us ka
        sadar kaun hai"): general knowledge, not the story. Offices people ask a person of ours by ("who
        is the us envoy", "the indian spokesperson") are in the examples of the facts about them."""
        if not question.named or not set(question.named) <= self._countries | self._setting:
            return False
        if not {"who", "identity"} & set(question.asks):
            return False
        offices = set(words) & self._offices
        names = self._words_of(question.named)
        # One country's office in another ("who is the us ambassador to india") is no office of ours,
        # unless the other is where the story is.
        abroad = len(set(question.named) - self._setting) > 1
        not_ours = offices.isdisjoint(self._held) or abroad
        return bool(offices) and not_ours and set(words) <= offices | names | self._identity_cues

    def _is_news_elsewhere(self, part: str) -> bool:
        question = self._understand(part)
        return question is not None and self._news_of_another_country(question, question.words)

    def _news_of_another_country(self, question: _Question, words: list[str]) -> bool:
        """Another country's news ("what's the news in afghanistan today", "ایران میں آج کل کیا ہو رہا ہے";
        lexicon `news`): no word of the attacks and nothing it said or did in them."""
        # Not one whose words we give ("latest from the us"): its news here is its statement.
        others = [e for e in question.named if e in self._countries and e not in self._spoken_by]
        lexicon = self.factbase.lexicon
        if not others or not lexicon.asks_news(question.text):
            return False
        also = self._generic_story | self._news_words
        if lexicon.guesses_culprit(question.text, self.normalise(question.text), also=also):
            return False  # "was it iran? any news": a guess at who did it
        if not set(question.asks).isdisjoint({"said", "who"}) or self._on_topic(words, [], strict=False):
            return False  # "any news of iran's reaction", "was it iran": a gap, or who the sources say did it
        return not self._refers(question.text)

    def _another_holder(self, question: _Question, words: list[str]) -> bool:
        """Who held or will hold the office of someone in the story ("who was the chief minister before
        bugti", "balochistan ka pehla cm"): general knowledge, not who they are."""
        if not set(question.asks) <= {"who", "identity"} or self._succession.isdisjoint(words):
            return False  # "first cm of balochistan" asks who, unsaid
        people = [e for e in question.named if e in self._people]
        offices = set(words) & self._offices
        names = self._words_of(question.named)
        own = offices | names | self._identity_cues | self._succession | self._place_words
        return bool(people or offices) and set(words) <= own

    def _names_another(self, words: list[str]) -> bool:
        """A word we do not know in the two after one a name follows (`story.naming`): "operation
        sindoor", "آپریشن ضرب عضب" name another operation, not ours; a common English word ("operation
        results") or a near miss of a name of ours ("operation hiroof") does not."""
        named = (words[i + 1 : i + 3] for i, w in enumerate(words) if w in self._naming)  # a name of two words
        return any(
            word not in self._vocabulary
            and not word.isdigit()
            and _zipf(word, "en") < COMMON  # not Urdu's: "ضرب عضب" is common in Urdu news
            and process.extractOne(word, self._anchor_words, scorer=fuzz.ratio, score_cutoff=NEAR_NAME) is None
            for name in named
            for word in name
        )

    def _figures_alone(self, question: _Question, words: list[str]) -> tuple[int, ...]:
        """The facts giving the figures of ours a question asks about with nothing else of its own but
        words of those facts' titles, of who says so or what a figure stands for, and tags ("145
        militants, according to whom?", "the 17 and the 31?")."""
        figures = [w for w in dict.fromkeys(words) if w in self._figure_facts]
        if not figures:
            return ()
        sourced = not self._sourcing.isdisjoint([*words, *fold(question.text).split()])
        # When it was given is in the fact's attribution ("when did bugti announce the 145"); where, why
        # or how long, or when the dead died, asks that of the figure.
        asked = {"who", "said", "count", "identity"} | ({"when"} if sourced else set())
        if not set(question.asks) <= asked:
            return ()
        if {"who", "identity"} & set(question.asks) and not sourced and "said" not in question.asks:
            return ()  # "who were the 17": who the dead were, not who counted them
        positions = tuple(dict.fromkeys(self._figure_facts[f] for f in figures))
        if self._weighed.intersection(itertools.combinations(sorted(positions), 2)):
            return ()  # "92 or 145?": figures that differ are weighed by the fact that says why
        # A party that did not give it, guessed as giving it ("did india give the 92"), is answered by who
        # did; one it is said of ("what did india say about the 145") is asked about.
        giving = not self._giving_words.isdisjoint(words)
        mentioned = self._mention([e for e in question.named if e not in self._giving and not giving])
        if not all(mentioned[p] for p in positions):
            return ()
        lexicon = self.factbase.lexicon
        own = {*figures, *lexicon.cue_words, *self._sourcing, *self._person_guesses, *self._meaning, *self._givers}
        own.update(*(self._title_words[p] for p in positions))
        return positions if set(words) - self._words_of(question.named) <= own else ()

    def _tolls_of_groups(self, question: _Question, words: list[str]) -> tuple[int, ...]:
        """Each group's toll, for a count of two groups or more and nothing else ("civilians n police
        deaths?", "kitne civilians aur fauji mare"), or one weighed against another ("more civilians
        than soldiers?", "who lost more, police or civilians": each toll, side by side, lets the asker
        weigh them); not a total they are part of ("total dead including soldiers and civilians")."""
        lexicon = self.factbase.lexicon
        groups = [w for w in dict.fromkeys(words) if w in self._toll_of]
        tolls = tuple(dict.fromkeys(self._toll_of[g] for g in groups))
        weighed = self._weighs(question.text, words)
        rest = set(words) - set(groups) - lexicon.cue_words - self._generic - self._joining
        if weighed:
            rest = {w for w in rest if self._weighing is None or not self._weighing.search(w)} - self._choice_words
        if len(tolls) < 2 or not rest <= {self._killed} or not set(question.asks) <= {"count", "who"}:
            return ()
        if "who" in question.asks and not weighed:
            return ()
        if self._forces_kill(question.text, set(words)):
            return ()  # "fauj ne kitne militants maare": the army killed, it is no group of the dead
        if self._offers_choice(question.text):
            return ()  # "who died, soldiers or civilians?": a guess among them, offered their counts
        # Groups the asker named, not ones a phrase stands for ("non militants": everyone else, the 48).
        typed = {lexicon.normalise(w) for w in fold(question.text).split()}
        return tolls if set(groups) <= typed else ()

    def _spokesperson(self, question: _Question, parties: list[str]) -> int | None:
        """The one person in the story who spoke for the one country or body a question asks who spoke
        for ("who gave the us statement", "بھارت کا بیان کس نے دیا"), if the sources name one."""
        lexicon = self.factbase.lexicon
        bodies = [e for e in parties if e not in self._people]
        if len(bodies) != 1 or bodies[0] not in self._covered_by:
            return None
        # Right after the asking, for them: "who spoke for new delhi".
        after = lexicon.after_who_spoke(question.text).split()
        for_them = bool(after) and after[0] in lexicon.behalf and bodies[0] in self._named_in(" ".join(after[1:3]))
        if "said" not in question.asks and not for_them:
            return None
        before = lexicon.before_who_spoke(question.text)
        if before is None or lexicon.agent(question.text) is not None or bodies[0] in lexicon.set_aside(question.text):
            return None  # their statement when they said it ("amrika ne kaha ke hamla kis ne kiya") or are set aside
        # Whose statement: theirs ("who gave the us statement"), or they come before the asking ("amreeka
        # ki taraf se kis ne bayan diya") or right after it for them, not otherwise after it ("who issued
        # a statement against india").
        if (
            question.speaker != bodies[0]
            and not for_them
            and (question.speaker is not None or bodies[0] not in self._named_in(before))
        ):
            return None
        # What was said, before the asking, is what it asks about: "india ka haath hai, ye kis ne kaha"
        # asks who blamed India, not who spoke for it.
        said = set(self.normalise(before).split()) - self._entity_words - lexicon.cue_words - self._generic
        if said - self._behalf:
            return None
        found = np.flatnonzero(self._is_fact & self._about_person & self._covered_by[bodies[0]])
        return int(found[0]) if len(found) == 1 else None

    def _named_in(self, text: str) -> tuple[str, ...]:
        return self.factbase.lexicon.find_entities(self.normalise(text))

    def _asks_if_there_too(self, question: _Question, words: list[str]) -> bool:
        """Whether a question naming places asks only if the attacks were there as well ("was it in
        karachi?", "lahore mein bhi hua?"), not about something else there ("kal raat lahore mein kuch
        hua?", "how many died in the karachi attack"); a place outside the story is otherwise another
        event. The setting alone is asked of the same way ("was pakistan attacked", "islamabad mein hamla
        hua?": it got the forces' operations)."""
        if not set(question.named) <= self._places | self._countries:
            return False  # "was india attacked too": where the attacks were answers it, not there
        if question.asks not in ((), ("where",), ("identity",)):
            return False
        here = set(self._named_in(question.text))
        if not (question.named or (here and here <= self._setting)):
            return False
        lexicon = self.factbase.lexicon
        # "too", or a yes/no question about "it" ("was it in karachi", "it was in quetta right?"; not
        # "how is it in quetta").
        yes_no = lexicon.opens_question(question.text) or lexicon.ends_on_tag(question.text)
        setting = self._setting & here if question.named else set()  # "is lahore also in balochistan"
        names = self._words_of(question.named or here)
        rest = set(words) - self._place_words - names - self._generic - self._too
        # or whether a place was hit, and nothing else ("was karachi attacked?", "did the bla attack
        # karachi"): where the attacks were answers it
        # (a place only, and the whole message: "was karachi attacked, who did it" asks more of it)
        # (asked with a question mark alone, as Roman Urdu asks: "islamabad mein hamla hua?")
        hit = (
            (yes_no or question.text.rstrip().endswith("?"))
            and self._events & set(words)
            and rest <= self._attacker_words
            and set(question.named) <= self._places
            and not question.around
        )
        # or what happened in a district of ours no fact names ("sibi mein kya hua"): where the attacks
        # were, with that it is not named ("what happened in lahore" is another event)
        there = bool(question.named) and set(question.named) <= self._within and rest <= lexicon.cue_words
        points = (
            lexicon.says_too(question.text)
            or bool(hit)
            or there
            or (yes_no and not lexicon.vague.isdisjoint(fold(question.text).split()))
        )
        allowed = self._attacker_words | (lexicon.cue_words if there else frozenset())
        return points and not setting and not rest - allowed

    def _where_within(self, question: _Question) -> bool:
        """Whether a question asks only where inside the setting ("where in balochistan"), the name
        beside a word placing it inside ("where is balochistan" asks where the province is)."""
        here = set(self._named_in(question.text))
        if question.asks != ("where",) or question.named or not here or not here <= self._setting:
            return False
        names, inside = self._words_of(here), self._inside
        # read unremembered: single words would push a message's parts out of `normalise`'s memory
        folded = [(w, self._normalise(w)) for w in fold(question.text).split()]
        return any(
            (a in inside and n in names) or (m in names and b in inside)
            for (a, m), (b, n) in itertools.pairwise(folded)
        )

    def _names_place_elsewhere(self, named: list[str]) -> bool:
        """A place outside the story names another event: "who is the chief minister of punjab"."""
        return any(e in self._places and e not in self._in_story and e not in self._within for e in named)

    def _all_of_them(self, question: _Question, named: list[str], intent: Intent, scores: np.ndarray) -> Intent:
        """ "heard only the US condemned it": a claim that one party alone did something gets the
        round-up of every party (a related fact that names it among others), which corrects it."""
        parties = [e for e in named if e in self._parties and e not in self._people]
        if intent.decision not in ("answer", "clarify") or intent.top is None or len(parties) != 1:
            return intent
        fact = self.factbase.fact(intent.top.target)
        name = self._names.get(parties[0], "")
        if fact is None or not self.factbase.lexicon.says_only(question.text, name):
            return intent
        # The round-up is the fact naming the most parties, the party among them; it may rank first
        # itself ("was it only the americans who condemned it": not the US statement, related to it).
        candidates = [self._position[f] for f in (fact.id, *fact.related) if f in self._position]
        fitting = [p for p in candidates if self._covered_by[parties[0]][p] and self._specific[p] > 1]
        if not fitting:
            return intent
        roundup = max(fitting, key=lambda p: self._specific[p])
        return intent.model_copy(update={"decision": "answer", "matches": (self._match(roundup, scores),)})

    def _decide_for(self, question: _Question, words: list[str], entity: str, named: list[str]) -> Intent:
        """One named party of several: scored without the others' names."""
        others = self._words_of(e for e in named if e != entity)
        own = [w for w in words if w not in others]
        speaker = entity if question.speaker is not None else None
        return self._decide(replace(question, speaker=speaker), own, [entity], self._target_scores(own))

    def _silent_about(self, speaker: str, about: set[str]) -> bool:
        """Whether nothing one speaker is quoted saying mentions anything they are asked about. Every
        statement on the attacks speaks of the place and of the group that claimed them, named or not."""
        spoken = self._spoken_by.get(speaker)
        about = about - self._setting - set(self._suspects[:1])
        if not about or spoken is None:
            return False
        return not any((spoken & self._covered_by.get(e, False)).any() for e in about)

    def _uncovered(self, question: _Question, named: list[str], covered: list[str]) -> tuple[Intent, ...]:
        missing = tuple(e for e in named if e not in covered)
        if not missing:
            return ()
        return (Intent(text=question.text, decision="gap", asks=_first(question.asks), uncovered_entities=missing),)

    def _decide(self, question: _Question, words: list[str], named: list[str], scores: np.ndarray) -> Intent:
        """What the rules and the classifier decide (`_judge`), but one group's dead weighed against
        another's that `_tolls_of_groups` did not answer ("who suffered more, the forces or civilians")
        is a "did you mean" of each toll: no one fact answers it, and no gap is about it."""
        intent = self._judge(question, words, named, scores)
        if (
            intent.decision in ("answer", "gap", "clarify")
            and not intent.uncovered_entities
            and self._weighs(question.text, words)
        ):
            tolls = self._top(scores, self._is_fact & self._answering["count"], named, count=3)
            if len(tolls) > 1:
                return intent.model_copy(update={"decision": "clarify", "matches": tolls})
        if intent.decision == "answer" and self._forces_killed_victims(question.text, words):
            return intent.model_copy(update={"decision": "clarify"})  # not that the forces killed them
        return intent

    def _forces_killed_victims(self, text: str, words: list[str]) -> bool:
        """ "how many civilians did the army kill": the sources count the civilians killed in the
        attacks, not any killed by the forces, so their toll is only offered."""
        present = set(words)
        return not present.isdisjoint(self._victims) and self._forces_kill(text, present)

    def _judge(self, question: _Question, words: list[str], named: list[str], scores: np.ndarray) -> Intent:
        """The rules decide; the classifier may then say more:
        - a "did you mean", "not reported" or answer it places among other subjects (`elsewhere:` in
          the facts) is declined, unless the question points at the attacks (`refers`): an answer
          only the rules believe in ("how do i join the police": a word or two in common) is no answer;
        - a "did you mean" it is sure asks for a gap is that gap ("deaths in mastung": the rules
          offered the overall toll, which no district breaks down);
        - a "did you mean" offering the fact it clearly picks is answered, if that fact matches well
          or covers what the question is about ("has any organisation taken responsibility");
        - so is a fact it is surer still of that the rules left out for want of matching words ("who
          was the indian spokesperson"), if it mentions everything named."""
        t = self.thresholds
        intent = self._rule(question, words, named, scores)
        if intent.decision == "decline":
            return self._rescued(question, words, named, scores) or intent
        if intent.decision not in ("clarify", "gap", "answer") or intent.uncovered_entities:
            return intent
        if self._asks_what_someone_said(question, words, named):
            return self._all_they_said(intent, named, scores)
        if intent.decision == "answer" and (question.around or self._on_topic(words, named, strict=True)):
            # Only an answer the story's strong words do not anchor can be vetoed (below); and the
            # classifier sees a part of a message alone ("... and how many policemen"): the rules,
            # which read it with the rest of the message, have the last word on a part.
            return intent
        opinion = self._opinion(" ".join(words))
        if opinion is None:
            return intent
        best, lead = opinion
        if intent.decision == "answer":
            if best == ELSEWHERE and lead >= t.veto and not self._refers(question.text):
                return Intent(text=question.text, decision="decline")
            return intent
        if best == ELSEWHERE and lead >= t.elsewhere and not self._refers(question.text):
            return Intent(text=question.text, decision="decline")
        position = self._position.get(best)
        if intent.decision != "clarify" or position is None:
            return intent
        offered = {m.target for m in intent.matches}
        if best not in offered and not self._mentions_parties(named, position):
            return intent
        match = self._match(position, scores)
        if self._is_gap[position] and lead >= t.sure_gap and match.score >= t.suggest:
            return intent.model_copy(update={"decision": "gap", "matches": (match,)})
        # A count is of the place it names: the overall civilian toll is not Quetta's ("district-tolls").
        placed = _first(question.asks) != "count" or bool(self._mention(named)[position])
        outside = self._is_fact[position] and best not in offered and placed
        if outside and lead >= t.outside and match.score >= t.suggest:
            return intent.model_copy(update={"decision": "answer", "matches": (match, *intent.matches)})
        chosen = [m for m in intent.matches if m.target == best and m.score >= t.suggest]
        if not chosen or not placed or lead < t.agree:
            return intent
        # A weaker match must at least cover what the question is about, unless it is the one fact offered
        # for a question that asks for a kind of answer ("what did britain say") and the classifier is as
        # sure of it as it must be to answer a question the rules declined ("is saudi arabia rich" asks
        # nothing of the kind: its one word that is not a name is what it is about).
        sure = len(intent.matches) == 1 and bool(question.asks) and lead >= t.rescue
        if chosen[0].score < t.answer and self._uncovered_share(words)[position] > t.uncovered and not sure:
            return intent
        rest = tuple(m for m in intent.matches if m.target != best)
        return intent.model_copy(update={"decision": "answer", "matches": (chosen[0], *rest)})

    def _asks_what_someone_said(self, question: _Question, words: list[str], named: list[str]) -> bool:
        """ "what did <someone in the story> say" (or "she", a part after "who is natalie baker"): the
        reply offers what the sources attribute to them."""
        asks = _first(question.asks)
        own = [w for w in words if w not in self._pointer_words]
        return bool(named) and set(named) <= self._speakers and asks in (None, "said") and self._only_names(own)

    def _all_they_said(self, intent: Intent, named: list[str], scores: np.ndarray) -> Intent:
        """What someone in the story said is a choice among all the sources attribute to them, or, when
        that is one statement (Baker's, Jaiswal's), that statement: what else mentions them is who they
        are or when they spoke, no answer to what they said."""
        said = np.flatnonzero(self._mention(named) & self._is_fact & self._answering["said"])
        if intent.decision != "clarify" or len(said) != 1:
            return intent
        match = self._match(int(said[0]), scores)
        rest = tuple(m for m in intent.matches if m.target != match.target)
        return intent.model_copy(update={"decision": "answer", "matches": (match, *rest)})

    def _mentions_parties(self, named: list[str], position: int) -> bool:
        """A pick the rules did not offer must mention every country, body and person named: "did iran
        condemn it" is not what the US said. A place it leaves out is no objection ("was gwadar taken
        over": the fact says no city was taken), as for a rival to a "not reported"."""
        return bool(self._mention([e for e in named if e in self._parties])[position])

    def _rescued(self, question: _Question, words: list[str], named: list[str], scores: np.ndarray) -> Intent | None:
        """What the classifier is sure a question the rules declined asks for ("biggest flare up in yrs or
        nah": no word of the story in it), when we know most of its words, it names nothing outside the
        story, and the target mentions every party it names."""
        t = self.thresholds
        if (
            not set(named) <= self._in_story
            or self._unknown_share(words) >= t.unknown
            or self._names_other_event(words)
            or self._names_event_abroad(question.text)
        ):
            return None
        opinion = self._opinion(" ".join(words))
        if opinion is None or opinion[0] not in self._position:
            return None
        position = self._position[opinion[0]]
        # A chat reply (hello, thanks, help) states nothing that could mislead: it needs less certainty.
        # So does a "not reported" the rules rank first as well, every word known ("are the roads open").
        agreed = (
            bool(self._is_gap[position])
            and self._unknown_share(words) == 0
            and self._ranked_first(position, scores, named)
        )
        if opinion[1] < (t.chat if self._is_meta[position] else t.agree if agreed else t.rescue):
            return None
        if self._is_meta[position] and self._numbers_of_another_subject(question):
            return None
        if not self._mentions_parties(named, position):
            return None
        match = self._match(position, scores)
        decision: Decision = "answer" if match.kind == "fact" else match.kind
        return Intent(
            text=question.text,
            decision=decision,
            matches=(match,),
            asks=_first(question.asks),
            figures=question.figures,
        )

    def _leans_to(self, words: list[str], top: tuple[Match, ...]) -> bool:
        """Whether the classifier picks the rules' first fact, less surely than a rescue needs (a decline
        it is sure of is rescued, `_rescued`) and at least as surely as it turns a "did you mean" into
        an answer."""
        opinion = self._opinion(" ".join(words))
        if not top or top[0].kind != "fact" or opinion is None or opinion[0] != top[0].target:
            return False
        return self.thresholds.agree <= opinion[1] < self.thresholds.rescue

    def _ranked_first(self, position: int, scores: np.ndarray, named: list[str]) -> bool:
        """Whether the rules, with nothing ruled out, rank this target first, at least at `suggest`."""
        match = self._match(position, scores)
        ranked = self._top(scores, np.ones(len(self._targets), dtype=bool), named, count=1)
        return ranked[:1] == (match,) and match.score >= self.thresholds.suggest

    def _match(self, position: int, scores: np.ndarray) -> Match:
        target = self._targets[position]
        return Match(target=target.id, kind=target.kind, score=min(100.0, round(float(scores[position]), 1)))

    def _rule(self, question: _Question, words: list[str], named: list[str], scores: np.ndarray) -> Intent:
        t = self.thresholds
        asks = _first(question.asks)
        evidence = self._evidence(words, named) & self._defined(question, words, named)
        if not self._deaths.isdisjoint(words) and not set(named) & self._people:
            evidence &= ~self._about_person  # "was a woman killed" is not who Natalie Baker is
        eligible = self._eligible(named, asks, words, question.around) & evidence
        eligible &= ~self._is_gap | self._distinct(words, eligible, scores)
        if asks == "where" and self._names_a_side(words):
            eligible &= ~self._is_meta  # "where did the militants come from" asks of them, not for sources
        spoken = self._spoken_by.get(question.speaker or "")
        if asks == "said" and spoken is not None and (eligible & spoken).any():
            # "what did india say" is what India said, not what Pakistan said about India.
            eligible &= spoken | ~self._is_fact
        if asks == "count" and "said" in question.asks and question.speaker in self._giving and spoken is not None:
            # "bugti ne kitne militants bataye": a count one who gives our figures said is one of theirs,
            # though it names no death (the words facts that count deaths are asked with).
            eligible |= spoken & self._answering["count"] & evidence & self._mention(named)
        if (
            asks == "count"
            and "said" in question.asks
            and self.factbase.lexicon.cue("count") in " ".join(words)
            and spoken is not None
            and not (eligible & spoken).any()
            and not (eligible & self._is_gap & self._distinct(words, self._is_fact)).any()
            and question.speaker not in self.factbase.lexicon.set_aside(question.text)
        ):
            # "did india say how many died", "how many did the bla say they killed": a figure from one who
            # gave none is not reported; another's figure, or the gap of another count, is no reply. A
            # count no fact gives keeps its gap ("did bugti say how many were wounded"); a figure named,
            # not asked for, is asked about ("why did bugti call the figure a record").
            return Intent(text=question.text, decision="gap", asks=asks, named=tuple(named), figures=question.figures)
        # A country the sources do not quote speaks as one of the others ("what did iran say about it").
        unquoted = spoken is None and question.speaker in self._countries
        if (spoken is not None or unquoted) and question.speaker not in self.factbase.lexicon.set_aside(question.text):
            # "india ka kya jawab aya", "did india condemn it": India's own statement, never "no other
            # country's reaction" nor "nothing from Pakistan's leaders" ("besides india, who
            # reacted" still asks about the others); "what did iran say about the attack" is another
            # country's reaction, not Pakistan's leaders'.
            for speaker, theirs in self._gap_speakers.items():
                if speaker != question.speaker and not (unquoted and speaker == OTHER_SPEAKERS):
                    eligible &= ~theirs
        uncovered = self._uncovered_share(words)
        top = self._top(scores, eligible, named)
        lead = top[0].score - (top[1].score if len(top) > 1 else 0.0) if top else 0.0
        if top and self._exact.get(_sort_words(" ".join(words))) == top[0].target:
            lead = 100.0
        unknown = self._unknown_share(words)
        best = self._position[top[0].target] if top else None
        clean = best is not None and unknown == 0 and uncovered[best] <= t.uncovered
        found = Intent(text=question.text, decision="answer", matches=top, asks=asks, figures=question.figures)
        # A message worded like our examples with every word known is about the story even
        # without an anchor word ("who was behind it": the bot has one story).
        resembles = bool(top) and unknown == 0 and top[0].score >= t.answer and top[0].kind != "meta"
        anchored = self._on_topic(words, named, strict=False) or (resembles and set(named) <= self._in_story)
        on_topic = anchored or self._names_story_entity(question)

        if self._asks_what_someone_said(question, words, named):
            return found.model_copy(update={"decision": "clarify", "matches": self._said_by(named, scores)})
        if not self._on_topic(words, named, strict=False) and self.factbase.lexicon.asks_of_asker(question.text):
            return Intent(text=question.text, decision="decline")  # "how much time do i have": the asker's
        # A question that points at the attacks ("were schools shut after the attacks") is about this
        # story whatever its subject: if nothing we have covers it, that is a gap, not a decline.
        refers = self._refers(question.text) and set(named) <= self._in_story
        if not refers and ((unknown > 0 and self._names_other_event(words)) or self._names_event_abroad(question.text)):
            return Intent(text=question.text, decision="decline")
        unasked = Intent(text=question.text, decision="gap", asks=asks, figures=question.figures)
        figure = self._figure_checked(question, scores)
        if figure is not None:
            return figure
        if unknown >= t.unknown or (unknown > 0 and not anchored):
            if refers:
                return self._unless_a_fact_rivals(unasked, scores, evidence, named)
            return self._checked(question, named, scores) or Intent(text=question.text, decision="decline")
        if top and clean and top[0].score >= t.answer and lead >= t.margin:
            kind = top[0].kind
            if kind == "fact":
                return found
            if kind == "meta" and not self._numbers_of_another_subject(question):
                return found.model_copy(update={"decision": "meta", "matches": top[:1]})
            if on_topic or set(named) <= self._in_story:
                return self._unless_a_fact_rivals(
                    found.model_copy(update={"decision": "gap", "matches": top[:1]}), scores, evidence, named
                )
            return Intent(text=question.text, decision="decline")
        if (
            top
            and top[0].kind == "meta"
            and top[0].score >= t.suggest
            and lead >= t.margin
            and unknown == 0
            and not self._numbers_of_another_subject(question)
            and not (
                question.asks == ("when",)
                and self.factbase.lexicon.opens_question(question.text)
                and self._days(self.normalise(question.text).split())
            )
        ):
            # chat: nothing to mislead; not a date checked ("was it feb 1": not what is new since then;
            # "feb 1st what happened" is the story in brief)
            return found.model_copy(update={"decision": "meta", "matches": top[:1]})
        if uncovered.min() > t.stray and not self._on_topic(words, named, strict=True):
            # Most of what it asks about is in no target's words ("how to join pak army"): another
            # subject that shares a word or two with the story.
            if refers:
                return self._unless_a_fact_rivals(unasked, scores, evidence, named)
            checked = self._checked(question, named, scores)
            if checked is not None:
                return checked
            if top and top[0].kind == "gap" and top[0].score >= t.suggest and self._only_gaps_cover(words):
                # "did any children get injured": two things not reported, each its gap's
                gap = found.model_copy(update={"decision": "gap", "matches": top[:1]})
                return self._unless_a_fact_rivals(gap, scores, evidence, named)
            if not (anchored and self._leans_to(words, top)):
                return Intent(text=question.text, decision="decline")
            # ...unless it has a word of the story and the classifier leans to the rules' first fact
            # ("what was the military's own figure"): that fact, or a "did you mean" of it, below.
        if top and top[0].score >= t.suggest and on_topic:
            close = tuple(
                m for m in top if m.kind == "fact" and m.score >= t.suggest and top[0].score - m.score < 2 * t.margin
            )
            if close:
                pick = (
                    self._settled(words, close, unknown, uncovered)
                    or self._nearest(close, question.figures)
                    or self._of_group(words, close)
                )
                if pick is not None:
                    return found.model_copy(update={"matches": tuple(sorted(close, key=lambda m: m.target != pick))})
                return found.model_copy(update={"decision": "clarify", "matches": close})
            if top[0].kind == "gap" and unknown == 0:
                # "Not reported" is a claim too: only when no fact comes close.
                return self._unless_a_fact_rivals(
                    found.model_copy(update={"decision": "gap", "matches": top[:1]}), scores, evidence, named
                )
        # Before any "not reported": the facts it resembles whatever kind of answer it asks for.
        nearby = self._top(scores, self._is_fact & self._mention(named) & evidence, named)
        intent = self._no_match(question, words, named, nearby, anchored=anchored or refers, unknown=unknown)
        if intent.decision == "gap" and not intent.uncovered_entities:
            return self._unless_a_fact_rivals(intent, scores, evidence, named)
        return intent

    def _defined(self, question: _Question, words: list[str], named: list[str]) -> np.ndarray:
        """Targets that may say what a term means, if the question asks that: those asked to define one
        of its words, and the fact about a name it names ("what does bla stand for": what the BLA is).
        "What does ispr stand for" and "what does the word baloch mean" are defined by none; what one
        of our figures means is its fact's ("what does the 40 hours mean")."""
        if self._defining.isdisjoint(words) or question.figures or any(w.isdigit() for w in words):
            return np.ones(len(self._targets), dtype=bool)
        defines = np.zeros(len(self._targets), dtype=bool)
        for word in words:
            defines |= self._defines.get(word, defines & False)
        for entity in named:
            defines |= self._subject_of.get(entity, defines & False) & self._is_fact
        return defines

    def _names_a_side(self, words: list[str]) -> bool:
        """Whether a question names a side of the fighting ("where did the militants come from" asks
        where they came from, not where the bot's facts come from)."""
        return not self._sides.isdisjoint(words)

    def _figure_checked(self, question: _Question, scores: np.ndarray) -> Intent | None:
        """A rumour that gives one figure of ours and no other ("fwd: '145 terrorists sent to hell in
        balochistan', is it real?"): the fact that gives it, whatever the rumour's other words."""
        if question.figures or self._figure_facts.keys().isdisjoint(question.words):
            return None
        dated = self._dating(question.words)  # "heard it was on jan 31, true?" gives a date, not the 31 dead
        ours = {
            self._figure_facts[w] for i, w in enumerate(question.words) if w in self._figure_facts and i not in dated
        }
        if len(ours) != 1 or not self.factbase.lexicon.checks_claim(question.text):
            return None
        fact = ours.pop()
        # Any other word we know is a claim about the figure to check ("145 were killed on saturday,
        # right?", "it took two weeks to kill 145", "17 districts were hit"), and so is another group
        # than the figure's ("145 soldiers died"), not the rumour's wording.
        words = set(question.words)
        # ...and it must be a claim of people killed: "petrol is 145 rupees, right?" is not, nor is "17 died
        # in a coal mine, true?", words we do not know and no group of the dead
        rest = words - self._figure_facts.keys() - self._checking
        if rest and rest.isdisjoint(self._groups | self._deaths):
            return None
        if rest.isdisjoint(self._groups) and any(w not in self._vocabulary for w in rest - self._entity_words):
            return None
        own = self._groups_of[fact]
        others = {g for g in words & self._groups if g not in own}
        if others or not words & self._claims - self._groups - self._figure_facts.keys() <= self._of_figure:
            return None
        return Intent(text=question.text, decision="answer", matches=(self._match(fact, scores),), asks="count")

    def _checked(self, question: _Question, named: list[str], scores: np.ndarray) -> Intent | None:
        """ "heard america stayed silent, true?": a rumour about a party to the story gets what the
        sources say of them, however it is worded: the fact clearly most about them, or a choice."""
        t = self.thresholds
        lexicon = self.factbase.lexicon
        if not lexicon.checks_claim(question.text):
            return None  # "..., true?", "india admitted it, didnt they"
        if not named or not set(named) <= self._in_story & (self._parties | self._guessable):
            return None  # a place is no one to check a rumour about: "heard quetta's hospitals shut"
        asks = _first(question.asks)
        asked = [w for w in question.words if w in self._concepts]
        if not self._telling.isdisjoint(asked):
            # A word of the rumour that only what is not reported is asked about ("heard pakistan released
            # calls proving india's role, true?": the evidence): that, not the facts about the parties.
            gaps = self._is_gap & self._distinct(asked, self._is_fact)
            found = self._top(scores, gaps, named, count=1)
            if found and found[0].score >= t.suggest:
                return Intent(text=question.text, decision="gap", matches=found, asks=asks, figures=question.figures)
        eligible = self._is_fact & self._mention(named)
        if not eligible.any():
            # No fact names them all ("the uae sided with india, right?"): the rumour is about the first
            eligible = self._is_fact & self._mention(named[:1])
            named = named[:1]
        if asks is not None:
            eligible &= self._answering[asks]
        spoken = self._spoken_by.get(question.speaker or "")
        if asks == "said" and spoken is not None and (eligible & spoken).any():
            eligible &= spoken  # "my colleague says india admitted it, true?": what India said
        # The rumour's own words ("bugti resigned") are no guide: the facts about them come first.
        about = eligible & np.logical_or.reduce([self._subject_of.get(e, ~self._is_fact) for e in named])
        top = self._top(scores, about if about.any() else eligible, named)
        if not top:
            return None
        lead = top[0].score - (top[1].score if len(top) > 1 else 0.0)
        # Answered only if the rumour says something the fact is asked about ("the uk kept quiet": what
        # the UK said); of a party alone ("saudi arabia gave pakistan a loan, right?") it is a choice.
        position = self._position[top[0].target]
        own = [w for w in question.words if w not in self._entity_words]
        said = any(position in self._asked.get(_stem(w), ()) for w in own)
        clear = top[0].score >= t.floor and lead >= t.margin and said
        decision: Decision = "answer" if clear else "clarify"
        return Intent(text=question.text, decision=decision, matches=top, asks=asks, figures=question.figures)

    def _settled(self, words: list[str], close: tuple[Match, ...], unknown: float, uncovered: np.ndarray) -> str | None:
        """The one of several close facts the classifier clearly prefers, if that fact covers what the
        question asks about ("is saudi arabia rich" is about Saudi Arabia, but nothing we have covers
        "rich"): by `sure`, or by `second_opinion` when every word is known."""
        t = self.thresholds
        opinion = self._opinion(" ".join(words))
        if opinion is None or opinion[0] not in {m.target for m in close}:
            return None
        best, lead = opinion
        if uncovered[self._position[best]] > t.uncovered:
            return None
        return best if lead >= t.sure or (unknown == 0 and lead >= t.second_opinion) else None

    def _nearest(self, close: tuple[Match, ...], figures: tuple[str, ...]) -> str | None:
        """Of close facts, the one alone in giving a figure near the one heard (within half as much
        again): "did security forces kill 150 militants" is the 145 militants, not the 17 soldiers."""
        heard = [int(f) for f in figures if int(f) > 0]
        near = [
            m.target
            for m in close
            if any(max(n, h) <= NEAR_FIGURE * min(n, h) for n in self._figures_of.get(m.target, ()) if n for h in heard)
        ]
        return near[0] if len(near) == 1 else None

    def _of_group(self, words: list[str], close: tuple[Match, ...]) -> str | None:
        """Between the toll in all and a group's, the group's, if it is the one group asked about ("how
        many militants were killed in total": the 145 militants, not everyone's toll)."""
        groups = set(words) & self._tolled
        if len(groups) != 1 or not any(self._position[m.target] in self._totals for m in close):
            return None
        counts = [m.target for m in close if groups & self._title_words[self._position[m.target]]]
        return counts[0] if len(counts) == 1 else None

    def _unless_a_fact_rivals(self, gap: Intent, scores: np.ndarray, evidence: np.ndarray, named: list[str]) -> Intent:
        """A "not reported" that a fact matches as well as the gap does might be false: if only the kind
        of answer, a place or a group ruled that fact out ("did the bla capture gwadar": no fact names
        Gwadar, one says no city was taken), offer it instead. A fact that leaves out a country, body or
        person named is no rival: "did iran condemn it" is not what the US said."""
        t = self.thresholds
        against = gap.top.score if gap.top is not None else t.suggest
        asks = gap.asks
        # A count is of the place it names: the toll in all is not Mastung's ("district-tolls").
        parties = [e for e in named if e in self._parties or (asks == "count" and e in self._places)]
        candidates = self._is_fact & evidence & self._mention(parties)
        top = gap.top
        if (
            top is not None
            and top.score >= t.answer
            and asks in self._targets[self._position[top.target]].answers
            and not self._offers_choice(gap.text)
        ):
            # A gap about just the kind of answer asked for is no rival to a fact giving another kind:
            # "who were the soldiers killed" is not answered by how many were ("who is she" is, by her role).
            candidates &= self._answering[asks] | (self._answering["identity"] if asks == "who" else False)
        rivals = tuple(
            m for m in self._top(scores, candidates, [], bonus=False) if m.score >= max(t.suggest, against - t.margin)
        )
        return gap.model_copy(update={"decision": "clarify", "matches": rivals}) if rivals else gap

    def _offers_choice(self, text: str) -> bool:
        """A message ending in a choice ("who died, soldiers or civilians?", "فوجی یا پولیس"); not one
        naming two groups in passing ("who were the soldiers or police killed")."""
        words = fold(text).split()
        return len(words) >= 3 and words[-2] in self.factbase.lexicon.choices

    def _refers(self, text: str) -> bool:
        return self._references is not None and self._references.search(fold(text)) is not None

    def _names_story_entity(self, question: _Question) -> bool:
        return any(e in self._in_story for e in question.named)

    def _names_other_event(self, words: list[str]) -> bool:
        """An unknown word next to "attack" names another event ("the mosque attack", "london bridge attack")."""
        events = self._weak_anchors & {"attack"}
        return any(
            w in events and any(n not in self._vocabulary for n in words[max(0, i - 1) : i + 2] if n != w)
            for i, w in enumerate(words)
        )

    def _names_event_abroad(self, text: str) -> bool:
        """A country that took no part, or its capital, just before a noun naming an attack names one
        there ("the london bridge attack", "the tehran attack"); not a verb ("were chinese nationals
        attacked"), nor a question of what was said ("what did the uk say about the attack", "چین نے
        ان حملوں پر کیا کہا")."""
        lexicon = self.factbase.lexicon
        if "said" in lexicon.asks_for(self.normalise(text)):
            return False
        abroad, agents = self._abroad_words, self._agent_marks
        read = [(token, self.normalise(token).split()) for token in fold(text).split()]
        read = [(token, words) for token, words in read if words or token in agents]
        for i, (token, words) in enumerate(read):
            if not words or words[-1] not in self._events or token.endswith(("ed", "ing")):
                continue
            near = read[max(0, i - 2) : i]
            if any(t in agents for t, _ in near):
                continue  # "سعودی عرب نے حملوں کو کیا قرار دیا": the country did something about them
            before = [w for _, ws in near for w in ws][-2:]
            if before[-1:] and before[-1] in abroad:
                return True
            if len(before) == 2 and before[0] in abroad and before[1] not in lexicon.cue_words:
                return True
        return False

    def _only_names(self, words: list[str]) -> bool:
        return not (set(words) - self._entity_words - self.factbase.lexicon.cue_words - self._generic)

    def _no_match(
        self,
        question: _Question,
        words: list[str],
        named: list[str],
        top: tuple[Match, ...],
        *,
        anchored: bool,
        unknown: float,
    ) -> Intent:
        """Nothing answers it well: a gap if the question is about this story, else a decline.
        "Not reported about X" only for an X that no fact mentions; an on-topic question that some
        fact half matches gets "did you mean" rather than a "not reported" that may be false."""
        text = question.text
        asks = _first(question.asks)
        outside = [e for e in named if e not in self._in_story]
        gap = Intent(text=text, decision="gap", asks=asks, figures=question.figures)
        if outside:
            kinds = {e.kind for e in self.factbase.lexicon.entities if e.id in outside}
            # "what did iran say", or only the name as a follow-up ("and turkey?", "what about the eu")
            parties = kinds <= {"country", "body", "person"}
            follow_up = self.factbase.lexicon.follows_on(question.text) and self._only_names(words)
            asks_reaction = parties and (asks == "said" or follow_up)
            if self._on_topic(words, named, strict=True) or asks_reaction:
                # A follow-up asks what the party said, whatever its cue words ("and turkey?").
                asked = "said" if parties and follow_up else asks
                return gap.model_copy(update={"uncovered_entities": tuple(outside), "asks": asked})
            return self._like_a_gap(text, words, outside, unknown, asks) or Intent(text=text, decision="decline")
        if not anchored:
            return Intent(text=text, decision="decline")
        facts = tuple(m for m in top if m.kind == "fact" and m.score >= self.thresholds.floor)
        if facts and not (asks == "count" and unknown > 0):
            return Intent(text=text, decision="clarify", matches=facts, asks=asks, figures=question.figures)
        return gap.model_copy(update={"named": tuple(named)})

    def _like_a_gap(
        self, text: str, words: list[str], outside: list[str], unknown: float, asks: AnswerType | None
    ) -> Intent | None:
        """A question naming someone outside the story that is worded like one of our gaps even
        without their name, every word known, is still about the story: "any chinese nationals
        killed" asks who the dead were. A place outside it is another event ("the lahore bombing")."""
        if unknown > 0 or self._names_place_elsewhere(outside):
            return None
        if set(outside) <= self._within:
            # a district of ours no fact names: only its dead are asked of, each district's toll
            if self._place_tolls is None or self._deaths.isdisjoint(words):
                return None
            return self._gap_reply(text, self._place_tolls, self.thresholds.answer, asks)
        others = self._words_of(outside)
        rest = [w for w in words if w not in others]
        if not self._content(rest):
            return None  # nothing but the name is asked about: "whats cpec"
        like = self._top(self._target_scores(rest), self._is_gap, [], bonus=False, count=1)
        if not like or like[0].score < self.thresholds.answer:
            return None
        return Intent(text=text, decision="gap", matches=like, asks=asks)

    def _on_topic(self, words: list[str], named: list[str], *, strict: bool) -> bool:
        """Strong anchors (the group, the operation, the people) always; weak ones (attack, killed)
        only when nothing outside the story is named, and not when `strict`."""
        phrase = f" {' '.join(words)} "
        if any(f" {a} " in phrase for a in self._anchors) or not self._story_figures.isdisjoint(words):
            return True
        if strict or any(e not in self._in_story for e in named):
            return False
        return any(f" {a} " in phrase for a in self._weak_anchors)

    def _asked_as(self, words: list[str]) -> np.ndarray:
        """Targets whose `asked_with` words (if any) the question uses."""
        asked = self._free.copy()
        for word in words:
            asked[self._needed_by.get(word, [])] = True
        return asked

    def _eligible(
        self, named: list[str], asks: AnswerType | None, words: list[str], around: frozenset[str] = frozenset()
    ) -> np.ndarray:
        """Targets that may answer: a fact must mention what is named and answer what is asked;
        a gap must be about this story. A part of a message is asked with the whole message's words
        ("... and how many policemen" asks about deaths), but who it asks about is in its own."""
        eligible = np.ones(len(self._targets), dtype=bool) if asks is None else self._answering[asks].copy()
        eligible &= self._mention(named)
        eligible &= self._asked_as([*words, *around])
        if asks == "identity":
            # "who is X" / "tell me about X": a fact whose title is about X, not one that mentions X.
            for entity in named:
                eligible &= self._subject_of.get(entity, ~self._is_fact)
            titled = np.zeros(len(self._targets), dtype=bool)
            for word in words:
                titled[self._roles.get(word, [])] = True
            eligible &= ~self._about_person | titled
            if "who" in self.factbase.lexicon.asks_for(" ".join(words)):
                eligible &= self._about_someone | ~self._is_fact  # "who are ..." is not a place or a date
        if not set(named) <= self._in_story:
            eligible &= self._is_fact
        if named:
            eligible &= ~self._is_meta
        return eligible

    def _evidence(self, words: list[str], named: list[str]) -> np.ndarray:
        """Targets that share something with the question: a word it is about, or a name it mentions.
        A question of nothing but question words and generic words ("who did it") leaves all in."""
        telling = [w for w in dict.fromkeys(words) if w in self._telling]
        if not telling and not named:
            return np.ones(len(self._targets), dtype=bool)
        found = np.zeros(len(self._targets), dtype=bool)
        for word in telling:
            found[self._covers.get(_stem(word), [])] = True
        for entity in named:
            found |= self._covered_by.get(entity, found & False) & self._is_fact
        return found

    def _distinct(self, words: list[str], eligible: np.ndarray, scores: np.ndarray | None = None) -> np.ndarray:
        """Gaps asked about a word of the question that no eligible fact is asked about:
        "civilian casualties" is the civilians fact, not the gap about women and children. A gap
        that fits far better than every fact asked with the word keeps it ("was any officer named
        among the dead": the names, though a fact is asked "what's his name") when `scores` are given,
        and so does a word of today ("still"), whoever else is asked with it."""
        telling = [w for w in dict.fromkeys(words) if w in self._telling]
        if not telling:
            return np.ones(len(self._targets), dtype=bool)
        found = np.zeros(len(self._targets), dtype=bool)
        facts = eligible & self._is_fact
        for word in telling:
            hit = np.zeros(len(self._targets), dtype=bool)
            hit[self._asked.get(_stem(word), [])] = True
            if word in self._present or not (hit & facts).any():
                found |= hit
            elif scores is not None:
                rival = float(scores[hit & facts].max())
                found |= hit & (scores > rival + self.thresholds.distinct)
        return found

    def _content(self, words: list[str]) -> list[str]:
        """The words a question is about: known words that are neither names, nor generic, nor cues."""
        return [
            w
            for w in dict.fromkeys(words)
            if w not in self._generic and w not in self._entity_words and w in self._vocabulary
        ]

    def _mention(self, named: list[str]) -> np.ndarray:
        """Targets that may speak of everything named: facts that mention it, and every non-fact."""
        mention = np.ones(len(self._targets), dtype=bool)
        for entity in named:
            mention &= self._covered_by.get(entity, np.zeros(len(mention), dtype=bool)) | ~self._is_fact
        return mention

    def _said_by(self, named: list[str], scores: np.ndarray) -> tuple[Match, ...]:
        """The facts about whoever is named, their statements if they have any: "what did bugti say"
        offers his figures, not who he is or the day he spoke."""
        about = self._is_fact & self._mention(named)
        said = about & self._answering["said"]
        return self._top(scores, said if said.any() else about, named, bonus=False)

    def _top(
        self, scores: np.ndarray, eligible: np.ndarray, named: list[str], *, bonus: bool = True, count: int = 3
    ) -> tuple[Match, ...]:
        """The best eligible targets. Ties (at one decimal) go to the earlier target, as in the fact files."""
        adjusted = np.where(eligible, scores, -np.inf)
        if named and bonus:
            # Prefer the fact about exactly what was named over a round-up that also names it.
            share = len(named) / np.maximum(self._specific, len(named))
            adjusted = adjusted + np.where(self._is_fact, SPECIFIC_BONUS * share, 0.0)
        adjusted = np.minimum(adjusted, 100.0)
        finite = int(np.isfinite(adjusted).sum())
        if finite == 0:
            return ()
        k = min(count, finite)
        kth = np.partition(adjusted, len(adjusted) - k)[len(adjusted) - k]
        near = np.flatnonzero(adjusted >= kth - 0.1)  # anything that could round level with the k-th
        ranked = sorted(near.tolist(), key=lambda i: (-round(float(adjusted[i]), 1), i))[:k]
        return tuple(
            Match(target=self._targets[i].id, kind=self._targets[i].kind, score=max(0.0, round(float(adjusted[i]), 1)))
            for i in ranked
        )

    def _target_scores(self, words: list[str]) -> np.ndarray:
        """Best score of each target over its examples, discounted for words we do not know.

        Keywords are scored for every target at once; only the SHORTLIST targets they rank best
        have their examples scored by rapidfuzz, and of those only the examples that share a telling
        word with the question, so a fact base 1000 times larger costs little more (the shipped one
        has fewer targets, so nothing is skipped)."""
        keywords = np.zeros(len(self._targets))
        weights = [(w, NAME_WEIGHT if w in self._entity_words else self._idf.get(w, 0.0)) for w in dict.fromkeys(words)]
        for word, idf in weights:
            if word in self._postings:
                keywords[self._postings[word]] += idf * self._typical[word]
        total = sum(idf for _, idf in weights) or 1.0
        query = [_sort_words(" ".join(words))]
        fuzzy = np.zeros(len(self._targets))
        if len(self._targets) <= 2 * SHORTLIST:
            row = process.cdist(query, self._sorted, scorer=fuzz.ratio, dtype=np.float32, workers=self._workers)[0]
            fuzzy = np.maximum.reduceat(row, self._starts)
        elif keywords.any():
            shortlist = np.sort(np.argpartition(-(keywords + self._tie_break), SHORTLIST)[:SHORTLIST])
            ends = self._ends[shortlist]
            lengths = ends - self._starts[shortlist]
            positions = np.repeat(ends - lengths.cumsum(), lengths) + np.arange(lengths.sum())
            signature = _signature(words, self._idf)
            scored = (self._signatures[positions] & np.uint64(signature)) != 0 if signature else slice(None)
            examples = self._sorted_array[positions[scored]]
            row = np.zeros(len(positions), dtype=np.float32)
            row[scored] = process.cdist(query, examples, scorer=fuzz.ratio, dtype=np.float32, workers=-1)[0]
            fuzzy[shortlist] = np.maximum.reduceat(row, np.concatenate(([0], lengths.cumsum()[:-1])))
        k = self.thresholds.keyword_weight
        per_target = (1.0 - k) * fuzzy + k * 100.0 * keywords / total
        return per_target * (1.0 - self.thresholds.unknown_word_penalty * self._unknown_share(words))

    def _uncovered_share(self, words: list[str]) -> np.ndarray:
        """For each target, how much of what the question is about (by idf) it does not cover.
        Names, the setting and words that only say what kind of answer is wanted do not count."""
        content = self._content(words)
        if not content:
            return np.zeros(len(self._targets))
        missing = np.zeros(len(self._targets))
        total = 0.0
        for word in content:
            weight = self._idf.get(word, 1.0)
            total += weight
            hit = np.zeros(len(self._targets), dtype=bool)
            hit[self._covers.get(_stem(word), [])] = True
            missing += np.where(hit, 0.0, weight)
        return missing / total

    def _only_gaps_cover(self, words: list[str]) -> bool:
        """Whether every word the question is about is a gap's, and none is a fact's."""
        content = self._content(words)
        nowhere = np.zeros(0, dtype=int)
        covering = [self._covers.get(_stem(w), nowhere) for w in content]
        return bool(content) and all(
            len(covers) > 0 and self._is_gap[covers].any() and not self._is_fact[covers].any() for covers in covering
        )

    def _unknown_share(self, words: list[str]) -> float:
        """How much of the question (by characters, entity names aside) we have no word for."""
        plain = [w for w in words if w not in self._entity_words]
        unknown = sum(len(w) for w in plain if w not in self._vocabulary)
        return unknown / max(1, sum(len(w) for w in plain))


# The letters an Urdu word's ending changes in (gender and number: ملتا، ملتی، ملتے), folded.
_URDU_ENDINGS = frozenset("\u0627\u06cc\u06d2\u06c1\u0646")


# Letters folding made one, as an Urdu word may be written with either: do-chashmi heh, noon ghunna at
# the end, hamza before bari ye.
_URDU_SPELLINGS = (("\u06c1", "\u06be"), ("\u0646$", "\u06ba"), ("\u06cc(?=\u06d2)", "\u0626"))
_SPELLING_SPOTS = 4  # letters tried both ways at most: 16 lookups


@functools.lru_cache(maxsize=4096)
def _urdu_zipf(folded: str) -> float:
    """wordfreq's frequency of a folded Urdu word as people write it: folding wrote ھ as ہ, so
    "بھرتی" (recruitment), folded "بہرتی", had no frequency and was repaired into "بھارتی" (Indian)."""
    spots = [(m.start(), other) for letter, other in _URDU_SPELLINGS for m in re.finditer(letter, folded)]
    best = 0.0
    for choice in itertools.product((False, True), repeat=min(len(spots), _SPELLING_SPOTS)):
        spelt = list(folded)
        for (at, other), take in zip(spots, choice, strict=False):
            if take:
                spelt[at] = other
        best = max(best, _zipf("".join(spelt), "ur"))
    return best


def _with_neighbours(words: list[str]) -> Iterable[tuple[str, str, str]]:
    """Each word with the word before and the word after it ("" at either end)."""
    return zip(["", *words[:-1]], words, [*words[1:], ""], strict=True)


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _another_ending(word: str, other: str) -> bool:
    """Whether `other` is `word` with letters added or dropped at its end, or its last letter (a vowel
    or noon) changed for another."""
    if other.startswith(word) or word.startswith(other):
        return True
    return len(other) == len(word) and other[:-1] == word[:-1] and {word[-1], other[-1]} <= _URDU_ENDINGS


def _stem(word: str) -> str:
    """Coverage compares stems: "simultaneously" is covered by "simultaneous"."""
    return word[:6]


def _stems(text: str) -> str:
    return " ".join(_stem(w) for w in text.split())


def _replies(routing: Routing) -> int:
    """How much a routing replies: 2 with an answer, a gap or a chat reply, 1 with a "did you mean"."""
    worth = {"answer": 2, "gap": 2, "meta": 2, "clarify": 1}
    return max((worth.get(i.decision, 0) for i in routing.intents), default=0)


def _first(asks: tuple[AnswerType, ...]) -> AnswerType | None:
    return asks[0] if asks else None


# rapidfuzz compares strings of one-byte characters fastest, so the Urdu letters that folding keeps
# are scored as the bytes 0x80-0xFF: a one-to-one code (every score is the same), which makes an
# Urdu example cost what an English one does.
_ONE_BYTE = {ord(c): chr(0x80 + i) for i, c in enumerate(c for c in map(chr, range(0x0600, 0x0700)) if fold(c) == c)}


def _signature(words: Iterable[str], idf: dict[str, float]) -> int:
    """The telling words of a text (rare among targets, or unknown), a bit each of 64."""
    bits = 0
    for word in words:
        if idf.get(word, TELLING_IDF) >= TELLING_IDF:
            bits |= 1 << (hash(word) & 63)
    return bits


def _example_words(choices: list[str], starts: Sequence[int], chosen: Iterable[bool]) -> frozenset[str]:
    """The words of the examples of the chosen targets (target i's run from starts[i])."""
    ends = [*starts[1:], len(choices)]
    runs = (choices[a:b] for a, b, keep in zip(starts, ends, chosen, strict=True) if keep)
    return frozenset(w for run in runs for choice in run for w in choice.split())


def _sort_words(text: str) -> str:
    return " ".join(sorted(utils.default_process(text).translate(_ONE_BYTE).split()))


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


def _typicality(
    postings: dict[str, np.ndarray], choices: list[str], starts: np.ndarray, power: float
) -> dict[str, np.ndarray]:
    """How typical a word is of each target that uses it, against the target it is most typical of (the
    share of the target's examples that use it, softened). With dozens of examples per target a word turns
    up in many targets' examples in passing: "civilians" is in most of one target's and a few of another's."""
    bounds = [*starts.tolist(), len(choices)]
    used: dict[tuple[str, int], int] = {}
    for target in range(len(starts)):
        for choice in choices[bounds[target] : bounds[target + 1]]:
            for word in set(choice.split()):
                used[word, target] = used.get((word, target), 0) + 1
    typical = {}
    for word, targets in postings.items():
        # +1: the target's title and statement count as one more use.
        shares = np.array([(used.get((word, t), 0) + 1) / (bounds[t + 1] - bounds[t] + 1) for t in targets.tolist()])
        typical[word] = (shares / shares.max()) ** power
    return typical
