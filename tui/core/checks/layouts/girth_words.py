"""The words that name a girth or an edema measure: each opens a region of girths
(measures/others.read_regions, girth_rows), and a heading holding one is left to the girth reader
by the other layout readers (side_pairs)."""

from __future__ import annotations

GIRTH_WORDS = (
    r"\b(?:edema|girths?|circumferences?|circumferential|circ"
    r"|figure[- ]?(?:8|of[- ]8|eight)|swelling|volumetric|volumetry|volumes?"
    r"|perometer|perometry|water[- ]displacement)\b"
)
