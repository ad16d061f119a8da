"""Drafts and notes as Rich Text, and the guard on everything the app draws.

One Text renderable per pane (not Textual's Markdown widget, which mounts a widget per block)
keeps j/k instant on long drafts, and lets the preview mark exactly the values the checks
flagged: unsupported values in the draft, missing facts in the source note. Control characters
in a note or a draft are shown as visible stand-ins (`tui.core.security.terminal_text.visible`), and
`NoControlCharacters` removes any that reach a drawn line by another way, so no text from a
note, a file name or a model answer is ever a terminal control sequence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import Final

from rich.segment import Segment
from rich.text import Text
from textual.color import Color
from textual.filter import LineFilter

from tui.core.security.terminal_text import CONTROL, CONTROL_IN_LINE, visible

HIGHLIGHT: Final = "black on yellow"
_HEADING: Final = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET: Final = re.compile(r"^(\s*)[-*+]\s+(.*)$")
_QUOTE: Final = re.compile(r"^>\s?(.*)$")
_BOLD: Final = re.compile(r"\*\*(.+?)\*\*")
_RULE: Final = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")


def _inline(line: str, style: str = "") -> Text:
    """One line with **bold** spans (markers removed)."""
    text = Text(style=style)
    position = 0
    for match in _BOLD.finditer(line):
        text.append(line[position : match.start()])
        text.append(match.group(1), style="bold")
        position = match.end()
    text.append(line[position:])
    return text


class NoControlCharacters(LineFilter):
    """The last guard before the terminal: control characters are deleted from every segment
    of every drawn line, whichever widget drew it (a notification, a dialog, a title…). They
    take no cells, so deleting them keeps every column where it was."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(CONTROL_IN_LINE.search(segment.text) for segment in segments):
            return segments
        return [
            Segment(CONTROL_IN_LINE.sub("", text), style, control)
            if not control and CONTROL_IN_LINE.search(text)
            else Segment(text, style, control)
            for text, style, control in segments
        ]


def markdown_text(source: str, marks: Iterable[str] = ()) -> Text:
    """Markdown as styled Text; every occurrence of each string in `marks` is highlighted."""
    source = visible(source, multiline=True)
    marks = [visible(mark, multiline=True) for mark in marks]
    lines: list[Text] = []
    for line in source.splitlines():
        if heading := _HEADING.match(line):
            level = len(heading.group(1))
            style = "bold underline" if level == 1 else "bold"
            lines.append(_inline(heading.group(2), style))
        elif _RULE.match(line):
            lines.append(Text("─" * 24, style="dim"))
        elif bullet := _BULLET.match(line):
            lines.append(Text(bullet.group(1) + "• ").append_text(_inline(bullet.group(2))))
        elif quote := _QUOTE.match(line):
            lines.append(Text("▌ ", style="dim").append_text(_inline(quote.group(1), "italic")))
        else:
            lines.append(_inline(line))
    text = Text("\n").join(lines)
    needles = sorted({mark for mark in marks if mark.strip()}, key=len, reverse=True)
    if needles:
        text.highlight_words(needles, HIGHLIGHT)
    return text


def numbered_text(source: str, spans: Sequence[tuple[int, int]] = ()) -> Text:
    """A note with line numbers, character spans highlighted (missing facts)."""
    source, spans = _visible_with_spans(source, spans)
    text = Text(source)
    for start, end in spans:
        if 0 <= start < end <= len(source):
            text.stylize(HIGHLIGHT, start, end)
    lines = text.split("\n", allow_blank=True)
    width = len(str(len(lines)))
    numbered = [
        Text(f"{number:>{width}} │ ", style="dim").append_text(line)
        for number, line in enumerate(lines, start=1)
    ]
    return Text("\n").join(numbered)


def line_of(source: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return source.count("\n", 0, max(0, offset)) + 1


def _visible_with_spans(
    source: str, spans: Sequence[tuple[int, int]]
) -> tuple[str, Sequence[tuple[int, int]]]:
    """`source` with its control characters made visible (tabs and newlines kept), and `spans`
    moved with the text they cover (a stand-in may be longer than the character it shows)."""
    if CONTROL.search(source) is None:
        return source, spans
    pieces: list[str] = []
    ends: list[int] = []  # where each replaced character ended in `source`
    extra: list[int] = []  # how much longer the text is after it
    position = grown = 0
    for match in CONTROL.finditer(source):
        stand_in = visible(match.group())
        pieces += [source[position : match.start()], stand_in]
        grown += len(stand_in) - 1
        ends.append(match.end())
        extra.append(grown)
        position = match.end()
    pieces.append(source[position:])

    def moved(offset: int) -> int:
        index = bisect_right(ends, offset)
        return offset + (extra[index - 1] if index else 0)

    return "".join(pieces), [(moved(start), moved(end)) for start, end in spans]
