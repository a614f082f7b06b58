"""A throwaway PostgreSQL server on 127.0.0.1 for the tests: the Debian package's initdb and pg_ctl,
run as the postgres user when we are root (initdb refuses root), in a temporary folder, stopped by
its postmaster's pid. Durability is off: nothing in it outlives the session."""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import glob
import json
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import asyncpg

from tests.ports import free_port

MISSING = (
    "PostgreSQL's server programs were not found (/usr/lib/postgresql/*/bin/initdb): "
    "install them with `apt-get install -y postgresql` (.ci/run does)"
)
SHARED_STATE = "postgres.json"  # where the run's shared server is, in the workers' common folder


@dataclass(frozen=True)
class Postgres:
    port: int
    folder: Path

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres:pw-never-checked@127.0.0.1:{self.port}/{database}"

    async def create_database(self, name: str) -> str:
        """A new, empty database on the server; its URL."""
        connection = await asyncpg.connect(self.url())
        try:
            await connection.execute(f"CREATE DATABASE {name}")
        finally:
            await connection.close()
        return self.url(name)


def _binaries() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise RuntimeError(MISSING)
    return Path(found[-1]).parent


def start_postgres(max_connections: int = 200) -> Postgres:
    """initdb and start a server in a new temporary folder; `stop_postgres` removes both."""
    bin_dir = _binaries()
    as_postgres: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="factbot-pg-"))
    if os.geteuid() == 0:
        as_postgres = ["runuser", "-u", "postgres", "--"]
        owner = pwd.getpwnam("postgres")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    data, port = folder / "data", free_port()
    try:
        subprocess.run(
            [*as_postgres, str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"],
            check=True,
            capture_output=True,
        )
        options = (
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            f"-c full_page_writes=off -c max_connections={max_connections} -c shared_buffers=64MB"
        )
        subprocess.run(
            [
                *as_postgres,
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(folder / "log"),
                "-w",
                "start",
            ],
            check=True,
            capture_output=True,
        )
    except BaseException:
        stop_postgres(Postgres(port, folder))
        raise
    return Postgres(port, folder)


def stop_postgres(server: Postgres) -> None:
    _stop(server.folder / "data" / "postmaster.pid")
    shutil.rmtree(server.folder, ignore_errors=True)


@contextlib.contextmanager
def running_postgres() -> Iterator[Postgres]:
    server = start_postgres()
    try:
        yield server
    finally:
        stop_postgres(server)


def shared_postgres(folder: Path, workers: int) -> Postgres:
    """The one server of a run spread over pytest-xdist's workers: started by the first worker
    that needs it (the others wait on a file lock, then read where it is), stopped by the
    controller's `stop_shared_postgres` once every worker is done. An initdb and a start cost
    seconds, so each worker starting its own made the run that much longer."""
    state = folder / SHARED_STATE
    with (folder / "postgres.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if state.exists():
            found = json.loads(state.read_text())
            return Postgres(found["port"], Path(found["folder"]))
        server = start_postgres(max_connections=200 * workers)  # as many as a server per worker had
        state.write_text(json.dumps({"port": server.port, "folder": str(server.folder)}))
        return server


def stop_shared_postgres(folder: Path) -> None:
    """Stop the run's shared server, if a worker started one."""
    state = folder / SHARED_STATE
    if state.exists():
        found = json.loads(state.read_text())
        stop_postgres(Postgres(found["port"], Path(found["folder"])))
        state.unlink()


def _stop(pid_file: Path) -> None:
    """SIGQUIT (PostgreSQL's immediate shutdown: nothing in it is kept) to the postmaster, then wait
    for it to go."""
    try:
        pid = int(pid_file.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGQUIT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            os.kill(pid, 0)
            time.sleep(0.05)
        os.kill(pid, signal.SIGKILL)


class Cable:
    """A TCP relay on 127.0.0.1 to the PostgreSQL server that a test can cut (its connections closed,
    new ones refused) and mend: a database lost mid-run, without stopping the session's server."""

    def __init__(self, url: str) -> None:
        self._target = urlsplit(url)
        self._server: asyncio.Server | None = None
        self._open: set[asyncio.StreamWriter] = set()
        self.port = 0

    @property
    def url(self) -> str:
        user = f"{self._target.username}:{self._target.password}"
        return self._target._replace(netloc=f"{user}@127.0.0.1:{self.port}").geturl()

    async def mend(self) -> None:
        self._server = await asyncio.start_server(self._relay, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def cut(self) -> None:
        assert self._server is not None
        self._server.close()
        for writer in self._open:
            writer.transport.abort()

    async def __aenter__(self) -> Cable:
        await self.mend()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.cut()

    async def _relay(self, client_in: asyncio.StreamReader, client_out: asyncio.StreamWriter) -> None:
        server_in, server_out = await asyncio.open_connection("127.0.0.1", self._target.port)
        self._open |= {client_out, server_out}
        try:
            await asyncio.gather(_pipe(client_in, server_out), _pipe(server_in, client_out))
        finally:
            self._open -= {client_out, server_out}
            for writer in (client_out, server_out):
                writer.transport.abort()


async def _pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
    """Until one side closes; then the other is closed too, as a direct connection would be."""
    with contextlib.suppress(OSError):
        while chunk := await source.read(65536):
            sink.write(chunk)
            await sink.drain()
    sink.transport.abort()
