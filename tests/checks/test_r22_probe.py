"""Round 22, shapes a reviewer's probes found wrong: stairs climbed in the session, an XML
element's visit attribute, a pain rated again after "pain at 4 now", a ticked box before a
pain key, a drop-down printed without its box, grip trials after one side, an angle lacked
compared with the other side, and rows of finger joints by capital letter or by four slashes.
Each shape is read with its near-miss twin, which is no fact; the long lines are timed in CPU
seconds, never wall seconds."""

from __future__ import annotations

import time

from tests.checks.conftest import facts_in


def _values(text: str, kind: str) -> list[float | str]:
    return [fact.value for fact in facts_in(text, kind)]


def _labelled(text: str, kind: str) -> dict[float | str, str]:
    return {fact.value: fact.label for fact in facts_in(text, kind)}


def _seconds(text: str) -> float:
    """CPU seconds, not wall seconds: a busy machine's other processes do not count."""
    started = time.process_time()
    facts_in(text)
    return time.process_time() - started


# -- stairs climbed --------------------------------------------------------------------------------


def test_stairs_climbed_in_the_session_are_counted() -> None:
    assert _values("Stairs: 12 steps w/ L rail, step-to.", "other") == [12]
    assert _values("Went up and down 8 steps with one rail and SBA.", "other") == [8]
    assert _values("Ascended 7 steps with a rail.", "other") == [7]
    counted = facts_in("Stairs - 10 stairs, reciprocal, no rail.", "other")
    assert [(fact.value, fact.unit) for fact in counted] == [(10, "steps")]


def test_steps_of_a_home_or_a_goal_are_no_count() -> None:
    assert _values("Home: 14 steps to the bedroom with a rail.", "other") == []
    assert _values("[x] Home entry  3 steps to enter, no rail.", "other") == []
    assert _values("Goal: up and down 16 steps without a rail.", "other") == []


# -- an XML element's visit attribute ------------------------------------------------------------

_XML = (
    '<?xml version="1.0"?>\n<Visit>\n'
    '  <Pain scale="NPRS" visit="previous">7</Pain>\n'
    '  <Pain scale="NPRS" visit="current">4</Pain>\n'
    '  <Outcome name="QuickDASH" timepoint="initial evaluation">52.3</Outcome>\n'
    '  <Outcome name="QuickDASH" timepoint="today">38.6</Outcome>\n'
    '  <Pain scale="NPRS" visit="goal">2</Pain>\n'
    "</Visit>\n"
)


def test_an_element_of_an_earlier_visit_holds_a_previous_value() -> None:
    pains = _labelled(_XML, "pain")
    assert "previous" in pains[7] and "previous" not in pains[4]
    scores = _labelled(_XML, "outcome")
    assert "previous" in scores[52.3] and "previous" not in scores[38.6]


def test_an_element_of_a_goal_is_no_reading() -> None:
    assert 2 not in _values(_XML, "pain")


# -- pain rated again, check boxes and drop-downs ------------------------------------------------


def test_pain_at_4_now_was_a_7_at_eval() -> None:
    pains = _labelled("She puts her pain at 4 now, was a 7 at eval.", "pain")
    assert set(pains) == {4, 7}
    assert "previous" in pains[7] and "previous" not in pains[4]


def test_a_ticked_box_before_a_pain_key_is_read_and_another_symptom_is_not_pain() -> None:
    assert _values("[x] Pain present  Rating: 6     Location: R knee", "pain") == [6]
    assert _values("[x] Fatigue  Rating: 5", "pain") == []


def test_a_drop_down_without_its_box_is_its_value() -> None:
    assert _values("Pain level (select): 7 \u25bc", "pain") == [7]
    assert _values("Pain goal (select): 2 \u25bc", "pain") == []
    assert _values("Visit #: [ 7 \u25bc]    Payer: [ Medicare Part B \u25bc]", "pain") == []


# -- grip trials and a deficit between the sides ---------------------------------------------------


def _grips(text: str) -> list[tuple[float | str, str]]:
    return [(fact.value, fact.label) for fact in facts_in(text, "strength")]


def test_grip_trials_after_one_side_are_all_that_sides() -> None:
    text = "Grip (Jamar, kg): R trial 1 28 kg, trial 2 30 kg, trial 3 29 kg, avg 29"
    assert _grips(text) == [(28, "R grip"), (30, "R grip"), (29, "R grip")]


def test_grip_trials_of_two_sides_keep_each_its_own() -> None:
    text = "Grip R trial 1 28 kg, trial 2 30 kg; L trial 1 22 kg, trial 2 24 kg, trial 3 25 kg"
    sides = [label.split()[0] for _, label in _grips(text)]
    assert sides == ["R", "R", "L", "L", "L"]


def test_an_angle_lacked_compared_with_the_other_side_is_no_rom() -> None:
    assert _values("L knee lacks 12\u00b0 of extension compared with R.", "rom") == []
    assert _values("R elbow lacks 8 degrees more extension than the left.", "rom") == []


def test_a_deficit_alone_and_two_sides_angles_are_still_read() -> None:
    assert _values("Passive extension of the L knee lacks 5\u00b0.", "rom") == [5]
    assert _values("L knee flexion 110\u00b0 compared to R 130\u00b0.", "rom") == [110, 130]


# -- finger rows ---------------------------------------------------------------------------------


def test_a_row_of_finger_letters_is_each_fingers_angle_the_r_inside_the_ring() -> None:
    facts = facts_in("PIP flex R: I 95 M 100 R 90 S 85")
    assert [(fact.kind, fact.value) for fact in facts] == [
        ("rom", 95),
        ("rom", 100),
        ("rom", 90),
        ("rom", 85),
    ]
    assert facts[2].label == "R PIP flexion ring"
    assert all(fact.unit != "m" for fact in facts)


def test_four_slash_angles_after_a_finger_joint_are_index_to_small() -> None:
    rows = _labelled("DIP: 60/65/55/50", "rom")
    assert rows == {60: "DIP index", 65: "DIP middle", 55: "DIP ring", 50: "DIP small"}


def test_slash_rows_of_no_finger_joint_or_of_an_arc_are_left() -> None:
    assert _values("Knee: 12/34/56/78", "rom") == []
    assert _values("PIP: 0/95/0/90", "rom") != [0, 95, 0, 90]
    assert _values("PIP flexion contracture: I 20 M 15 R 10", "rom") == []


# -- speed -----------------------------------------------------------------------------------------


def _linear(row: str) -> None:
    """Four times the line costs about four times (each text new, so no cache answers)."""
    _seconds("warm up " + row)
    short = _seconds("Short: " + row * 100)
    long = _seconds("Long: " + row * 400)
    assert long < 10 * short + 1.0


def test_a_long_line_of_grip_trials_stays_linear() -> None:
    _linear("Grip R trial 1 28 kg, trial 2 30 kg, trial 3 29 kg, ")


def test_a_long_line_of_finger_letters_and_stairs_stays_linear() -> None:
    _linear("PIP flex R: I 95 M 100 R 90 S 85 Stairs: 12 steps w/ L rail ")


def test_a_40_kb_line_of_the_probed_shapes_reads_in_well_under_a_second() -> None:
    row = (
        "pain at 4 now, was a 7 at eval; L knee lacks 12\u00b0 of extension compared with R; "
        "Pain level (select): 7 \u25bc [x] Pain present  Rating: 6 "
    )
    line = row * (40_000 // len(row))
    _seconds("warm " + row)
    assert _seconds(line) < 1.0
