"""Choose the router's thresholds on the tune split of tests/data/labelled.yaml, never the test split.

    python -m benchmarks.tune_router

Prints the best few settings by (misleading, then correct) on the tune split, then the chosen
defaults on both splits side by side. Nothing here reads the test split's answers to choose.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from bot.factbase import load
from bot.quality import Report, evaluate, load_labelled
from bot.router import Router
from bot.thresholds import Thresholds

ROOT = Path(__file__).resolve().parent.parent
GRID = {
    "answer": [55.0, 60.0, 65.0, 70.0],
    "margin": [2.0, 4.0, 6.0],
    "suggest": [40.0, 45.0, 50.0],
    "uncovered": [0.1, 0.2, 0.34],
}


def score(report: Report) -> tuple[int, int]:
    return (-len(report.misleading), sum(report.correct.values()))


def main() -> None:
    factbase = load(ROOT / "facts")
    labelled = load_labelled(ROOT / "tests" / "data" / "labelled.yaml")
    tune = [item for item in labelled if item.split == "tune"]
    results = []
    for values in itertools.product(*GRID.values()):
        thresholds = Thresholds(**dict(zip(GRID, values, strict=True)))
        report = evaluate(Router(factbase, thresholds=thresholds).route, tune)
        results.append((score(report), values, report))
    results.sort(key=lambda r: r[0], reverse=True)
    print("best on the tune split (answer, margin, suggest, uncovered):")
    for (_, correct), values, report in results[:5]:
        print(f"  {values}: {correct}/{len(tune)} correct; {report.summary()}")
    default = Router(factbase)
    for split in ("tune", "test"):
        report = evaluate(default.route, [item for item in labelled if item.split == split])
        print(f"defaults on {split}: {report.summary()}")


if __name__ == "__main__":
    main()
