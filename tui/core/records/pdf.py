"""A signed document (or a handout) as a PDF, the form an EHR's document import takes.

The PDF holds the whole signed text, so it can stand alone in a chart: a heading with the clinic
and the document's title, the patient's identifiers and the date of service, the document with
its Markdown headings and lists laid out, the signature block and the signed text's sha256.
It is made with fpdf2 (pure Python) and the DejaVu Sans font shipped in ``data/fonts`` (embedded,
subset), so a name like "Zoë Ångström-Łukasik" prints the same on every machine, and the bytes
depend only on the document: the creation date is the signature's time, never the clock, so the
hash noted before the file is written is the hash of what is written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    from fpdf import FPDF

Paper = Literal["letter", "a4"]
PAPERS: Final[tuple[Paper, ...]] = ("letter", "a4")
FONT: Final = "DejaVu"
FONT_DIR: Final = Path(__file__).resolve().parent.parent / "data" / "fonts"
MARGIN_MM: Final = 18.0
BODY_PT: Final = 10.5
LINE_MM: Final = 5.2
HEADING_PT: Final[dict[int, float]] = {1: 15.0, 2: 12.5, 3: 11.0}
_HEADING: Final = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET: Final = re.compile(r"^(\s*)[-*+]\s+(.*)$")
_RULE: Final = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_EMPHASIS: Final = re.compile(r"(\*\*|__)(.+?)\1")


@dataclass(frozen=True)
class Identity:
    """Who the document is about and when they were seen."""

    patient: str
    mrn: str = ""
    dob: str = ""
    date_of_service: str = ""


@dataclass(frozen=True)
class SignatureBlock:
    """Who signed (and co-signed, or must still co-sign) and when."""

    lines: Sequence[str] = ()


@dataclass(frozen=True)
class PdfDocument:
    """Everything a PDF shows. `body` is the signed text (Markdown) exactly as signed."""

    clinic: str
    title: str
    identity: Identity
    body: str
    signatures: SignatureBlock = field(default_factory=SignatureBlock)
    sha256: str = ""
    created: str = ""
    """ISO time of the signature: the PDF's creation date, so the bytes are reproducible."""


def document_pdf(doc: PdfDocument, paper: Paper = "letter") -> bytes:
    """The PDF's bytes, laid out on Letter or A4."""
    from fpdf import FPDF as Pdf  # needed at signing only, not to open the queue

    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}")
    pdf = Pdf(orientation="portrait", unit="mm", format=paper)
    pdf.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(True, margin=MARGIN_MM)
    pdf.set_creation_date(_created(doc.created))
    pdf.set_title(doc.title)
    pdf.set_creator("chartdesk")
    pdf.set_producer("chartdesk")
    pdf.add_page()
    _heading(pdf, doc)
    _identity(pdf, doc.identity)
    _body(pdf, doc.body)
    _signatures(pdf, doc)
    return bytes(pdf.output())


def _created(stamp: str) -> datetime:
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        moment = datetime(2000, 1, 1, tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _line(
    pdf: FPDF, text: str, size: float = BODY_PT, style: str = "", indent: float = 0.0
) -> None:
    """One paragraph, wrapped to the text column (long words are broken, never cut off)."""
    from fpdf.enums import XPos, YPos

    pdf.set_font(FONT, style, size)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(
        w=pdf.epw - indent,
        h=LINE_MM * size / BODY_PT,
        text=text,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
        align="L",
    )


def _gap(pdf: FPDF, mm: float) -> None:
    pdf.ln(mm)


def _bullet(pdf: FPDF, text: str, indent: float) -> None:
    """A list item: the bullet in the margin of its text, wrapped lines under the text."""
    y = pdf.get_y()
    pdf.set_font(FONT, "", BODY_PT)
    pdf.text(pdf.l_margin + indent, y + LINE_MM * 0.72, "•")
    _line(pdf, text, indent=indent + 3.5)


def _rule(pdf: FPDF) -> None:
    """A thematic break (``---``, before the signature line) as a thin line across."""
    _gap(pdf, 1.5)
    pdf.set_line_width(0.2)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + pdf.epw, pdf.get_y())
    _gap(pdf, 1.5)


def _heading(pdf: FPDF, doc: PdfDocument) -> None:
    _line(pdf, doc.clinic, 9.0)
    _line(pdf, doc.title, HEADING_PT[1], "B")
    _gap(pdf, 1.5)


def _identity(pdf: FPDF, identity: Identity) -> None:
    parts = [f"Patient: {identity.patient}"]
    parts += [f"MRN: {identity.mrn}"] if identity.mrn else []
    parts += [f"DOB: {identity.dob}"] if identity.dob else []
    parts += [f"Date of service: {identity.date_of_service}"] if identity.date_of_service else []
    _line(pdf, "    ".join(parts), BODY_PT, "B")
    _gap(pdf, 3.0)


def _body(pdf: FPDF, markdown: str) -> None:
    """The signed text, line by line: headings bold and larger, list items indented with a
    bullet, emphasis markers dropped; every word of the text is kept."""
    for raw in markdown.splitlines():
        if not raw.strip():
            _gap(pdf, LINE_MM / 2)
            continue
        heading = _HEADING.match(raw)
        bullet = _BULLET.match(raw)
        if heading:
            level = len(heading.group(1))
            _gap(pdf, 1.5)
            _line(pdf, _plain(heading.group(2)), HEADING_PT.get(level, BODY_PT), "B")
        elif _RULE.match(raw):
            _rule(pdf)
        elif bullet:
            depth = len(bullet.group(1).expandtabs(4)) // 2
            _bullet(pdf, _plain(bullet.group(2)), 4.0 + 4.0 * depth)
        else:
            _line(pdf, _plain(raw.strip()))


def _signatures(pdf: FPDF, doc: PdfDocument) -> None:
    _gap(pdf, 4.0)
    for line in doc.signatures.lines:
        _line(pdf, line, BODY_PT, "B")
    if doc.sha256:
        _line(pdf, f"Document SHA-256: {doc.sha256}", 8.0)


def _plain(text: str) -> str:
    """Inline Markdown emphasis as plain words (the PDF sets headings in bold itself)."""
    return _EMPHASIS.sub(r"\2", text)
