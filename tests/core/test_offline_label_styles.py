"""Labels written short or with unusual marks (issue 12): "Interval hx", "Revised POC",
"Thinking//", "S)", "SX:", a flowsheet's pain row. Each note has a twin that must not move."""

from __future__ import annotations

from tests.placing import where
from tui.core.drafting.placement import topic_of

REEVAL = (
    "Reason for Re-evaluation",
    "Interval History",
    "Tests and Measures",
    "Revised Plan of Care",
)


def test_short_words_in_a_label_are_read_in_full() -> None:
    assert topic_of("Interval hx") == "history"
    assert topic_of("Revised POC") == "plan"
    note = "Interval hx: cycling 20 km twice a week.\nRevised POC: 1x/wk, add hopping.\n"
    assert where(note, "cycling 20 km", REEVAL) == ["Interval History"]
    assert where(note, "add hopping", REEVAL) == ["Revised Plan of Care"]
    # twin: a word that only contains a short form is not expanded ("Txt" is not treatment)
    assert topic_of("Txt from pt") == ""


def test_a_soap_letter_closed_by_a_bracket_labels_its_line() -> None:
    note = "S) Knee aches 3/10 on stairs.\nO) Flexion 0-120 deg.\n"
    assert where(note, "Knee aches 3/10") == ["Subjective"]
    # twin: a list numbered with letters is not SOAP ("a) ...", "b) ...")
    assert where("a) Flexion 0-120 deg.\n", "Flexion 0-120") == ["Objective"]


def test_a_label_closed_by_two_slashes() -> None:
    note = "Thinking// Extension lag resolving, on track for return to running.\n"
    assert where(note, "Extension lag resolving") == ["Assessment"]
    # twin: a date or a ratio with slashes is not a label
    assert where("Knee flexion 118 deg on 7/14//pt pleased.\n", "Knee flexion 118") == ["Objective"]


def test_symptoms_labelled_sx_are_what_the_patient_reports() -> None:
    note = "SX: headache 2/10, PCSS 18 (of 132).\nO: VOMS provoked 3/10 dizziness.\n"
    assert where(note, "PCSS 18") == ["Subjective"]
    # twin: a symptom provoked during testing is objective
    assert where(note, "VOMS provoked") == ["Objective"]


def test_a_rating_said_aloud_and_a_pain_row_with_its_scale() -> None:
    said = (
        "Okay so her back is about a 4 today, better than Monday. Lumbar flexion seventy degrees.\n"
    )
    assert where(said, "back is about a 4 today") == ["Subjective"]
    row = "Pain - current\t6\t0-10\nLumbar flexion\t70\tdeg\n"
    assert where(row, "Pain - current") == ["Subjective"]
    # twin: a measurement with a range beside it is objective
    assert where(row, "Lumbar flexion") == ["Objective"]


def test_a_response_to_treatment_is_judgement_and_teaching_is_treatment() -> None:
    note = "She feels less stiff after the mobilisations.\nTaught log roll for bed mobility.\n"
    assert where(note, "less stiff after") == ["Assessment"]
    assert where(note, "Taught log roll") == ["Objective"]
    # twin: what she feels at home, with no treatment, is what she reports
    assert where("She feels stiff every morning.\n", "stiff every morning") == ["Subjective"]
