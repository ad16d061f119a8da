"""A score with a decimal comma and no unit ("QuickDASH 31,8") is one decimal in a note that
writes its measured decimals with commas; a pair of numbers parted by a comma after a word that
names what they count ("items 4,7"), before a count word ("3,4 reps"), or in a note that never
writes a decimal comma, stays two numbers."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts

HEADER = (
    "Patient: Ada Quill\nMRN: 550101\nDate: 2071-02-02\nVisit: 6\nDiscipline: PT\n"
    "Payer: Self-pay\nDiagnosis: R shoulder pain\n\n"
)
EUROPEAN = "Grip R 26,5 kg, L 31,0 kg.\n"


def values(body: str) -> set[object]:
    return {fact.value for fact in extract_facts(HEADER + body) if fact.kind != "service"}


def scores(body: str) -> set[object]:
    return {fact.value for fact in extract_facts(HEADER + body) if fact.kind == "outcome"}


def test_a_unitless_score_is_a_decimal_where_the_note_writes_decimal_commas() -> None:
    found = scores(EUROPEAN + "QuickDASH 31,8\nConstant-Murley 71,3 (eval 48,9)\n")
    assert found == {31.8, 71.3, 48.9}


def test_the_same_score_is_left_as_written_in_a_note_of_decimal_points() -> None:
    found = values("Grip R 26.5 kg.\nQuickDASH 31,8\n")
    assert 31.8 not in found


def test_counted_pairs_stay_two_numbers_in_a_note_of_decimal_commas() -> None:
    found = values(EUROPEAN + "Missed items 4,7 of the home list\nQuad sets 3,10 reps daily\n")
    assert not {4.7, 3.1} & found
