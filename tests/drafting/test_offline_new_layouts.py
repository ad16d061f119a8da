"""Layouts and words nobody wrote the offline drafter against (issue 12, OFF3): a note part that
gathers several topics (DAP's Data, a Response to treatment), a label read by its head noun, a
line of codes under any heading, judgement, history and plan in other words, and dictation's
fillers and framing in new words. Notes of our own, each rule with a twin that must not be read
so."""

from __future__ import annotations

from tests.placing import DISCHARGE, PT_EVAL, SOAP, where
from tui.core.drafting import dictation
from tui.core.drafting.placement import place_items, split_items


def test_a_data_part_sends_what_the_patient_says_to_subjective() -> None:
    note = "\n".join(
        [
            "Data:",
            "Client states the hip aches on waking and eases by lunch.",
            "He has been walking the dog twice a day.",
            "Hip flexion 105 deg, abduction 4-/5.",
        ]
    )
    assert where(note, "hip aches on waking") == ["Subjective"]
    assert where(note, "walking the dog") == ["Subjective"]
    assert where(note, "Hip flexion 105") == ["Objective"]


def test_a_report_under_a_label_of_one_topic_stays_there() -> None:
    # twin: "Impression:" is one topic, so a report opening its line is still the judgement
    note = "Impression: Pt reports fewer flares, consistent with improving load tolerance."
    assert where(note, "fewer flares") == ["Assessment"]


def test_a_response_part_sends_a_measurement_to_objective_and_keeps_a_change() -> None:
    note = "\n".join(
        [
            "Response: Grip 40 lb on the R today, 44 lb on the L.",
            "Response: Wrist extension improved 10 deg after mobilisation.",
            "Response: Settled quickly and asked to continue.",
        ]
    )
    assert where(note, "Grip 40 lb") == ["Objective"]
    assert where(note, "improved 10 deg") == ["Assessment"]  # twin: a change is a judgement
    assert where(note, "Settled quickly") == ["Assessment"]
    placed = place_items(split_items(note), SOAP)
    assert placed["Objective"] == ["Grip 40 lb on the R today, 44 lb on the L."]


def test_a_label_names_its_topic_by_its_head_noun() -> None:
    note = "\n".join(
        [
            "Overall summary: Steady gains in stance time and confidence.",
            "Summary of episode: Seen for a painful hip, now walking without a cane.",
            "Revised goals: Walk 1 km on grass by the end of May.",
        ]
    )
    assert where(note, "Steady gains", DISCHARGE) == ["Assessment"]
    assert where(note, "Seen for a painful hip", DISCHARGE) == ["Assessment"]
    assert where(note, "Walk 1 km on grass", DISCHARGE) == ["Goal Status"]


def test_a_head_noun_that_names_a_measure_or_a_time_is_no_section() -> None:
    # twins: "Balance assessment", "Session total", "Pain today" and a title are not headings
    # of the Assessment, the Billing or the day's treatment
    note = "\n".join(
        [
            "HAND CLINIC FOLLOW-UP",
            "Balance assessment: Berg 44/56, 3 losses of balance on turning.",
            "Pain today: 6/10 after the night shift.",
            "Sit to stand total: 11 in 30 s.",
        ]
    )
    assert where(note, "Berg 44/56") == ["Objective"]
    assert where(note, "6/10 after the night shift") == ["Subjective"]
    assert where(note, "11 in 30 s") == ["Objective"]


def test_a_line_of_codes_goes_to_billing_under_any_heading() -> None:
    note = "\n".join(
        [
            "## Next two weeks",
            "Add dual-task walking; trial a hiking pole outdoors.",
            "97530 x2, 97535 x1",
            "Eval 97163 x1.",
        ]
    )
    assert where(note, "97530 x2, 97535 x1") == ["Billing"]
    assert where(note, "Eval 97163 x1") == ["Billing"]
    assert where(note, "dual-task walking") == ["Plan"]


def test_a_plan_that_names_a_code_stays_in_the_plan() -> None:
    # twin: a next step that names a code is no billing line
    note = "Plan: Add 97530 work simulation next visit if the payer approves."
    assert where(note, "work simulation") == ["Plan"]


def test_judgement_and_next_steps_in_other_words() -> None:
    note = (
        "Dictation. He seems to handle the heavier sled well. Recovery is on schedule for week "
        "eight. Going forward we'll bring in single leg hops. She says the strap is comfortable."
    )
    assert where(note, "handle the heavier sled") == ["Assessment"]
    assert where(note, "on schedule for week 8") == ["Assessment"]
    assert where(note, "single leg hops") == ["Plan"]
    assert where(note, "strap is comfortable") == ["Subjective"]


def test_a_patient_quote_with_i_think_is_what_the_patient_says() -> None:
    # twin: "I think" inside the patient's own words is no judgement of the clinician's
    note = 'Dictation. "I think my arm is looser in the mornings," she says.'
    assert where(note, "my arm is looser") == ["Subjective"]


def test_an_evaluation_s_history_in_other_words() -> None:
    note = (
        "Transcript. Sixty one year old bus driver. Neck stiffness for about three weeks after "
        "a slip on ice. She's got asthma and osteopenia. Blood pressure one forty over ninety. "
        "Spurling test was negative. Plan twice a week for four weeks."
    )
    assert where(note, "Neck stiffness for about 3 weeks", PT_EVAL) == ["History"]
    assert where(note, "asthma and osteopenia", PT_EVAL) == ["History"]
    assert where(note, "Spurling test was negative", PT_EVAL) == ["Tests and Measures"]
    # twin: a stretch of weeks in the plan is the plan's, not the history's
    assert where(note, "twice a week for 4 weeks", PT_EVAL) == ["Plan of Care"]


def test_fillers_in_new_words_go_and_their_look_alikes_stay() -> None:
    assert dictation.sentences("Ah, hip flexion one hundred degrees.") == [
        "Hip flexion 100 degrees."
    ]
    assert dictation.sentences("Basically the knee was sore, like a six out of ten.") == [
        "The knee was sore, a 6 out of 10."
    ]
    assert dictation.sentences("Anyway, moving on, grip twenty kilos.") == ["Grip 20 kg."]
    # twins: the rotations "ER" and "IR", and "like" as a verb, are words of the note
    assert dictation.sentences("ER, IR both forty five degrees.") == ["ER, IR both 45 degrees."]
    assert dictation.sentences("She would like to get back to tennis.") == [
        "She would like to get back to tennis."
    ]


def test_framing_in_new_words_goes_and_a_stop_rule_stays() -> None:
    spoken = (
        "Hello, dictating for Amos Reed, date of service March third. Okay, so Amos. "
        "Voice memo, not proofread. Hip pain two out of ten. Stop the band work if the hip "
        "clicks. That's it, thank you. Okay, stop the recording."
    )
    assert dictation.sentences(spoken) == [
        "Hip pain 2 out of 10.",
        "Stop the band work if the hip clicks.",
    ]


def test_a_heading_said_with_its_word_and_a_recording_remark_go() -> None:
    assert dictation.sentences("Section plan. Three times a week.") == [
        "Plan.",
        "3 times a week.",
    ]
    assert dictation.sentences("(recorded on phone, unedited) she reports less pain.") == [
        "She reports less pain."
    ]
    # twins: "heading" as a verb and a remark that says nothing of the recording stay
    assert dictation.sentences("Heading to the coast for two weeks on Friday.") == [
        "Heading to the coast for 2 weeks on Friday."
    ]
    assert dictation.sentences("(per surgeon) no lifting over ten pounds.") == [
        "(per surgeon) no lifting over 10 lb."
    ]


def test_a_spoken_heading_with_its_word_places_what_follows() -> None:
    note = "Dictation. Heading subjective. Slept through the night twice this week. Um."
    assert where(note, "Slept through the night") == ["Subjective"]


def test_a_letter_with_the_name_it_stands_for_takes_that_name() -> None:
    note = "P (problem): stiffness getting out of the car; R knee gives way on kerbs."
    assert where(note, "stiffness getting out of the car") == ["Subjective"]
    # twin: the same letter without a name is the Plan
    assert where("P: review kerb strategy next visit.", "review kerb strategy") == ["Plan"]


def test_what_someone_reports_and_the_clinician_s_impression_by_their_opening() -> None:
    note = (
        "Mrs. Obi came in with her son, who says that she has stopped using the stair lift. "
        "My impression is that quad strength now supports stairs with one rail. "
        "Knee flexion 118 deg."
    )
    assert where(note, "stopped using the stair lift") == ["Subjective"]
    assert where(note, "quad strength now supports stairs") == ["Assessment"]
    assert where(note, "Knee flexion 118") == ["Objective"]


def test_a_heading_said_inside_a_phrase_opens_its_section() -> None:
    note = (
        "Transcript. Under the subjective part, he's been icing twice a day. For objective, "
        "grip forty kilos. Moving on to the plan, add wrist curls."
    )
    assert where(note, "icing twice a day") == ["Subjective"]
    assert where(note, "Grip 40 kg") == ["Objective"]
    assert where(note, "Add wrist curls") == ["Plan"]
    placed = place_items(split_items(note), SOAP)
    assert "Under the subjective part" not in " ".join(placed["Subjective"])


def test_a_phrase_that_frames_no_heading_stays_a_sentence() -> None:
    # twin: "For the next two weeks, ..." names no section: the sentence keeps its words
    note = "Transcript. For the next two weeks, we will continue the same plan."
    placed = place_items(split_items(note), SOAP)
    assert "For the next 2 weeks, we will continue the same plan." in placed["Plan"]


def test_a_discharge_said_without_headings_by_its_words() -> None:
    note = (
        "Okay, discharge summary for Nadia. Um, she was seen ten times over six weeks. She now "
        "walks without a cane on any surface. Her stair goal has been met. She is being "
        "discharged because she met her goals. She will keep up the bridges at home. She "
        "should follow up with her surgeon in June. That's the end of the summary."
    )
    assert where(note, "seen 10 times over 6 weeks", DISCHARGE) == ["Episode of Care"]
    assert where(note, "walks without a cane", DISCHARGE) == ["Functional Status"]
    assert where(note, "stair goal has been met", DISCHARGE) == ["Goal Status"]
    assert where(note, "discharged because", DISCHARGE) == ["Reason for Discharge"]
    assert where(note, "bridges at home", DISCHARGE) == ["Home Exercise Program"]
    assert where(note, "follow up with her surgeon", DISCHARGE) == ["Recommendations and Follow-up"]
    placed = place_items(split_items(note), DISCHARGE)
    said = " ".join(line for lines in placed.values() for line in lines)
    assert "summary for Nadia" not in said
    assert "end of the summary" not in said


def test_a_daily_note_keeps_those_words_in_its_own_sections() -> None:
    # twin: a SOAP note has none of a discharge's sections, so the same words stay S/O/A/P
    note = "Pt reports she walks without a cane at home now.\nGait 0.9 m/s without a cane."
    assert where(note, "walks without a cane at home") == ["Subjective"]
    assert where(note, "Gait 0.9 m/s") == ["Objective"]


def test_a_quoted_line_is_read_as_its_words() -> None:
    note = "> Player check-in: hamstring tight after Saturday's match, no pain when jogging.\n"
    note += "> 90 deg knee flexion needed for cycling.\n"
    assert where(note, "hamstring tight after Saturday") == ["Subjective"]
    # twin: a line that opens with "> 90" keeps its "greater than"
    placed = place_items(split_items(note), SOAP)
    assert any(line.startswith("> 90 deg") for lines in placed.values() for line in lines)


def test_a_layout_s_letters_mean_what_that_layout_says() -> None:
    note = "\n".join(
        [
            "A - Says the knee locks on stairs. Knee flexion 115 deg.",
            "P - Reduced knee flexion limiting stair descent.",
            "I - Step-downs 3x10, quad sets; ther ex 20 min.",
            "E - Locking eased after mobilisation.",
        ]
    )
    assert where(note, "knee locks on stairs") == ["Subjective"]
    assert where(note, "Knee flexion 115") == ["Objective"]
    assert where(note, "Reduced knee flexion limiting") == ["Assessment"]
    assert where(note, "Locking eased") == ["Assessment"]


def test_soap_letters_keep_their_meaning_beside_other_letters() -> None:
    # twin: a SOAP note that also writes "I:" and "E:" lines is no APIE note
    note = "\n".join(
        [
            "S: Knee locks on stairs.",
            "O: Knee flexion 115 deg.",
            "A: Reduced flexion limits stair descent.",
            "P: Add step-downs next visit.",
            "I: Quad sets 3x10.",
            "E: Handout on stair strategy given.",
        ]
    )
    assert where(note, "Reduced flexion limits") == ["Assessment"]
    assert where(note, "Add step-downs") == ["Plan"]


def test_an_sbar_assessment_is_sorted_by_its_words() -> None:
    note = "\n".join(
        [
            "Situation: Daughter reports he has been more confused since Sunday.",
            "Background: R TKA 10 days ago.",
            "Assessment: BP 100/58 standing. Needed mod A for bed to chair.",
            "Assessment: Limited by low blood pressure more than by knee pain.",
            "Recommendation: Notify the RN; recheck BP before gait next visit.",
        ]
    )
    assert where(note, "more confused since Sunday") == ["Subjective"]
    assert where(note, "BP 100/58 standing") == ["Objective"]
    assert where(note, "mod A for bed to chair") == ["Objective"]
    assert where(note, "Limited by low blood pressure") == ["Assessment"]
    assert where(note, "Notify the RN") == ["Plan"]
