"""One fact-base version with its router: built once, read by every handler, swapped whole."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.answers import Answer, compose
from bot.factbase import FactBase, load
from bot.router import Router, Routing, Thresholds


@dataclass(frozen=True)
class Core:
    factbase: FactBase
    router: Router

    def ask(self, question: str) -> tuple[Routing, Answer]:
        routing = self.router.route(question)
        return routing, compose(routing, self.factbase)


def build_core(facts_dir: Path, *, thresholds: Thresholds | None = None) -> Core:
    """Load, validate and index the facts; raises `FactBaseError` and leaves nothing half-built."""
    factbase = load(facts_dir)
    return Core(factbase=factbase, router=Router(factbase, thresholds=thresholds))


class CoreRef:
    """The single reference handlers read once per update; a reload replaces `current` whole."""

    def __init__(self, core: Core) -> None:
        self.current = core
