"""The steps a patient took to do a task, read as results: "360-deg turn in 9 steps R, 11 steps
L", "Pull test: 4 steps backward", "Independent steps: 7 steps x 3 trials", "took 5 independent
steps", "Stairs: 8 steps w/ B rails SBA", "climbs 5 stairs holding the rail".

A clinician counts the steps a turn, a balance recovery, a child's first walk or a flight of
stairs took as a direct measure of the patient (`other`, CONVENTIONS: counts that are no named
test's result). A count of steps is read only in a sentence whose words before it name such a
task (data: measures.toml [stepped_counts] tasks), or with a task's end right after it ("to
recover", "backward"). It is never read where the sentence says the steps belong to a home
("3 steps to enter", "14 steps to the bedroom"), a plan or a norm, as a dose ("2 x 12 steps",
"x 10"), in a goal, nor as a cadence or a daily count ("steps/min", "steps/day": their readers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.text.alternation import letter_words
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.section_words import measure_words

# A count of steps or stairs, not a rate ("steps/min"), not a range's end ("0-2 steps") and not
# an exercise joined to the word ("step-ups").
_COUNT = re.compile(
    r"(?<![\d./:-])(?P<value>\d{1,2})(?![\d.])[ \t]+"
    r"(?:(?:independent|indep\.?|consecutive|reciprocal)[ \t]+)?(?:steps?|stairs)\b(?![-/])",
    re.IGNORECASE,
)
# A multiplier before the count ("2 x 12 steps", "x 8 steps"): a dose.
_DOSE_BEFORE = re.compile(r"(?:\bx|\u00d7|\d[ \t]*x|@)[ \t]*\Z", re.IGNORECASE)
# A multiplier after it that is not a count of trials ("8 steps x 3" is a dose, "7 steps x 3
# trials (best)" the best of three), or "each": a dose.
_DOSE_AFTER = re.compile(
    r"[ \t]*,?[ \t]*(?:(?:x|\u00d7)[ \t]*\d+(?![ \t]*(?:trials?|attempts?))|each\b|per\b)",
    re.IGNORECASE,
)
# The count's side said right after it ("9 steps R, 11 steps L").
_SIDE_AFTER = re.compile(r"[ \t]+(?:to[ \t]+(?:the[ \t]+)?)?(R|L|right|left)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Words:
    task: re.Pattern[str]
    result_after: re.Pattern[str]
    not_result: re.Pattern[str]


@cache
def _words() -> _Words:
    data = measure_words("stepped_counts")
    words, listed = data.words, data.either
    flags = re.IGNORECASE
    return _Words(
        task=letter_words(words("tasks")),
        result_after=re.compile(rf"[ \t]*,?[ \t]*(?:{listed('results_after')})\b", flags),
        not_result=letter_words(words("not_results")),
    )


def read_stepped_counts(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each count of the steps a task took (see the module)."""
    text = scanner.text
    if "step" not in text and "stair" not in text and "Step" not in text and "Stair" not in text:
        return
    words = _words()
    for match in line_scan(_COUNT, text):
        start, end = match.span("value")
        if (
            scanner.claimed(start, end)
            or scanner.in_header(start)
            or scanner.in_goal(start)
            or scanner.in_demands(start)  # "Job demands: climb 12 steps": the job's count
        ):
            continue
        line_start, line_end = scanner.line(start)
        # the count's stretch of its sentence: a semicolon opens another task ("Walked 300 ft;
        # climbed 12 steps"), a comma does not ("turn in 9 steps R, 11 steps L")
        opening = max(line_start, scanner.sentence(start)[0], text.rfind(";", 0, start) + 1)
        _, sentence_end = scanner.sentence(start)
        if _DOSE_BEFORE.search(text, max(line_start, start - 8), start):
            continue
        if _DOSE_AFTER.match(text, match.end()):
            continue
        if words.not_result.search(text, opening, min(line_end, sentence_end)):
            continue
        task = words.task.search(text, opening, start)
        if task is None and words.result_after.match(text, match.end()) is None:
            continue
        found = attribute(scanner, start, end)
        side_after = _SIDE_AFTER.match(text, match.end())
        side = labels.side_name(side_after.group(1)) if side_after else found.side
        clause = max(opening, scanner.clause_start(start))
        name = labels.context_words(text[clause:start], 4) or labels.context_words(
            text[opening:start], 4
        )
        named = labels.without_sides(name)
        label = labels.join(side, named, "" if "step" in named.lower() else "steps")
        label += found.previous
        scanner.emit(facts, "other", int(match.group("value")), (start, end), label, unit="steps")
