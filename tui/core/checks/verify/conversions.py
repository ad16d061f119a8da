"""A value a draft converts to another unit ("150 ft" written "45.7 m", "212 lb" as "96.2 kg").

A draft that gives the note's distance in metres or its weight in kilograms says what the note
says; the converted number appears nowhere in the note, so without this it reads as an invented
value. It is the note's only when one of the note's values in another unit of the same dimension
converts to it at the precision the draft writes (45.72 m is "45.7 m" or "46 m", never "50 m"),
so a wrong conversion is still caught. The units and their sizes are data (verify.toml).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from tui.core.checks.verify.verify_words import verify_data

_EPSILON = 1e-9


@cache
def _units() -> dict[str, tuple[str, float]]:
    """Unit (lower case) -> (dimension, its size in the dimension's base unit)."""
    data = verify_data()
    return {
        str(unit).lower(): (str(entry[0]), float(entry[1]))
        for unit, entry in data.get("conversions", {}).items()
    }


def unit_size(unit: str) -> tuple[str, float] | None:
    """The unit's dimension and size, or None for a unit that is not converted."""
    return _units().get(unit.strip().lower())


def quantity_key(unit_class: str, value: float, unit: str) -> tuple[str, float]:
    """What a number with its unit measures, as a key two writings of it share: the converted
    quantity for a unit of verify.toml ("61 cm" is 0.61 m, never "61 mm"), the unit's class and
    the number for any other unit ("24 s", "8 reps")."""
    known = unit_size(unit)
    if known is None:
        return unit_class, round(value, 3)
    dimension, size = known
    return dimension, round(value * size, 9)


@dataclass(frozen=True)
class Converted:
    """A text's values with convertible units, per dimension, as sorted base values."""

    bases: dict[str, tuple[float, ...]]
    sizes: dict[str, tuple[float, ...]]

    @classmethod
    def of(cls, values: Iterable[tuple[float, str]]) -> Converted:
        """`values`: (number, unit) as written."""
        found: dict[str, list[tuple[float, float]]] = {}
        for value, unit in values:
            known = unit_size(unit)
            if known is not None:
                found.setdefault(known[0], []).append((value * known[1], known[1]))
        bases: dict[str, tuple[float, ...]] = {}
        sizes: dict[str, tuple[float, ...]] = {}
        for dimension, pairs in found.items():
            pairs.sort()
            bases[dimension] = tuple(base for base, _ in pairs)
            sizes[dimension] = tuple(size for _, size in pairs)
        return cls(bases, sizes)

    def converts_to(self, value: float, unit: str, only: float | None = None) -> bool:
        """True when a value of this text in another unit of the same dimension, converted to
        `unit`, rounds to `value` at the decimals `value` is written with; with `only`, that
        value must be the number `only` as written."""
        known = unit_size(unit)
        if known is None:
            return False
        dimension, size = known
        bases = self.bases.get(dimension, ())
        tolerance = 0.5 * 10 ** -_decimals(value) + _EPSILON
        low = bisect.bisect_left(bases, (value - tolerance) * size)
        high = bisect.bisect_right(bases, (value + tolerance) * size)
        sizes = self.sizes[dimension] if bases else ()
        return any(
            abs(sizes[i] - size) > _EPSILON
            and (only is None or abs(bases[i] / sizes[i] - only) < _EPSILON * max(1.0, only))
            for i in range(low, high)
        )


def _decimals(value: float) -> int:
    """The decimals a number is written with (45.7 -> 1, 46.0 -> 0)."""
    text = repr(float(value))
    if "e" in text or text.endswith(".0"):
        return 0
    return len(text.split(".")[1])
