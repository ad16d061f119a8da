"""Round 19, tables (issue 12): every column of a table read by its heading.

A heading line of plain words that names what its columns hold (a reading, a task's time, a
test's scores, an exercise's dose) makes the lines under it a table, aligned by spaces or by
tabs: each cell is read as its column says, the row's own words (a task, a dose) only name the
row, a blank cell ("--", "n/a") is nothing and the readings after it keep their places. Notes
and phrasings of our own, each rule with the near misses it must refuse.
"""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in
from tui.core.checks.layouts.quantity_headings import heading_kind, quantity_heading


def _read(text: str) -> list[tuple[str, int | float | str, str | None]]:
    return [(f.kind, f.value, f.unit) for f in facts_in(text)]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("HR peak", "measures"),
        ("L shoulder pain", "measures"),
        ("Dyspnea (Borg)", "measures"),
        ("Pulse", "measures"),
        ("Time to complete", "times"),
        ("Time (s)", "times"),
        ("Result", "times"),
        ("Scaled", "scores"),
        ("%ile", "scores"),
        ("Standard score", "scores"),
        ("Sets", "doses"),
        ("Hold", "doses"),
        ("Therapist", ""),
        ("Stop if", ""),
        ("At 3 min", ""),
    ],
)
def test_heading_kinds(heading: str, kind: str) -> None:
    assert heading_kind(heading) == kind


def test_one_quantity_makes_no_table() -> None:
    assert not quantity_heading(["Activity", "Pain"])
    assert not quantity_heading(["Day", "Time of day", "Therapist"])
    assert quantity_heading(["Task", "Result", "HR peak", "L shoulder pain"])


JOB = """Task                         Time          Pulse     Back pain
Lift 30 lb box x 5           48 s          112       1/10
Ladder climb 12 ft x 2       1 min 5 s     120       2/10
Cart push 100 ft             --            --        --
"""


def test_job_table_reads_every_column() -> None:
    read = _read(JOB)
    assert ("other", 48, "s") in read
    assert ("other", 65, "s") in read
    assert ("other", 112, "bpm") in read
    assert ("other", 120, "bpm") in read
    assert ("pain", 1, None) in read
    assert ("pain", 2, None) in read


def test_job_table_row_doses_are_no_measures() -> None:
    read = _read(JOB)
    assert not [r for r in read if r[1] in (30, 12, 100)]
    assert not [r for r in read if r[2] in ("ft", "lb") or r[0] in ("rom", "strength")]


def test_tab_export_of_stages() -> None:
    text = "Stage\tHR\tSpO2\tRPE\tDyspnea\nRest\t76\t97%\t--\t0/10\nPeak\t124\t93%\t15/20\t4/10\n"
    read = _read(text)
    assert ("other", 124, "bpm") in read
    assert ("other", 15, "/20") in read
    assert ("other", 4, "/10") in read
    assert not [f for f in facts_in(text) if f.kind == "pain"]


def test_trial_rows_take_the_unit_of_their_heading() -> None:
    text = (
        "Trial    Time (s)    HR (bpm)    Pain (0-10)\n"
        "1        24.6        108         2\n"
        "2        22.9        114         3\n"
    )
    read = _read(text)
    assert ("other", 24.6, "s") in read
    assert ("other", 22.9, "s") in read
    assert ("pain", 3, None) in read
    # the trial numbers name the rows
    assert not [f for f in facts_in(text) if f.value == 1]


def test_score_columns_of_a_subtest_table() -> None:
    text = (
        "Subtest                 Raw    Standard score    Percentile\n"
        "Visual Perception       18     92                30\n"
        "Motor Coordination      12     78                7\n"
    )
    outcomes = [f.value for f in facts_in(text) if f.kind == "outcome"]
    assert 92 in outcomes
    assert 78 in outcomes


@pytest.mark.parametrize(
    "text",
    [
        # an exercise program in aligned columns: doses, never measures
        "Exercise              Sets   Reps   Hold   Range\n"
        "Knee extension        3      10     5 s    90-30 deg\n"
        "Heel slides           2      15     --     0-100\n",
        "Exercise\tSets\tReps\tLoad\nBridge\t3\t15\t--\nSLR flexion to 45 deg\t3\t10\t2 lb\n",
        # a schedule and a medication list: no quantities of the patient
        "Day          Time        Therapist\n"
        "Monday       10:30       JD\n"
        "Thursday     14:00       JD\n",
        "Medication      Dose      Frequency\n"
        "Ibuprofen       400 mg    TID\n"
        "Gabapentin      300 mg    QHS\n",
        # prose typed with double spaces
        "Pt  walks  daily  20 min  at  home  without  increase.\n",
    ],
)
def test_near_miss_tables_read_nothing(text: str) -> None:
    assert facts_in(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HR   --   102   96", [102, 96]),
        ("RPE  --  13/20", [13]),
        ("RPE   n/a   13/20   --", [13]),
        ("SpO2\t--\t93%\t95%", [93, 95]),
    ],
)
def test_blank_cells_leave_the_next_readings(text: str, expected: list[int]) -> None:
    assert [f.value for f in facts_in(text)] == expected


def test_a_dash_inside_prose_is_no_blank_cell() -> None:
    # a dash between words is punctuation, not a cell: the distance stays read as it was
    values = [f.value for f in facts_in("Pt ambulated 150 ft -- no LOB, 2 rests.")]
    assert 150 in values


@pytest.mark.parametrize(
    ("text", "now", "before"),
    [
        ("Gross Motor Index 79, 8th percentile [initial 68, 2nd percentile]", 79, 68),
        ("Berg 45, 30th percentile (initial 38, 10th percentile)", 45, 38),
        ("PDMS-3 Gross Motor Index 84, 14th %ile (initial 70, 2nd %ile)", 84, 70),
    ],
)
def test_a_percentile_aside_leaves_the_earlier_score(text: str, now: int, before: int) -> None:
    read = {f.value: f.label for f in facts_in(text) if f.kind == "outcome"}
    assert "previous" not in read[now]
    assert "previous" in read[before]


@pytest.mark.parametrize(
    "text",
    ["Height at the 50th percentile, weight 3rd percentile", "Grip R 18 kg, 25th percentile"],
)
def test_a_percentile_is_never_a_value(text: str) -> None:
    values = [f.value for f in facts_in(text)]
    assert not {50, 3, 25} & set(values)


def test_an_initial_score_column_is_previous() -> None:
    text = (
        "Subtest          Scaled    Percentile    Initial scaled\n"
        "Stationary       9         37            6\n"
        "Locomotion       7         16            --\n"
    )
    read = {f.value: f.label for f in facts_in(text) if f.kind == "outcome"}
    assert "previous" not in read[9]
    assert "previous" in read[6]


def test_dyspnea_column_is_a_rating_not_pain() -> None:
    text = (
        "Walk test      Distance     SpO2 low     Dyspnea\n"
        "6MWT           310 m        89%          4/10\n"
        "2MWT           102 m        92%          2/10\n"
    )
    facts = facts_in(text)
    assert not [f for f in facts if f.kind == "pain"]
    assert [f.value for f in facts if f.unit == "%"] == [89, 92]
