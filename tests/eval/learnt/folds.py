"""Leave-one-split-out: train without a split, measure the veto on it, for each threshold.

For each fold the model never saw the split (nor any older commit's reading of it), so the
figures are what the veto would do on notes it has not seen: recall, false facts per 100 found
and traps with the veto off and at each threshold, and the share of the false readings older
commits made of the split (before the rules were tuned on it) that the veto would have caught.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tests.eval.corpus import Case, cases
from tests.eval.learnt.table import Row, allowed, without_veto
from tests.eval.learnt.train import train
from tests.eval.score import _SIGN_TRAPS, _pairs, _per_code, _short_of_neutral, matches
from tui.core.checks.facts import Fact
from tui.core.checks.learnt import opinion

FOLDS = tuple(f"heldout{n}" for n in range(18, 9, -1))  # heldout18 first: the most like unseen
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99)


@dataclass
class Figures:
    """Fact counts of one split under one threshold (None: the veto off)."""

    expected: int = 0
    recalled: int = 0
    found: int = 0
    false: int = 0
    traps: int = 0
    vetoed_right: int = 0
    vetoed_false: int = 0
    older_false: int = 0
    older_caught: int = 0
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        recall = 100 * self.recalled / self.expected if self.expected else 100.0
        false = 100 * self.false / self.found if self.found else 0.0
        older = f"{self.older_caught}/{self.older_false}"
        return (
            f"recall {recall:5.1f} %  false {false:4.2f}/100 ({self.false})  traps {self.traps:2}"
            f"  vetoed right {self.vetoed_right:3} false {self.vetoed_false:2}"
            f"  older false caught {older}"
        )


def _shown(fact: Fact) -> str:
    return f"{fact.kind} {fact.value}{fact.unit or ''} [{fact.label}]"


def _all_readings(text: str) -> list[Fact]:
    return _per_code(without_veto(text))


def _count(case: Case, facts: list[Fact], vetoed: set[int], figures: Figures) -> None:
    """The eval's fact scoring (tests/eval/score.py) of the readings left after the veto."""
    kept = [fact for index, fact in enumerate(facts) if index not in vetoed]
    expected = case.facts()
    pairs = _pairs(kept, expected)
    used = set(pairs.values())
    figures.expected += len(expected)
    figures.recalled += len(pairs)
    wanted = allowed(case)
    for index, fact in enumerate(facts):
        right = any(matches(fact, want) for want in wanted)
        if index in vetoed:
            figures.vetoed_right += right
            figures.vetoed_false += not right
            verdict = "right" if right else "FALSE"
            figures.notes.append(f"{case.name}: vetoed {verdict} {_shown(fact)}")
    for index, fact in enumerate(kept):
        figures.found += 1
        if index not in used and not any(matches(fact, want) for want in wanted):
            figures.false += 1
    for trap in case.expect.get("must_not", []):
        want = {key: value for key, value in trap.items() if key != "trap"}
        hits = [f for i, f in enumerate(kept) if i not in used and matches(f, want)]
        if trap.get("trap") in _SIGN_TRAPS:
            hits = [f for f in hits if not _short_of_neutral(f)]
        figures.traps += bool(hits)


def measure_split(
    split: str, model: opinion.Model, rows: Sequence[Row], thresholds: Sequence[float]
) -> dict[float | None, Figures]:
    """The split's figures with the veto off and at each threshold."""
    kinds = opinion.settings().kinds
    result: dict[float | None, Figures] = {None: Figures(), **{t: Figures() for t in thresholds}}
    for case in cases(split):
        facts = _all_readings(case.text)
        index = [i for i, f in enumerate(facts) if f.kind in kinds and opinion.vetoable(f)]
        odds = opinion.false_odds(case.text, [facts[i] for i in index], model)
        for threshold, figures in result.items():
            cut = 2.0 if threshold is None else threshold
            _count(
                case, facts, {i for i, odd in zip(index, odds, strict=True) if odd > cut}, figures
            )
    older = [r for r in rows if r.split == split and r.origin == "older" and r.kind in kinds]
    for threshold, figures in result.items():
        cut = 2.0 if threshold is None else threshold
        figures.older_false = len(older)
        figures.older_caught = sum(1 - model.right(row.features) > cut for row in older)
    return result


def leave_one_out(
    rows: Sequence[Row], folds: Sequence[str] = FOLDS, thresholds: Sequence[float] = THRESHOLDS
) -> dict[str, dict[float | None, Figures]]:
    """Each fold measured with a model trained on every other split."""
    found = {}
    for split in folds:
        model = train([row for row in rows if row.split != split])
        found[split] = measure_split(split, model, rows, thresholds)
    return found
