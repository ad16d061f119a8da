"""Markdown tables whose cells are emphasised and whose row names give their unit (issue 12,
round 9): under a caption in centimetres, "| **Composite %** | **96** | **91** |" is a row of
percentages, the bold marks layout only; a caption's unit may be listed first in its bracket
("Y-Balance (cm, limb length 88 cm)"). Each reading has a twin that must not be read that way."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact

TABLE = (
    "| Reach | R | L |\n"
    "|---|---|---|\n"
    "| Anterior | 61 | 57 |\n"
    "| **Composite %** | **95** | **90** |\n"
)


def facts_of(text: str) -> list[Fact]:
    return extract_facts(text)


CAPTION = "## Reach test (cm, leg length 90 cm)\n\n"


def test_bold_cells_in_a_percent_row_read_as_percentages() -> None:
    # the caption's unit is the other rows'; the row's name gives this one's
    found = {(fact.value, fact.unit) for fact in facts_of(CAPTION + TABLE)}
    assert (95, "%") in found and (90, "%") in found


def test_bold_cells_in_a_percent_row_are_no_scores() -> None:
    # the twin: "composite" names a score of many tests, but this row's unit says percent
    assert not any(fact.kind == "outcome" for fact in facts_of(CAPTION + TABLE))


def test_a_caption_listing_its_unit_first_gives_the_rows_their_unit() -> None:
    found = {(fact.value, fact.unit) for fact in facts_of(CAPTION + TABLE)}
    assert (61, "cm") in found and (57, "cm") in found


def test_a_length_in_the_captions_bracket_is_not_a_value() -> None:
    # the twin: the leg length after the unit describes the test, it is no reading
    assert 90 not in {fact.value for fact in facts_of(CAPTION + TABLE) if fact.unit == "cm"}
