"""Settings: typed, named after their variables in every error, and one token shape for both
validation and log redaction."""

from __future__ import annotations

import pytest

from bot.config import load_settings
from bot.errors import ConfigError
from bot.logs import redact
from tests.botapi import TOKEN


def test_log_level_is_one_of_the_levels_in_any_case() -> None:
    assert load_settings(log_level="debug").log_level == "DEBUG"
    with pytest.raises(ConfigError, match="FACTBOT_LOG_LEVEL"):
        load_settings(log_level="chatty")


def test_operator_tunables_are_validated() -> None:
    settings = load_settings(group_gap=0.5, retries=2)
    assert (settings.group_gap, settings.retries) == (0.5, 2)
    with pytest.raises(ConfigError, match="FACTBOT_BROADCAST_RATE"):
        load_settings(broadcast_rate=-1)
    with pytest.raises(ConfigError, match="FACTBOT_SEND_RATE: Input should be greater than 0"):
        load_settings(send_rate=0)


def test_the_token_shape_that_is_accepted_is_the_one_redacted() -> None:
    assert load_settings(token=TOKEN).require_token().get_secret_value() == TOKEN
    assert TOKEN not in redact(f"POST https://api.telegram.org/bot{TOKEN}/sendMessage")


def test_replicas_in_webhook_mode_need_one_shared_secret() -> None:
    url = "postgresql://factbot:pw@127.0.0.1/factbot"
    with pytest.raises(ConfigError, match="FACTBOT_WEBHOOK_SECRET: required with FACTBOT_DATABASE_URL"):
        load_settings(database_url=url, webhook_url="https://bot.example.org/factbot")
    assert load_settings(database_url=url, webhook_url="https://bot.example.org/f", webhook_secret="s").database_url
    assert load_settings(database_url=url).webhook_secret is None  # long polling: one process, no webhook
    with pytest.raises(ConfigError, match="FACTBOT_DATABASE_URL: Value error, must start with postgresql://"):
        load_settings(database_url="mysql://factbot@127.0.0.1/factbot")


@pytest.mark.parametrize(
    ("settings", "rate"),
    [({}, 20.0), ({"paid_broadcast": True}, 1000.0), ({"paid_broadcast": True, "broadcast_rate": 300}, 300.0)],
)
def test_paid_broadcasts_raise_the_update_rate_unless_it_is_set(settings: dict[str, object], rate: float) -> None:
    assert load_settings(**settings).update_rate == rate
