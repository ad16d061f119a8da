"""Rewrites of a note's layout for reading (tables as sentences, units moved next to values),
each mapped back to the characters it came from so every fact's span points into the note."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    """Replace text[start:end] with `value`; the new characters map to [src_start, src_end)."""

    start: int
    end: int
    value: str
    src_start: int
    src_end: int


def applied(text: str, pieces: list[Piece]) -> str:
    """The text with the pieces written in (in order; a piece overlapping an earlier one is
    left out), for a reader that needs the rewritten words but not the map back."""
    out: list[str] = []
    at = 0
    for piece in sorted(pieces, key=lambda p: (p.start, p.end)):
        if piece.start < at:
            continue
        out += [text[at : piece.start], piece.value]
        at = piece.end
    out.append(text[at:])
    return "".join(out)
