"""Round 19, OTHER: tolerances (a position, a task or a device kept going for a time), counts of
an action, a bike's sizes and a throwing program's distances (measures/tolerances.py,
measures/action_counts.py, measures/program_distances.py, measures.toml [not_measurements.settings]
and [counted_sides]), each with the near misses that must not be read."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in, one_fact


def _others(text: str) -> set[tuple[float, str | None]]:
    return {
        (float(fact.value), fact.unit)
        for fact in facts_in(text, "other")
        if isinstance(fact.value, int | float)
    }


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Standing tolerance at sink 4 min before needing to sit.", 4, "min"),
        ("- Grooming standing at sink 6 min, CGA, 1 rest break", 6, "min"),
        ("Sit EOB 6 min with SBA; sit>stand x3 with RW", 6, "min"),
        ("Sat EOB 8 min with min A x2, trunk control improving", 8, "min"),
        ("He sat at the edge of the bed for 9 minutes with minimal assistance of one.", 9, "min"),
        (
            "then stood at the bedside for 90 seconds with moderate assist before asking to sit",
            90,
            "s",
        ),
        ("VOR x1 tolerance: horizontal 60 s at 120 bpm metronome; vertical 45 s.", 45, "s"),
        ("Positional tolerance: static stoop 4 min (goal 10 min), kneel 8 min.", 8, "min"),
        ("Tolerates standing up to 5 min before needing to sit.", 5, "min"),
    ],
)
def test_a_tolerated_time_is_read(text: str, value: int, unit: str) -> None:
    assert one_fact(text, "other", value).unit == unit


def test_the_lines_under_a_tolerance_heading_are_read() -> None:
    text = (
        "Positional tolerance        Observed      Stopped because\n"
        "Sustained stoop             3 min         low back pain\n"
        "Overhead reach              90 s          shoulder fatigue\n"
        "\n"
        "Rest breaks: 1 min seated between positions.\n"
    )
    assert {(3.0, "min"), (90.0, "s")} <= _others(text)
    assert (1.0, "min") not in _others(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Pt tolerated 45 min session well.", 45),
        ("Sitting balance activities EOB 10 min with CGA.", 10),
        ("HEP: standing at counter 5 min 2x/day with SBA", 5),
        ("Pt will sit EOB 10 min with SBA.", 10),
        ("Seated rest 2 min with SBA.", 2),
        ("Nursing will sit him up in the chair for 30 minutes after lunch.", 30),
        ("HEP: VOR x1 yaw 30 s x 3 reps, 3x/day.", 30),
        ("Job demands: standing tolerance 30 min, sit EOB 20 min with SBA.", 20),
        ("Sat EOB 10 min.", 10),  # no assist level and no end: a time, not a tolerance
    ],
)
def test_a_dose_a_plan_or_a_session_is_no_tolerance(text: str, value: int) -> None:
    assert not any(value == v for v, _ in _others(text))


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("PFM 3/5; endurance 8 s hold; 6 reps before fatigue; 10 quick flicks.", {10}),
        ("L gastroc-soleus 4-/5 (12 heel raises vs 25 R)", {12, 25}),
        ("Heel walking: 8 steps before toes drop (was 3).", {8, 3}),
        ("Propulsion (10 m, level tile): 16 pushes R/L, 7.4 s", {16, 7.4}),
        ("Single-leg relevé to fatigue (metronome 1 Hz): R 26, L 19", {26, 19}),
    ],
)
def test_a_count_of_an_action_is_read(text: str, values: set[float]) -> None:
    assert values <= {value for value, _ in _others(text)}


def test_the_earlier_count_and_the_other_side_are_labelled() -> None:
    assert (
        "previous" in one_fact("Heel walking: 8 steps before toes drop (was 3).", "other", 3).label
    )
    assert one_fact("L soleus 4-/5 (12 heel raises vs 25 R)", "other", 25).label.startswith("R")


@pytest.mark.parametrize(
    "text",
    [
        "HEP: 10 quick flicks x 3 sets daily; 3 x 12 heel raises.",
        "Ther ex: 15 heel raises, 10 quick flicks.",
        "Pt did 20 heel raises at the counter.",
        "Goal: 25 heel raises before fatigue.",
        "SL heel raise (3x15 on step) R 12, L 9",
        "HEP: relevés R 15, L 15",
    ],
)
def test_a_counted_dose_is_no_result(text: str) -> None:
    assert not _others(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bike: road, 54 cm frame, 172.5 mm cranks, clipless pedals.",
        "Saddle height 742 -> 727 mm (BB to saddle top); setback unchanged",
        "R cleat: 1.5 mm varus wedge added; L cleat moved 3 mm rearward",
        "Changes: handlebar lowered 10 mm; saddle setback 5 mm forward; a 100 mm stem.",
        "  01/27   90 ft     3x25    none",
        "- 06/28: long toss 90 ft, 2x20",
        "Hitting: 2x15 swings from 30 ft",
    ],
)
def test_a_bikes_sizes_and_a_programs_distances_are_no_measures(text: str) -> None:
    assert not _others(text)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Step length R 55 cm.", 55, "cm"),
        ("Jaw opening 38 -> 42 mm.", 42, "mm"),
        ("Ambulated 200 ft, 3x10 heel raises after.", 200, "ft"),
        ("Gait 150 ft x 2 with RW, then 3x10 STS", 150, "ft"),
    ],
)
def test_the_patients_lengths_and_distances_stay(text: str, value: float, unit: str) -> None:
    assert (float(value), unit) in _others(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("* Buttons: 5 medium buttons on a board in 72 s (140 s)", 72),
        ("- Ran 30 ft in 8.4 s, wide base.", 8.4),
        ("Coins into slot: 10 coins in 23.5 s", 23.5),
        ("Stairs: 12 steps in 24.5 s with rail", 24.5),
    ],
)
def test_the_time_a_counted_task_took_is_read(text: str, value: float) -> None:
    assert one_fact(text, "other", value).unit == "s"


def test_a_bare_bracketed_time_after_it_is_the_earlier_one() -> None:
    assert "previous" in one_fact("Buttons: 5 buttons in 72 s (140 s)", "other", 140).label


@pytest.mark.parametrize(
    "text",
    [
        "Pegs: 14 pegs placed in 30 s",  # the test's window: the count is the result
        "HEP: 10 sit to stands in 45 s",
        "Goal: 5 buttons in 40 s.",
        "3 x 10 squats in 40 s",
        "Scissors: cut within 3 mm of the line",
    ],
)
def test_a_window_a_dose_or_a_goal_is_no_task_time(text: str) -> None:
    assert not {unit for _, unit in _others(text)} & {"s", "mm"}
