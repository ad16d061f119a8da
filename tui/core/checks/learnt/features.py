"""The features of one reading: what the learnt second opinion sees of the text around a number.

One function serves training (tests/eval/learnt) and runtime, so the model is scored on exactly
what it was trained on. Features describe structure, not a note's words: the reading's kind, the
number's shape, whether it opens or closes a range or a slash pair, its column in a table or an
aligned row, the role of its line and its section, and the tokens right beside it with digits
folded to 0. Every look stays inside the number's line, so a long note reads in linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# The version of the feature list; the weights file names the one it was trained on.
FEATURE_VERSION = 1

# A number token as the readers see one ("41", "4.5", ".5" is not one).
NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?")
_WORD = re.compile(r"[a-z]+|[0-9]+(?:\.[0-9]+)?|[^\sa-z0-9]")
_DIGITS = re.compile(r"[0-9]")
_KEY = re.compile(r"\s*(?:[#*\-\u2022>]+\s*)?([A-Za-z][A-Za-z /&()'-]{0,40}?)\s*:")
_BULLET = re.compile(r"\s*(?:[-*\u2022\u25aa>]|\d{1,2}[.)])\s")
_DATE = re.compile(r"\b\d{1,4}[/-]\d{1,2}[/-]\d{2,4}\b")
_ALIGNED_GAP = re.compile(r"\S( {3,}|\t+)(?=\S)")
_RANGE_END = re.compile(r"\d\s*(?:[-\u2013\u2014~]|to)\s*\Z")
_RANGE_START = re.compile(r"\s*(?:[-\u2013\u2014~]|to)\s*\d")
_SLASH_BEFORE = re.compile(r"\d\s*/\s*\Z")
_SLASH_AFTER = re.compile(r"\s*/\s*\d")
_OF_AFTER = re.compile(r"\s*(?:of|out of)\s+\d", re.IGNORECASE)
_TIMES_BEFORE = re.compile(r"[x\u00d7*@]\s*\Z", re.IGNORECASE)
_TIMES_AFTER = re.compile(r"\s*[x\u00d7]\s*\d", re.IGNORECASE)
_SIGN_BEFORE = re.compile(r"(?<![\w\d])[-+]\Z")
# How far along its line a reading's features look, each way.
_REACH = 240


def _fold(word: str) -> str:
    return _DIGITS.sub("0", word.lower())


def _key_of(line: str) -> str:
    """The words before a line's opening colon ("Plan:", "- Goals:"), folded; else ""."""
    match = _KEY.match(line)
    if match is None:
        return ""
    words = _WORD.findall(match.group(1).lower())
    return " ".join(word for word in words if word.isalpha())[:24]


def _is_heading(line: str) -> bool:
    """A line that opens a section: a Markdown heading, a short line ending in a colon with no
    number, or a short line in capitals."""
    bare = line.strip()
    if not bare or any(ch.isdigit() for ch in bare):
        return False
    if bare.startswith("#"):
        return True
    if bare.endswith(":") and len(bare) <= 40:
        return True
    letters = [ch for ch in bare if ch.isalpha()]
    return len(letters) >= 3 and len(bare) <= 40 and all(ch.isupper() for ch in letters)


@dataclass(frozen=True)
class Layout:
    """A text's lines and the section each one sits in, found once per text."""

    text: str
    starts: tuple[int, ...]
    sections: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Layout:
        starts: list[int] = []
        sections: list[str] = []
        section = ""
        position = 0
        for line in text.split("\n"):
            starts.append(position)
            if _is_heading(line):
                section = _key_of(line + ":") or " ".join(_WORD.findall(line.lower()))[:24]
            sections.append(section)
            position += len(line) + 1
        return cls(text=text, starts=tuple(starts), sections=tuple(sections))

    def line_at(self, position: int) -> tuple[int, int, int]:
        """The index, start and end of the line holding `position`."""
        index = max(0, bisect_right(self.starts, position) - 1)
        start = self.starts[index]
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return index, start, end


def number_at(text: str, span: tuple[int, int], value: object) -> tuple[int, int]:
    """The span of the reading's own number inside its span: the token equal to its value (or its
    size, a deficit read as a positive angle), else the last number in the span."""
    start, end = span
    tokens = list(NUMBER.finditer(text, start, max(start, end)))
    if isinstance(value, int | float) and not isinstance(value, bool):
        for token in tokens:
            if abs(float(token.group()) - abs(float(value))) < 1e-9:
                return token.span()
    if tokens:
        return tokens[-1].span()
    return start, max(start, end)


def _magnitude(number: str) -> str:
    if NUMBER.fullmatch(number) is None:
        return "words"  # a number spelled out, or a grade
    value = float(number)
    for top, name in ((0, "0"), (5, "le5"), (10, "le10"), (20, "le20"), (56, "le56")):
        if value <= top:
            return name
    for top, name in ((100, "le100"), (200, "le200"), (1000, "le1000")):
        if value <= top:
            return name
    return "big"


def _shape(before: str, after: str, number: str) -> list[str]:
    """Where the number sits among its neighbours: a range's end or start, a slash pair's halves,
    "N of M", a count of sets, a sign."""
    marks = []
    if _RANGE_END.search(before):
        marks.append("range_end")
    if _RANGE_START.match(after):
        marks.append("range_start")
    if _SLASH_BEFORE.search(before):
        marks.append("slash_den")
    if _SLASH_AFTER.match(after):
        marks.append("slash_num")
    if _OF_AFTER.match(after):
        marks.append("of_m")
    if _TIMES_BEFORE.search(before) or _TIMES_AFTER.match(after):
        marks.append("times")
    if _SIGN_BEFORE.search(before):
        marks.append("signed")
    marks.append("dec" if "." in number else "int")
    return marks


def _columns(line: str, offset: int) -> list[str]:
    """The number's column: its cell in a pipe table (and the row's first cell), or its column in
    a row aligned by runs of spaces."""
    found = []
    if line.count("|") >= 2:
        cells = line.split("|")
        cell = line.count("|", 0, offset)
        first = next((c for c in cells if c.strip()), "")
        found.append(f"cell={min(cell, 6)}")
        found.append("first=" + " ".join(_fold(w) for w in _WORD.findall(first.lower())[:2]))
    gaps = [m.start(1) for m in _ALIGNED_GAP.finditer(line)]
    if len(gaps) >= 2:
        found.append(f"aligned={min(sum(1 for gap in gaps if gap < offset), 5)}")
    return found


def _role(line: str) -> list[str]:
    roles = []
    if _BULLET.match(line):
        roles.append("bullet")
    if _DATE.search(line):
        roles.append("dated")
    if line.lstrip().startswith(("#", "**")):
        roles.append("markup")
    key = _key_of(line)
    roles.append(f"key={key}")
    words = [word for word in _WORD.findall(line.lower()) if word.isalpha()]
    roles.append("first=" + (words[0] if words else ""))
    return roles


def features(layout: Layout, kind: str, number: tuple[int, int]) -> list[str]:
    """Every feature of a reading of `kind` whose number sits at `number` in the layout's text."""
    text = layout.text
    start, end = number
    index, line_start, line_end = layout.line_at(start)
    # a window of the line, so a note written as one long line still reads in linear time
    window_start = max(line_start, start - _REACH)
    line = text[window_start : min(line_end, end + _REACH)]
    head = text[line_start : min(line_end, line_start + _REACH)]
    offset = start - window_start
    before, after = line[:offset], line[end - window_start :]
    token = text[start:end]
    left = [_fold(w) for w in _WORD.findall(before.lower())[-3:]]
    right = [_fold(w) for w in _WORD.findall(after.lower())[:3]]
    numbers_before = sum(1 for _ in NUMBER.finditer(before))
    numbers_all = numbers_before + 1 + sum(1 for _ in NUMBER.finditer(after))
    shape = _shape(before, after, token)
    found = [f"k={kind}", f"k={kind}|mag={_magnitude(token)}"]
    found += [f"s={mark}" for mark in shape]
    found += [f"k={kind}|s={mark}" for mark in shape]
    column = min(numbers_before, 4)
    found += [f"col={column}", f"k={kind}|col={column}", f"ncol={min(numbers_all, 5)}"]
    found += [f"c:{mark}" for mark in _columns(line, offset)]
    found += [f"r:{mark}" for mark in _role(head)]
    found.append(f"sec={layout.sections[index]}")
    found.append(f"k={kind}|sec={layout.sections[index]}")
    found.append("b1=" + (left[-1] if left else "^"))
    found.append("b2=" + (" ".join(left[-2:]) if len(left) >= 2 else "^"))
    found.append("a1=" + (right[0] if right else "$"))
    found.append("a2=" + (" ".join(right[:2]) if len(right) >= 2 else "$"))
    found.append(f"k={kind}|b1=" + (left[-1] if left else "^"))
    found.append(f"k={kind}|a1=" + (right[0] if right else "$"))
    found += [f"bw={word}" for word in left if word.isalpha()]
    found += [f"aw={word}" for word in right if word.isalpha()]
    return sorted(set(found))
