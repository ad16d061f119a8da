"""A visual analogue scale read in millimetres ("pain VAS 30 mm (0-100 mm)", "VAS: 42/100 mm") or,
where pain is named, in centimetres ("Pain VAS 2.4 cm / 10 cm"): a rating on a line, a pain
rating unless the words before name something else that is rated ("fatigue VAS 40 mm"). The
bounds of the line are claimed, never read as values. Names and the line's length are data
(tui/core/data/analogue_scales.toml)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import said_earlier_after
from tui.core.checks.tables import measures_section, setting_words
from tui.core.checks.text.alternation import words_pattern
from tui.core.checks.text.lexicon import words
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

_DATA = files("tui.core") / "data" / "analogue_scales.toml"


@dataclass(frozen=True)
class _Scale:
    name: re.Pattern[str]
    mark: re.Pattern[str]
    line_mm: int
    line_cm: int


@cache
def _scale() -> _Scale:
    data = tomllib.loads(_DATA.read_text(encoding="utf-8"))
    names = "|".join(str(name) for name in data.get("names", []))
    return _Scale(
        name=re.compile(rf"\b(?:{names})\b", re.IGNORECASE),
        # after the name: a few words or marks, the mark in mm, then the line's bounds if written
        mark=re.compile(
            r"(?P<line>[ \t]*\([^()\n]{0,24}\b(?:mm|cm)\b[^()\n]{0,12}\))?"
            # a short bracket naming what is rated or the form ("Pain VAS (CHAQ) 2.4 cm")
            r"(?P<named>[ \t]*\([A-Za-z][\w -]{0,15}\))?"
            r"[ \t]*(?:[:=\-\u2013]|(?:at|of|is|was|now|today|rest|activity|worst|best)\b|[ \t])*"
            r"[ \t]*(?P<value>\d{1,3}(?:\.\d)?)[ \t]*(?:/[ \t]*(?P<over>\d{2,3})[ \t]*)?"
            r"(?P<unit>mm|cm)\b"
            r"(?P<bounds>[ \t]*\(?[ \t]*(?:0[ \t]*[-\u2013][ \t]*\d{2,3}|of[ \t]+\d{2,3}"
            r"|/[ \t]*\d{2,3})[ \t]*(?:mm|cm)?[ \t]*\)?)?",
            re.IGNORECASE,
        ),
        line_mm=int(data.get("line_mm", 100)),
        line_cm=int(data.get("line_cm", 10)),
    )


def read_analogue_scales(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Marks on a visual analogue scale, in millimetres."""
    scale = _scale()
    text = scanner.text
    for name in line_scan(scale.name, text):
        # read past a scale's range written after its name ("VAS 0-100 mm: 35 mm"), which
        # scale_bounds blocked: the blocked characters read as spaces
        at = name.end()
        mark = scale.mark.match(scanner.visible(at, scanner.line(at)[1]))
        if mark is None or not scanner.free(*_moved(mark.span("value"), at)):
            continue
        value = to_number(mark.group("value"))
        unit = mark.group("unit").lower()
        if value > (scale.line_mm if unit == "mm" else scale.line_cm):
            continue
        about = _rated(scanner, name.start()) or _named_other(mark.group("named"))
        if unit == "cm" and (about or not _pain_named(scanner, name.start(), mark.group("named"))):
            # "global well-being VAS 1.8 cm / 10 cm": another thing's line, left to the other
            # readers; its length is still no value
            if mark.group("bounds") and scanner.free(*_moved(mark.span("bounds"), at)):
                scanner.claim(*_moved(mark.span("bounds"), at))
            continue
        label = labels.join(about or "pain", "VAS")
        kind = "other" if about else "pain"
        scanner.emit(facts, kind, value, _moved(mark.span("value"), at), label, unit=unit)
        for part in ("line", "over", "bounds"):
            if mark.group(part):
                scanner.claim(*_moved(mark.span(part), at))
        _claim_length_before(scanner, name.start())
        if unit == "cm":
            continue  # the marks listed after are read in mm only
        lead = mark.group()[mark.end("line") if mark.group("line") else 0 : mark.start("value")]
        worded = _LETTERS.search(lead) is not None
        _marks_after(scanner, facts, at + mark.end(), label, kind, worded=worded)


def _moved(span: tuple[int, int], offset: int) -> tuple[int, int]:
    return span[0] + offset, span[1] + offset


# Another mark on the same line later in the sentence: "..., 38/100 mm after".
_MARK_OVER = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d)?)[ \t]*/[ \t]*(\d{2,3})[ \t]*mm\b", re.I)


# An earlier mark in a bracket after it: "38 mm today (52 mm at IE)".
_MARK_BRACKETED = re.compile(r"\([ \t]*(\d{1,3}(?:\.\d)?)[ \t]*mm\b[^()\n]{0,30}\)", re.I)


def _marks_after(
    scanner: Scanner, facts: list[Fact], after: int, label: str, kind: str, *, worded: bool
) -> None:
    _, end = scanner.sentence(after)
    line_mm = _scale().line_mm
    _earlier_mark(scanner, facts, after + _spaces(scanner.text, after, end), label, kind)
    for more in _MARK_OVER.finditer(scanner.text, after, end):
        value = to_number(more.group(1))
        if int(more.group(2)) != line_mm or value > line_mm or not scanner.free(*more.span(1)):
            continue
        scanner.emit(facts, kind, value, more.span(1), label, unit="mm")
        scanner.claim(*more.span(2))
    _listed_marks(scanner, facts, after, end, label, kind, worded)


# The next mark of a list of marks in mm, each after the circumstance it was rated in ("at rest
# 18 mm, walking 46 mm, worst 72 mm"): a clause mark, a few words, the mark.
_MARK_LISTED = re.compile(
    r"(?:[ \t]+[A-Za-z][\w'/-]*){0,3}[ \t]*[,;][ \t]*(?P<words>(?:[A-Za-z][\w'/-]*[ \t]+){0,3})"
    r"(\d{1,3}(?:\.\d)?)[ \t]*mm\b(?![ \t]*/)",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[A-Za-z]")


@cache
def _another_measure() -> re.Pattern[str]:
    """Words naming a measure taken in millimetres, not a circumstance of the rating: a size
    (measures.toml [not_measurements.settings] sizes) or a jaw's motion ([rom]
    millimetre_motions)."""
    sizes = setting_words().get("sizes", ())
    jaw = [str(motion) for motion in measures_section("rom").get("millimetre_motions", ())]
    return words_pattern([*sizes, *jaw])


def _listed_marks(
    scanner: Scanner, facts: list[Fact], after: int, end: int, label: str, kind: str, worded: bool
) -> None:
    """The marks listed after the first, each after a comma or semicolon, in its sentence: the
    same line rated in other circumstances, read until the list stops. Words before a listed
    mark name its circumstance only where the first mark's did too (`worded`: "at rest 18 mm,
    walking 46 mm"); after a bare first mark they name another measure ("VAS 34 mm, jaw
    opening 38 mm"); so do a size's or a jaw motion's words after any first mark ("at rest 18
    mm, incision length 40 mm")."""
    more = _MARK_LISTED.match(scanner.text, after, end)
    while (
        more is not None
        and scanner.free(*more.span(2))
        and (worded or not _LETTERS.search(more.group("words")))
        and not _another_measure().search(more.group("words"))
    ):
        value = to_number(more.group(2))
        if value > _scale().line_mm:
            return
        scanner.emit(facts, kind, value, more.span(2), label, unit="mm")
        more = _MARK_LISTED.match(scanner.text, more.end(), end)


def _earlier_mark(scanner: Scanner, facts: list[Fact], at: int, label: str, kind: str) -> None:
    """The mark of an earlier visit in the bracket at `at`, when its words say it is earlier."""
    earlier = _MARK_BRACKETED.match(scanner.text, at)
    if earlier is None or not scanner.free(*earlier.span(1)):
        return
    value = to_number(earlier.group(1))
    if value <= _scale().line_mm and said_earlier_after(scanner.text, earlier.end(1)):
        scanner.emit(facts, kind, value, earlier.span(1), f"{label} (previous)", unit="mm")


def _spaces(text: str, start: int, end: int) -> int:
    """How many words and spaces stand before a bracket opens ("today (52 mm at IE)")."""
    gap = _TO_BRACKET.match(text, start, end)
    return gap.end() - start if gap else 0


_TO_BRACKET = re.compile(r"[ \t]*(?:[A-Za-z]+[ \t]*){0,2}(?=\()")


def _rated(scanner: Scanner, start: int) -> str:
    """The thing rated when the words just before the name are not about pain ("fatigue")."""
    before = scanner.text[scanner.clause_start(start) : start]
    vocab = words()
    not_pain = list(vocab.not_pain.finditer(before))
    pain = list(vocab.pain.finditer(before))
    if not_pain and (not pain or not_pain[-1].start() > pain[-1].start()):
        return not_pain[-1].group().lower()
    return ""


# The line's length written before the scale's name ("pain on 10 cm VAS", "100 mm VAS"): never
# a value.
_LENGTH_BEFORE = re.compile(r"(?<![\w.])(?:10|100)[ \t]*(?:mm|cm)[ \t]+(?:line[ \t]+)?\Z", re.I)


def _claim_length_before(scanner: Scanner, name_start: int) -> None:
    length = _LENGTH_BEFORE.search(scanner.text, max(0, name_start - 16), name_start)
    if length is not None and scanner.free(*length.span()):
        scanner.claim(*length.span())


def _named_other(named: str | None) -> str:
    """The thing a bracket after the name rates when it is not pain ("VAS (fatigue)")."""
    found = words().not_pain.search(named or "")
    return found.group().lower() if found else ""


def _pain_named(scanner: Scanner, start: int, named: str | None) -> bool:
    """Whether the clause before the scale's name, or the bracket after it, names pain."""
    before = scanner.text[scanner.clause_start(start) : start]
    return words().pain.search(before) is not None or words().pain.search(named or "") is not None
