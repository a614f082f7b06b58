"""The `factbot` command as a user runs it: a real subprocess, real files."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.core import Core
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


def test_piped_answers_are_a_blank_line_apart() -> None:
    result = factbot("ask", stdin="who did it\nbitcoin price\n")
    claim, decline = result.stdout.rstrip("\n").split("\n\n")
    assert "Baloch Liberation Army" in claim and decline.startswith("Sorry")


def test_a_reader_that_stops_early_ends_the_run_quietly() -> None:
    """`factbot ask < questions | head -1`: no traceback when the pipe closes."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdin is not None and process.stdout is not None and process.stderr is not None
    process.stdin.write(b"who did it\n" * 2000)
    process.stdin.close()
    assert b"BLA" in process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


def test_ask_on_a_terminal_prompts_until_ctrl_d() -> None:
    terminal, stdin = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "ask"],
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        os.close(stdin)
        os.write(terminal, b"who did it\n\x04")
        stdout, stderr = process.communicate(timeout=60)
    finally:
        os.close(terminal)
    assert process.returncode == 0 and "Ctrl-D ends" in stderr
    assert stdout.startswith("> ") and "Baloch Liberation Army" in stdout


def test_check_passes_on_shipped_facts(core: Core) -> None:
    result = factbot("check")
    assert result.returncode == 0 and result.stdout.startswith("ok:")
    assert f"{core.router.choice_count} example questions" in result.stdout  # what the router scores


def test_check_fails_with_file_line_and_no_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "facts"
    shutil.copytree(FACTS, broken)
    (broken / "claim.yaml").write_text("facts:\n  - id: [oops\n", encoding="utf-8")
    for args in (["--facts", str(broken), "check"], ["check", "--facts", str(broken)]):
        result = factbot(*args)
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


@pytest.mark.parametrize(
    ("args", "expected", "absent"),
    [
        (["ask", "حملے کس نے کیے؟"], "ذریعہ:", "Source:"),  # auto: Urdu script is answered in Urdu
        (["ask", "--language", "ur", "who claimed the attacks?"], "بلوچ لبریشن آرمی", "Source:"),
        (["ask", "--language", "en", "حملے کس نے کیے؟"], "Baloch Liberation Army", "ذریعہ:"),
    ],
)
def test_ask_answers_in_urdu_by_script_or_by_choice(args: list[str], expected: str, absent: str) -> None:
    result = factbot(*args)
    assert result.returncode == 0 and expected in result.stdout and absent not in result.stdout


def test_ask_json_says_the_language_of_each_answer() -> None:
    result = factbot("ask", "--json", stdin="کتنے شہری مارے گئے\nhow many civilians were slain\n")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["language"], r["facts"]) for r in records] == [
        ("ur", ["civilians-killed"]),
        ("en", ["civilians-killed"]),
    ]
    assert "31 شہری" in records[0]["text"]


@pytest.mark.parametrize(("given", "used"), [(None, "1"), ("false", "false")])
def test_factbot_opts_into_ptb_timedelta_periods_unless_the_operator_chose(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], given: str | None, used: str
) -> None:
    if given is None:
        monkeypatch.delenv("PTB_TIMEDELTA", raising=False)
    else:
        monkeypatch.setenv("PTB_TIMEDELTA", given)
    assert main(["check", "--facts", str(FACTS)]) == 0
    assert os.environ["PTB_TIMEDELTA"] == used
