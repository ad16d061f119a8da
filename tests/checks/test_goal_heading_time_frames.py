"""A goals heading may carry its time frame in a bracket ("Goals (12 weeks):"); the numbers
under it are targets. A heading whose bracket holds anything else with digits is no goals
heading, and today's values under another heading with a time frame stay facts."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts

_HEADER = "Patient: Test Person\nDate: 2041-03-02\n\n"


def _feet(text: str) -> list[float]:
    return [fact.value for fact in extract_facts(_HEADER + text) if fact.unit == "ft"]


def test_targets_under_a_goals_heading_with_its_time_frame_are_not_facts() -> None:
    assert _feet("Goals (12 weeks):\n- Ambulate 1000 ft without device\n") == []
    assert _feet("Short-term goals (by 4-6 wks)\n- Gait 500 ft mod I\n") == []


def test_values_under_a_heading_with_a_time_frame_that_names_no_goals_are_facts() -> None:
    assert _feet("Today (12 weeks post-op):\n- Ambulated 1000 ft without device\n") == [1000]
