"""Checking speed: a 1 MB note extracted, verified against a draft, and audited.

The note is the evaluation corpus's notes (tests/eval/corpus) one after the other under one
header, until it holds 1,000,000 characters; the long draft is the corpus's hand-written drafts
the same way (1 MB: the worst case, an offline draft copies the note's lines), the short one a
single hand-written draft (what a model writes). Each phase starts from cold caches (the checks
cache readings of a text, which would otherwise make the second phase free) and runs on one
core; the figure held to the target is the CPU time of this process, since wall time on a
shared machine also counts other people's work (both are recorded). The same is done with a
quarter of the note to show each phase is linear in the note's length. Loading the tables and
compiling their patterns, once a process, is done first on one short note and recorded apart
(`setup_cpu_s`): it is no part of checking a long note, and it fell on whichever phase ran first.

Targets (2-core machine, CPU seconds): extract, verify against the short draft, and audit of
the 1 MB note each within 3 s; verify against the 1 MB draft is reported.

A note may also be one enormous line or sentence (a pasted export, dictation with no stops):
each shape of `LONG_LINES` is extracted at 10 KB and 40 KB on one line, and the larger should
take about four times as long (linear), not sixteen (a search of the line's start per value).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import ModuleType

from bench.common import BenchResult, Row
from tui.core import checks as checks_package
from tui.core.checks.billing.audit import AuditRules, audit_note
from tui.core.checks.extract import extract_facts
from tui.core.checks.verify.verify import verify as verify_draft
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
    drafts = sorted(CORPUS.glob("*.draft.md"))
    long_draft = _long_text(drafts)
    short_draft = drafts[0].read_text(encoding="utf-8")
    figures: dict[str, float | int] = {"note_chars": len(note), "long_draft_chars": len(long_draft)}
    setup, _ = _timed(partial(_all_phases, note[:_SETUP_CHARS], short_draft))
    figures["setup_cpu_s"] = round(setup, 2)
    rows = [Row("setup: first checks of a 40 KB note (tables, patterns)", f"{setup:.2f} s")]
    for share, suffix in ((1.0, ""), (0.25, "_quarter")):
        part = note[: int(len(note) * share)]
        part_draft = long_draft[: int(len(long_draft) * share)]
        timings = {
            "extract": _timed(partial(extract_facts, part)),
            "verify": _timed(partial(verify_draft, part, short_draft)),
            "verify_long_draft": _timed(partial(verify_draft, part, part_draft)),
            "audit": _timed(partial(_audit, part)),
        }
        for phase, (cpu, wall) in timings.items():
            figures[f"{phase}{suffix}_cpu_s"] = round(cpu, 2)
            figures[f"{phase}{suffix}_wall_s"] = round(wall, 2)
            if not suffix:
                target = f"<= {TARGET_S} s" if phase != "verify_long_draft" else ""
                ok = cpu <= TARGET_S if target else None
                name = f"{phase} 1 MB (CPU; wall {wall:.1f} s)"
                rows.append(Row(name, f"{cpu:.2f} s", target, ok))
    for phase in ("extract", "verify", "verify_long_draft", "audit"):
        ratio = figures[f"{phase}_cpu_s"] / max(float(figures[f"{phase}_quarter_cpu_s"]), 1e-3)
        figures[f"{phase}_growth"] = round(ratio, 2)
        rows.append(Row(f"{phase}: 1 MB / 0.25 MB", f"{ratio:.1f}x", "about 4x (linear)"))
    for name, piece in LONG_LINES.items():
        small, _ = _timed(partial(extract_facts, _one_line(piece, 10_000)))
        large, _ = _timed(partial(extract_facts, _one_line(piece, 40_000)))
        ratio = large / max(small, 1e-3)
        figures[f"long_line_{name}_cpu_s"] = round(large, 2)
        figures[f"long_line_{name}_growth"] = round(ratio, 2)
        row = f"one line of {piece.strip()!r}: 40 KB / 10 KB ({large:.1f} s)"
        rows.append(Row(row, f"{ratio:.1f}x", "about 4x (linear)"))
    return BenchResult(figures=figures, rows=rows)


# One value after another on a single line: ratings in one sentence, lists with no punctuation,
# numbers the scanner blocks between the values.
LONG_LINES = {
    "ratings": "pain 3/10, ",
    "lists": "flex 12 deg / 30 deg ext 18 / 38 ",
    "trials": "trial 1 8 s, ",
}


def _one_line(piece: str, size: int) -> str:
    return HEADER + "O: " + piece * (size // len(piece))


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


# Long enough to take the paths only a long text takes (remembered matches, the word index).
_SETUP_CHARS = 40_000


def _all_phases(text: str, draft: str) -> None:
    """Every phase once on a short text: what a process loads and compiles on first use."""
    extract_facts(text)
    verify_draft(text, draft)
    _audit(text)


def _audit(text: str) -> None:
    note = parse_note_bytes(Path("2027-06-30_long-bench_soap.txt"), text.encode("utf-8"))
    audit_note(note, AuditRules())


def _timed(work: Callable[[], object]) -> tuple[float, float]:
    """CPU seconds of this process and wall seconds of one run from cold caches."""
    _cold()
    cpu, wall = time.process_time(), time.perf_counter()
    work()
    return time.process_time() - cpu, time.perf_counter() - wall


def _cold() -> None:
    """Forget every cached reading of a text, so each phase reads from scratch.

    Readings are the bounded caches (`lru_cache(maxsize=N)`) of the checks' modules; the
    unbounded ones hold data tables and compiled patterns, loaded once per process. A reading
    left over from an earlier phase is worse than a warm cache: its key is an equal but not
    identical text, so every call compares a megabyte (about 1 s of verify once measured).
    """
    for module in _checks_modules():
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if info is not None and value.__module__ == module.__name__ and info().maxsize:
                value.cache_clear()


def _checks_modules() -> list[ModuleType]:
    for found in pkgutil.walk_packages(checks_package.__path__, f"{checks_package.__name__}."):
        importlib.import_module(found.name)
    prefix = f"{checks_package.__name__}."
    return [module for name, module in sys.modules.items() if name.startswith(prefix)]
