"""The bot's state: one interface (`Store`), SQLite for one machine, PostgreSQL beyond it."""

from __future__ import annotations

from bot.config import Settings
from bot.store.base import Delivery, SharedBudget, Store
from bot.store.postgres import PostgresStore
from bot.store.sqlite import SQLiteStore

__all__ = ["Delivery", "PostgresStore", "SQLiteStore", "SharedBudget", "Store", "open_store"]


def open_store(settings: Settings) -> Store:
    """PostgreSQL when FACTBOT_DATABASE_URL is set, else SQLite in the data folder (not yet opened)."""
    if settings.database_url is not None:
        return PostgresStore(settings.database_url.get_secret_value(), lease=settings.delivery_lease)
    return SQLiteStore(settings.data_dir / "factbot.sqlite3")
