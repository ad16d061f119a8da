"""Round 20 review A: phrasings a stranger wrote near the shapes the round's readers handle,
each wrong reading fixed here with its near miss (the twin that must keep its reading, or stay
unread)."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in


def _read(text: str) -> set[tuple[str, float, str]]:
    return {
        (f.kind, float(f.value), f.label)
        for f in facts_in(text)
        if isinstance(f.value, int | float)
    }


def _values(text: str, kind: str | None = None) -> set[float]:
    return {value for k, value, _label in _read(text) if kind is None or k == kind}


@pytest.mark.parametrize(
    "text",
    [
        # a schedule's frequency written with its multiplier: a program, no walk done
        "Walking program: 1 mi 3x/wk",
        "Walks dog 2x/day, ~1 mile each",
        "Walking program: 1 mi 3 x/week.",
    ],
)
def test_a_walking_schedule_is_no_walk(text: str) -> None:
    assert 1 not in _values(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Walked ~2 miles on the weekend without knee pain", 2),
        ("Amb 0.25 mi on treadmill w/o rest", 0.25),
        ("Walks 1.2 mi, 3x this week", 1.2),
    ],
)
def test_a_walk_done_stays(text: str, value: float) -> None:
    assert value in _values(text, "other")


@pytest.mark.parametrize(
    "text",
    [
        "Hip ER 35 deg, 10 deg less than R",
        "Knee flex 110\u00b0, 10\u00b0 short of the L",
    ],
)
def test_an_angle_short_of_the_other_side_is_no_range(text: str) -> None:
    assert 10 not in _values(text)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Hip ER 35 deg vs R 45 deg", {35, 45}),
        ("L knee flexion 110\u00b0 compared to R", {110}),
        ("Hip ER 35 deg, 10 deg", {35}),
    ],
)
def test_angles_beside_a_comparison_stay(text: str, values: set[float]) -> None:
    assert values <= _values(text, "rom")


@pytest.mark.parametrize(
    "text",
    [
        "Thigh girth 15 cm above patella: R 48 cm, L 45.5 cm (difference 2.5 cm)",
        "Girth R 48 cm, L 45.5 cm, diff: 2.5 cm",
    ],
)
def test_a_girth_difference_is_no_girth(text: str) -> None:
    assert {48, 45.5} <= _values(text, "girth")
    assert 2.5 not in _values(text)


def test_a_length_discrepancy_stays() -> None:
    assert 1.5 in _values("Leg length discrepancy 1.5 cm", "other")


def test_a_pain_domain_listed_before_the_others() -> None:
    read = _read("WOMAC 38; pain 8, stiffness 4, function 26")
    assert ("outcome", 8, "WOMAC pain") in read
    assert not any(kind == "pain" for kind, _value, _label in read)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("KOOS 70; pain 3 with stairs", 3),
        ("WOMAC 38; pain 6, stiff in the AM", 6),
    ],
)
def test_a_pain_with_no_domain_after_stays_pain(text: str, value: float) -> None:
    assert value in _values(text, "pain")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Turn 360: 8 steps to the R, 10 steps to the L", 8),
        ("Turn 360 deg in 8 steps", 8),
        ("Turning 180 deg takes 9 steps, en bloc", 9),
    ],
)
def test_a_turn_with_its_angle_counts_its_steps(text: str, value: float) -> None:
    assert value in _values(text, "other")


@pytest.mark.parametrize(
    "text",
    [
        "Job demands: climb 12 steps to loft",
        "Essential functions: walk on uneven ground, climb 12 steps",
    ],
)
def test_a_job_line_counts_no_steps(text: str) -> None:
    assert 12 not in _values(text)


def test_a_walk_with_its_speed_is_walked() -> None:
    assert 150 in _values("Walked 150 ft at a speed of 0.6 m/s.", "other")
    assert 300 in _values("Amb 300 ft with RW at 0.5 m/s", "other")


def test_a_course_before_its_speed_is_no_walk() -> None:
    assert 10 not in _values("Gait speed 10 m comfortable 0.96 m/s")


def test_a_pain_heading_with_no_colon_names_the_full_rating() -> None:
    assert {10, 8} <= _values("Back pain\nToday: 10/10, yesterday 8/10", "pain")
    assert 10 in _values("Low back pain\n10/10 at night, 4/10 now", "pain")


@pytest.mark.parametrize(
    "text",
    [
        "Pain improving since last week.\nGrasp release: at table 10/10, at shoulder height 7/10",
        "Grasp release: at table 10/10, at shoulder height 7/10",
    ],
)
def test_full_marks_under_a_sentence_stay_no_pain(text: str) -> None:
    assert not _values(text, "pain")
