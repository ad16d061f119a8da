"""Round 15 review (reviewa): an age opening a statement makes it History only where no later
sentence of the statement gives a measured value."""

from __future__ import annotations

from tests.placing import PT_EVAL, where


def test_an_age_before_todays_measures_leaves_them_in_tests_and_measures() -> None:
    note = "Pt is a 67 yo F. Knee flex 110 deg, ext -5.\n"
    assert where(note, "Knee flex 110", PT_EVAL) == ["Tests and Measures"]
    assert where("72 yo M. R grip 28 kg, L 24 kg.\n", "R grip 28", PT_EVAL) == [
        "Tests and Measures"
    ]


def test_twin_an_age_with_its_history_stays_history() -> None:
    note = "Referred by geriatrics. 84 yo F, 3 falls in past 12 mo (last 02/28, no fx).\n"
    assert where(note, "84 yo F", PT_EVAL) == ["History"]
    assert where("67-y.o. M, L hip OA, BMI 31.\n", "67-y.o.", PT_EVAL) == ["History"]
