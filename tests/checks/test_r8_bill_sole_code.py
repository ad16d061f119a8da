"""The one timed code billed takes the timed total when the note gives no service's own minutes
(issue 12, round 8): "Neuro re-ed billed 97112 x2. Timed 31 min" is 31 minutes of 97112. The
twins: two timed codes share a total in a way the note does not say, and a service's own minutes
read anywhere leave the total alone."""

from __future__ import annotations

from tests.checks.test_bill_minutes_shapes import codes, minutes


def test_the_one_timed_code_billed_takes_the_timed_total() -> None:
    body = "Neuro re-ed billed 97112 x2. Timed 31 min; total 31 min.\n"
    assert minutes(body) == {"97112": 31}
    assert codes(body) == []


def test_an_untimed_code_beside_it_does_not_stop_the_reading() -> None:
    body = "Billed: 97164 x1, 97112 x1. Timed 14 min; total 44 min.\n"
    assert minutes(body) == {"97112": 14}


def test_two_timed_codes_billed_share_the_total_unsaid() -> None:
    body = "Billed: 97110 x1, 97530 x1. Timed 28 min; total 28 min.\n"
    assert minutes(body) == {}
    assert codes(body) == []


def test_a_service_with_its_own_minutes_keeps_them() -> None:
    body = "Gait training 12 min, not billed today.\nBilled: 97112 x2. Timed 31 min.\n"
    assert minutes(body).get("97112") is None


def test_no_timed_total_gives_no_minutes() -> None:
    body = "Billed: 97112 x2. Total treatment 31 min.\n"
    assert minutes(body) == {}
