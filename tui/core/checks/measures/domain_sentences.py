"""An instrument's domains listed in the sentence after its score, on the same line:

    FIQR total: 58.5/100 (initial evaluation: 71.2). Domains today: function 17/30, overall
    impact 12/20, symptoms 29.5/50.
    KCCQ-12 overall summary: 41.7 (SOC: 35.4). Physical limitation 37.5, symptom frequency 45.8.

The readers of an instrument's items stop at the end of the sentence that names it, so each
domain's score was left unread. A clinician reads the next sentence as the same instrument's
domains when the whole sentence is a list of "domain score" pairs whose every domain is one of
the instrument's own (instruments.toml `items`), after at most a short lead ending in a colon.
A lead that names goals, norms or an earlier visit (measures.toml [domain_sentences]) makes the
list something else and it is left; so is a list with a unit after a number ("function 3 weeks")
or a word no domain of the instrument ("walk 150 ft, stairs 12"), and a list of one (a lone
"Function 17" may be anything). One bounded match per line that holds such an instrument's
score: linear in the note.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.instruments import measure_named
from tui.core.checks.measures.listed_values import normalised
from tui.core.checks.tables import MeasureDef, measures_section
from tui.core.checks.text.lexicon import NUM
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

# The end of the sentence holding the score: a full stop after a bracket or a word, never a
# decimal point, then the next sentence's capital.
_SENTENCE_END = re.compile(r"(?<!\d)\.[ \t]+(?=[A-Z])|(?<=\d)\.[ \t]+(?=[A-Z][a-z])")
# The rest of a line after a score that ends its sentence, and the next line's bullet.
_LINE_END = re.compile(r"[ \t)\].]*\n[ \t]*(?:[-*\u2022][ \t]*)?")
# A short lead ending in a colon ("Domains today:", "Subscales:").
_LEAD = re.compile(r"(?P<lead>[A-Z][A-Za-z-]*(?:[ \t]+[A-Za-z-]+){0,2})[ \t]*:[ \t]*")
_SEPARATOR = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|;[ \t]*|[ \t]+and[ \t]+)")
_LIST_END = re.compile(r"[ \t]*(?:\.(?!\d)[ \t]*|[ \t]*$)", re.MULTILINE)
_LEAST_DOMAINS = 2


@cache
def _refused_leads() -> frozenset[str]:
    """Lead words that make a list of domain scores no scores of today (goals, an earlier visit)."""
    words = measures_section("domain_sentences").get("refused_leads", ())
    return frozenset(str(word).casefold() for word in words)


@cache
def _pair(items: tuple[str, ...]) -> re.Pattern[str]:
    """One "domain score" pair of an instrument's own domains, with an optional whole ("/30")."""
    names = "|".join(
        re.escape(item).replace(r"\ ", r"[ \t]+") for item in sorted(items, key=len, reverse=True)
    )
    return re.compile(
        rf"(?P<item>{names})[ \t]*[:=]?[ \t]*(?P<value>{NUM})(?P<whole>[ \t]*/[ \t]*\d{{1,3}})?"
        r"(?![\d.]\d|[ \t]*[%(]|[ \t]*(?!and\b)[A-Za-z])",
        re.IGNORECASE,
    )


def _listed(measure: MeasureDef, text: str, at: int) -> list[re.Match[str]] | None:
    """The pairs of the list that makes the whole sentence from `at`, or None."""
    pair = _pair(measure.items)
    found: list[re.Match[str]] = []
    pos = at
    while True:
        match = pair.match(text, pos)
        if match is None:
            return None
        found.append(match)
        separator = _SEPARATOR.match(text, match.end())
        if separator is None:
            end = _LIST_END.match(text, match.end())
            return found if end is not None and len(found) >= _LEAST_DOMAINS else None
        pos = separator.end()


def _list_start(text: str, end: int, line_end: int) -> int | None:
    """Where the sentence after the score at `end` starts its list, past a lead that is no
    goal's nor an earlier visit's, or None."""
    stop = _SENTENCE_END.search(text, end, line_end)
    if stop is None:
        # the score's sentence ends its line and the list opens the next ("...: 71.2).\n-
        # Domains today: function 17/30, ..."), as a draft writes one sentence a line
        stop = _LINE_END.match(text, end)
        if stop is None or stop.end() >= len(text):
            return None
        line_end = text.find("\n", stop.end())
        line_end = len(text) if line_end < 0 else line_end
    lead = _LEAD.match(text, stop.end(), line_end)
    if lead is None:
        return stop.end()
    words = {word.casefold() for word in re.findall(r"[A-Za-z-]+", lead.group("lead"))}
    return None if words & _refused_leads() else lead.end()


def _last_scores(scanner: Scanner, facts: list[Fact]) -> dict[int, tuple[int, MeasureDef]]:
    """Where the last score on each line of an instrument that has domains ends (in the
    normalised text the scanner reads; facts hold the original's offsets), by the line's start."""
    last: dict[int, tuple[int, MeasureDef]] = {}
    for fact in facts:
        if fact.kind != "outcome" or not fact.measure:
            continue
        measure = measure_named(fact.measure)
        end = normalised(scanner, fact.span[1] - 1) if measure.items else None
        if end is None:
            continue
        line_start, _ = scanner.line(end)
        held = last.get(line_start)
        if held is None or held[0] <= end:
            last[line_start] = (end + 1, measure)
    return last


def read_domain_sentences(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each domain listed in the sentence after an instrument's last score on its line."""
    text = scanner.text
    for line_start, (score_end, measure) in _last_scores(scanner, facts).items():
        _, line_end = scanner.line(line_start)
        at = _list_start(text, score_end, line_end)
        pairs = _listed(measure, text, at) if at is not None else None
        if pairs is None or not all(scanner.free(*p.span("value")) for p in pairs):
            continue
        for pair in pairs:
            value = to_number(pair.group("value"))
            if not measure.in_range(value):
                continue
            item = " ".join(pair.group("item").split()).lower()
            label = f"{measure.name} {item}"
            scanner.emit(facts, "outcome", value, pair.span("value"), label, measure=measure.name)
