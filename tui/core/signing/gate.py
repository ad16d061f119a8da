"""The sign gate: everything open on the exact version about to be signed, in words.

A signature puts text into the legal record, so the dialog that takes it lists what the checks
found on that version (never an older one) and sorts each item by what it takes to sign over:

- a **refusal** cannot be signed over: a record with no patient or no date of service belongs
  to nobody, and drafting scaffolding never enters a record;
- an **override** needs a typed reason, recorded with the signature and in the audit log:
  ERROR findings, values the note does not support, anything a patient must not get in a
  handout, and a second signed document for a visit already signed;
- a **notice** is shown and signed with one confirmation: warnings, facts of the note the text
  leaves out, sections left "[not documented]".

A version with no item at all is clean and signs with one confirmation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from tui.core.intake.notes import note_day
from tui.core.records.document import NOT_DOCUMENTED

REFUSAL: Final = "refusal"
OVERRIDE: Final = "override"
NOTICE: Final = "notice"
KIND_ORDER: Final = (REFUSAL, OVERRIDE, NOTICE)
MIN_REASON: Final = 8
"""Characters a reason to sign over a finding needs: a word or two, not a keystroke."""


@dataclass(frozen=True)
class GateItem:
    """One open item: what it takes to sign over it, a code, the sentence a clinician acts
    on, and where it rests ("note line 12", "text line 4")."""

    kind: str
    code: str
    message: str
    where: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "code": self.code, "message": self.message, "where": self.where}


@dataclass(frozen=True)
class Identity:
    """Who and when the record is about, as the draft has it now."""

    patient: str
    date: str


@dataclass(frozen=True)
class Gate:
    """The open items of one version of one draft."""

    draft_id: int
    version_n: int
    version_sha256: str
    items: tuple[GateItem, ...]

    def of_kind(self, kind: str) -> list[GateItem]:
        return [item for item in self.items if item.kind == kind]

    @property
    def refused(self) -> bool:
        return bool(self.of_kind(REFUSAL))

    @property
    def needs_reason(self) -> bool:
        return bool(self.of_kind(OVERRIDE))

    @property
    def clean(self) -> bool:
        return not self.items

    @property
    def override_codes(self) -> list[str]:
        return sorted({item.code for item in self.of_kind(OVERRIDE)})

    def to_json(self) -> dict[str, Any]:
        return {
            "draft": self.draft_id,
            "version": self.version_n,
            "sha256": self.version_sha256,
            "clean": self.clean,
            "items": [item.to_json() for item in self.items],
        }


def reason_problem(reason: str) -> str:
    """Why a typed override reason is not enough ("" when it is)."""
    if len(" ".join(reason.split())) < MIN_REASON:
        return f"type a reason of at least {MIN_REASON} characters: it is kept with the signature"
    return ""


def build_gate(
    draft_id: int,
    version_n: int,
    version_sha256: str,
    checks: Mapping[str, Any],
    identity: Identity,
    signed_same_visit: Sequence[int] = (),
) -> Gate:
    """Sort everything open on one version into refusals, overrides and notices."""
    items = [
        *_identity_items(identity),
        *_scaffolding_items(checks),
        *_finding_items(checks),
        *_fact_items(checks),
        *_handout_items(checks),
        *_visit_items(signed_same_visit),
        *_empty_section_items(checks),
    ]
    items.sort(key=lambda item: KIND_ORDER.index(item.kind))
    return Gate(draft_id, version_n, version_sha256, tuple(items))


def _identity_items(identity: Identity) -> list[GateItem]:
    items = []
    if not identity.patient.strip():
        items.append(
            GateItem(
                REFUSAL,
                "NO_PATIENT",
                "The note names no patient: set the patient (i) before signing.",
            )
        )
    if note_day(identity.date) is None:
        what = f"cannot be read as a date ({identity.date!r})" if identity.date else "is not set"
        items.append(
            GateItem(
                REFUSAL,
                "NO_SERVICE_DATE",
                f"The date of service {what}: set it (i) before signing.",
            )
        )
    return items


def _scaffolding_items(checks: Mapping[str, Any]) -> list[GateItem]:
    return [
        GateItem(
            REFUSAL,
            "SCAFFOLDING",
            f"The text still carries {item.get('what', 'drafting scaffolding')}: remove it "
            "(e), it is not part of the record.",
            _where("text", item.get("line")),
        )
        for item in _listed(checks, "scaffolding")
    ]


def _finding_items(checks: Mapping[str, Any]) -> list[GateItem]:
    items = []
    for finding in _listed(checks, "findings"):
        severity = str(finding.get("severity", ""))
        kind = OVERRIDE if severity == "error" else NOTICE
        message = str(finding.get("message") or finding.get("code") or "audit finding")
        items.append(
            GateItem(
                kind,
                str(finding.get("code", "FINDING")),
                message,
                _where("note", finding.get("line")),
            )
        )
    return items


def _fact_items(checks: Mapping[str, Any]) -> list[GateItem]:
    items = [
        GateItem(
            OVERRIDE,
            "UNSUPPORTED_VALUE",
            f"Not supported by the note: {fact_text(fact)}.",
            _where("text", fact.get("line")),
        )
        for fact in _listed(checks, "unsupported")
    ]
    items += [
        GateItem(
            NOTICE,
            "MISSING_FACT",
            f"In the note but not in the text: {fact_text(fact)}.",
            _where("note", fact.get("line")),
        )
        for fact in _listed(checks, "missing")
    ]
    return items


def _handout_items(checks: Mapping[str, Any]) -> list[GateItem]:
    return [
        GateItem(
            OVERRIDE,
            str(item.get("code", "HANDOUT")),
            str(item.get("message", "not for a patient handout")),
            _where("text", item.get("line")),
        )
        for item in _listed(checks, "handout")
    ]


def _visit_items(signed_same_visit: Sequence[int]) -> list[GateItem]:
    return [
        GateItem(
            OVERRIDE,
            "VISIT_ALREADY_SIGNED",
            f"Draft {other} of the same visit is already signed: a second signed document may "
            "bill the visit twice (add an addendum to it instead, or reject this one).",
        )
        for other in signed_same_visit
    ]


def _empty_section_items(checks: Mapping[str, Any]) -> list[GateItem]:
    return [
        GateItem(NOTICE, "NOT_DOCUMENTED", _not_documented_text(str(item.get("what") or "")),
                 _where("text", item.get("line")))
        for item in _listed(checks, "not_documented")
    ]  # fmt: skip


def _not_documented_text(what: str) -> str:
    """A section left as the placeholder ("Assessment is left [not documented]."), or the
    placeholder left among a section's text (`what` is then "[not documented] in <section>")."""
    if what.startswith(NOT_DOCUMENTED):
        return f"A {NOT_DOCUMENTED} placeholder is left{what[len(NOT_DOCUMENTED) :]}, among text."
    return f"{what or 'A section'} is left {NOT_DOCUMENTED}."


def fact_text(fact: Mapping[str, Any]) -> str:
    """A fact as a clinician reads it ("pain 6/10", "ROM L shoulder flexion 140°")."""
    label = str(fact.get("label") or "").strip()
    value = " ".join(str(fact[key]) for key in ("value", "unit") if fact.get(key))
    kind = str(fact.get("measure") or fact.get("kind") or "")
    if label and value and value not in label:
        return f"{label} {value}"
    return label or " ".join(part for part in (kind, value) if part) or "a value"


def _where(document: str, line: Any) -> str:
    return f"{document} line {line}" if isinstance(line, int) and line > 0 else ""


def _listed(checks: Mapping[str, Any], key: str) -> Iterable[Mapping[str, Any]]:
    return [item for item in checks.get(key) or () if isinstance(item, Mapping)]
