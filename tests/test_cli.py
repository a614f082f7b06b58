"""The `factbot` command as a user runs it: a real subprocess, real files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FACTS, ROOT


def factbot(
    *args: str, stdin: str | None = None, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=60,
        check=False,
    )


def test_ask_prints_a_cited_answer() -> None:
    result = factbot("ask", "who claimed the attacks?")
    assert result.returncode == 0
    assert "Baloch Liberation Army" in result.stdout and "Source:" in result.stdout


def test_ask_json_reads_lines_and_answers_each_in_order() -> None:
    questions = ["death toll?", "bitcoin price", "who did it and how many civilians died", ""]
    result = factbot("ask", "--json", stdin="\n".join(questions) + "\n")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["question"] for r in records] == questions
    assert [r["answered"] for r in records] == [True, False, True, False]
    assert records[2]["facts"] == ["bla-claim", "civilians-killed"]
    assert all({"text", "facts", "score"} <= r.keys() for r in records)


def test_check_passes_on_shipped_facts() -> None:
    result = factbot("check")
    assert result.returncode == 0 and result.stdout.startswith("ok:")


def test_check_fails_with_file_line_and_no_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "facts"
    shutil.copytree(FACTS, broken)
    (broken / "claim.yaml").write_text("facts:\n  - id: [oops\n", encoding="utf-8")
    result = factbot("--facts", str(broken), "check")
    assert result.returncode == 1
    assert "claim.yaml:" in result.stderr and "Traceback" not in result.stderr


def test_facts_dir_comes_from_environment_and_cwd(tmp_path: Path) -> None:
    result = factbot("check", cwd=tmp_path)
    assert result.returncode == 1 and "no *.yaml files" in result.stderr
    result = factbot("check", cwd=tmp_path, env={"FACTBOT_FACTS_DIR": str(FACTS)})
    assert result.returncode == 0


@pytest.mark.parametrize("args", [["--help"], ["ask", "--help"], ["check", "--help"]])
def test_help_explains_itself(args: list[str]) -> None:
    result = factbot(*args)
    assert result.returncode == 0 and "usage:" in result.stdout
