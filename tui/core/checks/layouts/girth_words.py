"""The words that name a girth or an edema measure: each opens a region of girths
(measures/others.read_regions, girth_rows), and a heading holding one is left to the girth reader
by the other layout readers (side_pairs)."""

from __future__ import annotations

# The figure-of-8 is a girth's method and its landmark at once ("Figure-of-8 ankle 57.5"): it
# names the kind, and a row under a girth heading may be named by it (layouts/girth_blocks.py).
FIGURE_OF_8 = r"fig(?:ure|\.)?[- ]?(?:8|of[- ]8|eight)"

GIRTH_WORDS = (
    r"\b(?:edema|girths?|circumferences?|circumferential|circ"
    rf"|{FIGURE_OF_8}|swelling|volumetric|volumetry|volumes?"
    r"|perometer|perometry|water[- ]displacement)\b"
)
