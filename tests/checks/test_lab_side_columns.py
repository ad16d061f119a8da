"""Fixed-width prints whose columns are the two sides, in either order, and rows indented under
their heading (tui/core/checks/layouts/fixed_width.py): each value takes its column's side and
timepoint. Twins: lines that only happen to hold double spaces are read as written."""

from __future__ import annotations

from tests.checks.conftest import facts_in


def _labels(text: str, kind: str) -> dict[object, str]:
    return {fact.value: fact.label for fact in facts_in(text, kind)}


_RIGHT_FIRST = (
    "Elbow ROM (deg)    Rt.    Lt.\n    Flexion        122    141\n    Supination      55     80\n"
)
_INDENTED_TIMES = (
    "L wrist AROM (deg)   Initial   Today\n"
    "   Extension              28        51\n"
    "   Flexion                35        60\n"
)
_PROSE = (
    "Pt reports  R  hip sore.\nWalked 200 ft  then rested  2 min.\nFlexion 122  L  141 noted.\n"
)


def test_side_columns_give_each_value_its_side() -> None:
    found = _labels(_RIGHT_FIRST, "rom")
    assert found[122].split()[0] == "R"
    assert found[141].split()[0] == "L"
    assert found[55].split()[0] == "R"
    assert found[80].split()[0] == "L"


def test_rows_indented_under_a_heading_of_times() -> None:
    found = _labels(_INDENTED_TIMES, "rom")
    assert "previous" in found[28] and "previous" in found[35]
    assert "previous" not in found[51] and "previous" not in found[60]
    assert all(label.startswith("L wrist") for label in found.values())


def test_double_spaces_in_prose_make_no_table() -> None:
    labels = [fact.label for fact in facts_in(_PROSE)]
    assert not any("previous" in label for label in labels)
