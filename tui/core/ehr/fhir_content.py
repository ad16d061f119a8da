"""The DocumentReference a FHIR destination sends, made from the one written at signing.

The signed `.fhir.json` names the patient by MRN and the related documents by hash, because at
signing nothing is known of any server. Before sending, the resource gains what only the server
knows and what came after: the PDF as a second attachment, each attachment's SHA-256 (FHIR's
own `hash` is SHA-1), the server's Patient as subject, server references for the documents it
appends or co-signs when they are already there, and the identifier a conditional create keys
on. Everything here is plain data in, plain data out.
"""

from __future__ import annotations

import base64
import copy
import hashlib
from typing import Any, Final

from tui.core.records.fhir import LOINC, MRN_TYPE, SHA256_SYSTEM

DOCUMENT_SYSTEM: Final = "urn:chartdesk:document"
SHA256_EXTENSION: Final = "urn:chartdesk:attachment-sha256"
PDF: Final = "application/pdf"


def conditional_key(resource: dict[str, Any], parcel_identifier: str) -> tuple[str, str]:
    """The (system, value) a conditional create keys on: the resource's own identifier whose
    value is the parcel's identifier (the SHA-256 one first), else one added in
    `with_identifier`."""
    identifiers = [i for i in resource.get("identifier") or [] if isinstance(i, dict)]
    matches = [i for i in identifiers if i.get("value") == parcel_identifier and i.get("system")]
    matches.sort(key=lambda i: i.get("system") != SHA256_SYSTEM)
    if matches:
        return str(matches[0]["system"]), parcel_identifier
    return DOCUMENT_SYSTEM, parcel_identifier


def mrn(resource: dict[str, Any]) -> str:
    """The MRN the signed resource names its patient by ("" when the note gave none)."""
    subject = resource.get("subject")
    identifier = subject.get("identifier") if isinstance(subject, dict) else None
    value = identifier.get("value") if isinstance(identifier, dict) else None
    return value.strip() if isinstance(value, str) else ""


def related_identifiers(resource: dict[str, Any]) -> list[tuple[str, str]]:
    """The (system, value) of each document this one appends or co-signs."""
    found = []
    for relation in resource.get("relatesTo") or []:
        target = relation.get("target") if isinstance(relation, dict) else None
        identifier = target.get("identifier") if isinstance(target, dict) else None
        if isinstance(identifier, dict) and identifier.get("system") and identifier.get("value"):
            found.append((str(identifier["system"]), str(identifier["value"])))
    return found


def outgoing(
    resource: dict[str, Any],
    *,
    key: tuple[str, str],
    patient_id: str,
    patient_system: str,
    pdf: bytes,
    pdf_title: str,
    related: dict[tuple[str, str], str],
    loinc: str = "",
) -> dict[str, Any]:
    """The resource to send: `resource` (left unchanged) with the PDF attached, the hashes,
    the server's patient as subject, `related` (identifier -> server id) resolved, `key`
    among its identifiers and, when the destination maps the Skill to one, `loinc` as its
    document type."""
    out = copy.deepcopy(resource)
    out.pop("id", None)
    out.pop("meta", None)
    identifiers = out.setdefault("identifier", [])
    if not any(i.get("system") == key[0] and i.get("value") == key[1] for i in identifiers):
        identifiers.append({"system": key[0], "value": key[1]})
    out["subject"] = _subject(out.get("subject"), patient_id, patient_system)
    if loinc:
        text = (out.get("type") or {}).get("text")
        out["type"] = {
            "coding": [{"system": LOINC, "code": loinc}],
            **({"text": text} if text else {}),
        }
    for item in out.get("content") or []:
        _add_sha256(item.get("attachment") or {})
    out.setdefault("content", []).append({"attachment": pdf_attachment(pdf, pdf_title, out)})
    for relation in out.get("relatesTo") or []:
        identifier = relation.get("target", {}).get("identifier", {})
        server_id = related.get((identifier.get("system"), identifier.get("value")))
        if server_id:
            relation["target"]["reference"] = f"DocumentReference/{server_id}"
    return out


def pdf_attachment(pdf: bytes, title: str, resource: dict[str, Any]) -> dict[str, Any]:
    """The PDF as an Attachment: its bytes, size, SHA-1 (FHIR's `hash`) and SHA-256."""
    created = next(
        (
            item["attachment"]["creation"]
            for item in resource.get("content") or []
            if isinstance(item.get("attachment"), dict) and item["attachment"].get("creation")
        ),
        resource.get("date"),
    )
    attachment: dict[str, Any] = {
        "contentType": PDF,
        "data": base64.b64encode(pdf).decode("ascii"),
        "size": len(pdf),
        "hash": base64.b64encode(hashlib.sha1(pdf).digest()).decode("ascii"),
        "title": title,
    }
    if created:
        attachment["creation"] = created
    _add_sha256(attachment)
    return attachment


def attachment_bytes(attachment: dict[str, Any]) -> bytes:
    """The decoded data of an Attachment (empty when it carries none)."""
    data = attachment.get("data")
    return base64.b64decode(data) if isinstance(data, str) else b""


def _add_sha256(attachment: dict[str, Any]) -> None:
    data = attachment_bytes(attachment)
    if not data:
        return
    extensions = [e for e in attachment.get("extension") or [] if e.get("url") != SHA256_EXTENSION]
    extensions.append({"url": SHA256_EXTENSION, "valueString": hashlib.sha256(data).hexdigest()})
    attachment["extension"] = extensions


def _subject(signed: object, patient_id: str, system: str) -> dict[str, Any]:
    subject: dict[str, Any] = {"reference": f"Patient/{patient_id}"}
    identifier = signed.get("identifier") if isinstance(signed, dict) else None
    if isinstance(identifier, dict) and identifier.get("value"):
        subject["identifier"] = {
            "type": identifier.get("type") or {"coding": [MRN_TYPE], "text": "MRN"},
            "system": system,
            "value": identifier["value"],
        }
    if isinstance(signed, dict) and signed.get("display"):
        subject["display"] = signed["display"]
    return subject
