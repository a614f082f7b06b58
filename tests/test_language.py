"""Which language a reader gets: the chat's choice, else the script of the question, else a fallback."""

from __future__ import annotations

import pytest

from bot.language import choose, client_language, script_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("بلوچستان میں کتنے لوگ مارے گئے؟", "ur"),
        ("how many people got killed", "en"),
        ("kitne log mare gaye", "en"),  # Roman Urdu is Latin script: English answers
        ("کتنے militants ہلاک ہوئے", "ur"),  # mixed: most letters decide
        ("what did بھارت say", "en"),
        ("ab بہ", "ur"),  # a tie: someone who typed Urdu at all reads it
        ("ﻛﺘﻨﮯ", "ur"),  # presentation forms
        ("Quéttä", "en"),
        ("145؟", None),
        ("😀 !!!", None),
        ("", None),
    ],
)
def test_script_language(text: str, language: str | None) -> None:
    assert script_language(text) == language


def test_a_chat_choice_wins_then_the_script_then_the_fallback() -> None:
    assert choose("en", "حملے کس نے کیے") == "en" and choose("ur", "who did it") == "ur"
    assert choose(None, "حملے کس نے کیے") == "ur" and choose("auto", "who did it") == "en"
    assert choose(None, "145", fallback="ur") == "ur" and choose(None, "") == "en"
    assert [client_language(c) for c in ("ur", "ur-PK", "UR", "en", None, "")] == ["ur", "ur", "ur", "en", "en", "en"]
