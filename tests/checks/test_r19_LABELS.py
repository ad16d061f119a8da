"""Round 19, LABELS: earlier values and sides by a note's own layout (bracket legends, dated
rows, side pairs with an earlier pair, compared-to headings, counted classes, timepoint chains
without commas) and circumstances written after their vital-sign readings."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in, labels_of, one_fact

PREVIOUS = "(previous)"


@pytest.mark.parametrize(
    ("text", "today", "earlier"),
    [
        ("Tests (last re-eval 10/22/2099 in brackets):\n  TUG 11.9 s [10.8 s]", 11.9, 10.8),
        ("Balance (values at the progress report in square brackets):\nBerg 44/56 [41/56]", 44, 41),
        ("Values in parentheses are from the initial eval.\nLEFS 51/80 (38/80)", 51, 38),
        ("Key: [ ] = last visit\nDGI 17/24 [15/24]", 17, 15),
        ("Brackets show baseline.\n6MWT 320 m (280 m)", 320, 280),
    ],
)
def test_a_bracket_legend_makes_its_values_earlier(text: str, today: float, earlier: float) -> None:
    labels = labels_of(text, "outcome")
    assert PREVIOUS not in labels[today]
    assert PREVIOUS in labels[earlier]


@pytest.mark.parametrize(
    "text",
    [
        "Grip, L hand (uninvolved R in brackets):\nGrip 18 kg [31 kg]",
        "Balance (prior values; today in brackets):\nGrip 22 kg [26 kg]",
        "Grip (age norms in brackets):\nGrip 22 kg [31 kg]",
    ],
)
def test_a_bracket_legend_of_no_earlier_time_leaves_values_today(text: str) -> None:
    labels = labels_of(text, "strength")
    assert labels and all(PREVIOUS not in label for label in labels.values())


def test_rows_dated_before_the_visit_are_earlier() -> None:
    text = (
        "Date: 2120-01-09\nR shoulder AROM, deg:\n  12/12/2119: flex 95, abd 80\n"
        "  01/09/2120: flex 128, abd 110\n"
    )
    labels = labels_of(text, "rom")
    assert PREVIOUS in labels[95] and PREVIOUS in labels[80]
    assert PREVIOUS not in labels[128] and PREVIOUS not in labels[110]


def test_dated_rows_without_a_visit_date_keep_the_latest_today() -> None:
    labels = labels_of("Knee ROM log\n1/2/2120  flex 95\n1/9/2120  flex 110\n", "rom")
    assert PREVIOUS in labels[95] and PREVIOUS not in labels[110]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an event's date leads the line; the value after its sentence is today's
        ("Date: 2120-01-09\n12/20/2119 - TKA R. Knee flex 100 today.\n", 100),
        # a planned visit's row
        ("Date: 2120-01-09\nPain log:\n- 01/09: pain 3/10\n- 01/23: pain 2/10 expected\n", 3),
    ],
)
def test_dated_row_near_misses(text: str, value: float) -> None:
    fact = next(f for f in facts_in(text) if f.value == value)
    assert PREVIOUS not in fact.label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Heel raises R 20, L 27 (prior 12, 15)",
            {20: ("R", False), 27: ("L", False), 12: ("R", True), 15: ("L", True)},
        ),
        (
            "SLS R 14 s, L 22 s (was 6 s, 11 s)",
            {14: ("R", False), 22: ("L", False), 6: ("R", True), 11: ("L", True)},
        ),
        (
            "Hop L 118 cm, R 96 cm (was 102 cm, 70 cm)",
            {118: ("L", False), 96: ("R", False), 102: ("L", True), 70: ("R", True)},
        ),
    ],
)
def test_an_earlier_pair_takes_the_sides_in_order(
    text: str, expected: dict[int, tuple[str, bool]]
) -> None:
    labels = labels_of(text, "other")
    for value, (side, earlier) in expected.items():
        words = labels[value].split()
        assert side in words and ("R" if side == "L" else "L") not in words, labels[value]
        assert (PREVIOUS in labels[value]) is earlier, labels[value]


@pytest.mark.parametrize(
    "text",
    [
        "Heel raises R 20, L 27 (goal 25, 30)",
        "ER R 40, L 60 (norm 90, 90)",
        # a date in the bracket is no pair of values
        "Grip R 30 kg, L 24 kg (from 1/26 eval)",
    ],
)
def test_a_pair_of_targets_norms_or_dates_is_no_earlier_pair(text: str) -> None:
    assert all(PREVIOUS not in fact.label for fact in facts_in(text))
    assert not any(fact.value in (1, 25, 26, 90) for fact in facts_in(text))


def test_a_compared_to_heading_keeps_the_values_today() -> None:
    fact = one_fact("Compared to eval: floor to waist lift 15 kg x 5 reps.", "strength", 15)
    assert PREVIOUS not in fact.label
    labels = labels_of("Compared to eval: grip R 30 kg (eval 22 kg).", "strength")
    assert PREVIOUS not in labels[30] and PREVIOUS in labels[22]


def test_a_comparison_without_a_heading_keeps_the_earlier_value() -> None:
    labels = labels_of("Knee flex 110 compared to IE 90.", "rom")
    assert PREVIOUS not in labels[110] and PREVIOUS in labels[90]


def test_a_numbered_class_in_a_bracket_is_an_earlier_one() -> None:
    facts = facts_in("30 s chair stand 12 reps (class 1: 9).", "outcome")
    assert sorted(f.value for f in facts) == [9, 12]
    assert PREVIOUS in next(f.label for f in facts if f.value == 9)


@pytest.mark.parametrize(
    "text",
    [
        "Knee flexion: eval 90 today 110",
        "Knee flexion: IE 90 now 110",
        "Knee flex eval 90° today 110°",
    ],
)
def test_a_timepoint_chain_without_commas(text: str) -> None:
    labels = labels_of(text, "rom")
    assert PREVIOUS in labels[90] and "flexion" in labels[90]
    assert PREVIOUS not in labels[110] and "flexion" in labels[110]


def test_circumstances_after_their_readings() -> None:
    labels = labels_of("HR 76 resting, 104 peak", "other")
    assert "rest" in labels[76] and "peak" not in labels[76]
    assert "peak" in labels[104] and "rest" not in labels[104]
    labels = labels_of("HR: rest 74, peak 131", "other")
    assert "rest" in labels[74] and "peak" in labels[131]


def test_pre_and_post_columns_of_vitals_are_today() -> None:
    text = "| | Pre | Post |\n| HR | 72 | 96 |\n| BP | 124/78 | 138/82 |"
    assert all(PREVIOUS not in fact.label for fact in facts_in(text))
    labels = labels_of("| | Eval | Today |\n| HR | 88 | 76 |", "other")
    assert PREVIOUS in labels[88] and PREVIOUS not in labels[76]


def test_a_copied_banner_between_asterisks_labels_its_line() -> None:
    text = "O: ** copied from 02/05 **  Gait RW 75 ft CGA.\nToday: Gait RW 110 ft x2 with CGA."
    labels = labels_of(text, "other")
    assert PREVIOUS in labels[75] and PREVIOUS not in labels[110]
    assert PREVIOUS not in one_fact("O: Pain **4/10** today", "pain", 4).label


@pytest.mark.parametrize(
    ("text", "name", "sides"),
    [
        ("Thomas test L 10 deg, R 15 deg", "Thomas", {10: "L", 15: "R"}),
        ("Ober L 20, R 25", "Ober", {20: "L", 25: "R"}),
    ],
)
def test_thomas_and_ober_angles_are_read_with_their_sides(
    text: str, name: str, sides: dict[int, str]
) -> None:
    labels = labels_of(text, "rom")
    assert set(labels) == set(sides)
    for value, side in sides.items():
        assert name in labels[value] and side in labels[value].split()


def test_a_name_thomas_is_no_test() -> None:
    assert facts_in("Patient: Thomas Reed\nThomas 3x/wk, 45 min", "rom") == []


def test_columns_of_times_set_apart_by_spaces() -> None:
    text = (
        "CROM (inclinometer)     today    04/06\n  Flexion               48       42\n"
        "  Rotation R            66       58\n"
    )
    labels = labels_of(text, "rom")
    assert PREVIOUS not in labels[48] and PREVIOUS in labels[42]
    assert PREVIOUS not in labels[66] and PREVIOUS in labels[58]
    labels = labels_of("Knee ROM     IE     wk 4     wk 8\n  Flexion    90     105      118", "rom")
    assert PREVIOUS in labels[90] and PREVIOUS in labels[105] and PREVIOUS not in labels[118]


def test_columns_of_the_sessions_own_times_stay_today() -> None:
    labels = labels_of("Vitals    Pre    Post\n  HR      72     96", "other")
    assert labels and all(PREVIOUS not in label for label in labels.values())


@pytest.mark.parametrize(
    ("text", "value", "earlier"),
    [
        ("DOS: 2114-04-06\nAt eval (03/04): supine HR 72, standing peak 131.", 72, True),
        ("DOS: 2114-04-06\nTreadmill test (04/01): symptom-limited at 14 min, HR 164.", 164, True),
        ("DOS: 2114-04-06\nToday (04/06): HR 88 at rest.", 88, False),
        ("**DOS:** 2114-04-06\nBCTT 04/01: HR 164", 164, True),
        # a retest's date: the latest result, reported today
        ("DOS: 2114-04-06\nRe-checked 04/01: HR 64 at rest.", 64, False),
    ],
)
def test_a_sentence_led_by_its_date(text: str, value: int, earlier: bool) -> None:
    assert (PREVIOUS in labels_of(text, "other")[value]) is earlier


def test_a_legend_heads_a_long_list_and_grades_in_brackets() -> None:
    rows = "\n".join(f"Pain item {n}: present" for n in range(10))
    text = f"TESTS (eval 02/19 in brackets)\nMMT: L hip abd 4/5 [3+/5]\n{rows}\nBerg 44/56 [41/56]"
    assert PREVIOUS in one_fact(text, "mmt", "3+").label
    assert PREVIOUS not in one_fact(text, "mmt", "4").label
    labels = labels_of(text, "outcome")
    assert PREVIOUS in labels[41] and PREVIOUS not in labels[44]


def test_columns_of_sides_set_apart_by_spaces() -> None:
    text = "ROM (goniometer, degrees)     R          L\n  Knee flexion               128        140"
    labels = labels_of(text, "rom")
    assert labels[128].split()[0] == "R" and labels[140].split()[0] == "L"
    # a row that names its own side keeps it
    labels = labels_of("Knee ROM     R     L\n  Flexion R   120   110", "rom")
    assert "L" not in labels[120].split()
