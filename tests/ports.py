"""A free port on loopback for a server a test starts."""

from __future__ import annotations

import random
import socket
from pathlib import Path

LOWEST = 10000  # below this, well-known and registered services


def _ephemeral_floor() -> int:
    """The lowest port the kernel hands out as the source of an outgoing connection (Linux; 32768
    elsewhere)."""
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_port() -> int:
    """A port free now, below the ephemeral range. One the kernel picks (`bind(("", 0))`) comes from
    that range, where it may become the source port of some test's outgoing connection before the
    server binds it ("Address already in use", seen once in CI)."""
    ceiling = _ephemeral_floor()
    for _ in range(200):
        port = random.randrange(LOWEST, ceiling)
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port between {LOWEST} and {ceiling}")
