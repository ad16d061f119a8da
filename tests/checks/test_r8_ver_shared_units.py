"""A draft that writes a pair or a run of values with one unit ("28.8 / 25.0 cm", "110 to 150
degrees") gives the unit to every value in it: a changed first value is caught, a faithful one
carries the note's fact, and a number written in seconds is never a draft's angle."""

from __future__ import annotations

from tui.core.checks.facts import Fact
from tui.core.checks.verify.shared_units import shared_units
from tui.core.checks.verify.unit_quantities import Quantity, units_kept
from tui.core.checks.verify.verify import verify

_NOTE = (
    "Patient: Test Person\nDate: 2047-02-01\n"
    "O: Knee girth at joint line L 39.5 cm, R 37.0 cm.\n"
    "   R shoulder flexion AROM 150 deg (IE 110 deg).\n"
)


def _draft(girth: str, flexion: str) -> str:
    return (
        "## Objective\n"
        f"- Joint-line girth, left / right: {girth} cm.\n"
        f"- Right shoulder flexion AROM, initial evaluation to today: {flexion} degrees.\n"
    )


def test_the_first_value_of_a_run_takes_the_unit_after_the_run() -> None:
    found = [(run.value, run.unit_class) for run in shared_units("L / R 28.8 / 25.0 cm")]
    assert found == [(28.8, "length")]
    assert [run.value for run in shared_units("23.8, 33.1 and 40.2 cm")] == [23.8, 33.1]


def test_a_date_a_time_or_a_count_out_of_a_whole_starts_no_run() -> None:
    assert list(shared_units("seen 12/02/46 to 20 min")) == []
    assert list(shared_units("at 10:30 to 45 min")) == []
    assert list(shared_units("pain 6/10, 3 sitting")) == []


def test_a_faithful_draft_of_pairs_is_clean() -> None:
    result = verify(_NOTE, _draft("39.5 / 37.0", "110 to 150"))
    assert result.clean, result.to_json()


def test_a_changed_first_value_of_a_pair_is_caught() -> None:
    result = verify(_NOTE, _draft("38.5 / 37.0", "110 to 150"))
    assert [fact.value for fact in result.unsupported] == [38.5]
    result = verify(_NOTE, _draft("39.5 / 37.0", "100 to 150"))
    assert 100 in [fact.value for fact in result.unsupported]


def test_a_number_written_in_seconds_is_no_angle() -> None:
    angle = Fact(kind="rom", value=12, label="L knee", span=(20, 22))
    jaw = Fact(kind="rom", value=38, label="jaw opening", span=(40, 42))
    held = [
        Quantity(value=12, unit_class="seconds", unit="s", span=(20, 22)),
        Quantity(value=38, unit_class="length", unit="mm", span=(40, 45)),
    ]
    assert units_kept([angle, jaw], held) == (jaw,)


def test_a_run_takes_no_unit_from_the_next_line() -> None:
    assert list(shared_units("BP sitting (mmHg): 132/78\n\n## Assessment")) == []


def test_a_dashed_arc_or_range_is_one_value() -> None:
    assert list(shared_units("R knee flexion 0-118\u00b0, garment 20\u201330 mmHg")) == []
