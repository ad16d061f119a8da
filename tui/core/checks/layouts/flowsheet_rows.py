"""Rows of a flowsheet export written on one line each: the row number is never a fact, a
pain row whose units column is the scale ("Pain - current 5 0-10", "Pain worst 24h 7 (0-10)")
or whose key names a rating ("Pain Score Current: 3", "Pain Score Worst (24h): 5") is a pain
rating labelled by its row, and a field naming the scale ("Pain Scale: NPRS 0-10") states the
scale's ends, never a rating."""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.checkboxes import TICKED_BOX
from tui.core.checks.layouts.columns import data_table
from tui.core.checks.layouts.row_numbers import row_number_spans
from tui.core.checks.measures import labels
from tui.core.checks.text.alternation import either, whole_words
from tui.core.checks.text.lexicon import words
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

# After the pain word on its line: a qualifier ("current", "worst 24h", "at rest"), the rating,
# then the scale it is on as the next column.
_RATED_ON_SCALE = re.compile(
    r"[ \t]*[-\u2013:]?[ \t]*(?P<what>[A-Za-z][A-Za-z0-9 /]{0,30}?)??[ \t]*[-\u2013:]?[ \t]*"
    r"(?P<value>\d{1,2}(?:\.\d)?)[ \t]+(?P<scale>\(?[ \t]*0[ \t]*[-\u2013][ \t]*10[ \t]*\)?)"
    r"(?![\d.])"
)


def read_flowsheet_rows(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Claim the row numbers of numbered rows, block the ends of a scale a field names, then
    read pain rows rated on a written scale or keyed as a rating."""
    for start, end in row_number_spans(scanner.text):
        if scanner.free(start, end):
            scanner.claim(start, end)
    text = scanner.text
    _block_scale_fields(scanner)
    for pain in words().pain_finder.finditer(text):
        _read_keyed_rating(scanner, facts, pain.start(), pain.end())
        _read_later_field(scanner, facts, pain.start(), pain.end())
        row = _RATED_ON_SCALE.match(text, pain.end())
        if row is None or not scanner.free(*row.span("value")):
            continue
        value = to_number(row.group("value"))
        if value > 10:
            continue
        what = " ".join((row.group("what") or "").split())
        if _says_goal(what):
            continue
        label = _pain_label(what)
        scanner.emit(facts, "pain", value, row.span("value"), label)
        scanner.claim(*row.span("scale"))
        if row.group("what"):
            scanner.claim(*row.span("what"))  # "worst 24h": a number in the row's name


# After the pain word at a key's start: the key's other words, maybe a bracket ("(24h)",
# "(at rest)"), the colon, and a bare rating ending the line.
_KEYED_RATING = re.compile(
    r"(?P<what>[ \t,/-]*[A-Za-z][A-Za-z0-9 ,/-]{0,30}?)(?P<bracket>[ \t]*\([^()\n]{1,24}\))?"
    r"[ \t]*:[ \t]*(?P<value>\d{1,2}(?:\.\d)?)[ \t]*\r?$",
    re.MULTILINE,
)
# What may open a key's line: a bullet, or a ticked box ("[x] Pain present  Rating: 6").
_KEY_START = re.compile(rf"[ \t]*(?:[-*\u2022][ \t]*)?(?:{TICKED_BOX}[ \t]*)?")


@cache
def _rating_word() -> re.Pattern[str]:
    fragments = data_table("pain_fields").get("rating_words", ())
    return whole_words(fragments)


@cache
def _scale_field() -> re.Pattern[str]:
    keys = either(data_table("pain_fields").get("scale_keys", ()))
    return re.compile(
        rf"^[ \t]*(?:[-*\u2022][ \t]*)?(?:[A-Za-z]+[ \t]+){{0,2}}(?:{keys})[ \t]*:"
        r"(?P<value>[^\n]*)",
        re.IGNORECASE | re.MULTILINE,
    )


_SCALE_ENDS = re.compile(r"(?<![\w.])0[ \t]*(?:-|\u2013|to)[ \t]*\d{1,3}(?![\d.])")


def _read_keyed_rating(scanner: Scanner, facts: list[Fact], start: int, after: int) -> None:
    """A key opening with the pain word and naming a rating, over a bare value of 0-10."""
    text = scanner.text
    if _KEY_START.fullmatch(text, text.rfind("\n", 0, start) + 1, start) is None:
        return
    row = _KEYED_RATING.match(text, after)
    if row is None or not scanner.free(*row.span("value")):
        return
    key = row.group("what") + (row.group("bracket") or "")
    if _rating_word().search(key) is None or to_number(row.group("value")) > 10:
        return
    what = " ".join(_rating_word().sub("", key).replace(",", " ").strip(" -/").split())
    if _says_goal(what):
        return  # "Pain Level Acceptable: 3": a target, never a rating
    scanner.emit(facts, "pain", to_number(row.group("value")), row.span("value"), _pain_label(what))
    if row.group("bracket"):
        scanner.claim(*row.span("bracket"))  # "(24h)": a number in the key, never a value


# A later field of a form's pain line keyed by a word of rating, maybe with the scale in a
# bracket ("PAIN  [X] Yes  [ ] No   Site: R calf   Intensity (0-10): 4"): set apart from the
# field before by a run of spaces, a tab or a bar, the value bare or over 10, ending its field.
_LATER_FIELD = re.compile(
    r"(?:[ \t]{2,}|\t|[ \t]*[|;][ \t]*)(?P<key>[A-Za-z][A-Za-z ]{0,20}?)[ \t]*"
    r"(?P<scale>\([ \t]*0[ \t]*[-\u2013][ \t]*10[ \t]*\))?[ \t]*:[ \t]*"
    r"(?P<value>10|\d(?:\.\d)?)(?:[ \t]*/[ \t]*10)?(?![\w./%\u00b0])"
    r"(?=[ \t]{2,}|[ \t]*[|;\t\n]|[ \t]*\Z)"
)


def _read_later_field(scanner: Scanner, facts: list[Fact], start: int, after: int) -> None:
    """A pain rating in a later field of the line the pain word opens as its own field ("PAIN
    [X] Yes ... Intensity (0-10): 4"): the key must be a rating word alone."""
    text = scanner.text
    line_start = text.rfind("\n", 0, start) + 1
    if _KEY_START.fullmatch(text, line_start, start) is None:
        return
    line_end = text.find("\n", after)
    line_end = len(text) if line_end < 0 else line_end
    for field in _LATER_FIELD.finditer(text, after, line_end):
        key = " ".join(field.group("key").split())
        if _rating_word().fullmatch(key) is None or not scanner.free(*field.span("value")):
            continue
        scanner.emit(facts, "pain", to_number(field.group("value")), field.span("value"), "pain")
        if field.group("scale"):
            scanner.claim(*field.span("scale"))  # "(0-10)": the scale's ends, no values
        return


@cache
def _field_words(name: str) -> re.Pattern[str]:
    fragments = data_table("pain_fields").get(name, ())
    return whole_words(fragments)


def _says_goal(what: str) -> bool:
    """Whether a pain row's name makes its value a target ("Acceptable", "Goal")."""
    return _field_words("goal_words").search(what) is not None


def _pain_label(what: str) -> str:
    """The label of a pain row: its name, marked "(previous)" when the name says the value is an
    earlier one ("Pain Level Previous Visit: 6")."""
    label = labels.join("pain", what)
    if _field_words("earlier_words").search(what) is not None and "(previous)" not in label:
        label = labels.join(label, "(previous)")
    return label


def _block_scale_fields(scanner: Scanner) -> None:
    """Block the ends of the scale a field names ("Pain Scale: NPRS 0-10")."""
    text = scanner.text
    for field in _scale_field().finditer(text):
        for ends in _SCALE_ENDS.finditer(text, *field.span("value")):
            scanner.block(*ends.span())
