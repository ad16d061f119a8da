"""What the headless commands print: the one place their output meets the terminal.

Text output goes through `visible` (a note, a file name or a draft may carry control sequences;
DESIGN.md: "everything printed ... has control characters made harmless"); JSON output is
written by `json.dumps` with ASCII escapes, which escape every control character while keeping
names exact for scripts. Fields of a one-line-per-entry listing are made single-line with
`field` before they are joined, so a newline in a file name cannot break a listing.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from tui.core.errors import one_line
from tui.core.security.terminal_text import visible


def emit(args: argparse.Namespace, data: Any, text: str) -> None:
    """Print JSON with --json, else the human-readable text."""
    if getattr(args, "json", False):
        print(json.dumps(data, indent=2, ensure_ascii=True))
    else:
        print(visible(text, multiline=True))


def field(text: object) -> str:
    """One field of a listing line: always one line, controls shown."""
    return visible(str(text))


def warn(text: str) -> None:
    """A line for stderr (a problem beside the output)."""
    print(visible(text, multiline=True), file=sys.stderr)


def fail(message: str, exit_code: int = 2) -> int:
    """Report an error as the one line on stderr the headless contract promises."""
    print(f"chartdesk: {visible(one_line(message))}", file=sys.stderr)
    return exit_code
