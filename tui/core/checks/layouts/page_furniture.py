"""A paged export's furniture: the page number, and the header and footer lines every page
repeats ("Page 1 of 2", "CONFIDENTIAL", the clinic's address, "Patient: ... MRN: ..." again at
the top of page 2), standing between two pages' text.

Read as the note's lines they would part a section or a table in two (a table's rows on page 2
read under the page header's fields) and give numbers that measure nothing. Each run of them at
a page break is taken out whole, so the text on either side of the break reads as one; the
header at the top of the first page stays, where the note's header is read.
"""

from __future__ import annotations

import re
from collections import Counter

# A page number: "Page 1 of 2", "Pg 2/3", "page 1 of 1".
_PAGE_WORDS = ("page", "pg", "seite", "página", "pagina")
_PAGE = re.compile(
    rf"(?<![A-Za-z])(?:{'|'.join(_PAGE_WORDS)})\.?[ \t]*\d{{1,3}}[ \t]*(?:of|/|de|von)[ \t]*\d{{1,3}}\b",
    re.IGNORECASE,
)
# A rule drawn across the page: "_____", "=====", "-----", "*****".
_RULE = re.compile(r"^[ \t]*([-_=*~#.])\1{4,}[ \t]*$")
_SPACES = re.compile(r"\s+")


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the furniture lines at each page break (each with its line end), in order;
    none in a note that numbers no page."""
    if not _PAGE.search(text):
        return []
    lines = _lines(text)
    counts = Counter(key for _, _, key in lines)
    pages = [index for index, (_, _, key) in enumerate(lines) if _PAGE.search(key)]
    taken: set[int] = set()
    for page in pages:
        taken.add(page)
        for step in (-1, 1):
            taken |= _run(lines, counts, page, step)
    return [(lines[index][0], lines[index][1]) for index in sorted(taken)]


def _run(
    lines: list[tuple[int, int, str]], counts: Counter[str], page: int, step: int
) -> set[int]:
    """The furniture lines next to a page number, going one way: lines every page repeats,
    rules and page numbers, with blank lines between them (a blank line at the run's edge is
    the text's own)."""
    found: set[int] = set()
    index = page + step
    while 0 <= index < len(lines):
        key = lines[index][2]
        if not key:
            index += step
            continue
        if not (counts[key] > 1 or _RULE.match(key) or _PAGE.search(key)):
            break
        low, high = sorted((page, index))
        found |= set(range(low + 1, high)) | {index}
        page = index
        index += step
    return found


def _lines(text: str) -> list[tuple[int, int, str]]:
    """Each line as (start, end after its line end, its words with spaces folded)."""
    found = []
    start = 0
    for line in text.splitlines(keepends=True):
        end = start + len(line)
        found.append((start, end, _SPACES.sub(" ", line).strip()))
        start = end
    return found
