"""A child's age is not a score (issue 12, pediatric notes): notes of our own, each with a twin
that must be read.

Ages written years;months ("CA 3;2", "re-test at 4;0"), ages named as one ("adjusted age 9
months", "AE 14 mo", "PMA 33w") and parts of an instrument ("part III") are never scores of
the test they sit beside; a month and year ("(03/2030)") is a date.
"""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _values(text: str) -> list[object]:
    return [f.value for f in extract_facts(text) if f.kind in ("outcome", "other", "rom")]


def test_ages_in_years_and_months_and_named_ages_are_not_scores() -> None:
    assert _values("Peabody re-test (CA 3;2): see table.") == []
    assert _values("Plan: repeat BOT-2 at 8;6; add bilateral drills.") == []
    assert _values("Corrected age 9 months, chronological 12 months today.") == []
    assert _values("Fine motor AE 14 mo per Bayley-4.") == []
    assert _values("Seen at 11 mo adjusted, born at 29 wks.") == []


def test_twin_scores_beside_an_age_are_still_read() -> None:
    assert _values("AIMS 38 (CA 3;2 is not used; scored for corrected age).") == [38]
    assert _values("GMFM-66 52.4 today.") == [52.4]


def test_a_part_of_an_instrument_is_not_its_score() -> None:
    found = [(f.measure, f.value) for f in extract_facts("UPDRS part 2 daily living 18.")]
    assert found == [("UPDRS", 18)]
    found = [(f.measure, f.value) for f in extract_facts("MDS-UPDRS part III (OFF): 41")]
    assert found == [("MDS-UPDRS", 41)]


def test_a_month_and_year_is_a_date() -> None:
    assert _values("FGA prior (03/2030) vs now: improving.") == []


def test_twin_a_fraction_score_is_still_a_score() -> None:
    assert _values("FGA 18/30 today.") == [18]
