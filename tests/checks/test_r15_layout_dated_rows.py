"""A log whose rows are visits (round 15, LAYOUT): the first column is the date, every other
column a measure named once in the heading, the last dated row today's and the others earlier,
whether the log is piped, tab-separated or aligned by spaces. Twins: a heading whose first
column is a date over rows that are not dated stays prose, and a dated row's values keep their
column's name as their key.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in

_HEAD = "Date: 2067-05-08\nDiscipline: PT\n\n"


def _read(text: str) -> list[tuple[str, object, bool]]:
    return [(fact.kind, fact.value, "previous" in fact.label) for fact in facts_in(_HEAD + text)]


_WANT = [
    ("rom", 105, True),
    ("rom", 4, True),
    ("rom", 122, True),
    ("rom", 2, True),
    ("rom", 134, False),
    ("rom", 0, False),
]


def test_a_spaced_log_of_dated_rows_reads_each_row_as_a_visit() -> None:
    text = "Date        Flex   Ext\n04/10/67    105    -4\n04/24/67    122    -2\n"
    text += "05/08/67    134     0\n"
    assert _read(text) == _WANT


def test_a_piped_log_marks_earlier_rows_after_the_value() -> None:
    text = "| Date | Knee flex | Knee ext |\n|---|---|---|\n| 4/10 | 105 | -4 |\n"
    text += "| 4/24 | 122 | -2 |\n| 5/08 | 134 | 0 |\n"
    assert _read(text) == _WANT


def test_a_tabbed_log_with_iso_dates_reads_the_same() -> None:
    rows = ["DOS\tflexion\textension", "2067-04-10\t105\t-4", "2067-04-24\t122\t-2"]
    rows.append("2067-05-08\t134\t0")
    assert _read("\n".join(rows) + "\n") == _WANT


def test_a_date_heading_over_undated_rows_is_not_a_log() -> None:
    text = "Date        Activity          Notes\nwalked to mailbox   no rest   flex 105 deg\n"
    text += "stairs x 12    rail   ext -4 deg\n"
    assert ("rom", 105, True) not in _read(text)
    assert ("rom", 105, False) in _read(text)


def test_every_kind_in_an_earlier_row_is_earlier() -> None:
    text = "| Date | Pain | Berg | HR | Grip R (kg) |\n|---|---|---|---|---|\n"
    text += "| 4/24 | 5/10 | 41/56 | 80 | 20 |\n| 5/08 | 3/10 | 47/56 | 76 | 24 |\n"
    assert [earlier for _, _, earlier in _read(text)] == [True] * 4 + [False] * 4


def test_a_value_with_no_mark_after_it_stays_current() -> None:
    assert _read("HR 80 bpm, previous visit unknown.\n") == [("other", 80, False)]
