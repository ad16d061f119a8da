"""The `Fact` value: one measurement or service found in a note or a draft, with its span."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FACT_KINDS = ("pain", "rom", "mmt", "outcome", "strength", "girth", "service", "other")


@dataclass(frozen=True)
class Fact:
    """A measurement (or a service with its minutes) and where the text states it.

    `span` is a pair of character offsets into the text that was read (for a note file, the
    whole file including its header), so the UI can highlight exactly what was matched.
    """

    kind: str
    value: int | float | str
    unit: str | None = None
    measure: str | None = None
    cpt: str | None = None
    minutes: int | None = None
    label: str = ""
    span: tuple[int, int] = (0, 0)

    def to_json(self) -> dict[str, Any]:
        """The headless-contract shape: optional keys are left out when unset."""
        data: dict[str, Any] = {"kind": self.kind, "value": self.value}
        for key in ("unit", "measure", "cpt", "minutes"):
            item = getattr(self, key)
            if item is not None:
                data[key] = item
        data["label"] = self.label
        data["span"] = [self.span[0], self.span[1]]
        return data

    def shifted(self, offset: int) -> Fact:
        """The same fact with its span moved by `offset` (body offsets -> file offsets)."""
        start, end = self.span
        return Fact(
            kind=self.kind,
            value=self.value,
            unit=self.unit,
            measure=self.measure,
            cpt=self.cpt,
            minutes=self.minutes,
            label=self.label,
            span=(start + offset, end + offset),
        )

    def render(self) -> str:
        """A short line stating the fact that the extractor reads back as the same fact.

        The offline drafter writes facts with this, so its drafts always verify clean.
        """
        return render_fact(self)


def format_value(value: int | float | str) -> str:
    """A number as a clinician writes it: 45.0 stays "45.0", 38 stays "38"."""
    return str(value)


def render_fact(fact: Fact) -> str:
    """See `Fact.render`."""
    value = format_value(fact.value)
    label = fact.label.strip()
    if fact.kind == "pain":
        qualifier = label[4:].strip() if label.lower().startswith("pain") else label
        scale = " mm" if fact.unit == "mm" else "/10"  # a visual analogue scale is in mm
        return f"Pain {value}{scale} {qualifier}".strip()
    if fact.kind == "rom":
        return f"ROM {label}: {value}°" if label else f"ROM {value}°"
    if fact.kind == "mmt":
        return f"MMT {label} {value}/5" if label else f"MMT {value}/5"
    if fact.kind == "outcome":
        attached = not fact.unit or fact.unit == "%" or fact.unit.startswith("/")
        unit = (fact.unit or "") if attached else f" {fact.unit}"
        measure = fact.measure or label
        extra = label[len(measure) :].strip() if label.startswith(measure) else ""
        if extra and not (extra.startswith("(") and extra.endswith(")")):
            extra = f"({extra})"  # a label's own "(previous)" keeps its one pair of brackets
        return f"{measure} {value}{unit} {extra}".rstrip()
    if fact.kind == "service":
        return f"{label} ({fact.cpt}) {fact.minutes} min" if label else f"{fact.cpt} {value} min"
    if fact.kind in ("strength", "girth"):
        noun = "grip/pinch" if fact.kind == "strength" else "girth"
        return f"{label or noun} {value} {fact.unit or ''}".strip()
    unit = fact.unit or ""
    joiner = "" if unit in ("%", "") else " "
    return f"{label}: {value}{joiner}{unit}".strip() if label else f"{value}{joiner}{unit}"
