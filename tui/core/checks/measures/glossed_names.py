"""An instrument written out with its acronym in brackets: "Freezing of gait questionnaire
(FOG-Q) 11/24", "Central Sensitization Inventory (CSI) 44/100", "Vestibular Activities and
Participation measure (VAP) 1.8".

The acronym is the instrument's short name, which a fact carries (CONVENTIONS, Measures), so a
score read under the written-out name (or a piece of it) is renamed to the acronym; a score
after the bracket that no reader took (a long name with "of" in it is no name the other readers
take) is read here under the acronym. The bracket glosses a name only when the acronym's
letters are the initials of the words before it (words such as "of" and "and" may be skipped)
and, for reading a score, when the written-out name ends in a test noun: "Total knee
arthroplasty (TKA) 6 weeks ago" and "Home Exercise Program (HEP) 2x/day" name no instrument.
The nouns and connectors are data (score_shapes.toml [glosses]).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.instruments import measure_named
from tui.core.checks.measures.scores import read_scores
from tui.core.checks.measures.shape_words import gloss_nouns, words
from tui.core.checks.names import ACRONYM, listed, not_instrument_names, resolve
from tui.core.checks.tables import not_instruments
from tui.core.checks.text.scan import Scanner

_BRACKET = re.compile(r"\([ \t]*([^()\n]{2,20}?)[ \t]*(?:[ \t][\d.]+[ \t]*)?\)")
_WORDS_BEFORE = re.compile(r"((?:[A-Za-z][\w'\u2019-]*[ \t]+){1,9})\Z")
_LETTER = re.compile(r"[A-Z]")
# Where the score may stand after the bracket: a few words of its own ("total", "score") and a
# colon, on the same line.
_TO_SCORE = re.compile(
    r"[ \t]*(?:[:=-][ \t]*)?(?:(?:total|score|sum)[ \t]*[:=]?[ \t]*)?(?=\d)", re.I
)
_MOST_SKIPPED = 1


@dataclass(frozen=True)
class _Gloss:
    long: str
    acronym: str
    start: int  # where the written-out name starts
    close: int  # after the bracket
    instrument: bool  # the written-out name ends in a test noun


def read_glossed(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Rename scores read under a glossed name to its acronym; read the score after the
    bracket where nothing else did."""
    for gloss in _glosses(scanner.text):
        _rename(scanner, facts, gloss)
        if gloss.instrument:
            _read_after(scanner, facts, gloss)


def _glosses(text: str) -> list[_Gloss]:
    excluded = not_instruments() | not_instrument_names()
    found = []
    for bracket in _BRACKET.finditer(text):
        acronym = bracket.group(1)
        if ACRONYM.fullmatch(acronym) is None or acronym.upper() in excluded:
            continue
        before = _WORDS_BEFORE.search(text, max(0, bracket.start() - 120), bracket.start())
        if before is None:
            continue
        written = before.group(1).split()
        first = _initials_fit(written, acronym)
        if first is None:
            continue
        long = " ".join(written[first:])
        start = before.start(1) + len(" ".join(written[:first])) + (1 if first else 0)
        instrument = written[-1].casefold() in gloss_nouns()
        found.append(_Gloss(long, acronym, start, bracket.end(), instrument))
    return found


def _initials_fit(written: list[str], acronym: str) -> int | None:
    """The index of the word the acronym's name starts at, or None when its capitals are not
    the initials of the words before the bracket (the last of them included)."""
    letters = [ch.casefold() for ch in _LETTER.findall(acronym)]
    if len(letters) < 2:
        return None
    parts = [piece for word in written for piece in re.split(r"[-/]", word) if piece]
    joins = _connectors()
    for first in range(len(parts) - 1, -1, -1):
        if _fits([p for p in parts[first:]], letters, joins):
            return _word_index(written, len(parts) - first)
    return None


def _fits(parts: list[str], letters: list[str], joins: frozenset[str]) -> bool:
    """The letters are the parts' initials in order; connectors, and one other word, may be
    skipped, but the name's first and last words are its first and last letters' words."""
    if not parts or parts[0][0].casefold() != letters[0]:
        return False
    at, skipped = 0, 0
    for index, part in enumerate(parts):
        if at < len(letters) and part[0].casefold() == letters[at]:
            at += 1
            continue
        if part.casefold() in joins:
            continue
        skipped += 1
        if skipped > _MOST_SKIPPED or index == 0:
            return False
    return at == len(letters)


def _word_index(written: list[str], parts_from_end: int) -> int:
    """The word that holds the part `parts_from_end` parts before the end."""
    count = 0
    for index in range(len(written) - 1, -1, -1):
        count += len([piece for piece in re.split(r"[-/]", written[index]) if piece])
        if count >= parts_from_end:
            return index
    return 0


def _rename(scanner: Scanner, facts: list[Fact], gloss: _Gloss) -> None:
    """A score read under the written-out name, or under a piece of it, is the acronym's."""
    long = _fold(gloss.long)
    name = resolve(gloss.acronym)
    origin = scanner.span(gloss.start, gloss.close)[0]
    for index, fact in enumerate(facts):
        measure = fact.measure or ""
        if fact.kind != "outcome" or not measure or fact.span[0] < origin:
            continue
        if measure == name or listed(measure) or _fold(measure) not in long:
            continue
        # the label keeps the words written: they say which instrument as well as its acronym
        facts[index] = dataclasses.replace(fact, measure=name)


def _read_after(scanner: Scanner, facts: list[Fact], gloss: _Gloss) -> None:
    text = scanner.text
    lead = _TO_SCORE.match(text, gloss.close)
    if lead is None or not scanner.free(lead.end(), lead.end() + 1):
        return
    _, sentence_end = scanner.sentence(lead.end())
    read_scores(scanner, facts, measure_named(gloss.acronym), lead.end(), sentence_end)


def _fold(name: str) -> str:
    return re.sub(r"[\s\-_.'\u2019]+", "", name).casefold()


@cache
def _connectors() -> frozenset[str]:
    return words("glosses", "connectors")
