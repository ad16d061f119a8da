"""A finger's joints named once as a legend, their ranges written after it as one slashed list:
"L index AROM (MP / PIP / DIP):" over "3/4/2102:  0-78 / 10-82 / 5-45", or "MCP/PIP/DIP 0-85 /
10-95 / 0-60" on one line.

Read as prose, a slash after a range makes it a score or a date, so every range but the last is
lost, and the last takes the legend's last joint. Each range is written for reading with its
joint right before it and the slashes between them as commas ("MP 0-78, PIP 10-82, DIP
5-45"), the joint mapped to where the legend names it. Only a legend of two to four joints of a
digit (MCP, MP, PIP, DIP, IP, CMC, MTP) joined by slashes, each named once, and a list of as
many ranges (two numbers joined by a dash, each at most three digits) joined by slashes, on the
legend's line after it or on the lines of its block below (up to a blank line, at most
`_LINES_BELOW` lines), is read. The search is anchored on the legend, so a note is read in
linear time. The joints are those of measures.toml [rom] arc_joints, the words allowed before
the ranges [joint_lists] range_words.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.pieces import Piece


@cache
def _joint() -> str:
    """A digit's joint (measures.toml [rom] arc_joints, the joints joint_arcs reads), as
    written: in capitals."""
    return either([str(joint) for joint in measures_section("rom").get("arc_joints", ())])


@cache
def _legend() -> re.Pattern[str]:
    joint = _joint()
    return re.compile(rf"(?<![\w/])({joint})(?:[ \t]*/[ \t]*({joint})){{1,3}}(?![\w/])")


@cache
def _joint_name() -> re.Pattern[str]:
    return re.compile(_joint())


_ARC = r"-?\d{1,3}[ \t]*[-\u2013][ \t]*\d{1,3}"
# A list of two to four ranges joined by slashes, none of them part of a longer number run.
_ARCS = re.compile(rf"(?<![\d/.-])({_ARC})((?:[ \t]*/[ \t]*{_ARC}){{1,3}})(?![\d/]|[ \t]*/)")
_ONE_ARC = re.compile(_ARC)
_SLASH = re.compile(r"[ \t]*/[ \t]*")
_LINES_BELOW = 4


def joint_list_pieces(text: str) -> list[Piece]:
    """Pieces writing each joint of a legend before its range, the slashes as commas."""
    if "/" not in text:
        return []
    pieces: list[Piece] = []
    done = -1
    for legend in _legend().finditer(text):
        names = [(m.group(), m.start(), m.end()) for m in _joint_name().finditer(legend.group())]
        if len({name for name, _, _ in names}) != len(names):
            continue
        line_end = _line_end(text, legend.end())
        for start, end in _lines_after(text, legend.end(), line_end):
            if start < done:
                continue
            for arcs in _ARCS.finditer(text, start, end):
                if not _only_range_words(text[start : arcs.start()]):
                    break  # "MCP/PIP/DIP pain 2-3 / 4-5": ratings of the joints, no ranges
                pieces += _written(text, arcs, names, legend.start())
                done = start = arcs.end()
    return pieces


_WORDS = re.compile(r"[A-Za-z]+")


@cache
def _range_words() -> frozenset[str]:
    """Words that may stand between the legend (or a row's start) and its ranges: the finger,
    the side, the mode and the row's time (measures.toml [joint_lists] range_words)."""
    found = measures_section("joint_lists").get("range_words", ())
    return frozenset(str(word).lower() for word in found)


def _only_range_words(between: str) -> bool:
    allowed = _range_words()
    return all(word.group().lower() in allowed for word in _WORDS.finditer(between))


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _lines_after(text: str, legend_end: int, line_end: int) -> list[tuple[int, int]]:
    """The rest of the legend's line, then the lines of its block below it."""
    spans = [(legend_end, line_end)]
    at = line_end + 1
    for _ in range(_LINES_BELOW):
        if at >= len(text):
            break
        end = _line_end(text, at)
        if not text[at:end].strip():
            break
        spans.append((at, end))
        at = end + 1
    return spans


def _written(
    text: str, arcs: re.Match[str], names: list[tuple[str, int, int]], origin: int
) -> list[Piece]:
    """The pieces of one list, when it has as many ranges as the legend has joints."""
    ranges = list(_ONE_ARC.finditer(text, arcs.start(), arcs.end()))
    if len(ranges) != len(names):
        return []
    pieces: list[Piece] = []
    for index, (arc, (name, low, high)) in enumerate(zip(ranges, names, strict=True)):
        if index:
            slash = _SLASH.match(text, ranges[index - 1].end())
            if slash is None or slash.end() != arc.start():
                return []
            pieces.append(Piece(slash.start(), slash.end(), ", ", slash.start(), slash.end()))
        pieces.append(Piece(arc.start(), arc.start(), f"{name} ", origin + low, origin + high))
    return pieces
