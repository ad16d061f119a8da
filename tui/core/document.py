"""Plain-text handling of drafted Markdown documents shared by drafting and checks."""

from __future__ import annotations

MEASUREMENTS_HEADING = "## Measurements found in the note"
NOT_DOCUMENTED = "[not documented]"
_CHROME_PREFIXES = ("#", "**Patient:**", "**For:**", ">", "---", "Electronically signed")


def content_lines(text: str) -> list[str]:
    """A document's content lines: no title, header line, notices, headings, placeholders,
    signature or the offline drafter's measurement list (a second pass and a reading-grade
    check must see only what the document says)."""
    kept: list[str] = []
    in_measurements = False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("## "):
            in_measurements = stripped == MEASUREMENTS_HEADING
            continue
        if in_measurements or stripped == NOT_DOCUMENTED or stripped.startswith(_CHROME_PREFIXES):
            continue
        kept.append(line)
    return kept


def document_body(text: str) -> str:
    return "\n".join(content_lines(text))
