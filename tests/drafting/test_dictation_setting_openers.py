"""A dictation that opens by naming the kind of note or the setting ("This is a PT treatment
note, post-op day one", "okay so this is OT, acute rehab day three"): the opening words go,
what the note says stays; a sentence that only happens to start "this is" is kept."""

from __future__ import annotations

from tui.core.drafting.dictation import sentences


def test_kind_of_note_is_dropped_and_the_rest_kept() -> None:
    said = "This is an OT daily note, hospital day three. Patient says she slept well."
    assert sentences(said) == [
        "Hospital day 3.",
        "Patient says she slept well.",
    ]


def test_opening_words_before_the_discipline_or_visit_go() -> None:
    assert sentences("Um okay so this is PT on the step-down unit, bed nine.") == [
        "PT on the step-down unit, bed 9."
    ]
    assert sentences("Alright this is visit two of eight, twice a week.") == [
        "Visit 2 of 8, twice a week."
    ]


def test_twin_a_sentence_that_starts_this_is_is_kept() -> None:
    assert sentences("This is the first time she walked to the bathroom.") == [
        "This is the first time she walked to the bathroom."
    ]
