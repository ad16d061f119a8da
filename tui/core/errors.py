"""Errors a user may see. Each carries a one-line message; the CLI prints it and exits 2."""

from __future__ import annotations

import errno
import sqlite3


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


class NoSpace(ChartdeskError):
    """A write failed because the disk (or the clinic's share) is full: nothing was lost, the
    caller keeps the text and tries again when there is room."""


def is_disk_full(exc: BaseException) -> bool:
    """True for "no space left": an OSError with ENOSPC or EDQUOT, or SQLite's SQLITE_FULL
    (classified by error code, never by message text)."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        return code is not None and code & 0xFF == sqlite3.SQLITE_FULL
    return False
