"""Round 19, AUDIT: a bare unitless "Total N" is the session's minutes only where it sums
minutes; a form's "Visit #: 11"; a count in a strength sentence is no grade; an outline's
numbers, SBAR's letter-and-name headings, an interview's bracketed speakers and the labels of
symptom behaviour, a story and a discharge in an offline draft (each rule with its twin)."""

from __future__ import annotations

import pytest

from tests.checks.conftest import note_from_text
from tui.core.checks.billing.audit import audit_note
from tui.core.checks.extract import extract_billing
from tui.core.checks.verify.sentences import grades_written
from tui.core.checks.verify.verify import verify
from tui.core.drafting.about_note import about_the_note
from tui.core.drafting.part_marks import named_heading
from tui.core.drafting.placement import _is_label, place_items, split_items

SOAP = ("Subjective", "Objective", "Assessment", "Plan")

# -- bare totals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        # a score table's row of column totals, then the session's keyed total
        (
            "HJHS     R knee  L knee  R ankle\n  Total    3   0   5\n"
            "Ther ex 25 min. Timed 25 min, total 25 min. Billed 97110 x2.",
            25,
        ),
        # a score's items summed in prose, with a percentile after it
        (
            "AIMS: prone 9, supine 7, sitting 5, standing 3; total 24, 25th percentile.\n"
            "Evaluation 45 min. Total treatment time 45 min. Billed 97162 x1.",
            45,
        ),
        # a Berg total written bare, then a session time keyed later
        (
            "Berg items: reach 3, turn 2, tandem 1; total 31 points.\n"
            "NMR 30 min. Session length 30 min. Billed 97112 x2.",
            30,
        ),
    ],
)
def test_a_scores_total_is_no_session_total(text: str, treatment: int) -> None:
    assert extract_billing(text).total_treatment_minutes == treatment


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("Ther ex 20 min\nManual 10 min\nTotal 30\nBilled 97110 x1, 97140 x1.", 30),
        ("Gait training 15 min, ther ex 23 min, total 38. Billed 97116 x1, 97110 x2.", 38),
        ("Ther ex 20 min, NMR 15 min. Total: 35 min. Billed 97110 x1, 97112 x1.", 35),
    ],
)
def test_twin_a_bare_total_under_minutes_is_the_sessions(text: str, treatment: int) -> None:
    assert extract_billing(text).total_treatment_minutes == treatment


def test_twin_a_lone_score_total_is_no_minutes() -> None:
    text = "DCDQ items: throwing 4, catching 3, writing 2; total 9.\nPlan: recheck in 6 wks."
    assert extract_billing(text).total_treatment_minutes is None


# -- the visit number --------------------------------------------------------------------------

BILLED = "Ther ex 30 min. Total timed 30 min; total treatment time 30 min.\nBilled 97110 x2.\n"


@pytest.mark.parametrize("key", ["Visit #: 12", "Visit no.: 12", "Visit number: 12"])
def test_a_forms_visit_number_key_gives_the_visit(key: str) -> None:
    text = (
        f"Patient: Test Person\nDate: 2119-02-01\n{key}\n"
        "Last progress report: visit 1 (initial evaluation)\nPayer: Medicare\n\n"
        "S: knee pain 2/10.\nO: flexion 120 deg.\n" + BILLED
    )
    note = note_from_text(text)
    assert note.visit == 12
    assert "PROGRESS_REPORT_DUE" in [f.code for f in audit_note(note).findings]


def test_twin_a_frequency_after_the_visit_key_is_no_visit() -> None:
    text = "Patient: Test Person\nDate: 2119-02-01\nVisit #: 2x/wk\nPayer: Medicare\n\nS: ok.\n"
    assert note_from_text(text).visit is None


# -- grades in a strength sentence -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hip abductor strengthening; re-test strength in 3 wks.",
        "Strength program 2x/wk, 3 sets of 10.",
        "Quad strength: leg press 4 kg added.",
    ],
)
def test_a_count_in_a_strength_sentence_is_no_grade(text: str) -> None:
    assert grades_written(text) == frozenset()


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("Quad strength 5 bilat.", "5"),
        ("Strength grade 3 in 4 wks was 2.", "3"),
        ("Hip abd strength 4 in sidelying.", "4"),
    ],
)
def test_twin_a_bare_grade_is_still_a_grade(text: str, grade: str) -> None:
    assert grade in grades_written(text)


def test_an_invented_grade_beside_a_plan_in_weeks_is_caught() -> None:
    note = "O: Hip abd MMT R 4-/5.\nP: Hip strengthening; re-test strength in 3 wks."
    draft = "Hip abduction 4-/5 right; hip extension 3/5.\nRe-test strength in 3 weeks."
    assert "3" in [str(fact.value) for fact in verify(note, draft).unsupported]


# -- offline sections ----------------------------------------------------------------------------


def _section_of(note: str, snippet: str) -> list[str]:
    placed = place_items(split_items(note), SOAP)
    return [section for section, lines in placed.items() if any(snippet in x for x in lines)]


def test_an_outline_number_before_a_label_is_taken_off() -> None:
    note = (
        "1. DATA\n 1.1 Client report: leans on the pram handle to walk to the shops.\n"
        " 1.2 Measures: knee flexion 110 deg.\n2. PLAN\n 2.1 Continue 2x/wk.\n"
    )
    assert _section_of(note, "leans on the pram handle") == ["Subjective"]
    assert _section_of(note, "knee flexion 110") == ["Objective"]


def test_twin_a_value_opening_a_line_keeps_its_number() -> None:
    note = "O: knee flexion 110 deg.\n2.5 kg cuff weight for straight leg raises 3 x 10.\n"
    assert any("2.5 kg cuff weight" in x for x in place_items(split_items(note), SOAP)["Objective"])


def test_sbar_letter_and_name_headings() -> None:
    note = (
        "S - SITUATION\nPt reports his legs feel weak.\nB - BACKGROUND\nRetired baker.\n"
        "A - ASSESSMENT\nGrip R 20 kg.\nL - shoulder subluxation 1 fingerbreadth.\n"
        "R - RECOMMENDATION\nOut of bed to chair BID with staff.\n"
    )
    assert _section_of(note, "Out of bed to chair BID") == ["Plan"]
    assert _section_of(note, "Grip R 20 kg") == ["Objective"]


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("R - RECOMMENDATION", "RECOMMENDATION:"),
        ("b: Background", "Background:"),
        ("L - shoulder subluxation 1 fingerbreadth", ""),
        ("S - supervision for toileting", ""),
        ("A - fib controlled", ""),
    ],
)
def test_twin_a_letter_before_other_words_is_no_heading(line: str, heading: str) -> None:
    assert named_heading(line, _is_label) == (heading or line)


def test_a_bracketed_speaker_after_q_and_a() -> None:
    note = "Q (OT): How is school going?\nA (Mum): The teacher lets her use a laptop now.\n"
    assert _section_of(note, "teacher lets her use a laptop") == ["Subjective"]


@pytest.mark.parametrize(
    ("note", "snippet"),
    [
        ("Aggravating factors: stairs, kneeling\nO: flexion 120 deg.", "stairs, kneeling"),
        ("Easing: rest, heat\nO: flexion 120 deg.", "rest, heat"),
        ("O: flexion 120 deg.\nHis calves get heavy after a mile.", "calves get heavy"),
    ],
)
def test_what_the_symptoms_do_is_reported(note: str, snippet: str) -> None:
    assert _section_of(note, snippet) == ["Subjective"]


def test_twin_an_observed_gait_stays_objective() -> None:
    note = "S: pain 2/10.\nGait: step length decreased R, heavy heel strike L.\n"
    assert _section_of(note, "heavy heel strike") == ["Objective"]


# -- round 19, second pass: heldout28's shapes, written anew ------------------------------------


def test_a_metatarsal_head_is_no_manual_therapy() -> None:
    text = "Skin: L 1st MT head red, resolved in 12 min.\nMT 10 min to R shoulder. Billed 97140 x1."
    services = [f for f in extract_billing(text).services if f.cpt == "97140"]
    assert [f.minutes for f in services] == [10]


def test_a_grade_sign_changed_in_a_draft_is_caught() -> None:
    note = "MMT R: hip flexion 3-/5, knee extension 3+/5."
    draft = "MMT right: hip flexion 3+/5, knee extension 3+/5."
    assert "3+" in [str(fact.value) for fact in verify(note, draft).unsupported]


def test_twin_the_same_grade_with_its_sign_is_supported() -> None:
    note = "MMT R: hip flexion 3-/5, knee extension 3+/5."
    draft = "MMT right: hip flexion 3-/5, knee extension 3+/5."
    assert verify(note, draft).unsupported == []


@pytest.mark.parametrize(
    ("line", "about"),
    [
        ("[Auto-transcribed dictation. Job 4411. 02/03/2119 08:15. Not reviewed by author.]", True),
        ("[Voice-transcribed dictation. Ref 22. 10:42.]", True),
        ("[Auto-transcribed dictation. Pain 4/10 at rest.]", False),
        ("[Pain 5/10 on 02/03/2119]", False),
    ],
)
def test_a_transcription_banner_is_the_notes_furniture(line: str, about: bool) -> None:
    assert about_the_note(line) is about


@pytest.mark.parametrize(
    ("note", "snippet", "section"),
    [
        ("O: flexion 110 deg.\nIce 15 min TID after walks.", "Ice 15 min TID", "Plan"),
        (
            "O: flexion 110 deg.\nSock aid ok for now, trial long handled shoe horn.",
            "trial long",
            "Plan",
        ),
        ("S: Takes naproxen 250 mg BID.\nO: flexion 110 deg.", "naproxen 250 mg BID", "Subjective"),
        (
            "O: Pressure map: peak 150 mmHg; trial cushion peak 70 mmHg.",
            "trial cushion",
            "Objective",
        ),
    ],
)
def test_plan_words_and_their_twins(note: str, snippet: str, section: str) -> None:
    assert _section_of(note, snippet) == [section]
