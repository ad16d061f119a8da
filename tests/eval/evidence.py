"""Precision per reader and per evidence class: which readers and which kinds of evidence
give the false facts on the development sets (never the blind set).

python -m tests.eval.evidence [--split NAME ...] [--false]

Each candidate fact (a fact, or a guess the evidence gate left unclassified) is traced to the
reader that emitted it (the function that called Scanner.emit, or "billing" for services),
given its evidence class and points (measures/evidence.py), and counted true (it matches an
expected or optional fact, as `make eval` matches them) or false, and kept or left out by the
gate. The table is what sets the points in measures.toml [evidence]. With --false, every false
candidate is listed with its reader and evidence.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tests.eval.corpus import cases
from tests.eval.score import CTX, _kind_of, _per_code, matches
from tui.core.checks import extract
from tui.core.checks.facts import Fact
from tui.core.checks.measures.evidence import evidence_of, gated, note_date, strong
from tui.core.checks.text import scan

DEV_SPLITS = ("corpus", "heldout", "heldout2", "heldout3", "heldout4", "heldout5")


@contextmanager
def _traced() -> Iterator[dict[tuple[int, int, str], str]]:
    """Scanner.emit wrapped so each fact's span and kind name the reader that emitted it."""
    readers: dict[tuple[int, int, str], str] = {}
    original = scan.Scanner.emit

    def emit(self: scan.Scanner, facts: list[Fact], kind: str, *args: Any, **kw: Any) -> None:
        before = len(facts)
        original(self, facts, kind, *args, **kw)
        frame = sys._getframe(1)
        while frame.f_code.co_filename.endswith("scan.py"):
            frame = frame.f_back  # type: ignore[assignment]
        module = frame.f_globals.get("__name__", "?").rsplit(".", 1)[-1]
        for fact in facts[before:]:
            readers[(*fact.span, fact.kind)] = f"{module}.{frame.f_code.co_name}"

    scan.Scanner.emit = emit  # type: ignore[method-assign]
    extract._read.cache_clear()
    extract._base.cache_clear()
    try:
        yield readers
    finally:
        scan.Scanner.emit = original  # type: ignore[method-assign]
        extract._read.cache_clear()
        extract._base.cache_clear()


def _judged(split: str, only: str = "") -> Iterator[tuple[str, Fact, bool, str, str]]:
    with _traced() as readers:
        for case in cases(split):
            if only not in case.name:
                continue
            readers.clear()
            facts = _per_code(extract.extract_candidates(case.text, CTX.measures))
            when = note_date(case.text)
            expected = case.facts()
            used: set[int] = set()
            for want in expected:
                index = next(
                    (i for i, f in enumerate(facts) if i not in used and matches(f, want)), None
                )
                if index is not None:
                    used.add(index)
            allowed = [*expected, *case.expect.get("optional", [])]
            for i, fact in enumerate(facts):
                true = i in used or any(matches(fact, want) for want in allowed)
                reader = readers.get((*fact.span, fact.kind), "billing")
                evidence = evidence_of(fact, CTX.measures, when, case.text)
                label = f"{evidence.key} ({evidence.points})" if gated(fact) else evidence.key
                kept = "kept" if strong(fact, CTX.measures, when, case.text) else "left"
                yield case.name, fact, true, reader, f"{label} {kept}"


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.eval.evidence")
    parser.add_argument("--split", choices=DEV_SPLITS, action="append")
    parser.add_argument("--only", help="only notes whose name has this (e.g. _prec_)")
    parser.add_argument("--false", action="store_true", help="list every false fact")
    parser.add_argument("--by", choices=("reader", "evidence", "both"), default="both")
    args = parser.parse_args()
    total: Counter[tuple[str, str, bool]] = Counter()
    listed = []
    for split in args.split or DEV_SPLITS:
        for name, fact, true, reader, evidence in _judged(split, args.only or ""):
            kind = _kind_of(fact)
            if args.by in ("reader", "both"):
                total[("reader", f"{kind:8} {reader}", true)] += 1
            if args.by in ("evidence", "both"):
                total[("evidence", f"{kind:8} {evidence}", true)] += 1
            if not true:
                listed.append(
                    f"{split}/{name}: {kind} {fact.measure or ''} {fact.value}{fact.unit or ''}"
                    f" [{fact.label}] <- {reader} ({evidence})"
                )
    for table in ("reader", "evidence"):
        rows = sorted({key for t, key, _ in total if t == table})
        if not rows:
            continue
        print(f"\n{table:<58} true false  precision")
        for key in rows:
            good, bad = total[(table, key, True)], total[(table, key, False)]
            print(f"{key:<58} {good:>4} {bad:>5}  {100 * good / (good + bad):6.1f} %")
    if args.false:
        print("\n" + "\n".join(listed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
