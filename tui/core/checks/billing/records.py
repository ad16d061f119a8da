"""What a note's billing reading holds: the services, the stated totals and the billed units,
with where each is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tui.core.checks.facts import Fact
from tui.core.checks.tables import billing_tables
from tui.core.checks.text.scan import Scanner


@dataclass(frozen=True)
class Billing:
    """What a note says about billing: services with minutes, stated totals, billed units.

    The offsets (`billed_at`, `timed_total_at`, `treatment_total_at`, `unreadable`) point into
    the text that was read, so a finding can name the line it rests on.
    """

    services: tuple[Fact, ...] = ()
    stated_timed_minutes: int | None = None
    stated_treatment_minutes: int | None = None
    billed: Mapping[str, int] = field(default_factory=dict)
    timed_codes: frozenset[str] = frozenset()
    billed_at: int | None = None
    timed_total_at: int | None = None
    treatment_total_at: int | None = None
    unreadable: tuple[int, ...] = ()
    unreadable_codes: frozenset[str] = frozenset()

    def minutes_by_code(self, *, timed: bool) -> dict[str, int]:
        """Documented minutes per CPT code, timed or untimed codes only."""
        totals: dict[str, int] = {}
        for service in self.services:
            code = service.cpt or ""
            if (code in self.timed_codes) == timed and service.minutes is not None:
                totals[code] = totals.get(code, 0) + service.minutes
        return totals

    @property
    def timed_minutes_by_code(self) -> dict[str, int]:
        return self.minutes_by_code(timed=True)

    @property
    def untimed_minutes_by_code(self) -> dict[str, int]:
        return self.minutes_by_code(timed=False)

    @property
    def total_timed_minutes(self) -> int | None:
        """The total timed minutes the note states (None when it states none: a sum of the
        per-code minutes is not what the note says, and TOTAL_TIME_MISSING says so)."""
        return self.stated_timed_minutes

    @property
    def documented_timed_minutes(self) -> int | None:
        """The stated total, else the sum of per-code timed minutes, else None."""
        if self.stated_timed_minutes is not None:
            return self.stated_timed_minutes
        per_code = self.timed_minutes_by_code
        return sum(per_code.values()) if per_code else None

    @property
    def total_treatment_minutes(self) -> int | None:
        return self.stated_treatment_minutes

    def to_json(self) -> dict[str, Any]:
        return {
            "services": [service.to_json() for service in self.services],
            "total_timed_minutes": self.total_timed_minutes,
            "documented_timed_minutes": self.documented_timed_minutes,
            "total_treatment_minutes": self.total_treatment_minutes,
            "billed": dict(self.billed),
        }


@dataclass
class Totals:
    """The stated totals and where they are written (offsets into the text read)."""

    timed: int | None = None
    treatment: int | None = None
    timed_at: int | None = None
    treatment_at: int | None = None


@dataclass
class Billed:
    """Billed codes with units, where they are written, lines that could not be read, and
    minutes written on the billing line itself ("97110 15 min x1")."""

    units: dict[str, int] = field(default_factory=dict)
    first_at: int | None = None
    unreadable: list[int] = field(default_factory=list)
    services: list[Fact] = field(default_factory=list)
    unreadable_codes: set[str] = field(default_factory=set)


def service_at(scanner: Scanner, code: str, minutes: int, start: int, end: int) -> Fact:
    """A service's minutes under its code, read from the text at [start, end)."""
    return Fact(
        kind="service",
        value=minutes,
        unit="min",
        cpt=code,
        minutes=minutes,
        label=billing_tables().name_of(code),
        span=scanner.span(start, end),
    )
