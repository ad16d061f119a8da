"""Pain ratings written "N of 10" without "out": "Pain there is 3 of 10 when he walks long",
"rates pain 6 of 10 with stairs, 2 of 10 at rest", "pain: 4 of 10".

"N of 10" counts things as often as it rates pain ("8 of 10 reps", "visit 3 of 10", "pain-free
on 8 of 10 days"), so it is read only where the sentence has named pain before it and nothing
else can be counted: the words between the pain word and the number are words that lead to a
rating (measures.toml [of_ten] lead_words), or the number follows another rating of the same
sentence after a comma ("6 of 10 with stairs, 2 of 10 at rest"); no counted noun follows it
(measures.toml [not_measurements] counted); and no rating word other than pain is nearer before
it ("fatigue 6 of 10"). Read before the other 0-10 readers, so "pain 3 of 10" keeps its words
after it as its label. One pass over the sentence of each match: linear.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.tables import measures_section, not_measurement_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import words
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

_OF_TEN = re.compile(
    r"(?<![\w./-])(\d{1,2}(?:\.\d)?)[ \t]+of[ \t]+(?:a[ \t]+)?10(?![\w/]|\.\d)", re.IGNORECASE
)
# Another rating of the sentence before this one, then a comma ("6 of 10 with stairs, 2 ...").
_RATING_BEFORE = re.compile(
    r"\d(?:\.\d)?[ \t]*(?:/[ \t]*10|(?:out[ \t]+)?of[ \t]+10)(?![\d.])"
    r"[^\d.;:\n]{0,40}?(?:,[ \t]*(?:(?:and|but)[ \t]+)?|[ \t]+(?:and|but|to)[ \t]+)",
    re.IGNORECASE,
)
_WORDS_AFTER = re.compile(r"[ \t]*([A-Za-z][^,;.()\n\d]{0,30})")
_REACH = 80


@cache
def _lead() -> re.Pattern[str]:
    """Only these words, marks and spaces between the pain word and the number."""
    lead = either(measures_section("of_ten").get("lead_words", ()))
    return re.compile(rf"(?:[ \t:=,-]|\b(?:{lead})\b)*\Z", re.IGNORECASE)


@cache
def _counted() -> re.Pattern[str]:
    """A counted noun right after the rating (up to two words between): a count."""
    nouns = either(not_measurement_words().get("counted", ()))
    return re.compile(
        rf"[ \t]*(?:(?!(?:and|but|or|then|at|with|on|in|by|after|when)\b)[A-Za-z-]+[ \t]+){{0,2}}?"
        rf"(?:{nouns})\b|[ \t]*(?:x\b|times\b)",
        re.IGNORECASE,
    )


def _after_rating(before: str) -> bool:
    """Whether the words before the number follow another rating of the sentence and a comma,
    with only words leading to a rating after it ("6 of 10 with stairs, 2", ", was 7")."""
    found = list(_RATING_BEFORE.finditer(before))
    last = found[-1] if found else None
    return last is not None and _lead().match(before, last.end()) is not None


def read_of_ten(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each free "N of 10" after a pain word in its sentence, as a pain rating."""
    text = scanner.text
    vocab = words()
    for match in line_scan(_OF_TEN, text):
        start, end = match.span()
        if not scanner.free(start, end) or scanner.in_header(start):
            continue
        value = to_number(match.group(1))
        if _counted().match(text, end):
            scanner.claim(start, end)  # "pain-free 8 of 10 days": a count, for no reader
            continue
        if value > 10:
            continue
        floor = max(scanner.sentence_before(start), start - _REACH)
        before = text[floor:start]
        pains = list(vocab.pain.finditer(before))
        if not pains:
            continue
        pain_end = pains[-1].end()
        if any(other.start() >= pain_end for other in vocab.not_pain.finditer(before)):
            continue  # "pain 2/10, fatigue 6 of 10": another thing rated nearest
        if not (_lead().match(before, pain_end) or _after_rating(before)):
            continue  # "pain with 3 of 10 ...", "Pain on session 3 of 10": no rating led to
        after = _WORDS_AFTER.match(text, end)
        qualifier = " ".join(after.group(1).split()[:4]) if after else ""
        found = attribute(scanner, start, end, after_side=False)
        label = labels.join("pain", qualifier) + found.previous
        scanner.emit(facts, "pain", value, (start, end), label)
