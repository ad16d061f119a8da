"""The Skill a note's billing calls for: a visit that bills an evaluation is drafted as one.

Read with the audit's own billing reader, so "97162 x1" in any of the ways notes bill counts and
"re-eval 97164 due next visit" does not. Only the lines that name a code of the table are read,
so planning a note stays cheap however long the note is; the checks (and their clinical
tables) are imported only for a note that names one, never at start-up.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files


@cache
def _documents() -> dict[str, str]:
    text = files("tui.core").joinpath("data", "documents.toml").read_text(encoding="utf-8")
    return {str(code): str(skill) for code, skill in tomllib.loads(text)["billed"].items()}


def billed_document(text: str) -> str:
    """The Skill id of the first code of the table the note bills, or "" when it bills none."""
    codes = _documents()
    lines = [line for line in text.splitlines() if any(code in line for code in codes)]
    if not lines:
        return ""
    from tui.core.checks.extract import extract_billing

    billed = extract_billing("\n".join(lines)).billed
    return next((skill for code, skill in codes.items() if billed.get(code)), "")
