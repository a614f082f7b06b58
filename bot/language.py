"""Which language a reader gets: English or Urdu, from a chat's setting or the script they write in.

Answers come only from curated text in the fact base, never translated at run time; this module
only decides which of the curated texts to show.
"""

from __future__ import annotations

from typing import Literal, get_args

Language = Literal["en", "ur"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
NAMES: dict[Language, str] = {"en": "English", "ur": "اردو"}

_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def script_language(text: str) -> Language | None:
    """Urdu when most of the letters are in Arabic script, English when most are Latin (English or
    Roman Urdu); None for text without letters ("145?", an emoji). A tie goes to Urdu: someone who
    typed Urdu script at all reads it."""
    urdu = latin = 0
    for char in text:
        if not char.isalpha():
            continue
        code = ord(char)
        if any(low <= code <= high for low, high in _ARABIC_BLOCKS):
            urdu += 1
        elif code < 0x0250 or 0x1E00 <= code <= 0x1EFF:
            latin += 1
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
