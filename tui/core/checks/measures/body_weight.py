"""Body weight among the vital signs: "Wt 81.4 kg", "weight today per home scale 6.4 kg",
"body wt 201.6 lbs (prior session 203.2 lbs)", "[x] Wt 58.2 kg" on a checklist, an infant's
"Weight 2140 g".

A weight is the patient's only where its name opens a clause (so "2 lb ankle weights" or "cuff
weight 3 lb" are loads) and the line is a line of vitals (another vital sign on it) or opens
with the name, or the weight ends the clause its name opens, in a sentence it opens or after a
circumstance's clause ("... 2/1). Wt 58.3 kg (Jan 59.6 kg).", "On 2 L NC at rest, weight 81.6
kg (up 0.4 kg)"; "Weight 10 lb bag" names a load, "Carried laundry basket, weight 8 kg" the
basket's).
An earlier weight in the brackets right after it ("(last wk 79.0 kg)", "(Jan 59.6 kg)",
"(hospital d/c 103.0)", "(was 63.4 kg on 12/09)": the unit may be left to the weight before
it) is read when its words say it is earlier; "(dry wt 92.0)" is a target and is left. Words
are data (measures.toml [body_weight]); the names are found once through their leading words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from tui.core.checks.facts import Fact
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.tables import body_weight_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import Led, led
from tui.core.checks.text.scan import Scanner

_NUMBER = r"(?P<value>\d{1,4}(?:\.\d{1,2})?)"  # four digits only in grams (the ranges)
_LABEL = "body weight"
# The line's opening before the name: a bullet, a checklist's box ("[x] Wt 58.2 kg"), spaces.
_LINE_OPENING = re.compile(r"[ \t]*(?:(?:[-*\u2022>#]+|\[[ \txX\u2713\u2714]?\])[ \t]*)*")
_CLAUSE_OPENING = re.compile(r"(?:^|[,;:(\n]|\.[ \t])[ \t]*\Z")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:][ \t]|[\u00bb>*\u2022-][ \t])[ \t]*\Z")
# After a weight that ends its clause: a mark, a bracket or the line's end, never a load's noun.
_CLAUSE_END = re.compile(r"[ \t]*(?:[.,;(\n]|\Z)")
_BRACKET_REACH = 70


@dataclass(frozen=True)
class _Words:
    names: Led
    earlier: re.Pattern[str]
    earlier_words: re.Pattern[str]
    earlier_days: re.Pattern[str]
    weighed_now: re.Pattern[str]
    after: re.Pattern[str]
    openers: re.Pattern[str]
    circumstance: re.Pattern[str]
    vitals: re.Pattern[str]
    units: dict[str, str]
    ranges: dict[str, tuple[float, float]]


@cache
def _words() -> _Words:
    data: dict[str, Any] = body_weight_words()
    names = [str(name) for name in data.get("names", ())]
    qualifiers = _either(data.get("qualifiers", ()))
    units = {str(k).lower(): str(v) for k, v in data.get("units", {}).items()}
    unit = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    tail = rf"[ \t]*(?P<unit>{unit})(?![A-Za-z])"
    return _Words(
        names=led(
            re.compile(
                rf"\b(?:{_either(names)})\b[ \t]*(?:(?:{qualifiers})[ \t]*)*{_NUMBER}{tail}",
                re.IGNORECASE,
            ),
            *names,
        ),
        earlier=re.compile(
            # the day it was weighed may close the bracket ("(was 63.4 kg on 12/09)")
            # and a bracket may hold the weight and its day alone ("(186 lb on 5/4)")
            rf"[^()\n\d;.]{{0,30}}\((?P<words>[^()\n\d]{{0,30}}){_NUMBER}(?:{tail})?"
            r"(?:[ \t]+(?:on|at|in)[ \t]+(?P<when>[^()\n]{1,15}?))?[ \t]*[);,]",
            re.I,
        ),
        earlier_words=re.compile(
            rf"^[ \t]*(?:{_either(data.get('earlier_words', ()))})\b", re.IGNORECASE
        ),
        earlier_days=re.compile(
            rf"^(?:{_either(data.get('earlier_days', ()))})[ \t]*\Z", re.IGNORECASE
        ),
        weighed_now=re.compile(rf"\b(?:{_either(data.get('weighed_now', ()))})\b", re.IGNORECASE),
        after=re.compile(rf"[ \t]+(?:{_either(data.get('after', ()))})\b", re.IGNORECASE),
        openers=re.compile(rf"(?:{_either(data.get('openers', ()))})[ \t]*\Z", re.IGNORECASE),
        circumstance=re.compile(
            rf"(?:^|[.:;][ \t])[ \t]*(?:{_either(data.get('circumstances', ()))})\b"
            r"[^,.;:\n]*,[ \t]*\Z",
            re.IGNORECASE,
        ),
        vitals=re.compile(
            rf"\b(?:{_either([*data.get('vital_words', ()), *data.get('body_measures', ())])})\b",
            re.IGNORECASE,
        ),
        units=units,
        ranges={str(k): (float(v[0]), float(v[1])) for k, v in data.get("range", {}).items()},
    )


def _either(words: Any) -> str:
    found = [str(word) for word in words] if isinstance(words, list | tuple) else []
    return either(found)


def read_body_weight(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each body weight on a line of vitals (or a line it opens), with an earlier weight
    bracketed after it."""
    words = _words()
    text = scanner.text
    for match in words.names.finditer(text):
        line_start, line_end = scanner.line(match.start())
        before = text[max(line_start, match.start() - 40) : match.start()]
        opens_line = _LINE_OPENING.fullmatch(text, line_start, match.start()) is not None
        if not opens_line and not _opens_clause(before, words):
            continue
        earlier = words.earlier.match(
            text, match.end(), min(line_end, match.end() + _BRACKET_REACH)
        )
        if (
            not opens_line
            and not _vital_line(text, line_start, line_end, match, words)
            and not _own_clause(text, line_start, match, words)
            and not (_dated(earlier, words) and _weighed_now(earlier, words))
        ):
            continue
        if not _taken(scanner, facts, match, words):
            continue
        if earlier is not None:
            unit = match.group("unit")
            _taken(scanner, facts, earlier, words, earlier_only=True, unit=unit)


def _opens_clause(before: str, words: _Words) -> bool:
    return bool(_CLAUSE_OPENING.search(_without_opener(before, words)))


def _without_opener(before: str, words: _Words) -> str:
    """The text before the name without a word that opens its clause with it ("body", "daily":
    "Daily wt per pt log 161.2 lb" opens its sentence)."""
    opener = words.openers.search(before)
    return before[: opener.start()] if opener else before


def _own_clause(text: str, line_start: int, match: re.Match[str], words: _Words) -> bool:
    """The weight ends the clause its name opens (how it was weighed may follow it: "152 lb on
    the clinic scale"), and that clause opens its sentence or follows a circumstance's ("On 2
    L NC at rest, weight 81.6 kg"): after a clause naming a thing ("Carried laundry basket,
    weight 8 kg") the weight is the thing's."""
    after = words.after.match(text, match.end())  # "152 lb on the clinic scale"
    if not _CLAUSE_END.match(text, after.end() if after else match.end()):
        return False
    before = _without_opener(text[line_start : match.start()], words)
    return bool(_SENTENCE_OPENING.search(before) or words.circumstance.search(before))


def _dated(earlier: re.Match[str] | None, words: _Words) -> bool:
    """An earlier weight bracketed after the weight with the day it was weighed ("wt 94.2 kg
    today (93.1 kg on 3/16; ...)"): the patient's weight compared across days, as no load is,
    whatever clause comes before it."""
    if earlier is None or earlier.group("when") is None:
        return False
    return words.earlier_days.match(earlier.group("when")) is not None


def _weighed_now(earlier: re.Match[str] | None, words: _Words) -> bool:
    """This visit's day said between the weight and its dated bracket ("weight 88.7 kg this
    morning (89.9 kg on 1/9)"): the patient weighed today against an earlier day; a load's
    weight compared across days ("Carried box, weight 8 kg (6 kg on 3/16)") says no today."""
    if earlier is None:
        return False
    return words.weighed_now.search(earlier.group(), 0, earlier.group().find("(")) is not None


def _vital_line(text: str, start: int, end: int, match: re.Match[str], words: _Words) -> bool:
    """Another vital sign on the weight's line (its own name aside)."""
    return bool(words.vitals.search(text, start, match.start())) or bool(
        words.vitals.search(text, match.end(), end)
    )


def _taken(
    scanner: Scanner,
    facts: list[Fact],
    match: re.Match[str],
    words: _Words,
    *,
    earlier_only: bool = False,
    unit: str = "",
) -> bool:
    start, end = match.span("value")
    if not scanner.free(start, end):
        return False
    unit = words.units.get((match.group("unit") or unit).lower(), "")
    low, high = words.ranges.get(unit, (0.0, 0.0))
    written = match.group("value")
    value: int | float = float(written) if "." in written else int(written)
    if not low <= value <= high:
        return False
    found = attribute(scanner, start, end, after_side=False)
    previous = found.previous
    if earlier_only and not found.prior:
        if not words.earlier_words.match(match.group("words")) and not _dated(match, words):
            return False
        previous = " (previous)"
    scanner.emit(
        facts, "other", value, (start, end + _unit_length(match)), _LABEL + previous, unit=unit
    )
    return True


def _unit_length(match: re.Match[str]) -> int:
    """How far the weight's own unit runs past its number (none when the bracket leaves it)."""
    return match.end("unit") - match.end("value") if match.group("unit") else 0
