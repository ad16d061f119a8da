"""Minutes a reader gives one code, with where the text says so: what the clause readers of the
billing (code-led clauses, bracket-named minutes, sentences closed by their billed code, minutes
with their unit left out) hand back to billing.read_services."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CodeMinutes:
    """A code's minutes: where the reading starts and ends, and where the minutes are written."""

    code: str
    minutes: int
    start: int
    end: int
    minutes_start: int
    minutes_end: int
