"""Signed documents to deliver, made the way a clinician makes them: a note in the inbox, drafted
offline, signed (or co-signed, or given an addendum) through the service, so each parcel carries
the `.md`, `.json` and `.fhir.json` the signing code wrote. The PDF is written beside them here
(a real one-page PDF, made with pypdf) when signing does not make one yet."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfWriter

from tests.conftest import sample_notes, signer
from tui.core.ehr.delivery import Parcel
from tui.core.intake.pipeline import draft_queued
from tui.core.service import ClinicService

MRN_SYSTEM = "urn:oid:2.16.840.1.113883.4.999"
WHITFIELD = next(p for p in sample_notes() if "whitfield" in p.name)
WHITFIELD_MRN = "480221"


@dataclass
class Signed:
    """A delivered-to-be document: its parcel and the SHA-256 of its signed text."""

    parcel: Parcel
    sha256: str


def note(mrn: str = WHITFIELD_MRN, date: str = "2026-11-02") -> bytes:
    """Dana Whitfield's sample note with another MRN or date of service."""
    text = WHITFIELD.read_text(encoding="utf-8")
    text = text.replace(f"MRN: {WHITFIELD_MRN}", f"MRN: {mrn}").replace(
        "Date: 2026-11-02", f"Date: {date}"
    )
    return text.encode("utf-8")


def ready(service: ClinicService, text: bytes, name: str) -> int:
    target = service.clinic.paths.inbox / name
    target.write_bytes(text)
    draft_id = service.ingest(target).draft_id
    assert draft_id is not None
    draft_queued(service)
    return draft_id


def sign(
    service: ClinicService, text: bytes, name: str, who: str = "arivera"
) -> tuple[int, Signed]:
    draft_id = ready(service, text, name)
    return draft_id, parcel(service, draft_id, service.approve(draft_id, signer(service, who)))


def addendum(service: ClinicService, draft_id: int, text: str) -> Signed:
    return parcel(service, draft_id, service.add_addendum(draft_id, text, signer(service)))


def cosign(service: ClinicService, draft_id: int) -> Signed:
    return parcel(service, draft_id, service.cosign(draft_id, signer(service, "arivera")))


def parcel(service: ClinicService, draft_id: int, files: list[Path]) -> Signed:
    """The parcel of one signature's files, its identifier the signed text's SHA-256."""
    markdown = next(p for p in files if p.suffix == ".md")
    fhir = next(p for p in files if p.name.endswith(".fhir.json"))
    record_path = next(p for p in files if p.suffix == ".json" and p != fhir)
    record = json.loads(record_path.read_text(encoding="utf-8"))
    pdf = markdown.with_suffix(".pdf")
    if not pdf.exists():
        pdf = service.clinic.paths.root.parent / "pdf" / markdown.with_suffix(".pdf").name
        pdf.parent.mkdir(exist_ok=True)
        pdf.write_bytes(one_page_pdf(record["sha256"]))
    draft = service.draft(draft_id)
    return Signed(
        Parcel(
            draft_id=draft_id,
            identifier=record["sha256"],
            skill=draft.skill,
            discipline=draft.discipline,
            payer=draft.payer,
            markdown_path=markdown,
            record_path=record_path,
            fhir_path=fhir,
            pdf_path=pdf,
        ),
        record["sha256"],
    )


def one_page_pdf(title: str) -> bytes:
    """A real, minimal PDF whose metadata names `title` (so two documents' PDFs differ)."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
