"""Headings written in the ways therapists really write them (issue 12, OFF): SOAP letters with
any mark, a heading that opens its paragraph with a full stop, an export's dotted field names,
bold and underlined headings, OT shorthand labels. Notes of our own; each with a twin that must
not be read as a heading."""

from __future__ import annotations

from tests.placing import OT_EVAL, PROGRESS, PT_EVAL, SOAP, where
from tui.core.checks.extract import extract_facts
from tui.core.drafting import dictation
from tui.core.drafting.placement import place_items, split_items


def test_soap_letters_with_dash_tilde_double_colon_and_full_stop() -> None:
    note = "\n".join(
        [
            "S- shoulder aches after reaching overhead at work.",
            "O~ flexion 140 deg, scaption 4/5.",
            "A:: tolerating load better than last week.",
            "P. progress to overhead press next visit.",
        ]
    )
    assert where(note, "aches after reaching") == ["Subjective"]
    assert where(note, "scaption 4/5") == ["Objective"]
    assert where(note, "tolerating load better") == ["Assessment"]
    assert where(note, "overhead press next visit") == ["Plan"]


def test_a_letter_alone_on_its_line_opens_its_section() -> None:
    note = (
        "O:\nSeated march 2x10.\nA.\nLess guarding with transfers than on Monday.\nP.\nSee Friday."
    )
    assert where(note, "Less guarding") == ["Assessment"]
    assert where(note, "See Friday") == ["Plan"]


def test_a_dash_word_after_a_letter_is_no_soap_heading() -> None:
    # twin: "A-fib" and "S/P" open a line without being the Assessment or Subjective letter
    note = "O: HR 88 irregular.\nA-fib noted in chart, rate controlled.\nS/P R TKA 6 wks."
    assert "Assessment" not in where(note, "rate controlled")
    placed = place_items(split_items(note), SOAP)
    assert any(line.startswith("S/P R TKA") for lines in placed.values() for line in lines)


def test_a_heading_that_opens_its_paragraph_with_a_full_stop() -> None:
    note = "\n\n".join(
        [
            "Background. Mr. Okafor is a 70-year-old retired bus driver with a R TKA on 3/2.",
            "Systems review. Resting BP 142/84, HR 70. Skin intact.",
            "Tests and measures. R knee flexion 98 deg. TUG 15.2 s with cane.",
            "Complexity. Moderate (97162): two comorbidities, stable presentation.",
            "Impression. Stiffness and quad weakness limit stairs; good potential.",
            "Goals. Knee flexion 115 deg and TUG under 12 s in 6 weeks.",
            "Plan of care. 2x/week for 6 weeks: ROM, strengthening, stair training.",
            "Billing. 97162 x1; 97110 x1 (12 min).",
        ]
    )
    assert where(note, "Resting BP 142/84", PT_EVAL) == ["Systems Review"]
    assert where(note, "TUG 15.2 s", PT_EVAL) == ["Tests and Measures"]
    assert where(note, "Moderate (97162)", PT_EVAL) == ["Evaluation Complexity"]
    assert where(note, "Stiffness and quad weakness", PT_EVAL) == ["Assessment"]
    assert where(note, "TUG under 12 s", PT_EVAL) == ["Goals"]
    assert where(note, "ROM, strengthening", PT_EVAL) == ["Plan of Care"]
    assert where(note, "97162 x1", PT_EVAL) == ["Billing"]
    # the heading is the section's: the draft does not say it again
    placed = place_items(split_items(note), PT_EVAL)
    assert placed["History"][0].startswith("Mr. Okafor is a 70-year-old")
    assert placed["Systems Review"][0].startswith("Resting BP")


def test_a_sentence_opened_by_a_title_or_a_word_is_no_heading() -> None:
    # twin: "Dr." and "Headaches." end with a full stop but name no section: the text stays
    note = "History:\nDr. Lin cleared full weight bearing on 3/20. Headaches. Worse on screens."
    placed = place_items(split_items(note), PT_EVAL)
    assert "Dr. Lin cleared full weight bearing on 3/20." in placed["History"]
    assert "Headaches." in placed["History"]


def test_bold_with_full_stop_underscores_and_underlined_headings() -> None:
    note = "\n".join(
        [
            "__Subjective__",
            "Sleeping through the night now.",
            "Objective",
            "=========",
            "Grip R 22 kg.",
            "**Response.** Fatigued by the end but no pain increase.",
            "**Next.** Add putty pinches.",
        ]
    )
    assert where(note, "Sleeping through") == ["Subjective"]
    assert where(note, "Grip R 22 kg") == ["Objective"]
    assert where(note, "Fatigued by the end") == ["Assessment"]
    assert where(note, "Add putty pinches") == ["Plan"]


def test_an_exports_dotted_field_names_label_their_lines() -> None:
    note = "\n".join(
        [
            "visit.room: 3",
            "subjective.main_concern: neck stiff on waking",
            "objective.cervical_rot_R: 55 deg",
            "assessment.summary: stiffness easing with mobility work",
            "plan.next: add thoracic extension over roll",
        ]
    )
    assert where(note, "neck stiff on waking") == ["Subjective"]
    assert where(note, "cervical rot R: 55 deg") + where(note, "cervical_rot_R: 55") == [
        "Objective"
    ]
    assert where(note, "stiffness easing") == ["Assessment"]
    assert where(note, "thoracic extension over roll") == ["Plan"]


def test_a_tilde_between_a_heading_and_its_text() -> None:
    note = (
        "Subjective ~ ankle throbs after long shifts 5/10.\nAssessment ~ swelling now limiting DF."
    )
    assert where(note, "ankle throbs") == ["Subjective"]
    assert where(note, "swelling now limiting DF") == ["Assessment"]
    # twin: a tilde before a number is "about", not a heading's mark
    assert where("O: walked ~300 ft with rollator.", "walked ~300 ft") == ["Objective"]


def test_spoken_marks_are_one_list_for_drafter_and_checks() -> None:
    # the drafter writes every mark the shared list names, "semicolon" included ...
    assert dictation.spoken_marks("Grip twenty kilos semicolon pinch six") == (
        "Grip twenty kilos; pinch six"
    )
    # ... and the checks never read a spoken mark as part of a test's name
    facts = [
        fact.render() for fact in extract_facts("Objective colon stair climb test 14 seconds.")
    ]
    assert facts == ["stair climb test 14 s"]
    # twin: a dash said as a noun ("the 40-yard dash") stays a word
    said = "He ran the shuttle dash in gym class"
    assert dictation.spoken_marks(said) == said


def test_ot_shorthand_labels_find_their_sections() -> None:
    note = "\n".join(
        [
            "OT EVAL",
            "OP: 58 y/o chef, lives alone, wants to return to the line.",
            "PMH: DM2, R carpal tunnel release 2025.",
            "Perf: cutting vegetables 10 min then drops knife; dressing indep.",
            "CF:",
            "  Box & Block R 41, L 55.",
            "  Cog: intact, follows multi-step recipe.",
            "PS/PP: rushes sequencing under time pressure; works 12 h shifts.",
        ]
    )
    assert where(note, "58 y/o chef", OT_EVAL) == ["Occupational Profile"]
    assert where(note, "cutting vegetables", OT_EVAL) == ["Occupational Performance"]
    assert where(note, "Box & Block R 41", OT_EVAL) == ["Client Factors"]
    assert where(note, "follows multi-step recipe", OT_EVAL) == ["Client Factors"]
    assert where(note, "rushes sequencing", OT_EVAL) == ["Performance Skills and Patterns"]
    # twin: "CF" inside a sentence labels nothing
    note = "Perf: CF clinic letter reviewed; dressing indep."
    assert where(note, "CF clinic letter", OT_EVAL) == ["Occupational Performance"]


def test_a_titles_remark_that_says_why_is_the_reason() -> None:
    sections = ("Reason for Re-evaluation", "Interval History", "Tests and Measures", "Plan")
    note = "RE-EVAL (referred by the insurer: decide on more visits)\nTests:\nGrip R 30 kg."
    assert where(note, "decide on more visits", sections) == ["Reason for Re-evaluation"]
    # twin: a title's remark that only says where is no reason
    note = "OT RE-EVAL (outpatient hand clinic)\nTests:\nGrip R 30 kg."
    assert "Reason for Re-evaluation" not in where(note, "outpatient hand clinic", sections)


def test_what_staff_or_family_report_is_subjective() -> None:
    note = "Per nursing, slept poorly and refused breakfast.\nPer wife he is using the cane."
    assert where(note, "slept poorly") == ["Subjective"]
    assert where(note, "using the cane") == ["Subjective"]
    # twin: an order "per" the surgeon is not a report
    assert "Subjective" not in where("Per protocol, ROM 0-90 deg until wk 6.", "ROM 0-90")


def test_vitals_are_measured_and_retesting_is_planned() -> None:
    note = (
        "Dictated. She says the dizziness is better, um, comma, mostly in the mornings. "
        "Blood pressure standing was 128 over 80 after three minutes. "
        "Re-test the Dix-Hallpike next visit."
    )
    assert where(note, "Blood pressure standing was 128") == ["Objective"]
    assert where(note, "Re-test the Dix-Hallpike") == ["Plan"]
    assert where(note, "dizziness is better") == ["Subjective"]


def test_a_recommended_frequency_is_the_plan_whatever_its_label() -> None:
    sections = ("Tests and Measures", "Assessment", "Plan of Care")
    note = "Interpretation: below job demand for lifting. Work hardening recommended, 3x/wk x 4 wk."
    assert where(note, "below job demand", sections) == ["Assessment"]
    assert where(note, "Work hardening recommended", sections) == ["Plan of Care"]
    # twin: a frequency that was done, not recommended, stays where its label puts it
    assert where("Interpretation: attended 3x/wk as planned.", "attended", sections) == [
        "Assessment"
    ]


def test_dictation_without_headings_sorts_each_sentence_by_what_it_says() -> None:
    note = (
        "Recording for Lena Haas, visit seven. She says her wrist aches after typing, "
        "maybe a three out of ten. Past history of gout, on allopurinol. Blood pressure "
        "one twenty eight over seventy six. Grip right eighteen kilos. Complexity is low. "
        "She tolerated putty work well and is on track. Next visit add wrist curls."
    )
    assert where(note, "wrist aches after typing", PT_EVAL) == ["History"]
    # a statement that opens with a label's word is no spoken heading: nothing is lost
    assert where(note, "Past history of gout, on allopurinol.", PT_EVAL) == ["History"]
    assert where(note, "Blood pressure 128/76", PT_EVAL) == ["Systems Review"]
    assert where(note, "Grip right 18 kg", PT_EVAL) == ["Tests and Measures"]
    assert where(note, "Complexity is low", PT_EVAL) == ["Evaluation Complexity"]
    assert where(note, "tolerated putty work", PT_EVAL) == ["Assessment"]
    assert where(note, "add wrist curls", PT_EVAL) == ["Plan of Care"]
    assert where(note, "Visit 7") == []
    # twin: in a SOAP note vitals are measured, and a spoken heading still opens its section
    assert where(note, "Blood pressure 128/76") == ["Objective"]
    said = "Dictated. Um, assessment, she is on track. Plan, add wrist curls."
    assert where(said, "She is on track") == ["Assessment"]
    assert where(said, "Add wrist curls") == ["Plan"]


def test_a_label_may_name_who_reported_with_a_title() -> None:
    note = "**Caregiver report (Mrs. Osei):** he naps after lunch now.\nO: Sit to stand 5x, 14 s."
    assert where(note, "he naps after lunch") == ["Subjective"]
    # twin: a sentence naming a doctor is no label
    note = "O: Sit to stand 5x, 14 s.\nDr. Osei reviewed the x-ray: hardware intact."
    assert "Subjective" not in where(note, "hardware intact")


EQUIPMENT = (
    "Request",
    "Diagnoses and History",
    "Functional Limitations",
    "Assessment Findings",
    "Equipment Trials and Alternatives",
    "Recommended Equipment",
    "Medical Necessity",
    "Training and Follow-up",
)


def test_seating_and_equipment_lines_find_their_sections() -> None:
    note = "\n".join(
        [
            "Dx/Hx: ALS dx 2026, uses a transport chair.",
            "Limitations: cannot reposition in bed or chair; transfers max A x2.",
            "Equipment recommended: hospital bed with alternating pressure mattress.",
            "Justification: unable to turn, Braden 12, prior heel wound.",
        ]
    )
    assert where(note, "ALS dx 2026", EQUIPMENT) == ["Diagnoses and History"]
    assert where(note, "cannot reposition", EQUIPMENT) == ["Functional Limitations"]
    assert where(note, "alternating pressure mattress", EQUIPMENT) == ["Recommended Equipment"]
    assert where(note, "Braden 12", EQUIPMENT) == ["Medical Necessity"]
    # twin: "w/c" in a line about what was done is no equipment label
    assert where("O: w/c skills: curb 4 in w/ SBA.", "curb 4 in") == ["Objective"]


def test_a_titles_reason_goes_to_the_profile_when_there_is_no_reason_section() -> None:
    note = "OT EVALUATION (referred by her surgeon for hand function)\nOP: 41 y/o violinist."
    assert where(note, "Referred by her surgeon", OT_EVAL) == ["Occupational Profile"]


def test_a_progress_reports_goals_under_a_dashed_heading_are_goal_status() -> None:
    note = "\n".join(
        [
            "Progress report covering: 09/01/2027 - 10/06/2027 (visits 1-10)",
            "Subj/Obj: She states she can carry the laundry basket now. "
            "Shoulder flex 150 deg (initial 100).",
            "Goals \u2014",
            "  1. Flexion 160 deg: not met, 150 today.",
            "  2. Sleep on R side - ongoing.",
            "Summary: steady gains; overhead endurance still low.",
        ]
    )
    assert where(note, "09/01/2027 - 10/06/2027", PROGRESS) == ["Reporting Period"]
    assert where(note, "carry the laundry basket", PROGRESS) == ["Subjective"]
    assert where(note, "Shoulder flex 150 deg", PROGRESS) == ["Objective Comparison"]
    assert where(note, "Flexion 160 deg: not met", PROGRESS) == ["Goal Status"]
    assert where(note, "Sleep on R side - ongoing", PROGRESS) == ["Goal Status"]
    assert where(note, "steady gains", PROGRESS) == ["Assessment"]
    # twin: a dash inside a line is no heading's mark
    note = "Goal Status:\nFlexion 160 deg: not met.\nPlan - continue 2x/wk."
    assert where(note, "continue 2x/wk", PROGRESS) == ["Plan"]


def test_a_line_that_opens_with_a_label_word_loses_nothing() -> None:
    # "Plan continue HEP": a statement opened by a label's word, not a heading to drop
    note = "Objective Findings\nflex 100 deg\nPlan continue HEP and add bike\nSUBJ knee stiff in am"
    assert where(note, "flex 100 deg") == ["Objective"]
    assert where(note, "Plan continue HEP and add bike") == ["Plan"]
    assert where(note, "SUBJ knee stiff in am") == ["Subjective"]
    # twin: the same words as a label alone on the line open the section
    note = "Plan\ncontinue HEP\nSubjective:\nknee stiff"
    assert where(note, "continue HEP") == ["Plan"]
    assert where(note, "knee stiff") == ["Subjective"]


def test_headings_with_double_dash_equals_html_underline_and_inline_letters() -> None:
    assert where("Subjective -- knee stiff\nPlan -- add bike", "knee stiff") == ["Subjective"]
    assert where("S = knee stiff\nA = slow gains", "slow gains") == ["Assessment"]
    assert where("<u>Objective</u>\nflex 100 deg", "flex 100 deg") == ["Objective"]
    note = "S: knee stiff O: flex 100 deg A: slow gains P: add bike"
    assert where(note, "flex 100 deg") == ["Objective"]
    assert where(note, "add bike") == ["Plan"]
    # twin: a capital letter and a colon inside a sentence of another label splits nothing
    note = "O: Grade A: no laxity on Lachman."
    assert where(note, "Grade A: no laxity") == ["Objective"]


def test_a_label_that_says_when_lets_a_report_go_to_subjective() -> None:
    note = "Today: seated in recliner, alert. Per daughter she slept well. Sit to stand min A."
    assert where(note, "Per daughter she slept well") == ["Subjective"]
    assert where(note, "Sit to stand min A") == ["Objective"]
    note = "Today: seated in recliner, alert. Pain 4/10 with transfers."
    assert where(note, "Pain 4/10 with transfers") == ["Subjective"]
    # twin: under a label that says what, the label still decides, unless the statement says
    # someone reports it (see test_r9_reported_under_exam_headings)
    note = "Objective: seated in recliner, alert. Pain 4/10 with transfers."
    assert where(note, "Pain 4/10 with transfers") == ["Objective"]


def test_a_letter_and_full_stop_is_a_heading_only_where_the_note_writes_letters_so() -> None:
    note = "S. knee better.\nO. flex 120 deg.\nA. on track.\nP. add step-ups."
    assert where(note, "on track") == ["Assessment"]
    # twin: one organism's initial opening a line is no Subjective heading
    note = "Wound: culture grew\nS. aureus, sensitive to cephalexin.\nP: dressing 3x/wk."
    placed = place_items(split_items(note), SOAP)
    assert not any(line.startswith("aureus") for lines in placed.values() for line in lines)
