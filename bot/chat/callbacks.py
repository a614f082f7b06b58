"""Callback data, at most 64 bytes: how each kind of button is written and recognised.

`a:<fact>:<asker>` answers a "did you mean" pick, `r:<fact>:<asker>` a related question,
`n:<asker>` is "none of these", `t:<topic>` a topic. `<asker>` is the user who may press it in
a group (0: anyone).
"""

from __future__ import annotations

import re

# Anyone can send any callback data, so the patterns read only what we write: an asker is 1 to 19
# ASCII digits (user ids are below 2**52; `\d` would take any script's digits, and int() refuses
# more than 4300 of them), and ids are at most 64 characters.
_ID = r"([^:]{1,64})"
_ASKER = r"([0-9]{1,19})"
PICK = re.compile(rf"^a:{_ID}:{_ASKER}\Z")
RELATED = re.compile(rf"^r:{_ID}:{_ASKER}\Z")
NONE_FITS = re.compile(rf"^n:{_ASKER}\Z")
TOPIC = re.compile(rf"^t:{_ID}\Z")


def pick(fact_id: str, asker: int) -> str:
    return f"a:{fact_id}:{asker}"[:64]


def related(fact_id: str, asker: int) -> str:
    return f"r:{fact_id}:{asker}"[:64]


def none_fits(asker: int) -> str:
    return f"n:{asker}"


def topic(topic_id: str) -> str:
    return f"t:{topic_id}"[:64]
