"""Offline drafts of notes by other hands (issue 12, OFF4): each class of a misplaced line or a
kept filler is drawn wide and tested on sentences of our own, each rule with a twin that must
not be read so."""

from __future__ import annotations

from tui.core.drafting import dictation

PT_EVAL = (
    "History",
    "Systems Review",
    "Tests and Measures",
    "Evaluation Complexity",
    "Assessment",
    "Goals",
    "Plan of Care",
    "Billing",
)
REEVAL = (
    "Reason for Re-evaluation",
    "Interval History",
    "Tests and Measures",
    "Assessment",
    "Goals",
    "Revised Plan of Care",
    "Billing",
)
PROGRESS = (
    "Reporting Period",
    "Subjective",
    "Objective Comparison",
    "Goal Status",
    "Assessment",
    "Plan",
    "Billing",
)


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
    # a value taken back is the checks' to settle: only the marker goes here
    assert dictation.sentences(
        "Steps on the eight inch box. No wait, it was the six inch box."
    ) == [
        "Steps on the 8 inch box.",
        "It was the 6 inch box.",
    ]
    # twin: "sorry" that takes nothing back stays
    assert dictation.sentences("She was sorry to miss Monday.") == ["She was sorry to miss Monday."]
