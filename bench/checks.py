"""Checking speed: a 1 MB note extracted, verified against a 1 MB draft, and audited.

The note is the evaluation corpus's notes (tests/eval/corpus) one after the other under one
header, until it holds 1,000,000 characters; the draft is the corpus's hand-written drafts the
same way. Each phase starts from cold caches (the checks cache readings of a text, which would
otherwise make the second phase free) and is timed on one core. The time of each phase must be
linear in the note's length, so the same is done with a quarter of the note to show it.

Targets (2-core machine): extract, verify and audit of the 1 MB note each within 3 s.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from bench.common import BenchResult, Row
from tui.core.checks import extract, numbers, verify
from tui.core.checks.audit import AuditRules, audit_note
from tui.core.checks.extract import extract_facts
from tui.core.checks.verify import verify as verify_draft
from tui.core.intake.notes import parse_note_bytes

TITLE = "Checks: extract, verify and audit of a 1 MB note (one core, cold caches)"
SIZE = 1_000_000
TARGET_S = 3.0
CORPUS = Path(__file__).resolve().parents[1] / "tests" / "eval" / "corpus"
HEADER = (
    "Patient: Bench Long\nMRN: 999001\nDate: 2027-06-30\nVisit: 5\nDiscipline: PT\n"
    "Payer: Medicare\nDiagnosis: long note, Z00.0\n\n"
)


def run() -> BenchResult:
    note = _long_text(sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("[0-9]*_*[!t].md")))
    draft = _long_text(sorted(CORPUS.glob("*.draft.md")))
    figures: dict[str, float | int] = {"note_chars": len(note), "draft_chars": len(draft)}
    rows = []
    for share, suffix in ((1.0, ""), (0.25, "_quarter")):
        part, part_draft = note[: int(len(note) * share)], draft[: int(len(draft) * share)]
        timings = {
            "extract": _timed(lambda text=part: extract_facts(text)),
            "verify": _timed(lambda text=part, other=part_draft: verify_draft(text, other)),
            "audit": _timed(lambda text=part: _audit(text)),
        }
        for phase, seconds in timings.items():
            figures[f"{phase}{suffix}_s"] = round(seconds, 2)
            if not suffix:
                rows.append(
                    Row(
                        f"{phase} 1 MB", f"{seconds:.2f} s", f"<= {TARGET_S} s", seconds <= TARGET_S
                    )
                )
    for phase in ("extract", "verify", "audit"):
        ratio = figures[f"{phase}_s"] / max(float(figures[f"{phase}_quarter_s"]), 1e-3)
        figures[f"{phase}_growth"] = round(ratio, 2)
        rows.append(Row(f"{phase}: 1 MB / 0.25 MB", f"{ratio:.1f}x", "about 4x (linear)"))
    return BenchResult(figures=figures, rows=rows)


def _long_text(paths: list[Path]) -> str:
    bodies = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        bodies.append(parse_note_bytes(path, text.encode("utf-8")).body.strip())
    chunks = [HEADER]
    size = len(HEADER)
    index = 0
    while size < SIZE:
        body = f"\n\n--- Entry {index + 1} ---\n{bodies[index % len(bodies)]}"
        chunks.append(body)
        size += len(body)
        index += 1
    return "".join(chunks)[:SIZE]


def _audit(text: str) -> None:
    note = parse_note_bytes(Path("2027-06-30_long-bench_soap.txt"), text.encode("utf-8"))
    audit_note(note, AuditRules())


def _timed(work: Callable[[], object]) -> float:
    _cold()
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _cold() -> None:
    """Forget every cached reading of a text, so each phase reads from scratch."""
    for cached in (extract._read, extract._base, numbers.normalize, verify._quantities):
        cached.cache_clear()
