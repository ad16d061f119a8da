"""Episode fields written several to a line at the top of a note.

A header block of one ``Key: value`` per line is read by `intake.notes`. Many notes open with a
title instead, then write their fields side by side: ``Pt: D. Reyes | MRN 9900010 | Visit 3 |
Payer: BlueCross``, ``Patient: B. Kincaid   MRN 9900013   Payer: Aetna``, ``DOS 05/12/2099
Medicare Part B   Visit 10   Last progress report: visit 1``. The billing audit needs the payer
(its timed-unit rule), the visit and the last progress report from such lines just the same.

Only the leading block is read (the lines before the first blank line, at most `_MAX_LINES`):
a field further down is prose or a section, not the note's header. A line is cut into segments
at a pipe, a middle dot, a tab, a semicolon, a spaced dash, a run of two or more spaces or a
sentence's end
("... hemiparesis. Visit #9. Medicare B."); a segment is a field when it opens with a known key
and a colon ("Payer: Aetna"), or is a visit number or the last report written without one
("Visit 10", "Tx day 12", "Last progress report visit 1"). Linear in the block's length.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Final

from tui.core.checks.tables import billing_section, markup_section
from tui.core.checks.text.alternation import either

_MAX_LINES: Final = 12
# (a semicolon too: "Payer: self-pay; Visit 8" is two fields)
# (and a dash with a space either side: "Daily Note — K. Sola — 12 March 2152 — Aetna Open
# Access — visit 5"; a hyphen inside a name or a date, "Rautenbach-Sola", never cuts)
_SEGMENT_GAP: Final = re.compile(
    r"\s*(?:[|·\t;]|\s{2,}|(?<=[A-Za-z0-9)]\.)\s(?=[A-Z])|(?<=\s)[\u2013\u2014](?=\s))\s*"
)
# A keyed visit's value is the visit's number ("Visit: 3", "Visit: #4 of 12"), never a
# frequency or a date ("Visit: 3x/week x 4 weeks", "Visit: 05/20/2099")
_VISIT_VALUE: Final = re.compile(
    r"^(?:#|no\.?)?\s*\d+(?![\d/.\-]*\d)(?!\s*(?:x|/|per\b|times\b|a\s+week))", re.IGNORECASE
)
_KEYED: Final = re.compile(r"^[*_\s]*([A-Za-z][A-Za-z /]{0,30}?)[*_\s]*:[*_\s]*(.*?)[*_\s]*$")
# "Visit 10", "Visit #3", "Treatment visit #11", "Tx day 12" (a treatment day is a visit; a
# bare "Day 3" may be the hospital's); never a date ("Visit 05/20/2099" is when, not which).
# A form's key may name the number and then take its colon ("Visit #: 11", "Visit no.: 6",
# "Visit number: 4"), but a visit's frequency stays none ("Visit #: 2x/wk").
_BARE_VISIT: Final = re.compile(
    r"^(?:(?:(?:treatment|tx|therapy|rx)\s+)?visit|(?:treatment|tx|therapy|rx)\s+day)"
    r"\s*(?:#|no\.?|number)?\s*(?:(?<=[#.r])\s*:\s*|(?<=no)\s*:\s*)?(\d+)(?![\d/.\-]*\d)"
    r"(?!\s*(?:x|/|per\b|times\b|a\s+week))",
    re.IGNORECASE,
)
# "Last progress report visit 1 (01/19/2103)": the report's key written without its colon
_BARE_REPORT: Final = re.compile(
    r"^last\s+(?:progress\s+(?:report|note)|pn|pr|re-?eval(?:uation)?)\s+(?=.*\d)(.+)$",
    re.IGNORECASE,
)

# the fields read from a segmented line: what the audit's episode rules use
WANTED: Final = frozenset({"payer", "visit", "last_progress_report", "certification_date"})


def leading_block(text: str) -> list[str]:
    """The note's first lines up to the first blank line after some content."""
    lines: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            if lines:
                break
            continue
        lines.append(line)
        if len(lines) >= _MAX_LINES:
            break
    return lines


def segment_fields(text: str, keys: Mapping[str, str]) -> dict[str, str]:
    """The WANTED fields (attribute name -> value) written as segments of the leading lines;
    `keys` maps a header key as written ("payer", "insurance") to its attribute name. The first
    segment to give a field keeps it."""
    fields: dict[str, str] = {}
    named_payer = ""
    for line in leading_block(text):
        for segment in _SEGMENT_GAP.split(line.strip()):
            named_payer = named_payer or _named_payer(segment)
            keyed = _KEYED.match(segment)
            if keyed:
                name = keys.get(keyed.group(1).strip().lower())
                value = keyed.group(2).strip().rstrip(".;,").strip()
                if name == "visit" and not _VISIT_VALUE.match(value):
                    continue
                if name in WANTED and value:
                    fields.setdefault(name, value)
                continue
            bare = _BARE_VISIT.match(segment)
            if bare:
                fields.setdefault("visit", bare.group(1))
            slipped = _SLIPPED_VISIT.match(segment)
            if slipped and any(ch.isdigit() for ch in slipped.group(1)):
                fields.setdefault("visit", _slips_read(slipped.group(1)))
            report = _BARE_REPORT.match(segment)
            if report:
                fields.setdefault("last_progress_report", report.group(1).rstrip(".;, "))
            if "(" in segment:
                _aside_report(segment, keys, fields)
        _unreported_since_evaluation(line, fields)
    if named_payer:
        fields.setdefault("payer", named_payer)
    return fields


@cache
def _payer_name() -> re.Pattern[str]:
    names = either(billing_section("payer_names").get("names", []))
    return re.compile(rf"^(?:{names})(?![\w-])", re.IGNORECASE)


def _named_payer(segment: str) -> str:
    """The segment as the note's payer when it opens with a payer's name and no key: a header
    field written bare ("BlueCross PPO", "Aetna (commercial)", "Medicare Part B"). Only a plan
    may follow the name: a sentence opening with it ("Medicare requires a PN every 10 visits")
    talks about the payer and names none."""
    name = _payer_name().match(segment)
    if name is None or not _plan_written(segment[name.end() :]):
        return ""
    return segment.rstrip(".;, ")


# a bracketed aside after a payer's name is its own ("Medicare A (HH episode 02/19 - 04/18)");
# a spaced dash ends the field ("Medicare Part A (acute) -- note for OT record")
_PAYER_ASIDE: Final = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_FIELD_DASH: Final = re.compile(r"\s(?:-{1,2}|\u2013|\u2014)\s")


def _plan_written(rest: str) -> bool:
    """What follows a payer's name is a plan (billing.toml [payer_names] most_words and
    plan_words): few words, no number, each capitalised or a plan's word."""
    section = billing_section("payer_names")
    plan_words = {str(word).lower() for word in section.get("plan_words", [])}
    field = _FIELD_DASH.split(_PAYER_ASIDE.sub(" ", rest), maxsplit=1)[0]
    words = [word.strip(".,;:") for word in field.split()]
    return len(words) <= int(section.get("most_words", 0)) and all(
        (word[:1].isupper() and not any(ch.isdigit() for ch in word)) or word.lower() in plan_words
        for word in words
        if word
    )


# A visit number an OCR reading wrote with a letter for a digit ("Visit l0", "Tx day 1O"): read
# only when the token holds a digit too, so a word or a numeral ("Visit I") is never read.
_SLIPPED_VISIT: Final = re.compile(
    r"^(?:visit|(?:treatment|tx)\s+day)\s*#?\s*([0-9lIO]{1,3})(?![\w/.\-])", re.IGNORECASE
)


def _slips_read(token: str) -> str:
    """The digits an OCR token stands for (data/markup.toml [ocr] letters)."""
    letters = markup_section("ocr").get("letters", {})
    return "".join(str(letters.get(ch, ch)) for ch in token)


@cache
def _unreported() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(no report since, the evaluation with the visit it was at) as billing.toml
    [unreported_since] words them."""
    section = billing_section("unreported_since")
    reports = either(section.get("reports", []))
    done = either(section.get("done", []))
    since = either(section.get("since", []))
    evaluations = either(section.get("evaluations", []))
    none_since = re.compile(
        rf"(?<![\w-])no[ \t]+(?:{reports})(?:[ \t]+(?:{done}))?[ \t]+(?:{since})(?![\w-])",
        re.IGNORECASE,
    )
    evaluation = re.compile(
        rf"(?<![\w-])(?:{evaluations})(?![\w-])(?:[^;()=\n]{{0,40}}?(?:=|\b(?:at|was|on)\b)[ \t]*"
        r"(?:visit|(?:treatment[ \t]+|tx[ \t]+)?day|session)[ \t]*#?[ \t]*([0-9lIO]{1,3})(?!\w))?",
        re.IGNORECASE,
    )
    return none_since, evaluation


def _unreported_since_evaluation(line: str, fields: dict[str, str]) -> None:
    """A header line saying no progress report was written since the evaluation ("Treatment
    day 11 (PT eval 02/17/2142 = day 1; no progress report since)"): the evaluation is the last
    report, at the visit the line gives it, else visit 1 (the episode's first)."""
    if "last_progress_report" in fields:
        return
    none_since, evaluation = _unreported()
    if none_since.search(line) is None:
        return
    found = evaluation.search(line)
    if found is None:
        return
    visit = _slips_read(found.group(1)) if found.group(1) else "1"
    if visit.isdigit():
        fields["last_progress_report"] = f"visit {visit} (evaluation)"


# "Visit 10 (last progress report: visit 1, eval 02/18/2104)": the report's key and its value
# in an aside after the visit number
_ASIDE: Final = re.compile(r"\(([^()]{4,80})\)")


def _aside_report(segment: str, keys: Mapping[str, str], fields: dict[str, str]) -> None:
    """The last progress report written in a parenthesis of a segment (only that field: a
    payer's aside, "BlueCross (Medicare Advantage, 8-min rule applies)", is the payer's own)."""
    for aside in _ASIDE.finditer(segment):
        inner = aside.group(1).strip()
        keyed = _KEYED.match(inner)
        if keyed and keys.get(keyed.group(1).strip().lower()) == "last_progress_report":
            value = keyed.group(2).strip().rstrip(".;,").strip()
            if value:
                fields.setdefault("last_progress_report", value)
            continue
        report = _BARE_REPORT.match(inner)
        if report:
            fields.setdefault("last_progress_report", report.group(1).rstrip(".;, "))


# "..., visit number six, payer Aetna commercial.": a dictated header names the payer without a
# colon, in the note's opening sentences; the payer's name is capitalised ("payer pending",
# "insurance not verified" name none).
_SPOKEN_PAYER: Final = re.compile(
    r"(?<![\w-])(?:payer|payor|insurance|insurer)(?:\s+is)?\s+"
    r"(?!(?:verif|auth|card|info|status|pending|number|id\b|claim|benefit|company)\w*)"
    r"(?-i:([A-Z][\w'&-]*(?:[ \t]+[A-Z][\w'&-]*){0,3}))"
    r"(?:[ \t]+(?:commercial|PPO|HMO|plan))?",
    re.IGNORECASE,
)
_OPENING_CHARS: Final = 800


def spoken_payer(text: str) -> str:
    """The payer a dictated opening names without a colon, from the note's first characters."""
    found = _SPOKEN_PAYER.search(text, 0, _OPENING_CHARS)
    return found.group(1) if found else ""
