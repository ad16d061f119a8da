"""A bracket straight after a value, opened by a numbered timepoint, holds that measure's earlier
value whether or not a colon follows the number ("(v2 44)", "(PR1 58.0)", "(re-cert #1 - 14.6
s)"); a program's entry or onset opens one too. Twins: brackets that hold a position, a count
or a side are no timepoint."""

from __future__ import annotations

import pytest

from tests.checks.conftest import one_fact


def _previous(text: str, kind: str, value: object) -> bool:
    return "previous" in one_fact(text, kind, value).label


@pytest.mark.parametrize(
    ("text", "kind", "value", "previous"),
    [
        ("DHI 34 (v2 52).", "outcome", 52, True),
        ("DHI 34 (v2 52).", "outcome", 34, False),
        ("Kujala 81 (PR2 70).", "outcome", 70, True),
        ("TUG 10.4 s [re-certification #1 - 13.1 s].", "outcome", 13.1, True),
        ("TUG 10.4 s [re-certification #1 - 13.1 s].", "outcome", 10.4, False),
        ("R ankle PF 4/5 (week 3 3+/5); R ankle inv 4-/5.", "mmt", "3+", True),
        ("R ankle PF 4/5 (week 3 3+/5); R ankle inv 4-/5.", "mmt", "4-", False),
        ("2MWT 141 m (program entry 96 m).", "outcome", 96, True),
        ("2MWT 141 m (program entry 96 m).", "outcome", 141, False),
        ("ABC 58% (at onset 31%).", "outcome", 31, True),
    ],
)
def test_numbered_timepoint_brackets(text: str, kind: str, value: object, previous: bool) -> None:
    assert _previous(text, kind, value) is previous


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Grip R 21 kg (position 2 trial 3).", "strength", 21),
        ("2MWT 141 m (RW, 2 rests).", "outcome", 141),
        ("R knee flexion 112° (L 131°), ext 0°.", "rom", 131),
        ("DHI 34 (wk 2 of 6).", "outcome", 34),
    ],
)
def test_brackets_without_a_timepoint_are_not_earlier(text: str, kind: str, value: object) -> None:
    assert not _previous(text, kind, value)
