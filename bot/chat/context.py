"""The services every handler uses, typed through PTB's customised context instead of casts
out of `bot_data` (python-telegram-bot's contexttypesbot example)."""

from __future__ import annotations

import asyncio
from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot

from bot.chat.broadcast import Broadcaster
from bot.chat.clock import Clock
from bot.chat.throttle import Throttle
from bot.config import Settings
from bot.core import Core, ServingCore
from bot.reload import Reloader
from bot.store import Store


class Services:
    """`bot_data`: PTB creates it empty with the application; `build_application` fills it in
    before any update is handled."""

    settings: Settings
    serving: ServingCore
    store: Store
    reloader: Reloader
    broadcaster: Broadcaster
    throttle: Throttle
    clock: Clock

    def __init__(self) -> None:
        self.background: list[asyncio.Task[None]] = []  # started after start-up, cancelled at stop


class Context(CallbackContext[ExtBot[int], dict[Any, Any], dict[Any, Any], Services]):
    @property
    def services(self) -> Services:
        return self.bot_data

    @property
    def core(self) -> Core:
        """The facts being served now; read it once per update so a reload never splits one."""
        return self.bot_data.serving.current

    @property
    def store(self) -> Store:
        return self.bot_data.store

    @property
    def settings(self) -> Settings:
        return self.bot_data.settings


App = Application[ExtBot[int], Context, dict[Any, Any], dict[Any, Any], Services, None]
