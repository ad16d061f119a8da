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


_PRINT_WITH_SIDE_TIME = (
    "MEASURE               WHERE               RIGHT      LEFT      INITIAL 3/14 (R)\n"
    "--------------------  ------------------  ---------  --------  ----------------\n"
    "Wrist ext AROM (deg)  elbow flexed        38         66        12\n"
    "Forearm girth (cm)    10 cm distal to     25.5       24.0      27.0\n"
    "                      lateral epicondyle\n"
    "Grip (kg)             Jamar pos 2         14         29        6\n"
)


def test_a_print_with_a_dated_side_column_and_a_wrapped_cell() -> None:
    found = {(fact.kind, fact.value): fact.label for fact in facts_in(_PRINT_WITH_SIDE_TIME)}
    assert found[("rom", 38)].startswith("R ") and "previous" not in found[("rom", 38)]
    assert found[("rom", 66)].startswith("L ")
    assert "previous" in found[("rom", 12)] and found[("rom", 12)].startswith("R ")
    # the row after the wrapped cell is still read with its columns
    assert found[("strength", 14)].split()[0] == "R"
    assert found[("strength", 29)].split()[0] == "L"
    assert "previous" in found[("strength", 6)]


def test_an_indented_line_with_a_number_is_no_wrapped_cell() -> None:
    text = (
        "ITEM        RIGHT    LEFT    PREV 2/2 (L)\n"
        "Knee flex   120      98      80\n"
        "Knee ext    0        5       12\n"
        "            walked 300 ft after\n"
    )
    distances = [fact for fact in facts_in(text) if fact.unit == "ft"]
    assert all("previous" not in fact.label for fact in distances)


def test_a_heading_with_a_blank_first_column_names_the_times() -> None:
    text = (
        "                        ADMIT (1/9)      TODAY (2/6)\n"
        "Berg                    31/56            44/56\n"
        "Knee flex AROM          85°              112°\n"
    )
    found = {fact.value: fact.label for fact in facts_in(text)}
    assert "previous" in found[31] and "previous" not in found[44]
    assert "previous" in found[85] and "previous" not in found[112]


def test_an_indented_line_naming_no_time_is_no_heading() -> None:
    text = (
        "                        walked well         no LOB\n"
        "Berg                    31/56               44/56\n"
        "Knee flex AROM          85°                 112°\n"
    )
    assert all("previous" not in fact.label for fact in facts_in(text))


def test_side_and_mode_headings() -> None:
    text = (
        "HIP ROM (deg)        L AROM   L PROM   R AROM\n"
        "Flexion                 88      101      118\n"
        "ER                      22       30       41\n"
    )
    found = {fact.value: fact.label for fact in facts_in(text, "rom")}
    assert found[88].startswith("L ") and "AROM" in found[88]
    assert found[101].startswith("L ") and "PROM" in found[101]
    assert found[118].startswith("R ") and found[41].startswith("R ")
