"""Round 19, ROM: signs in a row of cells, the other side in a sentence of its own, rotations
measured at a test position, slash pairs with a side legend, and joints named for something
that is no angle (a symptom column, a scale's item)."""

from __future__ import annotations

from tests.checks.conftest import facts_in, labels_of


def _rom(text: str) -> list[tuple[object, str]]:
    return [(fact.value, fact.label) for fact in facts_in(text, "rom")]


def test_two_signed_cells_are_two_deficits_not_an_arc() -> None:
    labels = labels_of("Knee extension             -10         -4\n", "rom")
    assert set(labels) == {10.0, 4.0}
    assert all("deficit" in label for label in labels.values())


def test_a_spaced_arc_and_a_sloppy_arc_stay_arcs() -> None:
    assert [value for value, _ in _rom("Knee AROM 0 - 120\n")] == [120]
    assert sorted(value for value, _ in _rom("Knee AROM 5 -110\n")) == [5, 110]


def test_the_other_side_in_a_sentence_of_its_own() -> None:
    labels = labels_of("L knee AROM 0-128 deg (last wk 0-122). R 0-142.\n", "rom")
    assert labels[142.0].startswith("R knee")
    labels = labels_of("R forearm supination 62 deg. L 85.\n", "rom")
    assert labels[85.0] == "L forearm supination"


def test_a_sentence_of_a_side_and_a_count_is_no_other_side() -> None:
    assert [v for v, _ in _rom("R knee flexion 115 deg. L 5 x 10 quad sets.\n")] == [115]
    assert [v for v, _ in _rom("R shoulder flexion 160 deg. L 2 visits left.\n")] == [160]
    assert [v for v, _ in _rom("R knee flexion 115 deg. Pain 3/10.\nL 40.\n")] == [115]


def test_unable_then_an_arrow_is_todays_angle() -> None:
    assert [v for v, _ in _rom("R hip IR PROM seated     unable -> 22 deg\n")] == [22]
    assert _rom("Stairs    unable -> 12 steps w/ rail\n") == []


def test_a_rotation_at_a_test_position_reads_only_its_angle() -> None:
    assert [v for v, _ in _rom("IR at 90, 32 deg (R IR at 90, 55 deg).\n")] == [32, 55]
    assert [v for v, _ in _rom("Internal rotation at ninety, forty degrees.\n")] == [40]
    assert _rom("Isometric ER by HHD (90/90 position): L 18.2 kg, R 20.6 kg.\n") == []
    assert _rom("Sleeper stretch in 90-90 position 3 x 30 s.\n") == []


def test_a_pair_before_position_is_still_a_blood_pressure() -> None:
    facts = facts_in("BP 120/80 position supine\n", "other")
    assert [fact.value for fact in facts] == ["120/80"]


def test_a_slash_pair_with_a_side_legend() -> None:
    read = _rom("Shoulder elevation 150/165 (R/L)\n")
    assert read == [(150, "R elevation"), (165, "L elevation")]
    assert _rom("Hip ER 30/42 (L/R).\n") == [(30, "L hip ER"), (42, "R hip ER")]


def test_a_grade_or_a_rating_with_a_side_legend_is_no_pair_of_angles() -> None:
    assert _rom("Hip abd 4/5 (R/L)\n") == []
    assert _rom("Knee flex 110/120\n") == []


def test_two_motions_of_a_joint_joined_by_a_slash() -> None:
    read = _rom("R wrist flex 55 / ext 48.\n")
    assert read == [(55, "R wrist flexion"), (48, "R wrist extension")]
    assert _rom("Knee flex 110 / 3x10 reps\n") == []


def test_a_long_bracket_after_the_motion_and_a_dated_earlier_value() -> None:
    text = "PROM cerv rot (arthrodial protractor, supine): R 75, L 60 (eval 12/05: R 80, L 40).\n"
    assert [v for v, _ in _rom(text)] == [75, 60, 80, 40]
    assert "previous" in labels_of(text, "rom")[80.0]


def test_a_joint_named_for_a_symptom_or_a_task_is_no_angle() -> None:
    row = "Overhead saw hold 25 lb     94 s, stopped: L shoulder fatigue   139   3/10\n"
    assert _rom(row) == []
    assert _rom("work conditioning for L shoulder endurance at 90 deg, then re-test\n") == []
    assert [v for v, _ in _rom("R knee approx 120\n")] == [120]
    assert [v for v, _ in _rom("R shoulder flexion at 150 deg\n")] == [150]


def test_a_scales_items_after_its_score_are_no_angles() -> None:
    text = "SARA 14.5/40: gait 4, stance 3; finger chase R 1 / L 1, nose-finger R 1 / L 2.\n"
    assert _rom(text) == []
    assert [v for v, _ in _rom("QuickDASH 38: shoulder flexion 150, ER 5\n")] == [150, 5]


def test_a_bracket_naming_a_length_is_not_read_past() -> None:
    assert _rom("Lumbar flexion (fingertips to floor, cm):        12         Goal: 0\n") == []


def test_a_dancers_turnout_in_a_table_is_an_angle() -> None:
    text = (
        "| Measure | Eval | Today |\n|---|---|---|\n| Functional turnout (total) | 105° | 118° |\n"
    )
    assert _rom(text) == [(105, "turnout (previous)"), (118, "turnout")]
    assert _rom("hip stability with turnout control 3x10\n") == []


def test_an_arc_after_an_extension_deficit_is_the_other_sides_flexion() -> None:
    text = "O: Rodilla derecha flexión AROM 112°, extensión -4°. Izquierda 0-125°.\n"
    assert labels_of(text, "rom")[125.0] == "L knee flexion"
