"""A "Distance:" line under a walk test's name is the test's score (with an earlier one in
brackets as previous); a distance in another block, or under no walk test, stays a distance."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _scores(text: str) -> list[tuple[str | None, int | float | str, str]]:
    return [(f.measure, f.value, f.label) for f in extract_facts(text) if f.kind == "outcome"]


def test_distance_under_a_walk_test_heading_is_its_score() -> None:
    text = "TWO MINUTE WALK - discharge\nSpO2 93% to 90%\nTotal distance: 128 m (SOC 96 m)\n"
    assert _scores(text) == [("2MWT", 128, "2MWT"), ("2MWT", 96, "2MWT (previous)")]


def test_twin_distance_in_another_block_or_without_a_test_stays_a_distance() -> None:
    text = "6 minute walk deferred (dizzy).\n\nGait training:\nDistance: 150 ft with RW\n"
    facts = extract_facts(text)
    assert _scores(text) == []
    assert [(f.value, f.unit) for f in facts if f.kind == "other"] == [(150, "ft")]
