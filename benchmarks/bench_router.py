"""Router speed and accuracy against two baselines, on the shipped facts and synthetic 10x-1000x,
and an Urdu question's cost against an English one's.

Usage:
    python -m benchmarks.bench_router                # sizes 1, 10, 100, 1000
    python -m benchmarks.bench_router --sizes 1,10

For each size it builds our `Router`, a naive loop (every example scored with rapidfuzz's
`token_sort_ratio`, one call at a time) and a TF-IDF retriever (scikit-learn, character 2-4
grams, cosine) over the same normalised English examples, and routes the labelled English questions
(tests/data/labelled.yaml). All three get the question normalised by the same lexicon.

Figures: questions per second, p50/p99 latency of one question, and top-1 accuracy on the
in-scope questions (the best-ranked fact is a right one; copies count as their original).
"Decision accuracy" is ours only: the full answer / clarify / gap / decline decision.

English against Urdu: the same targets asked the same way in each language, each example of every
fact, gap and meta reply reworded as people vary a question (a word dropped, two swapped, a typo;
one seed for both), routed by the one `Router`; and the labelled questions of each script, when the
labelled set has Urdu ones. Top-1 here: the best-ranked target is the one the example belongs to.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, utils
from sklearn.feature_extraction.text import TfidfVectorizer

from benchmarks.synthetic import base_id, reword, scaled
from bot.factbase import FactBase, load
from bot.language import LANGUAGES, Language, script_language
from bot.quality import Labelled, evaluate, load_labelled
from bot.router import Router

ROOT = Path(__file__).resolve().parent.parent
Ranker = Callable[[str], str | None]


def machine() -> str:
    system = f"{platform.system()} {platform.release()}"
    return f"{platform.processor() or platform.machine()}, {system}, Python {platform.python_version()}"


def reworded(factbase: FactBase, language: Language, *, seed: int = 7, limit: int = 600) -> list[tuple[str, str]]:
    """(question, target) for the examples of every target in `language`, reworded; the same
    targets, in the same order, in every language."""
    rng = random.Random(seed)
    pairs = [
        (reword(example, "", rng), target.id)
        for target in (*factbase.facts, *factbase.gaps, *factbase.meta)
        for example in factbase.asked(target, language)
    ]
    return pairs[:: max(1, len(pairs) // limit)]


def by_language(router: Router, factbase: FactBase, items: list[Labelled], repeat: int) -> None:
    """An Urdu question's cost and an English one's, side by side."""
    header = "{:>10} {:>9} {:>6} {:>9} {:>8} {:>8} {:>6}".format(
        "language", "questions", "set", "q/s", "p50 ms", "p99 ms", "top-1"
    )
    print(header)
    print("-" * len(header))
    for language in LANGUAGES:
        pairs = reworded(factbase, language)
        qps, p50, p99, answers = timed(ours(router), [q for q, _ in pairs], repeat)
        right = sum(a is not None and base_id(a) == base_id(t) for a, (_, t) in zip(answers, pairs, strict=True))
        print(
            f"{language:>10} {len(pairs):>9} {'ex.':>6} {qps:>9.0f} {p50:>8.3f} {p99:>8.3f} {right / len(pairs):>6.1%}"
        )
        labelled = [i for i in items if i.group == "in_scope" and script_language(i.question) == language]
        if labelled:
            qps, p50, p99, answers = timed(ours(router), [i.question for i in labelled], repeat)
            accuracy = top1(labelled, answers)
            print(f"{language:>10} {len(labelled):>9} {'lab.':>6} {qps:>9.0f} {p50:>8.3f} {p99:>8.3f} {accuracy:>6.1%}")


def ours(router: Router) -> Ranker:
    def rank(question: str) -> str | None:
        routing = router.route(question)
        top = routing.intents[0].top
        return None if top is None else top.target

    return rank


def naive_loop(router: Router, choices: list[str], owners: list[str]) -> Ranker:
    processed = [utils.default_process(c) for c in choices]

    def rank(question: str) -> str | None:
        query = utils.default_process(router.normalise(question))
        best, best_score = None, -1.0
        for index, choice in enumerate(processed):
            score = fuzz.token_sort_ratio(query, choice)
            if score > best_score:
                best, best_score = index, score
        return None if best is None else owners[best]

    return rank


def tfidf(router: Router, choices: list[str], owners: list[str]) -> Ranker:
    vectoriser = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)
    matrix = vectoriser.fit_transform(choices)

    def rank(question: str) -> str | None:
        scores = (matrix @ vectoriser.transform([router.normalise(question)]).T).toarray().ravel()
        return owners[int(np.argmax(scores))] if scores.any() else None

    return rank


def timed(rank: Ranker, questions: list[str], repeat: int) -> tuple[float, float, float, list[str | None]]:
    """Questions per second, p50 and p99 in milliseconds, and the answers of the first round."""
    latencies: list[float] = []
    answers: list[str | None] = []
    started = time.perf_counter()
    for round_ in range(repeat):
        for question in questions:
            t0 = time.perf_counter()
            answer = rank(question)
            latencies.append(time.perf_counter() - t0)
            if round_ == 0:
                answers.append(answer)
    total = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    return len(latencies) / total, cuts[49] * 1000, cuts[98] * 1000, answers


def top1(items: list[Labelled], answers: list[str | None]) -> float:
    """Share of single-fact in-scope questions whose best-ranked target is a right one."""
    scored = [(i, a) for i, a in zip(items, answers, strict=True) if i.group == "in_scope"]
    right = sum(1 for i, a in scored if a is not None and base_id(a) in str(i.expect).split("|"))
    return right / max(1, len(scored))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100,1000", help="comma-separated multiples of the shipped facts")
    parser.add_argument("--facts", type=Path, default=ROOT / "facts")
    args = parser.parse_args()
    base = load(args.facts)
    items = load_labelled(ROOT / "tests" / "data" / "labelled.yaml")
    in_scope = [i for i in items if i.group == "in_scope" and script_language(i.question) != "ur"]
    questions = [i.question for i in in_scope]
    print(f"machine: {machine()}, {len(questions)} in-scope labelled questions")
    decision = evaluate(Router(base).route, [i for i in items if i.split == "test"])
    print(f"our decisions on the shipped facts, test split: {decision.summary()}")
    print()
    columns = ("size", "examples", "method", "q/s", "p50 ms", "p99 ms", "top-1", "ours vs")
    header = "{:>6} {:>9} {:<12} {:>9} {:>8} {:>8} {:>6}  {:>8}".format(*columns)
    print(header)
    print("-" * len(header))
    for size in (int(s) for s in args.sizes.split(",")):
        factbase = scaled(base, size)
        t0 = time.perf_counter()
        router = Router(factbase)
        build = time.perf_counter() - t0
        english = router.by_language["en"]
        choices = english.choices
        owners = english.owners
        repeat = max(1, 4000 // (len(questions) * size))
        # The naive loop is slow at large sizes; a sample keeps the run short and the ratio honest.
        step = 1 if size <= 10 else len(questions) // 20
        sample, sample_items = questions[::step], in_scope[::step]
        rows = []
        for name, rank, qs, its in (
            ("ours", ours(router), questions, in_scope),
            ("naive loop", naive_loop(router, choices, owners), sample, sample_items),
            ("tf-idf", tfidf(router, choices, owners), questions, in_scope),
        ):
            qps, p50, p99, answers = timed(rank, qs, repeat if name != "naive loop" else 1)
            rows.append((name, qps, p50, p99, top1(its, answers)))
        our_qps = rows[0][1]
        for name, qps, p50, p99, accuracy in rows:
            ratio = "" if name == "ours" else f"{our_qps / qps:7.1f}x"
            figures = f"{qps:>9.0f} {p50:>8.3f} {p99:>8.3f} {accuracy:>6.1%}"
            print(f"{size:>5}x {len(choices):>9} {name:<12} {figures}  {ratio:>8}")
        sampled = f"; naive loop on {len(sample)} of the questions" if len(sample) < len(questions) else ""
        print(f"{'':>6} router built in {build:.2f} s (English and Urdu){sampled}")
        print()
        by_language(router, factbase, items, repeat)
        print()


if __name__ == "__main__":
    main()
