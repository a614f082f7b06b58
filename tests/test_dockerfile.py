"""The Docker image, checked without an engine: what it copies exists, it runs as a non-root user,
keeps facts and data as volumes, and asks the running bot for its health. `.ci/run` also replays
its install steps (`pip install .` from the same files into a fresh environment, then `factbot
check` and `factbot run --help`)."""

from __future__ import annotations

import re

from tests.conftest import ROOT

DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def instructions(name: str) -> list[str]:
    return [m.group(1).strip() for m in re.finditer(rf"^{name}\s+(.+)$", DOCKERFILE, re.MULTILINE)]


def test_the_base_is_a_slim_python_matching_the_project() -> None:
    [base] = instructions("FROM")
    assert re.fullmatch(r"python:3\.1[1-9]-slim(-\w+)?", base), base
    requires = re.search(r'requires-python\s*=\s*">=3\.(\d+)"', (ROOT / "pyproject.toml").read_text())
    assert requires is not None and int(base.split(".")[1].split("-")[0]) >= int(requires.group(1))


def test_everything_it_copies_exists_and_is_not_docker_ignored() -> None:
    ignored = {line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines() if line.strip()}
    for copy in instructions("COPY"):
        *sources, _ = copy.split()
        for source in sources:
            assert (ROOT / source).exists(), source
            assert source not in ignored, source
    assert {".venv", "data", ".env", ".git"} <= ignored


def test_it_runs_as_a_non_root_user_with_facts_and_data_as_volumes() -> None:
    [who] = instructions("USER")
    assert who not in {"root", "0"}
    assert DOCKERFILE.index("USER") > DOCKERFILE.index("RUN pip install")
    [volumes] = instructions("VOLUME")
    assert "/app/facts" in volumes and "/data" in volumes
    assert "FACTBOT_FACTS_DIR=/app/facts" in DOCKERFILE and "FACTBOT_DATA_DIR=/data" in DOCKERFILE


def test_it_has_a_health_check_and_runs_the_bot_by_default() -> None:
    [health] = instructions("HEALTHCHECK")
    assert '"factbot", "health"' in health  # the running bot, not the files on disk
    assert instructions("ENTRYPOINT") == ['["factbot"]'] and instructions("CMD") == ['["run"]']


def test_the_readme_shows_docker_run_for_polling_and_both_kinds_of_webhook() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    runs = re.findall(r"docker run [^`]+?(?=\n(?:#|```))", readme, re.DOTALL)
    assert len(runs) >= 2 and all("FACTBOT_TOKEN" in r for r in runs)
    [proxied, direct] = [r for r in runs if "--webhook-url" in r]
    # Published on the host's loopback only, for a reverse proxy there; inside, on every interface.
    assert "-p 127.0.0.1:8443:8443" in proxied and "FACTBOT_WEBHOOK_LISTEN=0.0.0.0" in proxied
    assert "FACTBOT_WEBHOOK_CERT" not in proxied
    # TLS served by the bot: published on every interface, the certificate and key from a read-only mount.
    assert "-p 8443:8443" in direct and "FACTBOT_WEBHOOK_LISTEN=0.0.0.0" in direct
    [mount] = re.findall(r':(/[\w/]+):ro"', direct)
    for setting in ("FACTBOT_WEBHOOK_CERT", "FACTBOT_WEBHOOK_KEY"):
        assert re.search(rf"{setting}={mount}/\S+", direct), setting
