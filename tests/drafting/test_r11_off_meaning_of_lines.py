"""Offline drafts, round 11 (OFF): a line goes where its meaning puts it. SBAR's lettered
headings, a felt state the patient rates, a rating listed with vitals after a time label, a
verdict on clearance under any label, an interval history holding a span of visits, and a
discharge's episode history; each rule with a twin that must not move."""

from __future__ import annotations

from tests.placing import DISCHARGE, PROGRESS, REEVAL, where
from tui.core.drafting.placement import place_items, split_items

# -- SBAR written with its letters and their names -----------------------------------------------

SBAR = """SBAR - home health PT visit
S (Situation): Reports she walked to the mailbox twice this week.
B (Background): Admitted 01/02 for CHF exacerbation.
A (Assessment):
- BP 118/72 seated, HR 84.
- 2MWT 96 m with rollator.
- Tolerating longer walking bouts; endurance improving slowly.
R (Recommendation): continue 2x/wk x 3 wk; add a second daily walk.
"""


def test_sbar_assessment_part_sends_its_measures_to_objective() -> None:
    assert where(SBAR, "2MWT 96 m") == ["Objective"]
    assert where(SBAR, "BP 118/72") == ["Objective"]
    assert where(SBAR, "endurance improving slowly") == ["Assessment"]
    assert where(SBAR, "mailbox") == ["Subjective"]
    assert where(SBAR, "add a second daily walk") == ["Plan"]


def test_a_letter_and_its_name_is_one_heading_not_a_line() -> None:
    placed = place_items(split_items(SBAR), ("Subjective", "Objective", "Assessment", "Plan"))
    assert "Assessment" not in placed["Assessment"]
    assert "A (Assessment)" not in " ".join(placed["Assessment"])


def test_soap_with_one_named_letter_keeps_its_assessment() -> None:
    # twin: no SBAR layout, so "A (Assessment): ..." is the judgement as written
    note = (
        "S: ankle less swollen.\nO: R ankle DF AROM 12 deg.\nA (Assessment): Balance still limited."
    )
    assert where(note, "Balance still limited") == ["Assessment"]
    assert where(note, "DF AROM 12 deg") == ["Objective"]


# -- a felt state the patient rates --------------------------------------------------------------


def test_a_rated_felt_state_is_what_the_patient_reports() -> None:
    assert where("Heaviness in the L hand 3/10 after typing.", "Heaviness") == ["Subjective"]
    assert where("Tightness R calf 5/10 on waking.", "Tightness") == ["Subjective"]


def test_a_named_test_or_a_count_out_of_ten_is_measured() -> None:
    # twins: Kapandji scores opposition; "8/10 successful" counts trials
    assert where("Kapandji 9/10.", "Kapandji") == ["Objective"]
    assert where("Coin pick-up 8/10 successful on the first try.", "Coin") == ["Objective"]


# -- a rating listed with vitals after a time label ----------------------------------------------


def test_a_rating_after_a_time_label_parts_from_the_vitals() -> None:
    line = "Pre-pool (land): pain B knees 5/10, BP 136/82, TUG 12.8 s with cane."
    assert where(line, "Pre-pool (land): pain B knees 5/10") == ["Subjective"]
    assert where(line, "Pre-pool (land): BP 136/82, TUG 12.8 s with cane.") == ["Objective"]
    after = "After exercise: tightness 2/10, BP 136/80, HR 92."
    assert where(after, "After exercise: tightness 2/10") == ["Subjective"]
    assert where(after, "After exercise: BP 136/80, HR 92.") == ["Objective"]


def test_vitals_alone_after_a_time_label_stay_one_line() -> None:
    # twin: nothing the patient rates, nothing to part
    line = "Pre-bike: BP 140/82, HR 74, SpO2 97%."
    assert where(line, "Pre-bike: BP 140/82, HR 74, SpO2 97%.") == ["Objective"]


# -- a verdict on clearance ----------------------------------------------------------------------


def test_a_clearance_verdict_is_judgement_under_any_label() -> None:
    assert where("Decision: not cleared for matches; cleared for drills.", "not cleared") == [
        "Assessment"
    ]
    assert where("Recommendation: not yet safe to resume driving.", "not yet safe") == [
        "Assessment"
    ]
    assert where("Cleared for modified duty, no overhead lifting.", "modified duty") == [
        "Assessment"
    ]


def test_a_clearance_someone_else_gave_or_the_patient_doubts_is_reported() -> None:
    # twins: the surgeon's clearance and what the patient says he is not ready for
    assert where("Surgeon cleared him for unrestricted ROM at 4 months.", "Surgeon") == [
        "Subjective"
    ]
    assert where("He says he is not ready to reach the top racks.", "top racks") == ["Subjective"]
    assert where("Plan: re-test overhead lift in 3 wk.", "re-test") == ["Plan"]


# -- a span of visits under an interval history --------------------------------------------------


def test_an_interval_history_keeps_its_span_of_visits() -> None:
    note = (
        "Interval hx: visits 1-9 were progressing (LEFS 41 at visit 6). Since then less swelling."
    )
    assert where(note, "visits 1-9 were progressing", REEVAL) == ["Interval History"]
    assert where(note, "less swelling", REEVAL) == ["Interval History"]


def test_a_span_of_visits_is_the_period_where_the_document_has_one() -> None:
    # twin: a progress report's Reporting Period takes the span whatever its label
    note = "Interval hx: visits 1-10 (2076-01-05 to 2076-02-11), seen 2x/wk."
    assert where(note, "visits 1-10", PROGRESS) == ["Reporting Period"]


# -- a discharge's episode history ---------------------------------------------------------------

DISCHARGED = """DISCHARGE SUMMARY - episode 11/17/2075 to 02/12/2076, 12 visits.
Reason for referral: R anterior knee pain with jumping.
Mechanism of injury: gradual onset after doubling her training.
Results at discharge:
- VISA-P 84/100 (initial 52/100).
Reason for discharge: goals met, independent with HEP.
"""


def test_a_discharge_episode_holds_its_referral_mechanism_and_dates() -> None:
    assert where(DISCHARGED, "Episode 11/17/2075 to 02/12/2076", DISCHARGE) == ["Episode of Care"]
    assert where(DISCHARGED, "anterior knee pain with jumping", DISCHARGE) == ["Episode of Care"]
    assert where(DISCHARGED, "gradual onset", DISCHARGE) == ["Episode of Care"]
    assert where(DISCHARGED, "goals met", DISCHARGE) == ["Reason for Discharge"]


def test_the_title_before_the_dash_is_left_out() -> None:
    placed = place_items(split_items(DISCHARGED), DISCHARGE)
    assert not any("DISCHARGE SUMMARY" in line for lines in placed.values() for line in lines)


def test_a_title_with_a_short_remark_goes_whole() -> None:
    # twin: "HAND THERAPY - visit 7" is a title and its remark, nothing to place
    placed = place_items(split_items("HAND THERAPY - visit 7\nGrip L 14 kg."), DISCHARGE)
    assert not any("visit 7" in line for lines in placed.values() for line in lines)


# -- what the patient complains of, and a self-report's fields -----------------------------------


def test_a_complaint_written_c_o_is_reported() -> None:
    note = "Pt c/o fatigue after showering; sternal incision healing, no drainage."
    assert where(note, "fatigue after showering") == ["Subjective"]
    # twin: fatigue the therapist saw is a judgement
    assert where("Fatigue limited the last set; tolerating progression.", "Fatigue") == [
        "Assessment"
    ]


def test_an_export_field_with_a_rating_is_reported() -> None:
    note = "self_report:\n  pain_now: 2/10\n  pain_worst: 5/10\neffort:\n  hr_peak: 128"
    assert where(note, "pain_now: 2/10") == ["Subjective"]
    assert where("pain_now: 2/10", "pain_now") == ["Subjective"]
    # twin: a measured field stays measured
    assert where("lift_floor_to_waist: 15 kg x 4", "lift_floor_to_waist") == ["Objective"]


# -- a re-evaluation's report of the weeks since --------------------------------------------------


def test_a_report_in_a_reevaluation_is_its_interval_history() -> None:
    note = 'Henri tells me his legs "feel like wet sand" by mid-afternoon.'
    assert where(note, "wet sand", REEVAL) == ["Interval History"]
    # twin: why the re-evaluation was asked for stays its reason
    asked = "Re-evaluation requested by Dr. Ilunga after a relapse in December."
    assert where(asked, "requested by Dr. Ilunga", REEVAL) == ["Reason for Re-evaluation"]


# -- a symptom and what brings it on -------------------------------------------------------------


def test_a_symptom_with_what_brings_it_on_is_reported() -> None:
    line = "knee ok on flats, sore going down stairs at work."
    assert where(line, "sore going down stairs") == ["Subjective"]
    assert where("Stiffness after sitting through a meeting.", "Stiffness") == ["Subjective"]
    # twin: stairs the therapist watched are measured
    assert where("Stairs 12 steps reciprocal with one rail, SBA.", "Stairs 12 steps") == [
        "Objective"
    ]
