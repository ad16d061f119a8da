"""Whether a change on an instrument is clinically important: the improvement (in the
instrument's better direction) measured against its MCID, or its MDC where none is agreed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from tui.core.outcomes.instruments import Instrument

_TOLERANCE: Final = 1e-9


@dataclass(frozen=True)
class Change:
    """The change from a baseline to a current value, read in the instrument's direction."""

    baseline: float
    current: float
    delta: float  # current minus baseline, as written
    improvement: float  # positive: better
    threshold: float | None
    basis: str  # "MCID" | "MDC" | "" (no threshold known)

    @property
    def met(self) -> bool | None:
        """True when the improvement reaches the threshold; None when there is none."""
        if self.threshold is None:
            return None
        return self.improvement + _TOLERANCE >= self.threshold

    @property
    def verdict(self) -> str:
        """The change in words, as a progress report states it."""
        if self.met:
            return f"improved beyond the {self.basis} ({_num(self.threshold or 0)})"
        if self.improvement > _TOLERANCE:
            if self.threshold is None:
                return "improved (no MCID known)"
            return f"improved, below the {self.basis} ({_num(self.threshold)})"
        if self.improvement < -_TOLERANCE:
            return "worse"
        return "no change"

    def to_json(self) -> dict[str, Any]:
        return {
            "baseline": self.baseline,
            "current": self.current,
            "change": self.delta,
            "improvement": self.improvement,
            "threshold": self.threshold,
            "basis": self.basis,
            "met": self.met,
        }


def change(
    instrument: Instrument | None,
    baseline: float,
    current: float,
    *,
    lower_better: bool = False,
    scale: float = 1.0,
) -> Change:
    """The change from `baseline` to `current`; without an instrument (a range of motion, a
    measure the table lacks) higher is read as better (lower with `lower_better`: a deficit,
    an extension lag) and no threshold applies. `scale`: what one unit of the values is on
    the instrument's scale (0.5 for an NDI written in %), so the threshold is given in the
    values' unit."""
    delta = round(current - baseline, 4)
    if instrument is None:
        return Change(baseline, current, delta, -delta if lower_better else delta, None, "")
    found = in_unit(instrument.threshold(baseline * scale), scale)
    threshold, basis = found if found else (None, "")
    return Change(baseline, current, delta, instrument.better(delta), threshold, basis)


def in_unit(found: tuple[float, str] | None, scale: float) -> tuple[float, str] | None:
    """A threshold on the instrument's scale in the unit of values `scale` converts."""
    if found is None:
        return None
    return (found[0] if scale == 1.0 else round(found[0] / scale, 2)), found[1]


def _num(value: float) -> str:
    return f"{value:g}"
