"""Plain-text handling of drafted Markdown documents shared by drafting and checks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

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


def line_number(text: str, offset: int) -> int:
    """1-based line of a character offset in `text` ("note line 12")."""
    return text.count("\n", 0, max(0, offset)) + 1


def with_lines(facts: Iterable[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """Fact records with the line of `text` their span starts on, so every place that shows a
    fact can say where it stands."""
    placed = []
    for fact in facts:
        span = fact.get("span")
        if isinstance(span, list) and span:
            fact = fact | {"line": line_number(text, int(span[0]))}
        placed.append(fact)
    return placed
