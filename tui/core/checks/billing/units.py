"""Timed-code units: the Medicare 8-minute rule with its allocation to codes, and the per-code
"rule of eights" some commercial payers use (../shared/reference/billing-rules.md).

Under the CMS rule the day's units come from the total of all timed minutes; each code first
gets one unit per full 15 minutes, and units left over go to the codes with the most minutes
remaining. Equal remainders are a tie: either code may take the unit, and both answers are
reported as valid. Untimed codes are one unit a day, whatever the duration.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from tui.core.checks import UNIT_RULES
from tui.core.checks.tables import billing_tables
from tui.core.errors import ChartdeskError

RULES = UNIT_RULES
MAX_MINUTES = 24 * 60
_MOST_SPLIT_MINUTES = 240


@dataclass(frozen=True)
class Tie:
    """`units` leftover units to share among `codes`, which all have `remaining` minutes."""

    codes: tuple[str, ...]
    units: int
    remaining: int

    def to_json(self) -> dict[str, Any]:
        return {"codes": list(self.codes), "units": self.units, "remaining_minutes": self.remaining}


@dataclass(frozen=True)
class UnitResult:
    """Units per code for one day of service under one rule."""

    rule: str
    total_timed_minutes: int
    total_units: int
    units: dict[str, int]
    ties: list[Tie] = field(default_factory=list)
    timed_units: int = 0

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "total_timed_minutes": self.total_timed_minutes,
            "total_units": self.total_units,
            "units": dict(self.units),
            "timed_units": self.timed_units,
        }
        if self.ties:
            data["ties"] = [tie.to_json() for tie in self.ties]
        return data


def units_for_minutes(minutes: int) -> int:
    """Units for a number of timed minutes: 0 under 8, then one more per 15 (8-22 -> 1)."""
    return (minutes + 7) // 15 if minutes >= 8 else 0


def allocate_units(
    minutes: Mapping[str, int],
    rule: str = "cms",
    timed_codes: Mapping[str, str] | None = None,
    untimed_codes: Mapping[str, str] | None = None,
) -> UnitResult:
    """Units per code. Raises ChartdeskError for an unknown rule or code, or bad minutes."""
    timed, untimed = _tables(timed_codes, untimed_codes)
    _check(minutes, rule, timed, untimed)
    timed_minutes = {code: int(m) for code, m in minutes.items() if code in timed}
    untimed_units = {code: 1 for code, m in minutes.items() if code in untimed and m > 0}
    if rule == "per_code":
        units = {code: units_for_minutes(m) for code, m in timed_minutes.items()}
        ties: list[Tie] = []
    else:
        units, ties = _cms_allocation(timed_minutes)
        units = _first_choice(units, ties)
    timed_total = sum(units.values())
    allocation = {**units, **untimed_units}
    for code in minutes:
        allocation.setdefault(code, 0)
    return UnitResult(
        rule=rule,
        total_timed_minutes=sum(timed_minutes.values()),
        total_units=sum(allocation.values()),
        units=allocation,
        ties=ties,
        timed_units=timed_total,
    )


def valid_allocations(
    minutes: Mapping[str, int],
    rule: str = "cms",
    timed_codes: Mapping[str, str] | None = None,
    untimed_codes: Mapping[str, str] | None = None,
) -> list[dict[str, int]]:
    """Every correct allocation of timed units (several when remainders tie)."""
    result = allocate_units(minutes, rule, timed_codes, untimed_codes)
    timed, _untimed = _tables(timed_codes, untimed_codes)
    if not result.ties:
        return [{code: n for code, n in result.units.items() if code in timed}]
    timed_minutes = {code: m for code, m in minutes.items() if code in timed}
    fixed, ties = _cms_allocation(timed_minutes)
    return list(_expand_ties(fixed, ties))


def _first_choice(fixed: dict[str, int], ties: list[Tie]) -> dict[str, int]:
    """One valid allocation: tied units go to the tied codes in code order."""
    units = dict(fixed)
    for tie in ties:
        for code in tie.codes[: tie.units]:
            units[code] += 1
    return units


def _expand_ties(base: dict[str, int], ties: list[Tie]) -> Iterator[dict[str, int]]:
    tie = ties[0]
    for winners in combinations(tie.codes, tie.units):
        choice = dict(base)
        for code in tie.codes:
            choice[code] = base[code] + (1 if code in winners else 0)
        yield from _expand_ties(choice, ties[1:]) if len(ties) > 1 else iter([choice])


def _cms_allocation(minutes: Mapping[str, int]) -> tuple[dict[str, int], list[Tie]]:
    """Full units first, then leftovers by largest remainder.

    Returns the units every valid allocation agrees on, plus the ties: leftover units a group
    of codes with equal remainders must share, which any of them may take.
    """
    total_units = units_for_minutes(sum(minutes.values()))
    units = {code: m // 15 for code, m in minutes.items()}
    leftover = total_units - sum(units.values())
    remainders = sorted(
        ((m % 15, code) for code, m in minutes.items() if m % 15 > 0),
        key=lambda item: -item[0],
    )
    ties: list[Tie] = []
    index = 0
    while leftover > 0 and index < len(remainders):
        remaining = remainders[index][0]
        group = [code for rem, code in remainders[index:] if rem == remaining]
        if len(group) <= leftover:
            for code in group:
                units[code] += 1
            leftover -= len(group)
        else:
            ties.append(Tie(codes=tuple(sorted(group)), units=leftover, remaining=remaining))
            leftover = 0
        index += len(group)
    return units, ties


def _tables(
    timed_codes: Mapping[str, str] | None, untimed_codes: Mapping[str, str] | None
) -> tuple[Mapping[str, str], Mapping[str, str]]:
    tables = billing_tables()
    timed = dict(tables.timed) if timed_codes is None else dict(timed_codes)
    untimed = dict(tables.untimed) if untimed_codes is None else dict(untimed_codes)
    return timed, untimed


def _check(
    minutes: Mapping[str, int], rule: str, timed: Mapping[str, str], untimed: Mapping[str, str]
) -> None:
    if rule not in RULES:
        raise ChartdeskError(f"unknown timed-unit rule {rule!r}; use cms or per_code")
    for code, value in minutes.items():
        if code not in timed and code not in untimed:
            raise ChartdeskError(f"unknown CPT code {code!r}: not a timed or untimed code")
        if isinstance(value, bool) or not isinstance(value, int):
            raise ChartdeskError(f"minutes for {code} must be a whole number, got {value!r}")
        if value < 0:
            raise ChartdeskError(f"minutes for {code} cannot be negative ({value})")
        if value > MAX_MINUTES:
            raise ChartdeskError(f"minutes for {code} exceed a day ({value} > {MAX_MINUTES})")


def parse_minutes_args(items: list[str]) -> dict[str, int]:
    """CLI `CODE=MIN` arguments as a mapping; repeated codes add up."""
    minutes: dict[str, int] = {}
    for item in items:
        code, sep, value = item.partition("=")
        code = code.strip().upper()
        if not sep or not code:
            raise ChartdeskError(f"expected CODE=MINUTES, got {item!r}")
        text = value.strip()
        if not re.fullmatch(r"-?[0-9]{1,6}", text):
            raise ChartdeskError(f"minutes for {code} must be a whole number, got {value!r}")
        if int(text) < 0:
            raise ChartdeskError(f"minutes for {code} cannot be negative ({text})")
        minutes[code] = minutes.get(code, 0) + int(text)
    return minutes


def split_units(minutes: int, codes: int) -> tuple[int, int]:
    """The fewest and most units the per-code rule gives `minutes` shared among `codes` codes in
    any split (each code rounded alone), for codes billed without minutes of their own. Past
    a few hours of minutes the split is not worked out (nothing is judged)."""
    if minutes > _MOST_SPLIT_MINUTES:
        return 0, MAX_MINUTES
    reach = {0: (0, 0)}  # minutes used so far -> (fewest, most) units
    for _ in range(codes):
        step: dict[int, tuple[int, int]] = {}
        for used, (low, high) in reach.items():
            for part in range(minutes - used + 1):
                units = units_for_minutes(part)
                old = step.get(used + part)
                new = (low + units, high + units)
                step[used + part] = (
                    new if old is None else (min(old[0], new[0]), max(old[1], new[1]))
                )
        reach = step
    return reach.get(minutes, (0, 0))
