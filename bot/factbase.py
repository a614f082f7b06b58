"""The fact base: frozen models, and loading `facts/*.yaml` with `file:line` for every problem.

Loading either returns a complete, cross-checked `FactBase` or raises `FactBaseError` with all
problems at once, so a running bot can keep its last good version when an edit is bad.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from bot.errors import FactBaseError, Problem
from bot.language import Language
from bot.lexicon import ID_PATTERN as _ID
from bot.lexicon import AnswerType, Asks, Entity, Lexicon, OneWord, ascii_digits, fold

# A gap's speaker that stands for every party no fact quotes ("what did iran say").
OTHER_SPEAKERS = "others"

MAX_FILE_BYTES = 2 * 1024 * 1024  # a facts file is text an operator writes: far below this
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Story(_Model):
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    setting: tuple[str, ...] = ()
    within: tuple[str, ...] = Field(
        default=(), description="places in the setting no fact names: asked of, still this story ('was turbat hit')"
    )
    suspects: tuple[str, ...] = Field(default=(), description="the parties the sources link to the attacks")
    accused: tuple[str, ...] = Field(default=(), description="whom Pakistan blamed for the attacks")
    speaks_for: dict[str, str] = Field(default={}, description="the party a person in the story speaks for")
    figures: dict[str, str] = Field(default={}, description="the fact that gives each figure: 'who gave the 145'")
    breakdown: str | None = Field(default=None, description="the gap of a part of a figure: 'of the 17, how many'")
    subgroups: tuple[str, ...] = Field(default=(), description="people the dead are never broken down into")
    deaths: tuple[str, ...] = Field(default=(), description="words of the dead: 'were any teachers killed'")
    anchors: tuple[str, ...] = ()
    naming: tuple[str, ...] = Field(default=(), description="words a name follows: 'operation sindoor'")
    weak_anchors: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()
    counted: tuple[str, ...] = ()
    tallies: tuple[str, ...] = Field(default=(), description="words a figure heard may end on: 'toll 250?'")
    groups: tuple[str, ...] = Field(default=(), description="groups of people the sources count the dead of")
    losses: tuple[str, ...] = Field(default=(), description="words of a loss: a group's loss is its dead")
    forces: tuple[str, ...] = Field(default=(), description="who fought the militants: 'did the army kill'")
    attackers: tuple[str, ...] = Field(default=(), description="who attacked: 'how many did the bla kill'")
    weighing: tuple[str, ...] = Field(default=(), description="words weighing groups: 'more civilians than'")
    bounds: tuple[str, ...] = Field(default=(), description="words beside a number that bound it: 'over 200'")
    spans: tuple[str, ...] = Field(default=(), description="units of time that make a number a span heard")
    periods: tuple[str, ...] = Field(default=(), description="units that make a number a period compared with")
    ago: tuple[str, ...] = Field(default=(), description="words after a period that make it a time past")
    comparing: tuple[str, ...] = Field(default=(), description="words that make a period a comparison")
    months: tuple[str, ...] = Field(default=(), description="months: a day next to one is a date heard")
    until: tuple[str, ...] = Field(default=(), description="words before a date that make it a limit: 'by feb 1'")
    weekdays: tuple[str, ...] = Field(default=(), description="days of the week: after a count, they narrow it")
    day_counts: dict[str, str] = Field(default={}, description="facts that count one day's dead, and the day")
    day_tolls: str | None = Field(default=None, description="the gap of a count asked of a day")
    place_tolls: str | None = Field(default=None, description="the gap of a count of the dead asked of a place")
    lumped: dict[str, tuple[str, ...]] = Field(
        default={}, description="facts that count several forces as one, and the forces: 'how many police died'"
    )
    events: tuple[str, ...] = Field(
        default=(), description="words naming the attacks: a date of ours beside one says which"
    )
    taking: tuple[str, ...] = Field(default=(), description="capturing: people are arrested, a place seized")
    happenings: tuple[str, ...] = Field(
        default=(), description="events besides the attacks' words: told of with another year, that time's"
    )
    refers: tuple[str, ...] = Field(default=(), description="phrases that point at the attacks themselves")


class Source(_Model):
    id: str = Field(pattern=_ID)
    publisher: str = Field(min_length=1)
    title: str = Field(min_length=1)
    with_input_from: str | None = None
    date: dt.date
    date_note: str | None = None
    text: str | None = Field(default=None, description="path of the source's text, from facts/")


class Topic(_Model):
    id: str = Field(pattern=_ID)
    title: str = Field(min_length=1)


class Conflict(_Model):
    fact: str = Field(pattern=_ID)
    why: str = Field(min_length=1)


class Fact(_Model):
    id: str = Field(pattern=_ID)
    topic: str
    title: str = Field(min_length=1)
    question: str = Field(min_length=1)
    statement: str = Field(min_length=1)
    attribution: str = Field(min_length=1)
    source: str
    said_on: dt.date | None = None
    when: str | None = None
    quote: str | None = None
    entities: tuple[str, ...] = ()
    conflicts_with: tuple[Conflict, ...] = ()
    related: tuple[str, ...] = ()
    supersedes: tuple[str, ...] = ()
    # `update: true` in the YAML; named for what it is here, so it is not read as a Telegram Update.
    new_development: bool = Field(default=False, alias="update")
    our_arithmetic: tuple[int, ...] = ()
    answers: tuple[AnswerType, ...] = Field(default=(), description="what kinds of question the fact answers")
    asked_with: tuple[str, ...] = Field(
        default=(),
        description="words (after the lexicon) of which a question must use one for this fact to answer it",
    )
    examples: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _updates_are_dated(self) -> Fact:
        if self.new_development and self.said_on is None:
            raise ValueError("an update needs said_on, the date of the new development")
        return self


class Gap(_Model):
    id: str = Field(pattern=_ID)
    topic: str
    missing: str = Field(min_length=1)
    related: tuple[str, ...] = ()
    answers: tuple[AnswerType, ...] = ()
    speaker: str | None = Field(
        default=None,
        description="whose unreported words the gap is about: an entity id, or 'others' (no fact's speaker)",
    )
    examples: tuple[str, ...] = Field(min_length=1)


MetaReply = Literal["intro", "thanks", "summary", "sources", "latest"]


class Meta(_Model):
    """What people say to any bot (hello, thanks, tl;dr, source?): matched like a fact, replied to in kind."""

    id: str = Field(pattern=_ID)
    reply: MetaReply
    text: str = Field(min_length=1)
    facts: tuple[str, ...] = Field(default=(), description="for a summary: the facts it is made of, in order")
    examples: tuple[str, ...] = Field(min_length=1)


# ---------------------------------------------------------------------------------------------
# The Urdu catalogue (`urdu:`, in facts/urdu.yaml): our own renderings, keyed by the English ids.
# Like a gettext catalogue, a translator edits one file; loading merges it into the one fact base
# and checks it against the English (every item rendered, no unknown id, the same numbers).


class FactText(_Model):
    """A fact as a reader sees it in one language, and the ways people ask for it in that language."""

    title: str = Field(min_length=1)
    question: str = Field(min_length=1)
    statement: str = Field(min_length=1)
    attribution: str = Field(min_length=1)
    when: str | None = None
    quote_translation: str | None = Field(default=None, description="ours; the quote itself stays verbatim")
    why: dict[str, str] = Field(default={}, description="for each fact in conflicts_with: why the figures differ")
    examples: tuple[str, ...] = Field(min_length=1)


class GapText(_Model):
    missing: str = Field(min_length=1)
    examples: tuple[str, ...] = Field(min_length=1)


class MetaText(_Model):
    text: str = Field(min_length=1)
    examples: tuple[str, ...] = Field(min_length=1)


class StoryText(_Model):
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)


class EntityText(_Model):
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = Field(min_length=1)


class AsksText(_Model):
    missing: str = Field(min_length=1)
    unless: tuple[str, ...] = ()


class LexiconText(_Model):
    """Urdu words for the lexicon; merged into it, so Urdu and English questions share one router."""

    phrases: dict[str, str] = {}
    words: dict[OneWord, str] = {}
    stopwords: tuple[str, ...] = ()
    splitters: tuple[str, ...] = ()
    narrators: tuple[str, ...] = ()
    kin: tuple[str, ...] = ()
    each_day: tuple[str, ...] = ()
    requests: tuple[str, ...] = ()
    opening_narrators: tuple[str, ...] = ()
    pointers: tuple[str, ...] = ()
    asks_name: tuple[str, ...] = ()
    vague: tuple[str, ...] = ()
    sourcing: tuple[str, ...] = ()
    meaning: tuple[str, ...] = ()
    defining: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    citing: tuple[str, ...] = ()
    address: tuple[str, ...] = ()
    calling: tuple[str, ...] = ()
    wide: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    news: tuple[str, ...] = ()
    succession: tuple[str, ...] = ()
    homeland: tuple[str, ...] = ()
    openers: tuple[str, ...] = ()
    followups: tuple[str, ...] = ()
    guesses: tuple[str, ...] = ()
    checks: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    belongs: tuple[str, ...] = ()
    only: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()
    killing: tuple[str, ...] = ()
    doing: tuple[str, ...] = ()
    by: tuple[str, ...] = ()
    offices: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()
    present: tuple[str, ...] = ()
    there: tuple[str, ...] = ()
    existential: tuple[str, ...] = ()
    besides: tuple[str, ...] = ()
    among: tuple[str, ...] = ()
    spoke: tuple[str, ...] = ()
    behalf: tuple[str, ...] = ()
    about: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    too: tuple[str, ...] = ()
    feelings: tuple[str, ...] = ()
    quoting: tuple[str, ...] = ()
    asks: dict[AnswerType, AsksText] = {}
    entities: dict[str, EntityText] = {}


class Catalogue(_Model):
    """What one file's `urdu:` may hold; the catalogue is the union of all files."""

    story: StoryText | None = None
    topics: dict[str, str] = {}
    facts: dict[str, FactText] = {}
    gaps: dict[str, GapText] = {}
    meta: dict[str, MetaText] = {}
    lexicon: LexiconText | None = None


class Urdu(_Model):
    """The whole catalogue, checked: every fact, gap, meta reply, topic and entity has its rendering.
    Its words are in the fact base's lexicon; the names and "not reported" texts stay here."""

    story: StoryText
    topics: dict[str, str]
    facts: dict[str, FactText]
    gaps: dict[str, GapText]
    meta: dict[str, MetaText]
    names: dict[str, str]
    missing: dict[AnswerType, str]


ELSEWHERE = "(elsewhere)"  # the owner of `elsewhere:` examples: no target's id can be written so


class FactFile(_Model):
    """What one YAML file may hold; the fact base is the union of all files."""

    story: Story | None = None
    sources: tuple[Source, ...] = ()
    topics: tuple[Topic, ...] = ()
    facts: tuple[Fact, ...] = ()
    gaps: tuple[Gap, ...] = ()
    meta: tuple[Meta, ...] = ()
    lexicon: Lexicon | None = None
    urdu: Catalogue | None = None
    elsewhere: tuple[str, ...] | None = None


class FactBase(_Model):
    story: Story
    sources: tuple[Source, ...]
    topics: tuple[Topic, ...]
    facts: tuple[Fact, ...]
    gaps: tuple[Gap, ...]
    meta: tuple[Meta, ...] = ()
    lexicon: Lexicon
    urdu: Urdu
    version: str
    elsewhere: tuple[str, ...] = Field(default=(), description="questions about other subjects: never answered")

    def fact_text(self, fact: Fact, language: Language) -> FactText:
        if language == "ur":
            return self.urdu.facts[fact.id]
        why = {c.fact: c.why for c in fact.conflicts_with}
        return FactText.model_construct(
            title=fact.title,
            question=fact.question,
            statement=fact.statement,
            attribution=fact.attribution,
            when=fact.when,
            quote_translation=None,
            why=why,
            examples=fact.examples,
        )

    def gap_text(self, gap: Gap, language: Language) -> GapText:
        if language == "ur":
            return self.urdu.gaps[gap.id]
        return GapText.model_construct(missing=gap.missing, examples=gap.examples)

    def meta_text(self, meta: Meta, language: Language) -> MetaText:
        if language == "ur":
            return self.urdu.meta[meta.id]
        return MetaText.model_construct(text=meta.text, examples=meta.examples)

    def story_text(self, language: Language) -> StoryText:
        if language == "ur":
            return self.urdu.story
        return StoryText.model_construct(title=self.story.title, summary=self.story.summary)

    def topic_title(self, topic: Topic, language: Language) -> str:
        return self.urdu.topics[topic.id] if language == "ur" else topic.title

    def entity_name(self, entity: Entity, language: Language) -> str:
        return self.urdu.names[entity.id] if language == "ur" else entity.name

    def missing_text(self, answer_type: AnswerType, language: Language) -> str:
        """How to say we lack what a question asked for ("that figure")."""
        return self.urdu.missing[answer_type] if language == "ur" else self.lexicon.missing_text(answer_type)

    def asked(self, target: Fact | Gap | Meta, language: Language) -> tuple[str, ...]:
        """The ways people ask for a target in one language: a fact's own question first."""
        if isinstance(target, Fact):
            text = self.fact_text(target, language)
            return (text.question, *text.examples)
        if isinstance(target, Gap):
            return self.gap_text(target, language).examples
        return self.meta_text(target, language).examples

    def fact(self, fact_id: str) -> Fact | None:
        return next((f for f in self.facts if f.id == fact_id), None)

    def gap(self, gap_id: str) -> Gap | None:
        return next((g for g in self.gaps if g.id == gap_id), None)

    def meta_entry(self, meta_id: str) -> Meta | None:
        return next((m for m in self.meta if m.id == meta_id), None)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def topic_facts(self, topic_id: str) -> tuple[Fact, ...]:
        return tuple(f for f in self.facts if f.topic == topic_id)

    def updates(self) -> tuple[Fact, ...]:
        """Facts marked as updates, newest first."""
        dated = [f for f in self.facts if f.new_development and f.said_on is not None]
        return tuple(sorted(dated, key=lambda f: (f.said_on, f.id), reverse=True))

    def superseded_by(self, fact_id: str) -> Fact | None:
        return next((f for f in self.facts if fact_id in f.supersedes), None)


# ---------------------------------------------------------------------------------------------
# Loading


class _Located:
    """A parsed YAML document plus the line of every mapping key and sequence item in it."""

    def __init__(self, text: str, display: str) -> None:
        self.display = display
        self.lines: dict[tuple[Any, ...], int] = {}
        self.problems: list[Problem] = []
        self.data: Any = None
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                self._walk(node, (), set())
                # An alias makes one node stand in many places: a few lines can expand to gigabytes.
                if not self.problems:
                    self.data = loader.construct_document(node)
        finally:
            loader.dispose()

    def _walk(self, node: yaml.Node, path: tuple[Any, ...], seen_nodes: set[int]) -> None:
        if id(node) in seen_nodes:
            if not any("alias" in p.message for p in self.problems):
                line = node.start_mark.line + 1
                self.problems.append(
                    Problem(self.display, line, "YAML anchors and aliases (&name, *name) are not allowed: write it out")
                )
            return
        if isinstance(node, yaml.CollectionNode):
            seen_nodes.add(id(node))
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            keys: set[Any] = set()
            for key_node, value_node in node.value:
                key = key_node.value
                if key in keys:
                    self.problems.append(Problem(self.display, key_node.start_mark.line + 1, f"duplicate key {key!r}"))
                keys.add(key)
                self._walk(value_node, (*path, key), seen_nodes)
                self.lines[(*path, key)] = key_node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self._walk(item, (*path, index), seen_nodes)

    def line(self, loc: tuple[Any, ...]) -> int:
        """The line of the deepest known node on `loc`."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1

    def problem(self, loc: tuple[Any, ...], message: str) -> Problem:
        return Problem(self.display, self.line(loc), message)


class _Loader(yaml.CSafeLoader):
    """libyaml (bundled with PyYAML's wheels) keeps a big fact base quick to load. Dates stay text
    so that pydantic checks them and a bad one is a located field error."""


def _timestamp_as_text(loader: _Loader, node: yaml.Node) -> str:
    return str(node.value)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)

_LISTS = ("sources", "topics", "facts", "gaps", "meta")
_SINGLES = ("story", "lexicon", "elsewhere")


@dataclass
class _Parsed:
    """One file's valid part, where each list item came from, and the ids of the items that failed,
    so that the rest is still cross-checked and every problem is reported in one round."""

    located: _Located
    model: FactFile
    indices: dict[str, list[int]]
    failed_ids: dict[str, set[str]]
    failed_singles: set[str]


def _field_path(loc: tuple[Any, ...], data: Any) -> str:
    """`facts[bla-claim].source` rather than `facts.0.source`: ids are what operators search for
    (in the Urdu catalogue, `urdu.facts[bla-claim].title`)."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
            item_id = data.get("id") if isinstance(data, dict) else None
            parts[-1 if parts else 0 :] = [f"{parts[-1] if parts else ''}[{item_id or part}]"]
        elif len(parts) == 2 and parts[0] == "urdu" and parts[1] in _SECTIONS:
            data = data.get(part) if isinstance(data, dict) else None
            parts[-1] += f"[{part}]"
        else:
            data = data.get(part) if isinstance(data, dict) else None
            parts.append(str(part))
    return ".".join(parts) or "file"


def _parse(path: Path, display: str) -> tuple[_Parsed | None, list[Problem]]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [
                Problem(display, 1, f"file is {size:,} bytes; a facts file may be at most {MAX_FILE_BYTES:,}")
            ]
        text = path.read_text(encoding="utf-8")
        located = _Located(text, display)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        last_line = max(1, len(text.splitlines()))
        line = min(mark.line + 1, last_line) if mark is not None else 1  # libyaml marks EOF one past the end
        reason = exc.problem or exc.context or "invalid YAML"
        return None, [Problem(display, line, f"YAML syntax: {reason}")]
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, TypeError) as exc:
        return None, [Problem(display, 1, f"cannot read: {exc}")]
    problems = list(located.problems)
    if problems:
        return None, problems
    data = {} if located.data is None else located.data
    if not isinstance(data, dict):
        problems.append(Problem(display, 1, "the file must be a mapping with keys such as facts:"))
        return None, problems
    indices = {key: list(range(len(data[key]))) if isinstance(data.get(key), list) else [] for key in _LISTS}
    try:
        return _Parsed(located, FactFile.model_validate(data), indices, {}, set()), problems
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            problems.append(located.problem(loc, f"{_field_path(loc, data)}: {_message(err)}"))
    return _valid_part(located, data), problems


def _valid_part(located: _Located, data: dict[str, Any]) -> _Parsed:
    """The items of a file that validate on their own, so their cross-checks still run."""
    kept: dict[str, Any] = {}
    indices: dict[str, list[int]] = {key: [] for key in _LISTS}
    failed_ids: dict[str, set[str]] = {key: set() for key in _LISTS}
    failed_singles: set[str] = set()
    for key in _SINGLES:
        if data.get(key) is not None:
            try:
                kept[key] = getattr(FactFile.model_validate({key: data[key]}), key)
            except ValidationError:
                failed_singles.add(key)
    for key in _LISTS:
        items = data.get(key)
        if not isinstance(items, list):
            continue
        valid = []
        for index, item in enumerate(items):
            try:
                valid.append(getattr(FactFile.model_validate({key: [item]}), key)[0])
                indices[key].append(index)
            except ValidationError:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    failed_ids[key].add(item["id"])
        kept[key] = tuple(valid)
    if data.get("urdu") is not None:
        kept["urdu"] = _valid_catalogue(data["urdu"], failed_ids, failed_singles)
    return _Parsed(located, FactFile(**kept), indices, failed_ids, failed_singles)


_SECTIONS = ("topics", "facts", "gaps", "meta")  # the parts of the Urdu catalogue keyed by id


def _valid_catalogue(data: Any, failed_ids: dict[str, set[str]], failed_singles: set[str]) -> Catalogue | None:
    """The entries of an `urdu:` that validate on their own. Those that fail (and whole parts that
    do not parse) are noted, so that they are reported once and not also as missing renderings."""
    if not isinstance(data, dict):
        failed_singles.add("urdu")
        return None
    kept: dict[str, Any] = {}
    for key in ("story", "lexicon"):
        if data.get(key) is not None:
            try:
                kept[key] = getattr(Catalogue.model_validate({key: data[key]}), key)
            except ValidationError:
                failed_singles.add(f"urdu.{key}")
    for key in _SECTIONS:
        entries = data.get(key)
        if not isinstance(entries, dict):
            if entries is not None:
                failed_singles.add(f"urdu.{key}")
            continue
        valid: dict[str, Any] = {}
        for item_id, entry in entries.items():
            try:
                valid |= getattr(Catalogue.model_validate({key: {item_id: entry}}), key)
            except ValidationError:
                failed_ids.setdefault(f"urdu.{key}", set()).add(str(item_id))
        kept[key] = valid
    return Catalogue(**kept)


def _message(err: Any) -> str:
    if err["type"] == "missing":
        return "required field is missing"
    if err["type"] == "extra_forbidden":
        return "unknown field (check its spelling)"
    return str(err["msg"])


def yaml_files(facts_dir: Path) -> list[Path]:
    return sorted(p for p in facts_dir.glob("*.yaml") if p.is_file())


def load(facts_dir: Path) -> FactBase:
    """Load and cross-check every `*.yaml` in `facts_dir`; raise with all problems at once."""
    files = yaml_files(facts_dir)
    if not files:
        raise FactBaseError([Problem(str(facts_dir), 0, "no *.yaml files found")])
    problems: list[Problem] = []
    parsed: list[_Parsed] = []
    digest = hashlib.sha256()
    for path in files:
        try:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        except OSError:
            digest.update(path.name.encode())
        one, found = _parse(path, _display(path))
        problems.extend(found)
        if one is not None:
            parsed.append(one)
    # A file that could not be read at all may be the one that defines the story or the lexicon: then
    # "no file defines ..." would only repeat its problem.
    complete = len(parsed) == len(files)
    return _combine(parsed, problems, facts_dir, digest.hexdigest()[:12], complete=complete)


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _items(parsed: list[_Parsed], key: str) -> Iterator[tuple[_Located, int, Any]]:
    """Each item of `key` with its index in its file as written (for its line)."""
    for one in parsed:
        for position, item in enumerate(getattr(one.model, key)):
            yield one.located, one.indices[key][position], item


def _combine(
    parsed: list[_Parsed], problems: list[Problem], facts_dir: Path, version: str, *, complete: bool
) -> FactBase:
    first_file = parsed[0].located if parsed else None
    failed_singles = {key for one in parsed for key in one.failed_singles}

    def failed(key: str) -> set[str]:
        return {i for one in parsed for i in one.failed_ids.get(key, set())}

    def single(key: str) -> Any:
        holders = [(one.located, getattr(one.model, key)) for one in parsed if getattr(one.model, key) is not None]
        for loc, _ in holders[1:]:
            problems.append(loc.problem((key,), f"{key}: defined again (also in {holders[0][0].display})"))
        if not holders:
            if first_file is not None and key not in failed_singles and complete:
                problems.append(Problem(first_file.display, 1, f"no file defines {key}:"))
            return None
        return holders[0][1]

    story: Story | None = single("story")
    lexicon: Lexicon | None = single("lexicon")

    ids: dict[tuple[str, str], tuple[_Located, tuple[Any, ...]]] = {}
    for key in _LISTS:
        namespace = "targets" if key in ("facts", "gaps", "meta") else key
        for located, index, item in _items(parsed, key):
            loc = (key, index, "id")
            if (namespace, item.id) in ids:
                other, other_loc = ids[(namespace, item.id)]
                problems.append(
                    located.problem(loc, f"duplicate id {item.id!r} (first at {other.display}:{other.line(other_loc)})")
                )
            ids.setdefault((namespace, item.id), (located, loc))

    source_ids = {s.id for _, _, s in _items(parsed, "sources")} | failed("sources")
    topic_ids = {t.id for _, _, t in _items(parsed, "topics")} | failed("topics")
    fact_ids = {f.id for _, _, f in _items(parsed, "facts")} | failed("facts")
    entity_ids = {e.id for e in lexicon.entities} if lexicon else set()

    source_texts: dict[str, str] = {}
    for located, index, source in _items(parsed, "sources"):
        if source.text is None:
            continue
        try:
            source_texts[source.id] = (facts_dir / source.text).read_text(encoding="utf-8")
        except OSError:
            problems.append(located.problem(("sources", index, "text"), f"text: cannot read {source.text}"))

    if story is not None and lexicon is not None:
        for key in ("setting", "within", "suspects"):
            for entity in getattr(story, key):
                if entity not in entity_ids:
                    problems.append(_story_problem(parsed, key, f"story.{key}: unknown entity {entity!r}"))

    if story is not None:
        statements = {f.id: f.statement for _, _, f in _items(parsed, "facts")}
        for figure, fact_id in story.figures.items():
            if fact_id not in fact_ids:
                problems.append(_story_problem(parsed, "figures", f"story.figures: unknown fact {fact_id!r}"))
            elif fact_id in statements and figure not in re.findall(r"\d+", statements[fact_id]):
                message = f"story.figures: fact {fact_id!r} does not give {figure!r} in its statement"
                problems.append(_story_problem(parsed, "figures", message))
        gap_ids = {g.id for _, _, g in _items(parsed, "gaps")} | failed("gaps")
        for key, gap_id in (
            ("breakdown", story.breakdown),
            ("day_tolls", story.day_tolls),
            ("place_tolls", story.place_tolls),
        ):
            if gap_id is not None and gap_id not in gap_ids:
                problems.append(_story_problem(parsed, key, f"story.{key}: unknown gap {gap_id!r}"))
        for fact_id in story.day_counts:
            if fact_id not in fact_ids:
                problems.append(_story_problem(parsed, "day_counts", f"story.day_counts: unknown fact {fact_id!r}"))
        for fact_id in story.lumped:
            if fact_id not in fact_ids:
                problems.append(_story_problem(parsed, "lumped", f"story.lumped: unknown fact {fact_id!r}"))

    examples = _Examples(problems)
    for key in ("facts", "gaps", "meta"):
        for located, index, item in _items(parsed, key):
            here = (key, index)
            if not isinstance(item, Meta) and item.topic not in topic_ids:
                problems.append(located.problem((*here, "topic"), f"topic: unknown topic {item.topic!r}"))
            references = item.facts if isinstance(item, Meta) else item.related
            field = "facts" if isinstance(item, Meta) else "related"
            for r, ref in enumerate(references):
                if ref not in fact_ids:
                    problems.append(located.problem((*here, field, r), f"{field}: unknown fact {ref!r}"))
            for e, example in enumerate(item.examples):
                examples.add(example, item.id, located, (*here, "examples", e))
            if (
                isinstance(item, Gap)
                and lexicon is not None
                and item.speaker not in (None, OTHER_SPEAKERS, *entity_ids)
            ):
                problems.append(located.problem((*here, "speaker"), f"speaker: unknown entity {item.speaker!r}"))
            if isinstance(item, Fact) and lexicon is not None:
                problems.extend(_check_fact(located, here, item, source_ids, fact_ids, entity_ids, source_texts))
                # English is read with the English lexicon: the Urdu words merged later are in Arabic
                # script and read Latin text alike; Urdu examples are checked after the merge.
                problems.extend(_check_asked_with(located, here, item, lexicon, item.examples))
    for one in parsed:
        for e, example in enumerate(one.model.elsewhere or ()):
            examples.add(example, ELSEWHERE, one.located, ("elsewhere", e))
    problems.extend(_supersede_cycles(parsed))
    urdu = _urdu(parsed, story, lexicon, examples, problems, complete=complete) if first_file is not None else None
    if problems or story is None or lexicon is None or urdu is None:
        raise FactBaseError(problems or [Problem(str(facts_dir), 0, "no story or lexicon could be loaded")])
    urdu_catalogue, merged_lexicon = urdu
    return FactBase(
        story=story,
        sources=tuple(s for _, _, s in _items(parsed, "sources")),
        topics=tuple(t for _, _, t in _items(parsed, "topics")),
        facts=tuple(f for _, _, f in _items(parsed, "facts")),
        gaps=tuple(g for _, _, g in _items(parsed, "gaps")),
        meta=tuple(m for _, _, m in _items(parsed, "meta")),
        lexicon=merged_lexicon,
        urdu=urdu_catalogue,
        version=version,
        elsewhere=tuple(e for one in parsed for e in one.model.elsewhere or ()),
    )


class _Examples:
    """Every example seen so far, folded, with its owner: the same example under two targets is a problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.seen: dict[str, tuple[_Located, tuple[Any, ...], str]] = {}

    def add(self, example: str, owner: str, located: _Located, loc: tuple[Any, ...]) -> None:
        norm = fold(example)
        if norm in self.seen and self.seen[norm][2] != owner:
            other, other_loc, first = self.seen[norm]
            where = f"{other.display}:{other.line(other_loc)}"
            self.problems.append(located.problem(loc, f"example {example!r} is also under {first!r} ({where})"))
        self.seen.setdefault(norm, (located, loc, owner))


_SINGULAR = {"topics": "topic", "facts": "fact", "gaps": "gap", "meta": "meta reply"}


def _urdu(
    parsed: list[_Parsed],
    story: Story | None,
    lexicon: Lexicon | None,
    examples: _Examples,
    problems: list[Problem],
    *,
    complete: bool,
) -> tuple[Urdu, Lexicon] | None:
    """Every file's `urdu:` merged and checked against the English: each fact, gap, meta reply, topic,
    entity and kind of question has its rendering, no rendering is for an unknown id, and each text
    has the English one's numbers. Returns the catalogue and the lexicon with the Urdu words in it."""
    failed_singles = {key for one in parsed for key in one.failed_singles}
    holders = [(one.located, one.model.urdu) for one in parsed if one.model.urdu is not None]
    if not holders:
        if "urdu" not in failed_singles and complete:
            problems.append(Problem(parsed[0].located.display, 1, "no file defines urdu: (the Urdu renderings)"))
        return None
    entries: dict[str, dict[str, tuple[_Located, Any]]] = {key: {} for key in _SECTIONS}
    parts: dict[str, tuple[_Located, Any]] = {}
    for located, catalogue in holders:
        for key in _SECTIONS:
            for item_id, entry in getattr(catalogue, key).items():
                if item_id in entries[key]:
                    first = entries[key][item_id][0].display
                    message = f"urdu.{key}[{item_id}]: defined again (also in {first})"
                    problems.append(located.problem(("urdu", key, item_id), message))
                entries[key].setdefault(item_id, (located, entry))
        for key in ("story", "lexicon"):
            part = getattr(catalogue, key)
            if part is not None and key in parts:
                problems.append(
                    located.problem(("urdu", key), f"urdu.{key}: defined again (also in {parts[key][0].display})")
                )
            elif part is not None:
                parts[key] = (located, part)
    if story is None or lexicon is None:
        return None
    unreadable = "urdu" in failed_singles

    def failed(key: str) -> set[str]:
        return {i for one in parsed for i in one.failed_ids.get(key, set())}

    for key in _SECTIONS:
        known = failed(key)
        complete = not unreadable and f"urdu.{key}" not in failed_singles
        for located, index, item in _items(parsed, key):
            known.add(item.id)
            if complete and item.id not in entries[key] and item.id not in failed(f"urdu.{key}"):
                message = f"{key}[{item.id}]: no Urdu rendering (add it under urdu: {key}:, in facts/urdu.yaml)"
                problems.append(located.problem((key, index), message))
        for item_id, (located, _) in entries[key].items():
            if item_id not in known:
                problems.append(
                    located.problem(("urdu", key, item_id), f"urdu.{key}[{item_id}]: no {_SINGULAR[key]} has this id")
                )
    for key in ("facts", "gaps", "meta"):
        for item_id, (located, entry) in entries[key].items():
            for e, example in enumerate(entry.examples):
                examples.add(example, item_id, located, ("urdu", key, item_id, "examples", e))
    _check_texts(parsed, entries, parts, problems)
    if "story" not in parts:
        if not unreadable and "urdu.story" not in failed_singles:
            located = next(one.located for one in parsed if one.model.story is not None)
            problems.append(located.problem(("story",), "story: no Urdu rendering (add it under urdu: story:)"))
        return None
    if "lexicon" not in parts:
        if not unreadable and "urdu.lexicon" not in failed_singles:
            located = next(one.located for one in parsed if one.model.lexicon is not None)
            problems.append(located.problem(("lexicon",), "lexicon: no Urdu words (add them under urdu: lexicon:)"))
        return None
    words_at, words = parts["lexicon"]
    merged = _with_urdu_words(parsed, lexicon, words, words_at, problems)
    facts = {fact.id: fact for _, _, fact in _items(parsed, "facts")}
    for item_id, (located, entry) in entries["facts"].items():
        if item_id in facts:
            problems.extend(
                _check_asked_with(located, ("urdu", "facts", item_id), facts[item_id], merged, entry.examples)
            )
    urdu = Urdu(
        story=parts["story"][1],
        topics={i: title for i, (_, title) in entries["topics"].items()},
        facts={i: text for i, (_, text) in entries["facts"].items()},
        gaps={i: text for i, (_, text) in entries["gaps"].items()},
        meta={i: text for i, (_, text) in entries["meta"].items()},
        names={i: e.name for i, e in words.entities.items()},
        missing={t: a.missing for t, a in words.asks.items()},
    )
    return urdu, merged


def _with_urdu_words(
    parsed: list[_Parsed], lexicon: Lexicon, words: LexiconText, located: _Located, problems: list[Problem]
) -> Lexicon:
    """The lexicon with Urdu's phrases, words, word lists (stopwords, splitters, openers...) and
    entity aliases added; every entity needs its Urdu name and every kind of question its Urdu "not
    reported" text."""
    english = next(one.located for one in parsed if one.model.lexicon is not None)
    known = {fold(k) for k in (*lexicon.phrases, *lexicon.words)}
    for key in ("phrases", "words"):
        for word in getattr(words, key):
            if fold(word) in known:
                message = f"urdu.lexicon.{key}[{word}]: also in the English lexicon; keep it in one place"
                problems.append(located.problem(("urdu", "lexicon", key, word), message))
    for key, english_ids, urdu_ids, what in (
        ("entities", [e.id for e in lexicon.entities], words.entities, "its name"),
        ("asks", [a.type for a in lexicon.asks], words.asks, "its missing: text"),
    ):
        for i, item_id in enumerate(english_ids):
            if item_id not in urdu_ids:
                message = f"lexicon.{key}[{item_id}]: no Urdu rendering (add {what} under urdu: lexicon: {key}:)"
                problems.append(english.problem(("lexicon", key, i), message))
        for item_id in set(urdu_ids) - set(english_ids):
            message = f"urdu.lexicon.{key}[{item_id}]: the English lexicon has none with this id"
            problems.append(located.problem(("urdu", "lexicon", key, item_id), message))

    def entity(e: Entity) -> Entity:
        urdu = words.entities.get(e.id)
        return e if urdu is None else e.model_copy(update={"aliases": (*e.aliases, *urdu.aliases)})

    def asks(a: Asks) -> Asks:
        urdu = words.asks.get(a.type)
        return a if urdu is None else a.model_copy(update={"unless": (*a.unless, *(fold(w) for w in urdu.unless))})

    # Urdu's word lists join the English ones: a set of folded words, or a list kept in order. A list
    # Urdu has no words for stays as it is.
    lists: dict[str, Any] = {}
    for key in Lexicon.model_fields.keys() - {"phrases", "words", "spellings", "asks", "entities"}:
        ours, added = getattr(lexicon, key), getattr(words, key, ())
        lists[key] = ours | {fold(w) for w in added} if isinstance(ours, frozenset) else (*ours, *added)
    return Lexicon(
        phrases={**lexicon.phrases, **words.phrases},
        words={**lexicon.words, **words.words},
        spellings=lexicon.spellings,
        asks=tuple(asks(a) for a in lexicon.asks),
        entities=tuple(entity(e) for e in lexicon.entities),
        **lists,
    )


def _check_texts(
    parsed: list[_Parsed],
    entries: dict[str, dict[str, tuple[_Located, Any]]],
    parts: dict[str, tuple[_Located, Any]],
    problems: list[Problem],
) -> None:
    """Each Urdu text says what its English one says: the same numbers (in any script), a `when`,
    a translation of the quote and a reason for each differing figure exactly where the English has one."""
    pairs: list[tuple[_Located, tuple[Any, ...], str, str | None, str | None]] = []

    def pair(located: _Located, loc: tuple[Any, ...], english: str | None, urdu: str | None) -> None:
        """`loc` is ("urdu", part, id, field, ...) or ("urdu", "story", field)."""
        named = f"{loc[1]}[{loc[2]}]" if loc[1] != "story" else f"story.{loc[2]}"
        path = ".".join(["urdu", named, *(str(p) for p in loc[3:])])
        pairs.append((located, loc, path, english, urdu))

    for _, _, fact in _items(parsed, "facts"):
        if fact.id not in entries["facts"]:
            continue
        located, text = entries["facts"][fact.id]
        here = ("urdu", "facts", fact.id)
        for field in ("title", "question", "statement", "attribution"):
            pair(located, (*here, field), getattr(fact, field), getattr(text, field))
        pair(located, (*here, "when"), fact.when, text.when)
        pair(located, (*here, "quote_translation"), fact.quote, text.quote_translation)
        conflicts = {c.fact: c.why for c in fact.conflicts_with}
        for other in conflicts.keys() | text.why.keys():
            pair(located, (*here, "why", other), conflicts.get(other), text.why.get(other))
    for key, field in (("gaps", "missing"), ("meta", "text"), ("topics", "title")):
        for _, _, item in _items(parsed, key):
            if item.id in entries[key]:
                located, text = entries[key][item.id]
                if isinstance(text, str):  # a topic's title is its whole rendering
                    pair(located, ("urdu", key, item.id), item.title, text)
                else:
                    pair(located, ("urdu", key, item.id, field), getattr(item, field), getattr(text, field))
    if "story" in parts:
        located, text = parts["story"]
        story = next(one.model.story for one in parsed if one.model.story is not None)
        for field in ("title", "summary"):
            pair(located, ("urdu", "story", field), getattr(story, field), getattr(text, field))
    for located, loc, path, english, urdu in pairs:
        if english is None and urdu is not None:
            problems.append(located.problem(loc, f"{path}: the English has none; remove it"))
        elif english is not None and urdu is None:
            problems.append(located.problem(loc[:3], f"{path}: missing; the English has one"))
        elif english is not None and urdu is not None:
            ours, theirs = _numbers(urdu), _numbers(english)
            for number in sorted(ours - theirs):
                problems.append(located.problem(loc, f"{path}: the number {number} is not in the English"))
            for number in sorted(theirs - ours):
                problems.append(located.problem(loc, f"{path}: the English has the number {number}; this has not"))


def _numbers(text: str) -> set[str]:
    """The numbers in a text, whatever the script of its digits, without thousands separators."""
    return {n.replace(",", "") for n in _NUMBER.findall(ascii_digits(text))}


def _supersede_cycles(parsed: list[_Parsed]) -> list[Problem]:
    """A fact may not, through a chain of `supersedes`, replace itself: "newest" would not exist."""
    older = {f.id: f.supersedes for _, _, f in _items(parsed, "facts")}
    problems: list[Problem] = []
    for located, index, fact in _items(parsed, "facts"):
        seen: set[str] = set()
        pending = list(fact.supersedes)
        while pending:
            current = pending.pop()
            if current == fact.id:
                problems.append(
                    located.problem(("facts", index, "supersedes"), "supersedes: the chain leads back to this fact")
                )
                break
            if current not in seen:
                seen.add(current)
                pending.extend(older.get(current, ()))
    return problems


def _story_problem(parsed: list[_Parsed], key: str, message: str) -> Problem:
    located = next(one.located for one in parsed if one.model.story is not None)
    return located.problem(("story", key), message)


def asked_with_words(fact: Fact, lexicon: Lexicon) -> frozenset[str]:
    """A fact's `asked_with` as the lexicon reads a question: one of them must be in it."""
    return lexicon.normalised_words(fact.asked_with)


def _check_asked_with(
    located: _Located, here: tuple[Any, ...], fact: Fact, lexicon: Lexicon, examples: Sequence[str]
) -> list[Problem]:
    """An example (English, or Urdu read with the Urdu words) without any of the fact's `asked_with`
    words could never be answered by it."""
    need = asked_with_words(fact, lexicon)
    if not need:
        return []
    return [
        located.problem(
            (*here, "examples", e), f"example {example!r} uses none of asked_with ({', '.join(fact.asked_with)})"
        )
        for e, example in enumerate(examples)
        if need.isdisjoint(lexicon.normalise(example).split())
    ]


def _check_fact(
    located: _Located,
    here: tuple[Any, ...],
    fact: Fact,
    source_ids: set[str],
    fact_ids: set[str],
    entity_ids: set[str],
    source_texts: dict[str, str],
) -> list[Problem]:
    """Cross-references and faithfulness to the source text."""
    problems: list[Problem] = []
    if fact.source not in source_ids:
        problems.append(located.problem((*here, "source"), f"source: unknown source {fact.source!r}"))
    for i, entity in enumerate(fact.entities):
        if entity not in entity_ids:
            problems.append(located.problem((*here, "entities", i), f"entities: unknown entity {entity!r}"))
    for i, conflict in enumerate(fact.conflicts_with):
        if conflict.fact not in fact_ids or conflict.fact == fact.id:
            problems.append(
                located.problem((*here, "conflicts_with", i), f"conflicts_with: unknown fact {conflict.fact!r}")
            )
    for i, old in enumerate(fact.supersedes):
        if old not in fact_ids:
            problems.append(located.problem((*here, "supersedes", i), f"supersedes: unknown fact {old!r}"))
    text = source_texts.get(fact.source)
    if text is None:
        return problems
    if fact.quote is not None and fact.quote not in text:
        problems.append(located.problem((*here, "quote"), "quote: not found verbatim in the source text"))
    allowed = {int(n) for n in fact.our_arithmetic}
    in_source = set(_NUMBER.findall(text))  # whole numbers: "9" is not in a text that says "92"
    for number in _NUMBER.findall(fact.statement):
        if number not in in_source and int(float(number.replace(",", ""))) not in allowed:
            problems.append(
                located.problem(
                    (*here, "statement"),
                    f"statement: the number {number} is not in the source (list sums in our_arithmetic)",
                )
            )
    return problems
