"""A table row's name written again before a later clause (mdtables.Restated) gives the
readers its words but never a value: its numbers are masked in the scanner, while a name
holding one ("MSWS-12") still keys its clause."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.text.numbers import Normalized, normalize
from tui.core.checks.text.offsets import RunMap, carried_forward
from tui.core.checks.text.scan import Scanner

_TIMED_ROW = "| Test | Eval | Today |\n|---|---|---|\n| 30 sec sit to stand | 8 | 11 |\n"
_NAMED_ROW = "| Measure | Eval | Today |\n|---|---|---|\n| MSWS-12 | 38 | 54 |\n"


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_a_lone_number_of_a_restated_name_is_a_label() -> None:
    norm = normalize(_TIMED_ROW)
    assert norm.text.count("30 sec sit to stand") == 2
    assert _marked(norm.text, norm.labels) == ["30"]
    restated = norm.text.rindex("30 sec")
    scanner = Scanner(_TIMED_ROW)
    assert not scanner.free(restated, restated + 2)
    assert not scanner.free(restated, restated + 6)  # "30 sec" is no time either
    assert scanner.free(norm.text.index("30 sec"), norm.text.index("30 sec") + 2)


def test_a_number_inside_a_restated_name_keys_its_clause_but_is_no_value() -> None:
    norm = normalize(_NAMED_ROW)
    assert _marked(norm.text, norm.named) == ["12"]
    assert not norm.labels
    restated = norm.text.rindex("MSWS-12")
    scanner = Scanner(_NAMED_ROW)
    assert scanner.free(restated, restated + len("MSWS-12"))
    assert not scanner.free(restated + 5, restated + 7)
    assert {fact.value for fact in extract_facts(_NAMED_ROW)} == {38, 54}


def test_a_row_name_written_once_has_no_label() -> None:
    norm = normalize("| Test | Today |\n|---|---|\n| 30 sec sit to stand | 11 |\n")
    assert norm.labels == () and norm.named == ()


def test_marks_follow_a_later_rewrite() -> None:
    # "ab" copied, "xyz" written for "cd", "ef" copied: a mark on "d" marks the whole piece,
    # a mark on "f" moves with it
    inner = RunMap()
    inner.copied(0, 2)
    inner.replaced(2, 4, 3)
    inner.copied(4, 2)
    assert carried_forward(((3, 4), (5, 6)), inner) == ((2, 5), (6, 7))
    assert carried_forward(((0, 1),), None) == ((0, 1),)
    assert carried_forward(((0, 1),), inner) == ((0, 1),)


def test_a_value_moved_before_its_cell_keeps_a_span_that_is_not_inverted() -> None:
    # "97110 | 23" written "23 min 97110": the minutes' cell (8, 10) now stands first
    source = "97110 | 23"
    moved = RunMap()
    moved.replaced(8, 10, 7)
    moved.copied(0, 5)
    norm = Normalized(text="23 min 97110", original=source, offsets=moved)
    start, end = norm.span(0, 12)
    assert (start, end) == (8, 10)
    assert norm.span(7, 12) == (0, 5)
