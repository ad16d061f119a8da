"""The lines of a text as spans, for the layout readers that walk a note line by line keeping
a stack of parents (key_paths, parent_names): one walk, each line found once, so the readers
stay linear and agree on what a line is."""

from __future__ import annotations

from collections.abc import Iterator


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """Each line's start and end (without its line end), in order; a line end at the text's
    end opens no empty line after it."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start)
        end = size if end < 0 else end
        yield start, end
        start = end + 1
