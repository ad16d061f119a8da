"""Round 20, found when the owners' branches met: a walk under a heading of the job's demands is
a demand, not a distance walked (walked_distances read what demand_sections had blocked), and a
distance before a speed is a course only when the speed is named before it ("Walked 150 ft at
0.6 m/s" is a walk; "Gait speed 10 m comfortable 0.96 m/s" is the course of the test)."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in


def _others(text: str) -> set[float | str]:
    return {fact.value for fact in facts_in(text, "other")}


def test_a_walk_under_the_jobs_demands_is_no_distance_walked() -> None:
    text = (
        "CRITICAL JOB DEMANDS (collection route)\n"
        "- Walk a 2 mi route, stepping on and off the rear step 24 in\n"
        "\n"
        "WORKER RESULTS\n"
        "Walked 1.5 mi on the treadmill at 3 mph without rest.\n"
    )
    assert _others(text) == {1.5}


@pytest.mark.parametrize(
    ("text", "walked"),
    [
        ("Walked 150 ft at 0.6 m/s.", {150}),
        ("Amb 200 ft with RW, 0.8 m/s", {200}),
        ("Gait speed 10 m comfortable 0.96 m/s, fast 1.31 m/s.", set()),
        ("gait speed over 6 m 0.84 m/s", set()),
    ],
)
def test_a_course_is_the_distance_a_named_speed_was_timed_over(text: str, walked: set[int]) -> None:
    assert {value for value in _others(text) if value in (150, 200, 10, 6)} == walked
