"""Offline drafts of notes by other hands (issue 12, OFF4): each class of a misplaced line or a
kept filler is drawn wide and tested on sentences of our own, each rule with a twin that must
not be read so."""

from __future__ import annotations

from tests.placing import PROGRESS, PT_EVAL, REEVAL, SOAP, where
from tui.core.drafting import dictation
from tui.core.drafting.markup import as_text
from tui.core.drafting.placement import place_items, split_items

# -- "This is ...": one rule for the kind of note and whom it is for ----------------------------


def test_a_name_after_any_kind_of_note_frames_the_sentence() -> None:
    for said in (
        "uh so this is the pool session for Ines Halvorsen, visit five.",
        "Okay, this is the aquatic follow-up for Ines Halvorsen.",
        "this is the home visit for Ines Halvorsen, third visit.",
        "Okay so this is Ines Halvorsen, daily note.",
    ):
        assert dictation.sentences(said) == [], said


def test_what_is_said_about_the_patient_after_the_name_stays() -> None:
    assert dictation.sentences(
        "okay this is Piet Anand, visit nine, he's forty, drives a bus."
    ) == ["He's 40, drives a bus."]
    assert dictation.sentences("This is Piet Anand's note, he's a keen cyclist.") == [
        "He's a keen cyclist."
    ]
    assert dictation.sentences("This is a home visit note, she was up and dressed.") == [
        "She was up and dressed."
    ]


def test_a_kind_said_with_a_judgement_or_a_reason_is_not_framing() -> None:
    # twins: the complexity and the reason are what the clinician concluded
    assert dictation.sentences("This is a moderate complexity eval, two comorbidities.") == [
        "This is a moderate complexity eval, 2 comorbidities."
    ]
    assert dictation.sentences("This is a re-evaluation because the surgeon asked.") == [
        "This is a re-evaluation because the surgeon asked."
    ]
    assert dictation.sentences("This is the first time she used the stairs.") == [
        "This is the first time she used the stairs."
    ]


# -- fillers: a word searched for, words taken back ----------------------------------------------


def test_the_speaker_looking_for_a_word_is_a_filler() -> None:
    assert dictation.sentences("We used the, what do you call it, the sock aid.") == [
        "We used the sock aid."
    ]
    assert dictation.sentences("He did the, what's it called, the ABC scale.") == [
        "He did the ABC scale."
    ]
    # twin: a question about what something is called is the patient's words
    assert dictation.sentences("She asked what the exercise is called.") == [
        "She asked what the exercise is called."
    ]


def test_words_taken_back_go_and_the_words_said_again_stay() -> None:
    assert dictation.sentences("She managed it on her first try, wait no, on the second try.") == [
        "She managed it on the second try."
    ]
    assert dictation.sentences("Her left wrist, no wait, right wrist was puffy.") == [
        "Her right wrist was puffy."
    ]
    # a marker opening a sentence that says no phrase of the one before goes alone
    assert dictation.sentences("Steps on the box. No wait, it was a bench.") == [
        "Steps on the box.",
        "It was a bench.",
    ]
    # twin: "sorry" that takes nothing back stays
    assert dictation.sentences("She was sorry to miss Monday.") == ["She was sorry to miss Monday."]


# -- what the patient reports, however it is written ---------------------------------------------


def test_a_symptom_the_patient_rates_is_what_they_report() -> None:
    note = "\n".join(
        [
            "Burning along the scar 5/10 at night.",
            "Dizziness 2/10 turning in bed.",
            "Calf soreness 3/10 after the stairs.",
            "Grip R 18 kg.",
        ]
    )
    assert where(note, "Burning along the scar") == ["Subjective"]
    assert where(note, "Dizziness 2/10") == ["Subjective"]
    assert where(note, "Calf soreness") == ["Subjective"]
    assert where(note, "Grip R 18 kg") == ["Objective"]


def test_a_count_out_of_ten_is_no_symptom_rating() -> None:
    # twin: a score of trials beside a symptom word is measured
    note = "Tingling test: sensation intact 9/10 sites on the R hand."
    assert where(note, "sensation intact") == ["Objective"]


def test_a_report_named_after_it_is_what_someone_reports() -> None:
    note = "\n".join(
        [
            "Data:",
            "- Up twice a night to the toilet (per daughter).",
            "- Skipped the evening walk most days, as per pt.",
            "- Lost his balance on the curb according to his wife.",
            "- TUG 15.1 s with cane.",
        ]
    )
    for said in ("Up twice a night", "Skipped the evening walk", "Lost his balance"):
        assert where(note, said) == ["Subjective"], said
    assert where(note, "TUG 15.1 s") == ["Objective"]


def test_an_order_per_a_clinician_is_not_a_report() -> None:
    # twin: "per MD", "per protocol" say whose order it follows
    note = "Wean the brace at 6 wk per MD.\nBegin resisted pinch at 8 wk per protocol."
    assert "Subjective" not in where(note, "Wean the brace")
    assert "Subjective" not in where(note, "Begin resisted pinch")


def test_a_label_naming_who_speaks_and_what_they_do_is_a_report() -> None:
    note = "\n".join(
        [
            "Runner says: ran 4 x 8 min intervals Sat, shin quiet.",
            "Coach reported: no limp at practice.",
            "Hop test L 140 cm.",
        ]
    )
    assert where(note, "ran 4 x 8 min intervals") == ["Subjective"]
    assert where(note, "no limp at practice") == ["Subjective"]
    # twin: a label of a measure that holds a verb-like word is no report
    assert where("Step-down analysis: R valgus on 20 cm box.", "R valgus") == ["Objective"]


def test_an_analysis_label_is_a_measure_not_the_assessment() -> None:
    note = "Video gait analysis: R hip drop at midstance, cadence 160 spm."
    assert where(note, "R hip drop") == ["Objective"]
    # twin: the note's own Analysis heading is its judgement
    assert where("Analysis: hip control limits longer runs.", "hip control") == ["Assessment"]


# -- headings written with the time they cover ---------------------------------------------------


def test_a_heading_with_its_time_frame_opens_its_section() -> None:
    note = "\n".join(
        [
            "ASSESSMENT",
            "Stiff for 6 wk post-op, typical.",
            "GOALS (by 10 wks)",
            "Reach a shoulder-height shelf without pain.",
            "PLAN — next 8 wks",
            "PROM to AAROM per protocol.",
        ]
    )
    assert where(note, "shoulder-height shelf", PT_EVAL) == ["Goals"]
    assert where(note, "PROM to AAROM", PT_EVAL) == ["Plan of Care"]
    assert where(note, "next 8 wks", PT_EVAL) == ["Plan of Care"]
    assert where(note, "GOALS (by 10 wks)", PT_EVAL) == ["Goals"]


def test_a_title_with_a_remark_that_names_no_time_opens_nothing() -> None:
    # twin: "CARDIOPULMONARY PT - exercise session" is the note's title, not a Systems heading
    note = "\n".join(
        ["CARDIOPULMONARY PT - exercise session", "No chest pain or palpitations.", "HR 70."]
    )
    assert where(note, "No chest pain") == ["Subjective"]


# -- a question label, a timed test, referral and history said in a SOAP note -------------------


def test_a_why_label_is_the_reason_where_the_document_has_one() -> None:
    note = "Why now: slipped on ice 1/12, surgeon asked for a re-check.\nKnee flexion 101 deg."
    assert where(note, "slipped on ice", REEVAL) == ["Reason for Re-evaluation"]
    # twin: a daily note has no reason section; the why is the judgement there
    assert where(note, "slipped on ice") == ["Assessment"]


def test_a_timed_test_is_measured_not_billed() -> None:
    note = "Timed up and go 16.0 s with cane.\nTimed 30 min, total 40 min."
    assert where(note, "Timed up and go", PT_EVAL) == ["Tests and Measures"]
    # twin: timed minutes are the billing
    assert where(note, "Timed 30 min", PT_EVAL) == ["Billing"]


def test_referral_work_and_what_eases_it_are_what_the_patient_tells() -> None:
    note = "\n".join(
        [
            "Referred by her GP after two weeks of neck spasm.",
            "Works as a dental hygienist, leans over patients all day.",
            "Worse after long clinic days, better with heat.",
            "Cervical rotation L 60 deg.",
        ]
    )
    for said in ("Referred by her GP", "Works as a dental hygienist", "Worse after long clinic"):
        assert where(note, said) == ["Subjective"], said
    assert where(note, "Cervical rotation") == ["Objective"]
    # twin: "better" comparing with last week is no report of what eases it
    assert "Subjective" not in where("Gait pattern better than last week.", "Gait pattern")


# -- a line set in under a labelled line goes on with it -----------------------------------------


def test_lines_set_in_under_a_goal_stay_with_the_goal() -> None:
    note = "\n".join(
        [
            "Goal 1 - ties shoes independently",
            "    Baseline: needs hand-over-hand",
            "    Probes 2 of 5, 3 of 5, 4 of 5",
            "    Status: progressing",
            "Teacher reports fewer meltdowns at dismissal.",
            "Beery VMI standard score 88.",
        ]
    )
    for said in ("needs hand-over-hand", "Probes 2 of 5", "Status: progressing"):
        assert where(note, said, PROGRESS) == ["Goal Status"], said
    # twin: a line at the margin after the goal is placed by its own words
    assert where(note, "fewer meltdowns", PROGRESS) == ["Subjective"]
    assert where(note, "Beery VMI", PROGRESS) == ["Objective Comparison"]


# -- EHR exports: a form's leader dots, a tab after a label, comma-separated rows ----------------


def test_a_part_label_with_leader_dots_opens_its_part() -> None:
    note = "\n".join(
        [
            "Nursing report.......: no falls overnight, ate half of lunch",
            "Berg.................: 31/56",
            "IMPRESSION...........: transfers improving, endurance limits gait.",
            "NEXT STEPS...........: progress gait to 150 ft.",
        ]
    )
    assert where(note, "no falls overnight") == ["Subjective"]
    assert where(note, "transfers improving") == ["Assessment"]
    assert where(note, "progress gait to 150 ft") == ["Plan"]
    # twin: a measure's row keeps its dots (the checks read its value by them)
    assert where(note, "Berg.................: 31/56") == ["Objective"]


def test_a_tab_after_a_part_label_separates_it_like_a_colon() -> None:
    note = "ASSESSMENT\tLeaks less with cough; endurance still limits standing.\nPLAN\tAdd jumping."
    assert where(note, "endurance still limits") == ["Assessment"]
    assert where(note, "Add jumping") == ["Plan"]


def test_an_exported_row_goes_to_the_part_its_first_field_names() -> None:
    note = "\n".join(
        [
            '"Section","Item","Value","Comment"',
            '"Subjective","Chief complaint","knee stiff after sitting",""',
            '"Objective","Hop for distance","R 120 cm","L 150 cm"',
            '"Assessment","Impression","hop LSI 80 %, below cut-off",""',
            '"Charges","1","97112","Neuromuscular re-education"',
        ]
    )
    assert where(note, "knee stiff after sitting") == ["Subjective"]
    # a record is written as the checks read it, so the draft's values are the note's
    assert where(note, "Hop for distance: R 120 cm; L 150 cm") == ["Objective"]
    assert where(note, "hop LSI 80 %") == ["Assessment"]
    assert where(note, "Neuromuscular re-education") == ["Billing"]
    # the column names are layout, and the part's name is the section's, not the line's
    placed = [line for lines in _placed(note).values() for line in lines]
    assert not any('"Section"' in line or line.startswith('"Subjective"') for line in placed)


def test_a_charge_export_is_billing_with_its_header() -> None:
    note = "\n".join(
        [
            "P: continue 2x/wk.",
            "units,cpt,modifier,minutes,description",
            "2,97110,GP,25,Therapeutic exercise",
            "1,97140,GP,10,Manual therapy",
        ]
    )
    assert where(note, "units,cpt,modifier") == ["Billing"]
    assert where(note, "2,97110,GP,25") == ["Billing"]
    # twin: a sentence with commas is no exported row
    assert where("Knee stiff, sore, swollen, worse at night.", "Knee stiff") == ["Subjective"]


def _placed(note: str) -> dict[str, list[str]]:
    return place_items(split_items(note), SOAP)


# -- a note pasted as HTML or RTF is drafted from its text ---------------------------------------


def test_an_html_note_is_drafted_from_the_text_it_shows() -> None:
    note = "\n".join(
        [
            "<p><strong>HAND CLINIC &ndash; DAILY NOTE</strong></p>",
            "<ul><li>Pain: 3/10 &amp; stiff mornings</li></ul>",
            "<table><tr><td>Grip</td><td>R 20 kg</td></tr></table>",
            "<p><strong>ASSESSMENT</strong> Grip gains slow; scar adhesion limits fist.</p>",
            "<p><strong>PLAN</strong> Add putty, 2&times;/wk.</p>",
        ]
    )
    text = as_text(note)
    assert "- Pain: 3/10 & stiff mornings" in text.splitlines()
    assert "ASSESSMENT: Grip gains slow; scar adhesion limits fist." in text.splitlines()
    # a table row is a pipe row of its cells, as the checks read it: no tag is left
    assert "| Grip | R 20 kg |" in text.splitlines()
    assert "<td>" not in text
    assert where(text, "scar adhesion limits fist") == ["Assessment"]
    assert where(text, "Add putty, 2×/wk") == ["Plan"]


def test_an_rtf_note_is_drafted_from_the_text_it_shows() -> None:
    note = (
        "{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\fs22 {\\b GOAL STATUS}\\par\n"
        "\\bullet  Knee flexion 120{\\'b0}: MET\\par\n}"
    )
    assert as_text(note).splitlines() == ["GOAL STATUS", "- Knee flexion 120°: MET"]


def test_a_note_that_mentions_a_tag_is_not_markup() -> None:
    # twin: angle brackets in a typed note are its words
    note = "Pain <3/10 at rest.\nHR <100 throughout <b> noted once."
    assert as_text(note) == note


# -- a note's title ------------------------------------------------------------------------------


def _all_lines(note: str) -> list[str]:
    return [line for lines in _placed(note).values() for line in lines]


def test_a_title_naming_the_setting_or_visit_is_left_out() -> None:
    for title in (
        "HAND CLINIC — 4th visit (post-op wk 5)",
        "Spine clinic f/u",
        "Home health OT - visit 6",
        "GAIT LAB -- TREATMENT ENCOUNTER (Part A)",
    ):
        note = f"{title}\nS: wrist ache 2/10.\nO: grip R 15 kg."
        assert not any(title.split()[0] in line for line in _all_lines(note)), title


def test_a_title_keeps_a_remark_that_says_more() -> None:
    note = "AQUATIC PT (pool 91°F, chest depth)\nS: knees 3/10."
    assert "Pool 91°F, chest depth" in _all_lines(note)


def test_a_first_line_that_is_a_statement_or_names_a_measure_stays() -> None:
    # twins: a sentence, a short statement, and a title naming the test its values belong to
    for first in (
        "OT session went well today",
        "Pt seen in clinic, tolerated session well.",
        "PULMONARY REHAB - 6 MINUTE WALK",
    ):
        note = f"{first}\nDistance 320 m."
        assert any(first.rstrip(".") in line for line in _all_lines(note)), first


def test_a_next_step_after_the_judgement_is_the_plan() -> None:
    note = (
        "Summary: gains in tolerance, flexion bias still needed. Continue 1x/wk x 3 wk. "
        "Will add bike intervals."
    )
    assert where(note, "gains in tolerance", PROGRESS) == ["Assessment"]
    assert where(note, "Continue 1x/wk x 3 wk", PROGRESS) == ["Plan"]
    assert where(note, "Will add bike intervals", PROGRESS) == ["Plan"]
    # twins: a goal said with "will", and the judgement that opens the line, stay
    goal = "Assessment: on track. Pt will walk 150 ft without a device."
    assert where(goal, "Pt will walk 150 ft") == ["Assessment"]
    assert where("Assessment: continued gains in grip.", "continued gains") == ["Assessment"]


def test_a_sentence_that_says_a_phrase_again_corrects_the_one_before() -> None:
    said = "Step-ups on the eight-inch box. No wait, it was the six-inch box. Then gait."
    assert dictation.sentences(said) == ["Step-ups on the 6-inch box.", "Then gait."]
    # twin: a value the checks read is theirs to settle; the drafter takes nothing back
    said = "Grip was twenty kilos. No wait, it was twenty two kilos."
    assert dictation.sentences(said) == ["Grip was 20 kg.", "It was 22 kg."]


# -- a table stays a table -----------------------------------------------------------------------


def test_a_table_goes_whole_to_the_section_its_rows_belong_to() -> None:
    note = "\n".join(
        [
            "S: no giving way.",
            "",
            "| Measure | Wk 4 | Today |",
            "|---|---|---|",
            "| Knee flexion (deg) | 110 | 128 |",
            "| Quad index (%) | 58 | 70 |",
            "",
            "A: quad still lagging.",
        ]
    )
    placed = _placed(note)
    table = "\n".join(note.splitlines()[2:6])
    assert placed["Objective"] == [table]
    assert where(note, "no giving way") == ["Subjective"]


def test_a_table_whose_rows_part_ways_is_placed_row_by_row() -> None:
    # twin: an export table holding the note's parts goes row by row, as the checks read it
    note = "\n".join(
        [
            "ITEM\tVALUE",
            "Oswestry (ODI)\t38",
            "ASSESSMENT\tcentralising with extension",
            "PLAN\tadd traction next visit",
            "Charges\t97110 x2",
        ]
    )
    assert where(note, "centralising with extension") == ["Assessment"]
    assert where(note, "add traction next visit") == ["Plan"]
