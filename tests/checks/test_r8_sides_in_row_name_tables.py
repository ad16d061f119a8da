"""Tables naming both sides at the end of a row's name and writing one value per side in a cell
("| Grip R / L | 28 / 22 kg |"): each value takes its side, and the unit written once goes to
both. Each reading has a twin that must not be read so: a pair of positions that are no sides,
a grade or a rating that is one value."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact


def _facts(text: str) -> list[Fact]:
    return extract_facts(text)


def _sided(text: str, kind: str) -> list[tuple[float | int | str, str, bool]]:
    return [
        (f.value, f.label.split()[0], "previous" in f.label) for f in _facts(text) if f.kind == kind
    ]


def test_one_value_per_side_under_times() -> None:
    note = (
        "| Test | Today | Eval |\n|---|---|---|\n"
        "| Grip R / L | 21 / 30 kg | 12 / 29 kg |\n"
        "| Wrist ext AROM (R/L) | 60° / 70° | 45° / 70° |\n"
    )
    assert _sided(note, "strength") == [
        (21, "R", False),
        (30, "L", False),
        (12, "R", True),
        (29, "L", True),
    ]
    assert _sided(note, "rom") == [
        (60, "R", False),
        (70, "L", False),
        (45, "R", True),
        (70, "L", True),
    ]


def test_one_value_per_side_twin_positions_are_no_sides() -> None:
    note = "| Check | Result |\n|---|---|\n| BP sitting / standing | 128/76 / 104/62 |\n"
    read = [(f.value, f.label) for f in _facts(note)]
    assert [value for value, _ in read] == ["128/76", "104/62"]
    assert not any(label.split()[0] in ("R", "L") for _, label in read)


def test_a_single_pipe_table_with_sides_in_the_names() -> None:
    note = (
        "Measure                    | Result\n"
        "SLS eyes open R / L        | 6 s / 9 s\n"
        "Quad HHD R/L               | 16.2 kg / 19.8 kg\n"
    )
    assert _sided(note, "other") == [(6, "R", False), (9, "L", False)]
    assert _sided(note, "strength") == [(16.2, "R", False), (19.8, "L", False)]


def test_a_grade_twin_is_one_value_not_two_sides() -> None:
    note = "| Muscle | Grade |\n|---|---|\n| Hip abductors R / L | 4/5 |\n"
    assert not any(fact.value == 5 for fact in _facts(note))


def test_bare_values_per_side_take_the_captions_unit() -> None:
    note = (
        "Pinch flowsheet export (kg)\nMeasure\tEval\tToday\nKey pinch L/R\t4.5 / 7.0\t5.5 / 7.0\n"
    )
    assert [(f.value, f.unit) for f in _facts(note) if f.kind == "strength"] == [
        (4.5, "kg"),
        (7.0, "kg"),
        (5.5, "kg"),
        (7.0, "kg"),
    ]


def test_each_side_in_an_earlier_cell_is_earlier() -> None:
    note = (
        "| Item | R | L | Last (11/2033) |\n|---|---|---|---|\n"
        "| Popliteal angle | 50° | 45° | R 60°, L 55° |\n"
    )
    assert _sided(note, "rom") == [
        (50, "R", False),
        (45, "L", False),
        (60, "R", True),
        (55, "L", True),
    ]


def test_each_side_twin_a_cell_of_this_visit_stays_this_visits() -> None:
    note = "| Item | Today |\n|---|---|\n| Popliteal angle | R 48°, L 52° |\n"
    assert _sided(note, "rom") == [(48, "R", False), (52, "L", False)]
