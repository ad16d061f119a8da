"""A text's sentences and what each is about: the numbers written near a topic's words, the
grades written about strength, and the words that make a value a change.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from tui.core.checks.extract import Unclassified
from tui.core.checks.text.lexicon import (
    Led,
    led,
    measure_matcher,
    service_matcher,
    words,
)
from tui.core.checks.text.numbers import ANY_NUMBER
from tui.core.checks.verify.fact_keys import WORDS
from tui.core.checks.verify.unit_quantities import Quantity
from tui.core.checks.verify.verify_words import either, listed

# Sentences for "written near" support: split at full stops (not decimal points), ; and lines.
# A line end, a semicolon, or a full stop not inside a decimal number nor in a run of dots (a
# dotted leader, "97162 x1 ....... 45 min", or an ellipsis); each alternative opens
# on its character, so the engine skips straight to them (the same matches as
# r"(?<!\d)[.\n;]|\.(?!\d)|\n|;", several times faster on a long note).
_SENTENCES = re.compile(r"\n|;|\.(?<!\.\.)(?!\.)(?:(?<!\d\.)|(?!\d))")

_MMT_CONTEXT_WORDS = listed("strength_context", "words")
_MMT_CONTEXT = re.compile(rf"\b(?:{either(_MMT_CONTEXT_WORDS)})\b", re.IGNORECASE)


def sentence_around(text: str, at: int) -> tuple[int, int]:
    """Where the sentence holding `at` starts and ends, inside its line (see `_SENTENCES`): the
    text's breaks are found once and the two around `at` by bisection, so asking for every
    value of a long line costs no rescan of the line."""
    breaks = _break_ends(text)
    index = bisect.bisect_right(breaks, at)
    start = breaks[index - 1] if index else 0
    end = breaks[index] - 1 if index < len(breaks) else len(text)
    return start, end


@lru_cache(maxsize=8)
def _break_ends(text: str) -> tuple[int, ...]:
    """Where each sentence break of the text ends (every break, a line end included, is one
    character long)."""
    return tuple(brk.end() for brk in _SENTENCES.finditer(text))


@dataclass(frozen=True)
class Sentences:
    """A text's sentences, and for each number the sentences that write it."""

    text: str
    bounds: tuple[int, ...]
    by_number: dict[float, tuple[int, ...]]
    _words: dict[int, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str) -> Sentences:
        bounds = (0, *(m.end() for m in _SENTENCES.finditer(text)))
        by_number: dict[float, list[int]] = {}
        for number in ANY_NUMBER.finditer(text):
            index = bisect.bisect_right(bounds, number.start()) - 1
            by_number.setdefault(float(number.group()), []).append(index)
        return cls(text, bounds, {n: tuple(dict.fromkeys(i)) for n, i in by_number.items()})

    def index(self, position: int) -> int:
        """The sentence that holds `position`."""
        return bisect.bisect_right(self.bounds, position) - 1

    def texts_with(self, value: float) -> Iterable[str]:
        """The text of each sentence that writes `value`."""
        for index in self.by_number.get(value, ()):
            end = self.bounds[index + 1] if index + 1 < len(self.bounds) else len(self.text)
            yield self.text[self.bounds[index] : end]

    def words_with(self, value: float) -> Iterable[frozenset[str]]:
        """The words (lower case, three letters or more) of each sentence that writes `value`,
        each sentence's read once however many values ask."""
        for index in self.by_number.get(value, ()):
            if index not in self._words:
                end = self.bounds[index + 1] if index + 1 < len(self.bounds) else len(self.text)
                found = WORDS.findall(self.text[self.bounds[index] : end].lower())
                self._words[index] = frozenset(found)
            yield self._words[index]


def units_carried(
    text: str, found: Sequence[Quantity], loose: Sequence[Unclassified]
) -> frozenset[tuple[str, float]]:
    """Bare numbers given the unit of a value in their sentence: in "was 2.5 cm, last week it
    was 4" the 4 is in centimetres too, so it supports a draft's "4 cm"."""
    bounds = [0] + [m.end() for m in _SENTENCES.finditer(text)]
    classes: dict[int, set[str]] = {}
    for quantity in found:
        index = bisect.bisect_right(bounds, quantity.span[0]) - 1
        classes.setdefault(index, set()).add(quantity.unit_class)
    carried = set()
    for item in loose:
        index = bisect.bisect_right(bounds, item.span[0]) - 1
        carried |= {(unit_class, float(item.value)) for unit_class in classes.get(index, ())}
    return frozenset(carried)


# The matches of r"(?<![\d.])([0-5][+-]?)\s*/\s*5(?!\d)", the check after the first digit.
_GRADE_SLASH = re.compile(r"([0-5](?<![\d.][0-5])[+-]?)\s*/\s*5(?!\d)")

# A bare grade is a digit alone, never a count, a time or a load (verify.toml
# [strength_context] counted: "re-test strength in 3 wks" names no grade 3).
_GRADE_BARE = re.compile(
    r"(?<![\w.+\-/])([0-5][+-]?)(?![\d+\-/])"
    rf"(?![ \t]*(?:{either(listed('strength_context', 'counted'))})(?![A-Za-z]))",
    re.IGNORECASE,
)

_MMT_WORDS = led(_MMT_CONTEXT, *_MMT_CONTEXT_WORDS)


def grades_written(text: str) -> frozenset[str]:
    """Every grade written as "4-/5", or as "4-" in a sentence about strength, read once: the
    strength words are found in one search of the text, and only their sentences (split at
    full stops and line ends) are read for bare grades."""
    grades = {match.group(1) for match in _GRADE_SLASH.finditer(text)}
    read: set[int] = set()
    for word in _MMT_WORDS.finditer(text):
        at = word.start()
        start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
        if start in read:
            continue
        read.add(start)
        ends = [end for end in (text.find(".", at), text.find("\n", at)) if end >= 0]
        sentence = text[start : min(ends, default=len(text))]
        grades |= {match.group(1) for match in _GRADE_BARE.finditer(sentence)}
    return frozenset(grades)


# The words and marks that say a value is a change (verify.toml [changes]).
_CHANGE_WORDS = re.compile(
    rf"\b(?:{either(listed('changes', 'words'))})\b"
    rf"|[{''.join(re.escape(mark) for mark in listed('changes', 'marks'))}]",
    re.IGNORECASE,
)

# Points as the value's own unit ("8 points"), not a word that holds it ("single-point cane").
_POINTS_AFTER = re.compile(r"[ \t]*(?:points?|pts?)\b", re.IGNORECASE)

_POINTS_AT_END = re.compile(r"\d[ \t]*(?:points?|pts?)$", re.IGNORECASE)

_NEW_VALUE = re.compile(rf"\b(?:{either(listed('changes', 'came_to'))})\s*$", re.IGNORECASE)

_BEFORE_BREAK = re.compile(r"[.;\n]")

_AFTER_BREAK = re.compile(r"[.;,\n]")


def comes_to(text: str, span: tuple[int, int]) -> bool:
    """True when the words right before a value make it the value something came to ("from
    27.4 to 25.9 cm", "now 4/10")."""
    before = _BEFORE_BREAK.split(text[max(0, span[0] - 40) : span[0]])[-1]
    return bool(_NEW_VALUE.search(before))


def says_change(text: str, span: tuple[int, int]) -> bool:
    """True when the words around a draft value call it a change ("improved 8 points")."""
    start, end = span
    before = _BEFORE_BREAK.split(text[max(0, start - 40) : start])[-1]
    if comes_to(text, span):
        return False  # "improved to 4/10": the value it came to, not the change
    after = _AFTER_BREAK.split(text[end : end + 20])[0]
    if _POINTS_AFTER.match(text, end) or _POINTS_AT_END.search(text, start, end):
        return True
    return bool(_CHANGE_WORDS.search(before) or _CHANGE_WORDS.search(after))


def numbers_by_topic(
    text: str,
    measures: Sequence[str],
    named: list[tuple[str, int]] | None = None,
    sentences: Sentences | None = None,
) -> dict[str, set[float]]:
    """For each thing a sentence is about, the numbers written in such sentences. Each topic's
    words are found in one pass over the whole text and placed in their sentence by position;
    the sentences and their numbers are the text's `Sentences`, found once."""
    sentences = sentences or Sentences.of(text)
    bounds = sentences.bounds
    numbers: dict[int, set[float]] = {}
    for value, indexes in sentences.by_number.items():
        for index in indexes:
            numbers.setdefault(index, set()).add(value)
    topics: dict[str, set[float]] = {}

    def about(topic: str, position: int) -> None:
        found = numbers.get(bisect.bisect_right(bounds, position) - 1)
        if found:
            topics.setdefault(topic, set()).update(found)

    for kind, pattern in topic_patterns().items():
        for match in pattern.finditer(text):
            about(kind, match.start())
    measure_names = measure_matcher(tuple(measures))
    for match in measure_names.finder.finditer(text):
        measure = measure_names.measure(match.group())
        if measure is not None:
            about(f"measure:{measure.name}", match.start())
            if named is not None:
                named.append((measure.name, match.end()))
    services = service_matcher()
    for match in services.finder.finditer(text):
        about(f"service:{services.code(match.group())}", match.start())
    return topics


@cache
def topic_patterns() -> dict[str, Led]:
    vocab = words()
    strength = "grip|pinch|dynamometer|strength"
    girth = "edema|girth|circumference|figure|swelling"
    return {
        "pain": vocab.pain_finder,
        "rom": vocab.rom_finder,
        "strength": led(re.compile(rf"\b(?:{strength})\b", re.IGNORECASE), strength),
        "girth": led(re.compile(rf"\b(?:{girth})\b", re.IGNORECASE), girth),
    }
