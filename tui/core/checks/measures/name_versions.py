"""Version numbers written with an instrument's name: "Hemophilia Joint Health Score (HJHS
2.1), item totals:", "PedsQL 4.0 Generic Core (parent report):", "Stroke Impact Scale 3.0 hand
domain 45", "SIS version 3".

A clinician reads such a number as the edition of the form, never as a score: it has one
decimal (1.0 to 9.9) or follows "version"/"v", and the name goes on after it (a form, a domain,
a score further on in the clause), closes the bracket that glosses a written-out name, or ends
a heading. A score written the same way ("VAP 1.8 (eval 2.6)", "QuickDASH 2.3 today", "LYMQOL
overall 2.1") is followed by a bracket, a time, a unit or nothing, and stays a score. The
number is blocked before any reader looks for scores. The words are data (score_shapes.toml
[versions]).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.instruments import measure_named
from tui.core.checks.measures.scores import read_scores
from tui.core.checks.measures.shape_words import gloss_nouns, words
from tui.core.checks.names import ACRONYM, listed, not_instrument_names
from tui.core.checks.tables import not_instruments
from tui.core.checks.text.scan import Scanner

# A written-out name in Title Case that ends in a test noun ("Stroke Impact Scale").
_TITLE_NAME = re.compile(r"(?<![\w'-])((?:[A-Z][\w'-]*[ \t]+){0,5}([A-Z][a-z]+))(?![\w'-])")
# After the name: a marker and a number, or a number with one decimal.
_NUMBER = re.compile(
    r"[ \t]*(?:(?P<marker>[A-Za-z]{1,7}\.?)[ \t]*)?"
    r"(?P<number>[1-9](?:\.\d)?)(?![\d.]*\d|[\w/%\u00b0])"
)
_BRACKET_CLOSE = re.compile(r"[ \t]*\)")
_HEADING_END = re.compile(r"[ \t]*(?:\([^()\n]*\)[ \t]*)?[,]?[^\n\d]{0,30}:[ \t]*(?:\n|$)")
# A colon may stand between the version and the words that go on ("SIS 3.0: hand domain 45").
_WORD_AFTER = re.compile(r"[ \t]*:?[ \t]+([A-Za-z][\w'-]*)")
# A score of the form right after its version ("LEFS 2.0 52/80"): no score is written twice.
_FRACTION_AFTER = re.compile(r"[ \t]*:?[ \t]+\d+(?:\.\d+)?[ \t]*/[ \t]*\d")
# A listed instrument written as one capitalised word ("Oswestry version 2.1").
_ONE_WORD = re.compile(r"(?<![\w'-])([A-Z][a-z]{3,})(?![\w'-])")
_CLAUSE_END = re.compile(r"[;,.\n]|$")
_DIGIT = re.compile(r"\d")
# The words after a version up to the score (up to four, no clause mark between).
_SCORE_AFTER = re.compile(
    r"[ \t]*:?(?P<words>(?:[ \t]+[A-Za-z][\w'-]*){0,4})[ \t]*:?[ \t]*(?P<value>\d+(?:\.\d+)?)"
)
_WORD_BEFORE_BRACKET = re.compile(r"[A-Za-z][\w'-]*[ \t]*\([ \t]*\Z")


def block_name_versions(scanner: Scanner, _facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Block every version number written after an instrument's name."""
    text = scanner.text
    for start, end in _names(text):
        found = _NUMBER.match(text, end)
        if found is None or not scanner.free(*found.span("number")):
            continue
        if _is_version(text, start, found):
            scanner.block(*found.span("number"))


def read_after_versions(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """The score after a version and the words that go on naming the form ("Stroke Impact
    Scale 3.0 hand domain 45", "PedsQL v4 total 70"): the readers of names stop at the
    blocked version, so the score is read here under the name, where nothing took it."""
    text = scanner.text
    for start, end in _names(text):
        found = _NUMBER.match(text, end)
        if found is None or not scanner.is_blocked(*found.span("number")):
            continue
        if not _is_version(text, start, found) or _HEADING_END.match(text, found.end()):
            continue
        _, sentence_end = scanner.sentence(found.end())
        score = _SCORE_AFTER.match(text, found.end(), sentence_end)
        if score is None or not scanner.free(*score.span("value")):
            continue
        measure = measure_named(text[start:end])
        read_scores(
            scanner, facts, measure, found.end(), sentence_end, score.group("words").strip()
        )


def _names(text: str) -> list[tuple[int, int]]:
    """Spans of names that may carry a version: acronyms and Title Case names of tests."""
    excluded = not_instruments() | not_instrument_names()
    spans = [
        match.span(1)
        for match in ACRONYM.finditer(text)
        if match.group(1).upper() not in excluded and not match.group(1).isdigit()
    ]
    nouns = gloss_nouns()
    spans.extend(
        match.span(1)
        for match in _TITLE_NAME.finditer(text)
        if match.group(2).casefold() in nouns and " " in match.group(1).strip()
    )
    spans.extend(
        match.span(1)
        for match in _ONE_WORD.finditer(text)
        if match.group(1).upper() not in excluded and listed(match.group(1))
    )
    return spans


def _is_version(text: str, name_start: int, found: re.Match[str]) -> bool:
    marker = (found.group("marker") or "").casefold()
    if marker:
        return marker in _markers()
    number = found.group("number")
    if "." not in number:
        return False
    end = found.end()
    if _BRACKET_CLOSE.match(text, end) and _WORD_BEFORE_BRACKET.search(
        text, max(0, name_start - 40), name_start
    ):
        return True  # "Hemophilia Joint Health Score (HJHS 2.1)": the gloss's edition
    if _HEADING_END.match(text, end):
        return True  # "PedsQL 4.0 Generic Core (parent report):" heads its domains
    if _FRACTION_AFTER.match(text, end):
        return True  # "LEFS 2.0 52/80": the form's score follows its edition
    word = _WORD_AFTER.match(text, end)
    if word is None or word.group(1).casefold() in _not_after():
        return False
    if word.group(1)[0].isupper():
        return True  # "PedsQL 4.0 Generic": the form's name goes on
    clause = _CLAUSE_END.search(text, word.end())
    clause_end = clause.start() if clause is not None else len(text)
    return _DIGIT.search(text, word.end(), clause_end) is not None


@cache
def _markers() -> frozenset[str]:
    return words("versions", "markers")


@cache
def _not_after() -> frozenset[str]:
    return words("versions", "not_after")
