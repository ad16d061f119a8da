"""Which quantity a unit measures, and which kinds of fact that quantity may be.

Readers each kept their own lists of units, so one reader took "ER 18.6 vs 19.9 kg" as a joint
angle (the kg after the pair's second value is the unit of both) while another read the 19.9 as a
force. One table (data/units.toml) says what a unit measures: kg or lbf a force (strength, or a
body weight), degrees an angle (rom, or a posture angle), cm or mm a length (girth only at a
landmark, else other), s or min a duration; and what kinds each quantity admits. This module
answers from that table: the quantity of a unit, whether a kind may carry it, and the unit a
number in a text stands with (its own, right after it, or the one it shares with its pair).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.tables import str_list, units_table
from tui.core.checks.text.alternation import either

_NUMBER = r"\d+(?:\.\d+)?"
_SIDE = r"(?:(?:[RL]|rt|lt|right|left)\b[ \t]*:?[ \t]*)?"


@dataclass(frozen=True)
class Quantity:
    """One quantity: its name, the pattern of its units, and the kinds it may be."""

    name: str
    unit: re.Pattern[str]
    kinds: frozenset[str]


@cache
def quantities() -> tuple[Quantity, ...]:
    """Every quantity of the table, in its order."""
    found = []
    for name, spec in units_table().get("quantities", {}).items():
        units = either(str_list(spec.get("units")))
        found.append(
            Quantity(
                name=name,
                unit=re.compile(rf"(?:{units})(?![A-Za-z/])"),
                kinds=frozenset(str_list(spec.get("kinds"))),
            )
        )
    return tuple(found)


@cache
def _any_unit() -> str:
    return "|".join(f"(?:{q.unit.pattern})" for q in quantities())


@cache
def _own_unit() -> re.Pattern[str]:
    return re.compile(rf"[ \t]*(?P<unit>{_any_unit()})")


@cache
def _shared_unit() -> re.Pattern[str]:
    joins = either(str_list(units_table().get("gate", {}).get("pair_joins")))
    return re.compile(
        rf"[ \t]*(?:{joins})[ \t]*{_SIDE}(?<![\w.]){_NUMBER}[ \t]?(?P<unit>{_any_unit()})"
    )


def quantity_of(unit: str | None) -> Quantity | None:
    """The quantity a unit measures ("kg" -> force, "deg" -> angle), or None when the table
    does not know it (a scale "/10", a share "%")."""
    if not unit:
        return None
    for quantity in quantities():
        if quantity.unit.fullmatch(unit.strip()):
            return quantity
    return None


def admits(kind: str, unit: str | None) -> bool:
    """True when a fact of `kind` may carry `unit`: a unit the table does not know admits every
    kind (the gate judges only what the table says)."""
    quantity = quantity_of(unit)
    return quantity is None or kind in quantity.kinds


def unit_at(text: str, end: int) -> tuple[str, bool] | None:
    """The unit a number ending at `end` stands with, and whether it is shared: its own unit
    right after it ("18.6 kg", "24°"), else the unit after its pair's second value ("18.6 vs
    19.9 kg", "42/55 lbf"); None when neither is written."""
    own = _own_unit().match(text, end)
    if own:
        return own.group("unit"), False
    shared = _shared_unit().match(text, end)
    if shared:
        return shared.group("unit"), True
    return None
