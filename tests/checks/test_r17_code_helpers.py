"""Helpers folded into one home this round: word patterns, the heart rate's names, the count of
units before a service, and the patient-rate patterns built with `either`."""

from __future__ import annotations

from tui.core.checks.billing import billed_codes, charges
from tui.core.checks.extract import extract_billing, extract_facts
from tui.core.checks.tables import heart_rate_names, measures_section
from tui.core.checks.text.alternation import whole_words, words_pattern


def test_words_pattern_finds_a_word_joined_by_a_hyphen() -> None:
    assert words_pattern(["pain"]).search("pain-free walking")
    assert words_pattern(["pain"]).search("PAIN today")
    assert not words_pattern(["pain"]).search("painful")
    assert not words_pattern(["pain"]).search("2pain")


def test_whole_words_keeps_out_a_word_joined_by_a_hyphen() -> None:
    assert whole_words(["lag"]).search("quad lag 5 deg")
    assert not whole_words(["lag"]).search("lag-time 4")
    assert not whole_words(["lag"]).search("flagged")


def test_words_pattern_of_nothing_never_matches() -> None:
    assert not words_pattern(()).search("anything at all")


def test_heart_rate_names_are_the_heart_rate_table() -> None:
    assert heart_rate_names() == tuple(measures_section("heart_rates")["names"])
    assert "heart_words" not in measures_section("vital_rows")


def test_heart_rate_read_by_each_of_its_names() -> None:
    for name in heart_rate_names():
        facts = extract_facts(f"{name.upper()} 88 bpm at rest.")
        assert [(f.value, f.label) for f in facts] == [(88, "heart rate")]


def test_pressure_beside_a_heart_rate_is_a_blood_pressure() -> None:
    facts = extract_facts("Standing 1 min 112/70, pulse 84.")
    assert ("112/70", "blood pressure") in [(f.value, f.label) for f in facts]


def test_heart_rate_share_of_max_is_no_reading() -> None:
    facts = extract_facts("Keep HR = 80% of max during the walk.")
    assert not [f for f in facts if f.label == "heart rate"]


def test_count_before_a_name_and_before_a_code_share_their_mark() -> None:
    assert charges.COUNT_MARK in billed_codes._COUNT_BEFORE_NAME.pattern
    assert charges.COUNT_MARK in charges._COUNT_BEFORE.pattern


def test_count_before_a_name() -> None:
    billed = extract_billing("Billing: 2 units of therapeutic exercise, 1 unit manual therapy")
    assert billed.billed == {"97110": 2, "97140": 1}
    found = billed_codes._COUNT_BEFORE_NAME.search("Billing: 2 of ")
    assert found is not None and next(g for g in found.groups() if g) == "2"
    assert billed_codes._COUNT_BEFORE_NAME.search("Billing: (2) ") is None
    assert billed_codes._COUNT_BEFORE_NAME.search("Billing: 2.5 units ") is None


def test_count_before_a_code() -> None:
    assert extract_billing("Billing: (2) 97110, (1) 97140").billed == {"97110": 2, "97140": 1}
    assert charges._COUNT_BEFORE.search("Billing: 2 of ") is None


def test_patient_rates_and_tolerances() -> None:
    def read(text: str) -> list[tuple[object, str, str | None]]:
        return [(f.value, f.label, f.unit) for f in extract_facts(text)]

    assert read("Sitting tolerance 25 min.") == [(25, "Sitting tolerance", "min")]
    assert read("Reading speed 90 wpm today.") == [(90, "Reading speed", "wpm")]
    assert read("Tolerated 20 min before fatigue.") == [(20, "Tolerated", "min")]
    assert not [fact for fact in read("Sitting tolerance fair, 4/10 pain.") if fact[2] == "min"]
