"""Exports and prints read as rows and columns (issue 12, LAYOUT): keys that carry the unit,
the side or the test, key=value runs, snake-case headings, captions, services prints, dot
leaders and paired totals. Each layout is tested on notes of our own in new words, each with a
twin that must not be read (targets, landmarks, norms, equipment, doses)."""

from __future__ import annotations

from tui.core.checks.extract import extract_billing, extract_facts
from tui.core.checks.text.numbers import normalize


def _found(text: str) -> set[tuple[str, object, str | None]]:
    return {(f.kind, f.value, f.unit) for f in extract_facts(text)}


def _sided(text: str) -> set[tuple[str, object, str]]:
    return {
        (f.kind, f.value, "R" if "R" in f.label.split() else "L" if "L" in f.label.split() else "")
        for f in extract_facts(text)
    }


def test_camel_case_keys_with_a_unit_word_and_a_side() -> None:
    note = "Obj.GripStrengthKg.R: 14.5\nObj.GripStrengthKg.L: 31.0\nSubj.PainWithLifting: 4/10\n"
    found = _sided(note)
    assert {("strength", 14.5, "R"), ("strength", 31.0, "L")} <= found
    assert ("pain", 4, "") in found


def test_twin_camel_case_keys_of_a_goal_and_equipment_are_not_results() -> None:
    note = "Objective.GripStrengthKgGoal.R: 25\nEquipment.PuttyLevel: 3\nVisit.WeeksPostOp: 8\n"
    assert _found(note) == set()


def test_a_snake_key_with_its_side_after_a_last_dot() -> None:
    note = "obj.hip_abd_hhd_kg.R: 14.2\nobj.hip_abd_hhd_kg.L: 17.9\nobj.thigh_girth_cm.R: 47.5\n"
    found = _sided(note)
    assert {("strength", 14.2, "R"), ("strength", 17.9, "L"), ("girth", 47.5, "R")} <= found


def test_twin_a_snake_key_under_a_goal_or_of_a_box_is_no_result() -> None:
    note = "goal.hip_abd_hhd_kg.R: 17\nobj.box_height_cm: 20\nplan.next_visit_days: 7\n"
    assert _found(note) == set()


def test_key_value_pairs_run_together_on_a_line() -> None:
    note = "pre: HR=71 BP=126/74 wt_kg=77.2\n6MWT_m=388 6MWT_prev_m=341\npain=2/10 borg=3\n"
    found = {(f.kind, f.value, f.unit, "previous" in f.label) for f in extract_facts(note)}
    assert ("other", 77.2, "kg", False) in found
    assert {("outcome", 388, "m", False), ("outcome", 341, "m", True)} <= found
    assert ("pain", 2, None, False) in found or ("pain", 2, "/10", False) in found


def test_twin_pairs_of_targets_and_machine_settings_are_not_read() -> None:
    note = "targets: HR_max=118 RPE_max=14\nex: mode=bike watts=40 level=6 dur_min=12\n"
    assert _found(note) == set()


def test_a_lone_key_value_pair_is_left_as_written() -> None:
    assert normalize("ref=12 see chart\n").text == "ref=12 see chart\n"


def test_snake_case_headings_of_a_csv_girth_export() -> None:
    note = (
        "Circumference sheet (CSV):\n"
        "site,cm_above_malleolus,left_cm,right_cm\n"
        "ankle,0,24.1,21.0\ncalf,15,38.6,34.2\nvolume_mL,,7420,6310\n"
    )
    found = _sided(note)
    assert {("girth", 24.1, "L"), ("girth", 21.0, "R"), ("girth", 38.6, "L")} <= found
    assert {("other", 7420, "L"), ("other", 6310, "R")} <= found
    assert {value for _, value, _ in found} == {24.1, 21.0, 38.6, 34.2, 7420, 6310}


def test_twin_a_landmark_column_and_a_target_column_are_never_girths() -> None:
    note = (
        "Girth (CSV):\n"
        "landmark,distance_from_heel_cm,R_cm,target_cm\n"
        "ankle,10,23.3,22.0\ncalf,25,36.9,35.0\n"
    )
    values = {value for _, value, _ in _found(note)}
    assert values == {23.3, 36.9}


def test_twin_a_caption_that_names_no_measure_gives_bare_numbers_nothing() -> None:
    note = "Equipment issued:\nitem,left,right\ncone,4,6\nband,2,3\n"
    assert _found(note) == set()


def test_a_markdown_heading_with_a_unit_over_a_table_after_a_blank_line() -> None:
    note = "### Grip, Jamar (lb)\n\n| Trial | L | R |\n|---|---|---|\n| Best | 41 | 63 |\n"
    assert {("strength", 41, "L"), ("strength", 63, "R")} <= _sided(note)


def test_twin_a_heading_of_targets_above_a_table_gives_no_strength() -> None:
    note = "### Targets at discharge (lb)\n\n| Muscle | Left |\n|---|---|\n| Hip abductors | 30 |\n"
    assert all(kind != "strength" for kind, _, _ in _found(note))


def test_a_fixed_width_print_of_procedures_with_codes_in_the_names() -> None:
    note = (
        "PROCEDURES              MINUTES   COMMENTS\n"
        "Ther ex (97110)         23        core program, 8 min bike warm-up\n"
        "Manual (97140)          9         PA glides gr III, 3 x 30 s\n"
    )
    billing = extract_billing(note)
    assert [(s.cpt, s.minutes) for s in billing.services] == [("97110", 23), ("97140", 9)]


def test_twin_a_fixed_width_print_of_exercises_bills_nothing() -> None:
    note = (
        "EXERCISES               SETS   REPS   LOAD\n"
        "Bridge                  3      12     5 lb\n"
        "Cable row               2      15     20 lb\n"
    )
    assert extract_billing(note).services == ()
    assert all(kind not in ("service", "strength") for kind, _, _ in _found(note))


def test_an_instrument_beside_a_rows_unit_stays_in_its_name() -> None:
    note = (
        "STRENGTH                RIGHT     LEFT      NOTE\n"
        "Knee ext (HHD, kg)      22.4      31.8      pain-free\n"
        "Hip abd (HHD, kg)       12.1      15.0\n"
    )
    assert {("strength", 22.4, "R"), ("strength", 31.8, "L")} <= _sided(note)


def test_dot_leaders_between_a_name_and_its_value() -> None:
    note = "Pain with walking .............. 3/10\nBerg Balance Scale ............. 41/56\n"
    found = _found(note)
    assert ("pain", 3, None) in found or ("pain", 3, "/10") in found
    assert any(kind == "outcome" and value == 41 for kind, value, _ in found)


def test_a_service_row_whose_words_ran_over_its_leader() -> None:
    note = (
        "Gait training 20 min ......................... 97116\n"
        "Remedial exercises 11 min (seated program, bands) 97110\n"
    )
    services = [(s.cpt, s.minutes) for s in extract_billing(note).services]
    assert services == [("97116", 20), ("97110", 11)]


def test_twin_a_code_after_a_leader_with_several_times_is_left_as_written() -> None:
    """Which of the times the code bills is not written, so the billing must not read one."""
    note = "Reassessment 12 min, HEP 5 min ................ 97110\n"
    assert normalize(note).text == note


def test_twin_an_ellipsis_and_a_leader_before_units_billed_are_left() -> None:
    prose = "Pt said he walked to the mailbox... twice this week.\n"
    assert normalize(prose).text == prose
    units = "Units billed:\n97112 neuro re-ed ........ 2\n97116 gait ............... 1\n"
    assert normalize(units).text == units
    closed = "Pain now.............: 4/10\n"
    assert normalize(closed).text == closed


def test_two_totals_named_in_one_row_of_a_services_table() -> None:
    note = (
        "| Service | CPT | Min |\n|---|---|---|\n| Eccentrics | 97110 | 16 |\n"
        "| STM | 97140 | 12 |\n| Timed / total | | 28 / 35 |\n"
    )
    billing = extract_billing(note)
    assert (billing.stated_timed_minutes, billing.stated_treatment_minutes) == (28, 35)


def test_twin_a_dose_named_in_pairs_is_no_total() -> None:
    note = (
        "| Service | CPT | Min |\n|---|---|---|\n| Eccentrics | 97110 | 16 |\n"
        "| Sets / reps | | 3 / 10 |\n"
    )
    billing = extract_billing(note)
    assert billing.stated_timed_minutes is None and billing.stated_treatment_minutes is None
    assert [(s.cpt, s.minutes) for s in billing.services] == [("97110", 16)]


def test_a_print_whose_cells_hold_one_value_per_side_set_apart_by_pipes() -> None:
    note = (
        "MEASURE                  TODAY          LAST(10/02)\n"
        "Key pinch R | L (kg)     4.5 | 3.0      3.5 | 2.0\n"
        "Triceps MMT R | L        4/5 | 3+/5     3+/5 | 3/5\n"
        "Pain (NRS)               1/10           3/10\n"
    )
    found = {(f.kind, f.value, f.unit, f.label.split()[0]) for f in extract_facts(note)}
    assert {("strength", 4.5, "kg", "R"), ("strength", 3.0, "kg", "L")} <= found
    assert {("mmt", "4", None, "R"), ("mmt", "3+", None, "L")} <= found


def test_twin_a_norm_column_beside_piped_cells_is_never_the_patients() -> None:
    note = (
        "MEASURE                  TODAY          NORM\n"
        "Key pinch R | L (kg)     4.5 | 3.0      7.5\n"
        "Tip pinch R | L (kg)     2.0 | 1.5      5.0\n"
    )
    values = {f.value for f in extract_facts(note)}
    assert not values & {7.5, 5.0}


def test_hl7_result_segments_name_their_values_and_an_earlier_time() -> None:
    note = (
        "OBX|1|NM|BERG^Berg Balance Scale||44|score^^0-56||||F|||20311201\n"
        "OBX|2|NM|BERG^Berg Balance Scale||37|score^^0-56||||F|||20311020|PRIOR (IE)\n"
        "OBX|3|NM|TUG^Timed Up and Go||13.2|s||||F\n"
    )
    found = {(f.kind, f.value, "previous" in f.label) for f in extract_facts(note)}
    assert {("outcome", 44, False), ("outcome", 37, True), ("outcome", 13.2, False)} <= found


def test_twin_an_hl7_reference_range_and_flag_are_not_read() -> None:
    note = "OBX|1|NM|GRIP^Grip strength R||22|kg|26-40|L|||F\n"
    found = [(f.kind, f.value, f.label) for f in extract_facts(note)]
    assert all(value not in (26, 40) for _, value, _ in found)
    assert all(not label.startswith("L ") for _, _, label in found)


def test_a_templates_double_colon_parts_a_key_from_its_value() -> None:
    note = (
        "Knee flexion AROM R (deg) :: 118\nTimed :: 38 min   Total :: 45 min\nBilled :: 97110 x2\n"
    )
    assert normalize(note).text.startswith("Knee flexion AROM R: 118°\n")
    billing = extract_billing(note)
    assert (billing.stated_timed_minutes, billing.stated_treatment_minutes) == (38, 45)


def test_twin_a_double_colon_inside_a_word_is_text() -> None:
    note = "Device id std::knee-brace-2 issued.\n"
    assert normalize(note).text == note


def test_a_json_export_read_as_its_fields() -> None:
    note = (
        "{\n"
        '  "subjective": "Knee pain 2/10 on stairs.",\n'
        '  "vitals": {"hr": 76, "weight_kg": 88.4},\n'
        '  "tests": [\n'
        '    {"name": "Berg", "total": 47, "max": 56, "prior_total": 41},\n'
        '    {"name": "TUG", "value_s": 11.2, "prior_s": 14.9}\n'
        "  ]\n"
        "}\n"
    )
    found = {(f.kind, f.value, "previous" in f.label) for f in extract_facts(note)}
    assert {("outcome", 47, False), ("outcome", 41, True)} <= found
    assert {("outcome", 11.2, False), ("outcome", 14.9, True), ("other", 88.4, False)} <= found
    assert ("pain", 2, False) in found


def test_twin_a_json_records_bound_and_a_setting_are_not_results() -> None:
    note = '{"name": "FGA", "max": 30, "device": "none"}\n"plan": {"visits_per_week": 2}\n'
    assert all(value not in (30, 2) for _, value, _ in _found(note))
    prose = 'Pt said "walk": 20 min daily.\n'
    assert normalize(prose).text == prose


def test_a_json_export_listed_as_bullets_reads_as_the_export() -> None:
    draft = (
        '- "vitals": {"hr": 76, "weight_kg": 88.4},\n'
        '- {"name": "Knee flexion AROM", "value_deg": 112}\n'
    )
    found = {(f.kind, f.value) for f in extract_facts(draft)}
    assert {("other", 88.4), ("rom", 112)} <= found
