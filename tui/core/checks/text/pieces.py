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
