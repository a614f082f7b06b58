"""Settings: one class, read from arguments, then the environment, then `.env`, then defaults."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
)

from bot.errors import ConfigError
from bot.logs import TOKEN_PATTERN
from bot.thresholds import Thresholds

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


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
    # The router's trained classifier, by the hash of the examples: a restart on the same facts reuses it.
    cache_dir: Path = Field(default_factory=lambda: Path.home() / ".cache" / "factbot")
    base_url: str = "https://api.telegram.org/bot"
    webhook_url: str | None = None
    # The webhook's listener: loopback by default, for a reverse proxy in front (see the README).
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: SecretStr | None = None
    # Seconds a connection to the webhook has to send a request's head, then its body, and may idle
    # between requests; and how many connections it may hold open at once.
    webhook_timeout: int = Field(default=10, ge=1)
    webhook_max_connections: int = Field(default=100, ge=1)
    # TLS served by the bot itself, without a reverse proxy: the certificate (PEM, its chain after it)
    # and its private key (PEM, no passphrase). Both or neither.
    webhook_cert: Path | None = None
    webhook_key: Path | None = None
    # The health endpoint (`factbot health` asks it): http://127.0.0.1:<port>/healthz.
    health_port: int = Field(default=8081, ge=1, le=65535)
    admin_ids: list[int] = []
    rate_limit: bool = True
    log_level: LogLevel = "INFO"
    thresholds: Thresholds = Thresholds()
    reload_debounce_ms: int = Field(default=400, ge=10)
    # Talking to Telegram: seconds to connect, and to wait for an answer or for a request to go out.
    connect_timeout: float = Field(default=10.0, gt=0)
    read_timeout: float = Field(default=20.0, gt=0)
    write_timeout: float = Field(default=20.0, gt=0)
    # Server errors and timeouts are retried this many times, after backoff, 2×backoff, 4×backoff… seconds.
    retries: int = Field(default=4, ge=0, le=10)
    backoff: float = Field(default=0.5, ge=0)
    # A 429 on an answer is waited out this many times before the answer is given up.
    max_retry_after: int = Field(default=8, ge=0)
    # Messages a second into chats at most, answers, updates and notices together (Telegram's limit).
    send_rate: float = Field(default=30.0, gt=0, le=1000)
    concurrent_updates: int = Field(default=16, ge=1)
    max_question_chars: int = Field(default=1000, ge=1)
    # How long a question is remembered to read a follow-up with ("and in noshki?"); 0 forgets at once.
    follow_up_seconds: float = Field(default=600.0, ge=0)
    # Updates to subscribed chats: messages a second overall, seconds between two into one chat,
    # and how many times a delivery is tried (with backoff) before it is dropped.
    # Unset: 20, or 1000 with paid broadcasts (FACTBOT_PAID_BROADCAST), Telegram's ceiling for those.
    broadcast_rate: float | None = Field(default=None, ge=0, le=1000)
    # Updates sent with allow_paid_broadcast: past the free 30 a second, for Telegram Stars.
    paid_broadcast: bool = False
    # Update messages in flight at once (one per chat at most): after a hard kill, at most this many
    # can arrive twice.
    broadcast_in_flight: int = Field(default=8, ge=1)
    private_gap: float = Field(default=1.0, ge=0)
    group_gap: float = Field(default=3.0, ge=0)
    delivery_attempts: int = Field(default=8, ge=1)
    delivery_backoff: float = Field(default=5.0, ge=0)
    # Fair use: a user may ask `fair_burst` questions in `fair_burst_seconds` and `fair_per_minute`
    # a minute; a group `fair_group_per_minute` a minute from everyone in it. 0 is no limit.
    fair_burst: int = Field(default=5, ge=0)
    fair_burst_seconds: float = Field(default=10.0, gt=0)
    fair_per_minute: int = Field(default=20, ge=0)
    fair_group_per_minute: int = Field(default=20, ge=0)
    # Inline queries: a user may send `fair_inline_burst` in `fair_burst_seconds`, and
    # `fair_inline_per_minute` a minute. 0 is no limit.
    fair_inline_burst: int = Field(default=20, ge=0)
    fair_inline_per_minute: int = Field(default=60, ge=0)
    # PostgreSQL (postgresql://user:password@host/db) for several processes; unset: SQLite in data_dir.
    database_url: SecretStr | None = None
    # Seconds a process holds a delivery it claimed before others may take it (should it have died).
    delivery_lease: float = Field(default=60.0, gt=0)
    # Question counts are written to the database this often (seconds).
    flush_every: float = Field(default=1.0, gt=0)

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

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_case(cls, value: object) -> object:
        """`info` is as clear as `INFO`."""
        return value.upper() if isinstance(value, str) else value

    @field_validator("token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not TOKEN_PATTERN.fullmatch(value.get_secret_value()):
            raise ValueError("does not look like a bot token from @BotFather (digits:letters)")
        return value

    @model_validator(mode="after")
    def _certificate_with_its_key(self) -> Settings:
        if (self.webhook_cert is None) != (self.webhook_key is None):
            raise PydanticCustomError(
                "webhook_tls",
                "FACTBOT_WEBHOOK_CERT and FACTBOT_WEBHOOK_KEY: set both (the certificate and its private key) "
                "or neither (plain HTTP, for a reverse proxy that does TLS)",
            )
        return self

    @field_validator("database_url")
    @classmethod
    def _postgres_url(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith(("postgresql://", "postgres://")):
            raise ValueError("must start with postgresql:// (postgresql://user:password@host:5432/database)")
        return value

    @model_validator(mode="after")
    def _one_secret_for_all_replicas(self) -> Settings:
        """Behind a load balancer any process may get any update: each would make up its own secret."""
        if self.database_url is not None and self.webhook_url is not None and self.webhook_secret is None:
            raise PydanticCustomError(
                "webhook_secret",
                "FACTBOT_WEBHOOK_SECRET: required with FACTBOT_DATABASE_URL in webhook mode, the same in every "
                "process (for example: openssl rand -hex 32)",
            )
        return self

    @property
    def update_rate(self) -> float:
        """Update messages a second at most, all processes together."""
        if self.broadcast_rate is not None:
            return self.broadcast_rate
        return 1000.0 if self.paid_broadcast else 20.0

    def require_token(self) -> SecretStr:
        if self.token is None:
            raise ConfigError("FACTBOT_TOKEN is not set: put the token from @BotFather in it (or in .env)")
        return self.token


def load_settings(**overrides: Any) -> Settings:
    """Settings with `overrides` (from the command line) on top; errors name the variable."""
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except SettingsError as exc:
        # pydantic-settings reads list and nested values as JSON before validating them.
        field = re.search(r'field "([^"]+)"', str(exc))
        name = "FACTBOT_" + field.group(1).upper() if field else "a FACTBOT_ setting"
        raise ConfigError(f"{name}: not valid JSON (a list is written [123, 456], with the brackets)") from None
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            name = "FACTBOT_" + "__".join(str(p).upper() for p in err["loc"])
            lines.append(f"{name}: {err['msg']}" if err["loc"] else err["msg"])  # a rule across settings names them
        raise ConfigError("; ".join(lines)) from None
