"""docker-compose.yml, checked without an engine: PostgreSQL with a volume and a health check,
several bot replicas in webhook mode on it with one shared secret and one facts folder, and Caddy
in front with TLS, forwarding the webhook's path to every replica."""

from __future__ import annotations

import re
from typing import Any

import yaml

from tests.conftest import ROOT

COMPOSE: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
SERVICES: dict[str, Any] = COMPOSE["services"]


def test_postgres_keeps_its_data_in_a_volume_and_says_when_it_is_ready() -> None:
    postgres = SERVICES["postgres"]
    assert re.fullmatch(r"postgres:1[5-9]", postgres["image"])
    [volume] = postgres["volumes"]
    assert volume.split(":")[0] in COMPOSE["volumes"] and volume.endswith(":/var/lib/postgresql/data")
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])
    assert postgres["environment"]["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")


def test_the_bot_runs_as_several_webhook_replicas_on_one_database() -> None:
    bot = SERVICES["bot"]
    env = bot["environment"]
    assert bot["build"] == "."
    assert int(bot["deploy"]["replicas"].split(":-")[1].rstrip("}")) >= 2
    assert bot["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert env["FACTBOT_DATABASE_URL"] == "postgresql://factbot:${POSTGRES_PASSWORD}@postgres:5432/factbot"
    assert env["FACTBOT_WEBHOOK_SECRET"].startswith("${FACTBOT_WEBHOOK_SECRET:?")  # one, and required
    assert env["FACTBOT_WEBHOOK_LISTEN"] == "0.0.0.0" and env["FACTBOT_WEBHOOK_PORT"] == "8443"
    assert bot["volumes"] == ["./facts:/app/facts:ro"]  # one facts folder for all
    assert "ports" not in bot  # reached through Caddy only
    command = bot["command"]
    assert command[:2] == ["run", "--webhook-url"] and command[2].startswith("https://")


def test_caddy_serves_tls_and_forwards_the_webhook_path_to_every_replica() -> None:
    caddy = SERVICES["caddy"]
    assert "443:443" in caddy["ports"]
    [caddyfile] = [v.split(":")[0] for v in caddy["volumes"] if v.endswith(":/etc/caddy/Caddyfile:ro")]
    text = (ROOT / caddyfile).read_text(encoding="utf-8")
    path = SERVICES["bot"]["command"][2].split("}", 1)[1]
    assert text.count(f"handle {path} {{") == 1
    assert re.search(r"dynamic a bot 8443", text) and "lb_policy round_robin" in text
    assert text.lstrip().startswith("#") and "{$FACTBOT_DOMAIN} {" in text


def test_the_readme_runs_it_and_names_every_setting_it_needs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Running on more than one machine", 1)[1].split("\n## ", 1)[0]
    assert "docker compose up" in section
    for name in ("FACTBOT_TOKEN", "FACTBOT_WEBHOOK_SECRET", "POSTGRES_PASSWORD", "FACTBOT_DOMAIN"):
        assert name in section, name
