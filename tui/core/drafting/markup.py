"""A note pasted as HTML or RTF (an EHR's export or a word processor's file), read as its text.

The offline drafter copies the note's own lines; copied as markup ("<li>Pain: 2/10</li>",
"\\bullet  LEFS 71/80\\par") every line would have to be rewritten. The text is what the markup
shows: a paragraph or a list item is a line, a table row a pipe row of its cells (as the checks
read the note's row, so the draft states what that reading found), a bold run opening a
paragraph is its label, entities and RTF's escaped characters are the characters they stand for. The
standard library's HTML parser reads the HTML; RTF is a few control words.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tui.core.drafting.json_export import json_as_lines

_HTML = re.compile(r"</?(?:p|li|ul|ol|tr|td|th|table|div|br|h[1-6]|strong|b)\b[^>]*>", re.I)
_RTF = re.compile(r"\{\\rtf\d")
_BLOCKS = frozenset({"p", "li", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "table"})
_BOLD = frozenset({"strong", "b"})
_STRUCK_TAGS = frozenset({"s", "del", "strike"})
_HTML_TAGS = 3  # fewer tags than this is a note that mentions a tag, not an HTML note


def as_text(text: str) -> str:
    """The note's text as its markup shows it (a JSON export as labelled lines); a note with no
    markup as it is. Text struck through ("~~5/10~~ 3/10", "<s>5/10</s>") was taken back by
    its writer: it is no part of what the note says."""
    if _RTF.search(text):
        return _rtf_text(text)
    if len(_HTML.findall(text)) >= _HTML_TAGS:
        return _html_text(text)
    return json_as_lines(_STRUCK.sub("", text))


# Markdown's strikethrough inside a line: the struck words and one space beside them.
_STRUCK = re.compile(r"~~(?=\S)[^~\n]{1,200}?(?<=\S)~~[ \t]?")


class _Text(HTMLParser):
    """HTML as lines: one per block, a list item as a bullet, a leading bold run as a label."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.bold_opens = False
        self.struck = 0  # inside text struck through (<s>, <del>, <strike>)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _STRUCK_TAGS:
            self.struck += 1
        if tag in _BLOCKS:
            self._end_line()
        if tag == "li":
            self.line.append("- ")
        elif tag in _BOLD and not "".join(self.line).strip(" -"):
            self.bold_opens = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _STRUCK_TAGS:
            self.struck = max(0, self.struck - 1)
        if tag in _BOLD and self.bold_opens:
            # "<strong>ASSESSMENT</strong> Aerobic ...": the bold run labels its paragraph
            self.bold_opens = False
            said = "".join(self.line).rstrip()
            if said and not said.endswith(":"):
                self.line = [said, ":"]
        elif tag in _BLOCKS:
            self._end_line()

    def handle_data(self, data: str) -> None:
        if not self.struck:
            self.line.append(data.replace("\n", " "))

    def _end_line(self) -> None:
        said = re.sub(r"[ \t]+", " ", "".join(self.line)).strip()
        if said and said != "-":
            self.lines.append(said)
        self.line = []
        self.bold_opens = False

    def text(self) -> str:
        self._end_line()
        return "\n".join(self.lines)


_TABLE_ROW = re.compile(r"(<tr\b.*?</tr>)", re.IGNORECASE | re.DOTALL)


def _html_text(text: str) -> str:
    """The HTML's text; a table row as a pipe row, as the checks read it, so a draft states what
    that reading found and no tag or entity is left for the clinician to clean."""
    lines: list[str] = []
    for part in _TABLE_ROW.split(text):
        if _TABLE_ROW.fullmatch(part):
            lines += _pipe_rows(part)
            continue
        parser = _Text()
        parser.feed(part)
        parser.close()
        lines += [line for line in parser.text().splitlines() if line]
    return "\n".join(lines)


_HEAD_ROW = re.compile(r"<tr\b[^>]*>\s*<th\b", re.IGNORECASE)
_CELL = re.compile(r"<t[dh]\b([^>]*)>(.*?)(?=<t[dh]\b|</tr>)", re.IGNORECASE | re.DOTALL)
_COLSPAN = re.compile(r"""\bcolspan\s*=\s*["']?(\d{1,2})""", re.IGNORECASE)
_MOST_COLUMNS = 24


def _pipe_rows(row: str) -> list[str]:
    """A table row as the checks read it: a pipe row of its cells' text ("| TUG | 15.1 s |"),
    and a row of heading cells (<th>) ruled off beneath as a Markdown table's heading is. A cell
    spanning columns is written with as many empty cells as it spans more, as the checks read
    it (checks.layouts.html_spans), so the columns under it stay in their places."""
    cells = []
    for attrs, cell in _CELL.findall(row):
        parser = _Text()
        parser.feed(cell)
        parser.close()
        cells.append(" ".join(parser.text().split()))
        span = _COLSPAN.search(attrs)
        cells += [""] * (min(int(span.group(1)), _MOST_COLUMNS) - 1 if span else 0)
    if not cells:
        return [" ".join(row.split())]
    rule = ["| " + " | ".join("---" for _ in cells) + " |"] if _HEAD_ROW.match(row) else []
    return ["| " + " | ".join(cells) + " |", *rule]


_RTF_GROUPS = re.compile(
    r"\{\\(?:fonttbl|colortbl|stylesheet|info|\*)[^{}]*(?:\{[^{}]*\}[^{}]*)*\}"
)
_RTF_HEX = re.compile(r"\\'([0-9a-fA-F]{2})")
_RTF_WORD = re.compile(r"\\([a-z]+)(-?\d+)? ?")
_RTF_LINES = {"par": "\n", "line": "\n", "tab": "\t", "bullet": "-"}


def _rtf_text(text: str) -> str:
    text = _RTF_GROUPS.sub("", text)
    text = _RTF_HEX.sub(lambda m: bytes([int(m.group(1), 16)]).decode("cp1252"), text)
    text = _RTF_WORD.sub(lambda m: _RTF_LINES.get(m.group(1), ""), text)
    text = text.replace("{", "").replace("}", "")
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
