"""Callback data, at most 64 bytes: how each kind of button is written and recognised.

`a:<fact>:<asker>:<language>` answers a "did you mean" pick, `r:<fact>:<asker>:<language>` a related
question, `n:<asker>:<language>` is "none of these", `t:<topic>:<language>` a topic. `<asker>` is the
user who may press it in a group (0: anyone); `<language>` (en, ur) is the one the button was shown
in, so that pressing it answers in that language (buttons from before there was one still work).
"""

from __future__ import annotations

import re

from bot.language import Language

# Anyone can send any callback data, so the patterns read only what we write: an asker is 1 to 19
# ASCII digits (user ids are below 2**52; `\d` would take any script's digits, and int() refuses
# more than 4300 of them), and ids are at most 64 characters.
_ID = r"[^:]{1,64}"
_ASKER = r"(?P<asker>[0-9]{1,19})"
_LANGUAGE = r"(?::(?P<language>en|ur))?"
PICK = re.compile(rf"^a:(?P<fact>{_ID}):{_ASKER}{_LANGUAGE}\Z")
RELATED = re.compile(rf"^r:(?P<fact>{_ID}):{_ASKER}{_LANGUAGE}\Z")
NONE_FITS = re.compile(rf"^n:{_ASKER}{_LANGUAGE}\Z")
TOPIC = re.compile(rf"^t:(?P<topic>{_ID}){_LANGUAGE}\Z")


def pick(fact_id: str, asker: int, language: Language) -> str:
    return f"a:{fact_id}:{asker}:{language}"[:64]


def related(fact_id: str, asker: int, language: Language) -> str:
    return f"r:{fact_id}:{asker}:{language}"[:64]


def none_fits(asker: int, language: Language) -> str:
    return f"n:{asker}:{language}"


def topic(topic_id: str, language: Language) -> str:
    return f"t:{topic_id}:{language}"[:64]
