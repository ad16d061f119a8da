"""A joint's deficit restated in a bracket: "Knee ext -5° (lacks 5°)" is one reading, the
goniometer's signed angle and its gloss in words. Both numbers are read as the same deficit of
extension, so the second is dropped; a bracket naming an earlier time ("(was lacking 12°)") or
another value ("(lacks 8°)" after -5°) is a reading of its own and stays."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from tui.core.checks.facts import Fact
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner

_DEFICIT = " (deficit)"


@cache
def _gloss() -> re.Pattern[str]:
    """What stands between the deficit and its restatement: the unit, a bracket opening, and one
    of the openers (measures.toml [restated_deficits]), nothing else."""
    openers = measures_section("restated_deficits").get("openers", ())
    return re.compile(
        rf"[ \t]*(?:°|deg\w*)?[ \t]*\([ \t]*(?:{either(openers)})[ \t]*-?\Z", re.IGNORECASE
    )


def drop_restated_deficits(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Remove each deficit that a bracket right after the same deficit says again."""
    original = scanner.norm.original
    deficits = sorted(
        (fact for fact in facts if fact.kind == "rom" and fact.label.endswith(_DEFICIT)),
        key=lambda fact: fact.span,
    )
    again = {
        id(second) for first, second in pairwise(deficits) if _restates(original, first, second)
    }
    facts[:] = [fact for fact in facts if id(fact) not in again]


def _restates(original: str, first: Fact, second: Fact) -> bool:
    """The same joint, the same angle, and only a gloss's opening between them."""
    if first.label != second.label or first.value != second.value:
        return False
    between = original[first.span[1] : second.span[0]]
    if len(between) <= _LONGEST_GLOSS and bool(_gloss().match(between)):
        return True
    # the other way round: the deficit in words, its signed angle bracketed after it
    # ("Knee extension lacks 10° (-10°)")
    before = original[max(0, first.span[0] - _LONGEST_GLOSS) : first.span[0]]
    return (
        bool(_SIGNED_AFTER.match(between))
        and original.startswith("-", second.span[0])
        and bool(_worded().search(before))
    )


# The longest gloss's opening: a unit, a bracket, a word or two and their spaces.
_LONGEST_GLOSS = 24
# Between a deficit said in words and its signed angle: the unit and a bracket's opening.
_SIGNED_AFTER = re.compile(r"[ \t]*(?:°|deg\w*)?[ \t]*\([ \t]*\Z", re.IGNORECASE)


@cache
def _worded() -> re.Pattern[str]:
    """An opener (measures.toml [restated_deficits]) right before a deficit's angle: "lacks"."""
    openers = measures_section("restated_deficits").get("openers", ())
    return re.compile(rf"(?<![\w-])(?:{either(openers)})[ \t]*\Z", re.IGNORECASE)
