"""Round 22, a reviewer's probes of the merge: an age and sex opening a line before its history
("81M s/p L THA"), a norm written before a colon ("Norms for age: Berg 54-56"), a finger
letter row with commas or an extension's signed cells ("MCP ext R: I -10 M -5 R -15 S -20"),
a side legend on the line of its values ("AROM R wrist (L in brackets): flex 50 (70)"), and a
Mallet classification's item grades ("Modified Mallet: abd 3, ER 2").
Each shape is read with its near-miss twin. Then the code review's mends: a motion after "in"
is a position only right after another motion, and four slashed angles that read as two arcs.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in, labels_of


def _labelled(text: str, kind: str) -> list[tuple[float | str, str]]:
    return [(fact.value, fact.label) for fact in facts_in(text, kind)]


# -- an age and sex opening a line ---------------------------------------------------------------


def test_age_and_sex_opening_a_line_before_its_history_is_no_distance() -> None:
    assert facts_in("81M s/p L THA POD 2.", "other") == []
    assert facts_in("64F w/ hx of falls; presents with R knee pain.", "other") == []
    assert facts_in("Subjective:\n72 F presents with R knee OA.", "other") == []


def test_a_distance_opening_a_line_stays_metres() -> None:
    assert [(f.value, f.unit) for f in facts_in("50M w/ RW, CGA.", "other")] == [(50, "m")]
    assert [(f.value, f.unit) for f in facts_in("100M with RW, SBA.", "other")] == [(100, "m")]


# -- a norm before a colon -----------------------------------------------------------------------


def test_norm_before_a_colon_is_no_score() -> None:
    assert [f.value for f in facts_in("Berg 48/56. Norms for age: Berg 54-56.", "outcome")] == [48]
    assert facts_in("Norms for age: Berg 54-56.", "outcome") == []
    assert [f.value for f in facts_in("Grip R 18 kg; norm for age: 28 kg.", "strength")] == [18]


def test_norm_referenced_score_stays_the_patients() -> None:
    assert [f.value for f in facts_in("Norm-referenced: PDMS-2 GMQ 79.", "outcome")] == [79]


# -- finger letter rows --------------------------------------------------------------------------


def test_letter_row_with_commas_reads_each_finger() -> None:
    assert _labelled("MCP flex L: I 85, M 90, R 88, S 80", "rom") == [
        (85, "L MCP flexion index"),
        (90, "L MCP flexion middle"),
        (88, "L MCP flexion ring"),
        (80, "L MCP flexion small"),
    ]


def test_extension_letter_row_reads_signed_cells_as_deficits() -> None:
    text = "MCP ext R: I -10 M -5 R -15 S -20"
    assert facts_in(text, "other") == []  # the M is the middle finger, no metres
    assert _labelled(text, "rom") == [
        (10, "R MCP extension index (deficit)"),
        (5, "R MCP extension middle (deficit)"),
        (15, "R MCP extension ring (deficit)"),
        (20, "R MCP extension small (deficit)"),
    ]
    assert [f.value for f in facts_in("PIP ext R: I 10 M 5 R 15 S 20", "rom")] == [10, 5, 15, 20]


def test_refused_letter_row_reads_no_metres() -> None:
    assert facts_in("PIP flex R: I -5 M 100 R 90 S 85", "other") == []
    assert facts_in("MCP ext R: I -10 M -5 R -15 S -60", "other") == []
    assert [(f.value, f.unit) for f in facts_in("Walked 60 M x2", "other")] == [(60, "m")]


# -- a side legend on its values' line -----------------------------------------------------------


def test_side_legend_on_the_values_line_gives_each_value_its_side() -> None:
    text = "AROM R wrist (L in brackets): flex 50 (70), ext 45 (65)."
    assert _labelled(text, "rom") == [
        (50, "R wrist flexion AROM"),
        (70, "L wrist flexion AROM"),
        (45, "R wrist extension AROM"),
        (65, "L wrist extension AROM"),
    ]
    text = "AROM L shoulder (R in brackets): flex 110 (170), abd 90 (175)."
    assert [label.split()[0] for _, label in _labelled(text, "rom")] == ["L", "R", "L", "R"]


def test_a_value_naming_its_own_side_keeps_it() -> None:
    text = "AROM R wrist (L in brackets): flex 50 (70), L ext 45."
    assert _labelled(text, "rom")[-1] == (45, "L wrist extension AROM")
    assert _labelled("AROM R wrist: flex 50, ext 45.", "rom") == [
        (50, "R wrist flexion AROM"),
        (45, "R wrist extension AROM"),
    ]


# -- a Mallet classification's items -------------------------------------------------------------


def test_mallet_item_grades_are_no_angles() -> None:
    text = "Modified Mallet: abd 3, ER 2, hand to neck 3, hand to back 2, hand to mouth 3."
    assert facts_in(text, "rom") == []
    assert facts_in("Mallet (L): abd 3, ER 2.", "rom") == []
    assert [f.value for f in facts_in("Modified Mallet: abd 3, ER 2 (passive ER 10°).", "rom")] == [
        10
    ]


def test_a_mallet_fingers_angles_stay_angles() -> None:
    text = "Mallet finger R middle: DIP ext -5, flex 45."
    assert [f.value for f in facts_in(text, "rom")] == [5, 45]
    assert [f.value for f in facts_in("Shoulder abd 30, ER 20.", "rom")] == [30, 20]


# -- the code review's mends ------------------------------------------------------------------


def test_a_motion_after_in_is_a_position_only_right_after_another_motion() -> None:
    # the position: the motion measured, then "in"/"at" and the limb's place
    assert labels_of("Shoulder flexion 150°; ER in adduction 55°", "rom")[55] == "shoulder ER"
    assert labels_of("hip ER in flexion 40°", "rom")[40] == "hip ER"
    # an earlier item's motion, a value or a comma between, is no position of this one
    labelled = labels_of("Shoulder flexion 150°, limited in abduction 90°", "rom")
    assert labelled[90] == "shoulder abduction"
    assert labelled[150] == "shoulder flexion"
    deficit = labels_of("R knee flexion 120 deg and in extension -5 deg", "rom")
    assert deficit[5] == "R knee extension (deficit)"


def test_four_slashed_angles_are_four_fingers_unless_they_read_as_two_arcs() -> None:
    assert labels_of("DIP: 60/65/55/50", "rom") == {
        60: "DIP index",
        65: "DIP middle",
        55: "DIP ring",
        50: "DIP small",
    }
    # a start and an end twice: two arcs, whose fingers or sides the row does not say
    assert labels_of("PIP: 15/100/10/95", "rom") == {}
    assert labels_of("MCP: 20/85/15/80", "rom") == {}
