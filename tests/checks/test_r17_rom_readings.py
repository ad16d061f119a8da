"""Range of motion in the shapes heldout21 showed the readers miss (issue 12, round 17): a small
joint's arc written extension/flexion with a slash, columns headed only by the two sides, a
comparison table under a goniometry caption, a "key: R value" line, rotations tested "@ 90°"
and a value the note says was struck. Each rule has the reading it must make and the readings
it must not make."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.drafting.placement import _tables_apart


def _rom(text: str) -> list[tuple[object, str]]:
    return [(fact.value, fact.label) for fact in extract_facts(text) if fact.kind == "rom"]


def _values(text: str) -> list[object]:
    return [value for value, _ in _rom(text)]


# -- a small joint's arc: "PIP 10/85" is extension 10 short, flexion 85 -------------------------


def test_digit_joint_arcs_read_both_ends_with_their_joint() -> None:
    text = "Hand note\n\nLong finger AROM (L): MCP 5/85°   PIP 15/95°   DIP 0/60°\n"
    found = _rom(text)
    assert (85, "L MCP flexion AROM") in found
    assert (15, "L PIP extension AROM") in found
    assert (95, "L PIP flexion AROM") in found
    assert (60, "L DIP flexion AROM") in found


def test_a_zero_extension_end_is_no_reading_as_a_ranges_zero_start_is_none() -> None:
    """ "MCP 0/80" is the joint at neutral, then 80 of flexion: only 80 is read, as "MCP 0-80" is
    read, so a draft writing the arc as a range carries every reading of the note."""
    pair = _rom("Hand note\n\nRing finger AROM (R): MCP 0/80   PIP 10/85\n")
    dashed = _rom("Hand note\n\nRing finger AROM (R): MCP 0-80°, PIP 10-85°\n")
    assert 0 not in [value for value, _ in pair]
    assert (
        sorted(value for value, _ in pair) == sorted(value for value, _ in dashed) == [10, 80, 85]
    )


def test_thumb_arc_with_hyperextension_keeps_its_sign_as_a_deficit_label() -> None:
    found = _rom("OT visit\n\nR thumb AROM: IP -10/65, MP 5/50 deg\n")
    assert (10, "R IP extension AROM (deficit)") in found
    assert (65, "R IP flexion AROM") in found
    assert (50, "R MP flexion AROM") in found


def test_a_grade_or_a_rating_after_a_joint_is_no_arc() -> None:
    assert _values("Hand note\n\nMMT: MCP 4/5, PIP 3/5.\n") == []
    assert _values("Hand note\n\nPain at the PIP 3/10 with gripping.\n") == []


def test_an_arc_needs_range_of_motion_named_or_degrees() -> None:
    # a date-like or count pair where nothing says range of motion
    assert _values("Hand note\n\nSplint check: MCP 2/14 review.\n") == []


def test_a_pair_shaped_as_no_arc_is_left() -> None:
    # the flexion end must pass the extension end and stay within a small joint's range
    assert 160 not in _values("Hand note\n\nAROM: PIP 10/160.\n")


# -- columns headed only by the sides ------------------------------------------------------------

_SIDES_ONLY = (
    "Peds PT\n\nGoniometry today:\n"
    "                        Right        Left\n"
    "Knee extension          -5°          0°\n"
    "Popliteal angle         140°         125°\n"
)


def test_an_indented_heading_of_sides_gives_each_column_its_side() -> None:
    found = _rom(_SIDES_ONLY)
    assert (140, "R popliteal angle") in found
    assert (125, "L popliteal angle") in found


def test_an_indented_heading_with_a_row_heading_is_not_a_sides_heading() -> None:
    text = (
        "Lymphedema screen\n\nCircumference (tape, cm):\n"
        "  Point         L (at-risk)   R\n"
        "  wrist 0 cm    15.1          14.9\n"
        "  10 cm         21.8          21.0\n"
    )
    girths = [fact.value for fact in extract_facts(text) if fact.kind == "girth"]
    assert 15.1 in girths and 21.0 in girths
    assert _values(text) == []


# -- a comparison table under a goniometry caption -----------------------------------------------

_CAPTIONED = (
    "Re-assessment\n\nRange (goniometry, active, in degrees)\n"
    "                    first visit   today    other side\n"
    "Flexion             85            130      165\n"
    "Abduction           60            110      170\n"
)


def test_a_caption_in_degrees_makes_the_bare_cells_angles() -> None:
    found = _rom(_CAPTIONED)
    assert (85, "flexion (previous)") in found
    assert (130, "flexion") in found
    assert 165 in _values(_CAPTIONED) and 110 in _values(_CAPTIONED)


def test_a_caption_in_another_unit_makes_no_angles() -> None:
    text = _CAPTIONED.replace("in degrees", "in cm").replace("Flexion", "Fingertip-floor")
    assert 85 not in _values(text)


def test_exorotation_is_external_rotation() -> None:
    found = _rom("Shoulder\n\nExorotation (arm at side) 35°, endorotation 60°.\n")
    assert (35, "ER") in found and (60, "IR") in found


# -- a "key: R value" line ------------------------------------------------------------------------


def test_a_key_naming_a_motion_names_the_sided_values_after_its_colon() -> None:
    found = _rom("Daily note\nPt seen.\nElbow flexion: R 128, L 140\n")
    assert (128, "R elbow flexion") in found and (140, "L elbow flexion") in found


def test_a_key_names_no_value_that_words_follow_or_that_other_words_end() -> None:
    assert _values("Daily note\nPt seen.\n- L shoulder: 2 finger-width sulcus\n") == []
    assert _values("Daily note\nPt seen.\nCurls with flex bar red)  Minutes: 20\n") == []


# -- rotations tested "@ 90°" ----------------------------------------------------------------------


def test_the_position_after_a_rotation_and_an_at_sign_is_no_range() -> None:
    text = "Throwing screen\n\nHip IR @90°: R 22°, L 31°\n"
    assert 90 not in _values(text)
    assert 22 in _values(text) and 31 in _values(text)


def test_total_arc_is_a_range_that_may_pass_one_joints_limit() -> None:
    found = _rom("Throwing screen\n\nTotal arc R 165°, L 172°\n")
    assert (165, "R total arc") in found and (172, "L total arc") in found


# -- a value the note says was struck -------------------------------------------------------------


def test_a_value_said_struck_is_taken_back_where_restated() -> None:
    text = (
        "Daily note\n\n- Knee flexion PROM ~~120°~~ 114°\n\n"
        "Late entry: flexion corrected on the day (120° struck through; 114° measured).\n"
    )
    assert 120 not in _values(text)
    assert 114 in _values(text)


def test_struck_said_of_no_value_takes_nothing_back() -> None:
    text = "Daily note\n\nKnee flexion 120°. Struck by a car in 2060, no fracture.\n"
    assert 120 in _values(text)


# -- an angle estimated in an exercise's row -----------------------------------------------------


def test_an_estimated_angle_in_a_dosed_row_is_measured() -> None:
    text = "Pool log\nPt seen.\n0:20   Hip abd in water    2 x 10; hip abd est. 35°\n"
    assert 35 in _values(text)


def test_an_arc_in_a_dosed_row_without_an_estimate_stays_the_exercises() -> None:
    text = "Pool log\nPt seen.\n0:12   Squats to 90°, heel raises    2 x 15 each\n"
    assert 90 not in _values(text)


# -- a table whose caption opens with a part's label is placed in that part ----------------------


def test_a_part_label_opening_a_caption_stays_before_the_table() -> None:
    text = (
        "S: Sleeve rubbing.\n"
        "O: GIRTH (cm), 0 = patella\n"
        "      Right   Left\n"
        "-15   39.5    35.7\n"
        "0     43.1    40.6\n"
        "A: Reducing.\n"
    )
    apart, tables = _tables_apart(text)
    assert "\nO:\n\x00table 0\x00" in apart
    ((written, _, _),) = tables.values()
    assert written.startswith("GIRTH (cm)")


def test_a_caption_without_a_part_label_goes_whole_with_its_table() -> None:
    text = "Girth (cm), 0 = patella\n      Right   Left\n-15   39.5    35.7\n0     43.1    40.6\n"
    apart, tables = _tables_apart(text)
    assert apart.startswith("\x00table 0\x00")
    ((written, _, _),) = tables.values()
    assert written.startswith("Girth (cm)")
