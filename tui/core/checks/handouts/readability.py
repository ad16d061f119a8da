"""Readability of patient-facing text: Flesch-Kincaid grade, jargon, and plain-language swaps.

Word and sentence counts come from textstat. Syllables come from the pyphen hyphenation
dictionary that textstat itself falls back on: textstat's English syllable counter downloads
the CMU dictionary over the network on first use, which a local-first app must not do, and the
download fails offline. The grade is therefore deterministic and needs no network.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pyphen import Pyphen

from tui.core.checks.tables import plain_language_swaps

TARGET_GRADE = 6.0
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)]|#+)\s+")
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?")


@dataclass(frozen=True)
class Readability:
    """How hard a text is to read, the jargon in it, and the sentences that hurt most."""

    grade: float
    jargon: list[dict[str, str]] = field(default_factory=list)
    hard_sentences: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"grade": self.grade, "jargon": self.jargon, "hard_sentences": self.hard_sentences}


@cache
def _hyphenator() -> Pyphen:
    return Pyphen(lang="en_US")


def syllables(word: str) -> int:
    """Syllables in one word (pyphen hyphenation points + 1, at least 1)."""
    word = word.lower().strip("'\u2019")
    if not word:
        return 0
    return len(_hyphenator().positions(word)) + 1


def as_sentences(text: str) -> str:
    """Markdown list items and headings are sentences to a reader even without a full stop;
    end each such line with one so the grade does not treat a list as one long sentence."""
    lines = []
    for line in text.splitlines():
        stripped = _LIST_MARK.sub("", line).strip()
        if stripped and stripped[-1] not in ".!?:;":
            stripped += "."
        lines.append(stripped)
    return "\n".join(lines)


def fk_grade(text: str) -> float:
    """Flesch-Kincaid grade: 0.39 words/sentence + 11.8 syllables/word - 15.59."""
    text = as_sentences(text)
    import textstat  # imported here: it loads nltk (~0.2 s), which start-up should not pay

    word_count = int(textstat.lexicon_count(text))
    if word_count == 0:
        return 0.0
    sentence_count = max(1, int(textstat.sentence_count(text)))
    syllable_count = sum(syllables(word) for word in _WORD.findall(text))
    grade = 0.39 * word_count / sentence_count + 11.8 * syllable_count / word_count - 15.59
    return round(grade, 1)


def readability(
    text: str, swaps: Mapping[str, str] | None = None, target: float = TARGET_GRADE
) -> Readability:
    """Grade, jargon with plain suggestions, and the sentences above the target grade.

    `swaps` are the clinic's own clinical-to-plain terms, added to the built-in table. Chart
    shorthand and abbreviations count as jargon too: short words keep the grade low however
    unreadable "SLR 3x10, TKE" is to a patient.
    """
    from tui.core.checks.handouts.handout import (
        shorthand_terms,  # handout checks build on this module
    )

    shorthand = [{"term": term, "suggest": plain} for term, plain in shorthand_terms(text)]
    return Readability(
        grade=fk_grade(text),
        jargon=find_jargon(text, plain_table(swaps)) + shorthand,
        hard_sentences=hard_sentences(text, target),
    )


def hard_sentences(text: str, target: float = TARGET_GRADE, limit: int = 5) -> list[str]:
    """The sentences whose own grade is above the target, hardest first."""
    scored = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group().strip()
        if len(_WORD.findall(sentence)) < 3:
            continue
        grade = fk_grade(sentence)
        if grade > target:
            scored.append((grade, sentence))
    scored.sort(key=lambda item: -item[0])
    return [sentence for _, sentence in scored[:limit]]


def plain_table(swaps: Mapping[str, str] | None) -> dict[str, str]:
    """The built-in clinical-to-plain table with the clinic's own swaps on top."""
    return {**plain_language_swaps(), **{k.lower(): v for k, v in (swaps or {}).items()}}


def _swap_pattern(swaps: Mapping[str, str]) -> re.Pattern[str] | None:
    terms = sorted((term for term in swaps if term.strip()), key=len, reverse=True)
    if not terms:
        return None
    body = "|".join(re.escape(term) for term in terms)
    return re.compile(rf"(?<![A-Za-z])(?:{body})(?![A-Za-z])", re.IGNORECASE)


def find_jargon(text: str, swaps: Mapping[str, str]) -> list[dict[str, str]]:
    """Each clinical term of the swaps table found in the text, once, in order of appearance."""
    pattern = _swap_pattern(swaps)
    if pattern is None:
        return []
    lookup = {term.lower(): plain for term, plain in swaps.items()}
    seen: set[str] = set()
    found = []
    for match in pattern.finditer(text):
        term = match.group().lower()
        if term not in seen:
            seen.add(term)
            found.append({"term": term, "suggest": lookup[term]})
    return found


def plain_language(text: str, swaps: Mapping[str, str] | None = None) -> str:
    """Replace clinical terms with plain words, keeping capitals ("Edema" -> "Swelling").

    `swaps` (the clinic's table) is added to the built-in one and wins where both list a term.
    """
    table = plain_table(swaps)
    pattern = _swap_pattern(table)
    if pattern is None:
        return text
    lookup = {term.lower(): plain for term, plain in table.items()}
    return pattern.sub(lambda match: _same_case(match.group(), lookup[match.group().lower()]), text)


def _same_case(original: str, replacement: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
