"""The readings an older commit's extraction made of a split's notes, as JSON lines.

Run with PYTHONPATH set to that commit's tree (tests/eval/learnt/table.py does it), so it
imports only `tui` (the old one) and reads the notes of today's sets by path:

    python old_readings.py OUT.jsonl SETS_DIR SPLIT [SPLIT ...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tui.core.checks.extract import extract_facts
from tui.core.context import load_context
from tui.core.intake.notes import parse_note_bytes
from tui.core.resources import example_context


def main(out: str, sets: str, splits: list[str]) -> None:
    """Write every non-service reading of every note of `splits`."""
    measures = load_context(example_context()).measures
    with open(out, "w", encoding="utf-8") as sink:
        for split in splits:
            folder = Path(sets) / split
            paths = sorted(
                p
                for p in folder.iterdir()
                if p.suffix in (".txt", ".md") and not p.stem.endswith(".draft")
            )
            for path in paths:
                note = parse_note_bytes(path, path.read_bytes())
                for fact in extract_facts(note.text, measures):
                    if fact.kind == "service":
                        continue
                    row = {
                        "split": split,
                        "note": path.name,
                        "kind": fact.kind,
                        "value": fact.value,
                        "unit": fact.unit,
                        "measure": fact.measure,
                        "label": fact.label,
                        "span": list(fact.span),
                        "length": len(note.text),
                    }
                    sink.write(json.dumps(row, sort_keys=True) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
