"""Round 9 (issue 12, OFF): a line typed in lower case is read sentence by sentence, and what a
clinician concludes from the findings (how symptoms behave, what limits, what is emerging or
still needed) is the Assessment even with no number or label. Each rule with a twin."""

from __future__ import annotations

from tests.placing import SOAP, where
from tui.core.drafting.placement import split_items


def test_a_lower_case_line_is_read_sentence_by_sentence() -> None:
    note = "resident seen in gym. knee pain 2/10 today. bp 128/72 hr 68 before session."
    texts = [item.text for item in split_items(note)]
    assert texts == [
        "resident seen in gym.",
        "knee pain 2/10 today.",
        "bp 128/72 hr 68 before session.",
    ]
    assert where(note, "knee pain 2/10 today") == ["Subjective"]
    # twin: an abbreviation that goes on parts nothing
    note = "ther ex approx. eight min e.g. bridges and marches."
    assert [item.text for item in split_items(note)] == [note]


def test_a_capitalised_line_keeps_its_lower_case_full_stops() -> None:
    # twin: a line opening in capitals keeps its rule (a sentence opens with a capital)
    note = "Gait w/ RW x 150 ft. cga on turns."
    assert [item.text for item in split_items(note)] == [note]


def test_what_the_clinician_concludes_is_the_assessment() -> None:
    for said in (
        "symptoms centralising with traction.",
        "orthostasis still limits upright tolerance.",
        "balance reactions emerging, still wide base.",
        "safe with the cane indoors, not yet outdoors.",
        "Good carryover of one-handed technique.",
    ):
        assert where(said, said[:12], SOAP) == ["Assessment"], said
    # twins: a test's response and a range within limits are measured
    assert where("Repeated extension in standing centralized.", "Repeated") == ["Objective"]
    assert where("Cervical AROM within functional limits.", "Cervical AROM") == ["Objective"]


def test_a_conclusion_label_is_the_assessment() -> None:
    note = "conclusion: overhead lifting is the limiting demand for return to work."
    assert where(note, "overhead lifting") == ["Assessment"]


def test_how_a_symptom_has_gone_is_what_the_patient_reports() -> None:
    assert where("Reports one spin in bed. Nausea gone.", "Nausea gone") == ["Subjective"]
    # twin: a finding with the same word is measured
    assert where("Nystagmus gone after the second Epley.", "Nystagmus gone") == ["Objective"]
