"""Values the note itself takes back: struck through ("~~38~~ 42", "<s>5/10</s>", "<del>")
or retracted by a correction ("Correction: supination was 60°, not 65°", "knee flexion 115
should read 105").

A clinician who strikes a value or writes a late-entry correction means the old value was never
this visit's; read as written, it is a fact beside the right one, and a faithful draft that
leaves it out looks as if it dropped a fact. A struck span is removed for reading. A correction
is read only on a line a correction cue opens (corrections.toml `cues`) or the few lines
after it up to a blank line, in one of the shapes that name both values ("NEW, not OLD", "OLD
should read NEW", "OLD corrected to NEW", "amended to NEW from OLD"; the first two shared with
the fact level in checks/correction_shapes.py),
and only when both values are written with the same unit (or neither with one): the old value
goes from the correction's line and from the one earlier line that holds it, or from the
earlier lines that also name the correction's subject when several hold it; the new value
stays, read where the correction writes it. Everything works line by line.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache

from tui.core.checks.correction_shapes import (
    NOT_AFTER,
    VALUE,
    cues,
    replaced_by,
)
from tui.core.checks.text.pieces import Piece

_OLD = VALUE.join(("(?P<old>", ")"))
_NEW = VALUE.join(("(?P<new>", ")"))
# A quote a correction may put around a value it names ("'18 kg' should read '23 kg'").
_QUOTE = "[\"'\u2018\u2019\u201c\u201d]?"


@cache
def _shapes() -> tuple[re.Pattern[str], ...]:
    """The shapes of a correction that name both values: "NEW, not OLD", "NEW instead of OLD",
    "OLD should read NEW", "corrected from OLD to NEW", "corrected to NEW from OLD"."""
    return (
        NOT_AFTER,
        re.compile(
            rf"(?<![\w./-]){_NEW}[ \t]+(?:instead[ \t]+of|rather[ \t]+than)[ \t]+{_OLD}", re.I
        ),
        re.compile(
            rf"(?<![\w./-]){_OLD}{_QUOTE}[;,]?[ \t]+(?:{replaced_by()})[ \t]*:?[ \t]+"
            rf"{_QUOTE}(?:[A-Za-z][\w-]*[ \t]+){{0,3}}{_NEW}",
            re.I,
        ),
        re.compile(
            rf"(?:correct|change|amend)(?:ed)?[ \t]+(?:from[ \t]+)?{_OLD}[ \t]+to[ \t]+{_NEW}", re.I
        ),
        re.compile(
            rf"(?:corrected|changed|amended)[ \t]+to[ \t]+{_NEW}[ \t]+from[ \t]+{_OLD}(?!\w|\.\d)",
            re.I,
        ),
    )


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:/\d+)?")
_WORD = re.compile(r"[A-Za-z]{4,}")


def struck_pieces(text: str, tags: frozenset[str]) -> list[Piece]:
    """Every struck span inside one line, removed: "~~5/10~~" and "<s>", "<del>" or
    "<strike>" (the `tags`) with their closing tag. A mark left open on its line is text."""
    pieces = _struck_marks(text)
    for tag in tags:
        pieces += _struck_tags(text, tag)
    return _outermost(pieces)


def _struck_marks(text: str) -> list[Piece]:
    """ "~~old~~": the two marks and what they hold, when what they hold starts and ends with
    no space (Markdown's rule) and the line closes it."""
    pieces: list[Piece] = []
    at = text.find("~~")
    while at >= 0:
        line_end = end_of_line(text, at)
        close = text.find("~~", at + 2, line_end)
        if close < 0:
            at = text.find("~~", line_end)
            continue
        held = text[at + 2 : close]
        if held and held == held.strip():
            pieces.append(Piece(at, close + 2, "", at, close + 2))
        at = text.find("~~", close + 2)
    return pieces


def _struck_tags(text: str, tag: str) -> list[Piece]:
    """ "<del>old</del>", and an export's bracketed tags "[struck] old [/struck]": the tags and
    what they hold, closed on the same line."""
    pieces: list[Piece] = []
    lowered = text.lower()
    for left, right in (("<", ">"), ("[", "]")):
        opening = re.compile(
            rf"{re.escape(left)}{tag}(?:[ \t][^<>\[\]\n]{{0,200}})?{re.escape(right)}", re.I
        )
        closing = f"{left}/{tag}{right}"
        at = lowered.find(f"{left}{tag}")
        while at >= 0:
            found = opening.match(text, at)
            line_end = end_of_line(text, at)
            close = lowered.find(closing, found.end(), line_end) if found else -1
            if found and close >= 0:
                end = close + len(closing)
                pieces.append(Piece(at, end, "", at, end))
                at = lowered.find(f"{left}{tag}", end)
            else:
                at = lowered.find(f"{left}{tag}", at + 1)
    return pieces


@dataclass(frozen=True)
class _Correction:
    """One value taken back: what it was written as, where the correction's line starts, the
    words naming what it corrects, and where the old and the new value stand on that line."""

    old: tuple[str, str]
    line_start: int
    block_start: int
    subject: frozenset[str]
    old_span: tuple[int, int]
    new_span: tuple[int, int]


def retracted_pieces(text: str, struck: list[Piece]) -> list[Piece]:
    """The values a correction takes back, each read as the value that replaces it: where the
    note wrote it earlier (outside the `struck` spans) the new value is read in its place, with
    that row's words; on the correction's line the old value goes, and the new one too when it
    was read in the old one's place."""
    lines_done: set[int] = set()
    found: list[_Correction] = []
    cue = cues().search(text)
    while cue is not None:
        start = text.rfind("\n", 0, cue.start()) + 1
        for line in _block_lines(text, start):
            if line[0] not in lines_done:
                lines_done.add(line[0])
                found += _line_corrections(text, line, start)
        cue = cues().search(text, end_of_line(text, cue.start()))
    if not found:
        return []
    written = _written_values(text, {c.old for c in found}, max(c.line_start for c in found))
    lines = sorted({c.line_start for c in found})
    struck_starts = [span.start for span in struck]
    pieces: list[Piece] = []
    for correction in found:
        # what a correction takes back was written after the correction blocks before it
        at = bisect_left(lines, correction.block_start)
        since = end_of_line(text, lines[at - 1]) if at else 0
        places = [
            place
            for place in _earlier(text, written.get(correction.old, ([], [])), correction, since)
            if not _inside(place, struck, struck_starts)
        ]
        new = correction.new_span
        pieces += [Piece(*place, text[slice(*new)], *new) for place in places]
        if places:
            pieces += [Piece(*correction.old_span, "", *correction.old_span), Piece(*new, "", *new)]
        else:
            pieces.append(_taken_back_here(text, correction))
    return _outermost(pieces)


def _taken_back_here(text: str, correction: _Correction) -> Piece:
    """The old value of a correction written nowhere before its line goes, with a clause mark
    right after it ("Berg 41/56; the correct score is 45/56" reads "Berg the correct score is
    45/56"): the words giving the new value stay, for the fact level to read the correction,
    and no semicolon parts the new value from the name the old one followed."""
    start, end = correction.old_span
    mark = _MARK_AFTER.match(text, end)
    if mark is not None and end <= correction.new_span[0]:
        end = mark.end()
    return Piece(start, end, "", start, end)


# A clause mark after a value a correction takes back, before the words that replace it.
_MARK_AFTER = re.compile(r"[\"'\u2019\u201d]?[ \t]*[;,]")


def _block_lines(text: str, start: int) -> list[tuple[int, int]]:
    """The lines a correction mark opens: its own, and those after it up to a blank line (an
    addendum's heading and the lines under it, or a correction a draft wrote one sentence a
    line), at most a few."""
    lines: list[tuple[int, int]] = []
    while start < len(text) and len(lines) < _BLOCK_LINES:
        end = end_of_line(text, start)
        if not text[start:end].strip():
            break
        lines.append((start, end))
        start = end + 1
    return lines


# How many lines a correction mark opens.
_BLOCK_LINES = 6


def _line_corrections(text: str, line: tuple[int, int], block: int) -> list[_Correction]:
    """Every correction on a line of a correction's block (starting at `block`) that names two
    values of one unit."""
    corrections: list[_Correction] = []
    taken: list[tuple[int, int]] = []
    for shape in _shapes():
        for found in shape.finditer(text, *line):
            old, new = found.group("old"), found.group("new")
            if any(s < found.end() and found.start() < e for s, e in taken):
                continue
            if not _same_unit(old, new) or _number(old) == _number(new):
                continue
            taken.append(found.span())
            corrections.append(
                _Correction(
                    old=_key(old),
                    line_start=line[0],
                    block_start=block,
                    subject=frozenset(_subject(text, line[0], found.start())),
                    old_span=found.span("old"),
                    new_span=(found.start("new"), found.start("new") + len(new.rstrip())),
                )
            )
    return corrections


# A value as a note writes it anywhere: a number, maybe a denominator, maybe a unit after it.
_WRITTEN = re.compile(
    r"(?<![\w./-])(-?\d{1,4}(?:\.\d{1,2})?(?:/\d{1,3})?)(?![\d.]|/\d)"
    r"(?:[ \t]*(°|deg(?:rees)?\b|%|kg\b|lbs?\b|cm\b|mm\b|s\b|sec\b|m\b|ft\b|min\b))?",
    re.IGNORECASE,
)


def _key(value: str) -> tuple[str, str]:
    """A value as its number and its unit, the unit as one spelling ("60 deg" as "60", "°")."""
    found = _WRITTEN.match(value.strip())
    if found is None:
        return value.strip(), ""
    return found.group(1), _spelled(found.group(2) or "")


def _spelled(unit: str) -> str:
    unit = unit.lower()
    return "°" if unit.startswith("deg") else unit


def _written_values(
    text: str, wanted: set[tuple[str, str]], before: int
) -> dict[tuple[str, str], tuple[list[int], list[tuple[int, int]]]]:
    """Where each wanted value is written before `before` (its starts and its places, in text
    order), in one pass over the text."""
    places: dict[tuple[str, str], tuple[list[int], list[tuple[int, int]]]] = {}
    for value in _WRITTEN.finditer(text, 0, before):
        key = value.group(1), _spelled(value.group(2) or "")
        glued = value.group(2) is None and _GLUED.match(text, value.end())
        if key in wanted and not glued:
            starts, spans = places.setdefault(key, ([], []))
            starts.append(value.start())
            spans.append(value.span())
    return places


# A number glued to a word ("5x", "3rd"): not the value.
_GLUED = re.compile(r"[A-Za-z]")


def _earlier(
    text: str,
    written: tuple[list[int], list[tuple[int, int]]],
    correction: _Correction,
    since: int,
) -> list[tuple[int, int]]:
    """Where the note wrote the old value between `since` and the correction's line (`written`:
    the value's starts and places): the one place, or the places on lines that name the
    correction's subject when there are several; of a line holding it more than once ("extension
    48°, supination 65°. Shoulder ER 65°"), only the places whose clause names the subject."""
    starts, places = written
    before = places[bisect_left(starts, since) : bisect_left(starts, correction.line_start)]
    if len(before) > 1:
        before = [
            place
            for place in before
            if correction.subject & _words(text, *_line_of(text, place[0]))
        ]
    lines = [_line_of(text, place[0]) for place in before]
    per_line = Counter(lines)
    return [
        place
        for place, line in zip(before, lines, strict=True)
        if per_line[line] == 1
        or correction.subject & _words(text, _clause_start(text, place[0]), place[0])
    ]


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding `at` starts: after the last comma, semicolon, full stop or table
    bar before it on its line, or the line's start."""
    line_start = text.rfind("\n", 0, at) + 1
    return max(text.rfind(mark, line_start, at) + 1 for mark in ",;.|") or line_start


def _inside(place: tuple[int, int], spans: list[Piece], starts: list[int]) -> bool:
    """The place overlaps one of the spans (in text order, `starts` their starts)."""
    at = bisect_right(starts, place[0]) - 1
    return any(span.start < place[1] and place[0] < span.end for span in spans[max(0, at) : at + 2])


def _subject(text: str, line_start: int, at: int) -> set[str]:
    """The words of the correction's sentence before its values: what it corrects."""
    sentence = max(text.rfind(".", line_start, at), text.rfind(";", line_start, at), line_start)
    return _words(text, sentence, at)


def _words(text: str, start: int, end: int) -> set[str]:
    return {word.group().lower() for word in _WORD.finditer(text, start, end)}


def _line_of(text: str, at: int) -> tuple[int, int]:
    return text.rfind("\n", 0, at) + 1, end_of_line(text, at)


def _same_unit(old: str, new: str) -> bool:
    """Both values written with the same unit, or neither with one ("60°, not 65°")."""
    return _unit(old) == _unit(new)


def _unit(value: str) -> str:
    found = _NUMBER.match(value.strip())
    rest = value.strip()[found.end() :] if found else value
    denominator = found.group().partition("/")[2] if found else ""
    return (denominator + rest.strip().lower().replace("degrees", "°").replace("deg", "°")).strip()


def _number(value: str) -> str:
    found = _NUMBER.match(value.strip())
    return found.group() if found else value


def end_of_line(text: str, at: int) -> int:
    """Where the line holding `at` ends (the text's end for its last line)."""
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _outermost(pieces: list[Piece]) -> list[Piece]:
    """The pieces in text order, each that overlaps an earlier one left out."""
    kept: list[Piece] = []
    for piece in sorted(pieces, key=lambda p: (p.start, -p.end)):
        if not kept or piece.start >= kept[-1].end:
            kept.append(piece)
    return kept
