"""The PDF made at signing: opened with a PDF reader, its text is the signed text."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pypdf
import pytest

from tests.conftest import signer
from tests.ehr.outbox_helpers import WHITFIELD, audit_entries, ready
from tui.core.records.pdf import Identity, PdfDocument, SignatureBlock, document_pdf
from tui.core.service import ClinicService

ACCENTED = (
    "Patient: Zoë Ångström-Łukasik\nMRN: 99-1203\nDOB: 1961-07-30\nDate: 2026-11-05\n"
    "Discipline: PT\nPayer: Medicare\n\n"
    "- pt reports pain 3/10 at rest, 5/10 with stairs\n"
    "- knee flexion AROM 105 deg, extension -5 deg\n"
    "- 97110 ther ex 25 min: quad sets, SLR x15, heel slides\n"
    "- plan: continue 2x/week, progress step-ups\n"
)


@pytest.fixture
def service(clinic_dir: Path) -> ClinicService:
    return ClinicService.open(clinic_dir)


def pdf_text(data: bytes) -> str:
    """The PDF's text as a reader extracts it, runs of whitespace made one space."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def squeezed(text: str) -> str:
    """Text without whitespace or Markdown markers: wrapping and bullets are layout."""
    text = re.sub(r"^\s*-{3,}\s*$", "", text, flags=re.MULTILINE)
    text = re.sub(r"^\s*#+\s*|^\s*[-*+]\s+|\*\*|•", "", text, flags=re.MULTILINE)
    return re.sub(r"\s+", "", text)


def test_the_signed_pdf_holds_the_signed_text_identifiers_signature_and_hash(
    service: ClinicService,
) -> None:
    draft_id = ready(service, ACCENTED)
    files = service.approve(draft_id, signer(service))
    pdf = next(p for p in files if p.suffix == ".pdf")
    md = next(p for p in files if p.suffix == ".md")
    record = json.loads(next(p for p in files if p.name.endswith(".json") and
                             not p.name.endswith(".fhir.json")).read_text())  # fmt: skip
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    signed = md.read_text(encoding="utf-8")
    assert squeezed(signed) in squeezed(text), "every word of the signed text, in order"
    assert "Zoë Ångström-Łukasik" in text
    assert "MRN: 99-1203" in text and "DOB: 1961-07-30" in text
    assert "Date of service: 2026-11-05" in text
    assert "Electronically signed by Alex Rivera, PT, DPT" in text
    assert record["sha256"] in squeezed(text)
    assert record["files"]["pdf"]["sha256"] == record_hash(pdf)
    entry = audit_entries(service.clinic.paths.root, "approve")[-1]
    assert entry["pdf_sha256"] == record_hash(pdf)
    assert "Zoë" not in (service.clinic.paths.audit_log).read_text(encoding="utf-8")
    assert oct(pdf.stat().st_mode & 0o777) == "0o400"


def record_hash(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_letter_by_default_and_a4_from_the_context(clinic_dir: Path) -> None:
    service = ClinicService.open(clinic_dir)
    files = service.approve(ready(service, WHITFIELD.read_bytes()), signer(service))
    page = pypdf.PdfReader(next(p for p in files if p.suffix == ".pdf")).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)
    service.close()

    context = clinic_dir / "context.toml"
    context.write_text(context.read_text().replace('paper = "letter"', 'paper = "a4"', 1))
    service = ClinicService.open(clinic_dir)
    assert service.context.paper == "a4"
    files = service.approve(ready(service, ACCENTED, "b.txt"), signer(service))
    page = pypdf.PdfReader(next(p for p in files if p.suffix == ".pdf")).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_cosignature_and_addendum_pdfs_carry_their_signature_blocks(
    service: ClinicService,
) -> None:
    draft_id = ready(service, WHITFIELD.read_bytes())
    first = service.approve(draft_id, signer(service, "spatel"))
    text = pdf_text(next(p for p in first if p.suffix == ".pdf").read_bytes())
    assert "Awaiting co-signature by Alex Rivera, PT, DPT" in text
    cosigned = service.cosign(draft_id, signer(service, "arivera"))
    text = pdf_text(next(p for p in cosigned if p.suffix == ".pdf").read_bytes())
    assert "Signed by Sam Patel, PTA" in text and "Co-signed by Alex Rivera, PT, DPT" in text
    addendum = service.add_addendum(draft_id, "Called the patient: swelling down.", signer(service))
    pdf = next(p for p in addendum if p.suffix == ".pdf")
    text = pdf_text(pdf.read_bytes())
    assert "Addendum 1" in text and "Called the patient: swelling down." in text


def test_the_same_document_makes_the_same_bytes() -> None:
    doc = PdfDocument(
        clinic="Clinic",
        title="SOAP daily note",
        identity=Identity("Zoë Ångström", "1", "1950-01-01", "2026-11-02"),
        body="## Subjective\n- reports **less** pain\n"
        + "".join(f"- item {i}\n" for i in range(90)),
        signatures=SignatureBlock(("Electronically signed by A B, PT on 2026-11-02",)),
        sha256="0" * 64,
        created="2026-11-02T10:00:00+00:00",
    )
    first = document_pdf(doc, "letter")
    assert first == document_pdf(doc, "letter"), "its hash is noted before it is written"
    reader = pypdf.PdfReader(io.BytesIO(first))
    assert len(reader.pages) >= 2, "a long document flows onto more pages"
    assert "reports less pain" in pdf_text(first)
    with pytest.raises(ValueError, match="paper"):
        document_pdf(doc, "legal")  # type: ignore[arg-type]
