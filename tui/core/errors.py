"""Errors a user may see. Each carries a one-line message; the CLI prints it and exits 2."""

from __future__ import annotations


class ChartdeskError(Exception):
    """Bad usage or bad input, reported as one line on stderr with exit code 2."""

    exit_code = 2


class ConfigError(ChartdeskError):
    """A context.toml or Skill file that does not validate: ``FILE:LINE: field: problem``."""


def one_line(message: str) -> str:
    """`message` with its line breaks folded, for the one line a command prints on stderr."""
    return " ".join(message.split()) or "unknown error"


def describe_os_error(exc: OSError) -> str:
    """An OSError as one readable line: ``reason: path`` (``reason: path -> other`` for moves)."""
    reason = exc.strerror or str(exc) or exc.__class__.__name__
    names = [str(name) for name in (exc.filename, exc.filename2) if name is not None]
    return one_line(f"{reason}: {' -> '.join(names)}" if names else reason)
