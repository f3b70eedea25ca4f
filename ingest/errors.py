"""The one project error type: a one-line message saying what went wrong and what to do."""

from __future__ import annotations


class KonkyoError(Exception):
    """An error a user can act on. ``str(err)`` is one line: the problem, then the fix."""

    def __init__(self, problem: str, fix: str | None = None) -> None:
        self.problem = " ".join(problem.split())
        self.fix = " ".join(fix.split()) if fix else None
        super().__init__(self.problem if not self.fix else f"{self.problem}: {self.fix}")


class UnreadableFileError(KonkyoError):
    """A file that cannot be ingested; the pipeline reports it and goes on with the rest."""


class StoreError(KonkyoError):
    """The store is missing, unreachable, or was built with different settings."""


class ConfigError(KonkyoError):
    """A setting has a value konkyo cannot use."""
