"""Callback data, at most 64 bytes: how each kind of button is written and recognised.

`a:<fact>:<asker>` answers a "did you mean" pick, `r:<fact>:<asker>` a related question,
`n:<asker>` is "none of these", `t:<topic>` a topic. `<asker>` is the user who may press it in
a group (0: anyone).
"""

from __future__ import annotations

import re

PICK = re.compile(r"^a:([^:]+):(\d+)$")
RELATED = re.compile(r"^r:([^:]+):(\d+)$")
NONE_FITS = re.compile(r"^n:(\d+)$")
TOPIC = re.compile(r"^t:([^:]+)$")


def pick(fact_id: str, asker: int) -> str:
    return f"a:{fact_id}:{asker}"[:64]


def related(fact_id: str, asker: int) -> str:
    return f"r:{fact_id}:{asker}"[:64]


def none_fits(asker: int) -> str:
    return f"n:{asker}"


def topic(topic_id: str) -> str:
    return f"t:{topic_id}"[:64]
