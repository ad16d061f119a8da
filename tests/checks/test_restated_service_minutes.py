"""A service's minutes said again in a summary line are one service when the stated timed total
shows it; without that evidence both mentions stay."""

from __future__ import annotations

from tests.checks.test_bill_minutes_shapes import codes, minutes


def test_a_summary_that_restates_a_service_counts_it_once() -> None:
    body = (
        "Self-care training 10 min: one-handed buttoning, tooth brushing.\n"
        "Eval 45 min + self-care 10 min. Total timed 10 min. Total treatment time 55 min.\n"
        "Billed: 97167 x1, 97535 x1\n"
    )
    assert minutes(body)["97535"] == 10
    assert "TOTAL_TIME_INCONSISTENT" not in codes(body)


def test_two_mentions_the_timed_total_holds_both_of_stay() -> None:
    body = (
        "Ther ex 12 min in the gym. Later ther ex 12 min on the mat.\n"
        "Total timed 24 min. Total treatment 24 min.\nBilled: 97110 x2\n"
    )
    assert minutes(body)["97110"] == 24


def test_without_a_timed_total_both_mentions_stay() -> None:
    body = (
        "Ther ex 12 min in the gym. Later ther ex 12 min on the mat.\n"
        "Total treatment 24 min.\nBilled: 97110 x2\n"
    )
    assert minutes(body)["97110"] == 24


def test_a_sum_that_still_does_not_match_keeps_every_mention() -> None:
    body = (
        "Ther ex 12 min. Gait training 10 min. Ther ex 12 min.\n"
        "Total timed 30 min.\nBilled: 97110 x1, 97116 x1\n"
    )
    assert minutes(body)["97110"] == 24
