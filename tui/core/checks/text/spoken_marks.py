"""Punctuation a dictation says aloud ("comma", "period", "new paragraph"), from one data file
(``data/spoken_marks.toml``) that both readers use: the offline drafter writes the words as
marks, and the checks know a spoken mark is never part of a test's name."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.pieces import Piece


@dataclass(frozen=True)
class SpokenMarks:
    """Each mark with the words said for it, and the words before one that make it a noun."""

    marks: dict[str, tuple[str, ...]]
    noun_before: dict[str, frozenset[str]]

    @property
    def single_words(self) -> frozenset[str]:
        """The marks said as one word ("colon", "dash"), lower case: the words that can end
        or split a name written in a sentence."""
        return frozenset(
            said.lower() for words in self.marks.values() for said in words if " " not in said
        )

    def said_in(self, words: list[str]) -> bool:
        """True when a spoken mark is among `words` as punctuation, not as a noun: "road test
        period recommend" holds one, "after the trial period" does not."""
        single = self.single_words
        for index, word in enumerate(words):
            said = word.lower()
            if said not in single:
                continue
            before = words[index - 1].lower() if index else ""
            if before not in self.noun_before.get(said, frozenset()):
                return True
        return False


@cache
def spoken_marks() -> SpokenMarks:
    text = files("tui.core").joinpath("data", "spoken_marks.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)
    marks = {
        str(mark): tuple(str(word) for word in said)
        for mark, said in table.get("marks", {}).items()
    }
    nouns = {
        str(word): frozenset(str(w).lower() for w in before)
        for word, before in table.get("noun_before", {}).items()
    }
    return SpokenMarks(marks, nouns)


# The marks the readers write for a dictation that says its punctuation: those that part a
# sentence's clauses. A full stop said aloud keeps its word: the readers name a lower-case test
# by the sentence it is said in ("flexion full period rapid pace walk 7.1 seconds"), which a
# full stop would end; a colon or a dash opens a label or not by the words around it, which the
# offline drafter weighs.
_CLAUSE_MARKS = (",", ";")
# How many marks a note must say before its marks are read as punctuation: one "comma" may be
# a word of the note's own.
_SAID_AT_LEAST = 2


def spoken_mark_pieces(text: str) -> list[Piece]:
    """Pieces writing the commas and semicolons a dictation says aloud as marks ("3 out of 10
    comma 4 on stairs" reads as "3 out of 10, 4 on stairs"), so the readers see its clauses as
    a typed note's. Only in a text that says at least two marks, and never after a word that makes
    the mark a noun."""
    found = [
        Piece(match.start(), match.end(), mark, match.start(), match.end())
        for mark, pattern in _mark_patterns()
        for match in line_scan(pattern, text)
        if not _noun(text, match)
    ]
    if len(found) < _SAID_AT_LEAST:
        return []
    return sorted(found, key=lambda piece: piece.start)


def _noun(text: str, match: re.Match[str]) -> bool:
    """The word before the mark makes it a noun (spoken_marks.toml noun_before)."""
    said = match.group().split()[0].lower()
    before = _WORD_BEFORE.search(text, max(0, match.start() - 30), match.start())
    nouns = spoken_marks().noun_before.get(said, frozenset())
    return before is not None and before.group(1).lower() in nouns


_WORD_BEFORE = re.compile(r"([A-Za-z'-]+)[ \t]*$")


@cache
def _mark_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each clause mark with a pattern of the words said for it (and the blanks before them)."""
    marks = spoken_marks().marks
    blanks = r"[ \t]+"
    return tuple(
        (mark, re.compile(rf"[ \t]*\b(?:{'|'.join(said)})\b", re.IGNORECASE))
        for mark in _CLAUSE_MARKS
        if (said := [re.escape(word).replace(r"\ ", blanks) for word in marks.get(mark, ())])
    )
