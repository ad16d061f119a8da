"""An instrument's earlier score said in the next sentence, by a pronoun: "MSWS-12 54 out of
100. Last time it was 62." A dictation gives the score, then turns back to when it was taken
before; the pronoun's instrument is the one the sentence before ended on, and only a sentence
that names no other instrument and opens with that turn back is read.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.names import earlier_openers
from tui.core.checks.tables import MeasureDef
from tui.core.checks.text.lexicon import NUM, alternation
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

# The score ends its clause: no unit or noun after it ("it was 15 degrees outside").
# a full stop only where no digit follows: "it was 13.1" is never read as 13
_CLAUSE_END = r"(?=[ \t]*(?:[;,!\n]|\.(?!\d)|\Z|points?\b|pts\b))"


@cache
def _turned_back() -> re.Pattern[str]:
    """The next sentence's opening, on the same line or the next one's bullet: when, a pronoun,
    a copula and the score ("Last time it was 62", "At the eval it was 41"), or the pronoun
    first ("It was 62 last time")."""
    when = alternation(list(earlier_openers())) or "(?!x)x"
    pronoun = r"(?:it|that|the score|he|she|they)[ \t]+(?:was|were|had been|came to|scored)"
    return re.compile(
        r"[ \t]*(?:\n[ \t]*)?(?:[-*\u2022][ \t]+)?"
        rf"(?:(?:{when})[ \t,]+{pronoun}[ \t]+(?:a[ \t]+)?({NUM})(?:[ \t]+(?:{when}))?{_CLAUSE_END}"
        rf"|{pronoun}[ \t]+(?:a[ \t]+)?({NUM})[ \t]+(?:{when}){_CLAUSE_END}"
        # the score straight after a word of before, in the unit the score was read in:
        # "Modified ODI: 30%. Prior 42% (visit 1)."
        rf"|(?:prior|previous(?:ly)?|previous[ \t]+score)[ \t]*:?[ \t]*({NUM})(%?)"
        r"(?=[ \t]*(?:[.;,!\n(]|\Z))"
        # "7/13 today. (Was 10/13 on 02/26.)": a sentence that opens on "was" and a score out
        # of the same whole as the one just read
        rf"|\(?[ \t]*(?:was|were)[ \t]+({NUM})[ \t]*/[ \t]*(\d{{1,3}})(?![\d/]|\.\d))",
        re.IGNORECASE,
    )


def read_said_earlier(
    scanner: Scanner, facts: list[Fact], measure: MeasureDef, span: tuple[int, int], read: int
) -> None:
    """The earlier score of `measure` in the sentence after `span`, the text its `read` scores
    were read from, if that sentence turns back; not when another fact of the sentence stands
    after them ("Berg 45/56 and HR 80. Last time it was 38": the pronoun may be the heart
    rate's)."""
    start, at = span
    if _claimed_runs(scanner, start, at) > read:
        return
    found = _turned_back().match(scanner.text, at)
    if found is None:
        return
    group = next(index for index in (1, 2, 3, 5) if found.group(index) is not None)
    if group == 3 and (found.group(4) == "%") != (facts[-1].unit == "%"):
        return  # "ODI 30%. Prior 42" or "Berg 41. Prior 42%": not the same score's unit
    whole = f"/{found.group(6)}" if group == 5 else None
    if group == 5 and facts[-1].unit != whole:
        return  # "Berg 41/56. Was 3/4 ...": out of another whole, no score of this one
    start, end = found.start(group), found.end(6 if group == 5 else group)
    value = to_number(found.group(group))
    if not scanner.free(start, end) or not measure.in_range(value):
        return
    unit = "%" if group == 3 and found.group(4) else whole
    label = f"{measure.name} (previous)"
    scanner.emit(facts, "outcome", value, (start, end), label, measure=measure.name, unit=unit)


def _claimed_runs(scanner: Scanner, start: int, end: int) -> int:
    """How many separate stretches of the text between `start` and `end` facts have taken."""
    runs, inside = 0, False
    for at in range(start, end):
        taken = scanner.claimed(at, at + 1)
        runs += taken and not inside
        inside = taken
    return runs
