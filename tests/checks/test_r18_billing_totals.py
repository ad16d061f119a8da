"""Totals and services written in ways round 18's fresh sets showed (checks.billing.totals,
checks.extract): each with the near-misses it must refuse."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_billing, extract_facts


def _totals(text: str) -> tuple[int | None, int | None]:
    billing = extract_billing(text)
    return billing.total_timed_minutes, billing.total_treatment_minutes


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "97533 - 40 min\n97530 - 15 min\nTotal timed minutes 55 = total treatment time.",
            (55, 55),
        ),
        ("97110 20 min\nTimed 20 min, which is the total treatment time.", (20, 20)),
        ("97110 Ther ex 18 min\n97140 Manual 10 min\nTime total: 28 min (all timed)", (28, 28)),
        ("- ther ex (97110) 20 min\n- gait (97116) 15 min\n- total timed 35 / tx 35 min", (35, 35)),
        ("Treatment,97110 22 min; 97140 9 min\nTotal timed,31\nTotal tx time,31", (31, 31)),
    ],
)
def test_totals_said_these_ways(text: str, want: tuple[int, int]) -> None:
    assert _totals(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a number of its own after the words is the treatment's
        ("97110 20 min. Timed 32 min = total treatment time 40 min.", (32, 40)),
        # a test's time, a count after a comma, a key with more after the comma
        ("TUG time total 12 s. 97110 20 min", (None, None)),
        ("Total timed, 3 services\n97110 20 min", (None, None)),
        ("Total tx time,31 min,ok\n97110 20 min", (None, None)),
        ("97110 20 min. Total timed 20 min; session 45 min.", (20, 45)),
    ],
)
def test_twins_keep_their_own_numbers(text: str, want: tuple[int | None, int | None]) -> None:
    assert _totals(text) == want


def test_a_code_left_at_no_minutes_is_no_service() -> None:
    text = "97110 22 min; 97140 9 min; 97112 0 min\nBilled: 97110 x2; 97140 x1\n"
    assert {f.cpt for f in extract_facts(text) if f.kind == "service"} == {"97110", "97140"}
    text = "97112 - 0 min (not performed)\n97110 16 min\nCharges: 97110 x1\n"
    assert {f.cpt for f in extract_facts(text) if f.kind == "service"} == {"97110"}


def test_twin_a_billed_code_at_no_minutes_stays_for_the_audit() -> None:
    text = "97110 22 min; 97112 0 min\nBilled: 97110 x1, 97112 x1\n"
    assert "97112" in {f.cpt for f in extract_billing(text).services}
