"""Values written as a list aligned with a list of labels: "R/L 85°/70°", "flex/ext/rot R/rot
L = 45/40/60/70 deg (IE 30/25/40/65)", "R/L shoulder flexion 4/4, elbow flexion 4/4-".

The n-th value belongs to the n-th label, and the rest of what each value is (its joint, its
timepoint) comes from the words around it as for any value (`attribution`). A list of labels
counts only when every item names a side, joint, motion or mode, and a list of values only when
it has as many values; "R/L 4/5" stays a muscle grade and "3/10" a rating.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import Attribution, attribute
from tui.core.checks.tables import grade_scales
from tui.core.checks.text.lexicon import alternation
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

_ITEM = r"[A-Za-z][A-Za-z.]*(?:[ \t]+[A-Za-z][A-Za-z.]*)?"
_LABELS = re.compile(rf"(?<![\w/])({_ITEM}(?:[ \t]*/[ \t]*{_ITEM})+)(?![\w/])")
_VALUE = r"\d{1,3}(?:\.\d+)?(?:[ \t]*(?:°|deg\b))?(?:[ \t]*[+-](?!\d))?"
VALUE_LIST = re.compile(
    rf"(?<![\w./])({_VALUE}(?:[ \t]*[/|][ \t]*-?{_VALUE})+)(?![\d/])"
    r"([ \t]*(?:°|deg(?:rees?)?\b|lbs?\b|kg\b|mm\b))?",
    re.IGNORECASE,
)
_ONE = re.compile(r"(\d{1,3}(?:\.\d+)?)([ \t]*(?:°|deg\b))?([ \t]*[+-])?", re.IGNORECASE)
_GRADE_WORDS = re.compile(r"\b(?:MMT|strength|muscle|grades?)\b", re.IGNORECASE)
# "R / L | 4-/5 / 4/5": grades each written out of 5, in a slash list of their own (or set
# apart by bars, as a print writes a cell per side: "5/5 | 4+/5"); values likewise ("4 | 3 kg").
_GRADES = re.compile(
    r"(?<![\w./])[0-5][+-]?[ \t]*/[ \t]*5(?:[ \t]*[/|][ \t]*[0-5][+-]?[ \t]*/[ \t]*5)+\b"
)
_ONE_GRADE = re.compile(r"([0-5])([+-]?)[ \t]*/[ \t]*5")
# "Quads R/L 4-/4 out of 5": the scale written once after the list of grades.
_OUT_OF_FIVE = re.compile(r"[ \t]*(?:out of|/)[ \t]*5\b")
_REACH = 240
_GAP = 40


@dataclass(frozen=True)
class _Value:
    number: int | float
    sign: str
    degrees: bool
    span: tuple[int, int]


def read_aligned(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Every value list that follows a label list of the same length in its sentence."""
    text = scanner.text
    label_lists = _label_lists(scanner)
    for number, (items, span, parts) in enumerate(label_lists):
        _, sentence_end = scanner.sentence(span[0])
        limit = min(sentence_end, span[1] + _REACH)
        # "R elbow/forearm (flex/ext) Elbow 128/-20": a list of as many labels nearer the values
        # names them, the farther one names the rows
        nearer = next(
            (other[1][0] for other in label_lists[number + 1 :] if len(other[0]) == len(items)),
            limit,
        )
        limit = min(limit, nearer)
        position = span[1]
        first = True
        lists = sorted(
            [*VALUE_LIST.finditer(text, position, limit), *_GRADES.finditer(text, position, limit)],
            key=lambda found: (found.start(), -found.end()),
        )
        for values in lists:
            between = scanner.visible(position, values.start())
            if first and (_DIGIT.search(between) or len(between) > _GAP):
                break
            parsed = list_values(values)
            if len(parsed) != len(items) or not all(scanner.free(*v.span) for v in parsed):
                continue
            if values.re is not _GRADES and _is_single_score(parsed) and not _force(values):
                continue
            emit_list(scanner, facts, parsed, parts, values, span)
            first = False


def _label_lists(
    scanner: Scanner,
) -> list[tuple[list[str], tuple[int, int], list[labels.Parts]]]:
    """Each slash list of labels free to read whose every item names a side, joint, motion or
    mode: its items, its span and what each item names."""
    found_lists = []
    for found in _LABELS.finditer(scanner.text):
        listed = _items(found)
        if listed is None or not scanner.free(*listed[1]):
            continue
        items, span = listed
        parts = [labels.parts_of(item) for item in items]
        if all(_names_something(part) for part in parts):
            found_lists.append((items, span, parts))
    return found_lists


_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[A-Za-z][A-Za-z.]*")
# A force written once after the list ("Grip R/L 11 / 9 kg"): grip or pinch strength per side.
_FORCE_UNITS = {"kg": "kg", "lb": "lb", "lbs": "lb"}
_FORCE_TEST = re.compile(
    r"\b(?:(?:lateral|key|tip|tip[- ]to[- ]tip|3[- ]?point|2[- ]?point|palmar|tripod)\s+)?"
    r"(?:grip|pinch)\b|\bjamar\b|\b(?:3|three)[- ]?jaw(?:[- ]chuck)?\b",
    re.IGNORECASE,
)


@cache
def _graded_scale() -> re.Pattern[str]:
    """The names of ordinal scales (measures.toml [scales]): a list after one holds its grades."""
    names = [alias for scale in grade_scales() for alias in scale.aliases]
    return re.compile(rf"(?<![\w-])(?:{alternation(names)})(?![\w-])", re.IGNORECASE)


def _force(match: re.Match[str]) -> str:
    """The force unit written after a value list ("kg", "lb"), or ""."""
    if match.re is _GRADES or not match.group(2):
        return ""
    return _FORCE_UNITS.get(match.group(2).strip().lower(), "")


def _items(found: re.Match[str]) -> tuple[list[str], tuple[int, int]] | None:
    """The label items of a slash list, words outside the list trimmed: the first item keeps
    one word ("AROM flex/ext" lists flex and ext; "Lateral flexion R/L" lists R and L) unless
    the next item has two ("rot R/rot L"), and likewise the last; an item of two words must be
    two anatomy words ("MMT R/L" lists R and L)."""
    chunks = []
    for chunk in re.finditer(r"[^/]+", found.group(1)):
        words = [
            (found.start(1) + chunk.start() + w.start(), w.group())
            for w in _WORD.finditer(chunk.group())
        ]
        if not words:
            return None
        chunks.append(words)
    if len(chunks[0]) > 1 and (len(chunks[1]) < 2 or not _anatomy(chunks[0])):
        chunks[0] = chunks[0][-1:]
    if len(chunks[-1]) > 1 and (len(chunks[-2]) < 2 or not _anatomy(chunks[-1])):
        chunks[-1] = chunks[-1][:1]
    if any(not _anatomy(words) for words in chunks if len(words) > 1):
        return None
    start = chunks[0][0][0]
    end = chunks[-1][-1][0] + len(chunks[-1][-1][1])
    return [" ".join(word for _, word in words) for words in chunks], (start, end)


def _anatomy(words: list[tuple[int, str]]) -> bool:
    """Every word of an item names a side, joint, motion or mode."""
    return len(labels.mentions(" ".join(word for _, word in words))) == len(words)


def _names_something(part: labels.Parts) -> bool:
    return bool(part.side or part.joint or part.motion or part.mode)


def list_values(match: re.Match[str]) -> list[_Value]:
    """The values of a list found by `VALUE_LIST` (or of grades), each with its sign, whether
    degrees are written with it or after the list, and its span."""
    if match.re is _GRADES:
        return [
            _Value(
                int(g.group(1)),
                g.group(2),
                False,
                (match.start() + g.start(), match.start() + g.end(2)),
            )
            for g in _ONE_GRADE.finditer(match.group())
        ]
    found = []
    unit = bool(match.group(2) and re.search(r"°|deg", match.group(2), re.IGNORECASE))
    for piece in _ONE.finditer(match.group(1)):
        start = match.start(1) + piece.start()
        found.append(
            _Value(
                number=to_number(piece.group(1)),
                sign=(piece.group(3) or "").strip(),
                degrees=bool(piece.group(2)) or unit,
                span=(start, match.start(1) + piece.end()),
            )
        )
    return found


def _is_single_score(values: list[_Value]) -> bool:
    """ "4/5" is a grade and "3/10" a rating, not two values."""
    if len(values) != 2 or values[1].sign or values[0].degrees:
        return False
    return values[1].number in (5, 10) and values[0].number <= values[1].number


def emit_list(
    scanner: Scanner,
    facts: list[Fact],
    values: list[_Value],
    parts: list[labels.Parts],
    match: re.Match[str],
    label_span: tuple[int, int],
) -> None:
    """Each value of a list as what its label item names: a grade, a grip or pinch force, or
    an angle (the other words around it as `attribute` reads them)."""
    degrees = any(value.degrees for value in values)
    before = scanner.text[scanner.sentence_before(match.start()) : match.start()]
    out_of_five = _OUT_OF_FIVE.match(scanner.text, match.end())
    grades = match.re is _GRADES or (
        not degrees
        and all(value.number <= 5 and float(value.number).is_integer() for value in values)
        and bool(
            _GRADE_WORDS.search(before)
            or out_of_five
            or any(value.sign for value in values)
            or any(part.muscle for part in parts)
            or labels.parts_of(before).muscle
        )
    )
    if grades and match.re is not _GRADES and _graded_scale().search(before):
        return  # "MAS gastroc R/L 2/1+": grades of a tone scale, not muscle grades
    if grades and out_of_five:
        scanner.claim(*out_of_five.span())
    force, tests = _force(match), list(_FORCE_TEST.finditer(before))
    if force and not tests:
        return  # a weight in a list, but not of a grip or pinch test
    # the words before the list date every item of it ("(Eval) 3+/5 / 4/5": both are earlier)
    earlier: bool | None = None
    for value, part in zip(values, parts, strict=True):
        found = attribute(scanner, value.span[0], value.span[1], after_side=False, skip=label_span)
        earlier = found.prior if earlier is None else earlier or found.prior
        found = _merged(replace(found, prior=earlier), part)
        if force:
            label = labels.join(found.side, tests[-1].group().lower()) + found.previous
            scanner.emit(facts, "strength", value.number, value.span, label, unit=force)
        elif grades:
            label = labels.join(found.side, found.joint, found.muscle, found.motion) or "MMT"
            grade = f"{int(value.number)}{value.sign}"
            scanner.emit(facts, "mmt", grade, value.span, label + found.previous)
        elif degrees or found.motion or found.joint:
            label = labels.join(found.side, found.joint, found.motion, found.mode) or "ROM"
            span, short = _signed(scanner.text, value.span)
            scanner.emit(facts, "rom", value.number, span, label + found.previous + short)


def _signed(text: str, span: tuple[int, int]) -> tuple[tuple[int, int], str]:
    """ "-2° / 0°": a minus sign written before an angle (after a space, a colon or the start
    of a line) is a joint short of neutral, which the other readers write as the angle missing
    with "(deficit)"."""
    start = span[0]
    if start > 0 and text[start - 1] == "-" and (start < 2 or text[start - 2] in " \t:(/\n"):
        return (start - 1, span[1]), " (deficit)"
    return span, ""


def _merged(found: Attribution, part: labels.Parts) -> Attribution:
    """The item's own words first, then what the text around the list says."""
    return replace(
        found,
        side=part.side or found.side,
        joint=part.joint or found.joint,
        motion=part.motion or found.motion,
        mode=part.mode or found.mode,
    )
