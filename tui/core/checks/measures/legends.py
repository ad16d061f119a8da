"""Which side or timepoint a value of a list is, from a legend that names each position.

Therapists write two or more values as one list and say once what each position is: in a
heading over the rows ("Measurements (L / R):" then "Grip: 21.0 kg / 15.5 kg"), after the
values ("grip 52/38 lb R/L", "95/121° (then/now)") or before them on the line ("Key muscles
(R | L): knee ext 4/5 | 5/5", "initial vs current: -12° vs -3°"). The n-th item of the legend
names the n-th value, and only when the legend and the list have as many items. A list is
values set apart by a slash, a bar or "vs" with spaces around ("3+/5 / 4-/5"), or numbers joined
by bare slashes and closed by a unit ("52/38 lb"); a grade or a score out of its maximum ("4/5",
"8/10") is one value, not a list.

A legend may name a target ("was / now / target", "IE | now | goal"): the value in that place
is a goal, never a measurement (`target_spans`). A heading underlined by the line below it
carries a legend as a heading with a colon does.

A legend is looked for only on the value's line and on the few lines of its block above, so
reading stays linear in the note's length. The timepoint words are data (legends.toml); the
side words are attribution's (measures.toml [attribution] side_after).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

from tui.core.checks.measures import labels
from tui.core.checks.tables import attribution_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.barriers import never_read
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.per_reading import remembered

_DATA = Path(__file__).resolve().parent.parent.parent / "data" / "legends.toml"
_UNIT = r"(?:°|deg(?:rees?)?\b|%|kg\b|lbs?\b|cm\b|mm\b|m/s\b|sec\b|secs\b|s\b|m\b|ft\b|reps?\b)"
# One value of a spaced list: a signed number with its grade sign, its denominator and its unit.
# Its maximum is written tight to it ("8/13 / 11/13"): a slash with spaces on both sides
# parts two values ("64 / 85 / 90" under "was / now / target").
_MEMBER = (
    r"[-+~]?\d+(?:\.\d+)?(?:[ \t]*[+-](?![\d]))?"
    r"(?:/[ \t]*\d+(?:\.\d+)?(?![ \t]*\d)|[ \t]+/\d+(?:\.\d+)?(?![ \t]*\d))?"
    rf"(?:[ \t]*{_UNIT})?"
)
_MEMBER_AT = re.compile(_MEMBER, re.IGNORECASE)
# Numbers joined by bare slashes and closed by a unit: "52/38 lb", "150/120 deg", "95/121°".
_TIGHT = re.compile(
    rf"(?<![\w./+-])(-?\d+(?:\.\d+)?°?(?:/-?\d+(?:\.\d+)?°?)+)(?:[ \t]*{_UNIT})?", re.IGNORECASE
)
_TIGHT_NUMBER = re.compile(r"-?\d+(?:\.\d+)?°?")
_HEADING_LINES = 8
# How far up a block of rows a heading's legend is looked for: a table of a re-assessment runs
# to a dozen rows and more ("Objective (today | initial 02/11):" over 11 rows), and its legend
# names the last row's columns as it names the first's. A blank line still ends the block.
_TABLE_ROWS = 30
# Between two values of a spaced list.
_GAP = re.compile(r"[ \t]*(?:\||/|vs\.?|versus)[ \t]*", re.IGNORECASE)


@dataclass(frozen=True)
class Position:
    """What a legend says of one value of a list: its side ("" when the legend names no
    side), whether it is an earlier value (None when the legend names no timepoint) and
    whether it is a target rather than a measurement."""

    side: str = ""
    prior: bool | None = None
    target: bool = False


@dataclass(frozen=True)
class ListMember:
    """A value's place in the list that holds it: its index, the list's length and the span
    of the list's first value (which names what the whole list is of)."""

    index: int
    size: int
    first: tuple[int, int]
    spaced: bool


@dataclass(frozen=True)
class _Words:
    earlier: re.Pattern[str]
    later: re.Pattern[str]
    target: re.Pattern[str]
    target_word: re.Pattern[str]
    side: re.Pattern[str]
    interval: re.Pattern[str]
    legend: re.Pattern[str]
    legend_start: re.Pattern[str] | None
    item: re.Pattern[str]
    spaced: re.Pattern[str]


@cache
def from_fillers() -> frozenset[str]:
    """The words that may stand between "from" and the earlier value it leads to (legends.toml
    from_fillers), lower case."""
    return frozenset(word.lower() for word in legend_words().get("from_fillers", ()))


@cache
def legend_words() -> dict[str, list[str]]:
    """The word lists of legends.toml (timepoints of a legend, dated values, earlier labels)."""
    data = tomllib.loads(_DATA.read_text(encoding="utf-8"))
    return {str(key): [str(word) for word in words] for key, words in data.items()}


# A check that reads ahead of where it stands: a legend's opening holding one may read past the
# end of a search cut short, so where legends can open is then not worked out (`_LineLegends`).
_LOOKS_AHEAD = re.compile(r"\(\?[=!]|\\[bBZ]|\$")


@cache
def _words() -> _Words:
    data = legend_words()
    # an earlier report's name is an earlier item too ("T&M (today / PR 03/27):")
    earlier = either((*data["earlier"], *data.get("earlier_reports", ())))
    later = either(data["later"])
    target = either(data["target"])
    sides = either(attribution_words().get("side_after", ()))
    separator = either(data["separators"])
    interval = either(data.get("intervals", ()))
    item = rf"(?:{sides}|{earlier}|{later}|{target}|{interval})"
    # an item may say when ("today / at eval 11/28"): "at" before it, a date after it
    dated = rf"(?:(?:at|@)[ \t]+)?{item}(?:[ \t]+\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)?"
    edge, tail = r"(?<![\w/])", r"(?![\w/])"
    flags = re.IGNORECASE
    opening = rf"{edge}{dated}[ \t]*(?:{separator})"
    return _Words(
        earlier=re.compile(rf"(?:{earlier})", flags),
        later=re.compile(rf"(?:{later})", flags),
        target=re.compile(rf"(?:{target})", flags),
        target_word=re.compile(rf"(?<![\w-])(?:{target})(?![\w-])", flags),
        side=re.compile(rf"(?:{sides})", flags),
        interval=re.compile(rf"(?:{interval})", flags),
        legend=re.compile(rf"{edge}{dated}(?:[ \t]*(?:{separator})[ \t]*{dated})+{tail}", flags),
        legend_start=None if _LOOKS_AHEAD.search(opening) else re.compile(f"(?={opening})", flags),
        item=re.compile(rf"(?<!\w){item}(?!\w)", flags),
        spaced=re.compile(
            rf"(?<![\w./]){_MEMBER}(?:[ \t]*(?:\||(?<=[ \t])/(?=[ \t])|\bvs\.?|\bversus)"
            rf"[ \t]*{_MEMBER})+",
            flags,
        ),
    )


def member_of(text: str, line: tuple[int, int], start: int) -> ListMember | None:
    """The list on the line that holds the value starting at `start`, if any."""
    held = _held_at(text, line).get(start - line[0])
    if held is None:
        return None
    members, spaced, index = held
    first = (members[0][0] + line[0], members[0][1] + line[0])
    return ListMember(index, len(members), first, spaced)


def in_list(line: str, offset: int) -> bool:
    """True when the character at `offset` of a line is in a value of a list on it."""
    return offset in _held(line)


Members = tuple[tuple[int, int], ...]


def _held_at(text: str, line: tuple[int, int]) -> dict[int, tuple[Members, bool, int]]:
    """`_held` of a line of the text, looked up by the text and the line's bounds within one
    reading (text/per_reading.py): a line cut out again for each value is hashed again."""
    return remembered(("legends.held", text, line), lambda: _held(text[line[0] : line[1]]))


@lru_cache(maxsize=4096)
def _held(line: str) -> dict[int, tuple[Members, bool, int]]:
    """Each character of the line's list values to its list, whether spaces set the list
    apart, and its value's index (the first list to hold it): found once per line, not once
    per value, so a long line of lists reads in linear time."""
    held: dict[int, tuple[Members, bool, int]] = {}
    for members, spaced in _lists(line):
        for index, (low, high) in enumerate(members):
            for offset in range(low, high):
                held.setdefault(offset, (members, spaced, index))
    return held


@lru_cache(maxsize=4096)
def _lists(line: str) -> tuple[tuple[tuple[tuple[int, int], ...], bool], ...]:
    """Each list of values on a line as (the spans of its values, whether spaces set them
    apart)."""
    found: list[tuple[tuple[tuple[int, int], ...], bool]] = []
    for match in _words().spaced.finditer(line):
        members = tuple(m.span() for m in _members(line, match.start(), match.end()))
        if len(members) > 1:
            found.append((members, True))
    for match in _TIGHT.finditer(line):
        if any(members[0][0] <= match.start() < members[-1][1] for members, _ in found):
            continue
        if not _unit_closes(match) and not _sides_close(line, match):
            continue
        members = tuple(m.span() for m in _TIGHT_NUMBER.finditer(line, *match.span(1)))
        if len(members) > 1:
            found.append((members, False))
    return tuple(found)


def _members(line: str, start: int, end: int) -> list[re.Match[str]]:
    """The values of a spaced list, skipping the separators between them."""
    members = []
    position = start
    while position < end:
        member = _MEMBER_AT.match(line, position)
        if member is None or member.end() == member.start():
            position += 1
            continue
        members.append(member)
        position = member.end()
        gap = _GAP.match(line, position)
        if gap is None:
            break
        position = gap.end()
    return members


def _unit_closes(match: re.Match[str]) -> bool:
    """A bare-slash list counts only when a unit (or degrees) closes it: "52/38 lb", not the
    "4/5" of a grade or the "8/10" of a rating."""
    return match.end() > match.end(1) or match.group(1).endswith("°")


# The least each value of a bare-slash list closed only by a side legend must be: a pair of
# angles or loads ("Shoulder elevation 150/165 (R/L)"), never a grade or a rating out of its
# maximum ("4/5 (R/L)", "3/10 (R/L)").
_LEAST_SIDED = 10


def _sides_close(line: str, match: re.Match[str]) -> bool:
    """A bare-slash list of values above `_LEAST_SIDED` closed by a legend of sides only
    ("150/165 (R/L)", "30/42 L/R"): each value is its side's, as with a unit."""
    numbers = [float(n.group().rstrip("\u00b0")) for n in _TIGHT_NUMBER.finditer(match.group(1))]
    if min(numbers) <= _LEAST_SIDED:
        return False
    items = _after(line, match.end())
    return bool(items) and all(_words().side.fullmatch(item.strip()) for item in items or ())


def member_spans(text: str, line: tuple[int, int], member: ListMember) -> list[tuple[int, int]]:
    """The spans of every value of the member's list."""
    members = _firsts_at(text, line).get(member.first[0] - line[0], ())
    return [(low + line[0], high + line[0]) for low, high in members]


def _firsts_at(text: str, line: tuple[int, int]) -> dict[int, Members]:
    return remembered(("legends.firsts", text, line), lambda: _firsts(text[line[0] : line[1]]))


@lru_cache(maxsize=4096)
def _firsts(line: str) -> dict[int, Members]:
    """Each list of the line by where its first value starts (the first list to start there)."""
    firsts: dict[int, Members] = {}
    for members, _ in _lists(line):
        firsts.setdefault(members[0][0], members)
    return firsts


def position(
    text: str, line: tuple[int, int], member: ListMember, index: int | None = None
) -> Position:
    """What the legend of the member's list says of it (or of the list's value at `index`),
    or an empty Position."""
    line_text = text[line[0] : line[1]]
    spans = member_spans(text, line, member) or [member.first]
    list_start, list_end = spans[0][0], spans[-1][1]
    names = _after(line_text, list_end - line[0]) or _before(
        line_text, list_start - line[0], member.size
    )
    if names is None and _each_named_at(text, line):
        # With several lists side by side ("Radial / ulnar  12° / 30°  18° / 38°" under "R / L"),
        # the heading's items name the lists, not the values within each; lists that each
        # follow a name of their own ("flex 4-/5 / 3-/5; ER 4-/5 / 3/5" under "now / IE") are
        # rows of their own, and the heading names the values within each.
        names = _heading(text, line[0], member.size)
    if names is None or len(names) != member.size:
        return Position()
    return _named_among(names, member.index if index is None else index)


def _named_among(names: list[str], index: int) -> Position:
    """What the legend's item at `index` names, read in its legend's order: of two items of a
    later time ("IE / re-eval / today"), only the last is this visit's, the ones before it are
    earlier visits; an interval before one ("IE | 6 wk | now") is an earlier visit too, and
    names no time on its own."""
    named = _named(names[index])
    undated = named.prior is None and _words().interval.fullmatch(names[index]) is not None
    if (named.prior is False or undated) and any(
        _named(item).prior is False for item in names[index + 1 :]
    ):
        return dataclasses.replace(named, prior=True)
    return named


_LETTER = re.compile(r"[A-Za-z]")


def _each_named_at(text: str, line: tuple[int, int]) -> bool:
    """`_each_named` of a line of the text, found once per line within one reading, not once
    per value of it."""
    return remembered(("legends.named", text, line), lambda: _each_named(text[line[0] : line[1]]))


def _each_named(line: str) -> bool:
    """The line holds one list, or each of its lists after the first follows words of its own
    (a name between two lists), so none of them is a column of the others."""
    found = sorted(members for members, _ in _lists(line))
    return all(
        _LETTER.search(line, before[-1][1], after[0][0]) is not None
        for before, after in pairwise(found)
    )


_AFTER = re.compile(rf"(?:[ \t]*{_UNIT})?[ \t]*\(?[ \t]*", re.IGNORECASE)


def _after(line: str, end: int) -> list[str] | None:
    """A legend right after the list ("52/38 lb R/L", "95/121° (then/now)")."""
    lead = _AFTER.match(line, end)
    legend = _words().legend.match(line, lead.end() if lead else end)
    return _items(legend.group()) if legend else None


def _before(line: str, start: int, size: int) -> list[str] | None:
    """The last legend before the list on its line with as many items as the list. The line's
    legends before the last character no legend can hold (text/barriers.py) are the same
    whatever follows, so they are found once per line; only the stretch after it is read again
    for each list."""
    legends = _legends(line)
    bound = legends.bound_before(start)
    opening = legends.opening_from(bound)
    tail = [
        items
        for m in _words().legend.finditer(line, opening, start)
        if len(items := _items(m.group())) == size
    ]
    return tail[-1] if tail else legends.last(size, bound)


@dataclass(frozen=True)
class _LineLegends:
    """A line's legends, each with as many items as a list it may name, by where they start,
    and where the characters no legend can hold stand."""

    starts: dict[int, list[int]]
    items: dict[int, list[list[str]]]
    bounds: list[int]
    openings: list[int] | None
    end: int

    def opening_from(self, start: int) -> int:
        """The first place at or after `start` where a legend can open: its first item and a
        separator after it, read on the whole line. A legend found by a search cut short holds
        them, read the same whole or cut short (its opening reads nothing past its own
        characters), so no search up to any position finds one before this place. The line's
        end when no legend can open after `start`; `start` itself when openings are unknown."""
        if self.openings is None:
            return start
        index = bisect.bisect_left(self.openings, start)
        return self.openings[index] if index < len(self.openings) else self.end

    def bound_before(self, start: int) -> int:
        """The last character before `start` no legend can hold (0 when there is none)."""
        index = bisect.bisect_left(self.bounds, start) - 1
        return self.bounds[index] if index >= 0 else 0

    def last(self, size: int, before: int | None = None) -> list[str] | None:
        """The last legend of `size` items starting before `before` (anywhere when None)."""
        starts = self.starts.get(size, [])
        index = len(starts) if before is None else bisect.bisect_left(starts, before)
        return self.items[size][index - 1] if index > 0 else None


@lru_cache(maxsize=4096)
def _legends(line: str) -> _LineLegends:
    starts: dict[int, list[int]] = {}
    items: dict[int, list[list[str]]] = {}
    for m in _words().legend.finditer(line):
        found = _items(m.group())
        starts.setdefault(len(found), []).append(m.start())
        items.setdefault(len(found), []).append(found)
    barrier = never_read(_words().legend)
    bounds = [index for index, char in enumerate(line) if char in barrier]
    opening = _words().legend_start
    openings = None if opening is None else [m.start() for m in opening.finditer(line)]
    return _LineLegends(starts, items, bounds, openings, len(line))


def _heading(text: str, line_start: int, size: int) -> list[str] | None:
    """A legend on the heading line over the value's block ("Measurements (R / L):", or a
    heading underlined by the line under it: "MEASURES (today / at eval 11/28)" over "-----"):
    the nearest such line above, with no blank line between."""
    position = line_start
    for _ in range(_TABLE_ROWS):
        if position <= 0:
            return None
        above_start = text.rfind("\n", 0, position - 1) + 1
        above = text[above_start : position - 1]
        if not above.strip():
            return None
        if _UNDERLINE.fullmatch(above) and above_start > 0:
            heading_start = text.rfind("\n", 0, above_start - 1) + 1
            return _matching(text[heading_start : above_start - 1], size)
        if above.rstrip().endswith(":"):
            return _matching(above, size)
        position = above_start
    return None


# A line that underlines the heading above it ("-----", "=====").
_UNDERLINE = re.compile(r"[ \t]*(?:-{3,}|={3,}|~{3,})[ \t]*")


def _matching(heading: str, size: int) -> list[str] | None:
    """The last legend on a heading line with as many items as the list has values."""
    return _legends(heading).last(size)


def target_spans(text: str) -> list[tuple[int, int]]:
    """The values a legend names as targets ("Measures - was / now / target:" over "60 deg /
    72 deg / 75 deg": 75 is the goal). Only lines with a target word in a legend are looked
    at, each once, with the lines of the block under them."""
    spans: list[tuple[int, int]] = []
    seen: set[int] = set()
    words = _words()
    for hit in line_scan(words.target_word, text):
        line_start = text.rfind("\n", 0, hit.start()) + 1
        if line_start in seen:
            continue
        seen.add(line_start)
        line_end = _line_end(text, line_start)
        legends = [_items(m.group()) for m in words.legend.finditer(text, line_start, line_end)]
        if not any(words.target.fullmatch(item) for items in legends for item in items):
            continue
        for line in _block_lines(text, line_start):
            spans.extend(_targets_on(text, line))
    return spans


def _line_end(text: str, line_start: int) -> int:
    end = text.find("\n", line_start)
    return len(text) if end < 0 else end


def _block_lines(text: str, line_start: int) -> list[tuple[int, int]]:
    """A legend's line and the lines of the block under it, up to a blank line."""
    lines = []
    start = line_start
    for _ in range(_HEADING_LINES + 1):
        end = _line_end(text, start)
        if start > line_start and not text[start:end].strip():
            break
        lines.append((start, end))
        if end >= len(text):
            break
        start = end + 1
    return lines


def _targets_on(text: str, line: tuple[int, int]) -> list[tuple[int, int]]:
    """The values of the line's lists that their legend names as targets."""
    found = []
    for members, spaced in _lists(text[line[0] : line[1]]):
        first = (members[0][0] + line[0], members[0][1] + line[0])
        member = ListMember(0, len(members), first, spaced)
        for index, (low, high) in enumerate(members):
            if position(text, line, member, index).target:
                found.append((low + line[0], high + line[0]))
    return found


def _items(legend: str) -> list[str]:
    return [m.group() for m in _words().item.finditer(legend)]


def _named(item: str) -> Position:
    words = _words()
    if words.side.fullmatch(item):
        return Position(side=labels.side_name(item))
    if words.earlier.fullmatch(item):
        return Position(prior=True)
    if words.later.fullmatch(item):
        return Position(prior=False)
    if words.target.fullmatch(item):
        return Position(target=True)
    return Position()
