"""Sentences a draft copies from its note word for word.

A draft that copies a note's sentence ("Today: re-evaluation 35 minutes (97164), then 14 minutes
of gait training ... (97116)") says nothing the note does not, whatever its reader makes of the
copy (here the 14 minutes read as the re-evaluation's). A draft value is the note's when its
sentence, bullets and spacing aside, is one of the note's sentences and the note writes the
value there as a fact or as a number its reader left unread (never a goal or a threshold it
blocks). A changed or invented value makes the sentence another one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui.core.checks.verify.lines import sentence_at

# A full stop that ends a sentence (not a decimal point), as lines.sentence_at cuts them.
_STOP = re.compile(r"\.(?!\d)")
# Markers before a line's words: bullets, numbers of a list, Markdown emphasis, spaces.
_MARKERS = re.compile(r"^[\s\-*\u2022>#]+")
_SPACES = re.compile(r"\s+")
# Sentences shorter than this say too little to be a copy ("Pain 5/10." is in many notes).
_SHORTEST = 20


def key(sentence: str) -> str:
    """A sentence as compared: markers before it dropped, spacing collapsed, lower case."""
    return _SPACES.sub(" ", _MARKERS.sub("", sentence)).strip().lower()


def _sentences(text: str) -> Iterator[tuple[str, int, int]]:
    """Each sentence of each line with where it starts and ends in `text`."""
    at = 0
    for line in text.split("\n"):
        begin = 0
        for stop in _STOP.finditer(line):
            yield line[begin : stop.end()], at + begin, at + stop.end()
            begin = stop.end()
        if begin < len(line):
            yield line[begin:], at + begin, at + len(line)
        at += len(line) + 1


def sentence_index(text: str) -> dict[str, list[tuple[int, int]]]:
    """The note's sentences by their key, with where each is written."""
    index: dict[str, list[tuple[int, int]]] = {}
    for sentence, start, end in _sentences(text):
        if len(found := key(sentence)) >= _SHORTEST:
            index.setdefault(found, []).append((start, end))
    return index


def copied_from(
    text: str, position: int, index: dict[str, list[tuple[int, int]]]
) -> list[tuple[int, int]]:
    """Where the note writes the sentence that holds `position` in the draft, if it does."""
    return index.get(key(sentence_at(text, position)), [])
