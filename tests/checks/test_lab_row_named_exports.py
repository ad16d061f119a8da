"""An export whose first heading reads like row numbers ("Row", "#") but whose first column
holds the rows' names is read with those names (tui/core/checks/layouts/mdtables.py): each value
keeps its test, its side and its timepoint. Twins: a real column of row numbers is still left
out, and a bracketed month/day after a score is a date, not a score."""

from __future__ import annotations

from tests.checks.conftest import facts_in

_NAMED = (
    "Row\tResult\tRemarks\n"
    "R grip (kg)\t17\tJamar 2\n"
    "L wrist ext AROM\t52 deg\t\n"
    "HR\t81\tpost walk\n"
    "DGI\t17/24\tlast 13/24 (2/19)\n"
)
_NUMBERED = "#\tItem\tValue\n1\tR grip (kg)\t17\n2\tL grip (kg)\t26\n3\tHR\t81\n"


def test_a_row_heading_over_names_names_the_rows() -> None:
    found = {(fact.kind, fact.value): fact.label for fact in facts_in(_NAMED)}
    assert found[("strength", 17)].split()[0] == "R"
    assert found[("rom", 52)].split()[0] == "L"
    assert ("outcome", 17) in found and ("outcome", 13) in found
    assert "previous" in found[("outcome", 13)]
    assert not [key for key in found if key[1] in ("2/19", 2)]


def test_a_column_of_row_numbers_is_still_left_out() -> None:
    values = {(fact.kind, fact.value) for fact in facts_in(_NUMBERED)}
    assert {("strength", 17), ("strength", 26)} <= values
    assert not {value for kind, value in values if value in (1, 2, 3)}
