"""Scales written as rows of check boxes (issue 12, voices): the ticked box is the value, the
empty boxes are no values. Twins: a ticked band ("[x]5-6") and a row of boxes with words are
not read as a number."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.text.numbers import normalize

_HEAD = "Patient: Ottoline Varga\nDate: 2031-08-04\n\n"


def _pain(text: str) -> list[object]:
    return [f.value for f in extract_facts(_HEAD + text) if f.kind == "pain"]


def test_the_ticked_box_of_a_row_is_the_rating_and_the_empty_ones_are_nothing() -> None:
    assert _pain("Pain now: [ ]0 [ ]1 [ ]2 [x]3 [ ]4 [ ]5 [ ]6 [ ]7 [ ]8 [ ]9 [ ]10\n") == [3]
    assert _pain("Pain at worst:  ( ) 0  ( ) 2  ( ) 4  (X) 6  ( ) 8  ( ) 10\n") == [6]
    assert _pain("Pain now: \u2610 0 \u2610 2 \u2611 4 \u2610 6 \u2610 8 \u2610 10\n") == [4]


def test_a_ticked_band_or_no_tick_says_no_value() -> None:
    # twins: a band is not one value, and a row with nothing ticked has none
    assert _pain("Pain worst: [ ]0-2 [ ]3-4 [x]5-6 [ ]7-8 [ ]9-10\n") == []
    assert _pain("Pain now: [ ]0 [ ]1 [ ]2 [ ]3\n") == []


def test_boxes_with_words_are_left_as_written() -> None:
    text = "Sleep: [x] better  [ ] same  [ ] worse"
    assert normalize(text).text == text


def test_a_rating_closing_a_line_is_not_rated_by_the_next_lines_word() -> None:
    # "Sleep" opening the next line does not make the pain rating a sleep rating; twin: a
    # word after the rating on its own line still says what is rated
    assert _pain("Pain at worst: 8/10\nSleep: better\n") == [8]
    labels = [f.label for f in extract_facts(_HEAD + "Rated 6/10 fatigue after stairs.\n")]
    assert labels and "fatigue" in labels[0]
