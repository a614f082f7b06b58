"""The few exceptions factbot raises on purpose; everything else is a bug."""

from __future__ import annotations

from dataclasses import dataclass


class FactbotError(Exception):
    """Root of every error factbot raises deliberately, so callers can catch one type."""


class ConfigError(FactbotError):
    """A setting is missing or malformed; the message names the variable to fix."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the fact base, located so an operator can jump to it."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class FactBaseError(FactbotError):
    """The fact base does not load; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(sorted(set(problems)))
        super().__init__("\n".join(str(p) for p in self.problems))


class StoreUnavailable(FactbotError):
    """The shared database could not be reached, even after retries; what needed it waits or does without."""
