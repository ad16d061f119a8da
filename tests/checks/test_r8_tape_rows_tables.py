"""Girth tables whose rows are tape positions ("0 cm (wrist)", "12 cm", "4-8 cm"): the position
names the row and is never a value; the cells are circumferences when the caption says so (a
girth word, or a tape with a unit in centimetres). Each reading has a twin that must not be
read: a table of other things at positions, a position range of a volume."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact


def _facts(text: str) -> list[Fact]:
    return extract_facts(text)


def _values(text: str, kind: str) -> list[float | int | str]:
    return [fact.value for fact in _facts(text) if fact.kind == kind]


_HEADING_TABLE = (
    "## Girth (tape from the medial malleolus upward, cm)\n\n"
    "| Landmark | L eval | L today | R (ref) |\n|---|---|---|---|\n"
    "| 0 cm (ankle) | 27.4 | 25.9 | 23.1 |\n| 10 cm | 33.8 | 32.2 | 29.5 |\n"
)


def test_tape_positions_under_a_heading_with_the_unit_listed_last() -> None:
    girths = [(f.value, f.label) for f in _facts(_HEADING_TABLE) if f.kind == "girth"]
    assert [value for value, _ in girths] == [27.4, 25.9, 23.1, 33.8, 32.2, 29.5]
    assert ["previous" in label for _, label in girths] == [True, False, False] * 2
    assert [label.split()[0] for _, label in girths] == ["L", "L", "R"] * 2


def test_tape_positions_twin_the_position_is_no_value() -> None:
    found = [f.value for f in _facts(_HEADING_TABLE) if f.kind in ("girth", "other")]
    assert not {0, 10} & set(found)


def test_a_taped_caption_over_tape_positions_measures_circumferences() -> None:
    note = (
        "## Measurements (tape every 4 cm from the ulnar styloid, cm)\n\n"
        "| Landmark | R eval | R today |\n|---|---|---|\n"
        "| 0 cm (wrist) | 18.9 | 16.8 |\n| 12 cm | 26.4 | 23.1 |\n"
    )
    assert _values(note, "girth") == [18.9, 16.8, 26.4, 23.1]
    assert _values(note, "other") == []


def test_a_taped_caption_twin_rows_of_landmarks_are_not_circumferences() -> None:
    note = (
        "## Leg length (tape, cm)\n\n"
        "| Landmark | R | L |\n|---|---|---|\n"
        "| ASIS to medial malleolus | 88.5 | 87.0 |\n"
        "| umbilicus to medial malleolus | 95.0 | 93.5 |\n"
    )
    assert _values(note, "girth") == []


def test_a_caption_ending_in_a_colon_heads_the_table_after_a_blank_line() -> None:
    note = (
        "Edema, tape measures (cm):\n\n"
        "| Site | Eval 1/21 | Today |\n|---|---|---|\n"
        "| 10 cm above patella | 46.2 | 44.8 |\n| mid patella | 41.5 | 40.1 |\n"
    )
    assert _values(note, "girth") == [46.2, 44.8, 41.5, 40.1]


def test_a_caption_twin_a_sentence_before_a_blank_line_is_no_caption() -> None:
    note = (
        "Pt tolerated session well, see table.\n\n"
        "| Site | Eval 1/21 | Today |\n|---|---|---|\n"
        "| 10 cm above patella | 46.2 | 44.8 |\n| mid patella | 41.5 | 40.1 |\n"
    )
    assert _values(note, "girth") == []


def test_a_caption_naming_girths_after_other_words() -> None:
    note = (
        "Figure-8 and tape girths R / L (cm)\n"
        "Position          | R    | L\n"
        "MCP heads         | 19.6 | 18.4\n"
        "5 cm prox wrist   | 18.8 | 17.5\n"
    )
    assert _values(note, "girth") == [19.6, 18.4, 18.8, 17.5]


def test_segment_volumes_twin_a_range_of_positions_is_no_girth() -> None:
    note = "Volume 4-8 cm: R 241 mL, L 219 mL."
    assert _values(note, "girth") == []
    assert _values(note, "other") == [241, 219]


def test_a_row_at_a_level_before_its_times_keeps_its_position_out() -> None:
    note = (
        "CIRCUMFERENCE (cm) from floor, flowsheet export\n"
        "Level\tR initial\tR today\tL today\n"
        "8 cm\t26.2\t25.1\t24.0\n"
        "20 cm\t35.7\t34.4\t33.9\n"
    )
    assert _values(note, "girth") == [26.2, 25.1, 24.0, 35.7, 34.4, 33.9]


def test_a_girth_before_a_colon_twin_stays_a_girth() -> None:
    note = "Calf girth 38 cm: down from 40 cm last week."
    assert _values(note, "girth") == [38, 40]
