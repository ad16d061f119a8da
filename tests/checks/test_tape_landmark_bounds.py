"""A tape landmark ("10 cm below") is not a bound: the girth after it is read. A bound said of a
value ("keep HR below 120", "pain less than 3/10") still reads no value."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts

_HEADER = "Patient: Test Person\nDate: 2041-05-06\n\n"


def _values(text: str) -> list[tuple[str, float]]:
    return [(fact.kind, fact.value) for fact in extract_facts(_HEADER + text)]


def test_the_girth_after_a_landmark_below_is_read() -> None:
    text = "Circumference L arm at 10 cm above olecranon 29.0 cm; 10 cm below 23.4 cm.\n"
    assert ("girth", 23.4) in _values(text)


def test_a_bound_below_a_value_reads_nothing() -> None:
    assert _values("Keep HR below 120 during the walk.\nPain less than 3/10 as a goal.\n") == []
