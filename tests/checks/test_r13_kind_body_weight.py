"""A body weight whose sentence opens with a word of when it is taken ("Daily wt per pt log 161.2
lb") is the patient's, read off their own log; a load after the same words is not."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def test_a_daily_weight_from_the_patients_log_is_read_with_yesterdays() -> None:
    facts = extract_facts("Daily wt per pt log 161.2 lb (yesterday 160.4 lb). No SOB.\n")
    assert [(fact.value, fact.label) for fact in facts] == [
        (161.2, "body weight"),
        (160.4, "body weight (previous)"),
    ]


def test_a_daily_load_is_no_weight_of_the_patient() -> None:
    assert extract_facts("Daily weight 3 lb cuff for curls.\n") == []
