"""Clinical checks on notes and drafts, all deterministic and offline, grouped by capability.

- `extract`: the entry. Facts (pain, ROM, MMT, outcome scores, grip, girth, services) and the
  billing summary, read by passes over one `text.scan.Scanner`; `facts` holds the `Fact` value,
  `tables` the clinical tables and `names` the one resolver of instrument names.
- `text`: normalising and searching a note's text (numbers written out or said aloud, spoken
  punctuation, the scanner, the word index, the patterns built from the tables).
- `layouts`: rows, columns, keys, Markdown and fixed-width tables, copied-forward blocks.
- `measures`: what a number is (scores, ratings, ROM, other measurements, counts, settings) and
  what it is of (`attribution`: side, joint, motion, timepoint; `labels`).
- `billing`: services and minutes, the 8-minute and per-code rules (`units`), the audit.
- `verify`: a draft against its note (facts missing, values unsupported).
- `handouts`: patient-facing documents (what must never reach a patient, reading level).

Clinical tables (codes, service names, measures, vocabulary) live in ``tui/core/data/*.toml``.
"""

from typing import Final

UNIT_RULES: Final = ("cms", "per_code")
"""Timed-unit rules: CMS's 8-minute rule over the total, or each code on its own (AMA/CPT)."""
