"""Round 17, offline drafts: a form line's field that names a part goes to that part, and a next
step after a comma in a judgement goes to the plan."""

from __future__ import annotations

from tui.core.drafting.form_lines import fields_apart
from tui.core.drafting.offline import place_items, split_items

PROGRESS = ["Reporting Period", "Subjective", "Objective Comparison", "Assessment", "Plan"]
SOAP = ["Subjective", "Objective", "Assessment", "Plan"]


def _placed(note: str, sections: list[str]) -> dict[str, list[str]]:
    return place_items(split_items(note), sections)


def _parts(key: str) -> str:
    return "reporting_period" if key.lower() == "reporting period" else ""


# -- a form line's fields ------------------------------------------------------------------------


def test_a_field_naming_a_part_is_parted_from_the_line() -> None:
    line = "Insurer: Medicare (secondary AARP)       Reporting period: 05-01 to 16-02"
    assert fields_apart([line], _parts) == [
        "Insurer: Medicare (secondary AARP)",
        "Reporting period: 05-01 to 16-02",
    ]


def test_fields_naming_no_part_stay_on_their_line() -> None:
    line = "Patient: A. Vermeulen        Date: 16-02-2065"
    assert fields_apart([line], _parts) == [line]


def test_a_line_opening_with_no_field_is_left_whole() -> None:
    line = "Flexion 95      Reporting period: 05-01 to 16-02"
    assert fields_apart([line], _parts) == [line]


def test_a_name_before_a_column_of_spaces_is_no_field() -> None:
    """ "NPRS    Today: 4;   Best: 2" opens with the scale's name, so no field of it is parted off
    into the section a key like "Today" names."""
    line = "  NPRS    Today: 4;   Best (24 h): 2;   Worst (24 h): 8"
    assert fields_apart([line], lambda key: "objective" if key == "Today" else "") == [line]
    placed = [item for items in _placed(line + "\n", SOAP).values() for item in items]
    assert any("NPRS" in item and "Worst (24 h): 8" in item for item in placed), placed


def test_the_reporting_period_reaches_its_section() -> None:
    note = (
        "Insurer: Medicare            Reporting period: 05-01-2065 to 16-02-2065\n"
        "Pain at end-range 3/10.\n"
    )
    placed = _placed(note, PROGRESS)
    assert any("05-01-2065" in line for line in placed["Reporting Period"])
    assert not any("05-01-2065" in line for line in placed["Objective Comparison"])


# -- a next step after a comma -------------------------------------------------------------------


def test_a_next_step_after_a_comma_goes_to_the_plan() -> None:
    note = "Conclusion: good progress, continue 1x/week for 6 weeks, then discharge.\n"
    placed = _placed(note, SOAP)
    assert any(line.lower().startswith("continue 1x/week") for line in placed["Plan"])
    assert any("good progress" in line for line in placed["Assessment"])


def test_a_judgement_with_commas_and_no_next_step_stays_whole() -> None:
    note = "Assessment: good progress, less guarding, better sleep.\n"
    placed = _placed(note, SOAP)
    assert placed["Plan"] == []
    assert len(placed["Assessment"]) == 1


def test_a_recommendation_after_a_comma_stays_with_the_judgement() -> None:
    # twin: no frequency or duration, so the clause concludes the judgement
    note = "A: good rehab candidate, recommend IRF.\n"
    placed = _placed(note, SOAP)
    assert placed["Plan"] == []


def test_a_decimal_comma_is_no_clause() -> None:
    note = "Assessment: Dual-task cost on TUG 2,7 s; freezing only at thresholds.\n"
    placed = _placed(note, SOAP)
    assert any("TUG 2,7 s" in line for line in placed["Assessment"])
