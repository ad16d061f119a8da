"""Notes pasted from EHR exports (issue 12): delimited fields, markup remnants, fixed-width prints
with wrapped rows, box-drawn grids. Each layout is read as rows and columns, and each has a twin
that must not be read the way it is (prose with commas, a norm or target column, a landmark)."""

from __future__ import annotations

from tests.checks.conftest import facts_in, one_fact
from tui.core.checks.extract import extract_facts
from tui.core.checks.layouts.delimited import delimited_fields
from tui.core.checks.layouts.grids import grids
from tui.core.checks.text.markup import markup_pieces
from tui.core.checks.text.numbers import normalize


def _none(text: str, kind: str, value: object) -> None:
    found = [fact for fact in facts_in(text, kind) if fact.value == value]
    assert not found, [(f.kind, f.value, f.label) for f in found]


# -- delimited exports -------------------------------------------------------------------------

QUOTED_EXPORT = """Chart export 2031-05-02
"Group","Item","This visit","Prior visit","Normal"
"Motion","R wrist extension AROM","52 deg","38 deg","70 deg"
"Scores","PRWE","41","66",""
"Strength","R grip","19 kg","12 kg","38 kg"
"""


def test_a_quoted_export_is_read_by_its_columns() -> None:
    assert "previous" not in one_fact(QUOTED_EXPORT, "rom", 52).label
    assert "previous" in one_fact(QUOTED_EXPORT, "rom", 38).label
    assert "previous" in one_fact(QUOTED_EXPORT, "outcome", 66).label
    assert "previous" not in one_fact(QUOTED_EXPORT, "outcome", 41).label


def test_a_norm_column_of_an_export_is_never_the_patient() -> None:
    _none(QUOTED_EXPORT, "rom", 70)
    _none(QUOTED_EXPORT, "strength", 38)


def test_prose_with_commas_is_no_export() -> None:
    prose = "Knee flex 118, ext 2, quad 4/5.\nHip abd 30, add 10, ER 35.\nGait 300 ft, no AD.\n"
    assert delimited_fields("Knee flex 118, ext 2, quad 4/5.", ",") is None
    assert not grids(prose)


def test_a_quoted_field_keeps_its_commas_and_doubled_quotes() -> None:
    line = '"Subjective","says ""better"", sleeps 6 h","2"'
    spans = delimited_fields(line, ",")
    assert spans is not None
    assert [line[start:end] for start, end in spans] == [
        "Subjective",
        'says ""better"", sleeps 6 h',
        "2",
    ]


SEMICOLON_EXPORT = """Parameter;Start;Week 4;Cut-off
Berg;36/56;45/56;< 45 fall risk
Gait speed (m/s);0.58;0.81;1.0
"""


def test_a_semicolon_export_reads_its_last_numbered_column_as_today() -> None:
    assert "previous" in one_fact(SEMICOLON_EXPORT, "outcome", 36).label
    assert "previous" not in one_fact(SEMICOLON_EXPORT, "outcome", 45).label
    _none(SEMICOLON_EXPORT, "other", 1.0)


UNQUOTED_WITHOUT_HEADINGS = """Reps done 10,12,15
Sets done 3,3,2
"""


def test_unquoted_comma_lines_without_a_heading_row_are_no_table() -> None:
    assert not grids(UNQUOTED_WITHOUT_HEADINGS)


# -- an earlier column after today's -----------------------------------------------------------

TODAY_THEN_PRIOR = """| Test | Today | Prior |
|---|---|---|
| ABC scale | 72% | 55% |
| Five times sit to stand | 13.9 s | 17.2 s |
"""


def test_an_earlier_column_written_after_todays_does_not_mark_todays_value() -> None:
    assert "previous" not in one_fact(TODAY_THEN_PRIOR, "outcome", 72).label
    assert "previous" in one_fact(TODAY_THEN_PRIOR, "outcome", 55).label


DATED_PRIOR_AFTER_TODAY = """| Test | Today | Prior (02/10) |
|---|---|---|
| ABC scale | 72% | 55% |
"""


def test_a_dated_earlier_column_after_todays_is_read_as_before() -> None:
    assert "previous" not in one_fact(DATED_PRIOR_AFTER_TODAY, "outcome", 72).label
    assert "previous" in one_fact(DATED_PRIOR_AFTER_TODAY, "outcome", 55).label


# -- markup remnants ---------------------------------------------------------------------------

HTML_ROWS = """<p><b>OBJECTIVE</b></p>
<table>
<tr><th>Test</th><th>Now</th><th>Intake</th><th>Cut-off</th></tr>
<tr><td>DGI</td><td>17/24</td><td>12/24</td><td>&le; 19</td></tr>
</table>
<p>L shoulder abduction AROM 140&deg;<br>Plan: progress</p>
"""


def test_an_html_table_is_read_as_rows_and_columns() -> None:
    assert "previous" not in one_fact(HTML_ROWS, "outcome", 17).label
    assert "previous" in one_fact(HTML_ROWS, "outcome", 12).label
    _none(HTML_ROWS, "outcome", 19)


def test_an_html_entity_is_the_character_it_names() -> None:
    assert one_fact(HTML_ROWS, "rom", 140).label.startswith("L shoulder abduction")
    assert "<br>" not in normalize(HTML_ROWS).text


def test_text_that_only_looks_like_markup_is_left_as_written() -> None:
    text = "Bridges <3 reps before fatigue; S&C program; R&D visit.\n"
    assert markup_pieces(text) == []


RTF_LINES = r"""{\rtf1\ansi {\fonttbl{\f0 Arial;}}\fs24
{\b OBJECTIVE}\par
\bullet  R elbow flexion AROM 128{\'b0} (initial 96{\'b0})\par
}
"""


def test_rtf_escapes_and_paragraphs_are_read_as_text() -> None:
    assert "previous" not in one_fact(RTF_LINES, "rom", 128).label
    assert "previous" in one_fact(RTF_LINES, "rom", 96).label
    _none(RTF_LINES, "outcome", 24)


def test_backslashes_outside_an_rtf_document_are_text() -> None:
    text = "Saved to C:\\notes\\par1 {draft}; pain 2/10.\n"
    assert markup_pieces(text) == []


# -- fixed-width prints ------------------------------------------------------------------------

INDENTED_HEADING = """TREND (printed)
                        START 01/08       TODAY 03/02       TARGET
R hip flexion AROM      92 deg            108 deg           120 deg
Oswestry                48%               30%               < 20%

Plan: continue.
"""


def test_a_print_whose_row_names_have_no_heading_is_still_a_table() -> None:
    assert "previous" in one_fact(INDENTED_HEADING, "rom", 92).label
    assert "previous" not in one_fact(INDENTED_HEADING, "rom", 108).label
    _none(INDENTED_HEADING, "rom", 120)
    _none(INDENTED_HEADING, "outcome", 20)


WRAPPED_LANDMARK = """MEASURE             WHERE              RIGHT     LEFT      LEFT ON 02/01
Calf girth (cm)     12 cm below        35.5      38.0      40.5
                    fibular head
Knee flex (deg)                        135       104       88
"""


def test_a_wrapped_cell_of_a_print_is_no_row_and_no_value() -> None:
    assert "R" in one_fact(WRAPPED_LANDMARK, "girth", 35.5).label
    assert "previous" in one_fact(WRAPPED_LANDMARK, "girth", 40.5).label
    assert "previous" in one_fact(WRAPPED_LANDMARK, "rom", 88).label
    assert "previous" not in one_fact(WRAPPED_LANDMARK, "rom", 104).label
    _none(WRAPPED_LANDMARK, "girth", 12)


# -- box-drawn grids ---------------------------------------------------------------------------

BOXED_GIRTHS = """Limb girth (cm), tape from the floor
+--------+-------+-------+---------+
| Level  | R leg | L leg | R leg   |
|        |       |       | (intake)|
+--------+-------+-------+---------+
| 20 cm  | 31.4  | 28.9  | 33.0    |
| 40 cm  | 44.2  | 41.7  | 46.1    |
+--------+-------+-------+---------+
"""


def test_a_boxed_grid_under_a_caption_gives_girths_with_their_sides() -> None:
    assert "R" in one_fact(BOXED_GIRTHS, "girth", 31.4).label
    assert "L" in one_fact(BOXED_GIRTHS, "girth", 28.9).label
    assert "previous" in one_fact(BOXED_GIRTHS, "girth", 46.1).label


def test_the_tape_position_of_a_row_is_never_a_girth() -> None:
    values = {fact.value for fact in extract_facts(BOXED_GIRTHS)}
    assert not values & {20, 40}


UNCAPTIONED_BOX = """+--------+-------+
| Level  | Score |
+--------+-------+
| 20 cm  | 31    |
+--------+-------+
"""


def test_a_box_with_no_caption_gives_its_bare_numbers_no_unit() -> None:
    assert not facts_in(UNCAPTIONED_BOX, "girth")


# -- services in an export ---------------------------------------------------------------------

TAB_SERVICES = "Code\tMinutes\tService\n97530\t24\tKitchen task practice\n97110\t9\tBand rows\n"


def test_a_tab_separated_table_of_codes_and_minutes_gives_services() -> None:
    minutes = {fact.cpt: fact.value for fact in facts_in(TAB_SERVICES, "service")}
    assert minutes == {"97530": 24, "97110": 9}


# -- keys that carry the unit, the test and the time -------------------------------------------

DOTTED_KEYS = """[HOME_VISIT_EXPORT]
exam.shoulder_abd_arom_l_deg=118
exam.shoulder_abd_arom_l_deg_soc=84
test.tug_s=19.6
test.tug_s_soc=27.3
walk.distance_ft=220
walk.distance_goal_ft=500
vitals.spo2_pct=95
unit.bed_number=12
"""


def test_a_dotted_key_gives_its_value_the_unit_and_the_time_it_carries() -> None:
    assert "previous" not in one_fact(DOTTED_KEYS, "rom", 118).label
    assert "previous" in one_fact(DOTTED_KEYS, "rom", 84).label
    assert "previous" not in one_fact(DOTTED_KEYS, "outcome", 19.6).label
    assert "previous" in one_fact(DOTTED_KEYS, "outcome", 27.3).label
    assert one_fact(DOTTED_KEYS, "other", 220).unit == "ft"


def test_a_goal_key_or_a_bed_number_is_no_measurement() -> None:
    values = {fact.value for fact in extract_facts(DOTTED_KEYS)}
    assert not values & {500, 12}


TAB_SERVICES_THEN_PROSE = (
    "Code\tMin\tWhat\n97112\t18\tTandem walking, head turns\n"
    "PLAN\tProgress to foam surfaces and dual tasks next week.\n"
)


def test_an_export_ends_where_a_column_of_values_holds_a_sentence() -> None:
    text = normalize(TAB_SERVICES_THEN_PROSE).text
    assert "Progress to foam surfaces" in text
    assert "Min Progress" not in text


INDENTED_SIDE_VALUES = """  Hamstring length ..........  R 62°    |  L 70°
  Thomas test ................  R 10°    |  L 0°
"""


def test_values_under_sides_in_an_indented_list_are_no_heading_row() -> None:
    assert not grids(INDENTED_SIDE_VALUES)


# -- a dated time column and an instrument the tables do not list ------------------------------

DATED_UNLISTED = """| Measure | Intake 10/2030 | Now | Goal |
|---|---|---|---|
| FIST | 31/56 | 42/56 | 50/56 |
| Hip abd PROM R / L | -4° / 0° | 6° / 8° | -- |
"""


def test_a_dated_earlier_column_does_not_hide_an_unlisted_instrument() -> None:
    assert "previous" in one_fact(DATED_UNLISTED, "outcome", 31).label
    assert "previous" not in one_fact(DATED_UNLISTED, "outcome", 42).label
    _none(DATED_UNLISTED, "outcome", 50)


def test_a_minus_sign_in_a_pair_of_angles_is_a_joint_short_of_neutral() -> None:
    short = one_fact(DATED_UNLISTED, "rom", 4)
    assert "deficit" in short.label and "R" in short.label
    assert "deficit" not in one_fact(DATED_UNLISTED, "rom", 8).label


GOAL_NAMED_ROWS = """| Goal | Baseline 9/2030 | Today | Target |
|---|---|---|---|
| IEP goal 1. Buttons a shirt | 1/5 trials | 3/5 trials | 4/5 trials |
"""


def test_a_row_named_by_a_goal_is_not_restated() -> None:
    text = normalize(GOAL_NAMED_ROWS).text
    assert text.count("Buttons a shirt") == 1


# -- rows that are visits; pipes between cells only ---------------------------------------------

VISIT_ROWS = "Date\tBerg\tDevice\n01/12\t39\tRW\n02/09\t46\tSPC\n"


def test_a_tab_export_whose_rows_are_dated_visits_reads_the_last_as_today() -> None:
    assert "previous" in one_fact(VISIT_ROWS, "outcome", 39).label
    assert "previous" not in one_fact(VISIT_ROWS, "outcome", 46).label


INNER_PIPES = """Test | Cut-off | L | R
Side hop (s) | < 10 | 12.4 | 9.1
Y-balance ANT (cm) | > 4 diff | 61 | 67
"""


def test_pipes_between_cells_only_make_a_table_under_a_heading_row() -> None:
    assert "L" in one_fact(INNER_PIPES, "other", 12.4).label
    _none(INNER_PIPES, "other", 10)


def test_a_line_with_pipes_but_no_heading_row_is_read_as_written() -> None:
    text = "Billed 97110 x1 | 97140 x1 | 97116 x1\nTotal timed 40 | treatment 40 | units 3\n"
    assert not grids(text)


GROUPED_EXPORT = """"Section","Item","Value","Comment"
"Objective","L hip abduction AROM","28 deg","R 40 deg"
"Charges","Units","Code","Description"
"Charges","2","97110","Therapeutic exercise"
"Totals","Timed minutes","31",""
"Totals","Treatment minutes","31",""
"""


def test_rows_after_a_group_headed_inside_an_export_go_back_to_the_first_headings() -> None:
    text = normalize(GROUPED_EXPORT).text
    assert "Timed minutes: 31." in text
    assert one_fact(GROUPED_EXPORT, "rom", 28).label.startswith("L hip abduction")
