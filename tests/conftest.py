"""Shared fixtures: the shipped fact base, a core built from it, and a scratch copy to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core import Core, build_core
from bot.factbase import FactBase

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts"
LABELLED = Path(__file__).resolve().parent / "data" / "labelled.yaml"


@pytest.fixture(scope="session")
def core() -> Core:
    return build_core(FACTS)


@pytest.fixture(scope="session")
def factbase(core: Core) -> FactBase:
    return core.factbase


@pytest.fixture
def facts_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped facts, for tests that edit or break them."""
    target = tmp_path / "facts"
    shutil.copytree(FACTS, target)
    return target
