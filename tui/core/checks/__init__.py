"""Clinical checks on notes and drafts, all deterministic and offline.

- `extract`: facts (pain, ROM, MMT, outcome scores, grip, girth, services) and the billing summary,
  read by passes over one `scan.Scanner`: `scores`, `instruments`, `aligned`, `rom`, `others`.
- `attribution`: what a value is of (side, joint, motion, muscle, earlier or current), one model
  for every kind of value; `keyed` and `mdtables`: units and labels written in keys and tables.
- `verify`: a draft against its note (facts missing, values unsupported).
- `units`: the 8-minute rule and the per-code rule, with ties.
- `audit`: billing and documentation findings for a note.
- `readability`: reading grade, jargon and plain-language swaps for patient handouts.

Clinical tables (codes, service names, measures, vocabulary) live in ``tui/core/data/*.toml``.
"""

from typing import Final

UNIT_RULES: Final = ("cms", "per_code")
"""Timed-unit rules: CMS's 8-minute rule over the total, or each code on its own (AMA/CPT)."""
