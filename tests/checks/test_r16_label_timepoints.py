"""Round 16 (LABEL): when a value was measured. Values paired with their times by "respectively"
(either order, times after or before the values), "then X, now Y", numbered week or visit logs
and carried-block markers ending in dashes. Each rule with the readings it must not make."""

from __future__ import annotations

from tests.checks.test_r13_review_billing import HEADER
from tui.core.checks.extract import extract_facts


def _labels(body: str) -> dict[object, str]:
    """Each value read from the note's body to its label."""
    return {fact.value: fact.label for fact in extract_facts(HEADER + body)}


def _earlier(label: str) -> bool:
    return "(previous)" in label


def test_respectively_gives_each_value_its_time_in_order() -> None:
    found = _labels("O: TUG 15.1 and 12.3 s at eval and today respectively.\n")
    assert _earlier(found[15.1]) and not _earlier(found[12.3])
    found = _labels("O: Knee flexion, L: 88° and 114°, first visit and this visit respectively.\n")
    assert _earlier(found[88]) and not _earlier(found[114])


def test_twin_respectively_with_today_first_and_in_a_bracket() -> None:
    found = _labels("O: TUG 11.4 s and 16.8 s, today and at eval respectively.\n")
    assert not _earlier(found[11.4]) and _earlier(found[16.8])
    found = _labels("O: R hip abduction 4/5 and 3/5 (today and baseline, respectively).\n")
    assert not _earlier(found["4"]) and _earlier(found["3"])


def test_twin_respectively_with_the_times_before_the_values() -> None:
    found = _labels("O: At eval and today, Berg was 41/56 and 49/56, respectively.\n")
    assert _earlier(found[41]) and not _earlier(found[49])


def test_respectively_over_sides_or_instruments_gives_no_time() -> None:
    found = _labels("O: R and L grip 24 and 41 kg respectively.\n")
    assert not _earlier(found[24]) and not _earlier(found[41])
    found = _labels("O: Berg and TUG were 41/56 and 14.2 s respectively.\n")
    assert not _earlier(found[41]) and not _earlier(found[14.2])


def test_then_is_earlier_only_before_a_value_said_now() -> None:
    found = _labels("O: Berg then 44/56, now 51/56.\n")
    assert _earlier(found[44]) and not _earlier(found[51])


def test_twin_then_orders_a_sequence_without_now() -> None:
    found = _labels("O: Knee flex then 95, now 120.\nGait: walked 100 ft, then 150 ft.\n")
    assert _earlier(found[95]) and not _earlier(found[120])
    assert not _earlier(found[150])


def test_a_numbered_log_makes_every_week_but_the_latest_earlier() -> None:
    found = _labels("O: R hip flexion PROM by week: wk 1 70°, wk 3 92°, wk 5 105°.\n")
    assert _earlier(found[70]) and _earlier(found[92]) and not _earlier(found[105])


def test_twin_a_log_one_row_a_line() -> None:
    found = _labels("O: L knee flexion wk 2: 95°\nL knee flexion wk 6: 118°\n")
    assert _earlier(found[95]) and not _earlier(found[118])
    found = _labels("O: Berg by visit: visit 2 38/56, visit 6 45/56.\n")
    assert _earlier(found[38]) and not _earlier(found[45])


def test_one_numbered_week_alone_is_no_log() -> None:
    found = _labels("O: R knee flexion AROM wk 6 118°.\nPain 3/10 wk 2 of program.\n")
    assert not _earlier(found[118])


def test_a_marker_ending_in_dashes_carries_its_block_until_this_session() -> None:
    body = (
        "O:\nLast session's numbers --\n  Lateral pinch R 4 kg\n  QuickDASH 52\n"
        "This session --\n  Lateral pinch R 5.5 kg\n  QuickDASH 41\n"
    )
    found = _labels(body)
    assert _earlier(found[4]) and _earlier(found[52])
    assert not _earlier(found[5.5]) and not _earlier(found[41])


def test_twin_a_marker_with_an_em_dash_over_flat_lines() -> None:
    body = "O:\nPrior visit \u2014\nGrip R 18 kg\nToday \u2014\nGrip R 21 kg\n"
    found = _labels(body)
    assert _earlier(found[18]) and not _earlier(found[21])


def test_an_arrow_after_the_aid_the_value_was_taken_with() -> None:
    found = _labels("O: TUG 21.6 s w/ quad cane -> 14.8 s w/ SPC.\n")
    assert _earlier(found[21.6]) and not _earlier(found[14.8])


def test_twin_an_arrow_after_with_and_no_arrow_no_earlier() -> None:
    found = _labels("O: 5xSTS 19.2 s with armrests -> 14.1 s.\nTUG 12.2 s w/ SPC.\n")
    assert _earlier(found[19.2]) and not _earlier(found[14.1])
    assert not _earlier(found[12.2])


def test_a_bracket_dating_the_value_to_an_earlier_testing() -> None:
    found = _labels("O: Beery VMI standard score 86 (from 1/12/2092 testing, for reference).\n")
    assert _earlier(found[86])


def test_twin_a_bracket_dated_the_visit_s_own_day() -> None:
    found = _labels("O: Beery VMI standard score 91 (from 3/5/2092 testing).\n")
    assert not _earlier(found[91])
