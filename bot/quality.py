"""Measuring a router on labelled questions: the figures the build and the docs report.

Each question is judged correct, a miss, or misleading. Misleading is the worst: a reply that
states a fact the question did not ask for, or says "our sources do not report" about something
they do report. An honest "did you mean" or a decline is a miss, never misleading.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from bot.language import Language, script_language
from bot.router import Routing

Route = Callable[[str], Routing]
Verdict = Literal["correct", "miss", "misleading"]
Split = Literal["tune", "test"]
GROUPS = {
    "in_scope": "on-topic answered",
    "two_part": "two-part questions",
    "gaps": "gaps handled",
    "off_topic": "off-topic declined",
    "meta": "meta replies",
}


@dataclass(frozen=True)
class Labelled:
    question: str
    expect: str | tuple[str, ...]
    group: str
    split: Split

    @property
    def language(self) -> Language:
        """The script a question is written in: Urdu script is judged apart from English and Roman Urdu."""
        return script_language(self.question) or "en"


@dataclass
class Report:
    """Counts per group and verdict, and every miss, so a failing build says which questions broke."""

    totals: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    misleading: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def rate(self, group: str) -> float:
        return self.correct[group] / max(1, self.totals[group])

    def summary(self) -> str:
        rates = [
            f"{label} {self.correct[g]}/{self.totals[g]} ({100 * self.rate(g):.1f} %)"
            for g, label in GROUPS.items()
            if self.totals[g]
        ]
        return ", ".join([*rates, f"misleading {len(self.misleading)}/{sum(self.totals.values())}"])


def load_labelled(path: Path) -> list[Labelled]:
    data: dict[str, dict[str, list[dict[str, Any]]]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    items: list[Labelled] = []
    for split in ("tune", "test"):
        for group, entries in data[split].items():
            for entry in entries:
                expect = entry["expect"]
                label = tuple(expect) if isinstance(expect, list) else str(expect)
                items.append(Labelled(str(entry["q"]), label, group, split))
    return items


def judge(item: Labelled, routing: Routing) -> Verdict:
    intents = routing.intents
    answered = {i.top.target for i in intents if i.decision == "answer" and i.top is not None}
    gaps = [i for i in intents if i.decision == "gap"]
    expect = item.expect
    if isinstance(expect, tuple) or not (expect == "decline" or expect.startswith(("gap", "meta:"))):
        wanted = set(expect) if isinstance(expect, tuple) else set(expect.split("|"))
        if answered - wanted or gaps:
            return "misleading"  # a fact it did not ask for, or a false "not reported"
        if isinstance(expect, tuple):
            return "correct" if answered == wanted else "miss"
        if len(intents) == 1 and answered:
            return "correct"
        offered = {m.target for i in intents if i.decision == "clarify" for m in i.matches}
        broad = len(wanted) > 1 and len(intents) == 1 and offered and offered <= wanted
        return "correct" if broad else "miss"
    if answered:
        return "misleading"  # a fact for a question the sources do not answer, or an off-topic one
    if expect == "decline":
        return "miss" if routing.on_topic else "correct"
    if expect.startswith("meta:"):
        metas = [i for i in intents if i.decision == "meta" and i.top is not None]
        return "correct" if any(i.top.target == expect[5:] for i in metas if i.top) else "miss"
    wanted_gap = expect.partition(":")[2]
    if not gaps or len(gaps) != len(intents):
        return "miss"
    fits = [i.top is None or not wanted_gap or i.top.target == wanted_gap for i in gaps]
    return "correct" if any(fits) else "miss"


def evaluate(route: Route, items: Iterable[Labelled]) -> Report:
    report = Report()
    for item in items:
        routing = route(item.question)
        report.totals[item.group] += 1
        verdict = judge(item, routing)
        if verdict == "correct":
            report.correct[item.group] += 1
            continue
        got = [(i.decision, i.top.target if i.top else None) for i in routing.intents]
        line = f"[{item.group}] {item.question!r}: expected {item.expect}, got {got}"
        (report.misleading if verdict == "misleading" else report.misses).append(line)
    return report
