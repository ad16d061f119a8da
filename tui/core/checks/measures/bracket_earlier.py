"""An earlier score of the same scale in a bracket straight after a score: "HJHS total 12/124
(2099 visit: 9/124)", "MRC-SS 44/60 (first PT day: 31/60)", "Perme 19/32 (admit 1/12: 9/32)",
"Fugl-Meyer UE motor 38/66 (FM-UE at PR 02/26: 33/66)", "Rise from floor 5.9 s, full Gowers' with
hand on thigh (Sept 2131: 4.6 s)" (a remark of words between).

A clinician reads the bracket's fraction out of the same whole as the same scale's score at the
time the bracket names (a visit, the evaluation, admission, a date or a year). The readers of
scores stop at a year, a date or another name inside such a bracket, so the fraction is left
unread; it is read here, after them, as the earlier score of the score before the bracket. A
bracket that names a target or a norm ("(goal by d/c: 87/100)", "(cut-off: 45/56)") holds no
score of the patient. The words are data (score_shapes.toml [earlier_brackets]).

Two scores written side by side share one such bracket for both ("FAAM-ADL 88%, FAAM-Sport 59%
(eval 2/21: 61% / 28%)"): its two values are the two scales' earlier scores in the order the
scales were written, whatever another reader made of them (the first read as the second
scale's, the second as a bare percentage), `read_respective_earlier`.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.shape_words import words
from tui.core.checks.names import listed
from tui.core.checks.text.lexicon import NUM
from tui.core.checks.text.scan import Scanner

# The score's whole or unit after it, which the bracket's score repeats: "/124", " m", " s".
# A remark of how the test went may stand between the score and the bracket, words without a
# number ("Rise from floor 5.9 s, full Gowers' with hand on thigh (Sept 2131: 4.6 s)").
_BRACKETED = re.compile(
    rf"(?<![\d./])(?P<score>{NUM})(?P<tail>[ \t]*/[ \t]*\d{{1,3}}|[ \t]*(?:m|ft|s|sec|%|reps)\b)"
    r"(?:,?[ \t]+[A-Za-z][^()\d\n;:]{0,40}?)?"
    # an aside on how the score was taken may come first: "8.9 s (avg of 2) (11/2151: 7.1 s)"
    r"(?:[ \t]*\([A-Za-z][^()\n]{0,30}\))?"
    rf"[ \t]*\((?P<when>[^()\n]{{1,40}}?)[ \t]*[:=]?[ \t]*"
    rf"(?P<earlier>{NUM}(?P=tail))[ \t]*\)"
)
_WORD = re.compile(r"[A-Za-z][\w/'-]*")
_YEAR_OR_DATE = re.compile(r"(?<!\d)(?:(?:19|20|21)\d\d|\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?!\d)")
_NUMBER = re.compile(NUM)


def read_bracket_earlier(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Read the earlier score in a bracket after a score read as an instrument's."""
    text = scanner.text
    for found in _BRACKETED.finditer(text):
        earlier = found.span("earlier")
        if scanner.is_blocked(*earlier) or not _says_earlier(found.group("when")):
            continue
        fact = _score_at(scanner, facts, found.start("score"))
        if fact is None:
            continue
        if not scanner.free(*earlier) and (
            not scanner.claimed(*earlier)
            or _marked_earlier(scanner, facts, fact, earlier[0], found.group("when"))
        ):
            continue
        _earlier_of(scanner, facts, fact, earlier)


# A bracket of two earlier values after two scores: "(eval 2/21: 61% / 28%)", "(IE: 12, 30)".
_RESPECTIVE = re.compile(
    rf"\((?P<when>[^()\n:]{{1,40}}):[ \t]*(?P<a>{NUM})(?P<tail>[ \t]*%|)"
    rf"(?:[ \t]+/[ \t]+|[ \t]*[,;][ \t]*|[ \t]+and[ \t]+)(?P<b>{NUM})(?P=tail)[ \t]*\)"
)
_PAIR = 2
_BESIDE = re.compile(r"[ \t]*(?:%[ \t]*)?(?:[,;][ \t]*)?\Z")


def read_respective_earlier(
    scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]
) -> None:
    """Read a bracket of two earlier values after two scales' scores, one for each in turn.
    Today's scores are indexed once and the readings replaced are dropped in one pass at the
    end: linear in the note however many such brackets it holds."""
    text = scanner.text
    if "(" not in text:
        return
    today = sorted(
        (f for f in facts if f.kind == "outcome" and f.measure and "previous" not in f.label),
        key=lambda fact: fact.span,
    )
    starts = [fact.span[0] for fact in today]
    taken: list[Fact] = []
    replaced: set[int] = set()
    for found in _RESPECTIVE.finditer(text):
        if not _says_earlier(found.group("when")):
            continue
        spans = (found.span("a"), found.span("b"))
        if any(scanner.is_blocked(*span) for span in spans):
            continue
        scores = _two_before(scanner, today, starts, found.start())
        if scores is None:
            continue
        for score, span in zip(scores, spans, strict=True):
            replaced.add(scanner.span(*span)[0])
            _earlier_of(scanner, taken, score, span)
    if taken:
        facts[:] = [fact for fact in facts if fact.span[0] not in replaced]
        facts.extend(taken)


def _two_before(
    scanner: Scanner, today: list[Fact], starts: list[int], bracket: int
) -> tuple[Fact, Fact] | None:
    """The two scales' scores of today written right before the bracket, in one sentence."""
    origin = scanner.span(bracket, bracket + 1)[0]
    index = bisect.bisect_left(starts, origin)
    if index < _PAIR:
        return None
    first, second = today[index - 2], today[index - 1]
    sentence_start = scanner.span(scanner.sentence_before(bracket), bracket)[0]
    if first.span[0] < sentence_start or first.measure == second.measure:
        return None
    if _BESIDE.match(scanner.norm.original, second.span[1], origin) is None:
        return None
    return first, second


def _earlier_of(scanner: Scanner, taken: list[Fact], score: Fact, span: tuple[int, int]) -> None:
    """The earlier value at `span` as `score`'s scale's (it replaces any other reading)."""
    value = _NUMBER.match(scanner.text, span[0])
    if value is None:
        return
    number = float(value.group())
    label = score.label.replace(" (previous)", "")
    scanner.emit(
        taken,
        "outcome",
        int(number) if number.is_integer() and "." not in value.group() else number,
        span,
        f"{label} (previous)",
        unit=score.unit,
        measure=score.measure,
    )


def _score_at(scanner: Scanner, facts: list[Fact], start: int) -> Fact | None:
    """The instrument's score read at `start`, if one was."""
    origin = scanner.span(start, start + 1)[0]
    for fact in facts:
        if fact.kind == "outcome" and fact.measure and fact.span[0] == origin:
            return fact
    return None


def _marked_earlier(scanner: Scanner, facts: list[Fact], fact: Fact, start: int, when: str) -> bool:
    """True when another reader took the bracket's score as a fact, which, when it is the same
    scale's, is marked as its earlier one, and when it was read under an unlisted name the
    bracket writes ("(03/24, no AFOs: 338 m)" is no score of an "AFOs"), is the scale's;
    False for a number taken as no fact (a reader that stopped at the bracket's year), which
    is read here."""
    origin = scanner.span(start, start + 1)[0]
    for index, other in enumerate(facts):
        if other.span[0] != origin:
            continue
        if other.measure == fact.measure and "previous" not in other.label:
            facts[index] = dataclasses.replace(other, label=f"{other.label} (previous)")
        elif (
            other.kind == "outcome"
            and other.measure
            and other.measure != fact.measure
            and not listed(other.measure)
            and other.measure.casefold() in when.casefold()
        ):
            label = fact.label.replace(" (previous)", "")
            facts[index] = dataclasses.replace(
                other, measure=fact.measure, label=f"{label} (previous)", unit=fact.unit
            )
        return True
    return False


def _says_earlier(when: str) -> bool:
    said = {word.casefold() for word in _WORD.findall(when)}
    if said & _not_when() or any(" " in word and word in when.casefold() for word in _not_when()):
        return False
    return bool(said & _when()) or _YEAR_OR_DATE.search(when) is not None


@cache
def _when() -> frozenset[str]:
    return words("earlier_brackets", "when")


@cache
def _not_when() -> frozenset[str]:
    return words("earlier_brackets", "not_when")


def says_earlier(when: str) -> bool:
    """True when a bracket's words name an earlier time and no target or norm ("eval",
    "pre-op", a date; not "goal"): shared with the brackets after a run of parts."""
    return _says_earlier(when)
