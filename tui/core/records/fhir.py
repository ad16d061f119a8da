"""A signed document as a FHIR R4 DocumentReference, for an EHR to import.

The resource carries the signed Markdown itself (base64, with the SHA-1 hash FHIR's Attachment
defines), who signed it and when, the patient by name, the date of service and, for an
addendum, an ``appends`` link to the original. It is validated with `fhir.resources` (the
R4B models: DocumentReference is unchanged between R4 and R4B) before anything is written, plus
the value-set checks that library leaves out (status codes), so a malformed resource is never
signed into approved/.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any, Final

from tui.core.errors import ChartdeskError

LOINC: Final = "http://loinc.org"
CATEGORY_SYSTEM: Final = "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category"
DRAFT_SYSTEM: Final = "urn:chartdesk:draft"
MRN_TYPE: Final = {
    "system": "http://terminology.hl7.org/CodeSystem/v2-0203",
    "code": "MR",
    "display": "Medical record number",
}
SHA256_SYSTEM: Final = "urn:chartdesk:sha256"
CLINICAL_NOTE: Final = {
    "system": CATEGORY_SYSTEM,
    "code": "clinical-note",
    "display": "Clinical Note",
}

# LOINC document types by Skill kind; the Skill's own name goes in type.text.
_TYPES: Final[dict[str, tuple[str, str]]] = {
    "note": ("11506-3", "Progress note"),
    "progress": ("11506-3", "Progress note"),
    "evaluation": ("51847-2", "Evaluation and plan note"),
    "report": ("51847-2", "Evaluation and plan note"),
    "discharge": ("18842-5", "Discharge summary"),
    "letter": ("51852-2", "Letter"),
    "hep": ("69730-0", "Instructions"),
}
_STATUS: Final = frozenset({"current", "superseded", "entered-in-error"})
_DOC_STATUS: Final = frozenset({"preliminary", "final", "amended", "entered-in-error"})
_RELATION: Final = frozenset({"replaces", "transforms", "signs", "appends"})
_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class SignedDocument:
    """What the DocumentReference describes; all of it is already in the signed .json."""

    document: bytes
    file_name: str
    title: str
    skill_kind: str
    skill_id: str
    patient: str
    service_date: str
    signed_at: str
    signer: str
    signature: str
    clinic: str
    draft_id: int
    sha256: str
    appends_sha256: str = ""
    mrn: str = ""
    preliminary: bool = False
    """A signature still awaiting a supervisor's co-signature."""
    signs_sha256: str = ""
    """For a co-signature: the signed document it co-signs."""
    authors: tuple[str, ...] = ()


def document_type(skill_kind: str, skill_id: str) -> dict[str, Any]:
    code = _TYPES.get("discharge" if "discharge" in skill_id else skill_kind)
    concept: dict[str, Any] = {"text": skill_id.replace("_", " ")}
    if code is not None:
        concept["coding"] = [{"system": LOINC, "code": code[0], "display": code[1]}]
    return concept


def document_reference(doc: SignedDocument) -> dict[str, Any]:
    """The resource as plain JSON data (validate it with `validate` before writing)."""
    resource: dict[str, Any] = {
        "resourceType": "DocumentReference",
        "identifier": [
            {"system": DRAFT_SYSTEM, "value": str(doc.draft_id)},
            {"system": SHA256_SYSTEM, "value": doc.sha256},
        ],
        "status": "current",
        "docStatus": _doc_status(doc),
        "type": document_type(doc.skill_kind, doc.skill_id),
        "category": [{"coding": [CLINICAL_NOTE]}],
        "subject": _subject(doc),
        "date": doc.signed_at,
        "author": [{"display": name} for name in doc.authors or (doc.signer,)],
        "authenticator": {"display": doc.signature},
        "custodian": {"display": doc.clinic},
        "description": doc.title,
        "content": [
            {
                "attachment": {
                    "contentType": "text/markdown; charset=utf-8",
                    "data": base64.b64encode(doc.document).decode("ascii"),
                    "hash": base64.b64encode(hashlib.sha1(doc.document).digest()).decode(),
                    "size": len(doc.document),
                    "title": doc.file_name,
                    "creation": doc.signed_at,
                }
            }
        ],
    }
    if _DATE.fullmatch(doc.service_date):
        resource["context"] = {"period": {"start": doc.service_date}}
    relations = [("appends", doc.appends_sha256), ("signs", doc.signs_sha256)]
    related = [
        {"code": code, "target": {"identifier": {"system": SHA256_SYSTEM, "value": sha}}}
        for code, sha in relations
        if sha
    ]
    if related:
        resource["relatesTo"] = related
    return resource


def _doc_status(doc: SignedDocument) -> str:
    if doc.preliminary:
        return "preliminary"
    return "amended" if doc.appends_sha256 else "final"


def _subject(doc: SignedDocument) -> dict[str, Any]:
    """The patient by name and, when the note gives one, by medical record number (typed MR,
    so an EHR matches the patient by identifier, not by name)."""
    subject: dict[str, Any] = {"display": doc.patient or "unknown patient"}
    if doc.mrn:
        subject["identifier"] = {"type": {"coding": [MRN_TYPE], "text": "MRN"}, "value": doc.mrn}
    return subject


def validate(resource: dict[str, Any]) -> None:
    """Raise ChartdeskError unless `resource` is a valid R4 DocumentReference."""
    try:
        from fhir.resources.R4B.documentreference import DocumentReference
    except ImportError as exc:  # a broken install must stop signing, not write bad files
        raise ChartdeskError(f"cannot validate FHIR output: {exc}") from exc
    problems = []
    if resource.get("status") not in _STATUS:
        problems.append(f"status {resource.get('status')!r}")
    if resource.get("docStatus", "final") not in _DOC_STATUS:
        problems.append(f"docStatus {resource.get('docStatus')!r}")
    for relation in resource.get("relatesTo", ()):
        if relation.get("code") not in _RELATION:
            problems.append(f"relatesTo.code {relation.get('code')!r}")
    try:
        DocumentReference.model_validate(resource)
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        problems.append(" ".join(str(exc).split())[:300])
    if problems:
        raise ChartdeskError("invalid FHIR DocumentReference: " + "; ".join(problems))


def to_bytes(resource: dict[str, Any]) -> bytes:
    """Stable JSON (sorted keys), so the recorded hash is reproducible from the data."""
    return (json.dumps(resource, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
