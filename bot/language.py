"""Which language a reader gets: English or Urdu, from a chat's setting or the script they write in.

Answers come only from curated text in the fact base, never translated at run time; this module
only decides which of the curated texts to show.
"""

from __future__ import annotations

import re
from typing import Literal, get_args

Language = Literal["en", "ur"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
NAMES: dict[Language, str] = {"en": "English", "ur": "Urdu"}

# Letters of Arabic script (Urdu), with their presentation forms; and Latin letters, accented or not.
_ARABIC_LETTER = re.compile(
    "[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee-\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdff\ufe70-\ufefc]"
)
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")


def script_language(text: str) -> Language | None:
    """Urdu when most of the letters are in Arabic script, English when most are Latin (English or
    Roman Urdu); None for text without letters ("145?", an emoji). A tie goes to Urdu: someone who
    typed Urdu script at all reads it."""
    urdu, latin = len(_ARABIC_LETTER.findall(text)), len(_LATIN_LETTER.findall(text))
    if not urdu and not latin:
        return None
    return "ur" if urdu >= latin else "en"


def client_language(code: str | None) -> Language:
    """The language of the reader's Telegram app (`language_code`), when nothing else tells."""
    return "ur" if code is not None and code.lower().startswith("ur") else "en"


def language_of(value: str | None) -> Language | None:
    """A language code we have ("en", "ur"), or None for anything else (auto, or nothing)."""
    return "en" if value == "en" else "ur" if value == "ur" else None


def choose(setting: str | None, text: str = "", *, fallback: Language = "en") -> Language:
    """The chat's setting if it has one; else the script of what the reader wrote; else `fallback`."""
    return language_of(setting) or script_language(text) or fallback
