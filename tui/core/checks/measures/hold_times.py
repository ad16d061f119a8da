"""How long the patient holds a posture, read as a result: "sits without support 45 s",
"stands alone 4 s (best of 5 tries)", "props on forearms up to 20 s", "holds 8 s before
fatigue (was 3 s)".

A holding word ("holds", "props", "maintains") takes the first time in its clause; a sitting
or standing word only with a word of doing it unaided ("without support", "alone", "up to").
A time with a dose after it ("x 10", "reps", "daily") or on a line of a home program is a dose,
never a result. An earlier time in the brackets right after ("(was 3 s)") is read when its
words say it is earlier. Words are data (measures.toml [hold_times]); the triggers are found
once through their leading words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute, said_earlier_after
from tui.core.checks.tables import hold_time_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import NUM, Led, led
from tui.core.checks.text.scan import Scanner

_TIME = rf"(?P<value>{NUM})[ \t]*(?P<unit>s|secs?|seconds?|min|mins|minutes?)\b"
_UNITS = {"s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s"}
_GAP = r"[^\d\n.;:,()]{0,40}?"
# The earlier time bracketed after the time, past a few words of how it was held ("90 s with
# head up before fatigue (at IE 20 s)", "45 s during walk (wk 1: 15 s)", "12 s before lowering
# (4 s at IE)"), never past a number or a clause's end.
_EARLIER = re.compile(
    rf"[ \t]*(?:[A-Za-z][^\d\n.;:,()]{{0,40}}?)?\((?P<words>[^()\n]{{0,20}}?){_TIME}"
    rf"(?P<after>[ \t]+[A-Za-z][^()\n\d]{{0,15}})?[ \t]*\)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Words:
    holding: Led
    posture: Led
    unaided_posture: Led
    dose_after: re.Pattern[str]
    dose_line: re.Pattern[str]


@cache
def _words() -> _Words:
    data = hold_time_words()
    holds, postures = data.get("holds", ()), data.get("postures", ())
    unaided = either(data.get("unaided", ()))
    return _Words(
        holding=led(re.compile(rf"\b(?:{either(holds)})\b{_GAP}{_TIME}", re.IGNORECASE), *holds),
        posture=led(
            re.compile(
                rf"\b(?:{either(postures)})\b{_GAP}\b(?:{unaided})\b{_GAP}{_TIME}", re.IGNORECASE
            ),
            *postures,
        ),
        # "Unsupported ring sitting 40 s": the word of doing it unaided said first
        unaided_posture=led(
            re.compile(
                rf"\b(?:{unaided})\b{_GAP}\b(?:{either(postures)})\b{_GAP}{_TIME}", re.IGNORECASE
            ),
            *data.get("unaided", ()),
        ),
        dose_after=re.compile(
            rf"[ \t]*(?:[,(][ \t]*)?(?:{either(data.get('dose_after', ()))})", re.IGNORECASE
        ),
        dose_line=re.compile(rf"\b(?:{either(data.get('dose_lines', ()))})\b", re.IGNORECASE),
    )


def read_hold_times(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each posture held for a time, and an earlier time bracketed after it."""
    words = _words()
    text = scanner.text
    for pattern in (words.holding, words.posture, words.unaided_posture):
        for match in pattern.finditer(text):
            if not _result(scanner, match, words):
                continue
            name = labels.context_words(text[match.start() : match.start("value")], 5)
            _emit(scanner, facts, match, name)
            earlier = _EARLIER.match(text, match.end())
            if earlier is not None and scanner.free(*earlier.span("value")):
                found = attribute(scanner, earlier.start("value"), earlier.end("value"))
                if found.prior or said_earlier_after(text, earlier.end("value")):
                    _emit(scanner, facts, earlier, name, earlier=True)


def _result(scanner: Scanner, match: re.Match[str], words: _Words) -> bool:
    start, end = match.span("value")
    if not scanner.free(start, end) or scanner.in_goal(start):
        return False
    if words.dose_after.match(scanner.text, match.end()):
        return False
    line_start, _ = scanner.line(match.start())
    return not words.dose_line.search(scanner.text, line_start, start)


_DOSE_BEFORE = re.compile(r"(?:\bx|×|\bfor)[ \t]*\Z", re.IGNORECASE)


_NEXT_ITEM = re.compile(r"[ \t]*[,;]")


def dosed(scanner: Scanner, start: int, end: int, *, listed: bool = False) -> bool:
    """A time (value at `start`, unit ending at `end`) written as a dose: a count or a
    frequency after it ("20 s x 4", "30 s each"), a multiplier before it ("3 x 20 s"), or a
    home program, teaching or set-by-repetition dose earlier on its line. With `listed`, the
    time is one of a list of measures, so a count after a comma is the list's next item
    ("endurance 6 s, 5 reps, 4 quick flicks"), no dose of it."""
    words = _words()
    after = words.dose_after.match(scanner.text, end)
    if after and not (listed and _NEXT_ITEM.match(scanner.text, end)):
        return True
    if _DOSE_BEFORE.search(scanner.text, max(0, start - 6), start):
        return True
    line_start, line_end = scanner.line(start)
    first = _first_dose_line(scanner.text, line_start, line_end)
    if first is None or first[0] >= start:
        return False
    if first[1] <= start:
        return True
    # the line's first dose words run past the value: read them as the value's line start does
    return bool(words.dose_line.search(scanner.text, line_start, start))


@lru_cache(maxsize=256)
def _first_dose_line(text: str, line_start: int, line_end: int) -> tuple[int, int] | None:
    """The span of the first dose words on a line, found once per line rather than once per
    value (a long line of timed values would otherwise be read from its start for each)."""
    found = _words().dose_line.search(text, line_start, line_end)
    return found.span() if found else None


def _emit(
    scanner: Scanner, facts: list[Fact], match: re.Match[str], name: str, *, earlier: bool = False
) -> None:
    start, end = match.span("value")
    found = attribute(scanner, start, end)
    unit = _UNITS.get(match.group("unit").lower(), "min")
    previous = " (previous)" if earlier else found.previous
    label = labels.join(found.side, labels.without_sides(name)) + previous
    written = match.group("value")
    value: int | float = float(written) if "." in written else int(written)
    scanner.emit(facts, "other", value, (start, match.end("unit")), label, unit=unit)
