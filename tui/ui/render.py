"""Drafts and notes as Rich Text: light Markdown styling plus highlighted check results.

One Text renderable per pane (not Textual's Markdown widget, which mounts a widget per block)
keeps j/k instant on long drafts, and lets the preview mark exactly the values the checks
flagged: unsupported values in the draft, missing facts in the source note.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

from rich.text import Text

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


def markdown_text(source: str, marks: Iterable[str] = ()) -> Text:
    """Markdown as styled Text; every occurrence of each string in `marks` is highlighted."""
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
