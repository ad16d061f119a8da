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
from functools import cache

from tui.core.checks.text.alternation import either
from tui.core.drafting.offline_data import offline_section


# A page number: "Page 1 of 2", "Pg 2/3", "page 1 of 1" (the words are data: offline.toml
# [exports] page_words and page_joins).
@cache
def _page() -> re.Pattern[str]:
    exports = offline_section("exports")
    words, joins = either(exports.get("page_words", ())), either(exports.get("page_joins", ()))
    return re.compile(
        rf"(?<![A-Za-z])(?:{words})\.?[ \t]*\d{{1,3}}[ \t]*(?:{joins})[ \t]*\d{{1,3}}\b",
        re.IGNORECASE,
    )


# A page number said in a sentence: words go on after it ("See page 2 of 3 for the ROM table",
# "Page 3 of 10 of the booklet given"), a sentence ends after it before more text, or a
# sentence of words or values ends before it ("Knee flex 115 deg. See page 2 of 3"; an
# address's "Dr." or "St." is no sentence).
_IN_SENTENCE = re.compile(r"[ \t]+[a-z]")
_SENTENCE_BREAK = re.compile(r"[.!?;][ \t]+\S")
_SENTENCE_BEFORE = re.compile(r"(?:[a-z]{3}|\d)[.!?;][ \t]+\S")
# A rule drawn across the page: "_____", "=====", "-----", "*****".
_RULE = re.compile(r"^[ \t]*([-_=*~#.])\1{4,}[ \t]*$")
_SPACES = re.compile(r"\s+")


# A fax machine's header line (offline.toml [exports] fax_page, fax_routes): its page mark at
# the line's end, a clock time, a routing word and a number.
@cache
def _fax_page() -> re.Pattern[str]:
    exports = offline_section("exports")
    return re.compile(rf"(?<![A-Za-z])(?:{exports.get('fax_page', '(?!)')})[ \t]*$", re.IGNORECASE)


@cache
def _fax_route() -> re.Pattern[str]:
    exports = offline_section("exports")
    words = either(exports.get("fax_routes", ()))
    return re.compile(
        rf"(?<![\w-])(?:{words})(?=[ \t]*[:\-]|[ \t]+[A-Z0-9(])|(?<![\w-])(?i:{words})[ \t]*:"
    )


# The sending machine's number: "555-0147", "(555) 010-0147", "5550147".
_PHONE = re.compile(
    r"(?<![\d/])(?:\(?\d{3}\)?[-. ]?)?\d{3}[-. ]\d{4}(?![\d/])|(?<![\d/])\d{7,12}(?![\d/])"
)
_CLOCK = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?![\d:/])")


def _faxed(line: str) -> bool:
    """A fax machine's header: not the note's text, and on every page it sent (with a new page
    mark and time each time, so no repeat of it shows it as furniture). It ends with the page
    mark and holds the time sent, a routing word and the machine's number."""
    mark = _fax_page().search(line)
    return (
        mark is not None
        and not line[: mark.start()].rstrip().endswith((",", ";", ":"))  # "..., page 2": prose
        and _CLOCK.search(line, 0, mark.start()) is not None
        and _fax_route().search(line, 0, mark.start()) is not None
        and _PHONE.search(line, 0, mark.start()) is not None
    )


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the furniture lines at each page break (each with its line end), in order;
    none in a note that numbers no page."""
    if not _page().search(text) and not any(map(_faxed, text.splitlines())):
        return []
    lines = _lines(text)
    counts = Counter(key for _, _, key in lines)
    pages = [index for index, (_, _, key) in enumerate(lines) if _numbers_page(key)]
    taken: set[int] = set()
    for page in pages:
        taken.add(page)
        for step in (-1, 1):
            taken |= _run(lines, counts, page, step)
    return [(lines[index][0], lines[index][1]) for index in sorted(taken)]


def _run(lines: list[tuple[int, int, str]], counts: Counter[str], page: int, step: int) -> set[int]:
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
        if not (counts[key] > 1 or _RULE.match(key) or _numbers_page(key)):
            break
        low, high = sorted((page, index))
        found |= set(range(low + 1, high)) | {index}
        page = index
        index += step
    return found


def _numbers_page(line: str) -> bool:
    """A line of furniture that numbers its page ("Page 1 of 2", "Clinic PT  Pg 2/3"), not a
    sentence of the note that names a page (the note's own words would be taken out with it)."""
    if _faxed(line):
        return True
    found = _page().search(line)
    return (
        found is not None
        and not _IN_SENTENCE.match(line, found.end())
        and not _SENTENCE_BREAK.search(line, found.end())
        and not _SENTENCE_BEFORE.search(line, 0, found.start())
    )


def _lines(text: str) -> list[tuple[int, int, str]]:
    """Each line as (start, end after its line end, its words with spaces folded)."""
    found = []
    start = 0
    for line in text.splitlines(keepends=True):
        end = start + len(line)
        found.append((start, end, _SPACES.sub(" ", line).strip()))
        start = end
    return found


def without_furniture(text: str) -> str:
    """The text for a draft: a paged export's furniture gone from every page, its first page's
    header too (a draft writes the note's header once, from its fields), and the print's stamp
    line ("Printed: 02/11/2050 09:47", "Report run 03/02/2050 18:05") of any export."""
    spans = furniture_spans(text)
    furniture = {_SPACES.sub(" ", text[start:end]).strip() for start, end in spans}
    furniture.discard("")
    kept = [
        line
        for line in text.split("\n")
        if _SPACES.sub(" ", line).strip() not in furniture and not _stamped(line)
    ]
    return "\n".join(kept)


def _stamped(line: str) -> bool:
    """A print's stamp: a stamp word, then the date it was printed or run."""
    found = _stamps().search(line)
    return found is not None and bool(_DATE.match(line, found.end()))


# The date right after a stamp's word ("Printed: 02/11/2050", "Report run on 2050-03-02").
_DATE = re.compile(r"[ \t:]*(?:on[ \t]+)?\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}")


@cache
def _stamps() -> re.Pattern[str]:
    words = offline_section("exports").get("stamps", ())
    return re.compile(rf"(?<![\w-])(?:{either(list(words))})(?![\w-])", re.IGNORECASE)
