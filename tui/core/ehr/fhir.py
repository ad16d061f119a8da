"""The `fhir` destination: a signed document filed on a FHIR R4 server as a DocumentReference.

One delivery is a few requests, each safe to repeat:

1. the document is looked up by its identifier: already on the server (a retry after a crash
   between delivery and recording it), its id is the answer and nothing is sent;
2. the patient is found by MRN (`Patient?identifier=system|MRN`): none or several is a
   permanent failure saying so; a patient is never created or guessed;
3. the documents it appends or co-signs are looked up, to link them by server reference;
4. the resource is created conditionally (`If-None-Exist: identifier=system|value`), so that
   a delivery that missed it in step 1 still files it once (on a server whose conditional
   create is atomic, even two deliveries racing each other).

What failed and whether a retry can help is decided in `tui.core.ehr.fhir_http`; no reason
carries note text, a patient's name or a signed file's name (which holds the patient's).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote

from tui.core.ehr.delivery import DeliveryFailed, Parcel
from tui.core.ehr.fhir_auth import Auth, auth_for
from tui.core.ehr.fhir_content import (
    attachment_bytes,
    conditional_key,
    mrn,
    outgoing,
    related_identifiers,
)
from tui.core.ehr.fhir_http import FHIR_JSON, FhirSession, Private, json_body, new_client, token
from tui.core.ehr.fhir_settings import FhirSettings
from tui.core.security.bounded_read import FileRefused, read_bounded

MAX_RESOURCE_BYTES: Final = 32 * 1024 * 1024
MAX_PDF_BYTES: Final = 64 * 1024 * 1024


class FhirDestination:
    """A FHIR R4 server, as one `[[ehr]]` entry of kind "fhir" describes it."""

    def __init__(self, settings: FhirSettings, auth: Auth | None = None) -> None:
        self.settings = settings
        self.auth = auth if auth is not None else auth_for(settings)

    @classmethod
    def from_settings(cls, settings: Mapping[str, object], clinic_dir: Path) -> FhirDestination:
        """The destination of an `[[ehr]]` table; ChartdeskError when its settings are bad."""
        return cls(FhirSettings.from_mapping(settings, clinic_dir))

    @property
    def id(self) -> str:
        return self.settings.id

    def deliver(self, parcel: Parcel) -> str:
        """File `parcel` once and return the server's id of its DocumentReference."""
        signed, pdf = self._read(parcel)
        key = conditional_key(signed, parcel.identifier)
        with new_client(self.settings.timeout_seconds) as client:
            server = FhirSession(
                self.id, self.settings.base_url, client, self.auth, private(signed)
            )
            existing = server.search("DocumentReference", key)
            if existing:
                return existing[0]
            patient_id = self._patient(server, signed, parcel)
            related = {
                target: found[0]
                for target in related_identifiers(signed)
                if len(found := server.search("DocumentReference", target)) == 1
            }
            resource = outgoing(
                signed,
                key=key,
                patient_id=patient_id,
                patient_system=self.settings.patient_identifier_system,
                pdf=pdf,
                pdf_title=parcel.pdf_path.name,
                related=related,
                loinc=self.settings.document_types.get(parcel.skill, ""),
            )
            return _create(server, resource, key)

    def _read(self, parcel: Parcel) -> tuple[dict[str, Any], bytes]:
        """The signed DocumentReference and PDF; unreadable ones fail for good (a signed file
        does not come back by itself)."""
        where = f"signed files of draft {parcel.draft_id}"
        try:
            resource = json.loads(read_bounded(parcel.fhir_path, MAX_RESOURCE_BYTES))
            pdf = read_bounded(parcel.pdf_path, MAX_PDF_BYTES)
        except FileNotFoundError:
            raise DeliveryFailed(f"{where}: a file is missing", transient=False) from None
        except FileRefused as exc:
            raise DeliveryFailed(f"{where}: {exc}", transient=False) from None
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise DeliveryFailed(f"{where}: {reason}", transient=False) from None
        except ValueError:
            raise DeliveryFailed(f"{where}: the FHIR file is not JSON", transient=False) from None
        if not isinstance(resource, dict) or resource.get("resourceType") != "DocumentReference":
            raise DeliveryFailed(f"{where}: the FHIR file is no DocumentReference", transient=False)
        return resource, pdf

    def _patient(self, server: FhirSession, signed: dict[str, Any], parcel: Parcel) -> str:
        system = self.settings.patient_identifier_system
        number = mrn(signed)
        if not number:
            raise DeliveryFailed(
                f"draft {parcel.draft_id} has no MRN to find the patient by", transient=False
            )
        found = server.search("Patient", (system, number))
        if not found:
            raise DeliveryFailed(
                f"no patient on {self.id} with this MRN (system {system}); "
                "none is ever created: register the patient there, then retry",
                transient=False,
            )
        if len(found) > 1:
            raise DeliveryFailed(
                f"{len(found)} patients on {self.id} share this MRN (system {system}); "
                "the note is not filed to a guessed one",
                transient=False,
            )
        return found[0]


def _create(server: FhirSession, resource: dict[str, Any], key: tuple[str, str]) -> str:
    """The conditional create; the id of the new resource, or of the one already there."""
    headers = {
        "Content-Type": FHIR_JSON,
        "If-None-Exist": f"identifier={quote(token(key), safe='|:')}",
        "Prefer": "return=representation",
    }
    body = json.dumps(resource, ensure_ascii=False).encode("utf-8")
    response = server.exchange(
        "DocumentReference create", "POST", "/DocumentReference", content=body, headers=headers
    )
    created = json_body(response) or {}
    if created.get("resourceType") == "DocumentReference" and isinstance(created.get("id"), str):
        return str(created["id"])
    location = response.headers.get("Location") or response.headers.get("Content-Location")
    server_id = _id_from_location(location or "")
    if server_id:
        return server_id
    found = server.search("DocumentReference", key)
    if found:
        return found[0]
    raise DeliveryFailed(
        f"{server.name}: DocumentReference create: HTTP {response.status_code} without the new id",
        transient=True,
    )


def private(signed: dict[str, Any]) -> Private:
    """What the server's words must not repeat: the signed text, the patient's name and MRN."""
    texts = tuple(
        attachment_bytes(item.get("attachment") or {}).decode("utf-8", "replace")
        for item in signed.get("content") or []
        if isinstance(item, dict)
    )
    subject = signed.get("subject")
    name = subject.get("display") if isinstance(subject, dict) else None
    return Private(texts, tuple(v for v in (name, mrn(signed)) if isinstance(v, str) and v))


def _id_from_location(location: str) -> str:
    """The id in `[base]/DocumentReference/[id]/_history/[vid]`, or ""."""
    parts = [p for p in location.split("?")[0].split("/") if p]
    if "DocumentReference" not in parts:
        return ""
    index = len(parts) - 1 - parts[::-1].index("DocumentReference")
    return parts[index + 1] if index + 1 < len(parts) else ""
