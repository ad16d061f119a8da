"""Counts that are results of the patient: events over a period ("3 falls in 6 mo", "1 near-fall
this wk"), counts of things out of a whole ("4/5 trials", "7 of 10 coins"), and repetitions a
test counted ("30 s chair stand 9 reps", "heel raise test 12 reps").

Extraction does not read them as facts (they are no pain, grade or score, and the scanner
blocks them), but a draft that leaves one out has dropped something the note found, so
verification reports it as missing (`missing_counts`). Doses ("3x10", "2 sets of 15 reps") and
goals ("no falls in 3 months") are never results. The words are data (measures.toml
[not_measurements] events and counted, [results]).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from tui.core.checks.facts import Fact
from tui.core.checks.measures.labels import context_words
from tui.core.checks.tables import (
    not_measurement_words,
    result_words,
    said_events,
    said_times,
)
from tui.core.checks.text.alternation import words_pattern
from tui.core.checks.text.lexicon import NUM, Led, counted_fractions, led, matches
from tui.core.checks.text.number_led import NumberLed, number_led
from tui.core.checks.text.numbers import Normalized, normalize, to_number
from tui.core.checks.text.scan import Scanner

_FRACTION = re.compile(rf"({NUM})\s*(?:/|of|out of)\s*({NUM})", re.IGNORECASE)
_NOUN = re.compile(r"[A-Za-z-]+")
_SENTENCE = re.compile(r"[^.;\n]+")
_STEM = 3


@dataclass(frozen=True)
class Count:
    """A counted result: the count, its whole where it has one, and the thing counted."""

    value: float
    whole: float | None
    noun: str
    span: tuple[int, int]

    def render(self) -> str:
        """A short line stating the count that `missing_counts` reads back as stated."""
        whole = f"/{_plain(self.whole)}" if self.whole is not None else ""
        return f"{_plain(self.value)}{whole} {self.noun}".strip()

    @property
    def stem(self) -> str:
        """How a draft may name the thing: its first letters ("fal" for "falls", "rep" for
        "repetitions")."""
        return self.noun.lower()[:_STEM]


@cache
def _events() -> re.Pattern[str] | NumberLed:
    events = "|".join(f"(?:{word})" for word in not_measurement_words().get("events", ()))
    # the count and its event on one line: "Acceptable level: 3" closing a line counts nothing
    # that the next line ("FALLS since last visit: 0") opens with
    return number_led(  # tried only at the numbers before an event's word
        re.compile(rf"(?<![\d./])({NUM})[ \t]+({events or '(?!x)x'})\b", re.IGNORECASE), events
    )


@cache
def _reps() -> re.Pattern[str] | NumberLed:
    nouns = "|".join(f"(?:{word})" for word in result_words().get("rep_nouns", ()))
    return number_led(  # tried only at the numbers before a repetitions noun
        re.compile(
            rf"(?<![\d./x])({NUM})\s*({nouns or '(?!x)x'})\b(?!\s*(?:x|of|@)\s*\d)", re.IGNORECASE
        ),
        nouns,
    )


@cache
def _tested() -> re.Pattern[str]:
    return words_pattern(result_words().get("tested_reps", ()))


def tested_words() -> re.Pattern[str]:
    """Words that say repetitions were counted by a test ("to fatigue", "max", "test")."""
    return _tested()


def dose_words_before() -> re.Pattern[str]:
    """Words right before a count that make it a dose ("3 x", "sets of")."""
    return _dose_before()


@cache
def _dose_before() -> re.Pattern[str]:
    body = "|".join(f"(?:{word})" for word in result_words().get("dose_before", ()))
    return re.compile(rf"(?:^|[^A-Za-z])(?:{body or '(?!x)x'})\s*$", re.IGNORECASE)


def changed_count(text: str, clause: int, start: int, end: int) -> bool:
    """True for a count said as a change between visits: after a word of change in its clause
    ("up 4 reps", "(improved by 6 reps)") or before a comparison ("5 reps better")."""
    before, after = _changes()
    return bool(before.search(text, clause, start) or after.match(text, end))


@cache
def _changes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    body = "|".join(f"(?:{word})" for word in not_measurement_words().get("changes", ()))
    before = re.compile(
        rf"(?:^|[^A-Za-z])(?:{body or '(?!x)x'})\s*\(?\s*(?:by\s+)?"
        r"(?:(?:about|around|roughly|approx\.?|approximately|nearly|almost|another)\s+)?~?\s*$",
        re.IGNORECASE,
    )
    after = re.compile(r"[ \t]*(?:better|worse|more|fewer|less)\b", re.IGNORECASE)
    return before, after


def result_counts(text: str) -> list[Count]:
    """The counted results of a text, outside its header lines and goals."""
    scanner = Scanner(text)
    scanner.mark_headers()
    scanner.block_goals()
    found = [
        *_event_counts(scanner),
        *_said_events(scanner),
        *_fractions(scanner),
        *_tested_reps(scanner),
    ]
    return sorted(found, key=lambda count: count.span)


def _event_counts(scanner: Scanner) -> list[Count]:
    found = []
    for match in _events().finditer(scanner.text):
        if scanner.is_blocked(*match.span(1)):
            continue
        noun = match.group(2).lower()
        found.append(Count(float(match.group(1)), None, noun, match.span(1)))
    return found


@cache
def _said() -> Led:
    """An event said with its verb and how often ("fell 3 times", "has fallen twice")."""
    verbs = [verb for forms in said_events().values() for verb in forms]
    verbs.sort(key=len, reverse=True)  # "nearly fell" before "fell"
    often = "|".join(said_times()) or "(?!x)x"
    pattern = re.compile(
        rf"({'|'.join(verbs) or '(?!x)x'})\b[ \t]+(?:({NUM})[ \t]*(?:x|times)\b|({often})\b)",
        re.IGNORECASE,
    )
    return led(pattern, *verbs)


def _noun_of(verb: str) -> str:
    """The event a written verb says ("fell" is falls)."""
    for noun, forms in said_events().items():
        if any(re.fullmatch(form, verb, re.IGNORECASE) for form in forms):
            return noun
    return ""


def _said_events(scanner: Scanner) -> list[Count]:
    found = []
    for match in _said().finditer(scanner.text):
        group = 2 if match.group(2) else 3
        if scanner.is_blocked(*match.span(group)):
            continue
        noun = _noun_of(match.group(1))
        written = match.group(group)
        value = float(written) if group == 2 else float(said_times()[written.lower()])
        found.append(Count(value, None, noun, match.span(group)))
    return found


def _fractions(scanner: Scanner) -> list[Count]:
    found = []
    for stretch in matches(counted_fractions(), scanner.text):
        if scanner.is_blocked(stretch.start(), stretch.start() + 1):
            continue
        noun = _NOUN.search(scanner.text, _FRACTION.match(scanner.text, stretch.start()).end())  # type: ignore[union-attr]
        for part in _FRACTION.finditer(scanner.text, stretch.start(), stretch.end()):
            value, whole = float(part.group(1)), float(part.group(2))
            found.append(Count(value, whole, noun.group() if noun else "", part.span(1)))
    return found


def _tested_reps(scanner: Scanner) -> list[Count]:
    text = scanner.text
    found = []
    for match in _reps().finditer(text):
        start = scanner.clause_start(match.start())
        sentence = scanner.sentence_before(match.start())
        if scanner.is_blocked(*match.span(1)) or _dose_before().search(text, start, match.start()):
            continue
        if not _tested().search(text, sentence, match.start()):
            continue
        found.append(Count(float(match.group(1)), None, match.group(2).lower(), match.span(1)))
    return found


def missing_counts(note_text: str, draft: Normalized, facts: Iterable[Fact] = ()) -> list[Fact]:
    """The note's counted results that the draft does not state: the count (and its whole) in
    a sentence of the draft that names the thing counted, in any wording. Counts the note's
    `facts` already hold ("30 s chair stand 9 reps" is a score) are checked as those facts."""
    stated = _Statements(draft.text)
    note = normalize(note_text)
    held = _Held([fact.span for fact in facts])
    missing = []
    for count in result_counts(note_text):
        at = note.span(*count.span)
        if held.overlaps(at) or stated.states(count):
            continue
        before = note.text[max(0, count.span[0] - 60) : count.span[0]]
        label = " ".join(
            word
            for word in context_words(re.split(r"[.;:\n]", before)[-1], 4).split()
            if len(word) > 1
        )
        missing.append(
            Fact(
                kind="other",
                value=to_number(_plain(count.value)),
                unit=f"/{_plain(count.whole)}" if count.whole is not None else count.noun,
                label=f"{label} {count.noun}".strip(),
                span=at,
            )
        )
    return missing


class _Held:
    """The spans of the note's facts, asked whether any overlaps a span: sorted by start, with
    the furthest end so far, so each question is one bisection (not a walk over every fact)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self._starts = [start for start, _ in spans]
        self._furthest = list(accumulate((end for _, end in spans), max))

    def overlaps(self, span: tuple[int, int]) -> bool:
        before = bisect.bisect_left(self._starts, span[1])  # facts starting before it ends
        return before > 0 and self._furthest[before - 1] > span[0]


class _Statements:
    """The draft's sentences with the numbers each one writes, found once and indexed by
    number, so a count is compared only with the sentences that write its value."""

    def __init__(self, text: str) -> None:
        self._by_number: dict[float, list[tuple[str, frozenset[float]]]] = {}
        for found in _SENTENCE.finditer(text):
            sentence = found.group().lower()
            numbers = frozenset(
                {float(n) for n in re.findall(NUM, sentence)}
                | {float(times) for word, times in said_times().items() if word in sentence}
            )
            for number in numbers:
                self._by_number.setdefault(number, []).append((sentence, numbers))

    def states(self, count: Count) -> bool:
        """A sentence writes the count (and its whole) and names the thing counted."""
        return any(
            (count.whole is None or count.whole in numbers)
            and (not count.stem or count.stem in sentence or _said_verb(sentence, count.noun))
            for sentence, numbers in self._by_number.get(count.value, ())
        )


def _said_verb(sentence: str, noun: str) -> bool:
    """The sentence says the event with its verb ("fell 3 times" for "3 falls")."""
    stem = noun.lower()[:_STEM]
    forms = [v for n, verbs in said_events().items() if n.lower()[:_STEM] == stem for v in verbs]
    return any(re.search(rf"\b(?:{form})\b", sentence) for form in forms)


def _plain(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)
