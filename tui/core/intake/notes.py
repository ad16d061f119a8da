"""Reading session notes into `Note` values.

A note is whatever a therapist dropped in the inbox: typed bullets, a voice transcript, Markdown
with front matter, or a scan. Metadata comes from a header block (``Key: value`` lines), a
``---`` fenced front matter block, or, failing both, the file name
``YYYY-MM-DD_lastname-firstname_skill.ext``. Reading never modifies the source file.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import logging
import re
import zlib
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Final

from tui.core.intake.header_segments import segment_fields, spoken_payer
from tui.core.intake.spoken_episode import spoken_episode
from tui.core.security.bounded_read import DEFAULT_MAX_BYTES, FileRefused, read_bounded

TEXT_SUFFIXES: Final = frozenset({".txt", ".md", ".markdown"})
IMAGE_SUFFIXES: Final = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
PDF_SUFFIXES: Final = frozenset({".pdf"})
DOCX_SUFFIXES: Final = frozenset({".docx"})
NOTE_SUFFIXES: Final = TEXT_SUFFIXES | frozenset(IMAGE_SUFFIXES) | PDF_SUFFIXES | DOCX_SUFFIXES
MIN_BODY_CHARS: Final = 20
VANISHED: Final = "file vanished before it could be read"
MAX_PDF_PAGES: Final = 50
MAX_DOCX_XML_BYTES: Final = 20 * 1024 * 1024
DOCX_MEDIA_TYPE: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_IMAGE_MAGIC: Final = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8\xff"}
_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_ISO_DAY: Final = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_US_DAY: Final = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")

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
    "visit number": "visit",
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
    # the start of the plan of care as clinicians head it (a period's first date is the start;
    # "Recert due" is a date to come, never the certification)
    "cert date": "certification_date",
    "certification period": "certification_date",
    "cert period": "certification_date",
    "poc date": "certification_date",
    "poc dates": "certification_date",
    "poc cert date": "certification_date",
    "plan of care dates": "certification_date",
    "plan of care period": "certification_date",
    "last progress note": "last_progress_report",
    "last pn": "last_progress_report",
    "last progress report visit": "last_progress_report",
    "last pr": "last_progress_report",
    "last progress": "last_progress_report",
    "last reeval": "last_progress_report",
    "plan of care certified": "certification_date",
    "poc certified": "certification_date",
    "certified": "certification_date",
}
_HEADER_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,30}?)\s*:\s*(.*?)\s*$")
_FILE_NAME = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})_(?P<last>[^_\s]+?)-(?P<first>[^_\s]+?)(?:_(?P<skill>[\w-]+))?$"
)
_INT = re.compile(r"(\d+)")


class NoteError(Exception):
    """A note that cannot be read; the message is the reason a clinician sees.

    `sha256` is the content hash when the bytes were read, so the failure is recorded once per
    content and a fixed file (new content) is retried without anyone reading the file twice.
    """

    def __init__(self, message: str, sha256: str = "") -> None:
        super().__init__(message)
        self.sha256 = sha256


class NoteVanished(NoteError):
    """The file was gone when it was to be read (deleted, or renamed just after writing)."""

    def __init__(self) -> None:
        super().__init__(VANISHED)


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
    skill_from: str = ""
    """Where `skill` was read: "header" (the note's Skill: line or front matter) or "file name"
    (its ``_suffix``); the Skill rule ranks the two apart (tui.core.service.intake)."""
    grade: str = ""
    setting: str = ""
    clinician: str = ""
    certification_date: str = ""
    media_type: str = "text/plain"
    data: bytes = b""
    text: str = ""  # the whole note as text, header included (body is text[body_offset:])
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
    """Read one note file. Raises NoteError with a clinician-readable reason.

    The file is opened with O_NOFOLLOW (a symlink is refused, never followed, so a link in the
    inbox cannot make chartdesk read a file from elsewhere) and O_NONBLOCK (a FIFO named like a
    note cannot hang intake); only a regular file is read, and never more than `max_bytes`.
    """
    try:
        data = read_bounded(path, max_bytes, follow_symlinks=False)
    except FileNotFoundError as exc:
        raise NoteVanished() from exc
    except PermissionError as exc:
        raise NoteError("file cannot be read (permission denied)") from exc
    except FileRefused as exc:
        raise NoteError(str(exc)) from exc
    except OSError as exc:
        raise NoteError(f"file cannot be read ({exc.strerror})") from exc
    return parse_note_bytes(path, data)


def parse_note_bytes(path: Path, data: bytes) -> Note:
    """Turn a note's raw bytes into a Note; text notes get their header parsed.

    PDFs with a text layer and .docx files are read as text notes (their text is the body, their
    bytes are kept); a scan with no text layer stays a `pdf`/`image` note that only a model
    backend can read.
    """
    digest = sha256_bytes(data)
    try:
        return _parse(path, data, digest)
    except NoteError as exc:
        if not exc.sha256:
            exc.sha256 = digest
        raise


def _parse(path: Path, data: bytes, digest: str) -> Note:
    suffix = path.suffix.lower()
    if not data:
        raise NoteError("note is empty")
    if suffix in TEXT_SUFFIXES:
        text, warnings = decode_text(data)
        return parse_note_text(path, text, digest, warnings, data)
    meta = _file_name_meta(path)
    if suffix in IMAGE_SUFFIXES:
        media_type = IMAGE_SUFFIXES[suffix]
        if not data.startswith(_IMAGE_MAGIC[media_type]):
            raise NoteError(
                f"not a {suffix[1:].upper()} image (the content does not match the name)"
            )
        return Note(
            path=path,
            sha256=digest,
            kind="image",
            body="",
            media_type=media_type,
            data=data,
            patient=meta.get("patient", ""),
            date=meta.get("date", ""),
            skill=meta.get("skill", ""),
            skill_from="file name" if meta.get("skill") else "",
        )
    if suffix in PDF_SUFFIXES:
        text = pdf_text(data)
        if len(text.strip()) >= MIN_BODY_CHARS:
            note = parse_note_text(path, text, digest, ("text read from the PDF's text layer",))
            return replace(note, media_type="application/pdf", data=data)
        return Note(
            path=path,
            sha256=digest,
            kind="pdf",
            body="",
            media_type="application/pdf",
            data=data,
            patient=meta.get("patient", ""),
            date=meta.get("date", ""),
            skill=meta.get("skill", ""),
            skill_from="file name" if meta.get("skill") else "",
        )
    if suffix in DOCX_SUFFIXES:
        text = docx_text(data)
        note = parse_note_text(path, text, digest, ("text read from the Word document",))
        return replace(note, media_type=DOCX_MEDIA_TYPE, data=data)
    raise NoteError(f"unsupported file type {suffix or '(none)'}")


def pdf_text(data: bytes) -> str:
    """The text layer of a PDF (first `MAX_PDF_PAGES` pages); empty for a scan.

    pypdf is imported here, not at module load, so intake of plain text notes never pays for it.
    """
    if b"%PDF-" not in data[:1024]:
        raise NoteError("not a PDF (the content does not match the .pdf name)")
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise NoteError("PDF is password-protected; save an unprotected copy and retry")
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES]]
    except NoteError:
        raise
    except (
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
        NotImplementedError,
        zlib.error,
    ) as exc:
        raise NoteError(f"PDF cannot be read ({type(exc).__name__})") from exc
    text = "\n".join(pages)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def docx_text(data: bytes) -> str:
    """The paragraphs of a .docx, read with the standard library (a .docx is a zip of XML).

    No third-party reader: only ``word/document.xml`` is read, its size is capped against zip
    bombs, and a document type declaration (entity tricks) is refused before parsing.
    """
    import zipfile  # Word notes are rare: not imported to open the app
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_DOCX_XML_BYTES:
                raise NoteError("Word document is too large to read")
            with archive.open(info) as member:
                xml = member.read(MAX_DOCX_XML_BYTES + 1)
    except NoteError:
        raise
    except (
        zipfile.BadZipFile,
        KeyError,
        OSError,
        EOFError,
        zlib.error,
        NotImplementedError,
        RuntimeError,
    ) as exc:
        raise NoteError("not a readable Word document (.docx)") from exc
    if len(xml) > MAX_DOCX_XML_BYTES:
        raise NoteError("Word document is too large to read")
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise NoteError("Word document has a document type declaration; refused")
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise NoteError("not a readable Word document (.docx)") from exc
    paragraphs = []
    for paragraph in root.iter(f"{_W}p"):
        parts = []
        for node in paragraph.iter():
            if node.tag == f"{_W}t" and node.text:
                parts.append(node.text)
            elif node.tag == f"{_W}tab":
                parts.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def decode_text(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode note bytes as UTF-8; reject binary junk and other encodings clearly.

    UTF-16 with a byte-order mark (what older Windows editors save as "Unicode") is decoded with
    a warning; anything else that is not UTF-8 is refused rather than guessed at.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise NoteError("not valid UTF-16 text; save the note as UTF-8 and retry") from exc
        text, _ = decode_text(text.encode("utf-8"))
        return text, ("decoded from UTF-16; save notes as UTF-8",)
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
    skill_from = "header" if fields.get("skill", "").strip() else ""
    for key, value in segment_fields(text, _HEADER_KEYS).items():
        fields.setdefault(key, value)
    if not fields.get("payer"):
        fields["payer"] = spoken_payer(text)
    for key, value in spoken_episode(text).items():  # "..., visit twelve, Medicare Part B."
        fields.setdefault(key, value)
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
        text=text,
        data=data or text.encode("utf-8"),
        body_offset=body_offset,
        warnings=warnings,
        patient=fields.get("patient", ""),
        mrn=fields.get("mrn", ""),
        dob=fields.get("dob", ""),
        date=fields.get("date", ""),
        visit=_int_or_none(fields.get("visit", "")),
        last_progress_report=_last_report_visit(fields.get("last_progress_report", "")),
        discipline=fields.get("discipline", "").upper(),
        payer=fields.get("payer", ""),
        diagnosis=fields.get("diagnosis", ""),
        skill=fields.get("skill", "").strip().lower(),
        skill_from=skill_from or ("file name" if fields.get("skill") else ""),
        grade=fields.get("grade", ""),
        setting=fields.get("setting", ""),
        clinician=fields.get("clinician", ""),
        certification_date=fields.get("certification_date", ""),
    )


def header_fields(text: str, wanted: frozenset[str]) -> dict[str, str]:
    """The `wanted` header fields (attribute names: "diagnosis", "clinician") of a text note,
    from its lines before the first blank one, without reading the rest: what listing many
    notes needs (an episode's diagnoses)."""
    blank = text.find("\n\n")
    found: dict[str, str] = {}
    for match in _fields_pattern(wanted).finditer(text if blank < 0 else text[:blank]):
        _store_field(found, match.group(1), match.group(2))
    return found


@lru_cache(maxsize=16)
def _fields_pattern(wanted: frozenset[str]) -> re.Pattern[str]:
    keys = sorted((k for k, name in _HEADER_KEYS.items() if name in wanted), key=len, reverse=True)
    alternatives = "|".join(re.escape(key) for key in keys)
    return re.compile(rf"^[ \t]*({alternatives})[ \t]*:[ \t]*(.*?)[ \t]*$", re.I | re.M)


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


_EVALUATION: Final = re.compile(
    r"\b(?:eval(?:uation)?|IE|initial|SOC|start of care|re-?eval(?:uation)?)\b", re.IGNORECASE
)
_DATE_IN_TEXT: Final = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b")
_RE_EVALUATION: Final = re.compile(r"\bre-?eval(?:uation)?\b", re.IGNORECASE)


def _last_report_visit(value: str) -> int | None:
    """The visit the reporting period restarts after. An initial evaluation at visit N is
    treatment day 1 of its period, so "visit 1 (initial evaluation)" restarts after visit 0;
    a progress report or re-evaluation at visit N restarts after N. Visit 1 is the episode's
    evaluation whether or not the header says so (nothing is reported before it)."""
    visit = _int_or_none(_DATE_IN_TEXT.sub(" ", value))
    if visit is None or _RE_EVALUATION.search(value):
        return visit
    return visit - 1 if visit == 1 or _EVALUATION.search(value) else visit


def _int_or_none(value: str) -> int | None:
    match = _INT.search(value)
    return int(match.group(1)) if match else None


def note_day(text: str) -> date | None:
    """The day a note's date (or file name) names: clinicians write 2026-11-02 or 11/02/2026
    (US order), and every check that counts days must read both the same way."""
    for pattern, order in ((_ISO_DAY, (0, 1, 2)), (_US_DAY, (2, 0, 1))):
        match = pattern.search(text or "")
        if match:
            year, month, day = (int(match.group(i + 1)) for i in order)
            if year < 100:  # "4/20/27": 00-68 are 20xx, 69-99 19xx (POSIX)
                year += 2000 if year <= 68 else 1900
            try:
                return date(year, month, day)
            except ValueError:
                return None
    return None
