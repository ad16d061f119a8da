"""The evidence each reported fact stands on, counted true, false and trap per development set.

python -m bench._evidence_table [--split NAME ...] [--kinds] [--pairs] [--readers]
                                [--false CLASS ...]
python -m bench._evidence_table --figures [--split NAME ...]

Every fact the extractor reports on a set's notes is filed under the strongest evidence it
has (bench/_evidence.py: a named instrument, a column heading, a unit, a labelled field, a
scale's denominator, an instrument-shaped name, a word beside the number, a label from further
away, or nothing) and counted true (it matches an expected or optional fact, as `make eval`
matches them) or false, and as a trap when it is a reading the note's `must_not` forbids or an
expected fact with a label the note forbids (as `make eval` counts traps). The
blind sets are never read. The evidence is inferred after the fact from its span and the note's
text, not told by the reader that made it, so one function files the facts of every reader.
The last rows ("weak" and "strong") say what a gate on the weak classes would cost and save.
With --readers, the rows are the readers that emitted the facts instead (tests/eval/evidence.py
traces them).
With --figures, only the fact figures of `make eval` are printed (recall, false facts per
100, traps), read in seconds where the whole evaluation takes minutes; --gate CLASS (repeated)
measures them as they would be if the facts of those classes were left unclassified.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any
from unittest import mock

from bench._evidence import evidence_class, evidence_of, evidence_order
from tests.eval import score
from tests.eval.corpus import SPLITS, Case, cases
from tests.eval.evidence import _traced
from tests.eval.score import (
    _SIGN_TRAPS,
    CTX,
    Tally,
    _kind_of,
    _label_problems,
    _per_code,
    _score_facts,
    _short_of_neutral,
    matches,
)
from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact

BLIND = frozenset({"heldout15", "heldout16"})
DEV_SPLITS = tuple(split for split in SPLITS if split not in BLIND)
WEAK = frozenset({"word", "topic", "none"})


@dataclass(frozen=True)
class Judged:
    """One reported fact, whether the set expects it, whether it takes a trap, its evidence."""

    note: str
    fact: Fact
    true: bool
    trap: bool
    evidence: str


def judged(split: str, pairs: bool = False, readers: bool = False) -> Iterator[Judged]:
    """Each fact reported on a set's notes (with `pairs`, its evidence is its two strongest
    classes, "unit+topic"; with `readers`, the reader that emitted it)."""
    with _traced() as emitted:
        for case in cases(split):
            emitted.clear()
            for item in _judged_case(case, pairs):
                if readers:
                    key = (*item.fact.span, item.fact.kind)
                    item = replace(item, evidence=emitted.get(key, "billing or marked"))
                yield item


def _judged_case(case: Case, pairs: bool) -> Iterator[Judged]:
    """Each fact reported on one note, judged as `make eval` judges it."""
    facts = _per_code(extract_facts(case.text, CTX.measures))
    used = _expected_found(case, facts)
    allowed = [*case.facts(), *case.expect.get("optional", [])]
    for i, fact in enumerate(facts):
        true = i in used or any(matches(fact, want) for want in allowed)
        trap = _takes_trap(case, fact) or (i in used and bool(_label_problems(fact, used[i])))
        yield Judged(case.name, fact, true, trap, _evidence(fact, case.text, pairs))


def _expected_found(case: Case, facts: list[Fact]) -> dict[int, Mapping[str, Any]]:
    """The facts matched to the note's expected facts, each used once, as `make eval` does."""
    used: dict[int, Mapping[str, Any]] = {}
    for want in case.facts():
        index = next((i for i, f in enumerate(facts) if i not in used and matches(f, want)), None)
        if index is not None:
            used[index] = want
    return used


def _takes_trap(case: Case, fact: Fact) -> bool:
    for trap in case.expect.get("must_not", []):
        want = {key: value for key, value in trap.items() if key != "trap"}
        signed = trap.get("trap") in _SIGN_TRAPS and _short_of_neutral(fact)
        if matches(fact, want) and not signed:
            return True
    return False


def _evidence(fact: Fact, text: str, pairs: bool) -> str:
    if not pairs:
        return evidence_class(fact, text, CTX.measures)
    found = evidence_of(fact, text, CTX.measures)
    return "+".join([name for name in evidence_order() if name in found][:2])


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench._evidence_table")
    parser.add_argument("--split", choices=DEV_SPLITS, action="append")
    parser.add_argument("--kinds", action="store_true", help="rows per evidence and kind")
    parser.add_argument("--pairs", action="store_true", help="the two strongest evidences")
    parser.add_argument("--readers", action="store_true", help="rows per reader, not evidence")
    parser.add_argument("--false", action="append", default=[], help="list a class's false facts")
    parser.add_argument("--figures", action="store_true", help="recall, false facts, traps")
    parser.add_argument("--gate", action="append", default=[], help="with --figures: gate a class")
    args = parser.parse_args()
    if args.figures:
        return _figures(args.split or DEV_SPLITS, frozenset(args.gate))
    counts: Counter[tuple[str, str, str]] = Counter()
    listed: list[str] = []
    for split in args.split or DEV_SPLITS:
        for item in judged(split, args.pairs, args.readers):
            row = f"{item.evidence:14} {_kind_of(item.fact)}" if args.kinds else item.evidence
            row = row[:40]
            groups = () if args.readers else ("~weak" if item.evidence in WEAK else "~strong",)
            for where in (split, "all"):
                for key in (row, *groups):
                    counts[(where, key, "true" if item.true else "false")] += 1
                    counts[(where, key, "trap")] += item.trap
            if not item.true and item.evidence in args.false:
                fact = item.fact
                shown = f"{fact.kind} {fact.measure or ''} {fact.value}{fact.unit or ''}"
                listed.append(f"{item.evidence} {split}/{item.note}: {shown} [{fact.label}]")
    _print(counts)
    print("\n".join(listed))
    return 0


def _figures(splits: Sequence[str], gate: frozenset[str] = frozenset()) -> int:
    """The fact figures `make eval` prints for each set, without its drafts and audit, with
    the facts of the `gate` classes left out."""
    for split in splits:
        tally = Tally()
        for case in cases(split):
            with mock.patch.object(score, "extract_facts", _gated(gate)):
                _score_facts(case, tally)
        figures = tally.figures()
        print(
            f"{split:<10} recall {100 * figures['fact_recall']:5.1f} %  "
            f"false {figures['false_facts_per_100']:5.2f} per 100  "
            f"traps {int(figures['trap_violations'])}  "
            f"found {sum(tally.found.values())}"
        )
    return 0


def _gated(gate: frozenset[str]) -> Callable[[str, Sequence[str]], list[Fact]]:
    """`extract_facts` with the facts of the `gate` classes left out."""

    def read(text: str, measures: Sequence[str] = ()) -> list[Fact]:
        facts = extract_facts(text, measures)
        return [fact for fact in facts if evidence_class(fact, text, measures) not in gate]

    return read


def _print(counts: Counter[tuple[str, str, str]]) -> None:
    """One table per set and one over all: true, false, traps and false per 100 of each class."""
    for split in dict.fromkeys(key[0] for key in counts):
        rows = sorted({key[1] for key in counts if key[0] == split})
        print(f"\n{split:<40} {'true':>5} {'false':>5} {'traps':>5} {'false/100':>9}")
        for row in rows:
            good, bad = counts[(split, row, "true")], counts[(split, row, "false")]
            share = 100 * bad / (good + bad) if good + bad else 0.0
            print(
                f"{row.lstrip('~'):<40} {good:>5} {bad:>5} {counts[(split, row, 'trap')]:>5} "
                f"{share:>9.1f}"
            )


if __name__ == "__main__":
    raise SystemExit(main())
