"""Round 18, ROM2: a joint motion's bare angles written after its colon with the words of a
timepoint ("Knee flexion: eval 90, today 110") or in a table's Eval/Today or dated columns
without degree signs; and the readings under the same keys the rule must refuse (grades,
doses, loads, pain, goals, norms, holds, lags, a joint with no motion)."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts


def _rom(text: str) -> list[tuple[object, str]]:
    return [(fact.value, fact.label) for fact in extract_facts(text) if fact.kind == "rom"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Knee flexion: eval 90, today 110",
            [(90, "knee flexion (previous)"), (110, "knee flexion")],
        ),
        (
            "Shoulder flex: eval 120, today 150",
            [(120, "shoulder flexion (previous)"), (150, "shoulder flexion")],
        ),
        (
            "R knee extension: initial -12, now -4",
            [(12, "R knee extension (previous) (deficit)"), (4, "R knee extension (deficit)")],
        ),
        (
            "L shoulder ER: baseline 30, current 45",
            [(30, "L shoulder ER (previous)"), (45, "L shoulder ER")],
        ),
    ],
)
def test_a_motion_key_names_bare_angles_after_timepoint_words(
    line: str, expected: list[tuple[object, str]]
) -> None:
    assert _rom(f"O:\n{line}\n") == expected


def test_eval_and_today_columns_without_degrees_are_angles() -> None:
    text = (
        "O:\n| Motion | Eval | Today |\n|---|---|---|\n"
        "| R knee flexion | 90 | 110 |\n| R knee extension | -10 | -3 |\n"
    )
    assert _rom(text) == [
        (90, "R knee flexion (previous)"),
        (110, "R knee flexion"),
        (10, "R knee extension (previous) (deficit)"),
        (3, "R knee extension (deficit)"),
    ]


def test_dated_columns_without_degrees_are_angles() -> None:
    text = (
        "Date: 2111-11-02\nO:\n| Motion | 10/01 | 11/02 |\n|---|---|---|\n"
        "| R knee flexion | 90 | 110 |\n"
    )
    assert _rom(text) == [(90, "R knee flexion (previous)"), (110, "R knee flexion")]


@pytest.mark.parametrize(
    "line",
    [
        "Knee flexion: eval 3+, today 4-",
        "Hip abd: eval 3, today 4",
        "Knee flexion: 3x10",
        "knee flexion eval 2 sets",
        "Knee flexion: today 3 sets",
        "Knee flexion: pain 4/10",
        "Knee flexion: pain 4",
        "Knee flexion: goal 120",
        "Knee flexion: target 120",
        "Knee ext: quad lag 5",
        "Knee extension: eval lag 10, today lag 5",
        "Knee flexion: hold 30",
        "Knee flexion: eval 30 s, today 45 s",
        "Knee flexion: today 10 lb",
        "Knee flexion: eval 18 kg, today 22 kg",
        "Knee flexion: eval 20 reps, today 25",
        "Knee flexion: eval 10 min",
        "Knee flexion: today 500 mg",
        "Shoulder flexion: eval 2x/day",
        "Shoulder flex: today 8:30",
        "Shoulder flex: today 10/12",
        "Shoulder flex: norm 180, today 150",
        "Knee flex: spouse reports 90",
        "Knee flexion: contralateral 135",
        "Knee flexion: at 7 am",
        "R knee: eval 6, today 8",
        "Shoulder: eval 90, today 120",
        "Hip flexion: today 90 w/ 2# weight",
    ],
)
def test_lines_under_a_motion_key_that_hold_no_angle(line: str) -> None:
    assert _rom(f"O:\n{line}\n") == []


def test_a_goal_after_the_eval_value_is_no_angle() -> None:
    assert _rom("O:\nKnee flexion: eval 90, goal 120\n") == [(90, "knee flexion (previous)")]


def test_a_dynamometry_table_in_kg_holds_no_angle() -> None:
    text = (
        "O:\n| Motion | Eval | Today |\n|---|---|---|\n| R knee flexion (kg) | 18 | 22 |\n"
        "\n| HHD (kg) | Eval | Today |\n|---|---|---|\n| R knee flexion | 18 | 22 |\n"
    )
    assert _rom(text) == []


def test_bare_grades_and_doses_in_a_motion_table_are_no_angles() -> None:
    text = (
        "O:\n| Motion | Eval | Today |\n|---|---|---|\n| R hip abd | 3 | 4 |\n"
        "| R knee flexion | 3x10 | 2x15 |\n| R knee ext | 3+ | 4- |\n"
    )
    assert _rom(text) == []


def test_a_mode_after_the_motion_still_names_it() -> None:
    assert _rom("O:\nKnee flex AROM: eval 90, today 110\n") == [
        (90, "knee flexion AROM (previous)"),
        (110, "knee flexion AROM"),
    ]


def test_a_joint_with_no_motion_names_no_angle_after_a_timepoint() -> None:
    assert _rom("O:\nR knee (PROM): initial 80, now 100\nFlexion stretch, R knee: today 90\n") == []
