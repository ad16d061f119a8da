"""Dictated notes made into statements (issue 12): spoken punctuation written as marks, fillers
and framing removed, a speaker's corrections applied, spoken headings followed. Each note has
a twin that must not be changed the same way."""

from __future__ import annotations

from tests.placing import where
from tui.core.drafting import dictation
from tui.core.drafting.placement import split_items


def test_spoken_punctuation_is_written_as_marks() -> None:
    line = "Hip flexion ninety degrees comma abduction thirty full stop new paragraph Gait fine"
    assert dictation.sentences(line) == [
        "Hip flexion 90 degrees, abduction 30.",
        "Gait fine.",
    ]
    # twin: "period" and "colon" as nouns stay words
    said = "Over the reporting period she lost weight after sigmoid colon surgery"
    assert dictation.sentences(said) == [said + "."]


def test_a_spoken_colon_after_a_heading_is_a_colon() -> None:
    assert dictation.spoken_marks("Plan colon see her Thursday") == "Plan: see her Thursday"
    # twin: "colon" deep in a sentence is the organ
    said = "She had a resection of part of the transverse colon in March"
    assert dictation.spoken_marks(said) == said


def test_fillers_and_hesitations_leave_no_trace() -> None:
    line = "Um, she walked, uh, let's see, two hundred feet with the, you know, cane."
    assert dictation.sentences(line) == ["She walked 200 feet with the cane."]
    # twin: "see" and "know" as real verbs stay
    assert dictation.sentences("She wants to see her grandson and know her exercises.") == [
        "She wants to see her grandson and know her exercises."
    ]


def test_a_word_said_twice_is_written_once() -> None:
    assert dictation.sentences("She has no, no pain at rest.") == ["She has no pain at rest."]
    # twin: different words in a row are all kept
    assert dictation.sentences("No new pain at rest.") == ["No new pain at rest."]


def test_how_the_note_was_recorded_is_not_a_statement() -> None:
    note = "(Voice memo, transcribed automatically)\nUm she reports pain a three out of ten.\n"
    items = [item.text for item in split_items(note)]
    assert items == ["She reports pain a 3 out of 10."]
    # twin: a bracketed clinical remark stays
    typed = "(seen with interpreter)\nPain 3/10.\n"
    assert "(seen with interpreter)" in [item.text for item in split_items(typed)]


def test_which_note_it_is_and_for_whom_is_framing_whatever_the_note_is_called() -> None:
    """ "Okay um this is the daily note for Kwame Oduya visit number four." was kept as an
    Objective statement: the header already says the document, the patient and the visit."""
    for opening in (
        "Okay um this is the daily note for Kwame Oduya visit number four.",
        "So this is the weekly progress report for Ines Ferro.",
        "This is a home health visit note for Arlo Brandt, visit six.",
    ):
        said = f"{opening}\nshe reports pain three out of ten.\n"
        assert [item.text for item in split_items(said)] == ["She reports pain 3 out of 10."]
    # twin: a sentence about the note's content that names no patient stays
    kept = "This is the third visit for the new brace fitting.\npain three out of ten.\n"
    assert len(split_items(kept)) == 2


def test_a_correction_keeps_only_the_corrected_value_in_the_draft() -> None:
    said = dictation.sentences("Knee flexion one ten, sorry, make that one fifteen degrees.")
    assert said == ["Knee flexion 115 degrees."]
    # twin: "sorry" about something else is not a correction and keeps both numbers
    twin = dictation.sentences("Sorry she was late, knee flexion one fifteen degrees today.")
    assert twin == ["Sorry she was late, knee flexion 115 degrees today."]


def test_a_heading_said_aloud_sends_the_sentences_after_it() -> None:
    note = (
        "okay um assessment. She is progressing as expected. No red flags today.\n"
        "plan comma two more weeks then reassess.\n"
    )
    assert where(note, "No red flags today") == ["Assessment"]
    assert where(note, "more weeks then reassess") == ["Plan"]
    # twin: a sentence whose own words say where it goes is not pulled under the heading
    said = "okay um objective. Knee flexion ninety degrees. She reports it feels stiff.\n"
    assert where(said, "She reports it feels stiff") == ["Subjective"]


def test_a_sentence_opening_with_a_topic_word_is_not_a_heading() -> None:
    note = "um so plan continue twice weekly period billing ninety seven one ten times two\n"
    assert where(note, "Plan continue twice weekly") == ["Plan"]
    # twin: the heading alone is a heading, and leaves nothing of itself in the draft
    items = [item.text for item in split_items("um okay plan.\nUh continue twice weekly.\n")]
    assert items == ["Continue twice weekly."]
