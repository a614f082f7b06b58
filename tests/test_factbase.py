"""Loading facts: the shipped base is valid and faithful; every bad edit names file:line."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.errors import FactBaseError
from bot.factbase import FactBase, load
from bot.language import LANGUAGES, Language, script_language
from bot.lexicon import fold
from tests.conftest import FACTS, add_update


def test_shipped_facts_load_with_sources_and_attribution(factbase: FactBase) -> None:
    assert len(factbase.facts) >= 20
    for fact in factbase.facts:
        assert fact.attribution and fact.source == "newsdesk-2026-02-01"
        assert fact.examples


def test_shipped_quotes_are_verbatim_in_the_article(factbase: FactBase, facts_copy: Path) -> None:
    article = (facts_copy / "sources" / "newsdesk-2026-02-01.txt").read_text(encoding="utf-8")
    quoted = [f for f in factbase.facts if f.quote]
    assert len(quoted) >= 3
    for fact in quoted:
        assert fact.quote is not None and fact.quote in article


KEY_FIGURES = [
    ("145", "militants-killed-145"),
    ("92", "militants-killed-92"),
    ("17", "security-personnel-killed"),
    ("31", "civilians-killed"),
]


@pytest.mark.parametrize(
    ("figure", "fact_id", "language"),
    [
        *((n, i, lang) for n, i in KEY_FIGURES for lang in LANGUAGES),
        ("40 hours", "militants-killed-145", "en"),
        ("40 گھنٹوں", "militants-killed-145", "ur"),
        ("193", "overall-toll", "ur"),
    ],
)
def test_key_figures_are_exact(factbase: FactBase, figure: str, fact_id: str, language: Language) -> None:
    fact = factbase.fact(fact_id)
    assert fact is not None and figure in factbase.fact_text(fact, language).statement


def test_sums_are_labelled_as_our_arithmetic(factbase: FactBase) -> None:
    toll = factbase.fact("overall-toll")
    assert toll is not None and set(toll.our_arithmetic) == {48, 193}
    assert "our arithmetic" in toll.statement


def _edit(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in `path`; return the line it was on."""
    text = path.read_text(encoding="utf-8")
    index = text.index(old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:index].count("\n") + 1


def _problems(facts_dir: Path) -> list[str]:
    with pytest.raises(FactBaseError) as info:
        load(facts_dir)
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "claim.yaml",
            "    topic: claim\n    title: The BLA",
            "    topic: [claim\n    title: The BLA",
            "YAML syntax",
        ),
        # A missing field is reported at the start of its fact.
        (
            "claim.yaml",
            "    attribution: The Baloch Liberation Army's own claim, as reported by the article\n",
            "",
            "facts[bla-claim].attribution: required field is missing",
        ),
        (
            "claim.yaml",
            "    source: newsdesk-2026-02-01\n    entities: [bla]\n",
            "    source: nowhere\n    entities: [bla]\n",
            "unknown source 'nowhere'",
        ),
        ("claim.yaml", "id: operation-herof", "id: bla-claim", "duplicate id 'bla-claim'"),
        (
            "claim.yaml",
            "related: [operation-herof, bla-status",
            "related: [no-such-fact, bla-status",
            "unknown fact 'no-such-fact'",
        ),
        (
            "claim.yaml",
            "      - kisne kiya\n",
            "      - how many militants killed\n",
            "is also under 'militants-killed-145'",
        ),
        ("blame.yaml", "said_on: 2026-01-31", "said_on: yesterday", "said_on"),
        ("blame.yaml", "said_on: 2026-01-31", "said_on: 2026-13-45", "said_on: Input should be a valid date"),
        (
            "blame.yaml",
            "entities: [pakistan, india]",
            "entities: [pakistan, narnia]",
            "unknown entity 'narnia'",
        ),
        (
            "blame.yaml",
            'quote: "“Indian-sponsored militants.”"',
            'quote: "India did it"',
            "not found verbatim",
        ),
        (
            "casualties.yaml",
            "statement: 31 civilians",
            "statement: 32 civilians",
            "the number 32 is not in the source",
        ),
        (
            "casualties.yaml",
            "      - how many terrorists were killed\n",
            "      - how many terrorists were there\n",
            "uses none of asked_with",
        ),
        # An Urdu example is read with the Urdu words, and must use an asked_with word too.
        (
            "urdu.yaml",
            "        - کتنے عام شہری مارے گئے\n",
            "        - کتنے عام شہری وہاں رہتے ہیں\n",
            "uses none of asked_with",
        ),
        (
            "elsewhere.yaml",
            "elsewhere:\n",
            "elsewhere:\n  - how many militants killed\n",
            "is also under 'militants-killed-145'",
        ),
        ("response.yaml", "    title: No city", "    titel: No city", "unknown field"),
        ("story.yaml", "suspects: [bla, india]", "suspects: [bla, narnia]", "story.suspects: unknown entity 'narnia'"),
        ("story.yaml", "within: [turbat,", "within: [turbatt,", "story.within: unknown entity 'turbatt'"),
        (
            "story.yaml",
            "    security-personnel-killed: [police,",
            "    security-killed: [police,",
            "story.lumped: unknown fact 'security-killed'",
        ),
        ("story.yaml", "'92': militants-killed-92", "'92': militants-killed-93", "unknown fact 'militants-killed-93'"),
        ("story.yaml", "breakdown: victim-breakdown", "breakdown: victim-breakdwn", "unknown gap 'victim-breakdwn'"),
        ("story.yaml", "day_tolls: day-tolls", "day_tolls: day-toll", "story.day_tolls: unknown gap 'day-toll'"),
        (
            "story.yaml",
            "place_tolls: district-tolls",
            "place_tolls: district-toll",
            "story.place_tolls: unknown gap 'district-toll'",
        ),
        (
            "story.yaml",
            "day_counts: {militants-killed-92: saturday}",
            "day_counts: {militants-killed-29: saturday}",
            "story.day_counts: unknown fact 'militants-killed-29'",
        ),
        (
            "story.yaml",
            "'31': civilians-killed",
            "'30': civilians-killed",
            "fact 'civilians-killed' does not give '30' in its statement",
        ),
        ("gaps.yaml", "    speaker: pakistan", "    speaker: pakstan", "speaker: unknown entity 'pakstan'"),
        (
            "lexicon.yaml",
            "    levies: security\n",
            "    frontier corps: security\n",
            "more than one word: move it to `phrases`",
        ),
        (
            "context.yaml",
            "    topic: context\n    title: Balochistan",
            "    topic: weather\n    title: Balochistan",
            "unknown topic 'weather'",
        ),
    ],
)
def test_bad_edit_names_file_and_line(facts_copy: Path, file: str, old: str, new: str, message: str) -> None:
    line = _edit(facts_copy / file, old, new)
    if "required field is missing" in message:
        line = 2  # the first fact of claim.yaml starts on line 2
    problems = _problems(facts_copy)
    matching = [p for p in problems if message in p]
    assert matching, problems
    location = re.match(r"(.+?):(\d+): ", matching[0])
    assert location is not None
    assert location.group(1).endswith(file)
    assert abs(int(location.group(2)) - line) <= 2, (matching[0], line)


@pytest.mark.parametrize(("file", "key"), [("lexicon.yaml", "lexicon"), ("urdu.yaml", "urdu")])
def test_a_file_that_cannot_be_read_is_its_one_problem(facts_copy: Path, file: str, key: str) -> None:
    """A duplicate key makes the lexicon (or the Urdu catalogue) unreadable; "no file defines lexicon:"
    at another file's line 1 would send the operator to the wrong file."""
    path = facts_copy / file
    path.write_text(path.read_text(encoding="utf-8") + f"\n{key}: {{}}\n", encoding="utf-8")
    problems = _problems(facts_copy)
    assert len(problems) == 1 and f"{file}:" in problems[0] and "duplicate key" in problems[0], problems


def test_schema_and_source_problems_are_reported_in_one_round(facts_copy: Path) -> None:
    """A misspelt field in one fact does not hide a number the source does not have in another."""
    _edit(facts_copy / "response.yaml", "    title: No city", "    titel: No city")
    _edit(facts_copy / "casualties.yaml", "statement: 31 civilians", "statement: 32 civilians")
    _edit(facts_copy / "response.yaml", "statement: Hospitals in some areas", "statement: 4 hospitals in some areas")
    problems = _problems(facts_copy)
    assert any("unknown field" in p for p in problems)
    assert any("the number 32 is not in the source" in p for p in problems)
    assert any("the number 4 is not in the source" in p for p in problems), problems  # "145" has a 4 in it
    assert not any("unknown fact 'no-city-seized'" in p for p in problems), "a broken fact is still a known id"


# Nine levels of nine aliases: 387 million strings if it were expanded.
ALIAS_BOMB = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
    f"{b}: &{b} [*{a},*{a},*{a},*{a},*{a},*{a},*{a},*{a},*{a}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)


def test_yaml_aliases_are_refused_before_they_expand(facts_copy: Path) -> None:
    (facts_copy / "bomb.yaml").write_text(ALIAS_BOMB, encoding="utf-8")
    about_bomb = [p for p in _problems(facts_copy) if "bomb.yaml" in p]
    assert len(about_bomb) == 1 and "anchors and aliases" in about_bomb[0]


def test_an_oversized_facts_file_is_refused(facts_copy: Path) -> None:
    (facts_copy / "huge.yaml").write_text("# padding\n" * 300_000, encoding="utf-8")
    assert any("huge.yaml:1: file is" in p and "at most" in p for p in _problems(facts_copy))


def test_all_problems_are_reported_at_once(facts_copy: Path) -> None:
    _edit(facts_copy / "claim.yaml", "source: newsdesk-2026-02-01", "source: nowhere")
    _edit(facts_copy / "blame.yaml", "topic: blame", "topic: nothing")
    problems = _problems(facts_copy)
    assert any("claim.yaml" in p for p in problems) and any("blame.yaml" in p for p in problems)


def test_wrong_type_and_non_mapping_file(facts_copy: Path) -> None:
    (facts_copy / "extra.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    _edit(facts_copy / "claim.yaml", "entities: [bla]", "entities: 7")
    problems = _problems(facts_copy)
    assert any(p.startswith(str(facts_copy / "extra.yaml")) or "extra.yaml:1:" in p for p in problems)
    assert any("claim.yaml" in p and "facts[bla-claim].entities" in p for p in problems)


def test_an_update_needs_a_date(facts_copy: Path) -> None:
    _edit(
        facts_copy / "claim.yaml",
        "    title: The BLA claimed",
        "    update: true\n    title: The BLA claimed",
    )
    assert any("an update needs said_on" in p for p in _problems(facts_copy))


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    assert "no *.yaml files" in _problems(tmp_path)[0]


def test_version_changes_with_content(facts_copy: Path) -> None:
    before = load(facts_copy).version
    _edit(facts_copy / "claim.yaml", "      - who did it\n", "      - who did it\n      - whodunnit\n")
    assert load(facts_copy).version != before


@pytest.mark.parametrize(
    ("newer", "older"),
    [(("militants-killed-145",), ()), (("militants-killed-92",), ("militants-killed-145",))],
    ids=["itself", "a-cycle-of-two"],
)
def test_a_supersedes_chain_may_not_lead_back(facts_copy: Path, newer: tuple[str, ...], older: tuple[str, ...]) -> None:
    path = facts_copy / "casualties.yaml"
    _edit(
        path, "  - id: militants-killed-145\n", f"  - id: militants-killed-145\n    supersedes: [{', '.join(newer)}]\n"
    )
    if older:
        _edit(path, "  - id: militants-killed-92\n", f"  - id: militants-killed-92\n    supersedes: [{older[0]}]\n")
    problems = [p for p in _problems(facts_copy) if "leads back to this fact" in p]
    assert problems and all("casualties.yaml:" in p for p in problems)


def test_updates_are_listed_newest_first(facts_copy: Path) -> None:
    add_update(facts_copy, "first-follow-up", "An earlier made-up follow-up.", said_on="2026-02-02")
    add_update(facts_copy, "second-follow-up", "A later made-up follow-up.", said_on="2026-02-05")
    assert [f.id for f in load(facts_copy).updates()] == ["second-follow-up", "first-follow-up"]


YAML_FILES = sorted(p.name for p in FACTS.glob("*.yaml"))
LOCATED = re.compile(r"^.+\.yaml:\d+: \S")


def _mutate(text: str, kind: str, data: st.DataObject) -> str:
    lines = text.splitlines(keepends=True)
    at = data.draw(st.integers(0, len(lines) - 1), label="line")
    line = lines[at]
    if kind == "delete":
        del lines[at]
    elif kind == "truncate":
        return text[: data.draw(st.integers(0, len(text)), label="cut")]
    elif kind == "indent":
        shift = data.draw(st.sampled_from([-3, -2, -1, 1, 2, 3, 5]), label="shift")
        lines[at] = " " * shift + line if shift > 0 else line[min(-shift, len(line) - len(line.lstrip(" "))) :]
    elif kind == "retype" and ":" in line:
        key = line.split(":", 1)[0]
        new = data.draw(st.sampled_from(["7", "[1, 2]", "{a: 1}", "null", "''", "yes", "2026-13-45"]), label="value")
        lines[at] = f"{key}: {new}\n"
    elif kind == "duplicate-id":
        ids = [i for i, candidate in enumerate(lines) if candidate.lstrip().startswith("- id:")]
        if len(ids) >= 2:
            first, second = data.draw(st.permutations(ids), label="ids")[:2]
            lines[second] = lines[first]
    return "".join(lines)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(YAML_FILES),
    st.sampled_from(["delete", "truncate", "indent", "retype", "duplicate-id"]),
    st.data(),
)
def test_any_mutation_of_good_yaml_gives_located_problems_never_a_crash(
    name: str, kind: str, data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "facts"
        shutil.copytree(FACTS, target)
        path = target / name
        path.write_text(_mutate(path.read_text(encoding="utf-8"), kind, data), encoding="utf-8")
        try:
            load(target)
        except FactBaseError as exc:
            problems = [str(p) for p in exc.problems]
        else:
            problems = []
        for problem in problems:
            assert LOCATED.match(problem), problem


# --- the Urdu catalogue ------------------------------------------------------------------------


def test_every_fact_gap_meta_and_topic_has_its_urdu_rendering(factbase: FactBase) -> None:
    urdu = factbase.urdu
    assert set(urdu.facts) == {f.id for f in factbase.facts}
    assert set(urdu.gaps) == {g.id for g in factbase.gaps}
    assert set(urdu.meta) == {m.id for m in factbase.meta}
    assert set(urdu.topics) == {t.id for t in factbase.topics}
    assert set(urdu.names) == {e.id for e in factbase.lexicon.entities}
    for fact in factbase.facts:
        text = factbase.fact_text(fact, "ur")
        assert script_language(text.statement) == "ur" and script_language(text.title) == "ur"
        assert (text.quote_translation is None) == (fact.quote is None)
        assert text.why.keys() == {c.fact for c in fact.conflicts_with}


def test_urdu_words_join_the_one_lexicon(factbase: FactBase) -> None:
    lexicon = factbase.lexicon
    assert (
        lexicon.normalise("کتنے لوگ مارے گئے") == lexicon.normalise("kitne log mare gaye") == "how many people killed"
    )
    assert lexicon.find_entities(lexicon.normalise("کوئٹہ اور نوشکی میں بی ایل اے")) == ("quetta", "noshki", "bla")
    assert lexicon.rules_out("identity", "بگٹی نے کیا کہا") and not lexicon.rules_out("identity", "بگٹی کون ہے")


def test_every_english_word_list_survives_the_urdu_merge(factbase: FactBase) -> None:
    """The merge once kept only the lists the Urdu catalogue has words for: a list added to the English
    lexicon alone (the passive of blaming) loaded empty, with no error."""
    english = yaml.safe_load((FACTS / "lexicon.yaml").read_text(encoding="utf-8"))["lexicon"]
    lists = {k: v for k, v in english.items() if isinstance(v, list) and all(isinstance(w, str) for w in v)}
    assert {"passive_before", "passive_after"} <= lists.keys()
    for key, words in lists.items():
        merged = getattr(factbase.lexicon, key)
        assert {fold(w) for w in words} <= {fold(w) for w in merged}, key


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "statement: حملوں میں 31 شہری",
            "statement: حملوں میں ۳۲ شہری",
            "statement: the number 32 is not in the English",
        ),
        (
            "statement: حملوں میں 31 شہری",
            "statement: حملوں میں بہت سے شہری",
            "the English has the number 31; this has not",
        ),
        ("title: 31 شہری جاں بحق", "title: 13 شہری جاں بحق", "urdu.facts[civilians-killed].title: the number 13"),
        ("    bla-claim:\n", "    bla-clam:\n", "urdu.facts[bla-clam]: no fact has this id"),
        ("    injured:\n", "    hurt:\n", "urdu.gaps[hurt]: no gap has this id"),
        ("    casualties: ہلاکتیں", "    victims: ہلاکتیں", "urdu.topics[victims]: no topic has this id"),
        ("      title: 31 شہری جاں بحق", "      titel: 31 شہری جاں بحق", "urdu.facts[civilians-killed].titel: unknown"),
        (
            "        - کتنے عام شہری مارے گئے\n",
            "        - کتنے عسکریت پسند ہلاک ہوئے\n",
            "is also under 'militants-killed-145'",
        ),
        (
            "      gwadar: {name: گوادر,",
            "      gwadr: {name: گوادر,",
            "urdu.lexicon.entities[gwadr]: the English lexicon has none with this id",
        ),
        ("      کتنے: how many\n", "      kitne: how many\n", "urdu.lexicon.words[kitne]: also in the English lexicon"),
        ("      کزن: cousin\n", "      ذمےدار: claim\n", "more than one word: move it to `phrases`"),
    ],
)
def test_a_bad_urdu_edit_names_file_and_line(facts_copy: Path, old: str, new: str, message: str) -> None:
    line = _edit(facts_copy / "urdu.yaml", old, new)
    problems = _problems(facts_copy)
    matching = [p for p in problems if message in p]
    assert matching, problems
    location = re.match(r"(.+?):(\d+): ", matching[0])
    assert location is not None and location.group(1).endswith("urdu.yaml")
    assert abs(int(location.group(2)) - line) <= 2, (matching[0], line)


@pytest.mark.parametrize(
    ("entry", "field", "message"),
    [
        ("operation-herof", "      quote_translation: “ہیروف”، یعنی “کالا طوفان”،\n", "quote_translation: missing"),
        ("militants-killed-92", "      when: پہلے، وزیر اعلیٰ کے اتوار والے عدد سے قبل\n", "when: missing"),
        ("militants-killed-145", "      why:\n        militants-killed-92: >-\n", "why.militants-killed-92: missing"),
    ],
)
def test_a_text_the_english_has_and_the_urdu_lacks_is_reported_at_its_entry(
    facts_copy: Path, entry: str, field: str, message: str
) -> None:
    path = facts_copy / "urdu.yaml"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index(f"    {entry}:\n")].count("\n") + 1
    if "why" in message:
        start = text.index(field)
        end = text.index("      examples:", start)
        path.write_text(text[:start] + text[end:], encoding="utf-8")
    else:
        _edit(path, field, "")
    assert f"urdu.yaml:{line}: urdu.facts[{entry}].{message}; the English has one" in " ".join(_problems(facts_copy))


@pytest.mark.parametrize(
    ("section", "item_id", "file", "english"),
    [
        ("facts", "bla-claim", "claim.yaml", "  - id: bla-claim\n"),
        ("gaps", "injured", "gaps.yaml", "  - id: injured\n"),
        ("meta", "thanks", "meta.yaml", "  - id: thanks\n"),
        ("topics", "blame", "story.yaml", "  - id: blame\n"),
    ],
)
def test_an_item_without_urdu_is_reported_at_its_english_line(
    facts_copy: Path, section: str, item_id: str, file: str, english: str
) -> None:
    path = facts_copy / "urdu.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    del document["urdu"][section][item_id]
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    text = (facts_copy / file).read_text(encoding="utf-8")
    line = text[: text.index(english)].count("\n") + 1
    assert f"{file}:{line}: {section}[{item_id}]: no Urdu rendering" in " ".join(_problems(facts_copy))


def test_an_entity_or_a_kind_of_question_without_urdu_is_reported_in_the_lexicon(facts_copy: Path) -> None:
    _edit(facts_copy / "urdu.yaml", "      gwadar: {name: گوادر, aliases: [گوادر]}\n", "")
    _edit(facts_copy / "urdu.yaml", "      count: {missing: یہ تعداد}\n", "")
    problems = _problems(facts_copy)
    assert any("lexicon.yaml:" in p and "lexicon.entities[gwadar]: no Urdu rendering" in p for p in problems), problems
    assert any("lexicon.yaml:" in p and "lexicon.asks[count]: no Urdu rendering" in p for p in problems), problems


def test_a_broken_urdu_entry_is_reported_once_not_also_as_missing(facts_copy: Path) -> None:
    _edit(facts_copy / "urdu.yaml", "      title: 31 شہری جاں بحق", "      titel: 31 شہری جاں بحق")
    problems = _problems(facts_copy)
    assert all("urdu.yaml" in p and "urdu.facts[civilians-killed].tit" in p for p in problems), problems


def test_an_unreadable_urdu_section_is_one_problem(facts_copy: Path) -> None:
    (facts_copy / "urdu.yaml").write_text("urdu: [just, a, list]\n", encoding="utf-8")
    problems = _problems(facts_copy)
    assert len(problems) == 1 and "urdu.yaml:1:" in problems[0]


@pytest.mark.parametrize("digits", ["۳۱", "٣١", "31"])
def test_numbers_compare_in_any_script(facts_copy: Path, digits: str) -> None:
    _edit(facts_copy / "urdu.yaml", "statement: حملوں میں 31 شہری", f"statement: حملوں میں {digits} شہری")
    fact = load(facts_copy).fact("civilians-killed")
    assert fact is not None and digits in load(facts_copy).fact_text(fact, "ur").statement


def test_urdu_may_live_in_any_file(facts_copy: Path) -> None:
    """An update's file can carry its own Urdu, as the catalogue does; the same id twice is a problem."""
    add_update(facts_copy, "follow-up", "A made-up follow-up.")
    assert load(facts_copy).urdu.facts["follow-up"].statement == "(اردو) A made-up follow-up."
    (facts_copy / "again.yaml").write_text(
        (facts_copy / "update-follow-up.yaml").read_text(encoding="utf-8").split("urdu:\n", 1)[1].join(["urdu:\n", ""]),
        encoding="utf-8",
    )
    assert any("urdu.facts[follow-up]: defined again" in p for p in _problems(facts_copy))
