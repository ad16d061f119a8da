"""The evidence a fact stands on, as bench/_evidence_table.py files it: a unit beside the
number, a table's column, a labelled field, a named instrument, a scale's denominator, a word
beside the number or a label from further away. Each filing has a twin that lacks the cue and
is filed under the weaker class."""

from __future__ import annotations

from bench._evidence import evidence_class
from tui.core.checks.facts import Fact


def filed(text: str, number: str, kind: str = "other", **extra: str) -> str:
    """The class of a fact whose number is the first `number` written in `text`."""
    start = text.index(number)
    span = (start, start + len(number))
    return evidence_class(Fact(kind=kind, value=float(number), span=span, **extra), text)


def test_a_unit_beside_the_number_is_its_evidence_and_a_bare_number_is_not() -> None:
    assert filed("Grip R 22 kg today.\n", "22", "strength", label="R grip") == "unit"
    assert filed("Grip R 22 today.\n", "22", "strength", label="R grip") == "word"


def test_a_unit_glued_to_a_longer_word_is_no_unit() -> None:
    assert filed("Walked 150 ft with RW.\n", "150", label="Walked") == "unit"
    assert filed("Walked 150 ftx with RW.\n", "150", label="Walked") == "word"


def test_a_table_row_files_its_cells_under_their_column() -> None:
    assert filed("| Grip | 22 | 25 |\n", "22", "strength", label="R grip") == "heading"
    assert filed("Grip 22 then 25\n", "22", "strength", label="R grip") == "word"


def test_aligned_columns_are_a_table_and_one_gap_is_not() -> None:
    assert filed("Grip    22    25\n", "22", "strength", label="R grip") == "heading"
    assert filed("Grip  22 then 25\n", "22", "strength", label="R grip") == "word"


def test_a_labelled_field_is_its_evidence() -> None:
    assert filed("Knee flexion: 0-115\n", "115", "rom", label="knee flexion") == "field"
    assert filed("Knee flexion 0-115\n", "115", "rom", label="knee flexion") == "word"


def test_a_listed_instrument_is_named_and_an_unknown_name_only_shaped() -> None:
    assert filed("Berg 41/56.\n", "41", "outcome", measure="Berg", label="Berg") == "named"
    assert filed("Zorbik 41.\n", "41", "outcome", measure="Zorbik", label="Zorbik") == "shaped"
    assert filed("Berg 41.\n", "41", "outcome", measure="Berg", label="Berg") == "named"


def test_a_denominator_is_a_scale_and_its_absence_leaves_the_word() -> None:
    assert filed("hip abd 4/5 on R\n", "4", "mmt", label="hip abduction") == "scale"
    assert filed("hip abd 4 on R\n", "4", "mmt", label="hip abduction") == "word"


def test_a_label_from_beyond_the_clause_is_a_topic_and_no_label_is_nothing() -> None:
    text = "Knee flexion, today, 115\n"
    assert filed(text, "115", "rom", label="knee flexion") == "topic"
    assert filed(text, "115", "rom") == "none"
