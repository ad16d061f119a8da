"""Notes written as tables (issue 12): each number takes its meaning from its row and its
column. Every note here has a twin that must not be read the way the note is."""

from __future__ import annotations

from tests.checks.conftest import facts_in, one_fact
from tui.core.checks.extract import extract_billing


def _none(text: str, kind: str, value: object) -> None:
    found = [fact for fact in facts_in(text, kind) if fact.value == value]
    assert not found, [(f.kind, f.value, f.label) for f in found]


# -- columns for visits: earlier, current, goal -----------------------------------------------

EVAL_TODAY_GOAL = """Objective:

| Measure | Eval | Today | Goal |
|---|---|---|---|
| L elbow flexion AROM | 98° | 126° | 140° |
| DASH | 58.3 | 31.7 | 15 |
| Wrist ext MMT | 3/5 | 4-/5 | 5/5 |
"""


def test_eval_column_is_earlier_today_column_is_current() -> None:
    assert "previous" in one_fact(EVAL_TODAY_GOAL, "rom", 98).label
    assert "previous" not in one_fact(EVAL_TODAY_GOAL, "rom", 126).label
    assert "previous" in one_fact(EVAL_TODAY_GOAL, "mmt", "3").label
    assert "previous" not in one_fact(EVAL_TODAY_GOAL, "mmt", "4-").label


def test_goal_column_holds_targets_not_measurements() -> None:
    _none(EVAL_TODAY_GOAL, "rom", 140)
    _none(EVAL_TODAY_GOAL, "outcome", 15)
    _none(EVAL_TODAY_GOAL, "mmt", "5")


GOAL_IN_THE_MIDDLE = """| Test | Goal | Initial | Current |
|---|---|---|---|
| R hip abduction PROM | 40° | 22° | 31° |
| Berg | 50/56 | 38/56 | 44/56 |
"""


def test_a_goal_column_before_the_measurements_does_not_hide_them() -> None:
    assert "previous" in one_fact(GOAL_IN_THE_MIDDLE, "rom", 22).label
    assert "previous" not in one_fact(GOAL_IN_THE_MIDDLE, "rom", 31).label
    assert "previous" not in one_fact(GOAL_IN_THE_MIDDLE, "outcome", 44).label
    _none(GOAL_IN_THE_MIDDLE, "rom", 40)
    _none(GOAL_IN_THE_MIDDLE, "outcome", 50)


SOC_MIDPOINT_DC = """Discharge summary - outcome table

| Outcome | SOC | 30-day | DC |
|---|---|---|---|
| Tinetti | 14/28 | 19/28 | 24/28 |
| 5xSTS (s) | 21.4 | 16.2 | 12.9 |
"""


def test_every_timepoint_before_the_last_is_earlier() -> None:
    assert "previous" in one_fact(SOC_MIDPOINT_DC, "outcome", 14).label
    assert "previous" in one_fact(SOC_MIDPOINT_DC, "outcome", 19).label
    assert "previous" not in one_fact(SOC_MIDPOINT_DC, "outcome", 24).label
    assert "previous" in one_fact(SOC_MIDPOINT_DC, "outcome", 16.2).label
    assert "previous" not in one_fact(SOC_MIDPOINT_DC, "outcome", 12.9).label


def test_a_single_line_of_prose_with_the_same_words_keeps_its_own_reading() -> None:
    twin = "Tinetti 24/28 today; was 19/28 at the 30-day check."
    assert "previous" not in one_fact(twin, "outcome", 24).label


DATED_COLUMNS = """| Measure | 9/14 | 10/05 | 10/26 |
|---|---|---|---|
| ODI | 44% | 32% | 18% |
| Cervical rotation R AROM | 45° | 58° | 70° |
"""


def test_dates_as_headings_name_timepoints_and_are_never_values() -> None:
    assert "previous" in one_fact(DATED_COLUMNS, "outcome", 44).label
    assert "previous" in one_fact(DATED_COLUMNS, "outcome", 32).label
    assert "previous" not in one_fact(DATED_COLUMNS, "outcome", 18).label
    assert "previous" not in one_fact(DATED_COLUMNS, "rom", 70).label
    for value in (9, 14, 10, 5, 26):
        _none(DATED_COLUMNS, "outcome", value)


EVALUATION_WITH_GOALS = """Initial evaluation

| Test | Eval | Goal |
|---|---|---|
| Shoulder flexion AROM | 105° | 160° |
| QuickDASH | 52.3 | 20 |
"""


def test_a_lone_eval_column_beside_goals_is_this_evaluations_measurement() -> None:
    assert "previous" not in one_fact(EVALUATION_WITH_GOALS, "rom", 105).label
    assert "previous" not in one_fact(EVALUATION_WITH_GOALS, "outcome", 52.3).label
    _none(EVALUATION_WITH_GOALS, "rom", 160)
    _none(EVALUATION_WITH_GOALS, "outcome", 20)


def test_with_a_today_column_the_eval_column_is_earlier_again() -> None:
    twin = EVALUATION_WITH_GOALS.replace("| Eval | Goal |", "| Eval | Today |")
    assert "previous" in one_fact(twin, "rom", 105).label
    assert "previous" not in one_fact(twin, "rom", 160).label


# -- side columns --------------------------------------------------------------------------------

SIDES = """| Motion | Right | Left |
|---|---|---|
| Ankle DF AROM | 4° | 15° |
| Ankle PF AROM | 38° | 50° |
"""


def test_side_columns_give_each_cell_its_side_and_its_rows_motion() -> None:
    right = one_fact(SIDES, "rom", 4)
    left = one_fact(SIDES, "rom", 15)
    assert right.label.startswith("R") and "dorsiflexion" in right.label.lower()
    assert left.label.startswith("L") and "dorsiflexion" in left.label.lower()
    assert one_fact(SIDES, "rom", 50).label.startswith("L")


MODE_AND_SIDE = """| Knee | AROM R | PROM R | AROM L |
|---|---|---|---|
| Flexion | 102 | 111 | 138 |
"""


def test_mode_and_side_headings_make_bare_numbers_angles_of_that_side_and_mode() -> None:
    assert one_fact(MODE_AND_SIDE, "rom", 102).label == "R knee flexion AROM"
    assert one_fact(MODE_AND_SIDE, "rom", 111).label == "R knee flexion PROM"
    assert one_fact(MODE_AND_SIDE, "rom", 138).label == "L knee flexion AROM"


def test_bare_numbers_with_no_motion_or_mode_stay_unread() -> None:
    twin = "| Item | R | L |\n|---|---|---|\n| Stairs | 12 | 14 |\n"
    assert facts_in(twin) == []


GRADES_WITHOUT_SCALE = """| Muscle | R | L |
|---|---|---|
| Hip abductors | 3+ | 4 |
| Quadriceps | NT | 4- |
"""


def test_bare_grades_in_a_muscle_table_are_out_of_five() -> None:
    assert one_fact(GRADES_WITHOUT_SCALE, "mmt", "3+").label.startswith("R")
    assert one_fact(GRADES_WITHOUT_SCALE, "mmt", "4").label.startswith("L")
    assert one_fact(GRADES_WITHOUT_SCALE, "mmt", "4-").label.startswith("L")
    assert len(facts_in(GRADES_WITHOUT_SCALE, "mmt")) == 3


def test_small_numbers_in_a_table_of_counts_are_not_grades() -> None:
    twin = "| Task | R | L |\n|---|---|---|\n| Blocks moved | 3 | 4 |\n"
    assert facts_in(twin, "mmt") == []


# -- values split across cells, empty cells -------------------------------------------------------

SPLIT_CELLS = """| Muscle | Grade | |
|---|---|---|
| L ankle evertors | 4- | /5 |

| Motion | Value | Unit |
|---|---|---|
| R knee flexion AROM | 121 | deg |
| Grip L | 19 | kg |
| R knee extension AROM | — | |
| Cervical rotation L | WNL | |
"""


def test_a_value_and_its_unit_in_two_cells_are_one_value() -> None:
    assert one_fact(SPLIT_CELLS, "mmt", "4-").label.startswith("L")
    assert one_fact(SPLIT_CELLS, "rom", 121).label == "R knee flexion AROM"
    grip = one_fact(SPLIT_CELLS, "strength", 19)
    assert grip.unit == "kg" and grip.label.startswith("L")


def test_empty_dash_and_wnl_cells_make_no_fact() -> None:
    assert sorted(str(fact.value) for fact in facts_in(SPLIT_CELLS)) == ["121", "19", "4-"]


# -- tab-separated exports and pipe tables without a separator row --------------------------------

FLOWSHEET = (
    "FLOWSHEET\n"
    "#\tParameter\tResult\tUnits\tEntered\n"
    "1\tPain at rest\t4\t0-10\t03/02/2027 10:02\n"
    "2\tNeck Disability Index\t36\t%\t03/02/2027 10:03\n"
    "3\tNeck Disability Index prior\t48\t%\t02/09/2027\n"
    "4\tCervical rotation L\t52\tdeg\t03/02/2027 10:05\n"
    "5\tTherapeutic exercise\t24\tmin\t03/02/2027 10:40\n"
    "6\tTotal timed\t24\tmin\t\n"
    "7\tCharges\t97110 x2\t\u2014\t\n"
)


def test_a_tab_separated_flowsheet_is_read_row_by_row_with_its_units() -> None:
    assert one_fact(FLOWSHEET, "pain", 4)
    assert "previous" not in one_fact(FLOWSHEET, "outcome", 36).label
    assert "previous" in one_fact(FLOWSHEET, "outcome", 48).label
    assert one_fact(FLOWSHEET, "rom", 52).label.startswith("L")
    billing = extract_billing(FLOWSHEET)
    assert billing.stated_timed_minutes == 24
    assert dict(billing.billed) == {"97110": 2}
    assert [(s.cpt, s.minutes) for s in billing.services] == [("97110", 24)]


def test_row_numbers_and_entry_times_are_never_values() -> None:
    values = {fact.value for fact in facts_in(FLOWSHEET)}
    assert not values & {1, 2, 3, 5, 6, 7, 10, 2027}


def test_text_with_tabs_that_is_no_table_is_read_as_before() -> None:
    twin = "Pain\t3/10 at rest.\nNotes: walked 200 ft.\n"
    assert [fact.value for fact in facts_in(twin, "pain")] == [3]


BARE_PIPES = """Objective
| Test | Previous | Current |
| FOTO knee | 44 | 61 |
| SLS R (s) | 6 | 14 |
"""


def test_a_pipe_table_without_the_separator_row_is_still_a_table() -> None:
    assert "previous" in one_fact(BARE_PIPES, "outcome", 44).label
    assert "previous" not in one_fact(BARE_PIPES, "outcome", 61).label
    assert "previous" not in one_fact(BARE_PIPES, "other", 14).label


# -- billing tables ----------------------------------------------------------------------------

BILLING_TABLE = """| Service | CPT | Details | Min |
|---|---|---|---|
| Gait training | 97116 | 8 min continuous on stairs, 3 flights | 12 |
| Ther ex | 97110 | 3x10 sit to stand, 2 min bike | 20 |

Total timed 32 min; total treatment 32 min.
Billed: 97116 x1, 97110 x1
"""


def test_the_minutes_column_is_the_service_time_and_the_total_is_counted_once() -> None:
    billing = extract_billing(BILLING_TABLE)
    assert sorted((s.cpt, s.minutes) for s in billing.services) == [("97110", 20), ("97116", 12)]
    assert billing.stated_timed_minutes == 32
    assert billing.stated_treatment_minutes == 32


def test_a_total_row_in_the_table_is_a_total_not_a_service() -> None:
    note = BILLING_TABLE.replace(
        "| Ther ex | 97110 | 3x10 sit to stand, 2 min bike | 20 |\n",
        "| Ther ex | 97110 | 3x10 sit to stand, 2 min bike | 20 |\n| Total | | | 32 |\n",
    )
    billing = extract_billing(note)
    assert sorted((s.cpt, s.minutes) for s in billing.services) == [("97110", 20), ("97116", 12)]
    assert billing.stated_timed_minutes == 32


def test_a_billed_units_column_is_not_a_unit_of_measure() -> None:
    note = (
        "| Service | CPT | Minutes | Units |\n|---|---|---|---|\n"
        "| Manual therapy | 97140 | 11 | 1 |\n| Ther act | 97530 | 24 | 2 |\n"
    )
    billing = extract_billing(note)
    assert sorted((s.cpt, s.minutes) for s in billing.services) == [("97140", 11), ("97530", 24)]


# -- rows that are visits ------------------------------------------------------------------------

VISITS_AS_ROWS = """Progress flowsheet

| Date | Pain (0-10) | Knee flex AROM | Knee ext AROM |
|---|---|---|---|
| 1/06 | 6 | 88° | -10° |
| 1/20 | 4 | 104° | -5° |
| 2/03 | 2 | 121° | 0° |
"""


def test_rows_that_are_dates_make_every_row_but_the_last_an_earlier_visit() -> None:
    assert "previous" in one_fact(VISITS_AS_ROWS, "pain", 6).label
    assert "previous" in one_fact(VISITS_AS_ROWS, "rom", 104).label
    assert "previous" not in one_fact(VISITS_AS_ROWS, "pain", 2).label
    assert "previous" not in one_fact(VISITS_AS_ROWS, "rom", 121).label


def test_the_dates_naming_the_rows_are_never_scores() -> None:
    values = {fact.value for fact in facts_in(VISITS_AS_ROWS) if fact.kind in ("outcome", "other")}
    assert not values & {1, 6, 20, 2, 3}


def test_rows_named_by_what_was_measured_are_not_visits() -> None:
    twin = "| Date | Result |\n|---|---|\n| Pain (0-10) | 6 |\n| Knee flex AROM | 88° |\n"
    assert "previous" not in one_fact(twin, "pain", 6).label
    assert "previous" not in one_fact(twin, "rom", 88).label


NAMED_VISIT_ROWS = """| Visit | LEFS | 10MWT (m/s) |
|---|---|---|
| Eval | 24/80 | 0.58 |
| Visit 8 | 39/80 | 0.79 |
| Today | 52/80 | 0.96 |
"""


def test_rows_named_eval_visit_and_today_are_timepoints() -> None:
    assert "previous" in one_fact(NAMED_VISIT_ROWS, "outcome", 24).label
    assert "previous" in one_fact(NAMED_VISIT_ROWS, "outcome", 39).label
    assert "previous" not in one_fact(NAMED_VISIT_ROWS, "outcome", 52).label
    assert "previous" not in one_fact(NAMED_VISIT_ROWS, "outcome", 0.96).label
    _none(NAMED_VISIT_ROWS, "outcome", 8)


# -- grip and girth, side and time together ------------------------------------------------------

GIRTH_SIDE_AND_TIME = """| Site | R Eval | R Today | L Today |
|---|---|---|---|
| Figure-8 ankle | 55.5 cm | 54.0 cm | 51.2 cm |
| Calf girth 10 cm below patella | 38.4 cm | 37.6 cm | 36.9 cm |
"""


def test_a_heading_with_a_side_and_a_time_gives_both() -> None:
    earlier = one_fact(GIRTH_SIDE_AND_TIME, "girth", 55.5)
    assert earlier.label.startswith("R") and "previous" in earlier.label
    today = one_fact(GIRTH_SIDE_AND_TIME, "girth", 54.0)
    assert today.label.startswith("R") and "previous" not in today.label
    assert one_fact(GIRTH_SIDE_AND_TIME, "girth", 51.2).label.startswith("L")


def test_a_distance_that_places_the_tape_is_not_a_girth() -> None:
    _none(GIRTH_SIDE_AND_TIME, "girth", 10)


GRIP_BY_SIDE_ROWS = """| Grip (lb) | Eval | Today |
|---|---|---|
| R | 31 | 48 |
| L | 66 | 70 |
"""


def test_sides_as_rows_and_times_as_columns() -> None:
    right_then = one_fact(GRIP_BY_SIDE_ROWS, "strength", 31)
    assert right_then.label.startswith("R") and "previous" in right_then.label
    left_now = one_fact(GRIP_BY_SIDE_ROWS, "strength", 70)
    assert left_now.label.startswith("L") and "previous" not in left_now.label
    assert left_now.unit == "lb"


def test_the_same_numbers_without_a_grip_heading_are_not_grip() -> None:
    twin = GRIP_BY_SIDE_ROWS.replace("Grip (lb)", "Side")
    assert facts_in(twin, "strength") == []


# -- tab-separated lines that are no export ------------------------------------------------------

HEADLESS_EXPORT = "Vitals/measures\nPain now\t3/10\nShoulder flexion AROM R\t142°\nDASH\t27.5\n"


def test_tab_separated_lines_with_no_export_heading_are_read_as_written() -> None:
    assert one_fact(HEADLESS_EXPORT, "pain", 3)
    assert one_fact(HEADLESS_EXPORT, "rom", 142).label.startswith("R")
    assert one_fact(HEADLESS_EXPORT, "outcome", 27.5)


# -- a time column is minutes only in a table of services ----------------------------------------

TIMED_TESTS = """| Test | Time (s) |
|---|---|
| 5xSTS | 15.8 |
| TUG | 12 |
"""


def test_a_time_column_in_a_table_of_tests_holds_the_tests_times() -> None:
    assert one_fact(TIMED_TESTS, "outcome", 15.8).unit == "s"
    assert one_fact(TIMED_TESTS, "outcome", 12).measure == "TUG"
    assert extract_billing(TIMED_TESTS).services == ()


def test_a_time_column_in_a_table_of_billed_codes_holds_the_service_minutes() -> None:
    twin = (
        "| Service | Code | Time |\n|---|---|---|\n| Ther ex | 97110 | 14 |\n| TUG | 97750 | 12 |\n"
    )
    billing = extract_billing(twin)
    assert ("97110", 14) in [(s.cpt, s.minutes) for s in billing.services]


# -- changes and reference values are not measurements ---------------------------------------------

CHANGE_AND_NORM = """| Measure | Eval | Today | Change | Age norm |
|---|---|---|---|---|
| L knee flexion AROM | 92° | 117° | 25° | 135° |
| Grip L (lb) | 24 | 43 | 19 | 64 |
| 6MWT (m) | 228 | 341 | 113 | 495 |
"""


def test_a_change_column_is_derived_and_a_norm_column_is_a_reference() -> None:
    values = sorted(str(fact.value) for fact in facts_in(CHANGE_AND_NORM))
    assert values == sorted(["92", "117", "24", "43", "228", "341"])
    assert "previous" not in one_fact(CHANGE_AND_NORM, "strength", 43).label


def test_without_those_headings_the_same_cells_are_measurements() -> None:
    twin = CHANGE_AND_NORM.replace("| Change | Age norm |", "| R | R today |")
    assert facts_in(twin, "rom")
    assert len(facts_in(twin)) > len(facts_in(CHANGE_AND_NORM))


# -- a service described in prose and listed in a table is one service -----------------------

PROSE_AND_TABLE = """O: Ther ex 23 min: bridges, clams, step-ups w/ cues for knee alignment.
Manual therapy 15 min to L knee (patellar mobs).

| Service | CPT | Min |
|---|---|---|
| Ther ex | 97110 | 23 |
| Manual therapy | 97140 | 15 |

Total timed 38 min, total treatment 38 min.
Billed: 97110 x2, 97140 x1
"""


def test_a_service_in_prose_and_in_the_table_is_counted_once() -> None:
    billing = extract_billing(PROSE_AND_TABLE)
    assert sorted((s.cpt, s.minutes) for s in billing.services) == [("97110", 23), ("97140", 15)]
    assert billing.documented_timed_minutes == 38


def test_a_service_only_in_prose_still_counts_beside_the_table() -> None:
    twin = PROSE_AND_TABLE.replace(
        "15 min to L knee (patellar mobs).", "15 min to L knee.\nGait training 10 min on stairs."
    ).replace("| Manual therapy | 97140 | 15 |\n", "")
    billing = extract_billing(twin)
    codes = sorted((s.cpt, s.minutes) for s in billing.services)
    assert ("97116", 10) in codes and ("97110", 23) in codes
    assert codes.count(("97110", 23)) == 1


def test_the_side_comes_from_the_column_not_from_its_place() -> None:
    twin = SIDES.replace("| Motion | Right | Left |", "| Motion | Left | Right |")
    assert one_fact(twin, "rom", 4).label.startswith("L")
    assert one_fact(twin, "rom", 15).label.startswith("R")


def test_one_line_with_pipes_is_not_a_table() -> None:
    line = "Billing: 97110 x2, 97116 x1 | timed 32 | total 32\n"
    billing = extract_billing(line)
    assert dict(billing.billed) == {"97110": 2, "97116": 1}
    assert billing.stated_timed_minutes == 32


NUMBERED_TIMEPOINTS = """| Measure | Wk 0 | Wk 4 | Wk 8 |
|---|---|---|---|
| Berg | 38/56 | 44/56 | 50/56 |
| Pain | 6/10 | 4/10 | 2/10 |
"""


def test_numbered_weeks_are_timepoints_and_their_numbers_are_not_values() -> None:
    assert "previous" in one_fact(NUMBERED_TIMEPOINTS, "outcome", 44).label
    assert "previous" not in one_fact(NUMBERED_TIMEPOINTS, "outcome", 50).label
    assert "previous" in one_fact(NUMBERED_TIMEPOINTS, "pain", 6).label
    assert "previous" not in one_fact(NUMBERED_TIMEPOINTS, "pain", 2).label
    _none(NUMBERED_TIMEPOINTS, "outcome", 8)
    _none(NUMBERED_TIMEPOINTS, "outcome", 4)


def test_pre_and_post_treatment_columns_of_one_session() -> None:
    note = "| Test | Pre | Post |\n|---|---|---|\n| Cervical rotation R | 50° | 62° |\n"
    assert "previous" in one_fact(note, "rom", 50).label
    assert "previous" not in one_fact(note, "rom", 62).label


def test_windows_line_endings_read_the_same() -> None:
    for note in (EVAL_TODAY_GOAL, BARE_PIPES, FLOWSHEET):
        crlf = note.replace("\n", "\r\n")
        read = [(f.kind, f.value, f.label) for f in facts_in(note)]
        assert [(f.kind, f.value, f.label) for f in facts_in(crlf)] == read


DATE_COLUMN = """| Test | Score | Date |
|---|---|---|
| Berg | 44/56 | 3/02 |
| TUG | 12.1 s | 3/02 |
"""


def test_a_date_column_beside_the_scores_is_never_a_score() -> None:
    assert sorted(str(fact.value) for fact in facts_in(DATE_COLUMN)) == ["12.1", "44"]


def test_the_same_cell_under_a_rating_heading_is_a_rating() -> None:
    twin = "| Test | Pain | Date |\n|---|---|---|\n| At rest | 3/10 | 3/02 |\n"
    assert [fact.value for fact in facts_in(twin, "pain")] == [3]


def test_soap_lines_with_a_tab_after_the_label_lose_nothing() -> None:
    note = "S:\tPt reports knee pain 3/10, better with rest\nO:\tR knee flex AROM 118 deg\n"
    assert one_fact(note, "pain", 3)
    assert one_fact(note, "rom", 118).label == "R knee flexion AROM"
