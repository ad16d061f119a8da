"""Tables of inpatient and SNF notes: a fixed-width print of services (code, mode, minutes,
units) read row by row for the billing, and a tab-separated session export whose vital-sign
columns come before other columns; each with a twin that must not be read that way."""

from __future__ import annotations

from tui.core.checks.extract import extract_billing, extract_facts

_SERVICES_PRINT = (
    "THERAPY MINUTES LOG\n"
    "Discipline/service          CPT     Type         Min   Units\n"
    "Neuromuscular re-ed         97112   individual    18     1\n"
    "Gait training               97116   individual    24     2\n"
    "Total timed minutes                               42\n"
)


def test_fixed_width_services_print_gives_each_code_its_minutes_and_units() -> None:
    billing = extract_billing(_SERVICES_PRINT)
    assert billing.billed == {"97112": 1, "97116": 2}
    assert sorted((f.cpt, f.minutes) for f in billing.services) == [
        ("97112", 18),
        ("97116", 24),
    ]


def test_twin_double_spaced_prose_with_a_code_is_no_table() -> None:
    text = (
        "Pt seen for  gait  and balance today.\n"
        "Plan  continue  97116  next week  as tolerated.\n"
        "Family  present  for  education  session.\n"
    )
    assert extract_billing(text).services == ()


_SESSION_EXPORT = (
    "Stage\tHR\tBP\tSpO2\tRPE\tWatts\tNotes\n"
    "Warm-up 5 min\t76\t122/70\t97\t9\t20\tnone\n"
    "Bike 2.5 km 12 min\t118\t148/74\t96\t14\t45\tmild SOB\n"
)


def test_session_export_reads_vital_columns_before_other_columns() -> None:
    facts = extract_facts(_SESSION_EXPORT)
    got = {(f.label.split()[0], f.value) for f in facts if f.kind == "other"}
    assert {("heart", 76), ("blood", "122/70"), ("SpO2", 97), ("RPE", 9)} <= got
    assert {("heart", 118), ("blood", "148/74"), ("SpO2", 96), ("RPE", 14)} <= got


def test_twin_an_export_with_a_non_sign_between_the_signs_is_not_read_by_position() -> None:
    text = "Stage\tHR\tWatts\tBP\nWarm-up\t76\t20\t122/70\nBike\t118\t45\t148/74\n"
    facts = extract_facts(text)
    assert not any(f.value == 20 and "heart" in f.label for f in facts)
    assert not any(f.value == 45 for f in facts if f.unit == "mmHg")


def test_sign_row_with_its_unit_in_brackets_reads_every_column() -> None:
    text = (
        "             Pre     2 min   4 min   Post\n"
        "SpO2 (%)     96      92      90      95\n"
        "HR (bpm)     78      101     109     83\n"
    )
    facts = extract_facts(text)
    assert [f.value for f in facts if f.label.startswith("SpO2")] == [96, 92, 90, 95]
    assert [f.value for f in facts if f.label.startswith("heart")] == [78, 101, 109, 83]


def test_twin_a_bracketed_setting_after_a_sign_is_not_a_row_of_readings() -> None:
    facts = extract_facts("SpO2 (on 2 L)  goal above 90, titrate per RT.")
    assert [f.value for f in facts if f.label.startswith("SpO2")] == []


_GG_EXPORT = (
    "Self-care item\tSOC\tCurrent\tGoal\n"
    "GG0130A Eating\t03\t05\t06\n"
    "GG0130F Toileting hygiene\t01\t03\t05\n"
    "GG0170M 1 step (curb)\t10\t02\t04\n"
)


def test_tab_export_with_time_named_columns_reads_items_previous_and_leaves_goals() -> None:
    facts = [f for f in extract_facts(_GG_EXPORT) if f.kind == "outcome"]
    got = sorted((f.label, f.value) for f in facts)
    assert ("Section GG Eating", 5) in got
    assert ("Section GG Eating (previous)", 3) in got
    assert ("Section GG Toileting hygiene", 3) in got
    assert not any(value == 6 for _, value in got)  # the goal column
    assert not any(value == 10 for _, value in got)  # an activity code, not a score
    assert [label for label, value in got if value == 1] == [
        "Section GG Toileting hygiene (previous)"
    ]


def test_twin_tab_text_without_time_named_columns_is_read_as_written() -> None:
    text = "Eating\tset-up, 05 today\nToileting\tneeds help, 03\n"
    facts = [f for f in extract_facts(text) if f.kind == "outcome"]
    assert not any("(previous)" in f.label for f in facts)


def test_keyed_item_lines_of_an_item_scored_instrument_keep_the_items_name() -> None:
    text = "GG0170C Lying to sitting = 03 (SOC 01)\nGG0130A Eating: 05\n"
    got = [(f.label, f.value) for f in extract_facts(text) if f.kind == "outcome"]
    assert ("Section GG Lying to sitting", 3) in got
    assert ("Section GG Eating", 5) in got


def test_twin_a_keyed_line_of_a_single_score_instrument_gets_no_item() -> None:
    got = [(f.label, f.value) for f in extract_facts("LEFS at eval: 40\nBerg = 44\n")]
    assert ("Berg", 44) in got
    assert not any(label.startswith("LEFS at") for label, _ in got)
