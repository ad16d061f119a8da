"""Reading session notes into `Note` values.

A note is whatever a therapist dropped in the inbox: typed bullets, a voice transcript, Markdown
with front matter, or a scan. Metadata comes from a header block (``Key: value`` lines), a
``---`` fenced front matter block, or, failing both, the file name
``YYYY-MM-DD_lastname-firstname_skill.ext``. Reading never modifies the source file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

TEXT_SUFFIXES: Final = frozenset({".txt", ".md", ".markdown"})
IMAGE_SUFFIXES: Final = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
PDF_SUFFIXES: Final = frozenset({".pdf"})
DOCX_SUFFIXES: Final = frozenset({".docx"})
NOTE_SUFFIXES: Final = (
    TEXT_SUFFIXES | frozenset(IMAGE_SUFFIXES) | PDF_SUFFIXES | DOCX_SUFFIXES
)
DEFAULT_MAX_BYTES: Final = 2 * 1024 * 1024
MIN_BODY_CHARS: Final = 20

# Header keys as clinicians write them, mapped to Note attribute names.
_HEADER_KEYS: Final = {
    "patient": "patient",
    "student": "patient",
    "name": "patient",
    "mrn": "mrn",
    "dob": "dob",
    "date": "date",
    "date of service": "date",
    "visit": "visit",
    "last progress report": "last_progress_report",
    "discipline": "discipline",
    "payer": "payer",
    "insurance": "payer",
    "diagnosis": "diagnosis",
    "dx": "diagnosis",
    "skill": "skill",
    "document": "skill",
    "grade": "grade",
    "setting": "setting",
    "clinician": "clinician",
    "certification date": "certification_date",
    "plan of care date": "certification_date",
}
_HEADER_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,30}?)\s*:\s*(.*?)\s*$")
_FILE_NAME = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})_(?P<last>[^_\s]+?)-(?P<first>[^_\s]+?)(?:_(?P<skill>[\w-]+))?$"
)
_INT = re.compile(r"(\d+)")


class NoteError(Exception):
    """A note that cannot be read; the message is the reason a clinician sees."""


@dataclass(frozen=True)
class Note:
    """One session note as read from disk (text notes carry `body`; scans carry `data`)."""

    path: Path
    sha256: str
    kind: str  # text | image | pdf | docx
    body: str
    patient: str = ""
    mrn: str = ""
    dob: str = ""
    date: str = ""
    visit: int | None = None
    last_progress_report: int | None = None
    discipline: str = ""
    payer: str = ""
    diagnosis: str = ""
    skill: str = ""
    grade: str = ""
    setting: str = ""
    clinician: str = ""
    certification_date: str = ""
    media_type: str = "text/plain"
    data: bytes = b""
    body_offset: int = 0
    warnings: tuple[str, ...] = field(default=())

    @property
    def name(self) -> str:
        return self.path.name

    def header(self) -> dict[str, str]:
        """The patient header fields as strings, for prompts and placeholders."""
        return {
            "name": self.patient,
            "mrn": self.mrn,
            "dob": self.dob,
            "date": self.date,
            "visit": "" if self.visit is None else str(self.visit),
            "last_progress_report": (
                "" if self.last_progress_report is None else f"visit {self.last_progress_report}"
            ),
            "discipline": self.discipline,
            "payer": self.payer,
            "diagnosis": self.diagnosis,
            "grade": self.grade,
            "setting": self.setting,
        }


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_note_file(path: Path) -> bool:
    """True for the file kinds chartdesk reads; everything else is ignored, never opened."""
    name = path.name
    if name.startswith(".") or name.startswith("~$") or name.endswith("~"):
        return False
    return path.suffix.lower() in NOTE_SUFFIXES


def read_note(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Note:
    """Read one note file. Raises NoteError with a clinician-readable reason."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise NoteError("file vanished before it could be read") from exc
    except PermissionError as exc:
        raise NoteError("file cannot be read (permission denied)") from exc
    if size > max_bytes:
        raise NoteError(
            f"file is {size / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:.1f} MB limit"
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise NoteError("file vanished before it could be read") from exc
    except PermissionError as exc:
        raise NoteError("file cannot be read (permission denied)") from exc
    except IsADirectoryError as exc:
        raise NoteError("not a file") from exc
    return parse_note_bytes(path, data)


def parse_note_bytes(path: Path, data: bytes) -> Note:
    """Turn a note's raw bytes into a Note; text notes get their header parsed."""
    suffix = path.suffix.lower()
    digest = sha256_bytes(data)
    if not data:
        raise NoteError("note is empty")
    if suffix in TEXT_SUFFIXES:
        text, warnings = decode_text(data)
        return parse_note_text(path, text, digest, warnings, data)
    meta = _file_name_meta(path)
    if suffix in IMAGE_SUFFIXES:
        return Note(
            path=path, sha256=digest, kind="image", body="", media_type=IMAGE_SUFFIXES[suffix],
            data=data, **meta,
        )  # fmt: skip
    if suffix in PDF_SUFFIXES:
        return Note(
            path=path, sha256=digest, kind="pdf", body="", media_type="application/pdf",
            data=data, **meta,
        )  # fmt: skip
    if suffix in DOCX_SUFFIXES:
        return Note(
            path=path, sha256=digest, kind="docx", body="",
            media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            data=data, **meta,
        )  # fmt: skip
    raise NoteError(f"unsupported file type {suffix or '(none)'}")


def decode_text(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode note bytes as UTF-8; reject binary junk and other encodings clearly."""
    if b"\x00" in data[:8192]:
        raise NoteError("file looks binary, not a text note")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NoteError(
            f"not valid UTF-8 text (byte {exc.start}); save the note as UTF-8 and retry"
        ) from exc
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(4, len(text) // 100):
        raise NoteError("file looks binary, not a text note")
    return text.replace("\r\n", "\n").replace("\r", "\n"), ()


def parse_note_text(
    path: Path, text: str, digest: str, warnings: tuple[str, ...] = (), data: bytes = b""
) -> Note:
    """Split a text note into header fields and body."""
    fields, body_offset = _front_matter(text)
    if not fields:
        fields, body_offset = _header_block(text)
    meta = _file_name_meta(path)
    for key, value in meta.items():
        if value and not fields.get(key):
            fields[key] = value
    body = text[body_offset:]
    if not body.strip():
        raise NoteError("note is empty" if not text.strip() else "note has a header but no body")
    if len(body.strip()) < MIN_BODY_CHARS:
        raise NoteError("note is empty (fewer than 20 characters of content)")
    return Note(
        path=path,
        sha256=digest,
        kind="text",
        body=body,
        data=data or text.encode("utf-8"),
        body_offset=body_offset,
        warnings=warnings,
        patient=fields.get("patient", ""),
        mrn=fields.get("mrn", ""),
        dob=fields.get("dob", ""),
        date=fields.get("date", ""),
        visit=_int_or_none(fields.get("visit", "")),
        last_progress_report=_int_or_none(fields.get("last_progress_report", "")),
        discipline=fields.get("discipline", "").upper(),
        payer=fields.get("payer", ""),
        diagnosis=fields.get("diagnosis", ""),
        skill=fields.get("skill", "").strip().lower(),
        grade=fields.get("grade", ""),
        setting=fields.get("setting", ""),
        clinician=fields.get("clinician", ""),
        certification_date=fields.get("certification_date", ""),
    )


def _front_matter(text: str) -> tuple[dict[str, str], int]:
    """Parse a ``---`` fenced block at the very top; returns fields and the body offset."""
    if not text.startswith("---\n"):
        return {}, 0
    end = text.find("\n---", 4)
    if end < 0:
        return {}, 0
    fields: dict[str, str] = {}
    for line in text[4:end].splitlines():
        match = _HEADER_LINE.match(line)
        if match:
            _store_field(fields, match.group(1), match.group(2))
    after = text.find("\n", end + 4)
    return fields, len(text) if after < 0 else after + 1


def _header_block(text: str) -> tuple[dict[str, str], int]:
    """Parse leading ``Key: value`` lines with known keys; stop at the first other line."""
    fields: dict[str, str] = {}
    offset = 0
    for line in text.splitlines(keepends=True):
        match = _HEADER_LINE.match(line)
        if not match or match.group(1).strip().lower() not in _HEADER_KEYS:
            if not line.strip() and fields:
                offset += len(line)
            break
        _store_field(fields, match.group(1), match.group(2))
        offset += len(line)
    return (fields, offset) if fields else ({}, 0)


def _store_field(fields: dict[str, str], key: str, value: str) -> None:
    name = _HEADER_KEYS.get(key.strip().lower())
    if name and value.strip():
        fields.setdefault(name, value.strip().strip('"'))


def _file_name_meta(path: Path) -> dict[str, str]:
    match = _FILE_NAME.match(path.stem)
    if not match:
        return {}
    first = match.group("first").replace("-", " ").title()
    last = match.group("last").replace("-", " ").title()
    return {
        "date": match.group("date"),
        "patient": f"{first} {last}",
        "skill": (match.group("skill") or "").lower(),
    }


def _int_or_none(value: str) -> int | None:
    match = _INT.search(value)
    return int(match.group(1)) if match else None
