"""Logging that cannot carry note text: for `chartdesk watch` (journald) and the review app.

chartdesk's own log calls pass ids, counts and file names only, but an exception's message is
whatever raised it: a parser that choked on a header value, an SDK error that quotes a request.
So `PrivateFormatter` writes an exception as its type and where it was raised (file, line and
function of each frame), never its message, its arguments or any local variable; and every
message goes through `visible`, so a file name cannot inject terminal controls or extra lines.

The HTTP stack's loggers (the anthropic SDK, httpx2, httpcore2) log request bodies at DEBUG
when ``ANTHROPIC_LOG=debug`` is set; `configure` holds them at WARNING whatever the
environment says, since those bodies are notes.
"""

from __future__ import annotations

import logging
import os
import traceback
from pathlib import Path
from types import TracebackType
from typing import Final, TextIO

from tui.core.security.terminal_text import visible

FORMAT: Final = "%(asctime)s %(levelname)s %(name)s: %(message)s"
QUIET_LOGGERS: Final = ("anthropic", "httpx2", "httpcore2", "httpx", "httpcore")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


class PrivateFormatter(logging.Formatter):
    """Log lines with ids and places, never the text inside an exception."""

    def __init__(self) -> None:
        super().__init__(FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        """The message (made visible) and, for an exception, its types and places only; no
        cached traceback text and no stack dump is ever used."""
        record.message = record.getMessage()
        record.asctime = self.formatTime(record, self.datefmt)
        text = visible(self.formatMessage(record))
        if record.exc_info:
            text += "\n" + self.formatException(record.exc_info)
        return text

    def formatException(self, ei: ExcInfo) -> str:
        """The exception chain by type and frames: ``ValueError at tui/core/x.py:12 in f``."""
        _kind, error, _tb = ei
        lines: list[str] = []
        seen: set[int] = set()
        while error is not None and id(error) not in seen:
            seen.add(id(error))
            frames = traceback.extract_tb(error.__traceback__)
            where = " <- ".join(
                f"{_short(frame.filename)}:{frame.lineno} in {frame.name}"
                for frame in reversed(frames)
            )
            lines.append(f"  {type(error).__name__}" + (f" at {where}" if where else ""))
            error = error.__cause__ or error.__context__
        return "\n".join(lines)


def configure(stream: TextIO, level: int = logging.INFO) -> logging.Handler:
    """Send every log record to `stream` through `PrivateFormatter`, replacing the handlers
    installed so far (the SDK's ``ANTHROPIC_LOG`` basicConfig included); warnings too."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(PrivateFormatter())
    install(handler, level)
    return handler


def configure_file(path: Path, level: int = logging.WARNING) -> logging.Handler:
    """Log to a private file (0600): the review app's log, which must not write over the
    screen it draws."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    handler.setFormatter(PrivateFormatter())
    install(handler, level)
    return handler


def install(handler: logging.Handler, level: int = logging.INFO) -> None:
    """Make `handler` (with a `PrivateFormatter`) the only destination of log records."""
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    quiet_http_loggers()
    logging.captureWarnings(True)


def quiet_http_loggers() -> None:
    """Hold the HTTP stack's loggers at WARNING (their DEBUG records hold request bodies).
    Called again where the SDK is imported, because importing it applies ANTHROPIC_LOG."""
    for name in QUIET_LOGGERS:
        quiet = logging.getLogger(name)
        quiet.setLevel(logging.WARNING)
        for old in list(quiet.handlers):
            quiet.removeHandler(old)


def _short(filename: str) -> str:
    """A frame's file from the package down (``tui/core/pipeline.py``), not a home path."""
    parts = filename.replace("\\", "/").split("/")
    for anchor in ("tui", "site-packages"):
        if anchor in parts:
            index = len(parts) - 1 - parts[::-1].index(anchor)
            return "/".join(parts[index + (anchor == "site-packages") :])
    return parts[-1]
