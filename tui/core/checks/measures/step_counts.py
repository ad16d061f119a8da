"""A daily step count from a pedometer, a watch or a phone: "Step counter: avg 2,140 steps/day",
"averaging 3400 steps per day".

The count of steps a day is a direct measure of the patient's activity (`other`, CONVENTIONS:
counts that are no named test's result); it is written in thousands, often with a comma, which
no other reader takes as one number. Only a count of three to five digits right before "steps"
and a day ("/day", "per day", "a day", "daily") is read: a cadence ("98 steps/min"), the steps of
a turn ("7 steps"), a goal (blocked with its goal) and a count advised or a norm ("recommended
7000 steps daily", "norm for age ~7,000 steps/day") are not. Words are data (measures.toml
[step_counts]).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.others import context_label
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.anchored import Anchored, number_then
from tui.core.checks.text.other_people import relation_words
from tui.core.checks.text.scan import Scanner

# A count a plan or a limit walks "to" ("increase to 4000 steps/day", "walking to 1,000 steps/day").
_TO = re.compile(r"\bto[ \t]+(?:~|about[ \t]+|approx\.?[ \t]+)?\Z", re.IGNORECASE)


@cache
def _advised() -> re.Pattern[str]:
    words = [str(word) for word in measures_section("step_counts").get("advised", ())]
    return re.compile(rf"\b(?:{either(words)})\b", re.IGNORECASE)


@cache
def _someone_else() -> re.Pattern[str]:
    """A clause a relation opens as the one who walks ("Daughter averages 8000 steps/day",
    "Husband walks 6,000 steps per day with her"): that person's count. A relation who only
    tells the patient's count ("Daughter reports avg 3,000 steps/day") or whose phone counted
    it ("Dad's phone shows ...") leaves it the patient's."""
    told = either([str(word) for word in measures_section("step_counts").get("told", ())])
    return re.compile(
        rf"\A[ \t]*(?:(?:her|his|their|the|pt'?s|patient'?s)[ \t]+)?"
        rf"(?:{either(list(relation_words()))})[ \t]+(?!(?:{told})\b)[a-z]",
        re.IGNORECASE,
    )


@cache
def _count() -> Anchored:
    data = measures_section("step_counts")
    per_day = either([str(word) for word in data.get("per_day", ())])
    return number_then(
        re.compile(
            r"(?<![\d.,/])(\d{1,2},\d{3}|\d{3,5})(?![\d.,]\d)[ \t]*steps?"
            rf"[ \t]*(?:{per_day})\b",
            re.IGNORECASE,
        ),
        "step",
    )


def read_step_counts(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each free daily step count (see the module's docstring)."""
    for match in _count().finditer(scanner.text):
        start, end = match.span(1)
        if not scanner.free(start, end) or scanner.in_header(start):
            continue
        before = scanner.text[scanner.clause_start(start) : start]
        if _advised().search(before) or _TO.search(before):
            continue  # "Recommended 7000 steps daily", "norm for age ~7,000 steps/day"
        if _someone_else().match(before):
            continue  # "Daughter averages 8000 steps/day" is the daughter's
        value = int(match.group(1).replace(",", ""))
        label = context_label(scanner, start, end)
        scanner.emit(facts, "other", value, (start, end), label, unit="steps/day")
