"""A rating scale's range, written to say which scale a rating is on: "Pain Scale: NPRS 0-10",
"Dizziness (0-10): 4", "rated on a 0 to 10 scale", "RPE 13 (Borg 6-20)", "VAS 0-100 mm: 35 mm".

Its ends are the scale's, not a rating, so the range is blocked before any reader sees it. A
range is taken for a scale only when both of its ends are a scale's ends and its place says so:
a scale's name right before it, a scale word right after it, a word that places a rating on it
("rated on a"), or a bracket or a heading's colon of its own after a thing rated ("fatigue
(0-10)", "Dizziness 0-10: 4"). A narrower range is a rating's own ("NPRS 2-4"), a range with a
slash or in degrees is a rating or a motion ("pain 0-10/10", "knee 0-100°"), and "pain 0-10"
with nothing that names a scale is left to the readers. Words are data (measures.toml
[scale_bounds]); each look is bounded by its line, so the pass is linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import words
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

# How far before a range its scale's name or the thing rated may stand.
_REACH = 48
# A range of two whole numbers, not part of a date, a decimal or a longer run ("0-10", "0 to 10",
# "6\u201320"), with the scale's millimetres or points after it; never followed by a slash, a
# degree, a percent or another number (then it is a rating, a motion or a dose).
_RANGE = re.compile(
    r"(?<![\w./\-])(?P<low>\d{1,2})[ \t]*(?:-|\u2013|to)[ \t]*(?P<high>\d{1,3})"
    r"(?P<unit>[ \t]*(?:mm|points?|pts?)\b)?"
    r"(?!\w|\.\d|[ \t]*(?:/|\u00b0|deg|%|x\b|[-\u2013]\d"
    r"|(?:min|sec|s|hrs?|h|reps?|ft|m|cm|kg|lbs?)\b))",
    re.IGNORECASE,
)
# The rating after its scale's heading ("0-10: 4", "(0-10 scale) 4") or right before the words
# that place it on the scale ("6 on a 0-10 scale"); never a number with a unit of its own.
_VALUE = (
    r"(?P<value>\d{1,3}(?:\.\d)?)(?![\d/]|\.\d|[ \t]*(?:%|\u00b0|deg|x\b|[-\u2013]\d"
    r"|(?:min|sec|s|hrs?|h|reps?|ft|m|cm|mm|kg|lbs?|in|times|trials?)\b))"
)
_HEADED = re.compile(
    rf"[ \t]*(?:(?:point|pt)[ \t]+)?(?:scale)?[ \t]*[)\]]?[ \t]*[:=]?[ \t]*{_VALUE}", re.I
)
_RATED_BEFORE = re.compile(
    rf"(?<![\w./-]){_VALUE}[ \t]+(?:(?:rated|scored)[ \t]+)?"
    r"(?:on|using|via)(?:[ \t]+(?:an?|the))?[ \t]*$",
    re.IGNORECASE,
)
_OPEN = re.compile(r"[(\[][ \t]*$")
_CLOSE = re.compile(r"[ \t]*[)\]]")
_HEADING = re.compile(r"[ \t]*[)\]]?[ \t]*[:=][ \t]*\d")


# A bracket of one line, round or square: a legend's candidates ("(0-100, 100 = no problems)",
# "[0 = no disability, 100 = most severe]").
_BRACKET = re.compile(r"\((?P<inside>[^()\n]{1,120})\)|\[(?P<square>[^\[\]\n]{1,120})\]")
_PARTS = re.compile(r"[,;]")
_WHOLE = re.compile(r"\d{1,3}")


@dataclass(frozen=True)
class _Cues:
    ends: frozenset[tuple[int, int]]
    named: re.Pattern[str]
    after: re.Pattern[str]
    placed: re.Pattern[str]
    anchor: re.Pattern[str]


@cache
def _cues() -> _Cues:
    data = measures_section("scale_bounds")
    ends = frozenset((int(low), int(high)) for low, high in data["ends"])

    def ending(key: str) -> re.Pattern[str]:
        # the cue closes the text before the range: a colon, "=" or a bracket may follow it
        return re.compile(
            rf"(?<![\w-])(?:{either(data[key])})[ \t]*[:=]?[ \t]*[(\[]?[ \t]*$", re.IGNORECASE
        )

    return _Cues(
        ends=ends,
        named=ending("names"),
        after=re.compile(rf"[ \t]*(?:{either(data['after'])})(?![\w-])", re.IGNORECASE),
        placed=ending("placed"),
        anchor=re.compile(
            rf"[ \t]*\d{{1,3}}[ \t]*(?:{either(data['anchor_marks'])})[ \t]*[A-Za-z][A-Za-z' /-]*",
            re.IGNORECASE,
        ),
    )


def block_scale_bounds(scanner: Scanner, _facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Block each range that names the scale a rating is on (see the module)."""
    for match in _scale_ranges(scanner):
        scanner.block(*match.span())
    for start, end in _legends(scanner.text):
        scanner.block(start, end)


def read_scale_ratings(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """The rating a scale's range heads or follows, where no reader took it: "Dizziness 0-10:
    4", "fatigue rated 6 on a 0-10 scale". A pain is `pain`; another symptom `other`, its unit
    the scale's top ("/10"), as tests/eval/CONVENTIONS.md files it."""
    text = scanner.text
    for match in _scale_ranges(scanner, blocked=True):
        line_start, line_end = scanner.line(match.start())
        rated = _rated(text[max(line_start, match.start() - _REACH) : match.start()])
        if rated is None:
            continue
        value = _HEADED.match(text, match.end(), line_end) or _RATED_BEFORE.search(
            text, max(line_start, match.start() - _REACH), match.start()
        )
        if value is None or not scanner.free(*value.span("value")):
            continue
        number = to_number(value.group("value"))
        if not int(match.group("low")) <= number <= int(match.group("high")):
            continue
        if rated == "pain":
            # "Pain VAS 0-100 mm: 45": the rating in the scale's millimetres
            millimetres = "mm" if (match.group("unit") or "").strip().lower() == "mm" else None
            scanner.emit(facts, "pain", number, value.span("value"), "pain", unit=millimetres)
        else:
            label, unit = f"{rated} rating", f"/{match.group('high')}"
            scanner.emit(facts, "other", number, value.span("value"), label, unit=unit)


def _scale_ranges(scanner: Scanner, blocked: bool = False) -> list[re.Match[str]]:
    """The ranges that name a scale; `blocked` those this pass blocked before."""
    found = []
    for match in _RANGE.finditer(scanner.text):
        if scanner.is_blocked(*match.span()) != blocked or not _scale_ends(match):
            continue
        if _names_scale(scanner, match):
            found.append(match)
    return found


def _scale_ends(match: re.Match[str]) -> bool:
    return (int(match.group("low")), int(match.group("high"))) in _cues().ends


def _names_scale(scanner: Scanner, match: re.Match[str]) -> bool:
    """True when the range's place says it is a scale's: see the module."""
    cues = _cues()
    text = scanner.text
    line_start, line_end = scanner.line(match.start())
    before = text[max(line_start, match.start() - _REACH) : match.start()]
    after_end = min(line_end, match.end() + _REACH)
    if cues.named.search(before) or cues.placed.search(before):
        return True
    if cues.after.match(text, match.end(), after_end):
        return True
    if _rated(before) is None:
        return False
    bracketed = _OPEN.search(before) is not None and _CLOSE.match(text, match.end(), after_end)
    return bool(bracketed) or bool(_HEADING.match(text, match.end(), after_end))


def _rated(before: str) -> str | None:
    """What the clause before names as rated on the scale: "pain", another symptom's word
    ("dizziness"), or None when it names neither."""
    clause = re.split(r"[;,.]", before)[-1]
    vocab = words()
    pain = [match.end() for match in vocab.pain.finditer(clause)]
    other = [(match.end(), match.group()) for match in vocab.not_pain.finditer(clause)]
    if other and (not pain or other[-1][0] > pain[-1]):
        return other[-1][1].lower()
    return "pain" if pain else None


def _legends(text: str) -> list[tuple[int, int]]:
    """Brackets that say what a scale's numbers mean, not what the patient scored: every part
    is the scale's range ("0-100") or an anchor ("100 = no problems"), and one part at least is
    an anchor. "KOOS (0-100, 100 = no problems): Pain 56" holds no KOOS of 100."""
    cues = _cues()
    found = []
    for bracket in _BRACKET.finditer(text):
        inside = "inside" if bracket.group("inside") is not None else "square"
        parts = _PARTS.split(bracket.group(inside))
        anchors = [part for part in parts if cues.anchor.fullmatch(part.rstrip())]
        ranges = [part for part in parts if _legend_range(part)]
        if anchors and len(anchors) + len(ranges) == len(parts):
            found.append(bracket.span(inside))
    return found


def _legend_range(part: str) -> bool:
    """A part of a legend that is a scale's whole range ("0-100", "0 to 4")."""
    match = _RANGE.fullmatch(part.strip())
    return match is not None and _scale_ends(match)
