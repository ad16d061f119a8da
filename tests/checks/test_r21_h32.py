"""Round 21, H32 (the classes heldout32 shows): EHR drop-downs and boxes of figures read as the
values they hold (empty ones and footnote marks as nothing); a printed minutes column whose
number runs past the heading's width; myotome grades after a muscle group with the earlier grade
in brackets, labelled previous under a legend that says so (each with its twin)."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in
from tui.core.checks.billing.printed_minutes import printed_services
from tui.core.checks.extract import extract_billing
from tui.core.checks.layouts import stacked_fields
from tui.core.checks.layouts.dropdowns import dropdown_pieces
from tui.core.checks.layouts.stacked_fields import stacked_field_pieces
from tui.core.checks.text.pieces import applied

# -- drop-downs and boxes of figures ----------------------------------------------------------


def test_a_drop_down_reads_as_its_value() -> None:
    text = "Pain now: [ 3 ▼]/10    Pain worst (24 h): [ 6 ▾]/10"
    assert sorted(f.value for f in facts_in(text, "pain")) == [3, 6]


def test_a_drop_down_closes_up_to_its_unit_and_keeps_its_column() -> None:
    text = "flex [ 118 ▼]°  x"
    assert applied(text, dropdown_pieces(text)) == "flex   118°  x"


def test_drop_down_grades_and_angles() -> None:
    text = (
        "Knee AROM (R):   ext [ -4 ▼]°   flex [ 118 ▼]°\n"
        "Knee MMT (R):    quad [ 4 ▼]/5   hamstring [ 4+ ▼]/5\n"
    )
    assert {f.value for f in facts_in(text, "rom")} >= {118}
    assert sorted(str(f.value) for f in facts_in(text, "mmt")) == ["4", "4+"]


def test_an_empty_drop_down_and_a_footnote_mark_are_no_values() -> None:
    text = 'Resting pain [   ▾] / 10, reach is "easier" [1].\nflexion [   ▾] deg'
    assert dropdown_pieces(text) == []
    assert facts_in(text, "pain") == []
    assert facts_in(text, "rom") == []


def test_a_box_of_figures_keeps_its_width() -> None:
    text = "97110    [ 23 ]   x"
    assert applied(text, dropdown_pieces(text)) == "97110      23     x"


_FORM = """INTERVENTIONS                                   CPT      Minutes
[x] Therapeutic exercise                        97110    [ 23 ]
      - recumbent bike L4 8 min, leg press 50 lb 3x12
[x] Manual therapy                              97140    [ 15 ]
[ ] Neuromuscular re-ed                         97112    [    ]
Total timed minutes: [ 38 ]     Total treatment minutes: [ 38 ]

CHARGES: 97110 x1   97140 x1
"""


def test_minute_boxes_of_a_form_are_its_services_and_totals() -> None:
    billing = extract_billing(_FORM)
    assert {(f.cpt, f.minutes) for f in billing.services} == {("97110", 23), ("97140", 15)}
    assert billing.stated_timed_minutes == 38
    assert billing.stated_treatment_minutes == 38


def test_a_printed_minutes_number_is_read_whole_past_the_headings_width() -> None:
    text = "PROCEDURES        CODE     MIN\nTher exercise     97110      30\n"
    assert [(row.code, row.minutes) for row in printed_services(text)] == [("97110", 30)]


# -- myotome grades with the earlier grade in brackets ----------------------------------------

_MYOTOMES = """O: Key muscles (grade today, grade at admit in parentheses):
Hip flexors (L2): R 3 (1), L 2 (1)
Knee extensors (L3): R 4- (2), L 3 (2)
Long toe extensors (L5): R 1, L 0.
"""


def test_myotome_grades_and_their_earlier_grades() -> None:
    grades = [(str(f.value), "(previous)" in f.label) for f in facts_in(_MYOTOMES, "mmt")]
    assert grades == [
        ("3", False),
        ("1", True),
        ("2", False),
        ("1", True),
        ("4-", False),
        ("2", True),
        ("3", False),
        ("2", True),
        ("1", False),
        ("0", False),
    ]


_TABLE = """## ISNCSCI motor exam (today; admission 12/16 in brackets)

| Myotome | Muscle | R | L |
|---|---|---|---|
| C5 | Elbow flexors | 5 (4) | 5 (4) |
| C8 | Finger flexors (FDP middle) | 0 | 0 |
"""


def test_a_myotome_table_under_a_heading_legend() -> None:
    grades = [(str(f.value), "(previous)" in f.label) for f in facts_in(_TABLE, "mmt")]
    assert grades == [
        ("5", False),
        ("4", True),
        ("5", False),
        ("4", True),
        ("0", False),
        ("0", False),
    ]


def test_without_a_legend_a_bracketed_grade_is_not_previous() -> None:
    grades = [f.label for f in facts_in("Elbow flexors, R 5 (4), L 5 (4).", "mmt")]
    assert grades and not any("(previous)" in label for label in grades)


def test_tone_rows_and_exercise_doses_are_no_grades() -> None:
    text = (
        "Spasticity (MAS), today with admit in parentheses:\n"
        "Hip flexors tone: R 1+ (2), L 1 (1)\n\n"
        "Exercise: hip flexors, R 3 x 10 AAROM; knee extensors, L 2 x 15 quad sets.\n"
    )
    assert facts_in(text, "mmt") == []


# -- a test named over one line of each side's values; forces parted by a slash --------------


def test_a_test_named_over_a_line_of_sides() -> None:
    text = (
        "Box and Block Test (blocks/60 s)\n"
        "  R (unaffected): 52     L (affected): 14     [eval: L 6]\n"
        "Nine-Hole Peg Test (s)\n"
        "  R: 24.8 s     L: 71.3 s\n"
    )
    read = {(f.measure, f.value, "(previous)" in f.label) for f in facts_in(text, "outcome")}
    assert read == {
        ("Box and Block", 52, False),
        ("Box and Block", 14, False),
        ("Box and Block", 6, True),
        ("9HPT", 24.8, False),
        ("9HPT", 71.3, False),
    }


def test_a_block_of_sided_lines_is_left_to_its_readers() -> None:
    text = "Exercise program\n  R: 3 x 10     L: 2 x 10\n  R: 1 x 5     L: 1 x 5\n"
    assert facts_in(text, "outcome") == []


def test_forces_parted_by_a_slash_under_a_force_heading() -> None:
    text = "- Strength (HHD, kg)\n    - ER R 11.2 / L 14.0\n    - abduction R 9.8 / L 12.6\n"
    assert [(f.value, f.label) for f in facts_in(text, "strength")] == [
        (11.2, "R ER"),
        (14.0, "L ER"),
        (9.8, "R abduction"),
        (12.6, "L abduction"),
    ]
    assert facts_in(text, "rom") == []


def test_a_grade_over_five_after_a_side_is_no_force() -> None:
    assert facts_in("Strength (HHD, kg):\n- ER R 4/5, L 5/5\n", "strength") == []


def test_named_tests_new_to_the_code() -> None:
    text = (
        "EQ-5D-5L VAS 55/100. 1-minute sit-to-stand (46 cm chair): 19 reps. FOG-Q 11.\n"
        "Timed rise from floor 9.8 s using a chair.\n"
    )
    read = {(f.measure, f.value) for f in facts_in(text, "outcome")}
    assert read == {("EQ VAS", 55), ("1-min STS", 19), ("FOG-Q", 11), ("Timed floor rise", 9.8)}


def test_a_long_line_under_a_name_is_not_searched_for_sides(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    searched: list[int] = []

    class Counting:
        def match(self, text: str, start: int, end: int) -> None:
            searched.append(end - start)

    monkeypatch.setattr(stacked_fields, "_SIDED", Counting())
    stacked_field_pieces("Box and Block Test\n  R " + "1 R " * 10000 + "\n  R 1   L 2\n")
    assert searched and max(searched) <= stacked_fields._SIDED_MOST
