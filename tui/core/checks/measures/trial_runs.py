"""Runs of trials written with slashes, and the one side written for the whole run.

A clinician writes repeated trials of one test on one side as a run: "Grip R 31/33/30 kg",
"Lateral pinch 6.5/7.0/6.0 kg R". The side is written once, before the run's first value or
straight after its last, and names every trial of it; the value read is no different from its
neighbours in the run. A pair of sides written after the run ("3.0/4.5 kg (L/R)", "30/42 L/R")
is a legend with one side per value, read elsewhere (legends.py), never one side for all.

The units a trial may carry are data (label_shapes.toml [trial_runs]).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files

from tui.core.checks.text.alternation import either

_DATA = files("tui.core") / "data" / "label_shapes.toml"
_NUMBER = r"\d{1,3}(?:\.\d+)?"


@cache
def _run() -> re.Pattern[str]:
    """The rest of a run after one of its values: its unit, then one or more further values
    after slashes, each with its unit."""
    data = tomllib.loads(_DATA.read_text(encoding="utf-8")).get("trial_runs", {})
    unit = rf"(?:[ \t]*(?:{either(tuple(str(u) for u in data.get('units', ())))})(?![A-Za-z]))?"
    return re.compile(rf"{unit}(?:[ \t]*/[ \t]*{_NUMBER}(?!\d){unit})+", re.IGNORECASE)


def run_end(text: str, end: int) -> int:
    """Where the run of trials that goes on after the value ending at `end` stops; `end`
    itself when no further trial follows it."""
    found = _run().match(text, end)
    return found.end() if found else end


_VALUE = re.compile(rf"(?<![\w./]){_NUMBER}(?!\d)")


def run_first(text: str, line: tuple[int, int], start: int) -> tuple[int, int] | None:
    """The span of the first value of the run of trials that holds a later value starting at
    `start` ("Previous visit grip L 12/14/13 lb": 12 for the 14), or None when the value opens
    no run's later trial. What is said before the run ("Previous visit") is said of every
    trial of it, as its side is."""
    for value in _VALUE.finditer(text, max(line[0], start - _RUN_REACH), start):
        if run_end(text, value.end()) > start:
            return value.span()
    return None


# How far before a value its run's first trial may start: six trials with units and spaces
# ("12.5 kg / 13.0 kg / 12.0 kg / ...") fit well within it. Looking back to the line's start
# instead made each value of a long line cost the whole line before it (quadratic).
_RUN_REACH = 160
