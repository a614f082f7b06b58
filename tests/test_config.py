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
