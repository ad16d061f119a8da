"""Offline drafts, round 12 (OFF): a part opened by its label with text on that line runs on
over the unlabelled lines after it; a dictated title before a name ("Mrs.", "Dr.") ends no
sentence; "one" said as a pronoun before a comma stays a word; a visit to another clinician is
what the patient reports. Each rule with a twin that must not move."""

from __future__ import annotations

from tests.placing import DISCHARGE, PT_EVAL, where
from tui.core.drafting.dictation import sentences
from tui.core.drafting.placement import place_items, split_items

# -- a part runs on from its label's line ----------------------------------------------------------

LETTERS = """S: Runner, 10k race in 9 wks.
VISA-A 61/100 (IE 48).
O: L single-leg heel raise 14 reps.
A: load tolerance improving.
P: 2x/wk x 4 wks."""


def test_a_line_after_s_with_no_label_is_subjective() -> None:
    assert where(LETTERS, "VISA-A 61/100") == ["Subjective"]
    assert where(LETTERS, "heel raise 14 reps") == ["Objective"]


def test_part_names_in_capitals_run_on_too() -> None:
    note = "SUBJECTIVE: Pain 3/10.\nODI 30% today.\nOBJECTIVE: SLR negative.\nPLAN: continue."
    assert where(note, "ODI 30%") == ["Subjective"]


def test_a_note_naming_one_part_is_not_written_in_parts() -> None:
    # twin: "Plan:" alone runs on over nothing
    note = "Reports stiffness, pain 4/10.\nPlan: continue 2x/wk.\nR hip flex AROM 104 deg."
    assert where(note, "R hip flex AROM 104") == ["Objective"]


def test_a_blank_line_ends_the_part() -> None:
    # twin: after the blank line the words decide
    note = "S: neck pain 5/10.\nO: rotation R 62 deg.\nP: continue 2x/wk.\n\nR grip 30 kg."
    assert where(note, "R grip 30 kg") == ["Objective"]


def test_a_labelled_line_ends_the_part() -> None:
    # twin: "Vitals:" labels its own line; the measure after it is not S's
    note = "S: knee swollen, pain 3/10.\nVitals: BP 132/84.\nR knee flex AROM 118 deg.\nO: trace."
    assert where(note, "R knee flex AROM 118") == ["Objective"]


# -- dictated names and pronouns -------------------------------------------------------------------


def test_a_title_before_a_name_ends_no_dictated_sentence() -> None:
    said = sentences("Subjective, Mrs. Gallacher says the knee is sore. Plan, call Dr. Amari.")
    assert said == ["Subjective, Mrs. Gallacher says the knee is sore.", "Plan, call Dr. Amari."]


def test_a_full_stop_after_any_other_word_ends_the_sentence() -> None:
    # twin: "Mrs" only as a title; a sentence ending in a name ends there
    assert sentences("She saw Amari. Pain is better.") == ["She saw Amari.", "Pain is better."]


def test_one_as_a_pronoun_before_a_comma_stays_a_word() -> None:
    assert sentences("The left knee is the worse one, pain five out of ten.") == [
        "The left knee is the worse one, pain 5 out of 10."
    ]


def test_one_that_counts_before_a_comma_is_a_digit() -> None:
    # twin: "one lap," counts
    assert sentences("She walked one lap, then rested.") == ["She walked 1 lap, then rested."]


def test_a_visit_to_another_clinician_is_reported() -> None:
    note = "She saw Dr. Banerjee on Monday and he cleared her for full weight bearing."
    assert where(note, "cleared her for full weight bearing") == ["Subjective"]


def test_a_patient_who_saw_a_change_is_not_a_visit() -> None:
    # twin: "saw" a result, not a clinician; a measure decides
    assert where("She saw her grip rise to 22 kg.", "grip rise") == ["Objective"]


# -- a home visit's clock times are the visit's time -------------------------------------------


def test_time_in_and_out_in_any_separator_is_billing() -> None:
    note = "Time in 0915 / time out 1000. Pt reports hip pain 4/10."
    assert where(note, "Time in 0915") == ["Billing"]
    assert where("Arrived 14:05, left 14:50.", "Arrived") == ["Billing"]
    assert where("In 0915; out 1000", "In 0915") == ["Billing"]


def test_a_time_in_a_position_is_not_the_visit() -> None:
    # twin: a duration in standing is measured, not when the patient was seen
    assert where("Time in standing 10 min with RW, SBA.", "Time in standing") == ["Objective"]


# -- a discharge's columns and the care given over the episode -----------------------------------

DISCHARGE_NOTE = """DISCHARGE SUMMARY
Dates of care 01/06 - 03/17, 11 visits.
Tx included manual therapy, DNF strengthening and postural ed.
Status at d/c vs IE:
- NDI 8/50 vs 22/50
- DNF endurance 28 s vs 9 s
Reason for d/c: goals met."""


def test_a_heading_naming_its_columns_stays_above_its_rows() -> None:
    placed = place_items(split_items(DISCHARGE_NOTE), DISCHARGE)
    rows = placed["Functional Status"]
    assert rows[:2] == ["Status at d/c vs IE:", "NDI 8/50 vs 22/50"]


def test_a_heading_naming_no_columns_is_no_line() -> None:
    # twin: "Status at discharge:" says what, not which column is which
    note = "DISCHARGE SUMMARY\nStatus at discharge:\n- NDI 8/50\nReason for d/c: goals met."
    placed = place_items(split_items(note), DISCHARGE)
    assert not any("Status at discharge" in line for lines in placed.values() for line in lines)


def test_the_care_given_over_the_episode_is_its_episode_of_care() -> None:
    assert where(DISCHARGE_NOTE, "Tx included manual therapy", DISCHARGE) == ["Episode of Care"]


def test_the_days_treatment_is_not_the_episode() -> None:
    # twin: "Tx today included ..." is the day's session
    note = "DISCHARGE SUMMARY\nTx today included gait training 15 min on stairs."
    assert where(note, "Tx today included", DISCHARGE) != ["Episode of Care"]


def test_a_part_name_with_a_tilde_alone_on_its_line_is_a_heading() -> None:
    note = "SUBJECTIVE ~ Itch 6/10.\nOBJECTIVE ~\n  R elbow AROM 130 deg flex.\nPLAN ~ 2x/wk."
    assert where(note, "R elbow AROM 130") == ["Objective"]
    placed = place_items(split_items(note), ("Subjective", "Objective", "Assessment", "Plan"))
    assert not any("OBJECTIVE" in line for lines in placed.values() for line in lines)


def test_a_span_of_dates_without_its_year_is_the_episode() -> None:
    assert where(DISCHARGE_NOTE, "Dates of care 01/06", DISCHARGE) == ["Episode of Care"]
    note = "DISCHARGE SUMMARY\nSeen Jan 6 - Mar 17 for 11 visits."
    assert where(note, "Seen Jan 6", DISCHARGE) == ["Episode of Care"]


def test_two_ratings_or_grades_are_no_span_of_dates() -> None:
    # twins: "3/10 to 5/10" are ratings, "4/5 - 5/5" grades
    note = "DISCHARGE SUMMARY\nPain went from 3/10 to 5/10 on stairs.\nHip abd MMT 4/5 - 5/5."
    assert where(note, "Pain went from", DISCHARGE) != ["Episode of Care"]
    assert where(note, "Hip abd MMT", DISCHARGE) != ["Episode of Care"]


def test_a_label_of_any_kind_or_alphabet_ends_the_part() -> None:
    # twins: "Edema -" and "Facturación:" label their own lines
    note = "S - thumb ache 3/10.\nEdema - figure-of-8 R 41.5 cm.\nA - gains.\nP - 2x/wk."
    assert where(note, "figure-of-8 R 41.5 cm") == ["Objective"]
    note = "S: dolor 4/10.\nO: flexión 112°.\nP: 2x/semana.\nFacturación: 97110 x3."
    assert where(note, "97110 x3") == ["Billing"]


def test_a_vital_sign_opening_a_line_is_the_systems_review_of_an_evaluation() -> None:
    assert where("Blood pressure 128/76, HR 74.", "Blood pressure", PT_EVAL) == ["Systems Review"]
    assert where("Resting HR 74, SpO2 97% RA.", "Resting HR", PT_EVAL) == ["Systems Review"]


def test_a_vital_sign_in_a_soap_note_or_a_test_opening_a_line_is_measured() -> None:
    # twins: no Systems Review in a SOAP note; a test that names a heart rate is a test
    assert where("Blood pressure 128/76, HR 74.", "Blood pressure") == ["Objective"]
    assert where("6MWT 320 m, HR 118 at end.", "6MWT", PT_EVAL) == ["Tests and Measures"]


def test_a_column_heading_naming_no_part_goes_above_its_first_row() -> None:
    note = "S: knee better.\nIE vs current:\nR knee flex AROM 95 vs 120 deg.\nA: good progress."
    placed = place_items(split_items(note), ("Subjective", "Objective", "Assessment", "Plan"))
    assert placed["Objective"] == ["IE vs current:", "R knee flex AROM 95 vs 120 deg."]
