"""A throwaway PostgreSQL server on 127.0.0.1 for the tests: the Debian package's initdb and pg_ctl,
run as the postgres user when we are root (initdb refuses root), in a temporary folder, stopped by
its postmaster's pid. Durability is off: nothing in it outlives the session."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MISSING = (
    "PostgreSQL's server programs were not found (/usr/lib/postgresql/*/bin/initdb): "
    "install them with `apt-get install -y postgresql` (.ci/run does)"
)


@dataclass(frozen=True)
class Postgres:
    port: int
    folder: Path

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres:pw-never-checked@127.0.0.1:{self.port}/{database}"


def _binaries() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise RuntimeError(MISSING)
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def running_postgres() -> Iterator[Postgres]:
    bin_dir = _binaries()
    as_postgres: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="factbot-pg-"))
    if os.geteuid() == 0:
        as_postgres = ["runuser", "-u", "postgres", "--"]
        owner = pwd.getpwnam("postgres")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    data, port = folder / "data", _free_port()
    try:
        subprocess.run(
            [*as_postgres, str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"],
            check=True,
            capture_output=True,
        )
        options = (
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=200 -c shared_buffers=64MB"
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
        yield Postgres(port, folder)
    finally:
        _stop(data / "postmaster.pid")
        shutil.rmtree(folder, ignore_errors=True)


def _stop(pid_file: Path) -> None:
    """SIGINT (PostgreSQL's fast shutdown) to the postmaster, then wait for it to go."""
    try:
        pid = int(pid_file.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGINT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            os.kill(pid, 0)
            time.sleep(0.05)
        os.kill(pid, signal.SIGKILL)
