"""Synthetic fact bases N times the shipped one, for measuring how cost grows with size.

Each copy of every fact and gap gets new ids and its examples reworded the way people vary a
question: a word dropped, two words swapped, a typo, and one made-up word that is the copy's
own (a place or a name the real base does not have), so no two targets share an example. Its
Urdu rendering is copied the same way, with a made-up word in Urdu script.
Copy k of fact `x` is `x--k`; `base_id` maps it back, so accuracy can be scored at any size.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import yaml

from bot.factbase import Fact, FactBase, FactText, Gap, GapText
from bot.lexicon import fold

_SYLLABLES = ["ka", "ro", "mi", "zu", "te", "ba", "no", "shi", "va", "le", "qu", "dar", "pe", "gho", "xi", "lun"]
_URDU_SYLLABLES = ["کا", "رو", "می", "زو", "تے", "با", "نو", "شی", "وا", "لے", "قو", "دار", "پے", "غو", "ژی", "لن"]


def base_id(target: str) -> str:
    return target.partition("--")[0]


def pseudo_word(k: int, syllables: list[str] = _SYLLABLES) -> str:
    """A made-up word, different for every k."""
    parts = []
    k += len(syllables)  # at least two syllables
    while k:
        k, digit = divmod(k, len(syllables))
        parts.append(syllables[digit])
    return "".join(parts)


def reword(text: str, own: str, rng: random.Random) -> str:
    """`text` as someone else might type it: a word dropped, two swapped, a typo, and `own` added
    (without `own`, nothing is added)."""
    words = text.split()
    if len(words) > 3 and rng.random() < 0.3:
        del words[rng.randrange(len(words))]
    if len(words) > 2 and rng.random() < 0.3:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        word = words[i]
        if len(word) > 3:
            j = rng.randrange(len(word) - 1)
            words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    if own:
        words.insert(rng.randrange(len(words) + 1), own)
    return " ".join(words)


def _copy_ids(ids: tuple[str, ...], k: int) -> tuple[str, ...]:
    return tuple(f"{i}--{k}" for i in ids)


def _copies(
    base: FactBase, factor: int, seed: int
) -> tuple[list[Fact], list[Gap], dict[str, FactText], dict[str, GapText]]:
    rng = random.Random(seed)
    seen = {fold(e) for f in base.facts for e in f.examples} | {fold(e) for g in base.gaps for e in g.examples}
    seen |= {fold(e) for t in (*base.urdu.facts.values(), *base.urdu.gaps.values()) for e in t.examples}
    facts: list[Fact] = []
    gaps: list[Gap] = []
    urdu_facts: dict[str, FactText] = {}
    urdu_gaps: dict[str, GapText] = {}
    for k in range(1, factor):
        own, own_ur = pseudo_word(k), pseudo_word(k, _URDU_SYLLABLES)

        def examples(texts: tuple[str, ...], own: str) -> tuple[str, ...]:
            out = []
            for text in texts:
                variant = reword(text, own, rng)
                if fold(variant) not in seen:
                    seen.add(fold(variant))
                    out.append(variant)
            return tuple(out) or (f"{texts[0]} {own} {rng.randrange(10**9)}",)

        for fact in base.facts:
            copy = f"{fact.id}--{k}"
            facts.append(
                fact.model_copy(
                    update={
                        "id": copy,
                        "question": f"{fact.question} ({own})",
                        "examples": examples(fact.examples, own),
                        "related": _copy_ids(fact.related, k),
                        "supersedes": _copy_ids(fact.supersedes, k),
                        "conflicts_with": tuple(
                            c.model_copy(update={"fact": f"{c.fact}--{k}"}) for c in fact.conflicts_with
                        ),
                    }
                )
            )
            urdu = base.urdu.facts[fact.id]
            urdu_facts[copy] = urdu.model_copy(
                update={
                    "question": f"{urdu.question} ({own_ur})",
                    "examples": examples(urdu.examples, own_ur),
                    "why": {f"{other}--{k}": why for other, why in urdu.why.items()},
                }
            )
        for gap in base.gaps:
            copy = f"{gap.id}--{k}"
            gaps.append(
                gap.model_copy(
                    update={"id": copy, "examples": examples(gap.examples, own), "related": _copy_ids(gap.related, k)}
                )
            )
            urdu_gap = base.urdu.gaps[gap.id]
            urdu_gaps[copy] = urdu_gap.model_copy(update={"examples": examples(urdu_gap.examples, own_ur)})
    return facts, gaps, urdu_facts, urdu_gaps


def scaled(base: FactBase, factor: int, *, seed: int = 1) -> FactBase:
    """The base with `factor - 1` reworded copies of every fact and gap added, in memory."""
    if factor <= 1:
        return base
    facts, gaps, urdu_facts, urdu_gaps = _copies(base, factor, seed)
    urdu = base.urdu.model_copy(update={"facts": base.urdu.facts | urdu_facts, "gaps": base.urdu.gaps | urdu_gaps})
    return base.model_copy(
        update={
            "facts": (*base.facts, *facts),
            "gaps": (*base.gaps, *gaps),
            "urdu": urdu,
            "version": f"{base.version}x{factor}",
        }
    )


def write_scaled(facts_dir: Path, base: FactBase, factor: int, target: Path, *, seed: int = 1) -> Path:
    """A copy of `facts_dir` with the copies in `synthetic.yaml`, to load and serve like the real one."""
    shutil.copytree(facts_dir, target)
    facts, gaps, urdu_facts, urdu_gaps = _copies(base, factor, seed)

    def plain(model: Fact | Gap | FactText | GapText) -> dict[str, Any]:
        return model.model_dump(mode="json", exclude_defaults=True, by_alias=True)

    document = {
        "facts": [plain(f) for f in facts],
        "gaps": [plain(g) for g in gaps],
        "urdu": {
            "facts": {i: plain(t) for i, t in urdu_facts.items()},
            "gaps": {i: plain(t) for i, t in urdu_gaps.items()},
        },
    }
    (target / "synthetic.yaml").write_text(
        yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8"
    )
    return target
