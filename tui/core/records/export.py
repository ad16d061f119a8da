"""Patient handouts (home exercise programmes) as one printable HTML page.

One self-contained file (no scripts, no remote fonts or images, so it opens offline and prints
the same everywhere) with print CSS for both A4 and US Letter: the page box has no fixed size,
so the printer's paper is used, and the text column is narrow enough for either sheet. The
Markdown is rendered with raw HTML disabled, so text from a draft can never inject markup.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Final, Literal

from markdown_it import MarkdownIt

# A4 is 210 mm wide, Letter 215.9 mm: 15 mm margins leave 180 mm on A4 and ~186 mm on Letter,
# so a 180 mm column fits both. Heights (297 vs 279.4 mm) only change where pages break.
PRINT_CSS: Final = """
@page { margin: 15mm; }
@page a4 { size: A4; }
@page letter { size: letter; }
body[data-paper="a4"] { page: a4; }
body[data-paper="letter"] { page: letter; }
:root { color-scheme: light; }
body { font: 13pt/1.5 "Helvetica Neue", Arial, sans-serif; color: #111; margin: 0; }
main { max-width: 180mm; margin: 0 auto; padding: 12mm 0; }
header { border-bottom: 1pt solid #444; margin-bottom: 8mm; padding-bottom: 3mm; }
header .clinic { font-size: 11pt; color: #444; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 15pt; margin: 7mm 0 2mm; break-after: avoid; }
h3 { font-size: 13pt; break-after: avoid; }
li { margin: 1.5mm 0; break-inside: avoid; }
blockquote { margin: 4mm 0; padding-left: 4mm; border-left: 2pt solid #999; color: #333; }
footer { margin-top: 10mm; font-size: 10pt; color: #444; border-top: 0.5pt solid #999; }
@media print {
  main { padding: 0; }
  a { color: inherit; text-decoration: none; }
}
"""

Paper = Literal["auto", "a4", "letter"]
PAPERS: Final[tuple[Paper, ...]] = ("auto", "a4", "letter")


@dataclass(frozen=True)
class Handout:
    title: str
    clinic: str
    patient: str
    date: str
    markdown: str
    signature: str


def render_markdown(text: str) -> str:
    """Markdown to HTML with raw HTML off (it is escaped, never passed through)."""
    rendered: str = MarkdownIt("commonmark", {"html": False}).enable("table").render(text)
    return rendered


def handout_html(handout: Handout, paper: Paper = "auto") -> str:
    """The whole page. `paper` forces A4 or Letter; "auto" follows the printer."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {PAPERS}")
    esc = html.escape
    subtitle = " · ".join(part for part in (handout.patient, handout.date) if part)
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(handout.title)}</title>\n<style>{PRINT_CSS}</style>\n</head>\n"
        f'<body data-paper="{paper}">\n<main>\n<header>\n'
        f'<div class="clinic">{esc(handout.clinic)}</div>\n'
        f"<h1>{esc(handout.title)}</h1>\n<div>{esc(subtitle)}</div>\n</header>\n"
        f"{render_markdown(handout.markdown)}"
        f"<footer>{esc(handout.signature)}</footer>\n</main>\n</body>\n</html>\n"
    )
