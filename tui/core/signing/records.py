"""The files of a signature: the signed Markdown, its PDF, its FHIR DocumentReference, and the
JSON record that names them with their hashes.

Everything here is pure: it builds bytes from what was signed, so the signing transaction
(`tui.core.signing.journal`) can note every file and hash before it writes one, and a file
name never depends on more of a patient's name than fits a file system.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from tui.core.records.store import Draft, iso_day, text_sha256
from tui.core.security.terminal_text import visible

MAX_NAME_SLUG: Final = 60
"""Characters of the patient's name in a signed file's name; the document keeps all of it."""
_SLUG: Final = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class SignedFile:
    """One file of a signature, ready to write."""

    path: Path
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class FileSet:
    """The four files of one signature, and the hashes the audit log records for them."""

    markdown: SignedFile
    record: SignedFile
    fhir: SignedFile
    pdf: SignedFile

    @property
    def files(self) -> tuple[SignedFile, ...]:
        return (self.markdown, self.record, self.fhir, self.pdf)

    @property
    def hashes(self) -> dict[str, str]:
        return {
            "sha256": self.markdown.sha256,
            "json_sha256": self.record.sha256,
            "fhir_sha256": self.fhir.sha256,
            "pdf_sha256": self.pdf.sha256,
        }


def slug(name: str) -> str:
    """A name as it appears in a file name: lower case, dashes, at most `MAX_NAME_SLUG`
    characters (a 300-character name must not make signing fail for good)."""
    return _SLUG.sub("-", name.lower()).strip("-")[:MAX_NAME_SLUG].rstrip("-")


def stem(draft: Draft, suffix: str = "") -> str:
    """The file name stem of a draft's signed files: patient, document, draft id."""
    return f"{slug(draft.patient) or 'patient'}-{draft.skill}-{draft.id}{suffix}"


def signed_markdown(text: str, signature: str, signed_at: str, extra: str = "") -> str:
    """A document with its signature line (and what it still awaits, if anything)."""
    return harmless(
        f"{text.rstrip()}\n\n---\nElectronically signed by {signature} on {signed_at}.\n{extra}"
    )


def harmless(document: str) -> str:
    """A document as it is signed: control characters a note or a model slipped into the text
    become the visible symbols the clinician saw on screen, never bytes a terminal acts on when
    the file is shown."""
    return visible(document, multiline=True)


def record_header(draft: Draft) -> str:
    """The identity line a signed record starts with: who, which record number, born when,
    seen when, so an EHR (and a reader of the file alone) can match the patient."""
    parts = [f"Patient: {draft.patient}"]
    if draft.mrn:
        parts.append(f"MRN: {draft.mrn}")
    if draft.dob:
        parts.append(f"DOB: {draft.dob}")
    parts.append(f"Date of service: {iso_day(draft.date)}")
    return " | ".join(parts) + "\n\n"


def file_set(
    folder: Path,
    file_stem: str,
    document: str,
    record: dict[str, Any],
    resource: dict[str, Any],
    relative: str,
    pdf: bytes,
) -> FileSet:
    """The Markdown, the PDF, the FHIR resource (already validated) and the JSON record naming
    them by path (relative to the clinic, `relative` being the folder's) and hash."""
    from tui.core.records import fhir  # its models are not needed to open the queue

    markdown = SignedFile(folder / f"{file_stem}.md", document.encode("utf-8"))
    pdf_file = SignedFile(folder / f"{file_stem}.pdf", pdf)
    resource_file = SignedFile(folder / f"{file_stem}.fhir.json", fhir.to_bytes(resource))
    named = record | {
        "files": {
            name: {"path": f"{relative}/{item.path.name}", "sha256": item.sha256}
            for name, item in (("markdown", markdown), ("pdf", pdf_file), ("fhir", resource_file))
        }
    }
    json_file = SignedFile(folder / f"{file_stem}.json", json.dumps(named, indent=2).encode())
    return FileSet(markdown, json_file, resource_file, pdf_file)


def document_sha256(document: str) -> str:
    return text_sha256(document)
