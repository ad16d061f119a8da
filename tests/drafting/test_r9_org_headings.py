"""Org-mode headings (issue 12, round 9 OFF): two stars or more and a space open a section as
"##" does ("** S", "*** Objective"); bold text and a label set between stars are no heading."""

from __future__ import annotations

from tests.placing import SOAP, where
from tui.core.drafting.placement import place_items, split_items


def test_org_headings_of_letters_open_their_sections() -> None:
    note = "* Jaw clinic :: v4\n** S\n- Clicking on opening.\n** O\n- Max incisal opening 38 mm."
    assert where(note, "Max incisal opening 38 mm") == ["Objective"]
    assert where(note, "Clicking on opening") == ["Subjective"]


def test_org_headings_three_deep_with_words() -> None:
    note = "** 2046-03-12\n*** Assessment\n- Tendon load intolerance.\n*** Plan\n- Vertical mouse."
    assert where(note, "Tendon load intolerance") == ["Assessment"]
    assert where(note, "Vertical mouse") == ["Plan"]


def test_bold_text_and_labels_between_stars_are_no_org_heading() -> None:
    note = "** S ** Wrist aches after typing.\n** P ** Add putty grip program."
    assert where(note, "Wrist aches after typing") == ["Subjective"]
    assert where(note, "Add putty grip program") == ["Plan"]
    # twin: a bold label keeps its words under the heading above it
    note = "** S\nNeck stiff after night shifts.\n**Note:** works nights at the laundry."
    placed = place_items(split_items(note), SOAP)
    assert any("works nights at the laundry" in line for line in placed["Subjective"])
