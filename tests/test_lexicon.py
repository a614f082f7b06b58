"""Normalisation: case, accents, punctuation, stretched letters, Roman Urdu, entities."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.factbase import FactBase
from bot.lexicon import Lexicon, fold


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("WHO DID IT???", "who did it"),
        ("Pakistan’s army", "pakistan army"),
        ("the U.S. and U.A.E.", "the us and uae"),
        ("kiiiiilled", "kiilled"),
        ("Quéttä", "quetta"),
        ("zero\u200bwidth", "zero width"),
        ("1200 dead", "1200 dead"),  # digits stay whole
        ("Søren Ærø", "soren aero"),  # Latin letters are transliterated, not dropped
        ("1,450 killed", "1450 killed"),  # a comma between groups of digits is one number
        ("2,00,000 people", "200000 people"),  # grouped the Indian way
        ("۱٬۴۵۰", "1450"),  # with the Arabic thousands separator
        ("17,31 and 145", "17 31 and 145"),  # two figures, not one
        ("17,31,145", "17 31 145"),  # our figures listed: a number of two digits before the comma
        ("92,145 militants", "92 145 militants"),
        ("quetta,1 attack", "quetta 1 attack"),
        ("feb 2nd, the 31st", "feb 2 the 31"),  # a day as an ordinal is its number
        ("1st2nd", "1st2nd"),  # not inside a word
        ("", ""),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("بلوچستان میں کتنے لوگ مارے گئے؟", "بلوچستان مین کتنے لوگ مارے گیے"),  # stays Urdu, ? and ؟ go
        ("بَلُوچِسْتَان", "بلوچستان"),  # zabar, zer, pesh, jazm
        ("حمّلہ", "حملہ"),  # tashdeed
        ("دعویٰ", "دعوی"),  # khari zabar
        ("آپریشن", "اپریشن"),  # madda
        ("أ إ ٱ", "ا ا ا"),
        ("ـــحمـــلہ", "حملہ"),  # tatweel
        ("بی\u200dایل\u200fاے", "بیایلاے"),  # a joiner and a direction mark inside a word
        ("ذمہ\u200cداری", "ذمہ داری"),  # a non-joiner separates words
        ("كتني", "کتنی"),  # Arabic kaf and yeh
        ("على", "علی"),  # alef maksura
        ("بهارت", "بہارت"),  # Arabic heh: as Urdu's do-chashmi heh...
        ("بھارت", "بہارت"),  # ...and gol heh, which people mix up
        ("زکوة زکوۃ", "زکوہ زکوہ"),  # teh marbuta
        ("ۂ ؤ ئ", "ہ و ی"),  # hamza above a letter
        ("ہوۓ ہوئے گۓ گئے لۓ لئے لیے", "ہویے ہویے گیے گیے لیے لیے لیے"),  # one way to write ئے
        ("اشیاء", "اشیا"),  # a lone hamza
        ("دھماکےکے بعدکتنےلوگ", "دہماکے کے بعدکتنے لوگ"),  # no space typed after bari ye, which ends a word
        ("ے", "ے"),
        ("میں مین", "مین مین"),  # noon ghunna
        ("۱۴۵ ١٤٥ 145", "145 145 145"),  # Urdu and Arabic-Indic digits
        ("۱۴۵ عسکریت پسند", "145 عسکریت پسند"),
        ("کیاااا", "کیا"),  # stretched
        ("ممکن", "ممکن"),  # a real double letter stays
        ("ﻻ", "لا"),  # presentation forms
        ("BLA نے کیا کہا؟", "bla نے کیا کہا"),  # mixed script
        ("how many شہری died", "how many شہری died"),
    ],
)
def test_fold_urdu(raw: str, folded: str) -> None:
    assert fold(raw) == folded


@pytest.mark.parametrize(
    ("question", "normalised"),
    [
        ("Kitne log mare gaye?", "how many people killed"),
        ("What did America say", "what us say"),
        ("Baloch Liberation Army", "bla"),
        ("death toll", "toll killed"),
        ("31 civs right", "31 civilian"),  # a review: declined, "civs" unknown
        ("یکم فروری کے حملے", "1 فروری attack"),  # "the first": the US's condemnation was declined
        ("ilzamat be buniyad hain", "blame baseless"),  # a review: "who said so" got the evidence gap
    ],
)
def test_normalise_maps_synonyms_and_roman_urdu(factbase: FactBase, question: str, normalised: str) -> None:
    assert factbase.lexicon.normalise(question) == normalised


def test_a_list_of_words_is_read_word_by_word_never_as_a_phrase(factbase: FactBase) -> None:
    """Word lists (offices, asked_with...) are sets or lists in any order: read joined, "chief" next to
    "minister" became Bugti, so that in one process out of some "who is bugti" lost its name."""
    lexicon = factbase.lexicon
    assert "bugti" in lexicon.normalise("chief minister").split()
    assert lexicon.normalised_words(["chief", "minister"]) == {"chief", "minister"}


def test_an_office_word_reads_as_an_office_never_as_what_facts_are_about(factbase: FactBase) -> None:
    """With a person's name, office words are dropped from the question: one the lexicon reads as
    "security" or "foreigners" would make "bugti on security forces" a question of who Bugti is."""
    lexicon = factbase.lexicon
    allowed = lexicon.normalised_words(lexicon.offices) & {fold(o) for o in lexicon.offices} | lexicon.cue_words
    for office in lexicon.offices:
        assert lexicon.normalised_words([office]) <= allowed, office


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("new delhi govt said", "india govt said"),  # the longest phrase at a word wins
        ("new delhi", "india"),
        ("the new govt", "the novel govt"),  # a shorter phrase where the longer does not fit
        ("delhi govt new", "delhi govt novel"),  # a phrase at the end, none across the end
        ("brand new delhi", "brand delhi"),  # leftmost first: "brand new" takes the "new" of "new delhi"
        ("renew delhi", "renew delhi"),  # whole words, never part of one
        ("new new delhi", "novel india"),  # left to right, never overlapping
    ],
)
def test_phrases_are_whole_words_the_longest_first(text: str, normalised: str) -> None:
    lexicon = Lexicon(phrases={"New Delhi": "india", "new": "novel", "brand new": "brand"})
    assert lexicon.normalise(text) == normalised


def test_entities_are_found_once_in_order(factbase: FactBase) -> None:
    lexicon = factbase.lexicon
    assert lexicon.find_entities(lexicon.normalise("did China and the United States say")) == ("china", "us")
    assert lexicon.find_entities(lexicon.normalise("tell us about it")) == ()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_folds_to_plain_lowercase_words(factbase: FactBase, text: str) -> None:
    folded = fold(text)
    assert folded == folded.strip() and "  " not in folded
    assert folded == folded.lower()
    assert fold(folded) == folded
    normalised = factbase.lexicon.normalise(text)
    assert normalised == normalised.strip() and "  " not in normalised


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("@bot who is bugti?", "who is bugti?"),
        ("ok bot, how many died", "how many died"),
        ("hey factbot what did the us say", "what did the us say"),
        ("who did it, bot?", "who did it"),
        ("hello who did it", "hello, who did it"),
        ("ok bot", "ok bot"),  # nothing else: the call is the message
        ("what is a bot", "what is a bot"),
        ("robots and bots", "robots and bots"),
    ],
)
def test_calling_the_bot_is_taken_off_the_question(factbase: FactBase, text: str, rest: str) -> None:
    assert factbase.lexicon.without_address(text) == rest


@pytest.mark.parametrize(
    ("part", "attributes", "aside", "of_asker"),
    [
        ("according to the cm", True, False, False),
        ("besides the dead", False, True, False),
        ("how much time do i have", False, False, True),
        ("can i ask who did it", False, False, False),
        ("who did it", False, False, False),
    ],
)
def test_what_a_part_does_besides_asking(
    factbase: FactBase, part: str, attributes: bool, aside: bool, of_asker: bool
) -> None:
    """Whose word it is, what is set aside, whether the asker asks about themselves: read from the
    lexicon's words (`sourcing`, `besides`, `openers` with `narrators`, past `requests`)."""
    lexicon = factbase.lexicon
    assert lexicon.attributes(part) is attributes
    assert lexicon.opens_aside(part) is aside
    assert lexicon.asks_of_asker(part) is of_asker


def test_who_does_something_in_the_passive_is_after_by(factbase: FactBase) -> None:
    lexicon = factbase.lexicon
    assert lexicon.agent_after(["by", "islamabad"]) == "pakistan"
    assert lexicon.agent_after(["by", "the", "us"]) == "us"
    assert lexicon.agent_after(["in", "islamabad"]) is None
    assert lexicon.before_hedge("civilians not army") == "civilians "


@pytest.mark.parametrize(
    ("question", "general"),
    [
        ("what does a chargé d'affaires do in general", True),
        ("کوئی سفیر عام طور پر کیا کرتا ہے", True),  # "کوئی" folds to "کویی": matched folded
        ("in general what happened", False),
    ],
)
def test_in_general_asks_of_a_kind_of_thing(factbase: FactBase, question: str, general: bool) -> None:
    """The words of `in_general` and `indefinite` are matched as the question is, folded: the Urdu
    "کوئی" (a, any) and "ہیں" never matched unfolded."""
    assert factbase.lexicon.asks_in_general(question) is general


@pytest.mark.parametrize(
    ("question", "denies"),
    [
        ("which country didnt mention condolences", True),
        ("کس ملک نے تعزیت نہیں کی", True),  # "نہیں" folds to "نہین": matched folded
        ("kis ne taziyat nahi ki", True),
        ("which country mentioned condolences", False),
    ],
)
def test_negations_are_matched_folded(factbase: FactBase, question: str, denies: bool) -> None:
    """A question denying the words it asks about (`negations`) is never answered with whose they are;
    the Urdu "نہیں" never matched unfolded."""
    assert factbase.lexicon.denies(question) is denies
