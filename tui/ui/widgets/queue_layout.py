"""How the queue's columns share the width they are given: a pure function, so every width from
a phone (60 columns) to a wide monitor is decided in one place and tested without a terminal.

The queue never scrolls sideways: whatever the width, the row is laid out to fit it. What a
clinician needs to pick the next draft (patient, date, document, status, checks) is always
shown, each at least wide enough to read; narrow widths use short forms (``11-02`` for the date,
"1 audit +2" for the checks) before anything is cut, and the cost column only appears when the
clinic pays for drafting and there is room. Width left over goes to the checks, the one column
whose full text keeps growing in meaning.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

GAP: Final = 2
"""Blank cells between two columns."""
LEAD: Final = 1
"""Blank cells before the first column."""
ORDER: Final = ("patient", "date", "document", "status", "checks", "cost")
LABELS: Final[Mapping[str, str]] = {
    "patient": "Patient",
    "date": "Date",
    "document": "Document",
    "status": "Status",
    "checks": "Checks",
    "cost": "Cost",
}
FULL_DATE: Final = 10
SHORT_DATE: Final = 5
# Narrowest readable width of each column, and the width past which it gains nothing.
_MIN: Final[Mapping[str, int]] = {"patient": 12, "date": SHORT_DATE, "document": 9,
                                  "checks": 10}  # fmt: skip
_CAP: Final[Mapping[str, int]] = {"patient": 26, "document": 24, "status": 12, "checks": 40,
                                  "cost": 9}  # fmt: skip
# Where spare width goes first, up to each column's "comfortable" width (then to the natural
# width of the checks, the patient and the document, then what is left to the checks).
_COMFORT: Final = (("patient", 16), ("date", FULL_DATE), ("document", 14), ("checks", 14))


@dataclass(frozen=True)
class Layout:
    """The shown columns, in order, with their widths; `short_date` when dates are MM-DD."""

    columns: tuple[tuple[str, int], ...]
    short_date: bool = False

    @property
    def width(self) -> int:
        return LEAD + sum(width for _key, width in self.columns) + GAP * (len(self.columns) - 1)

    def width_of(self, key: str) -> int:
        return next((width for name, width in self.columns if name == key), 0)


def natural_widths(widths: Mapping[str, int]) -> dict[str, int]:
    """Each column's natural width: its widest cell or its label, within its cap."""
    natural = {}
    for key in ORDER:
        wanted = max(widths.get(key, 0), len(LABELS[key]))
        natural[key] = FULL_DATE if key == "date" else min(wanted, _CAP.get(key, wanted))
    return natural


def layout(available: int, widths: Mapping[str, int], *, with_cost: bool = False) -> Layout:
    """The columns for a row `available` cells wide, given the widest cell of each column."""
    natural = natural_widths(widths)
    # The status is short and always whole; the others start at their narrowest readable width.
    sizes = {key: natural[key] if key == "status" else min(_MIN[key], natural[key])
             for key in ORDER if key != "cost"}  # fmt: skip

    def room() -> int:
        return available - LEAD - GAP * (len(sizes) - 1) - sum(sizes.values())

    for key, comfortable in _COMFORT:
        extra = min(room(), max(0, min(comfortable, natural[key]) - sizes[key]))
        if key == "date" and extra < FULL_DATE - SHORT_DATE:
            continue  # a date is either whole or MM-DD, never cut
        sizes[key] += max(0, extra)
    for key in ("checks", "patient", "document"):
        sizes[key] += max(0, min(room(), natural[key] - sizes[key]))
    if with_cost and room() >= GAP + natural["cost"]:
        sizes["cost"] = natural["cost"]
    sizes["checks"] += max(0, room())
    shortfall = -room()
    for key in ("document", "patient", "checks"):  # a terminal narrower than any phone
        if shortfall <= 0:
            break
        cut = min(shortfall, sizes[key] - 4)
        sizes[key] -= cut
        shortfall -= cut
    columns = tuple((key, sizes[key]) for key in ORDER if key in sizes)
    return Layout(columns, short_date=sizes["date"] < FULL_DATE)
