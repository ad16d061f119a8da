"""Review round 19, half A (units, strength, angles, tables): phrasings a stranger wrote near
the shapes the new readers handle, each read right, with the near miss it must not read."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in, labels_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Shoulder flexion: R 160 (was 140), L 170",
            {
                160: "R shoulder flexion",
                140: "R shoulder flexion (previous)",
                170: "L shoulder flexion",
            },
        ),
        (
            "Knee flexion: R 120 (prev 100), L 135",
            {120: "R knee flexion", 100: "R knee flexion (previous)", 135: "L knee flexion"},
        ),
    ],
)
def test_an_earlier_value_in_brackets_keeps_the_key_of_a_colon(
    text: str, expected: dict[float, str]
) -> None:
    assert labels_of(text, "rom") == expected


def test_a_bracket_with_no_value_after_a_colon_is_no_earlier_value() -> None:
    # near miss: a remark in brackets holds no number; it does not make a grade an angle
    assert not facts_in("Hip abd: R 4 (pain), L 5", "rom")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SLR R 70°", {70: "R SLR"}),
        ("SLR L 65 deg", {65: "L SLR"}),
        ("R SLR 70°", {70: "R SLR"}),
        ("SLR R 70 deg, L 80 deg", {70: "R SLR", 80: "L SLR"}),
    ],
)
def test_a_worded_angle_names_its_side_once(text: str, expected: dict[float, str]) -> None:
    assert labels_of(text, "rom") == expected


def test_a_worded_angle_with_no_side_has_none() -> None:
    assert labels_of("SLR 70°", "rom") == {70: "SLR"}


@pytest.mark.parametrize(
    "text",
    [
        "Normal grip for age is 25 kg",
        "Norm for grip age 60 F is 25 kg",
        "Normative grip 25 kg",
    ],
)
def test_a_norm_leading_the_test_is_no_strength(text: str) -> None:
    assert not facts_in(text, "strength")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a side between the norm's word and the value: the patient's
        ("Normal grip R 40 kg", {40: "R grip"}),
        ("Expected pinch for age: 8 lb; R 5 lb L 6 lb", {5: "R pinch", 6: "L pinch"}),
    ],
)
def test_a_sided_value_after_a_norm_word_is_the_patients(
    text: str, expected: dict[float, str]
) -> None:
    assert labels_of(text, "strength") == expected


def test_a_bare_pinch_before_the_other_side_is_read() -> None:
    text = "Pinch: lateral R 12 lb L 10 lb; tip R 4 L 3"
    assert labels_of(text, "strength") == {
        12: "R lateral pinch",
        10: "L lateral pinch",
        4: "R tip pinch",
        3: "L tip pinch",
    }


@pytest.mark.parametrize(
    "text",
    [
        # near misses: a bare number before a side that counts sets, reps or fingers
        "Grip R 30 lb L 3 sets x 10",
        "Grip R 30 kg, L 4 reps",
        "Grip R 22 kg; L hand 3 fingers numb",
    ],
)
def test_a_count_after_a_side_is_no_strength(text: str) -> None:
    assert len(facts_in(text, "strength")) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ROM (deg)  R   L\nHip flex   110 120\nHip IR     20  35\n",
            {110: "R hip flexion", 120: "L hip flexion", 20: "R hip IR", 35: "L hip IR"},
        ),
        (
            "Knee ROM    R   L\nFlexion     125 130\nExtension   0   -5\n",
            {125: "R knee flexion", 130: "L knee flexion", 0: "R knee extension"},
        ),
    ],
)
def test_wide_values_one_space_apart_stay_in_their_columns(
    text: str, expected: dict[float, str]
) -> None:
    found = labels_of(text, "rom")
    assert {value: found.get(value) for value in expected} == expected


def test_one_space_between_words_and_a_value_is_no_column_break() -> None:
    # near miss: prose under a side heading, no table row
    text = "ROM (deg)  R   L\nHip flex 110 with pain\n"
    assert not [label for label in labels_of(text, "rom").values() if label.startswith("L ")]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (
            "Cervical rotation R 60° L 45° (was R 40° L 30°)",
            "rom",
            {
                60: "R cervical rotation",
                45: "L cervical rotation",
                40: "R cervical rotation (previous)",
                30: "L cervical rotation (previous)",
            },
        ),
        (
            "Grip R 30 kg L 28 kg (was R 20 kg L 22 kg)",
            "strength",
            {30: "R grip", 28: "L grip", 20: "R grip (previous)", 22: "L grip (previous)"},
        ),
    ],
)
def test_a_bracket_opened_by_was_and_a_side_holds_earlier_values(
    text: str, kind: str, expected: dict[float, str]
) -> None:
    assert labels_of(text, kind) == expected


def test_a_side_after_was_in_a_bracket_of_a_remark_is_no_earlier_value() -> None:
    # near miss: "was" opens a remark on the other side, the value after it is not earlier
    found = labels_of("Shoulder ER R 40° (was L side painful, 30°)", "rom")
    assert "(previous)" not in found.get(30, "")


def test_a_torque_unit_said_before_is_no_word_of_the_next_label() -> None:
    text = "Knee ext 42 N·m R, 55 N·m L"
    assert labels_of(text, "strength") == {42: "R Knee ext", 55: "L Knee ext"}


def test_a_torque_set_on_a_machine_is_no_strength() -> None:
    # near miss: a setting's force, with sets after it
    assert not facts_in("Isokinetic knee ext set at 60 N·m, 3x10", "strength")


def test_a_verdict_on_the_norm_in_its_own_clause_keeps_the_patients_grip() -> None:
    # near miss: the norm word closes a clause of its own before the test's name
    assert labels_of("Below norms, grip 18 kg.", "strength") == {18: "grip"}
