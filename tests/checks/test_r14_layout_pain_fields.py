"""An export's pain fields (round 14, LAYOUT): a key opening with "Pain" and naming a rating
holds a 0-10 rating, whatever qualifier follows; a field naming the scale states its ends. Twins:
a pain key naming no rating (frequency, duration, sites) holds none.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in


def _pains(text: str) -> list[object]:
    return [fact.value for fact in facts_in(text, "pain")]


def test_a_keyed_rating_with_its_qualifier_is_pain() -> None:
    assert _pains("Pain Score Current: 3\nPain Score Worst (24h): 5\n") == [3, 5]


def test_a_bracketed_or_comma_qualifier_is_pain() -> None:
    assert _pains("- Pain Level (with gripping): 4\nPain Rating, Least: 2\n") == [4, 2]


def test_a_pain_key_naming_no_rating_is_no_pain() -> None:
    assert _pains("Pain Frequency: 3\nPain Duration (weeks): 9\nPain Sites: 2\n") == []


def test_the_scale_a_field_names_is_no_rating() -> None:
    assert facts_in("Pain Scale: NPRS 0-10\nScale used: VAS 0-100 mm\n") == []
