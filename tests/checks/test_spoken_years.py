"""A year said in a dictation as two pairs of digits is one year, never two values (issue 12,
dictated neuro notes); a twin for each rule."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.text.numbers import normalize


def test_a_year_said_as_two_pairs_is_one_year() -> None:
    said = "knee replaced twenty nineteen, a stroke in twenty twenty-four, born nineteen fifty-two"
    assert normalize(said).text == "knee replaced 2019, a stroke in 2024, born 1952"
    assert [f for f in extract_facts("History, right hip replacement twenty twenty-six.")] == []


def test_twin_two_numbers_said_together_stay_two() -> None:
    assert normalize("twenty twenty-foot laps").text == "20 20-foot laps"
    assert normalize("flexion twenty, twenty-five with pain").text == "flexion 20, 25 with pain"
