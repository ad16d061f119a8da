"""Whether the number after a score's slash is the scale's whole or a second score.

"Berg 41/56" is a score out of its maximum; "QuickDASH 34.1 / 59.1" under a "(now / IE)"
heading and "LEFS 52 / 38" are two scores side by side. No scale's maximum has a tenth, and a
score above the number after its slash is no fraction, unless the pair reads as a month and a
day (a date, left to the date rules). A slash with blanks either side between a listed
instrument's score and a number none of its wholes are two columns ("NPRS 1 / 4" under "rest /
walking"); a date is written without them.
"""

from __future__ import annotations

from tui.core.checks.names import instrument_wholes
from tui.core.checks.tables import MeasureDef
from tui.core.checks.text.numbers import to_number

_LAST_MONTH = 12
_LAST_DAY = 31


def second_score(measure: MeasureDef, value: float, written: str, *, spaced: bool) -> bool:
    """True when `written`, the number after a score's slash, is another score of the measure
    rather than its maximum; `spaced` says the slash has blanks either side."""
    whole = to_number(written)
    if not (measure.in_range(whole) and measure.in_range(value)):
        return False
    wholes = instrument_wholes().get(measure.name)
    per_item = measure.multi or measure.numbered_items  # "GG0170B ... 03 / 05": a goal column
    if spaced and wholes and whole not in wholes and "." not in written and not per_item:
        return True  # "NPRS 1 / 4", "ODI 22 / 38": columns, neither number a whole of the scale
    if "." in written:
        # "34.1 / 59.1", "31.5 / 58.0": a maximum is a whole number, unless it is this scale's
        if measure.high is not None:
            return whole != measure.high
        return whole != int(whole)
    if value <= whole:
        return False
    return not (_month_day(value, whole) or _month_day(whole, value))


def _month_day(value: float, whole: float) -> bool:
    """A pair that could be a month and a day ("3/1", "12/04"); the day first ("14/02") is the
    same pair turned round."""
    return value == int(value) and 1 <= value <= _LAST_MONTH and 1 <= whole <= _LAST_DAY
