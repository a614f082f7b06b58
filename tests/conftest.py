"""Shared fixtures: the shipped fact base, a core built from it, and a scratch copy to break."""

from __future__ import annotations

import asyncio
import compileall
import itertools
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.chat.app import build_application
from bot.chat.clock import Clock
from bot.chat.context import App
from bot.config import Settings
from bot.core import Core, ServingCore, build_core
from bot.factbase import FactBase
from bot.store import PostgresStore, SQLiteStore, Store, open_store
from tests.botapi import TOKEN, BotAPIServer
from tests.pg import Postgres, running_postgres, shared_postgres, stop_shared_postgres

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts"
LABELLED = Path(__file__).resolve().parent / "data" / "labelled.yaml"
WORKER = os.environ.get("PYTEST_XDIST_WORKER")  # gw0, gw1... in an xdist worker; None otherwise
# One classifier cache for every worker, every core the tests build and every `factbot` process they
# start (the variable is inherited): the shipped facts are trained on once, not once per core.
CACHE = Path(tempfile.gettempdir()) / f"factbot-tests-{os.getuid()}"
os.environ["FACTBOT_CACHE_DIR"] = str(CACHE)
os.environ.setdefault("PTB_TIMEDELTA", "1")  # as `factbot` does (bot/cli.py): timedelta time periods


def pytest_configure(config: pytest.Config) -> None:
    """Compile the bot's modules once, before any worker starts: the `factbot` processes the tests
    start then read the bytecode instead of each compiling every module again (with
    PYTHONDONTWRITEBYTECODE set, as on CI's machines, no process would ever write it)."""
    if WORKER is None:
        compileall.compile_dir(ROOT / "bot", quiet=1)


@pytest.fixture(scope="session")
def core() -> Core:
    return build_core(FACTS, cache_dir=CACHE)


@pytest.fixture(scope="session")
def factbase(core: Core) -> FactBase:
    return core.factbase


@pytest.fixture
def facts_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped facts, for tests that edit or break them."""
    target = tmp_path / "facts"
    shutil.copytree(FACTS, target)
    return target


@pytest.fixture(scope="session")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Postgres]:
    """One throwaway PostgreSQL server for the whole run (started only if a test asks for it):
    under pytest-xdist, one that every worker shares (see `shared_postgres`), not one each."""
    if WORKER is None:
        with running_postgres() as server:
            yield server
    else:
        yield shared_postgres(tmp_path_factory.getbasetemp().parent, int(os.environ["PYTEST_XDIST_WORKER_COUNT"]))


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The controller of an xdist run stops the workers' shared server, once they are all done."""
    if WORKER is None and session.config.getoption("dist", "no") != "no":
        stop_shared_postgres(session.config._tmp_path_factory.getbasetemp())  # the workers' common folder


_databases = itertools.count(1)


@pytest.fixture
def database_url(postgres: Postgres) -> str:
    """A new, empty database on the run's server, for one test (named for the worker: they share it)."""
    return asyncio.run(postgres.create_database(f"test_{WORKER or 'main'}_{next(_databases)}"))


StoreFactory = Callable[[], Store]


@pytest.fixture(params=["sqlite", "postgresql"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> StoreFactory:
    """New handles (not yet opened) on one database for the test, of each kind in turn."""
    if request.param == "sqlite":
        return lambda: SQLiteStore(tmp_path / "factbot.sqlite3")
    url = request.getfixturevalue("database_url")
    return lambda: PostgresStore(url)


@pytest.fixture
async def api() -> AsyncIterator[BotAPIServer]:
    """A Bot API server on 127.0.0.1 that the bot under test talks to."""
    server = BotAPIServer()
    await server.start()
    yield server
    await server.stop()


@dataclass(frozen=True)
class Certificates:
    """TLS files for 127.0.0.1: a self-signed certificate, and one signed by a test authority."""

    self_signed: tuple[Path, Path]  # certificate, private key
    authority: Path  # the authority's certificate
    signed: tuple[Path, Path]


@pytest.fixture(scope="session")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    """Made with the openssl command (EC keys: milliseconds), once per session."""
    folder = tmp_path_factory.mktemp("tls")

    def openssl(command: str) -> None:
        subprocess.run(["openssl", *command.split()], check=True, capture_output=True, cwd=folder)

    key = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2"
    openssl(f"req -x509 {key} -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout self.key -out self.pem")
    openssl(f"req -x509 {key} -subj /CN=Test-authority -keyout ca.key -out ca.pem")
    openssl(f"req {key} -subj /CN=127.0.0.1 -keyout signed.key -out signed.csr")
    (folder / "signed.ext").write_text("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n")
    openssl(
        "x509 -req -in signed.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile signed.ext -out signed.pem"
    )
    return Certificates(
        (folder / "self.pem", folder / "self.key"), folder / "ca.pem", (folder / "signed.pem", folder / "signed.key")
    )


BotFactory = Callable[..., Awaitable[App]]


def bot_settings(
    api: BotAPIServer, data_dir: Path, facts_dir: Path = FACTS, admin_ids: tuple[int, ...] = (), **settings: Any
) -> Settings:
    """Settings for a bot under test: the loopback Bot API server, a scratch data folder."""
    return Settings(
        token=TOKEN,
        base_url=api.base_url,
        data_dir=data_dir,
        facts_dir=facts_dir,
        admin_ids=list(admin_ids),
        reload_debounce_ms=50,
        **settings,
    )


def application(settings: Settings, clock: Clock | None = None, core: Core | None = None) -> App:
    """The bot on `core`, or else on a core built from `settings.facts_dir`."""
    serving = ServingCore(core or build_core(settings.facts_dir, cache_dir=settings.cache_dir))
    return build_application(settings, serving, open_store(settings), clock=clock)


@pytest.fixture
async def make_bot(api: BotAPIServer, tmp_path: Path, core: Core) -> AsyncIterator[BotFactory]:
    """Start the real application polling the loopback server, as `run_polling` would. A bot on
    the shipped facts serves the session's core (a core never changes; a reload builds a new one),
    which saves a tenth of a second of building per bot."""
    started: list[App] = []

    async def start(
        facts_dir: Path = FACTS, admin_ids: tuple[int, ...] = (), clock: Clock | None = None, **settings_: Any
    ) -> App:
        shared = core if facts_dir == FACTS else None
        app = application(bot_settings(api, tmp_path, facts_dir, admin_ids, **settings_), clock, shared)
        await app.initialize()
        if app.post_init is not None:
            await app.post_init(app)
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=1, allowed_updates=Update.ALL_TYPES)
        await app.start()
        started.append(app)
        return app

    yield start
    for app in started:
        assert app.updater is not None
        await app.updater.stop()
        await app.stop()
        if app.post_stop is not None:
            await app.post_stop(app)
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
        await app.shutdown()


@pytest.fixture
async def bot_app(make_bot: BotFactory) -> App:
    return await make_bot()


def add_update(
    facts_dir: Path, fact_id: str, statement: str, *, supersedes: tuple[str, ...] = (), said_on: str = "2026-02-03"
) -> None:
    """Write a made-up update into a scratch fact base, as an operator would (test data, not news),
    with its Urdu rendering in the same file (marked, not translated: it is test data too)."""
    path = facts_dir / f"update-{fact_id}.yaml"
    older = f"\n    supersedes: [{', '.join(supersedes)}]" if supersedes else ""
    path.write_text(
        f"""sources:
  - id: src-{fact_id}
    publisher: Test Wire
    title: A follow-up used only in tests
    date: {said_on}
facts:
  - id: {fact_id}
    topic: casualties
    title: Follow-up {fact_id}
    question: What did the follow-up {fact_id} say?
    statement: {statement}
    attribution: the test wire
    source: src-{fact_id}
    said_on: {said_on}
    update: true{older}
    examples: [follow-up {fact_id} report]
urdu:
  facts:
    {fact_id}:
      title: (اردو) Follow-up {fact_id}
      question: (اردو) What did the follow-up {fact_id} say?
      statement: (اردو) {statement}
      attribution: (اردو) the test wire
      examples: [فالو اپ {fact_id} رپورٹ]
""",
        encoding="utf-8",
    )


async def eventually(check: Callable[[], Awaitable[bool]], *, becomes: bool = True, timeout: float = 10.0) -> None:  # noqa: ASYNC109
    """Until the bot's own state (its database) shows `becomes`: nothing outside it signals that."""
    deadline = time.monotonic() + timeout
    while await check() is not becomes:
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the bot's state")
        await asyncio.sleep(0.02)


WORDS = [
    "amber",
    "birch",
    "cedar",
    "delta",
    "ember",
    "fjord",
    "grove",
    "heron",
    "indigo",
    "juniper",
    "kestrel",
    "lumen",
    "marsh",
    "nectar",
    "onyx",
]


def add_many_facts(facts_dir: Path, count: int, *, topic: str = "claim", statement_words: int = 12) -> list[str]:
    """Write `count` made-up facts into one topic of a scratch fact base (test data, not news), and
    their Urdu renderings into a second file; returns their ids. Names are spelt in words: the fact
    base refuses figures not in a source."""

    def name(n: int) -> str:
        return " ".join(WORDS[int(d)] for d in str(n))

    facts = []
    urdu = []
    for n in range(count):
        words = " ".join(WORDS[(n + i) % len(WORDS)] for i in range(statement_words))
        facts.append(
            f"""  - id: bulk-{n}
    topic: {topic}
    title: Bulk item {name(n)}
    question: What is bulk item {name(n)}?
    statement: Bulk item {name(n)} says {words}.
    attribution: the test wire
    source: src-bulk
    examples: [bulk item {name(n)} please]
"""
        )
        urdu.append(
            f"""    bulk-{n}:
      title: (اردو) Bulk item {name(n)}
      question: (اردو) What is bulk item {name(n)}?
      statement: (اردو) Bulk item {name(n)} says {words}.
      attribution: (اردو) the test wire
      examples: [بلک آئٹم {name(n)}]
"""
        )
    (facts_dir / "bulk.yaml").write_text(
        "sources:\n  - id: src-bulk\n    publisher: Test Wire\n    title: Made up for tests\n    date: 2026-02-03\n"
        "facts:\n" + "".join(facts),
        encoding="utf-8",
    )
    (facts_dir / "bulk-urdu.yaml").write_text("urdu:\n  facts:\n" + "".join(urdu), encoding="utf-8")
    return [f"bulk-{n}" for n in range(count)]
