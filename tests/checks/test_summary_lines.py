"""Summary lines of a session: a service's minutes said again are one service when the stated
timed total shows it (without that evidence both mentions stay); "Session 45 min." on its own
line is the total treatment time."""

from __future__ import annotations

from tests.checks.test_bill_minutes_shapes import codes, minutes, totals


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


def test_an_untimed_service_restated_is_counted_once_when_the_treatment_total_shows_it() -> None:
    body = (
        "Mechanical traction prone 12 min, 35% body weight.\n"
        "Traction 12 min. Ther act 24 min. Total timed 24 min. Total treatment time 36 min.\n"
        "Billed: 97012 x1, 97530 x2\n"
    )
    assert minutes(body) == {"97012": 12, "97530": 24}
    assert "TOTAL_TIME_INCONSISTENT" not in codes(body)


def test_two_untimed_sessions_the_treatment_total_holds_both_of_stay() -> None:
    body = (
        "Mechanical traction 12 min before ther act, traction 12 min again after.\n"
        "Ther act 24 min. Total timed 24 min. Total treatment time 48 min.\n"
        "Billed: 97012 x1, 97530 x2\n"
    )
    assert minutes(body)["97012"] == 24


def test_a_line_opening_with_session_and_its_minutes_is_the_total_treatment_time() -> None:
    assert totals("Peds OT session\nSession 45 min.\nBilled: 97533 x3\n") == (None, 45)


def test_a_service_done_in_a_session_is_no_total() -> None:
    assert totals("Ther ex session 45 min.\nBilled: 97110 x3\n") == (None, None)
