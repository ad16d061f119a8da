"""Offline drafts (issue 12, round 8): a part's label set off by marks, reports by whoever
speaks, headings joining two parts, and JSON exports; each rule with a twin that must not be
read so."""

from __future__ import annotations

import pytest

from tests.placing import DISCHARGE, OT_EVAL, PROGRESS, PT_EVAL, SOAP, where
from tui.core.checks.extract import extract_facts
from tui.core.drafting import dictation
from tui.core.drafting.enclosed_labels import unenclosed
from tui.core.drafting.json_export import json_as_lines
from tui.core.drafting.markup import as_text
from tui.core.drafting.placement import place_items, split_items


def _drafted(note: str, sections: tuple[str, ...] = SOAP) -> list[str]:
    return [line for lines in place_items(split_items(note), sections).values() for line in lines]


# -- a label set off by marks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "marked",
    ["[%s] ", "<<%s>> ", "== %s == ", "{%s} ", "*** %s *** ", "~~ %s ~~ ", "%s >> ", "[[%s]] "],
)
def test_a_label_set_off_by_marks_opens_its_part(marked: str) -> None:
    note = "\n".join(
        [
            marked % "SUBJECTIVE" + "Knee stiff in the mornings, easier after a walk.",
            marked % "OBJECTIVE" + "Knee flexion 112 deg.",
            marked % "ASSESSMENT" + "Steady gains in range.",
            marked % "PLAN" + "Continue 2x/wk.",
        ]
    )
    assert where(note, "Knee stiff in the mornings") == ["Subjective"]
    assert where(note, "Steady gains in range") == ["Assessment"]
    assert where(note, "Continue 2x/wk") == ["Plan"]
    # the marks are the label's, which the section now says
    assert not any(line.startswith(marked[:2]) for line in _drafted(note))


def test_marks_around_words_that_name_no_part_stay_as_written() -> None:
    assert unenclosed("[late entry] Wife phoned to say he fell.", lambda _label: False) == (
        "[late entry] Wife phoned to say he fell."
    )
    assert unenclosed("[sic] walks 20 ft", lambda label: label == "Plan") == "[sic] walks 20 ft"
    # a value is never a label: "Pain 6/10 >> 3/10" is a change
    assert unenclosed("Pain 6/10 >> 3/10 after manual", lambda _label: True) == (
        "Pain 6/10 >> 3/10 after manual"
    )


def test_a_discharge_labelled_in_brackets_goes_part_by_part() -> None:
    note = "\n".join(
        [
            "[WHERE SHE IS NOW]",
            "- Reaches the top shelf with a 2 lb can.",
            "[WHY DISCHARGED] Goals met and independent with her program.",
            "[NEXT] See the surgeon at 6 months.",
        ]
    )
    assert where(note, "Reaches the top shelf", DISCHARGE) == ["Functional Status"]
    assert where(note, "Goals met and independent", DISCHARGE) == ["Reason for Discharge"]
    assert where(note, "See the surgeon", DISCHARGE) == ["Recommendations and Follow-up"]


# -- reports by whoever speaks ---------------------------------------------------------------------


def test_what_a_resident_or_nursing_reports_is_subjective() -> None:
    note = "\n".join(
        [
            "Today: Resident states his knees buckle on the toilet. Nursing reports 1 near-fall.",
            "No leg symptoms with transfers.",
            "Coach says he favours the left leg on landing.",
        ]
    )
    assert where(note, "knees buckle") == ["Subjective"]
    assert where(note, "Nursing reports 1 near-fall") == ["Subjective"]
    assert where(note, "No leg symptoms") == ["Subjective"]
    assert where(note, "favours the left leg") == ["Subjective"]


def test_what_a_resident_or_the_staff_did_is_measured() -> None:
    note = "Resident ambulated 120 ft with RW and CGA.\nStaff trained in gait belt use."
    assert where(note, "Resident ambulated 120 ft") == ["Objective"]
    assert where(note, "Staff trained in gait belt use") == ["Objective"]


def test_a_label_naming_the_client_and_caregiver_is_what_they_report() -> None:
    note = "Client/caregiver: chair is 9 yrs old, she slides forward by midday."
    assert where(note, "she slides forward by midday") == ["Subjective"]


# -- a heading joining two parts -------------------------------------------------------------------


def test_a_heading_joining_two_parts_opens_them() -> None:
    note = "\n".join(
        [
            "Reason for referral / occupational profile",
            "Wren is 7 years old, in Grade 2.",
            "Developmental and medical history",
            "Born at 39 weeks, no NICU stay.",
        ]
    )
    assert where(note, "Wren is 7 years old", OT_EVAL) == ["Occupational Profile"]
    assert where(note, "Born at 39 weeks", OT_EVAL) == ["Medical History"]
    drafted = _drafted(note, OT_EVAL)
    assert "Developmental and medical history" not in drafted
    assert "Reason for referral / occupational profile" not in drafted


def test_a_statement_joining_two_words_is_no_heading() -> None:
    note = "Assessment\nPain and stiffness in the R shoulder after dressing"
    assert where(note, "Pain and stiffness in the R shoulder") == ["Assessment"]


def test_a_goal_is_no_label_however_it_ends() -> None:
    note = "Goal status:\nWork a full day without arm symptoms: progressing."
    assert where(note, "Work a full day without arm symptoms", PROGRESS) == ["Goal Status"]


# -- JSON exports ------------------------------------------------------------------------------


EXPORT = "\n".join(
    [
        "{",
        '  "subjective": "Knee aches after 20 min of running.",',
        '  "tests": [',
        '    {"name": "LEFS", "score": 64, "max": 80, "prior_score": 52}',
        "  ],",
        '  "goals": [',
        '    "Run 5 km without pain in 6 wk."',
        "  ],",
        '  "assessment": "Hip control improving.",',
        '  "plan": "Return-to-run intervals, recheck LEFS in 3 wk."}',
    ]
)


def test_a_json_export_goes_part_by_part_as_labelled_lines() -> None:
    text = as_text(EXPORT)
    assert where(text, "Knee aches after 20 min") == ["Subjective"]
    assert where(text, "LEFS: 64/80") == ["Objective"]
    assert where(text, "Hip control improving") == ["Assessment"]
    assert where(text, "Return-to-run intervals") == ["Plan"]
    drafted = _drafted(text)
    # no quotes or brackets left for the therapist to delete
    assert not any(line.strip() in ("{", "}", "],") or line.startswith('"') for line in drafted)
    assert "Run 5 km without pain in 6 wk." in [line.strip() for line in text.splitlines()]


def test_a_json_export_states_the_values_the_checks_read() -> None:
    assert {fact.render() for fact in extract_facts(json_as_lines(EXPORT))} == {
        fact.render() for fact in extract_facts(EXPORT)
    }


def test_a_note_quoting_one_json_member_is_no_export() -> None:
    note = 'Pt brought the app summary: "steps": 4200 yesterday.\nKnee flexion 110 deg.'
    assert json_as_lines(note) == note


# -- a run-on line of clauses; a label that says when ----------------------------------------------


def test_a_run_on_line_of_clauses_goes_clause_by_clause() -> None:
    note = (
        "Seen 10:00-10:45; pt states the seatbelt is easier; sleeping on L side again; "
        "shoulder flexion AROM 130 deg; capsular end feel;"
    )
    assert where(note, "the seatbelt is easier") == ["Subjective"]
    assert where(note, "sleeping on L side again") == ["Subjective"]
    assert where(note, "shoulder flexion AROM 130 deg") == ["Objective"]
    assert where(note, "capsular end feel") == ["Objective"]


def test_a_semicolon_in_brackets_or_a_labelled_line_parts_nothing() -> None:
    note = "\n".join(
        [
            "Instructed in pacing (keep pace with breath; rest on the landing); walked 150 ft; "
            "BP 124/70; denies chest pain",
            "A: range gaining; ER slowest; tolerating load; no flare",
        ]
    )
    drafted = _drafted(note)
    assert "Instructed in pacing (keep pace with breath; rest on the landing)" in drafted
    assert where(note, "range gaining; ER slowest; tolerating load; no flare") == ["Assessment"]


def test_a_label_that_says_when_keeps_its_words_and_the_opening_decides() -> None:
    note = "Pre-test: pain 3/10 low back, no leg sx.\nPost-test: BP 148/80, HR 104."
    assert where(note, "Pre-test: pain 3/10 low back") == ["Subjective"]
    assert where(note, "Post-test: BP 148/80") == ["Objective"]


# -- a dictation's opener ------------------------------------------------------------------------


def test_an_opener_naming_the_patient_the_session_and_the_day_goes() -> None:
    said = "right so this is Maeve Quigley, aquatic session number six, valentine's day. "
    assert dictation.sentences(said + "pool was ninety two degrees today.") == [
        "Pool was 92 degrees today."
    ]
    assert dictation.sentences(
        "okay so this is Bram, march third, pool day. He says it's better."
    ) == [
        "Pool day.",
        "He says it's better.",
    ]


def test_a_day_said_inside_a_sentence_stays() -> None:
    assert dictation.sentences("She fell on Sunday. Mark 3 on the chart.") == [
        "She fell on Sunday.",
        "Mark 3 on the chart.",
    ]


def test_counts_said_with_their_unit_mark_a_dictation_and_typed_ones_do_not() -> None:
    assert dictation.is_dictated("grip on the left was eleven kilos, three sets of ten")
    assert dictation.is_dictated("okay so this is Hamish, outpatient neuro")
    assert not dictation.is_dictated("Grip L 11 kg. Reaching 3 sets of 10. So this is improving.")


# -- what the patient is back to doing; a tolerance that is measured ------------------------------


def test_what_the_patient_is_back_to_doing_is_what_they_report() -> None:
    note = "\n".join(
        [
            "Back at school half days since 3/2, still skipping PE.",
            "School: 1 class with rest breaks.",
            "Work status: light duty, 4 h shifts.",
        ]
    )
    assert where(note, "Back at school half days") == ["Subjective"]
    assert where(note, "1 class with rest breaks") == ["Subjective"]
    assert where(note, "light duty, 4 h shifts") == ["Subjective"]


def test_a_return_the_clinician_measured_or_a_goal_is_not_a_report() -> None:
    note = "Walked back to the gym 200 ft with cane.\nPlan: return to work trial in 2 wk."
    assert where(note, "Walked back to the gym 200 ft") == ["Objective"]
    assert where(note, "return to work trial in 2 wk") == ["Plan"]


def test_a_tolerance_measured_in_minutes_is_objective_and_a_judged_one_assessed() -> None:
    note = "Positional tolerance: static stoop 4 min, kneel 8 min.\nTolerance: tolerated well."
    assert where(note, "static stoop 4 min") == ["Objective"]
    assert where(note, "tolerated well") == ["Assessment"]


def test_a_part_named_aloud_without_a_pause_opens_it() -> None:
    note = (
        "okay so this is Josee, visit six. hip flexion was one hundred ten degrees. "
        "assessment she's gaining range. plan keep the mobilizations."
    )
    # the name stays as said: the therapist hears the sentence they dictated
    assert where(note, "Assessment she's gaining range") == ["Assessment"]
    assert where(note, "Plan keep the mobilizations") == ["Plan"]


def test_a_sentence_a_part_name_opens_stays_whole() -> None:
    note = "okay so this is Josee, visit six. plan is to add step-downs. gait training ten minutes."
    assert where(note, "Plan is to add step-downs") == ["Plan"]
    assert where(note, "Gait training 10 minutes") == ["Objective"]


def test_a_goal_beside_a_measured_value_does_not_move_it() -> None:
    note = "Positional tolerance: static stoop 4 min (goal 10 min), kneel 8 min."
    assert where(note, "static stoop 4 min") == ["Objective"]


# -- parts stated in the payer's words ------------------------------------------------------------


def test_comorbidities_affecting_the_plan_state_the_complexity() -> None:
    note = "\n".join(
        [
            "Rationale: 2 comorbidities affecting the plan of care (COPD, obesity).",
            "PMH: COPD, obesity.",
        ]
    )
    assert where(note, "2 comorbidities affecting the plan of care", PT_EVAL) == [
        "Evaluation Complexity"
    ]
    # the comorbidities listed are the history
    assert where(note, "COPD, obesity.", PT_EVAL) == ["History"]


def test_visits_attended_are_the_episode_and_attending_school_is_not() -> None:
    note = (
        "Visits: 12 attended of 14 scheduled.\nStatus: attends school full days, stairs with rail."
    )
    assert where(note, "12 attended of 14 scheduled", DISCHARGE) == ["Episode of Care"]
    assert where(note, "attends school full days", DISCHARGE) == ["Functional Status"]


def test_an_interval_label_is_the_interval_history() -> None:
    assert where("INTERVAL: Back at school half days since 3/2.", "Back at school") == [
        "Subjective"
    ]
