"""Normalisation: turn the many ways people write a question into one canonical form.

The words themselves (misspellings, synonyms, Roman Urdu, entity names, what a question asks
for) are data in `facts/lexicon.yaml`; this module only knows how to apply them.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property, lru_cache
from typing import Annotated, Literal

from anyascii import anyascii
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
# The letters of Arabic script (Urdu) that folding keeps: one form of each letter people type.
_ARABIC = (
    "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9"
)
_NOT_WORD = re.compile(rf"[^a-z0-9{_ARABIC}]+")
_REPEATS = re.compile(rf"([a-z])\1{{2,}}|([{_ARABIC}])\2{{2,}}")  # letters only: "1000" is a number
_LATIN_MAYBE = re.compile("[^\x00-\x7f\u0600-\u06ff]")  # outside ASCII and Arabic: perhaps an accented letter
# Bari ye (ے) only ends a word, and it does not join the next letter, so people typing fast often
# leave out the space after it: "کتنےمارےگئے" is "کتنے مارے گئے".
_BARI_YE_GLUED = re.compile(f"\u06d2(?=[{_ARABIC}])")
_POSSESSIVE = re.compile(r"['\u2019]s\b")
# Commas between groups of digits ("1,450", "145,000", Indian "2,00,000", Urdu "١٬٤٥٠") make one number
# when it opens with a single digit or the rest are noughts; "17,31,145" and "92,145" list our figures.
_DIGIT_GROUPS = re.compile(r"(?<!\d)(?:\d[,\u066c](?:\d{2}[,\u066c])*\d{3}|\d{1,3}(?:[,\u066c]0{2,3})+)(?![\d,\u066c])")
# A day written as an ordinal is its number: "feb 2nd" is "feb 2", as "2 february" is.
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")


def _one_number(run: re.Match[str]) -> str:
    return re.sub(r"[,\u066c]", "", run.group())


_ACRONYM_DOT = re.compile(r"(?<=\b[a-z])\.(?=[a-z]\b)")


def whole_words(phrases: Iterable[str]) -> re.Pattern[str]:
    """Any of `phrases` (none empty) as whole words of a normalised text, in group 1; where they
    overlap the longest wins ("new delhi" over "delhi")."""
    return re.compile(r"(?<!\S)(" + _alternation(phrases) + r")(?!\S)")


def _alternation(words: Iterable[str]) -> str:
    """A regular expression's alternatives for these words or phrases, longest first (so that
    "new delhi" is tried before "delhi"), each escaped; empty for none."""
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


def any_of(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """`whole_words` of the non-empty `phrases`, or None when there are none (a list left empty)."""
    kept = {p for p in phrases if p}
    return whole_words(kept) if kept else None


def _beside(marker: re.Pattern[str] | None, text: str, before: int, after: int) -> Iterator[list[str]]:
    """For each match of an `any_of` pattern (None: an empty list) in the folded text, the `before`
    words before it, then the `after` words after it."""
    if marker is None:
        return
    folded = fold(text)
    for match in marker.finditer(folded):
        yield folded[: match.start()].split()[-before:]
        yield folded[match.end() :].split()[:after]


def days_of_month(words: list[str], *, months: frozenset[str], units: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Days of the month among normalised words, right before or after a month or "date" ("march 5",
    "30 جنوری", "feb 1"); a year is no day ("jan 2024"), nor is a number followed by what it counts
    (`units`: "12 log")."""
    return tuple(
        w
        for i, w in enumerate(words)
        if w.isdigit()
        and 1 <= int(w) <= 31
        and units.isdisjoint(words[i + 1 : i + 2])
        and not months.isdisjoint(words[max(0, i - 1) : i] + words[i + 1 : i + 2])
    )


def _found(pattern: re.Pattern[str] | None, text: str) -> bool:
    """Whether an `any_of` pattern (None: an empty list) finds a phrase in the folded text."""
    return pattern is not None and pattern.search(fold(text)) is not None


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
    nouns: tuple[str, ...] = Field(
        default=(), description="cues that name the thing rather than ask for it: 'number', 'toll'"
    )
    unless: tuple[str, ...] = Field(default=(), description="words of the raw question that rule this kind out")
    missing: str = Field(min_length=1)


def _one_word(key: str) -> str:
    """A `words` key is matched word by word: one of two words would never be read."""
    if len(fold(key).split()) > 1:
        raise ValueError(f"{key!r} is more than one word: move it to `phrases`, which match words in a row")
    return key


OneWord = Annotated[str, AfterValidator(_one_word)]


class Lexicon(BaseModel):
    """The data behind `normalise`; cached lookups are built once per fact-base version."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    phrases: dict[str, str] = {}
    words: dict[OneWord, str] = {}
    # Short words as people spell them in chat ("ny" for "ne", "mre" for "mare"), read before anything
    # else: typo repair leaves words this short alone.
    spellings: dict[str, str] = {}
    stopwords: frozenset[str] = frozenset()
    splitters: tuple[str, ...] = ()
    # Words of someone telling, not asking ("my cousin lives in mastung, how many died"): a part of a
    # message with one of them and no question in it is the asker's context, not a second question.
    narrators: frozenset[str] = frozenset()
    # Words of the asker only when they open a part ("میں ہسپتال میں تھا": "میں" is "I" there, "in" after).
    opening_narrators: frozenset[str] = frozenset()
    # Asking in the imperative ("tell me about the province", "mujhe batao"): "me" there asks, it
    # tells nothing of the asker.
    requests: tuple[str, ...] = ()
    # Words that point back at someone named earlier in the message ("who is jaiswal and what did he
    # say"): a part with one asks about the part before's subject.
    pointers: frozenset[str] = frozenset()
    # Words asking for a name ("who gave the us statement, naam kya hai"): a part asking only that,
    # after a part asking who, is answered by that part's fact if it names someone, else asked of
    # that part's subject; never on its own ("what name" alone is the operation's).
    asks_name: frozenset[str] = frozenset()
    # Words that may point back at the part before or at the story itself ("how long did the op last
    # n did they capture any city"): a part with one must read alike both ways to be asked alone.
    vague: frozenset[str] = frozenset()
    # Words that open a yes/no question ("were the hospitals ready"): a part of a message opening
    # with one asks something even with no cue word in it.
    openers: frozenset[str] = frozenset()
    # How a message that follows on from the last one opens ("and turkey?", "what about the eu"): a
    # party named after one, and nothing else, asks what that party said.
    followups: tuple[str, ...] = ()
    asks: tuple[Asks, ...] = ()
    # Words of a guess at who did it ("was it the taliban?", "did iran do it", "kya india ne kiya"): a
    # message of nothing else but names of countries and groups asks who did it, whoever it names.
    guesses: tuple[str, ...] = ()
    # Words of someone checking what they heard ("heard america stayed silent, true?", "suna hai ...,
    # sach hai?"): the rest of such a message is a rumour, worded as the asker likes.
    checks: tuple[str, ...] = ()
    # Words that turn a statement into a question ("the taliban did it, no?", "india ne kiya na"): a
    # guess at who did it with one is still only a guess.
    tags: tuple[str, ...] = ()
    # Words guessing where a person is from or whom they work for ("is baker from the uk", "works for the
    # un?"): with a person in the story named, the question asks who that person is.
    belongs: tuple[str, ...] = ()
    # Words that mark who does what right after them ("india ne kya kaha", "دہلی نے"): the speaker
    # of a "what did ... say" in languages that put the verb last.
    agents: frozenset[str] = frozenset()
    # Words that make a word of blaming passive ("was india blamed", "india accused of what"): the one
    # named before it is blamed, not who blames.
    passive_before: frozenset[str] = frozenset()
    passive_after: frozenset[str] = frozenset()
    # Nouns of blaming: after an article and a name ("the india accusation"), the charge against them.
    charges: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    # The asker's own people, dropped right after a word of the asker's ("my brother said 300 died").
    kin: frozenset[str] = frozenset()
    # Words that make the number after them a year ("in 2000"), not a count ("2000 attackers").
    years_after: frozenset[str] = frozenset()
    # Words of killing ("kill", "maare", "ہلاک"), of asking whether someone did ("did", "has") and of
    # the one who did ("killed by"): a side of the fighting so marked ("did the army kill 200", "fauj
    # ne kitne maare", "soldiers killed by the bla") is who killed, not who died.
    killing: tuple[str, ...] = ()
    doing: tuple[str, ...] = ()
    by: tuple[str, ...] = ()
    # Words right after a word of saying that name who said it next ("any reaction from kabul").
    said_from: frozenset[str] = frozenset()
    # Words of a part asking only who says so ("..., and who gave that number?", "according to whom"):
    # every answer says who, so such a part asks nothing more of it.
    sourcing: frozenset[str] = frozenset()
    # Words asking what a figure stands for ("what does the number 17 refer to", "۱۴۵ کا عدد کس چیز کو
    # ظاہر کرتا ہے"): with one figure of ours and nothing else, the fact that gives it.
    meaning: frozenset[str] = frozenset()
    # Words asking what a term means ("what does bla stand for", "herof ka matlab"): only a target
    # asked so of the term defines it ("what does ispr stand for" is not what the BLA is).
    defining: frozenset[str] = frozenset()
    # Nouns that only say a term is asked about ("the word herof", "the term fto"): no term themselves.
    terms: frozenset[str] = frozenset()
    # Words shortened with a full stop ("govt.", "mr."): no end of a sentence.
    abbreviations: tuple[str, ...] = ()
    # Words that widen a place to everywhere ("in quetta and elsewhere"): its count is the whole toll.
    wide: tuple[str, ...] = ()
    # Words asking for a country's news ("what's the news in afghanistan today"): with no word of the
    # attacks, another subject.
    news: tuple[str, ...] = ()
    # Asking for sources along with a question ("death toll with sources pls"): every answer cites them.
    citing: tuple[str, ...] = ()
    # Calling the bot by name around a question ("bot, who did it", "hey factbot ...", "@bot ..."), and
    # the words that may come before the name ("hey", "ok"): no part of what is asked.
    address: tuple[str, ...] = ()
    calling: tuple[str, ...] = ()
    # Words the asker names their own country's voice by ("i'm from saudi arabia, what did my
    # government say"): the country they named as theirs.
    homeland: frozenset[str] = frozenset()
    # Words of another holder of an office ("who was chief minister before bugti", "the first cm"):
    # who that was is general knowledge, not the person in the story.
    succession: frozenset[str] = frozenset()
    # Words that make one party the only one ("heard only the us condemned it"): such a claim is
    # answered with the round-up of every party, which corrects it.
    only: frozenset[str] = frozenset()
    # Words of a later part that only guesses at or narrows the answer to the part before ("what is the
    # bla, separatists or what", "total attackers, not just the dead"): no question of its own.
    hedges: tuple[str, ...] = ()
    # Words naming an office or a kind of person ("is bugti the governor", "jaiswal ki post kya hai"):
    # a question of nothing but a person's name and such words asks who that person is.
    offices: frozenset[str] = frozenset()
    # Words pointing at a place named before ("im from gwadar, how many died there"): where the
    # asker is then says what they ask about.
    there: frozenset[str] = frozenset()
    # Phrases where "there" points at nothing ("was there an emergency"): taken out before looking.
    existential: tuple[str, ...] = ()
    # Words that set a party aside ("besides the us, who condemned it"): such a question asks about
    # everyone else, so the gap about other parties' words stays.
    besides: tuple[str, ...] = ()
    # Words that take a part of a figure ("of the 17, how many were police", "17 mein se"): next to one
    # of ours, a count of the part, which the sources do not break down.
    among: tuple[str, ...] = ()
    # Words asking who did the speaking ("who gave the us statement", "امریکی بیان کس نے دیا"): with a
    # word of saying and a party, the person who spoke for that party.
    spoke: tuple[str, ...] = ()
    # Words before the asking that still ask who spoke ("amreeka ki taraf se kis ne", "the us diplomat's
    # name"); any other word there is what was said ("india ka haath hai, ye kis ne kaha").
    behalf: frozenset[str] = frozenset()
    # Words offering a choice ("soldiers or civilians"): the asker guesses at the answer.
    choices: frozenset[str] = frozenset()
    # Words saying what something was said about ("about bangladesh", "bangladesh ke bare mein").
    about: tuple[str, ...] = ()
    # How the asker feels ("this is terrible", "afsos hua"): a part of nothing else asks nothing.
    feelings: tuple[str, ...] = ()
    # Words saying it happened somewhere else as well ("lahore mein bhi?", "was karachi hit too"): with
    # a place outside the story and nothing else, the question asks where the attacks were.
    too: tuple[str, ...] = ()
    # Words placing something inside a place, beside its name ("where in balochistan", "balochistan mein
    # kahan"): where within the province the attacks were, not where the province is.
    inside: frozenset[str] = frozenset()
    # Words that only ask who said something ("which country mentioned extremism", "who offered
    # condolences"): the rest of the question is what was said.
    quoting: tuple[str, ...] = ()
    # Words of saying that take who or what was spoken of as their object ("did the uk mention the bla").
    said_of: tuple[str, ...] = ()
    # Words that deny ("which country didnt mention condolences"): the words asked of are not theirs.
    negations: frozenset[str] = frozenset()
    # Roman Urdu "us ne" (lower case) opening a part after one naming a person: him or her, never the
    # United States ("jaiswal kon hai? us ne kya kaha"); read as one word ("usne"), a pointer back.
    him_or_her: tuple[str, ...] = ()
    # Words asking how something is in the world, not in this story ("what does a charge d'affaires do
    # in general"): beside an indefinite article, which names a kind of thing rather than one of the
    # story's, such a question is general knowledge, declined, unless it points at the attacks.
    in_general: tuple[str, ...] = ()
    indefinite: frozenset[str] = frozenset()
    # The words of "what is X" ("what is the ISPR", "FC kya hota hai"): with nothing but one of the
    # forces, which no fact describes, general knowledge; not "what did the army do".
    being: frozenset[str] = frozenset()
    # Words asking a count day by day ("how many died each day"): the sources count one day's dead only.
    each_day: tuple[str, ...] = ()
    # Words asking how things stand today ("is it still going on", "ab halaat kaise hain"): a fact
    # asked about with them is no reason to rule out the gap about what came after our sources.
    present: frozenset[str] = frozenset()
    entities: tuple[Entity, ...] = ()

    @cached_property
    def _phrases(self) -> dict[str, str]:
        return {fold(k): fold(v) for k, v in self.phrases.items()}

    @cached_property
    def _phrase_lengths(self) -> dict[str, tuple[int, ...]]:
        """For each first word of a phrase, how many words its phrases have, most first: a phrase is
        looked up by its words, not searched for (one alternation of 1,400 phrases tried at every
        word was most of the time spent normalising a question)."""
        lengths: dict[str, set[int]] = {}
        for phrase in self._phrases:
            words = phrase.split()
            if words:
                lengths.setdefault(words[0], set()).add(len(words))
        return {first: tuple(sorted(n, reverse=True)) for first, n in lengths.items()}

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
        return whole_words(names), names

    @cached_property
    def _cues(self) -> tuple[tuple[AnswerType, tuple[str, ...]], ...]:
        return tuple((a.type, tuple(self.normalise(c) for c in (*a.cues, *a.nouns))) for a in self.asks)

    @cached_property
    def _asking(self) -> re.Pattern[str] | None:
        return any_of(self.normalise(c) for a in self.asks for c in a.cues)

    def asks_outright(self, normalised: str) -> bool:
        """Whether a question word asks something ("how many"), not only a noun that names it ("the
        numbers"): someone telling what they saw ("i keep seeing different numbers") asks nothing."""
        return self._asking is not None and self._asking.search(normalised) is not None

    @cached_property
    def cue_words(self) -> frozenset[str]:
        """Words that say what kind of answer is wanted, not what it is about."""
        return frozenset(w for _, cues in self._cues for c in cues for w in c.split())

    @cached_property
    def split_pattern(self) -> re.Pattern[str]:
        """Where one message asks two things; matched on the raw text, before normalisation."""
        words = [re.escape(s) for s in self.splitters if s.isalnum()]
        # (not a comma between digits: "1,450 killed" is one figure, "17,31,145" figures of one part)
        marks = [
            rf"(?<!\d){re.escape(s)}|{re.escape(s)}(?!\d)" if s == "," else re.escape(s)
            for s in self.splitters
            if not s.isalnum()
        ]
        # A full stop ends a sentence after a word of two letters or more, before the next word ("...
        # in noshki. how many died"); not in "U.S." or before a figure ("approx. 40 hours").
        short = "".join(rf"(?<!\b{re.escape(a)})" for a in self.abbreviations)  # "govt.", "mr."
        sentence = rf"(?<=[^\W\d_]{{2}}){short}\.(?=\s+[^\W\d_])"
        alternatives = [r"\?+", sentence, *marks] + ([r"\b(?:" + "|".join(words) + r")\b"] if words else [])
        return re.compile("|".join(alternatives), re.IGNORECASE)

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def normalise(self, text: str) -> str:
        """Fold, map phrases, words and entity names to canonical forms, drop stopwords."""
        return self.normalise_folded(fold(text))

    def normalised_words(self, items: Iterable[str]) -> frozenset[str]:
        """The words of each item (a word or a phrase) as a question would read it. Each is read alone:
        joined, neighbours would make phrases ("chief" "minister" is Bugti), in a set's random order."""
        return frozenset(w for item in items for w in self.normalise(item).split())

    def normalise_folded(self, folded: str) -> str:
        """`normalise` of a text that is already folded (folding it again would change nothing)."""
        mapped = self._map_folded(folded)
        pattern, names = self._canonical
        return mapped if pattern is None else pattern.sub(lambda m: names[m.group(1)], mapped)

    def _map_words(self, text: str) -> str:
        return self._map_folded(fold(text))

    def _map_folded(self, folded: str) -> str:
        words: list[str] = []
        previous = ""
        for word in self._map_phrases(folded.split()):
            if word in self.kin and (previous in self.narrators or previous in self.kin):
                previous = word  # "my brother", "my friend's brother": the asker's, never what is asked
                continue
            words.extend(self._words.get(word, word).split())
            previous = word
        return " ".join(w for w in words if w not in self.stopwords)

    def _map_phrases(self, words: list[str]) -> list[str]:
        """The words with each phrase replaced by its canonical form, the longest phrase where several
        start at one word, left to right and never overlapping."""
        mapped: list[str] = []
        i = 0
        while i < len(words):
            for n in self._phrase_lengths.get(words[i], ()):
                canonical = self._phrases.get(" ".join(words[i : i + n]))
                if canonical is not None:
                    mapped.extend(canonical.split())
                    i += n
                    break
            else:
                mapped.append(words[i])
                i += 1
        return mapped

    def find_entities(self, normalised: str) -> tuple[str, ...]:
        """Entity ids named in an already normalised text, in order of first mention; where aliases
        overlap the longest wins ("new delhi" over "delhi")."""
        if self._alias_pattern is None:
            return ()
        found = (self.alias_to_entity[m.group(1)] for m in self._alias_pattern.finditer(normalised))
        return tuple(dict.fromkeys(found))

    @cached_property
    def _alias_pattern(self) -> re.Pattern[str] | None:
        return any_of(self.alias_to_entity)

    def follows_on(self, text: str) -> bool:
        return self.after_follow_up_opener(text) is not None

    def after_follow_up_opener(self, text: str) -> str | None:
        """The rest of a message that opens as a follow-up ("and in noshki?": "in noshki"), else None."""
        folded = f"{fold(text)} "
        opener = max((f for f in self._followups if folded.startswith(f"{f} ")), key=len, default=None)
        return None if opener is None else folded[len(opener) :].strip()

    @cached_property
    def _followups(self) -> tuple[str, ...]:
        return tuple(f for f in map(fold, self.followups) if f)

    def guesses_culprit(self, text: str, normalised: str, *, also: frozenset[str] = frozenset()) -> bool:
        """Whether a question is only a guess at who did it: a guessing phrase, and no word but names,
        the phrase's own, an opener's ("kya india ne kiya"), a tag's ("..., no?", "..., true?") and those
        `also` allowed ("attack")."""
        if self._guessing is None or self._guessing.search(fold(text)) is None:
            return False
        names, own = self._guess_words
        words = set(normalised.split())
        return bool(words & names) and words <= names | own | also

    @cached_property
    def _guess_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """The words of entity names, and those of the guessing phrases and the openers, normalised."""
        names = frozenset(w for n in self.canonical_names for w in n.split())
        own = self.normalised_words((*self.guesses, *self.openers, *self.tags))
        return names, own

    def says_only(self, text: str, name: str) -> bool:
        """Whether a question says `name` (a normalised entity name) alone: "only the us", "sirf america
        ne". Read on the folded words, as "sirf" (like "just") is no word of a normalised question."""
        words = fold(text).split()
        return any(
            word in self._only and f"{self.normalise_folded(' '.join(words[i + 1 : i + 5]))} ".startswith(f"{name} ")
            for i, word in enumerate(words)
        )

    @cached_property
    def _only(self) -> frozenset[str]:
        return frozenset(fold(w) for w in self.only)

    def asks_who_says(self, normalised: str) -> bool:
        """Whether a normalised part asks only who says so: "who said so", "says who", "ye kis ne bataya"."""
        words = set(normalised.split())
        if not words or not words <= self.cue_words | self._sourcing:
            return False
        return bool(words & self._sourcing) or {"said", "who"} <= set(self.asks_for(normalised))

    @cached_property
    def _sourcing(self) -> frozenset[str]:
        return self.normalised_words(self.sourcing)

    def attributes(self, part: str) -> bool:
        """Whether a part opens by saying whose word it is ("according to bugti", "as reported by the
        army"): a clause of the question beside it, not one of its own."""
        words = self.normalise(part).split()
        return bool(words) and words[0] in self._sourcing

    def opens_aside(self, part: str) -> bool:
        """Whether a part opens with a word that sets something aside ("besides the dead", "apart from
        that"): what the question after it is not about."""
        return self._besides is not None and self._besides.match(fold(part).strip()) is not None

    def checks_rumour(self, text: str) -> bool:
        return _found(self._checking, text)

    def checks_claim(self, text: str) -> bool:
        """Whether a message checks something heard or said ("heard ..., true?", "it was india, no?")."""
        return self.checks_rumour(text) or self.ends_on_tag(text)

    def only_checks(self, part: str) -> bool:
        """Whether a part asks nothing but whether what the message says is true ("is this true", "kya ye
        sach hai", "کیا یہ بات سچ ہے"): the claim it checks is in the rest of the message."""
        part = " ".join(self._map_phrases(fold(part).split()))  # "get this right" is no tag
        if self._checking is None or not self.checks_rumour(part) or not _found(self._tagging, part):
            return False  # "just heard about this" tells; "is this true" checks
        rest = self._checking.sub(" ", part).split()
        asked = (w for w in rest if w not in self.vague and w not in self.openers)
        return not self.normalise_folded(" ".join(asked)).split()

    def before_who_spoke(self, text: str) -> str | None:
        """The folded text before the words asking who did the speaking ("amreeka ki taraf se" of
        "amreeka ki taraf se kis ne bayan diya"), or None if it has none."""
        found = self._who_spoke(text)
        return None if found is None else found.string[: found.start()]

    def after_who_spoke(self, text: str) -> str:
        """The folded text after the words asking who did the speaking ("for india" of "who spoke for
        india"), empty if it has none."""
        found = self._who_spoke(text)
        return "" if found is None else found.string[found.end() :]

    def _who_spoke(self, text: str) -> re.Match[str] | None:
        return None if self._spoke is None else self._spoke.search(fold(text))

    @cached_property
    def _spoke(self) -> re.Pattern[str] | None:
        return any_of(map(fold, self.spoke))

    @cached_property
    def _checking(self) -> re.Pattern[str] | None:
        return any_of(map(fold, self.checks))

    def asks_news(self, text: str) -> bool:
        return _found(self._news, text)

    @cached_property
    def _news(self) -> re.Pattern[str] | None:
        return any_of(fold(w) for w in self.news)

    def widens(self, text: str) -> bool:
        return _found(self._wide, text)

    @cached_property
    def _wide(self) -> re.Pattern[str] | None:
        return any_of(fold(w) for w in self.wide)

    def without_citing(self, text: str) -> str:
        """The message without its asking for sources, if anything else is asked ("who claimed it? cite
        the source"); the message itself if that is all it asks ("with sources?")."""
        if self._citing is None:
            return text
        rest = self._citing.sub(" ", text)
        return rest if rest != text and self.normalise(rest).split() else text

    def without_address(self, text: str) -> str:
        """The message without the bot's name called before or after it ("@bot who is bugti", "ok bot,
        how many died", "who did it, bot?") nor a mention of anyone before it; a word of calling right
        before a question is a part of its own ("hello who did it" is "hello, who did it"). The message
        itself if nothing else is left ("hey bot")."""
        rest = self._mentions.sub(" ", text)
        if self._addressing is not None:
            rest = self._addressing.sub(" ", rest)
        if self._calling is not None and (glued := self._calling.match(rest)) is not None:
            after = rest[glued.end() :]
            if self.asks_outright(self.normalise(after)) or self.opens_question(after):
                rest = f"{glued.group('call')}, {after}"
        words = self.normalise(rest).split()
        if rest == text or not words:
            return text
        if set(words) <= self.cue_words and self.vague.isdisjoint(fold(rest).split()):
            return text  # "factbot kaun hai": who the bot is, not "who" alone
        return rest.strip()

    @cached_property
    def _mentions(self) -> re.Pattern[str]:
        return re.compile(r"^\s*(?:@\w+[\s,:;.!-]*)+")

    @cached_property
    def _addressing(self) -> re.Pattern[str] | None:
        names = _alternation(self.address)
        if not names:
            return None
        calling = _alternation(self.calling) or "(?!)"
        # not the bot as the one who does something: "bot ne kya kaha" asks what the bot said
        agents = _alternation(self.agents) or "(?!)"
        before = (
            rf"^\s*(?:(?P<call>{calling})[\s,،]+)?@?(?:{names})(?=[\s,،:;.!?؟-]|$)(?![\s,،]+(?:{agents})\b)"
            r"[\s,،:;.!-]*"
        )
        # "who did it, bot?", "thx bot 🙏"; not "what is a bot", "are you the bot"
        after = rf"(?:\s*[,،]\s*|(?<!\ba)(?<!\bthe)(?<!\bthis)(?<!\byour)(?<!\bthat)\s+)@?(?:{names})\W*$"
        return re.compile(f"{before}|{after}", re.IGNORECASE)

    @cached_property
    def _calling(self) -> re.Pattern[str] | None:
        calling = _alternation(self.calling)
        return re.compile(rf"^\s*(?P<call>{calling})\s+(?=\S)", re.IGNORECASE) if calling else None

    @cached_property
    def _citing(self) -> re.Pattern[str] | None:
        kept = _alternation(c for c in self.citing if c)
        return re.compile(rf"\b(?:{kept})\b", re.IGNORECASE) if kept else None

    def asks_of_asker(self, text: str) -> bool:
        """Whether a question asks about the asker ("how much time do i have", "can i go to quetta"):
        a word opening a question right before one of the asker's own."""
        folded = fold(text)
        if self._requests is not None:
            folded = self._requests.sub(" ", folded)  # "can i ask who did it" asks who did it
        openers = set(self.openers)
        return any(a in openers and b in self.narrators for a, b in itertools.pairwise(folded.split()))

    def narrates(self, part: str) -> bool:
        """Whether a part has a word of the asker telling of themselves, outside a request, or opens
        with one that is the asker only there ("میں ہسپتال میں تھا": "میں" is "I" first, "in" after)."""
        folded = fold(part)
        if self._requests is not None:
            folded = self._requests.sub(" ", folded)
        words = folded.split()
        return not self.narrators.isdisjoint(words) or (bool(words) and words[0] in self.opening_narrators)

    def points_back(self, part: str) -> bool:
        """Whether a part has a word (or, in Urdu, two: "اس نے") pointing back at someone named before."""
        return self._pointing is not None and self._pointing.search(fold(part)) is not None

    @cached_property
    def _pointing(self) -> re.Pattern[str] | None:
        return any_of(fold(w) for w in self.pointers)

    def is_request(self, part: str) -> bool:
        """Whether a part asks in the imperative ("..., and give me the 31")."""
        return self._requests is not None and self._requests.search(fold(part)) is not None

    @cached_property
    def _requests(self) -> re.Pattern[str] | None:
        return any_of(fold(w) for w in self.requests)

    def only_feels(self, part: str) -> bool:
        """Whether a part of a message says nothing but how the asker feels ("this is terrible")."""
        folded = fold(part)
        if self._feelings is None or self._feelings.search(folded) is None:
            return False
        return not self.normalise_folded(self._feelings.sub(" ", folded)).split()

    @cached_property
    def _feelings(self) -> re.Pattern[str] | None:
        return any_of(fold(w) for w in self.feelings)

    def kills(self, text: str, doers: re.Pattern[str]) -> bool:
        """Whether one of `doers` (a pattern of folded phrases) does the killing in `text`: right after
        a word of asking whether someone did ("how many did the army kill", a word such as "the"
        between; or says it did: "does the bla say it killed"), marked as the agent ("fauj ne kitne
        maare") or after "by" ("killed by the bla")."""
        killing = self._killing
        if killing is None:
            return False
        folded = fold(text)
        for found in doers.finditer(folded):
            before = folded[: found.start()].split()[-6:]
            after = folded[found.end() :].split()
            if not self._doing.isdisjoint(before[-2:]):
                if killing.match(" ".join(after)):
                    return True
                says = bool(after) and not self._said_words.isdisjoint(self._words.get(after[0], after[0]).split())
                if says and killing.search(" ".join(after[1:4])):
                    return True  # "how many soldiers does the bla say it killed"
            marked = next((i for i, w in enumerate(after[:2]) if w in self.agents), None)
            if marked is not None and killing.search(" ".join(after[marked + 1 : marked + 5])):
                return True
            near = " ".join(before)
            by = self._by.search(near) if self._by is not None else None
            if by is not None and killing.search(near[: by.start()]):
                return True
            # "fauj ke hathon kitne shehri mare": the words of "by" right after the one who killed
            following = " ".join(after)
            by = self._by.match(following) if self._by is not None else None
            if by is not None and killing.search(" ".join(following[by.end() :].split()[:4])):
                return True
        return False

    @cached_property
    def _killing(self) -> re.Pattern[str] | None:
        return any_of(fold(w) for w in self.killing)

    @cached_property
    def _doing(self) -> frozenset[str]:
        return frozenset(fold(w) for w in self.doing)

    @cached_property
    def _by(self) -> re.Pattern[str] | None:
        return any_of(fold(w) for w in self.by)

    def after_by(self, folded_words: list[str]) -> list[str] | None:
        """The words after a word of "by" that opens these words ("by the army", "at the hands of
        islamabad"), or None if they open with none."""
        following = " ".join(folded_words)
        by = self._by.match(following) if self._by is not None else None
        return following[by.end() :].split() if by is not None else None

    def agent_after(self, folded_words: list[str]) -> str | None:
        """The party named right after a word of "by" that opens these words ("by islamabad", "at the
        hands of the army"): who did what the words before them say, in the passive."""
        after = self.after_by(folded_words)
        found = self.find_entities(self.normalise(" ".join(after[:3]))) if after is not None else ()
        return found[0] if found else None

    def says_too(self, text: str) -> bool:
        return _found(self._too, text)

    @cached_property
    def _too(self) -> re.Pattern[str] | None:
        return any_of(fold(w) for w in self.too)

    def refers_back(self, part: str) -> str | None:
        """The part with its opening "us ne" read as "usne" (him or her), or None if it opens otherwise."""
        folded = fold(part)
        opening = next((h for h in self._him_or_her if folded == h or folded.startswith(f"{h} ")), None)
        return None if opening is None else opening.replace(" ", "") + folded[len(opening) :]

    @cached_property
    def _him_or_her(self) -> tuple[str, ...]:
        return tuple(h for h in map(fold, self.him_or_her) if h)

    def asks_in_general(self, text: str) -> bool:
        """Whether a question asks of a kind of thing in general ("what does a charge d'affaires do in
        general"), not of the story in general ("in general what happened", "generally how long did
        the operation last")."""
        return _found(self._in_general, text) and not self._indefinite.isdisjoint(fold(text).split())

    @cached_property
    def _indefinite(self) -> frozenset[str]:
        return frozenset(map(fold, self.indefinite))

    @cached_property
    def _in_general(self) -> re.Pattern[str] | None:
        return any_of(fold(w) for w in self.in_general)

    def asks_each_day(self, text: str) -> bool:
        return _found(self._each_day, text)

    @cached_property
    def _each_day(self) -> re.Pattern[str] | None:
        return any_of(fold(w) for w in self.each_day)

    def points_there(self, part: str) -> bool:
        """Whether a part points at a place named before ("how many died there"), not "was there"."""
        folded = fold(part)
        if self._existential is not None:
            folded = self._existential.sub(" ", folded)
        return not self.there.isdisjoint(folded.split())

    @cached_property
    def _existential(self) -> re.Pattern[str] | None:
        return any_of(map(fold, self.existential))

    def set_aside(self, text: str) -> tuple[str, ...]:
        """The entities a question sets aside: named within three words of a word that sets aside
        ("other than india, did anyone react", "امریکہ کے علاوہ"); none in "besides that, what did
        the us say"."""
        return self._named_beside(self._besides, text, before=3, after=3)

    def _named_beside(self, marker: re.Pattern[str] | None, text: str, *, before: int, after: int) -> tuple[str, ...]:
        """Entities named within `before` words before, or `after` words after, a match of `marker`;
        each side read alone, so that no name is made of words on both sides of it."""
        found = (self.find_entities(self.normalise(" ".join(near))) for near in _beside(marker, text, before, after))
        return tuple(dict.fromkeys(e for entities in found for e in entities))

    @cached_property
    def _besides(self) -> re.Pattern[str] | None:
        return any_of(map(fold, self.besides))

    def parts_of(self, text: str) -> tuple[str, ...]:
        """The numbers a question takes a part of: within two words after a word of `among` ("of the 17",
        "of those 17 men") or before one ("17 mein se", "۱۷ اہلکاروں میں سے")."""
        return tuple(w for near in _beside(self._among, text, 2, 2) for w in near if w.isdigit())

    @cached_property
    def _among(self) -> re.Pattern[str] | None:
        return any_of(map(fold, self.among))

    def before_hedge(self, part: str) -> str:
        """The words of a part before its first hedging words ("civilians" in "civilians not army")."""
        folded = fold(part)
        found = self._hedging.search(folded) if self._hedging is not None else None
        return folded[: found.start()] if found is not None else folded

    def is_hedge(self, part: str) -> bool:
        """Whether a part only guesses at or narrows the answer to the part before ("separatists or
        what", "not just the dead"): a hedge, and nothing asked once it is taken out. "Did the us
        condemn it or what" still asks."""
        folded = fold(part)
        if self._hedging is None or self.opens_question(part):
            return False
        rest = self._hedging.sub(" ", folded)
        return rest != folded and not self.asks_for(self.normalise_folded(rest))

    @cached_property
    def _hedging(self) -> re.Pattern[str] | None:
        return any_of(map(fold, self.hedges))

    @cached_property
    def _guessing(self) -> re.Pattern[str] | None:
        return any_of(map(fold, self.guesses))

    def opens_question(self, text: str) -> bool:
        words = fold(text).split()
        return bool(words) and words[0] in self.openers

    def ends_on_tag(self, text: str) -> bool:
        """Whether a statement is made a question by a tag at its end ("it was in quetta, right?")."""
        folded = fold(text)
        return any(folded == tag or folded.endswith(f" {tag}") for tag in self._tags)

    @cached_property
    def _tags(self) -> tuple[str, ...]:
        return tuple(t for t in map(fold, self.tags) if t)

    @cached_property
    def _tagging(self) -> re.Pattern[str] | None:
        return any_of(self._tags)

    def asks_for(self, normalised: str) -> tuple[AnswerType, ...]:
        """What kinds of answer an already normalised question asks for, most specific first."""
        return tuple(t for t, pattern in self._cue_patterns if pattern.search(normalised))

    @cached_property
    def _cue_patterns(self) -> tuple[tuple[AnswerType, re.Pattern[str]], ...]:
        return tuple((t, pattern) for t, cues in self._cues if (pattern := any_of(cues)) is not None)

    def cues(self, answer_type: AnswerType) -> tuple[str, ...]:
        """Every way of asking for this kind of answer, and the nouns that name it ("toll", "number")."""
        return next(((*a.cues, *a.nouns) for a in self.asks if a.type == answer_type), ())

    def cue(self, answer_type: AnswerType) -> str:
        """The first way of asking for this kind of answer, normalised: "who" for `who`."""
        return next((cues[0] for t, cues in self._cues if t == answer_type and cues), "")

    def speaker(self, normalised: str, *, reach: int = 1) -> str | None:
        """The entity right before a "said" cue ("what did india say" -> india), or within `reach`
        words of it ("has the uk expressed a view"), or right after it and `said_from` ("reaction from
        india"), or None."""
        said = self._said_words
        words = normalised.split()
        for i, word in enumerate(words):
            if word in said:
                before = words[max(0, i - reach) : i]
                # "pakistan blamed india. who said it": the one asked about is who said it, not India.
                asking = [j for j, w in enumerate(before) if w in self._who_words]
                found = self.find_entities(" ".join(before[asking[-1] + 1 :] if asking else before))
                if found:
                    return found[-1]
                if words[i + 1 : i + 2] and words[i + 1] in self.said_from:
                    # "any reaction from the taliban govt in kabul": whoever is named right after
                    found = self.find_entities(" ".join(words[i + 2 : i + 2 + reach + 1]))
                    if found:
                        return found[0]
        return None

    def denies(self, text: str) -> bool:
        return not self._negations.isdisjoint(fold(text).split())

    @cached_property
    def _negations(self) -> frozenset[str]:
        return frozenset(map(fold, self.negations))  # folded, as the question's words are ("نہیں")

    def spoken_about(self, text: str) -> tuple[str, ...]:
        """Entities named as what something was said about: right after "about" ("what did jaiswal say
        about bangladesh"), right before "ke bare mein" ("bangladesh ke bare mein kya kaha"), or as what
        a word of `said_of` takes ("did the uk mention the bla")."""
        about = self._named_beside(self._about, text, before=2, after=3)
        folded = fold(text)
        objects = [folded[m.end() :].split()[:2] for m in self._said_of.finditer(folded)] if self._said_of else []
        named = (e for words in objects for e in self.find_entities(self.normalise(" ".join(words))))
        return tuple(dict.fromkeys((*about, *named)))

    @cached_property
    def _said_of(self) -> re.Pattern[str] | None:
        return any_of(map(fold, self.said_of))

    @cached_property
    def _about(self) -> re.Pattern[str] | None:
        return any_of(map(fold, self.about))

    @cached_property
    def _who_words(self) -> frozenset[str]:
        return self._one_word_cues("who")

    @cached_property
    def _said_words(self) -> frozenset[str]:
        return self._one_word_cues("said")

    def _one_word_cues(self, kind: str) -> frozenset[str]:
        return frozenset(c for t, cues in self._cues if t == kind for c in cues if c and " " not in c)

    def agent(self, text: str) -> str | None:
        """The entity right before the agent marker nearest before the first word of saying ("india ne
        kya kaha", "pakistan ne ilzam lagaya to india ne kya kaha" -> india), or None."""
        words = fold(text).split()
        # Word by word through the word map only: normalising each word alone would crowd the texts out
        # of fold's small cache.
        said = next(
            (i for i, w in enumerate(words) if not self._said_words.isdisjoint(self._words.get(w, w).split())), None
        )
        for i in range((len(words) if said is None else said) - 1, 0, -1):
            if words[i] in self.agents:
                found = self.find_entities(self.normalise(" ".join(words[max(0, i - 3) : i])))
                if found:
                    return found[-1]
        return None

    def rules_out(self, answer_type: AnswerType, text: str) -> bool:
        """The raw question has a word that rules this kind out ("what did India" is no "what is India")."""
        unless = next((a.unless for a in self.asks if a.type == answer_type), ())
        return bool(set(fold(text).split()) & set(unless))

    def missing_text(self, answer_type: AnswerType) -> str:
        return next((a.missing for a in self.asks if a.type == answer_type), "that")


@lru_cache(maxsize=16)  # routing one question folds its text (and each part of it) several times
def fold(text: str) -> str:
    """Case, accents, punctuation, invisible characters and stretched letters folded away.

    Latin letters are transliterated (anyascii: "Søren" -> "soren", not "s ren"); digits stay whole.
    Urdu stays in its own script, in one spelling of the forms people type interchangeably (see
    `_arabic_script`), and its digits, like Arabic-Indic ones, become 0-9: "۱۴۵" is "145"."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if not folded.isascii():
        folded = folded.replace("\u06d3", "\u06cc\u06d2")
        if _LATIN_MAYBE.search(folded):
            folded = unicodedata.normalize("NFKD", folded.translate(_LATIN)).translate(_MARKS_AND_ARABIC)
        else:  # only ASCII and Arabic script, the usual Urdu question: the same in one step
            folded = folded.translate(_URDU)
        folded = _BARI_YE_GLUED.sub("\u06d2 ", folded)
    stripped = _ACRONYM_DOT.sub("", _POSSESSIVE.sub("", folded).replace("'", "").replace("\u2019", ""))
    stripped = _ORDINAL.sub(r"\1", _DIGIT_GROUPS.sub(_one_number, stripped))
    collapsed = _REPEATS.sub(_one_or_two, _NOT_WORD.sub(" ", stripped.lower()))
    return " ".join(collapsed.split())


def _one_or_two(repeat: re.Match[str]) -> str:
    """Three or more of a Latin letter are two ("sooo" is "soo"); Urdu spells a doubled letter with a
    tashdeed, never as three in a row, so three or more of an Urdu letter are one ("کیاااا" is "کیا")."""
    return repeat[1] * 2 if repeat[1] else repeat[2]


def _arabic_script() -> dict[int, str | None]:
    """What folding does to Arabic script, after hamza and madda were split off their letters (NFKD)
    and dropped with the other diacritics (zabar, zer, pesh, tashdeed, khari zabar...). Before that,
    ۓ was spelt ئے, as people also type it: "ہوۓ", "ہوئے" and "ہویے" are one word.

    - Arabic and Persian keyboards' letters become Urdu's: ي ى ې ۍ -> ی, ك ڪ -> ک, ٱ -> ا;
    - every heh is one: ہ ھ ه ة ۃ ە -> ہ. Arabic keyboards have a single heh for both of Urdu's, so
      "بهارت" cannot be told from "بھارت" by spelling; people mix up ہ and ھ on Urdu keyboards too;
    - noon ghunna is noon (ں -> ن: "میں" is often typed "مین"); a lone hamza (ء) is dropped;
    - tatweel (ـ), the zero-width joiner and direction marks are dropped (a zero-width space or
      non-joiner separates words, as any character that is not a letter or digit does);
    - digits become 0-9 (`ascii_digits`)."""
    table: dict[int, str | None] = {}
    for block in (range(0x0600, 0x0700), range(0x0750, 0x0780), range(0x08A0, 0x0900)):
        table.update({c: None for c in block if unicodedata.category(chr(c)) == "Mn"})
    table.update({ord(c): "\u06cc" for c in "\u064a\u0649\u06d0\u06cd\u06ce"})
    table.update({ord(c): "\u06a9" for c in "\u0643\u06aa"})
    table.update({ord(c): "\u06c1" for c in "\u06be\u0647\u0629\u06c3\u06d5"})
    table.update({0x0671: "\u0627", 0x06BA: "\u0646", 0x0621: None, 0x0640: None})
    table.update(dict.fromkeys((0x200D, 0x200E, 0x200F, 0x061C, 0x2060, 0xFEFF, *range(0x202A, 0x202F))))
    table.update(dict.fromkeys(range(0x2066, 0x206A)))
    return table | _DIGITS


# Urdu (۰-۹) and Arabic-Indic (٠-٩) digits, and the Arabic decimal and thousands separators.
_DIGITS: dict[int, str | None] = {0x066B: ".", 0x066C: ","}
_DIGITS.update({0x0660 + d: str(d) for d in range(10)} | {0x06F0 + d: str(d) for d in range(10)})
_ARABIC_SCRIPT = _arabic_script()


def ascii_digits(text: str) -> str:
    """Numbers written in any script, as 0-9: "۱۴۵" and "١٤٥" are "145"."""
    return text.translate(_DIGITS)


class _Lazy(dict[int, str | None]):
    """A `str.translate` table that works out a character's mapping the first time it is seen, so
    folding runs at C speed over any script; only characters below U+3000 are remembered."""

    def __init__(self, rule: Callable[[str], str | None], known: dict[int, str | None]) -> None:
        super().__init__(known)
        self.rule = rule

    def __missing__(self, code: int) -> str | None:
        value = self.rule(chr(code))
        if code < 0x3000:
            self[code] = value
        return value


def _latin(char: str) -> str:
    if char.isascii():
        return char
    try:
        return anyascii(char) if unicodedata.name(char).startswith("LATIN") else char
    except ValueError:
        return char


_LATIN = _Lazy(_latin, {})
_MARKS_AND_ARABIC = _Lazy(lambda c: None if unicodedata.combining(c) else c, _ARABIC_SCRIPT)
# ASCII and the Arabic block, each character decomposed (NFKD) and mapped as above.
_URDU = {
    c: unicodedata.normalize("NFKD", chr(c)).translate(_MARKS_AND_ARABIC) or None
    for c in (*range(0x80), *range(0x0600, 0x0700))
}


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Every word that occurs in some normalised text."""
    return frozenset(w for t in texts for w in t.split())
