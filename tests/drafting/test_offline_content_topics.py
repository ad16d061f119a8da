"""A statement's words name its section when the Skill has a section of that topic's own
(issue 12, OFF): grasp, legibility, classroom, visual-motor, methods, precautions, rationale.
Notes of our own; each class with a twin that must not be placed so. A Summary the note leaves
to the clinician stays [not documented]: the drafter never writes an assessment."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tui.core.checks.verify.verify import verify
from tui.core.context import load_context
from tui.core.drafting.content_topics import content_section, content_topics, own_section
from tui.core.drafting.offline import NOT_DOCUMENTED, OfflineBackend
from tui.core.drafting.placement import place_items, split_items
from tui.core.intake.notes import parse_note_bytes
from tui.core.prompt import build_prompt
from tui.core.resources import example_context
from tui.core.skills.registry import load_registry

REGISTRY = load_registry()
CTX = load_context(example_context())


def _sections(skill_id: str) -> tuple[str, ...]:
    skill = REGISTRY.get(skill_id)
    assert skill is not None
    return tuple(skill.sections)


def _where(note: str, snippet: str, skill_id: str) -> list[str]:
    placed = place_items(split_items(note), _sections(skill_id))
    return [section for section, lines in placed.items() if any(snippet in line for line in lines)]


def _placed(note: str, skill_id: str) -> dict[str, list[str]]:
    return place_items(split_items(note), _sections(skill_id))


# A school note under a title that labels nothing finer than "handwriting".
SCHOOL = """# Handwriting screen, 25 min, library + OT room

- Holds the pencil in a thumb-wrap grasp, wrist hooked; sits slumped with feet off the floor.
- Writes 11 of 20 letters legibly on near-point copy; spacing between words absent.
- Beery VMI visual perception subtest standard score 79.
- Classroom aide says she rarely finishes spelling worksheets before the bell.
- Tires after 6 min and rests her head on the desk.
"""


def test_a_lines_words_name_its_section_under_a_title() -> None:
    assert _where(SCHOOL, "thumb-wrap grasp", "handwriting_report") == ["Posture and Grasp"]
    assert _where(SCHOOL, "11 of 20 letters", "handwriting_report") == ["Handwriting Performance"]
    assert _where(SCHOOL, "Beery VMI", "handwriting_report") == [
        "Visual-Motor and Fine Motor Skills"
    ]
    assert _where(SCHOOL, "spelling worksheets", "handwriting_report") == [
        "Classroom Participation"
    ]
    # words of no topic: under the title's topic, as before
    assert _where(SCHOOL, "Tires after 6 min", "handwriting_report") == ["Handwriting Performance"]


def test_twin_a_skill_without_those_sections_places_by_its_own_rules() -> None:
    """The same lines drafted as a SOAP note: no "Posture and Grasp" to go to, and no line lost."""
    placed = _placed(SCHOOL, "soap_note")
    assert "Posture and Grasp" not in placed
    assert any("thumb-wrap grasp" in line for lines in placed.values() for line in lines)
    assert not any("Handwriting screen" in line for lines in placed.values() for line in lines)


def test_twin_a_heading_as_written_keeps_its_lines() -> None:
    """ "## Impressions" is a label as written, and the report has its section (Summary): a
    judgement that names grasp and letters stays the clinician's summary."""
    note = SCHOOL + "\n## Impressions\nGrasp and letter formation limit written output in class.\n"
    assert _where(note, "limit written output", "handwriting_report") == ["Summary"]


def test_twin_a_labelled_line_keeps_its_label() -> None:
    note = "Visual-motor: copies a triangle; pencil grasp static tripod.\n"
    assert _where(note, "copies a triangle", "handwriting_report") == [
        "Visual-Motor and Fine Motor Skills"
    ]


def test_a_title_that_says_how_the_child_was_seen_is_the_methods() -> None:
    assert _where(
        SCHOOL, "Handwriting screen, 25 min, library + OT room", "handwriting_report"
    ) == ["Evaluation Methods"]


def test_twin_a_title_without_method_words_labels_nothing() -> None:
    note = SCHOOL.replace("# Handwriting screen, 25 min, library + OT room", "# Handwriting review")
    placed = _placed(note, "handwriting_report")
    assert placed["Evaluation Methods"] == []
    assert not any("review" in line for lines in placed.values() for line in lines)


def test_twin_a_heading_as_written_is_no_methods_statement() -> None:
    note = "## Evaluation methods\n- Classroom observation and a work sample.\n"
    placed = _placed(note, "handwriting_report")
    assert placed["Evaluation Methods"] == ["Classroom observation and a work sample."]


HEP = """Changes to home program this visit:
- sidelying ER with 1 lb 3x12
- shoulder flexion AROM 128 deg, ER 40 deg
- pain 4/10 reaching overhead
- no lifting over 10 lb with the R arm until cleared by surgeon
"""


def test_a_programs_restriction_and_deficit_find_their_sections() -> None:
    assert _where(HEP, "no lifting over 10 lb", "hep_clinical") == ["Precautions"]
    assert _where(HEP, "AROM 128 deg", "hep_clinical") == ["Rationale"]
    assert _where(HEP, "pain 4/10 reaching", "hep_clinical") == ["Rationale"]


def test_twin_a_dose_or_a_criterion_is_no_rationale() -> None:
    """A pain limit an exercise is done within, or an exercise's dose with a range, is the
    exercise's line, not the deficit the program targets."""
    note = HEP + "- step-downs 2x8 when knee pain < 3/10\n- table slides 3x10 to 120 deg flexion\n"
    assert _where(note, "step-downs 2x8", "hep_clinical") == ["Exercises"]
    assert _where(note, "table slides 3x10", "hep_clinical") == ["Exercises"]
    assert _where(note, "sidelying ER with 1 lb", "hep_clinical") == ["Exercises"]


def test_under_a_label_for_the_whole_program_the_words_decide() -> None:
    note = (
        "HEP issued today:\n- clamshells 2x15 red band\n- no pivoting on the R knee until cleared\n"
    )
    assert _where(note, "clamshells", "hep_clinical") == ["Exercises"]
    assert _where(note, "no pivoting", "hep_clinical") == ["Precautions"]


def test_twin_under_a_label_as_written_the_label_decides() -> None:
    note = "Exercises:\n- no jumping rope, hop drills instead 3x20\n"
    assert _where(note, "hop drills", "hep_clinical") == ["Exercises"]


def _draft(note_text: str, skill_id: str) -> str:
    skill = REGISTRY.get(skill_id)
    assert skill is not None
    note = parse_note_bytes(Path("2026-11-06_doe-sam.md"), note_text.encode())
    prompt = build_prompt(CTX, skill, note)
    return asyncio.run(OfflineBackend().draft(prompt, lambda _t: None)).text


def _section_text(draft: str, heading: str) -> str:
    return draft.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0].strip()


def test_a_summary_the_note_leaves_to_the_clinician_stays_not_documented() -> None:
    draft = _draft(SCHOOL, "handwriting_report")
    assert _section_text(draft, "Summary") == NOT_DOCUMENTED
    assert _section_text(draft, "Reason for Referral") == NOT_DOCUMENTED
    assert _section_text(draft, "Posture and Grasp") != NOT_DOCUMENTED


SENSORY = """# Sensory observation, 40 min, home visit + parent interview

- Sensory Profile 2 caregiver questionnaire completed by father.
- Teacher reports he leaves circle time when the class sings.
"""


def test_the_methods_and_participation_of_a_sensory_report() -> None:
    assert _where(SENSORY, "Sensory observation, 40 min", "sensory_processing_report") == [
        "Evaluation Methods"
    ]
    assert _where(SENSORY, "caregiver questionnaire", "sensory_processing_report") == [
        "Evaluation Methods"
    ]
    assert _where(SENSORY, "leaves circle time", "sensory_processing_report") == [
        "Impact on Participation"
    ]


# One line per content topic, in words of its own; the twin is a line of none of them.
TOPIC_LINES = {
    "methods": "Work samples collected from three subjects.",
    "participation": "Rarely completes homework assignments on time.",
    "precautions": "Do not bend past 90 degrees at the hip.",
    "rationale": "Hip abduction MMT 3+/5 on the left.",
    "posture": "Sits with a slumped posture at the desk.",
    "handwriting": "Letter reversals in 6 of 20 words.",
    "visual_motor": "Cutting along a curved line with scissors, off by 1 cm.",
    "client_factors": "Sensation to light touch diminished in the R thumb.",
    "reason": "Referred by her GP after two falls on the stairs.",
    "training": "Taught the daughter to use the transfer bench safely.",
    "episode": "Seen 9 visits over 6 weeks for a frozen shoulder.",
    "functional_status": "Now climbs a full flight without a rail.",
    "discharge_reason": "Discharged because she moved to another city.",
    "home_program": "Will keep up the band rows at home.",
    "recommendations": "Follow up with her GP about the night cramps.",
    "goal_status": "The stair goal has been met.",
    "history": "Since the last report she had a cortisone injection.",
}
NO_TOPIC = "Enjoys drawing dinosaurs with his brother."


@pytest.mark.parametrize("skill_id", sorted(REGISTRY.skills))
def test_every_skill_places_each_topic_line_in_its_own_section(skill_id: str) -> None:
    """Every Skill of the library: a line of a topic goes to the topic's own section where
    the Skill has one; a line of no topic is named by no topic's words."""
    sections = _sections(skill_id)
    note = "\n".join(f"- {line}" for line in (*TOPIC_LINES.values(), NO_TOPIC)) + "\n"
    placed = place_items(split_items(note), sections)
    for topic in content_topics():
        own = own_section(topic, sections)
        if own is not None:
            assert TOPIC_LINES[topic.name] in placed[own], (skill_id, topic.name)
    assert content_section(NO_TOPIC, sections) is None, skill_id


PROGRESS = """Patient: Mira Solberg
MRN: 771204
Date: 2027-02-12
Visit: 12
Last progress report: visit 5
Discipline: PT
Payer: Medicare
Diagnosis: R ACL reconstruction 10/30/2026, Z98.890
Skill: progress_report

- single-leg squat to 60 deg without valgus
- hop test 84% of L
"""


def _header_draft(note_text: str, skill_id: str) -> tuple[str, str]:
    skill = REGISTRY.get(skill_id)
    assert skill is not None
    note = parse_note_bytes(Path("2027-02-12_solberg-mira.txt"), note_text.encode())
    prompt = build_prompt(CTX, skill, note)
    return note.text, asyncio.run(OfflineBackend().draft(prompt, lambda _t: None)).text


def test_a_reports_period_from_its_header_and_the_draft_verifies() -> None:
    note, draft = _header_draft(PROGRESS, "progress_report")
    assert _section_text(draft, "Reporting Period") == "- Visits 6 to 12 (2027-02-12)."
    assert verify(note, draft, CTX.measures).clean


def test_twin_an_evaluation_at_visit_one_opens_the_period() -> None:
    _, draft = _header_draft(PROGRESS.replace("visit 5", "visit 1"), "progress_report")
    assert _section_text(draft, "Reporting Period") == "- Visits 1 to 12 (2027-02-12)."


def test_twin_no_last_report_in_the_header_leaves_the_period_not_documented() -> None:
    _, draft = _header_draft(
        PROGRESS.replace("Last progress report: visit 5\n", ""), "progress_report"
    )
    assert _section_text(draft, "Reporting Period") == NOT_DOCUMENTED


def test_twin_a_period_the_note_states_is_the_notes_own() -> None:
    _, draft = _header_draft(PROGRESS + "Reporting period: visits 6-12\n", "progress_report")
    assert _section_text(draft, "Reporting Period") == "- Reporting period: visits 6-12"


def test_a_medical_history_the_note_leaves_empty_gives_the_header_diagnosis() -> None:
    note = PROGRESS.replace("progress_report", "ot_initial_eval").replace("PT", "OT")
    text, draft = _header_draft(note, "ot_initial_eval")
    assert _section_text(draft, "Medical History") == (
        "- Diagnosis: R ACL reconstruction 10/30/2026, Z98.890."
    )
    assert verify(text, draft, CTX.measures).clean
    # never an assessment: the note judges nothing
    assert _section_text(draft, "Assessment") == NOT_DOCUMENTED


def test_twin_a_medical_history_the_note_gives_is_kept_alone() -> None:
    note = PROGRESS.replace("progress_report", "ot_initial_eval") + "PMH: HTN, T2DM\n"
    _, draft = _header_draft(note, "ot_initial_eval")
    assert _section_text(draft, "Medical History") == "- PMH: HTN, T2DM"


def test_an_exercises_next_step_is_its_progression_too() -> None:
    note = "Home program:\n- bridges 2x10, advance to single-leg bridge once 2x15 is easy\n"
    placed = _placed(note, "hep_clinical")
    assert placed["Exercises"] == ["bridges 2x10, advance to single-leg bridge once 2x15 is easy"]
    assert placed["Progression Criteria"] == [
        "bridges: advance to single-leg bridge once 2x15 is easy"
    ]


def test_twin_a_step_with_no_condition_or_no_section_is_not_copied() -> None:
    unconditional = "Home program:\n- step-ups 2x10, progress to 6 inch step next visit\n"
    assert _placed(unconditional, "hep_clinical")["Progression Criteria"] == []
    conditional = "- bridges 2x10, advance to single-leg bridge once 2x15 is easy\n"
    placed = _placed(conditional, "soap_note")
    assert sum(len(lines) for lines in placed.values()) == 1


def test_a_rating_of_pain_is_a_client_factor_of_an_ot_evaluation() -> None:
    note = "- Reports pain 5/10 when lifting the kettle.\n- Lives alone, drives.\n"
    assert _where(note, "pain 5/10", "ot_initial_eval") == ["Client Factors"]


def test_twin_a_soap_note_keeps_the_patients_report_in_subjective() -> None:
    note = "- Reports pain 5/10 when lifting the kettle.\n"
    assert _where(note, "pain 5/10", "soap_note") == ["Subjective"]
