"""Measuring a router on labelled questions: the figures the build and the README report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.router import Routing

Route = Callable[[str], Routing]


@dataclass(frozen=True)
class Labelled:
    question: str
    expect: str | tuple[str, ...]
    group: str


@dataclass
class Report:
    """Counts per group, and every miss so a failing build says which questions broke."""

    totals: dict[str, int] = field(default_factory=dict)
    correct: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def rate(self, group: str) -> float:
        return self.correct.get(group, 0) / max(1, self.totals.get(group, 0))

    def summary(self) -> str:
        names = {
            "in_scope": "in-scope accuracy",
            "two_part": "two-part questions",
            "gaps": "gaps handled",
            "off_topic": "off-topic declined",
        }
        return ", ".join(
            f"{label} {self.correct.get(g, 0)}/{self.totals.get(g, 0)} ({100 * self.rate(g):.1f} %)"
            for g, label in names.items()
            if self.totals.get(g)
        )


def load_labelled(path: Path) -> list[Labelled]:
    data: dict[str, list[dict[str, Any]]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    items: list[Labelled] = []
    for group, entries in data.items():
        for entry in entries:
            expect = entry["expect"]
            items.append(Labelled(str(entry["q"]), tuple(expect) if isinstance(expect, list) else str(expect), group))
    return items


def is_correct(item: Labelled, routing: Routing) -> bool:
    intents = routing.intents
    answered = tuple(i.top.target for i in intents if i.decision == "answer" and i.top is not None)
    if isinstance(item.expect, tuple):
        return set(answered) == set(item.expect)
    if item.expect == "decline":
        return not routing.answered
    if item.expect.startswith("gap"):
        wanted = item.expect.partition(":")[2]
        gaps = [i for i in intents if i.decision == "gap"]
        if answered or len(gaps) != len(intents):
            return False
        return not wanted or any(i.top is not None and i.top.target == wanted for i in gaps)
    return len(intents) == 1 and answered != () and answered[0] in item.expect.split("|")


def evaluate(route: Route, items: Iterable[Labelled]) -> Report:
    report = Report()
    for item in items:
        routing = route(item.question)
        report.totals[item.group] = report.totals.get(item.group, 0) + 1
        if is_correct(item, routing):
            report.correct[item.group] = report.correct.get(item.group, 0) + 1
        else:
            got = [(i.decision, i.top.target if i.top else None) for i in routing.intents]
            report.misses.append(f"[{item.group}] {item.question!r}: expected {item.expect}, got {got}")
    return report
