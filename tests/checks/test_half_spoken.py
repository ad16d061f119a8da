"""Numbers a transcript writes half in words, and homophones where only a number can stand
(issue 12, voices). Each has a twin that keeps its words: two numbers said one after the
other, a real "for" or "to" before a number."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.text.numbers import normalize

_HEAD = "Patient: Barnaby Quist\nDate: 2031-08-05\n\n"


def _values(text: str, kind: str) -> list[object]:
    return [f.value for f in extract_facts(_HEAD + text) if f.kind == kind]


def test_a_number_half_in_words_before_its_unit_is_one_number() -> None:
    assert _values("shoulder flexion one hundred 35 degrees", "rom") == [135]
    assert _values("external rotation forty 5 degrees", "rom") == [45]
    assert normalize("bike twenty 5 minutes").text == "bike 25 minutes"


def test_two_numbers_said_one_after_the_other_stay_two() -> None:
    # twins: twenty curls of 5 lb, twenty walks of 5 minutes
    assert normalize("did twenty 5 lb curls").text == "did 20 5 lb curls"
    assert normalize("twenty 5 minute walks").text == "20 5 minute walks"


def test_a_homophone_before_out_of_ten_is_the_number() -> None:
    assert _values("pain is won out of ten at rest", "pain") == [1]
    assert _values("pain about to out of ten today", "pain") == [2]


def test_a_real_word_before_a_number_keeps_its_word() -> None:
    # twins: "for" before a duration, "to" between two ratings
    assert normalize("walked for 10 minutes").text == "walked for 10 minutes"
    pains = _values("pain went from six to four out of ten", "pain")
    assert 4 in pains and 2 not in pains
