"""A split scored in parts and pooled reaches the figures of one scoring of the whole, and its
parts hold every note once (pooled.py, which lets the corpus's floors run on both workers)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.eval import pooled as pooled_module
from tests.eval.corpus import cases
from tests.eval.pooled import PARTS, assert_part_at_floors, part_of
from tests.eval.score import Tally, pooled, score


def test_the_parts_hold_every_note_of_the_split_once_in_name_order() -> None:
    parts = [case.name for index in range(PARTS) for case in part_of("corpus", index)]
    assert parts == [case.name for case in cases("corpus")]
    assert all(part_of("corpus", index) for index in range(PARTS))


def test_pooled_tallies_give_the_figures_and_counts_of_one_scoring() -> None:
    """A sample of the corpus (every 120th note, some with billing, findings and drafts) scored
    at once and in three parts: the same counts, so the same figures to the last digit."""
    sample = cases("corpus")[::120]
    whole = score(sample)
    parts = pooled([score(sample[:4]), score(sample[4:9]), score(sample[9:])])
    assert parts.figures() == whole.figures()
    assert parts.notes == whole.notes == len(sample)
    assert parts.expected == whole.expected and parts.false == whole.false
    assert parts.misses == whole.misses


class _Item:
    def __init__(self, nodeid: str) -> None:
        self.nodeid = nodeid


class _Request:
    """What `assert_part_at_floors` asks of a test's request: the session's tests and the
    config (no `workerinput`: one process, as `-n 0` runs)."""

    def __init__(self, selected: list[int]) -> None:
        self.session = SimpleNamespace(
            items=[
                _Item(f"{pooled_module.PART_FILES[i]}::{pooled_module.PART_TEST}") for i in selected
            ]
        )
        self.config = SimpleNamespace()


class _Temporary:
    def __init__(self, base: Path) -> None:
        self.base = base

    def getbasetemp(self) -> Path:
        return self.base


def _counted(monkeypatch: pytest.MonkeyPatch) -> tuple[list[int], list[int]]:
    """Scoring a part gives a tally of as many notes as the part's number plus one, and each
    floor check records the notes it was given: which parts were scored, and what was checked."""
    scored: list[int] = []
    checked: list[int] = []

    def score(part: tuple[int]) -> Tally:
        scored.append(part[0])
        return Tally(notes=part[0] + 1)

    def check(split: str, figures: object) -> None:
        checked.append(-1)

    monkeypatch.setattr(pooled_module, "part_of", lambda split, index: (index,))
    monkeypatch.setattr(pooled_module, "score", score)
    monkeypatch.setattr(
        pooled_module,
        "pooled",
        lambda tallies: checked.append(sum(t.notes for t in tallies)) or pooled(tallies),
    )
    monkeypatch.setattr(pooled_module, "assert_figures_at_floors", check)
    return scored, checked


def test_the_floors_are_checked_once_both_parts_are_scored(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    scored, checked = _counted(monkeypatch)
    request, temporary = _Request([0, 1]), _Temporary(tmp_path)
    assert_part_at_floors("corpus", 1, request, temporary)  # type: ignore[arg-type]
    assert scored == [1] and checked == []  # the first part is still being scored
    assert_part_at_floors("corpus", 0, request, temporary)  # type: ignore[arg-type]
    assert scored == [1, 0] and checked == [1 + 2, -1]  # both parts' notes, pooled, checked


def test_a_part_alone_in_its_session_scores_the_other_part_itself(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    scored, checked = _counted(monkeypatch)
    assert_part_at_floors("corpus", 0, _Request([0]), _Temporary(tmp_path))  # type: ignore[arg-type]
    assert scored == [0, 1] and checked == [1 + 2, -1]
