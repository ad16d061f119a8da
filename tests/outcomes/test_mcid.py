"""The instruments table and the MCID decision, in both directions of "better"."""

from __future__ import annotations

import pytest

from tui.core.checks.tables import measure_defs
from tui.core.outcomes.instruments import (
    DIRECTIONS,
    builtin_instruments,
    instrument_problems,
    instrument_table,
)
from tui.core.outcomes.mcid import change

TABLE = builtin_instruments()


def test_every_instrument_cites_its_source_and_says_which_way_is_better() -> None:
    for name, item in TABLE.items():
        assert item.direction in DIRECTIONS, name
        assert item.source.strip(), name
        assert item.low < item.high, name
        assert item.threshold(item.low) is not None, name


def test_the_issue_s_instruments_are_in_the_table() -> None:
    wanted = {"LEFS", "ODI", "NDI", "QuickDASH", "PSFS", "NPRS", "pain", "Berg", "TUG", "6MWT",
              "10MWT", "FGA", "COPM"}  # fmt: skip
    assert wanted <= set(TABLE)
    assert (TABLE["LEFS"].mcid, TABLE["ODI"].mcid, TABLE["NPRS"].mcid) == (9, 10, 2)
    assert TABLE["COPM"].mcid == 2


def test_directions_agree_with_the_extractor_s_measures() -> None:
    """The extractor's table says higher_worse/lower_better where this one says lower_better."""
    for measure in measure_defs():
        item = TABLE.get(measure.name)
        if item is None or not measure.direction:
            continue
        better_high = measure.direction == "higher_better"
        assert (item.direction == "higher_better") == better_high, measure.name


@pytest.mark.parametrize(
    ("name", "baseline", "current", "met", "improvement"),
    [
        ("LEFS", 38, 47, True, 9),  # higher is better: exactly the MCID
        ("LEFS", 38, 46, False, 8),
        ("LEFS", 38, 30, False, -8),  # worse
        ("ODI", 40, 30, True, 10),  # lower is better
        ("ODI", 40, 31, False, 9),
        ("ODI", 40, 52, False, -12),
        ("NPRS", 7, 5, True, 2),
        ("pain", 6, 5, False, 1),
        ("TUG", 16.4, 15.3, True, 1.1),  # lower is better, MDC (no agreed MCID)
        ("TUG", 16.4, 15.4, False, 1.0),
        ("10MWT", 0.74, 0.84, True, 0.1),
        ("6MWT", 310, 335, False, 25),
        ("6MWT", 310, 340.5, True, 30.5),
        ("ABC", 45, 60, True, 15),  # MDC (no agreed MCID)
        ("COPM", 4.2, 6.2, True, 2),
        ("PSFS", 3.0, 4.5, False, 1.5),
    ],
)
def test_mcid_decision(
    name: str, baseline: float, current: float, met: bool, improvement: float
) -> None:
    found = change(TABLE[name], baseline, current)
    assert found.met is met
    assert found.improvement == pytest.approx(improvement)
    assert found.delta == pytest.approx(current - baseline)


def test_berg_threshold_depends_on_the_baseline() -> None:
    """Donoghue & Stokes: 4 points from 45-56, 5 from 35-44, 7 from 25-34."""
    assert change(TABLE["Berg"], 41, 46).met is True
    assert change(TABLE["Berg"], 41, 45).met is False
    assert change(TABLE["Berg"], 30, 36).met is False
    assert change(TABLE["Berg"], 30, 37).met is True
    assert change(TABLE["Berg"], 46, 50).basis == "MDC"


def test_a_measure_without_an_instrument_has_no_threshold() -> None:
    found = change(None, 100, 118)
    assert found.met is None and found.improvement == 18
    assert found.verdict == "improved (no MCID known)"


def test_scores_written_on_another_scale_are_normalised() -> None:
    assert TABLE["NDI"].normalised(28, "%") == 14  # 28 % of 50
    assert TABLE["NDI"].normalised(14, "/50") == 14
    assert TABLE["grip"].normalised(62, "lb") == pytest.approx(28.1, abs=0.05)
    assert TABLE["ODI"].normalised(38, "%") == 38
    assert TABLE["ODI"].normalised(19, "/50") == 38  # the raw item sum
    assert TABLE["6MWT"].normalised(1000, "ft") == pytest.approx(304.8)


def test_a_threshold_is_stated_in_the_unit_the_note_writes() -> None:
    """NDI 7.5/50 is 15 points on the percentage scale; the Berg band follows the baseline
    on the instrument's own scale."""
    assert change(TABLE["NDI"], 44, 26, scale=0.5).threshold == 15
    assert change(TABLE["NDI"], 44, 26, scale=0.5).met is True
    assert change(TABLE["NDI"], 22, 13).threshold == 7.5


def test_progress_needs_the_mdc_where_one_is_published() -> None:
    assert TABLE["NDI"].real_change(20) == (10.2, "MDC")
    assert TABLE["ODI"].real_change(40) == (10, "MCID")  # no MDC in the table
    assert TABLE["Berg"].real_change(38) == (5, "MDC")


def test_a_clinic_adds_and_replaces_instruments() -> None:
    clinic = [
        {"name": "VISA-A", "min": 0, "max": 100, "direction": "higher_better", "mcid": 16,
         "source": "Iversen JV et al. 2012"},
        {"name": "lefs", "min": 0, "max": 80, "direction": "higher_better", "mcid": 12,
         "source": "clinic's own"},
    ]  # fmt: skip
    table = instrument_table(clinic)
    assert table["VISA-A"].mcid == 16
    assert table["lefs"].mcid == 12 and "LEFS" not in table


def test_a_clinic_instrument_must_say_what_change_matters() -> None:
    problems = dict(instrument_problems({"name": "X", "min": 5, "max": 1, "direction": "up"}))
    assert set(problems) == {"max", "direction", "mcid", "source"}


def test_a_deficit_is_better_when_smaller() -> None:
    assert change(None, 10, 3, lower_better=True).improvement == 7
    assert change(None, 10, 3).improvement == -7
