"""One entry of a FHIR-like bundle, written as the line a note writes for it.

An EHR's FHIR export pasted into a note puts each resource on a line of its own ('{ "resource":
{ "resourceType": "Observation", "code": { "text": "Oswestry Disability Index" },
"valueQuantity": { "value": 32, "unit": "%" }, "note": [{ "text": "baseline 2132-02-12: 46 %"
}] } },'). Read as prose its braces and keys part every name from its value, so each entry is
written as a clinician would chart it: an observation as its name and value ("Oswestry
Disability Index: 32% (baseline 2132-02-12: 46 %)"), a procedure as its code, its name and its
note ("97110 Therapeutic exercise: 25 min. Prone press-ups 3x10"), a charge as "Billed 97110 x2",
a goal as a goal sentence and an impression as the assessment. A score's maximum comes from its
reference range ("/10"), never from the unit "{score}". Words are data (exports.toml
[fhir_entries]); an entry of another type, or no entry, is left to the JSON line reader.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from tui.core.checks.layouts.export_words import export_table


@cache
def _words() -> Mapping[str, Any]:
    return export_table("fhir_entries")


def fhir_entry(record: Mapping[str, Any]) -> str | None:
    """The note's line for one bundle entry, or None when the record is none the reader knows."""
    resource = record.get("resource")
    if not isinstance(resource, dict):
        return None
    writer = _WRITERS.get(str(resource.get("resourceType", "")))
    return writer(resource) if writer is not None else None


def _observation(resource: Mapping[str, Any]) -> str | None:
    name = _text(resource.get("code"))
    if not name:
        return None
    value = _value(resource)
    if value is None:
        return None
    notes = "; ".join(_notes(resource))
    return f"{name}: {value}" + (f" ({notes})" if notes else "") + "."


def _value(resource: Mapping[str, Any]) -> str | None:
    """An observation's value as a note writes it: the quantity with the note's unit, or the
    string as given ("4/5")."""
    if isinstance(resource.get("valueString"), str):
        return str(resource["valueString"])
    quantity = resource.get("valueQuantity")
    if not isinstance(quantity, dict) or not _number(quantity.get("value")):
        return None
    unit = str(quantity.get("unit", ""))
    written = _words().get("units", {}).get(unit, f" {unit}" if unit else "")
    if unit == "{score}":
        written = _maximum(resource)
    return f"{quantity['value']:g}{written}"


def _maximum(resource: Mapping[str, Any]) -> str:
    """A score's denominator from its reference range's high end ("/10"), or none."""
    ranges = resource.get("referenceRange")
    if isinstance(ranges, list) and ranges and isinstance(ranges[0], dict):
        high = ranges[0].get("high")
        if isinstance(high, dict) and _number(high.get("value")):
            return f"/{high['value']:g}"
    return ""


def _procedure(resource: Mapping[str, Any]) -> str | None:
    codings = _codings(resource.get("code"))
    if not codings:
        return None
    code, display = codings[0]
    notes = " ".join(_notes(resource))
    return f"{code} {display}: {notes}".strip() + ("" if notes.endswith(".") else ".")


def _charge(resource: Mapping[str, Any]) -> str | None:
    codings = _codings(resource.get("code"))
    quantity = resource.get("quantity")
    if not codings or not isinstance(quantity, dict) or not _number(quantity.get("value")):
        return None
    return f"{_words()['billed']} {codings[0][0]} x{quantity['value']:g}."


def _goal(resource: Mapping[str, Any]) -> str | None:
    text = _text(resource.get("description"))
    return f"{_words()['goal']} {text}." if text else None


def _impression(resource: Mapping[str, Any]) -> str | None:
    summary = resource.get("summary")
    return f"{_words()['impression']} {summary}" if isinstance(summary, str) else None


def _coverage(resource: Mapping[str, Any]) -> str | None:
    payors = resource.get("payor")
    names = [_text(payor) for payor in payors] if isinstance(payors, list) else []
    names = [name for name in names if name]
    return f"{_words()['coverage']} {', '.join(names)}." if names else None


def _encounter(resource: Mapping[str, Any]) -> str | None:
    reasons = resource.get("reasonCode")
    texts = [_text(reason) for reason in reasons] if isinstance(reasons, list) else []
    texts = [text for text in texts if text]
    return f"{_words()['encounter']} {'; '.join(texts)}." if texts else None


_WRITERS: dict[str, Callable[[Mapping[str, Any]], str | None]] = {
    "Observation": _observation,
    "Procedure": _procedure,
    "ChargeItem": _charge,
    "Goal": _goal,
    "ClinicalImpression": _impression,
    "Coverage": _coverage,
    "Encounter": _encounter,
}


def _text(concept: Any) -> str:
    """A concept's words: its text, or else its display."""
    if not isinstance(concept, dict):
        return ""
    for key in ("text", "display"):
        if isinstance(concept.get(key), str):
            return str(concept[key]).strip()
    return ""


def _codings(concept: Any) -> list[tuple[str, str]]:
    """A concept's codes with their displays."""
    codings = concept.get("coding") if isinstance(concept, dict) else None
    if not isinstance(codings, list):
        return []
    return [
        (str(coding["code"]), str(coding.get("display", "")))
        for coding in codings
        if isinstance(coding, dict) and isinstance(coding.get("code"), str)
    ]


def _notes(resource: Mapping[str, Any]) -> list[str]:
    notes = resource.get("note")
    texts = [_text(note) for note in notes] if isinstance(notes, list) else []
    return [text for text in texts if text]


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
