"""A name on a line of its own and its values on the lines under it (round 15, LAYOUT): an
outline's parent bullet or a heading ending in a colon names the measure of each child that
names only a side or a condition. Twins: a child naming a measure of its own keeps it, a count
in a sentence under a name is no value of it, and an instrument's items stay its items.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in

_HEAD = "Date: 2067-05-08\nDiscipline: PT\n\n"


def _read(text: str) -> list[tuple[str, object, str]]:
    return [(fact.kind, fact.value, fact.label) for fact in facts_in(_HEAD + text)]


def test_an_indented_test_name_over_its_conditions() -> None:
    text = "10MWT:\n  comfortable 0.88 m/s\n  fast 1.12 m/s\n"
    assert [(kind, value) for kind, value, _ in _read(text)] == [
        ("outcome", 0.88),
        ("outcome", 1.12),
    ]


def test_a_heading_with_a_unit_over_bullets_of_sides() -> None:
    text = "Grip (kg):\n- R 28\n- L 24\n"
    assert _read(text) == [("strength", 28, "R grip"), ("strength", 24, "L grip")]


def test_a_nested_bullet_names_the_muscle_of_its_sides() -> None:
    text = "- Strength\n  - hip ext\n    - R: 4/5\n    - L: 4-/5\n"
    assert _read(text) == [("mmt", "4", "R hip extension"), ("mmt", "4-", "L hip extension")]


def test_a_joint_over_motions_gives_them_its_joint_and_side() -> None:
    text = "Wrist AROM L\n  flexion 48 deg\n  extension 52 deg\n"
    labels = [label for _, _, label in _read(text)]
    assert labels == ["L wrist flexion AROM", "L wrist extension AROM"]


def test_a_child_naming_its_own_joint_keeps_it() -> None:
    text = "Knee AROM\n  R knee flexion 120 deg\n  L ankle DF 10 deg\n"
    labels = [label for _, _, label in _read(text)]
    assert labels == ["R knee flexion", "L ankle dorsiflexion"]


def test_a_count_in_a_sentence_under_a_name_is_no_value() -> None:
    text = "Knee flexion:\n- pt reports 3 falls this month\n"
    assert [kind for kind, _, _ in _read(text)] == []


def test_an_instruments_items_stay_its_items() -> None:
    text = "PSFS today:\n  Gardening 4\n  Stairs 7\n"
    assert [label for _, _, label in _read(text)] == ["PSFS Gardening", "PSFS Stairs"]


def test_bare_grades_under_a_motion_are_left_unread() -> None:
    assert _read("Hip abd:\n  R 4\n  L 3+\n") == []


def test_a_flattened_outline_names_the_sides_after_it() -> None:
    text = "- Grip (lb)\n- R 34\n- L 51\n"
    assert _read(text) == [("strength", 34, "R grip"), ("strength", 51, "L grip")]


def test_a_flat_bullet_of_its_own_ends_the_name_s_list() -> None:
    text = "- Knee flexion\n- tolerated well\n- R 120 deg\n"
    assert not any("knee" in label for _, _, label in _read(text))


def test_twin_a_heading_naming_two_sides_is_a_legend_not_a_name() -> None:
    text = "Wrist AROM R / L:\n  Radial / ulnar deviation   12 deg / 30 deg   18 deg / 38 deg\n"
    labels = [label for _, _, label in _read(text)]
    assert not any(label.startswith(("R ", "L ")) for label in labels)
