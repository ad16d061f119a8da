"""A log of one measure by numbered visits or weeks: every value but the latest is an earlier one.

"R hip flexion PROM by week: wk 1 70°, wk 3 92°, wk 5 105°", "Wk 2: 95, Wk 6: 118", or one row
a line ("Visit 2 - 95" / "Visit 6 - 118"): each value is led by its week, visit or day and its
number, and the numbers say the order the values were taken in. The values led by a lower
number than the log's highest are earlier ones; the highest is left to the words around it
(the log may end with today's value or an earlier one). A log is a run of such leads with the
same word (its first letter, so "wk" and "week" are one word), at most a line apart; a lead
whose value no reader took ("wk 1 2x/day") is no value of the log. The words are data
(measures.toml [attribution] timepoint). Each lead is read once, so the pass is linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.labels import as_earlier, may_be_earlier
from tui.core.checks.measures.listed_values import normalised
from tui.core.checks.tables import attribution_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner

# How far apart two leads of one log may stand: a row of values, or one row a line.
_GAP = 80


@cache
def _lead() -> re.Pattern[str]:
    """A numbered timepoint straight before a value, with a colon, a dash or an equals sign
    between them or none ("wk 1 70°", "Wk 2: 95", "Visit 6 - 118", "V3 = 41")."""
    words = either(attribution_words().get("timepoint", ()))
    return re.compile(
        rf"(?<![A-Za-z0-9])(?P<word>{words})[ \t]*#?[ \t]*(?P<number>\d{{1,2}})(?![\d./])"
        r"[ \t]*(?:\([^()\n]{0,20}\)[ \t]*)?(?:[:=]|[-\u2013](?=[ \t]))?[ \t]*(?=[-+~]?\d)",
        re.IGNORECASE,
    )


@dataclass(frozen=True)
class _Lead:
    key: str
    number: int
    value_at: int
    start: int


def mark_numbered_timepoints(
    scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]
) -> None:
    """Label "(previous)" the values of a numbered log led by a lower number than its latest."""
    starts = {
        start: index
        for index, fact in enumerate(facts)
        if (start := normalised(scanner, fact.span[0])) is not None
    }
    leads = [
        _Lead(found["word"][0].lower(), int(found["number"]), found.end(), found.start())
        for found in _lead().finditer(scanner.text)
        if found.end() in starts
    ]
    for log in _logs(scanner.text, leads):
        latest = max(lead.number for lead in log)
        for lead in log:
            index = starts[lead.value_at]
            if lead.number < latest and may_be_earlier(facts[index]):
                facts[index] = as_earlier(facts[index])


def _logs(text: str, leads: list[_Lead]) -> list[list[_Lead]]:
    """The leads in runs of two or more with the same word, each within reach of the last and
    at most one line break from it."""
    runs: list[list[_Lead]] = []
    for lead in leads:
        run = runs[-1] if runs else None
        if (
            run is not None
            and run[-1].key == lead.key
            and lead.start - run[-1].value_at <= _GAP
            and text.count("\n", run[-1].value_at, lead.start) <= 1
        ):
            run.append(lead)
        else:
            runs.append([lead])
    return [run for run in runs if len(run) > 1]
