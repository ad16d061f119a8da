"""A gate on every reader's numbers: shapes around a number that say it is no reading of the
patient, whatever rule took it.

Rules are written for one phrasing each, and on notes nobody has seen the readers take numbers
that only look like readings. The false readings older commits made of notes written after
them fall into a few classes that no one reader owns: a reference value (a norm, a criterion, a
predicted maximum: "still below the ~80 wpm needed", "age-predicted max 172"), a share of
another number (a setting or a computed target: "75% = 129", "90% of 168"), a capital M
glued to a number (a print size "2.0M" or an age and sex "81M", never metres), and the distance
a reading test's print was held at ("reads 2.0M print at 25 cm"), and a value a relation's
possessive owns ("Daughter's BP 150/90"). Such a reading is refused: listed as unclassified,
never a fact ("Where a number cannot be classified, leave it out and list it as unclassified
rather than guess"). Each look is bounded to the number's clause or a few characters around
it, so a note is gated in linear time. The words are data (measures.toml [refused_readings]).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.other_people import relation_words

_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?")
_REACH = 60  # characters looked at on either side of a number, at most
_CLAUSE_END = re.compile(r"[;()\[\]\n]|\.(?!\d)")
# a length's unit right after the number: the distance a stimulus was held at ("at 25 cm")
_LENGTH_AFTER = re.compile(r"[ \t]*(?:cm|mm|m|ft|feet|in(?:ches)?)(?![A-Za-z])")


@dataclass(frozen=True)
class _Rules:
    reference_before: re.Pattern[str]
    reference_after: re.Pattern[str]
    share_after: re.Pattern[str]
    stimulus: re.Pattern[str]
    content_kinds: frozenset[str]
    minutes_before: re.Pattern[str]
    possessive: re.Pattern[str]


@cache
def _rules() -> _Rules:
    data = measures_section("refused_readings")
    before = either(data.get("reference_before", ()))
    after = either(data.get("reference_after", ()))
    comparative = either(data.get("comparatives", ()))
    verdict = either(data.get("verdicts", ()))
    not_compared = rf"(?!(?:{comparative})(?![A-Za-z]))"
    # a verdict right before the reference word: fixed-width look-behinds, one per verdict
    verdict_before = (
        ")(?<!".join(
            f"{word} " for word in data.get("verdicts_before", ()) if isinstance(word, str)
        )
        or "(?!)"
    )
    return _Rules(
        # the reference word (not "within norms"), then at most two words (no digit, no colon:
        # "Norms: 6MWT 450 m" heads a list), then the number
        # (a verdict before or among the words says the patient was compared with the reference,
        # and the number after is the patient's: "Above cutoff, Berg 44/56", "Benchmark met,
        # gait 1.1 m/s")
        reference_before=re.compile(
            rf"(?<![A-Za-z])(?<!within )(?<!{verdict_before})(?:{before})(?![A-Za-z])[ \t,=~<>≤≥-]*"
            rf"(?:(?!(?:{verdict})(?![A-Za-z]))[A-Za-z][\w'-]*[ \t,=~<>≤≥-]+){{0,2}}"
            rf"[~≈<>≤≥ \t]*\Z",
            re.IGNORECASE,
        ),
        # the number's unit, then at most three words, none a comparative, then the reference;
        # a need ("needed", "required") right after the unit or after a copula and one noun
        # ("72 wpm is the speed required"): words between name the help the patient needed
        # ("Amb 150 ft min A needed", "SpO2 89% O2 needed")
        # (the unit is no comparative: "128 at ventilatory threshold" is the patient's rate;
        # a single space at most before it: a tab or a run of spaces is a table's column gap,
        # "58\tCriterion" names the score's type in the next column)
        reference_after=re.compile(
            rf"(?: ?{not_compared}(?:%|°|[A-Za-z/]+\.?))? "
            rf"(?:(?:{not_compared}[A-Za-z][\w'-]* ){{0,3}}"
            rf"(?:{after})|(?:(?:{either(data.get('needed_copulas', ()))})[ \t]+(?:the[ \t]+)?"
            rf"[A-Za-z]+[ \t]+)?(?:{either(data.get('needed_after', ()))}))(?![A-Za-z])",
            re.IGNORECASE,
        ),
        share_after=re.compile(
            rf"[ \t]*%[ \t]*(?:{either(data.get('share_after', ()))})".replace(
                "{counted}", either(data.get("share_counted", ()))
            ),
            re.IGNORECASE,
        ),
        stimulus=re.compile(
            rf"(?<![A-Za-z])(?:{either(data.get('stimulus_words', ()))})(?![A-Za-z])"
            rf"[^\n;]*?(?:at|from)[ \t]+~?\Z",
            re.IGNORECASE,
        ),
        content_kinds=frozenset(str(kind) for kind in data.get("content_kinds", ())),
        possessive=re.compile(
            rf"(?<![A-Za-z])(?:{either(relation_words())})['’]s[ \t]+"
            rf"(?!(?:{either(data.get('possessive_exceptions', ()))})(?![A-Za-z]))"
            # a word may open with digits when letters follow ("Friend's 6MWT 500 m")
            rf"(?:(?:[A-Za-z]|\d+[A-Za-z])[\w'/-]*[ \t:]+){{0,2}}~?\Z",
            re.IGNORECASE,
        ),
        minutes_before=re.compile(rf"(?:{data.get('minutes_before', '(?!)')})\Z", re.IGNORECASE),
    )


def refused(fact: Fact, text: str) -> str:
    """Why a reading is no reading of the patient ("reference", "share",
    "print-size", "stimulus-distance", "other-person", "service-content"), or "" when nothing
    around its number says so. Only a reading whose span lies in `text` is judged (a service
    never is)."""
    if fact.kind == "service":
        return ""
    number = _number_of(fact, text)
    if number is None:
        return ""
    start, end = number
    rules = _rules()
    clause_start = _clause_start(text, start)
    clause_end = _clause_end(text, end)
    before = text[clause_start:start]
    if rules.reference_before.search(before):
        return "reference"
    if rules.reference_after.match(text[end:clause_end]):
        return "reference"
    if rules.share_after.match(text, end, min(len(text), end + _REACH)):
        return "share"
    if (
        fact.kind == "other"
        and _glued_capital_m(text, start, end)
        and rules.stimulus.search(text, clause_start, clause_end)
    ):
        return "print-size"
    if (
        fact.kind == "other"
        and _LENGTH_AFTER.match(text[end : end + 10])
        and rules.stimulus.search(before)
    ):
        return "stimulus-distance"
    if rules.possessive.search(before):
        return "other-person"
    if fact.kind in rules.content_kinds and _in_service_content(text, start, rules):
        return "service-content"
    return ""


def refused_of(facts: Sequence[Fact], text: str) -> tuple[list[Fact], list[Fact]]:
    """The facts kept and the facts refused, each in the order given; a refused value written
    as text is given its first number, so it can be listed as unclassified."""
    kept: list[Fact] = []
    gone: list[Fact] = []
    for fact in facts:
        if not refused(fact, text):
            kept.append(fact)
        elif isinstance(fact.value, int | float):
            gone.append(fact)
        else:  # a value written as text ("150/90"): listed by its first number
            number = _number_of(fact, text)
            if number is not None:
                gone.append(dataclasses.replace(fact, value=to_number(text[slice(*number)])))
    return kept, gone


def _number_of(fact: Fact, text: str) -> tuple[int, int] | None:
    """The span of the fact's number: the last number in its span equal to its value (a
    reading's span may hold its name too), else the last number in it."""
    start, end = fact.span
    if not 0 <= start < end <= len(text):
        return None
    if not isinstance(fact.value, int | float):  # "150/90": the reading starts at its first
        first = _NUMBER.search(text, start, end)
        return first.span() if first else None
    found = None
    for match in _NUMBER.finditer(text, start, end):
        found = match.span()
        try:
            if abs(float(match.group()) - float(fact.value)) < 1e-9:
                return found
        except ValueError:
            continue
    return found


def _clause_start(text: str, start: int) -> int:
    low = max(0, start - _REACH)
    found = low
    for match in _CLAUSE_END.finditer(text, low, start):
        found = match.end()
    return found


def _clause_end(text: str, end: int) -> int:
    match = _CLAUSE_END.search(text, end, min(len(text), end + _REACH))
    return match.start() if match else min(len(text), end + _REACH)


def _glued_capital_m(text: str, start: int, end: int) -> bool:
    """A capital M glued to a number with decimals and standing alone, in a clause about print
    or reading, is a print size ("reads 2.0M", "1.6M print"), where metres cannot be meant
    ("Walked 3.0M without device" stays metres). An age and sex ("Szabo, 81M", "Marek
    Thistlewood | 84M") is the lexicon's (text/lexicon.py NOT_MEASUREMENTS), with its bound on
    ages, so "Total Distance | 180M" stays metres."""
    after = text[end + 1 : end + 2]
    if text[end : end + 1] != "M" or after.isalpha() or after == "/":
        return False
    return "." in text[start:end]


_CONTENT_REACH = 240


def _in_service_content(text: str, start: int, rules: _Rules) -> bool:
    """True when the number stands inside a parenthesis opened, on its line, right after a
    service's minutes ("ther ex 24 min (... scaption to 90° ...)"). The look back is bounded."""
    low = max(0, start - _CONTENT_REACH)
    depth = 0
    for at in range(start - 1, low - 1, -1):
        char = text[at]
        if char == "\n":
            return False
        if char == ")":
            depth += 1
        elif char == "(":
            if depth == 0:
                return bool(rules.minutes_before.search(text, max(0, at - 16), at))
            depth -= 1
    return False
