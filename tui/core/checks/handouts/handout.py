"""What must never reach a patient: checks of patient-facing documents (handouts).

A handout can grade at a first-grade reading level and still be unreadable to a patient when it
is written in chart shorthand ("supine SLR with quad set, 3x10, maintaining TKE" grades 1.9),
and it must never carry billing codes or the clinician's reasoning. The reading grade cannot
see either, so these checks look for them directly, by the classes in ``data/handout.toml``:
codes, billing lines, clinician-only sections, chart language, shorthand and notation, jargon
(the plain-language table plus the clinic's own), and the clinic's phone number under "When to
call". Each hit is a finding with the document line it stands on.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Final

from tui.core.checks.handouts.readability import find_jargon, plain_table

CODE: Final = "HANDOUT_CODE"
BILLING: Final = "HANDOUT_BILLING"
SECTION: Final = "HANDOUT_CLINICIAN_SECTION"
CHART_LANGUAGE: Final = "HANDOUT_CHART_LANGUAGE"
SHORTHAND: Final = "HANDOUT_SHORTHAND"
JARGON: Final = "HANDOUT_JARGON"
NO_PHONE: Final = "HANDOUT_NO_PHONE"
CALL_HEADING: Final = re.compile(r"when to call", re.IGNORECASE)
_HEADING: Final = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_CAPITALS: Final = re.compile(r"(?<![\w/])[A-Z][A-Z0-9]{1,5}s?(?![\w/])")
_DIGITS: Final = re.compile(r"\d")


@dataclass(frozen=True)
class HandoutFinding:
    """One thing in a handout that a patient should not get, and the line it is on."""

    code: str
    message: str
    line: int
    term: str = ""
    suggest: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": "error",
            "message": self.message,
            "line": self.line,
            "term": self.term,
            "suggest": self.suggest,
        }


@dataclass(frozen=True)
class Notation:
    pattern: re.Pattern[str]
    plain: str


@dataclass(frozen=True)
class HandoutRules:
    """The table of ``data/handout.toml``, compiled once."""

    clinician_headings: tuple[str, ...]
    codes: tuple[re.Pattern[str], ...]
    billing: tuple[re.Pattern[str], ...]
    chart_phrases: tuple[re.Pattern[str], ...]
    shorthand: Mapping[str, str]
    shorthand_pattern: re.Pattern[str]
    allowed_in: Mapping[str, tuple[re.Pattern[str], ...]]
    notation: tuple[Notation, ...]
    plain_capitals: frozenset[str]


@cache
def handout_rules() -> HandoutRules:
    text = files("tui.core").joinpath("data", "handout.toml").read_text(encoding="utf-8")
    raw = tomllib.loads(text)
    shorthand = dict(raw["shorthand"])
    terms = sorted(shorthand, key=len, reverse=True)
    return HandoutRules(
        clinician_headings=tuple(raw["clinician_only_headings"]),
        codes=tuple(re.compile(p) for p in raw["code_patterns"]),
        billing=tuple(re.compile(p) for p in raw["billing_patterns"]),
        chart_phrases=tuple(re.compile(p) for p in raw["clinician_phrases"]),
        shorthand=shorthand,
        shorthand_pattern=re.compile(
            r"(?<![\w/])(?:" + "|".join(re.escape(t) for t in terms) + r")(?![\w/])"
        ),
        allowed_in={
            term: tuple(re.compile(p) for p in patterns)
            for term, patterns in raw.get("allowed_in", {}).items()
        },
        notation=tuple(
            Notation(re.compile(item["pattern"]), item["plain"]) for item in raw["notation"]
        ),
        plain_capitals=frozenset(raw["plain_capitals"]),
    )


def check_handout(
    text: str, *, phone: str = "", swaps: Mapping[str, str] | None = None
) -> list[HandoutFinding]:
    """Every finding in a patient-facing document, in the order of its lines."""
    rules = handout_rules()
    found: list[HandoutFinding] = []
    for number, line, heading in _lines(text):
        if heading is not None:
            found += _heading_findings(rules, number, heading)
        found += _code_findings(rules, number, line)
        found += _billing_findings(rules, number, line)
        found += _chart_findings(rules, number, line)
        found += [
            HandoutFinding(SHORTHAND, _shorthand_message(term, plain), number, term, plain)
            for term, plain in shorthand_terms(line)
        ]
    found += _jargon_findings(text, swaps)
    found += _phone_findings(text, phone)
    return sorted(found, key=lambda finding: finding.line)


def shorthand_terms(text: str) -> list[tuple[str, str]]:
    """Chart shorthand, number notation and unknown capitals in `text`, each with the plain
    words to use instead (in order of appearance; a term once)."""
    rules = handout_rules()
    hits: list[tuple[int, str, str]] = []
    for match in rules.shorthand_pattern.finditer(text):
        term = match.group()
        if not _allowed_here(rules, term, text, match.start()):
            hits.append((match.start(), term, rules.shorthand[term]))
    for notation in rules.notation:
        for match in notation.pattern.finditer(text):
            numbers = [*match.groups(), "", ""]
            plain = notation.plain.format(n=numbers[0], m=numbers[1])
            hits.append((match.start(), match.group().strip(), plain))
    for match in _CAPITALS.finditer(text):
        term = match.group()
        if term in rules.shorthand or term.rstrip("s") in rules.plain_capitals:
            continue
        if term in rules.plain_capitals or not any(ch.isalpha() for ch in term[1:]):
            continue
        hits.append((match.start(), term, "spell it out in plain words"))
    seen: set[str] = set()
    terms = []
    for _start, term, plain in sorted(hits):
        if term not in seen:
            seen.add(term)
            terms.append((term, plain))
    return terms


def _allowed_here(rules: HandoutRules, term: str, text: str, start: int) -> bool:
    return any(
        match.start() <= start < match.end()
        for pattern in rules.allowed_in.get(term, ())
        for match in pattern.finditer(text)
    )


def _shorthand_message(term: str, plain: str) -> str:
    return f"Chart shorthand {term!r}: a patient reads {plain!r}."


def _lines(text: str) -> Iterator[tuple[int, str, str | None]]:
    """(line number, line, heading text or None) for every line of the document."""
    for number, line in enumerate(text.splitlines(), start=1):
        heading = _HEADING.match(line)
        yield number, line, heading.group(1) if heading else None


def _heading_findings(rules: HandoutRules, number: int, heading: str) -> list[HandoutFinding]:
    lowered = heading.lower()
    for word in rules.clinician_headings:
        if re.search(rf"\b{re.escape(word)}\b", lowered):
            return [
                HandoutFinding(
                    SECTION,
                    f"Section {heading!r} belongs in the chart, not in a patient handout.",
                    number,
                    heading,
                )
            ]
    return []


def _code_findings(rules: HandoutRules, number: int, line: str) -> list[HandoutFinding]:
    codes = {match.group() for pattern in rules.codes for match in pattern.finditer(line)}
    return [
        HandoutFinding(
            CODE, f"Billing or diagnosis code {code} in a patient handout.", number, code
        )
        for code in sorted(codes)
    ]


def _billing_findings(rules: HandoutRules, number: int, line: str) -> list[HandoutFinding]:
    for pattern in rules.billing:
        match = pattern.search(line)
        if match:
            return [
                HandoutFinding(
                    BILLING,
                    "A billing line in a patient handout (units, charges or totals).",
                    number,
                    match.group().strip(),
                )
            ]
    return []


def _chart_findings(rules: HandoutRules, number: int, line: str) -> list[HandoutFinding]:
    for pattern in rules.chart_phrases:
        match = pattern.search(line)
        if match:
            return [
                HandoutFinding(
                    CHART_LANGUAGE,
                    f"Chart language ({match.group()!r}): the clinician's reasoning, not advice "
                    "to the patient.",
                    number,
                    match.group(),
                )
            ]
    return []


def _jargon_findings(text: str, swaps: Mapping[str, str] | None) -> list[HandoutFinding]:
    found = []
    lines = text.splitlines()
    for item in find_jargon(text, plain_table(swaps)):
        term = item["term"]
        number = next((i for i, line in enumerate(lines, start=1) if term in line.lower()), 0)
        found.append(
            HandoutFinding(
                JARGON,
                f"Clinical word {term!r}: say {item['suggest']!r}.",
                number,
                term,
                item["suggest"],
            )
        )
    return found


def _phone_findings(text: str, phone: str) -> list[HandoutFinding]:
    """The "When to call" section must give the clinic's number (from context.toml)."""
    section = _section(text, CALL_HEADING)
    if section is None:
        return [
            HandoutFinding(
                NO_PHONE,
                "No 'When to call your therapist' section: a patient must know when and whom "
                "to call.",
                0,
            )
        ]
    start, body = section
    if not phone:
        return [
            HandoutFinding(
                NO_PHONE,
                "The clinic's phone number is not set: add [clinic] phone to context.toml.",
                start,
            )
        ]
    digits = "".join(_DIGITS.findall(phone))
    if digits and digits not in "".join(_DIGITS.findall(body)):
        return [
            HandoutFinding(
                NO_PHONE,
                f"'When to call' does not give the clinic's number, {phone}.",
                start,
                suggest=phone,
            )
        ]
    return []


def _section(text: str, heading: re.Pattern[str]) -> tuple[int, str] | None:
    """(line of the heading, body text) of the first section whose heading matches."""
    start: int | None = None
    body: list[str] = []
    for number, line, title in _lines(text):
        if title is not None:
            if start is not None:
                break
            if heading.search(title):
                start = number
            continue
        if start is not None:
            body.append(line)
    return None if start is None else (start, "\n".join(body))
