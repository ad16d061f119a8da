"""The instruments table: each instrument's range, which direction is better and the change
that matters (MCID, or MDC where no MCID is agreed), from ``data/instruments.toml`` with the
clinic's own instruments (context.toml ``[[instruments]]``) on top."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Final

HIGHER_BETTER: Final = "higher_better"
LOWER_BETTER: Final = "lower_better"
DIRECTIONS: Final = (HIGHER_BETTER, LOWER_BETTER)
_PERCENT: Final = ("%", "/100")
_CHANGE_FIGURES: Final = ("mcid", "mdc", "mdc_by_baseline")


@dataclass(frozen=True)
class Instrument:
    """One instrument and the change on it a clinician would call real."""

    name: str
    low: float
    high: float
    direction: str
    unit: str = ""
    mcid: float | None = None
    mdc: float | None = None
    mdc_by_baseline: tuple[tuple[float, float, float], ...] = ()
    percent_of: float | None = None
    raw_max: float | None = None
    patient_specific: bool = False  # items chosen per patient (PSFS, COPM)
    region: str = ""
    source: str = ""

    def threshold(self, baseline: float) -> tuple[float, str] | None:
        """The change that counts as important from `baseline`, and its basis ("MCID" or
        "MDC"); None when the table gives neither."""
        if self.mcid is not None:
            return self.mcid, "MCID"
        for low, high, mdc in self.mdc_by_baseline:
            if low <= baseline <= high:
                return mdc, "MDC"
        if self.mdc is not None:
            return self.mdc, "MDC"
        return None

    def real_change(self, baseline: float) -> tuple[float, str] | None:
        """The change beyond measurement error from `baseline`, and its basis: the MDC where
        published, else the MCID (the smallest change the instrument's literature calls
        real); None when the table gives neither."""
        for low, high, mdc in self.mdc_by_baseline:
            if low <= baseline <= high:
                return mdc, "MDC"
        if self.mdc is not None:
            return self.mdc, "MDC"
        if self.mcid is not None:
            return self.mcid, "MCID"
        return None

    def factor(self, unit: str) -> float:
        """What one unit as a note writes it is on this table's scale: a percentage of a
        0-50 scale ("NDI 28%" is 14/50) is 0.5, a raw ODI sum out of 50 is 2 (%), a pound of
        grip 0.4536 kg, a foot walked 0.3048 m; 1 for the table's own unit."""
        unit = (unit or "").strip().lower()
        if self.percent_of and unit in _PERCENT and self.high != 100:
            return self.percent_of / 100
        if self.raw_max and unit == f"/{self.raw_max:g}":
            return self.high / self.raw_max
        return conversions().get(self.unit, {}).get(unit, 1.0)

    def normalised(self, value: float, unit: str) -> float:
        """A score as this table states it ("NDI 28%" is 14/50, "ODI 19/50" is 38 %, a grip
        in pounds in kilograms)."""
        factor = self.factor(unit)
        return value if factor == 1.0 else round(value * factor, 2)

    def better(self, delta: float) -> float:
        """A change (current minus baseline) as improvement: positive is better."""
        return delta if self.direction == HIGHER_BETTER else -delta


def instrument_from(name: str, spec: Mapping[str, Any]) -> Instrument:
    """One table entry (built-in or a clinic's, already validated) as an Instrument."""

    def number(key: str) -> float | None:
        value = spec.get(key)
        return float(value) if isinstance(value, int | float) else None

    bands = tuple(
        (float(band[0]), float(band[1]), float(band[2])) for band in spec.get("mdc_by_baseline", ())
    )
    return Instrument(
        name=name,
        low=float(spec.get("min", 0)),
        high=float(spec.get("max", 0)),
        direction=str(spec.get("direction", HIGHER_BETTER)),
        unit=str(spec.get("unit", "")),
        mcid=number("mcid"),
        mdc=number("mdc"),
        mdc_by_baseline=bands,
        percent_of=number("percent_of"),
        raw_max=number("raw_max"),
        patient_specific=spec.get("patient_specific") is True,
        region=str(spec.get("region", "")),
        source=str(spec.get("source", "")),
    )


@cache
def builtin_instruments() -> Mapping[str, Instrument]:
    """The built-in table, by name: the instruments with a change figure (the others in the
    file are names and ranges for reading notes, with no agreed change to judge by)."""
    table = _tables().get("instruments", {})
    return {
        str(name): instrument_from(str(name), spec)
        for name, spec in table.items()
        if any(spec.get(key) is not None for key in _CHANGE_FIGURES)
    }


@cache
def _tables() -> Mapping[str, Any]:
    raw = (files("tui.core") / "data" / "instruments.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


def conversions() -> Mapping[str, Mapping[str, float]]:
    """Per instrument unit, the units notes write it in and their factor to it."""
    table: Mapping[str, Mapping[str, float]] = _tables().get("conversions", {})
    return table


def noise(kind: str) -> float | None:
    """The change beyond measurement error of a measure without an instrument ("rom" in
    degrees, "mmt" in plus/minus grade steps), None when the table gives none."""
    entry = _tables().get("noise", {}).get(kind)
    return float(entry["threshold"]) if entry else None


def instrument_table(clinic: Iterable[Mapping[str, Any]] = ()) -> dict[str, Instrument]:
    """The built-in table with the clinic's entries added or replacing built-in ones by name
    (matched ignoring case)."""
    table = dict(builtin_instruments())
    by_fold = {name.casefold(): name for name in table}
    for spec in clinic:
        name = str(spec["name"])
        table.pop(by_fold.get(name.casefold(), name), None)
        table[name] = instrument_from(name, spec)
    return table


def lookup(table: Mapping[str, Instrument], name: str) -> Instrument | None:
    """The instrument of a measure name, ignoring case ("berg" is "Berg")."""
    if name in table:
        return table[name]
    folded = name.casefold()
    return next((item for key, item in table.items() if key.casefold() == folded), None)


def instrument_problems(spec: Mapping[str, Any]) -> list[tuple[str, str]]:
    """What is wrong with a clinic's instrument beyond its types: (key, problem)."""
    problems: list[tuple[str, str]] = []
    low, high = spec.get("min"), spec.get("max")
    if isinstance(low, int | float) and isinstance(high, int | float) and low >= high:
        problems.append(("max", "must be greater than min"))
    if spec.get("direction") not in DIRECTIONS:
        problems.append(("direction", f"must be one of {', '.join(DIRECTIONS)}"))
    if spec.get("mcid") is None and spec.get("mdc") is None:
        problems.append(("mcid", "give the instrument's MCID (or its MDC)"))
    if not str(spec.get("source", "")).strip():
        problems.append(("source", "cite where the MCID comes from"))
    return problems
