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
    # the name where the note wrote it is a label too (round 10: a number standing in a row's
    # name is part of the test's name, "| 6 m timed hop (s) | 2.10 |")
    assert _marked(norm.text, norm.labels) == ["30", "30"]
    scanner = Scanner(_TIMED_ROW)
    for written in (norm.text.index("30 sec"), norm.text.rindex("30 sec")):
        assert not scanner.free(written, written + 2)
        assert not scanner.free(written, written + 6)  # "30 sec" is no time either
    assert {fact.value for fact in extract_facts(_TIMED_ROW)} == {8, 11}


def test_a_number_inside_a_restated_name_keys_its_clause_but_is_no_value() -> None:
    norm = normalize(_NAMED_ROW)
    assert _marked(norm.text, norm.named) == ["12"]
    assert not norm.labels
    restated = norm.text.rindex("MSWS-12")
    scanner = Scanner(_NAMED_ROW)
    assert scanner.free(restated, restated + len("MSWS-12"))
    assert not scanner.free(restated + 5, restated + 7)
    assert {fact.value for fact in extract_facts(_NAMED_ROW)} == {38, 54}


def test_a_row_name_written_once_labels_its_lone_number() -> None:
    # round 10: the name's lone number is the test's, never a value, also where written once
    norm = normalize("| Test | Today |\n|---|---|\n| 30 sec sit to stand | 11 |\n")
    assert _marked(norm.text, norm.labels) == ["30"] and norm.named == ()


def test_a_row_name_glued_to_its_number_written_once_has_no_label() -> None:
    # the twin: "MSWS-12" is an instrument's name, left to its reader
    norm = normalize("| Test | Today |\n|---|---|\n| MSWS-12 | 41 |\n")
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
