"""Settings: one class, read from arguments, then the environment, then `.env`, then defaults."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from bot.errors import ConfigError
from bot.router import Thresholds

_TOKEN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{30,}$")


class Settings(BaseSettings):
    """Every setting is an environment variable `FACTBOT_<NAME>` (see config/example.env)."""

    model_config = SettingsConfigDict(
        env_prefix="FACTBOT_",
        env_file=".env",
        env_nested_delimiter="__",
        extra="ignore",
        frozen=True,
    )

    token: SecretStr | None = None
    facts_dir: Path = Path("facts")
    data_dir: Path = Path("data")
    base_url: str = "https://api.telegram.org/bot"
    webhook_url: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: SecretStr | None = None
    admin_ids: list[int] = []
    rate_limit: bool = True
    log_level: str = "INFO"
    thresholds: Thresholds = Thresholds()
    reload_debounce_ms: int = Field(default=400, ge=10)
    broadcast_rate: float = Field(default=20.0, ge=0, le=30)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Command-line arguments win over the environment, which wins over `.env`."""
        return init_settings, env_settings, dotenv_settings

    @field_validator("token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _TOKEN.match(value.get_secret_value()):
            raise ValueError("does not look like a bot token from @BotFather (digits:letters)")
        return value

    def require_token(self) -> SecretStr:
        if self.token is None:
            raise ConfigError("FACTBOT_TOKEN is not set: put the token from @BotFather in it (or in .env)")
        return self.token


def load_settings(**overrides: Any) -> Settings:
    """Settings with `overrides` (from the command line) on top; errors name the variable."""
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            name = "FACTBOT_" + "__".join(str(p).upper() for p in err["loc"])
            lines.append(f"{name}: {err['msg']}")
        raise ConfigError("; ".join(lines)) from None
