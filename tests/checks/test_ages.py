"""An age in years and months is not a distance: "age 4 y 9 m" has no 9-metre walk in it."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _metres(text: str) -> list[int | float | str]:
    return [f.value for f in extract_facts(text) if f.unit == "m"]


def test_pediatric_age_in_years_and_months_is_no_distance() -> None:
    assert _metres("Growth check: child (age 4 y 9 m) tolerated standing frame 20 min.") == []
    assert _metres("Re-eval due at 6 yrs, 2 mo per IFSP.") == []


def test_twin_a_distance_walked_is_still_read() -> None:
    assert _metres("Child ambulated 9 m with posterior walker, then rested.") == [9]
