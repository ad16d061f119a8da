"""The 8-minute rule, its allocation to codes, ties, and the per-code rule of eights."""

from __future__ import annotations

from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.checks.billing.units import (
    allocate_units,
    parse_minutes_args,
    units_for_minutes,
    valid_allocations,
)
from tui.core.checks.tables import billing_tables
from tui.core.errors import ChartdeskError

TIMED = sorted(billing_tables().timed)


def _canon(allocation: dict[str, int]) -> str:
    return str(sorted(allocation.items()))


@pytest.mark.parametrize(
    ("low", "high", "units"),
    [(0, 7, 0), (8, 22, 1), (23, 37, 2), (38, 52, 3), (53, 67, 4), (68, 82, 5), (83, 97, 6),
     (98, 112, 7), (113, 127, 8)],
)  # fmt: skip
def test_the_published_table(low: int, high: int, units: int) -> None:
    for minutes in range(low, high + 1):
        assert units_for_minutes(minutes) == units
        assert allocate_units({"97110": minutes}).total_units == units


def test_worked_example_33_and_7() -> None:
    result = allocate_units({"97110": 33, "97140": 7})
    assert result.total_timed_minutes == 40
    assert result.units == {"97110": 2, "97140": 1}
    assert result.ties == []
    assert valid_allocations({"97110": 33, "97140": 7}) == [{"97110": 2, "97140": 1}]


def test_worked_example_tie_20_and_20() -> None:
    result = allocate_units({"97112": 20, "97110": 20})
    assert result.total_units == 3
    assert sorted(result.units.values()) == [1, 2]
    assert len(result.ties) == 1
    tie = result.ties[0]
    assert tie.codes == ("97110", "97112") and tie.units == 1 and tie.remaining == 5
    valid = valid_allocations({"97112": 20, "97110": 20})
    assert sorted(valid, key=_canon) == sorted(
        [{"97110": 2, "97112": 1}, {"97110": 1, "97112": 2}], key=_canon
    )
    assert {"97110": 3, "97112": 0} not in valid


def test_rule_differences_10_and_10() -> None:
    cms = allocate_units({"97110": 10, "97116": 10}, "cms")
    per_code = allocate_units({"97110": 10, "97116": 10}, "per_code")
    assert cms.total_units == 1 and len(cms.ties) == 1
    assert per_code.total_units == 2
    assert per_code.units == {"97110": 1, "97116": 1}
    assert per_code.ties == []


def test_a_code_under_8_minutes_can_take_the_leftover_unit() -> None:
    assert allocate_units({"97110": 36, "97140": 7}).units == {"97110": 2, "97140": 1}
    assert allocate_units({"97110": 38, "97140": 7}).units == {"97110": 3, "97140": 0}


def test_single_service_under_8_minutes_bills_nothing() -> None:
    assert allocate_units({"97110": 7}).units == {"97110": 0}
    assert allocate_units({"97110": 7}, "per_code").units == {"97110": 0}


def test_never_every_unit_to_one_code_when_another_ran_15_minutes() -> None:
    for valid in valid_allocations({"97110": 25, "97140": 15}):
        assert valid["97140"] >= 1


def test_reyes_three_way_tie() -> None:
    valid = valid_allocations({"97110": 23, "97140": 9, "97112": 8})
    assert sorted(valid, key=_canon) == sorted(
        [{"97110": 2, "97140": 1, "97112": 0}, {"97110": 1, "97140": 1, "97112": 1}], key=_canon
    )


def test_untimed_codes_are_one_unit_outside_the_timed_total() -> None:
    result = allocate_units({"97110": 26, "97116": 12, "97010": 10})
    assert result.total_timed_minutes == 38
    assert result.units == {"97110": 2, "97116": 1, "97010": 1}
    assert result.timed_units == 3
    assert result.total_units == 4
    assert allocate_units({"97010": 45}).units == {"97010": 1}


def test_to_json_matches_the_contract() -> None:
    data = allocate_units({"97110": 33, "97140": 7}).to_json()
    assert data["rule"] == "cms"
    assert data["total_timed_minutes"] == 40
    assert data["total_units"] == 3
    assert data["units"] == {"97110": 2, "97140": 1}
    assert "ties" not in data
    tied = allocate_units({"97112": 20, "97110": 20}).to_json()
    assert tied["ties"] == [{"codes": ["97110", "97112"], "units": 1, "remaining_minutes": 5}]


def test_clinic_timed_codes_extend_the_table() -> None:
    timed = {**billing_tables().timed, "97799": "unlisted"}
    assert allocate_units({"97799": 30}, timed_codes=timed).units == {"97799": 2}
    with pytest.raises(ChartdeskError):
        allocate_units({"97799": 30})


@pytest.mark.parametrize(
    ("minutes", "rule", "reason"),
    [
        ({"12345": 10}, "cms", "unknown CPT code"),
        ({"97110": -1}, "cms", "negative"),
        ({"97110": "ten"}, "cms", "whole number"),
        ({"97110": 10.5}, "cms", "whole number"),
        ({"97110": True}, "cms", "whole number"),
        ({"97110": 10}, "medicaid", "unknown timed-unit rule"),
        ({"97110": 100000}, "cms", "exceed a day"),
    ],
)
def test_bad_input_is_a_one_line_error(minutes: dict, rule: str, reason: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ChartdeskError, match=reason):
        allocate_units(minutes, rule)


def test_parse_minutes_args() -> None:
    assert parse_minutes_args(["97110=33", "97140=7"]) == {"97110": 33, "97140": 7}
    assert parse_minutes_args(["97110=10", "97110=5"]) == {"97110": 15}
    assert parse_minutes_args(["g0283=15"]) == {"G0283": 15}
    for bad in ("97110", "=5", "97110=", "97110=abc", "97110=1.5", "97110=-4", "97110=٣"):
        with pytest.raises(ChartdeskError):
            parse_minutes_args([bad])


# -- properties -------------------------------------------------------------------------------

minutes_maps = st.dictionaries(
    st.sampled_from(TIMED[:8]), st.integers(min_value=0, max_value=130), min_size=1, max_size=5
)


def _oracle(minutes: dict[str, int]) -> list[dict[str, int]]:
    """Every allocation the published rules allow, found by brute force."""
    total = units_for_minutes(sum(minutes.values()))
    codes = sorted(minutes)
    found = []
    for extra in product((0, 1), repeat=len(codes)):
        allocation = {c: minutes[c] // 15 + e for c, e in zip(codes, extra, strict=True)}
        if sum(allocation.values()) != total:
            continue
        given_rem = [minutes[c] % 15 for c, e in zip(codes, extra, strict=True) if e]
        other_rem = [minutes[c] % 15 for c, e in zip(codes, extra, strict=True) if not e]
        if any(m % 15 == 0 for c, e in zip(codes, extra, strict=True) if e for m in [minutes[c]]):
            continue
        if given_rem and other_rem and min(given_rem) < max(other_rem):
            continue
        found.append(allocation)
    return found


@settings(max_examples=300, deadline=None)
@given(minutes_maps)
def test_cms_allocation_is_always_one_of_the_valid_ones(minutes: dict[str, int]) -> None:
    result = allocate_units(minutes)
    total = sum(minutes.values())
    assert result.total_timed_minutes == total
    assert result.total_units == units_for_minutes(total)
    assert sum(result.units.values()) == result.total_units
    assert result.total_units <= (total + 7) // 15
    for code, units in result.units.items():
        assert minutes[code] // 15 <= units <= minutes[code] // 15 + 1
    valid = valid_allocations(minutes)
    assert result.units in valid
    assert sorted(valid, key=_canon) == sorted(_oracle(minutes), key=_canon)
    assert (len(valid) > 1) == bool(result.ties)


@settings(max_examples=200, deadline=None)
@given(minutes_maps)
def test_per_code_rounds_each_code_alone(minutes: dict[str, int]) -> None:
    result = allocate_units(minutes, "per_code")
    for code, m in minutes.items():
        assert result.units[code] == units_for_minutes(m)
    assert valid_allocations(minutes, "per_code") == [result.units]
    assert result.total_units >= allocate_units(minutes).total_units - len(minutes)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=6), st.one_of(st.integers(), st.text(max_size=3))))
def test_any_input_gives_a_result_or_a_chartdesk_error(minutes: dict) -> None:  # type: ignore[type-arg]
    try:
        allocate_units(minutes)
    except ChartdeskError as exc:
        assert "\n" not in str(exc)
