"""How the timeline reads forms the hand-checked clinic showed it misread: a Markdown table
with a column of earlier values, and goals written under a heading, after a colon, or
followed by a SOAP plan line."""

from __future__ import annotations

from datetime import date

from tui.core.outcomes.goals import read_goals
from tui.core.outcomes.measures import current_columns, note_measurements

TABLE = """Knee pain 3/10 at worst.

| Measure | Initial 09/01 | Today |
|---|---|---|
| LEFS | 38/80 | 49/80 |
| R knee flexion AROM | 100° | 118° |
| MMT R quad | 4-/5 | 4/5 |

Plan: continue."""


def test_a_table_with_an_earlier_column_is_read_from_its_latest_column() -> None:
    lines = current_columns(TABLE).splitlines()
    assert len(lines) == len(TABLE.splitlines())  # findings keep their line numbers
    assert lines[2:7] == ["", "", "LEFS 49/80", "R knee flexion AROM 118°", "MMT R quad 4/5"]
    found = {m.series: m.text for m in note_measurements(TABLE)}
    assert found == {"Pain": "3", "LEFS": "49", "R knee flexion AROM": "118",
                     "MMT R quadriceps": "4"}  # fmt: skip


def test_a_table_without_an_earlier_column_is_left_as_written() -> None:
    table = "| Measure | Value |\n|---|---|\n| LEFS | 49/80 |\n"
    assert current_columns(table) == table


def test_a_timeframe_before_a_colon_dates_every_goal_after_it() -> None:
    goals = read_goals("Goals:\n- STG 4 wks: LEFS ≥ 47/80; pain ≤ 3/10\n", date(2026, 9, 1))
    assert [(g.measure, g.due) for g in goals] == [
        ("LEFS", date(2026, 9, 29)),
        ("pain", date(2026, 9, 29)),
    ]


def test_goals_under_a_heading_after_stg_lines_are_read_and_a_plan_line_is_not() -> None:
    text = (
        "## Goals\n- LTG 8 weeks: Berg ≥ 45/56\n- Patient will feel safer at home.\n\n"
        "Goals:\nSTG 3 wks - pain ≤ 4/10\nPt will be able to sit longer.\nP: 2x/wk x 6 wks.\n"
    )
    goals = read_goals(text, date(2026, 10, 5))
    assert [g.text for g in goals] == [
        "Berg ≥ 45/56",
        "Patient will feel safer at home",
        "pain ≤ 4/10",
        "Pt will be able to sit longer",
    ]
    assert goals[1].missing == ["a measure", "a target", "a date"]
    assert goals[3].missing == ["a target", "a date"]
