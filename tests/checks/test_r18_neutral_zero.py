"""A large joint's whole arc written without a motion name (issue 12, round 18): the
neutral-zero method ("Knee ROM R: 5-0-115"), SFTR's plane letters ("S 10-0-100, F 40-0-25,
R 45-0-30") and a hinge's bare arc ("Elbow L: -10 to 135", "Elbow: -10/135 L"). Each rule has
the readings it must make and the near-misses it must refuse."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts


def _rom(line: str) -> list[tuple[object, str]]:
    text = f"PT daily note\n\n{line}\n"
    return [(fact.value, fact.label) for fact in extract_facts(text) if fact.kind == "rom"]


def test_neutral_zero_triple_reads_extension_and_flexion_with_the_side() -> None:
    assert _rom("Knee ROM R: 5-0-115") == [(5, "R knee extension"), (115, "R knee flexion")]


def test_neutral_not_reached_is_an_extension_deficit() -> None:
    assert _rom("L knee PROM 0-10-120") == [
        (10, "L knee extension PROM (deficit)"),
        (120, "L knee flexion PROM"),
    ]


def test_each_side_keeps_its_own_side_in_one_sentence_run() -> None:
    found = _rom("O: Knee ROM L: 0-8-104. Knee ROM R: 5-0-135.")
    assert (5, "R knee extension") in found and (135, "R knee flexion") in found
    assert (104, "L knee flexion") in found


def test_sftr_plane_letters_name_the_ends() -> None:
    found = _rom("R hip ROM (SFTR): S 10-0-95, F 30-0-20, R 25-0-15.")
    assert found == [
        (10, "R hip extension"),
        (95, "R hip flexion"),
        (30, "R hip abduction"),
        (20, "R hip adduction"),
        (25, "R hip ER"),
        (15, "R hip IR"),
    ]


def test_a_joint_of_its_own_plane_words() -> None:
    assert _rom("Ankle (SFTR) S 20-0-40") == [
        (20, "ankle dorsiflexion"),
        (40, "ankle plantarflexion"),
    ]
    assert _rom("Forearm SFTR: R 80-0-70") == [
        (80, "forearm supination"),
        (70, "forearm pronation"),
    ]


def test_a_hinges_bare_arc_with_to_or_a_slash() -> None:
    assert _rom("Elbow L: -10 to 135") == [
        (10, "L elbow extension (deficit)"),
        (135, "L elbow flexion"),
    ]
    assert _rom("Elbow: -30/115 L passive") == [
        (30, "L elbow extension (deficit)"),
        (115, "L elbow flexion"),
    ]
    assert _rom("Elbow R AROM: 0 to 140") == [(140, "R elbow flexion AROM")]


def test_a_dashed_range_stays_the_rom_readers() -> None:
    assert _rom("R knee AROM 5-115") == [
        (5, "R knee extension AROM (deficit)"),
        (115, "R knee flexion AROM"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Knee: squats tempo 3-0-1 x 10",
        "Knee ROM ex: 3-0-10 tempo",
        "Knee OA, seen 12-0-2025",
        "Knee rehab, phone 555-0-115",
        "Berg 10-0-100",
        "Elbow: 110/70",
        "Elbow: 10/40 lbs curls",
        "Knee: 3 x 10/30 reps",
        "Goal: L knee AROM 0-0-120 by wk 6",
        "Knee ROM goal 0-0-120",
        "Elbow ROM: 20/30 sec hold",
        "Knee: 1 to 2 hours",
        "Hip ROM: 10-0-30 reps",
        "Knee: visit 6/12",
        "Elbow: 4/5",
        "DOB 05-01-2015",
        "Hinged knee brace: 0 to 90",
        "Knee: 10 to 15 reps",
        "Elbow: 2 to 3 times a day",
        "Elbow: 15/20 min",
        "Knee: -5 to 30 lb",
        "Knee: 20/25 visits used",
    ],
)
def test_near_misses_read_no_arc(line: str) -> None:
    assert _rom(line) == []


def test_a_pain_range_and_a_blood_pressure_stay_what_they_are() -> None:
    text = "PT daily note\n\nKnee pain 2-4/10. BP 110/70.\n"
    kinds = sorted((fact.kind, fact.value) for fact in extract_facts(text))
    assert kinds == [("other", "110/70"), ("pain", 2), ("pain", 4)]


def test_a_date_with_a_month_and_day_is_still_a_date() -> None:
    assert _rom("Knee ROM last measured 05-01-25") == []
