"""A bracket that closes a row by naming which of its values were carried from an earlier visit.

"R ankle AROM DF 9°, PF 38°, inversion 20°, eversion 10° (PF/inv/ev carried from 04/03, not
re-measured)": the bracket opens with the names of some of the row's measures, then says they
are not this visit's. Those values are earlier ones; the row's other values (DF 9°) are today's.
A name is matched to a value by the anatomy and side words it holds ("abd" is the abduction,
"R grip" the right grip, "R" the right side's value) or as an instrument's name ("TUG"), each
of which the value's label must hold. A bracket that names nothing ("(carried from 04/03)"),
names a symptom ("(pain same as last visit)": a comparison) or says the values were measured
today marks nothing here. A bracket looks back only to its sentence's start or the bracket
before it. This is the one reader of such brackets; its words are data (legends.toml
carried_names), and each line is read once.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.legends import legend_words
from tui.core.checks.measures.listed_values import normalised
from tui.core.checks.tables import measure_defs
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner

# The names: letters, spaces and the separators between names, no digit (the bracket holds no
# value of its own), then a carried word; the rest of the bracket holds no value but a date.
_NAMES_REACH = 40
# Where a sentence ends inside a line: a full stop before a blank (never a decimal point).
_SENTENCE_END = re.compile(r"\.(?=[ \t])")


@cache
def _bracket() -> re.Pattern[str]:
    words = either(legend_words().get("carried_names", ()))
    return re.compile(
        rf"[(\[][ \t]*(?P<names>[A-Za-z][A-Za-z /,&+-]{{0,{_NAMES_REACH}}}?)[ \t,]*"
        rf"(?:{words})(?![A-Za-z])(?P<rest>[^()\[\]\n]*)[)\]]",
        re.IGNORECASE,
    )


_SEPARATOR = re.compile(r"[ \t]*(?:/|,|&|\+|\band\b)[ \t]*", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")
# After the carried word, only a date, words and separators: never a value of its own.
_VALUE = re.compile(r"(?<![/\d])\d+(?:\.\d+)?(?![/\d])")


# A day as month and day: the month is 1 to 12, the day 1 to 31.
_DATE = re.compile(r"(?<![\d/])(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])(?:/\d{2,4})?(?![\d/])")


def block_carried_dates(scanner: Scanner, _facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """The day a carried-names bracket gives ("[abd/ER from 1/27]") is a date, never a value:
    blocked before any reader looks."""
    text = scanner.text
    for bracket in _bracket().finditer(text):
        if _carried_names(bracket):
            for date in _DATE.finditer(text, bracket.start(), bracket.end()):
                scanner.block(*date.span())


def mark_carried_names(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Label "(previous)" each value of a row that the bracket closing the row names as carried
    from an earlier visit. The bracket closing a value's row is the first carried-names bracket
    after it in its sentence: a bracket looks back only to its sentence's start or the bracket
    before it. Each is found by bisection, so a long line is read in linear time."""
    lines: dict[int, tuple[list[int], list[list[str]], list[int], list[int]]] = {}
    for index, fact in enumerate(facts):
        if not labels.may_be_earlier(fact):
            continue
        start = normalised(scanner, fact.span[0])
        if start is None:
            continue
        line_start, line_end = scanner.line(start)
        if line_start not in lines:
            lines[line_start] = _line_marks(scanner.text, line_start, line_end)
        opens, named, stops, closes = lines[line_start]
        at = bisect.bisect_right(opens, start)
        if at == len(opens) or (at > 0 and start < closes[at - 1]):
            continue  # no bracket after it, or it lies inside the bracket before
        if bisect.bisect_right(stops, start) != bisect.bisect_left(stops, opens[at]):
            continue
        if any(_names(fact.label, name) for name in named[at]):
            facts[index] = labels.as_earlier(fact)


def _line_marks(
    text: str, line_start: int, line_end: int
) -> tuple[list[int], list[list[str]], list[int], list[int]]:
    """The line's carried-names brackets (where each opens, the names it lists, where each
    closes) and where its sentences end: a bracket names only values of its own sentence."""
    brackets = _named_brackets(text, line_start, line_end)
    stops = [found.start() for found in _SENTENCE_END.finditer(text, line_start, line_end)]
    return (
        [bracket.start() for bracket, _ in brackets],
        [names for _, names in brackets],
        stops,
        [bracket.end() for bracket, _ in brackets],
    )


def _named_brackets(
    text: str, line_start: int, line_end: int
) -> list[tuple[re.Match[str], list[str]]]:
    """Each carried-names bracket on the line, with the names it lists."""
    found = []
    for bracket in _bracket().finditer(text, line_start, line_end):
        names = _carried_names(bracket)
        if names:
            found.append((bracket, names))
    return found


def _carried_names(bracket: re.Match[str]) -> list[str]:
    """The names a carried-names bracket lists; none when the rest of the bracket holds a value
    of its own ("(up from 13/30 at eval)") or the names hold no anatomy or side word and no
    instrument's name ("up")."""
    if _VALUE.search(bracket.group("rest")):
        return []
    names = [name for name in _SEPARATOR.split(bracket.group("names").strip()) if name]
    if labels.mentions(bracket.group("names")) or any(_instrument(name) for name in names):
        return names
    return []


def _instrument(name: str) -> bool:
    """The name is an instrument's, as notes write it ("TUG", "Berg")."""
    return name.strip().lower() in _instrument_names()


@cache
def _instrument_names() -> frozenset[str]:
    return frozenset(alias.lower() for measure in measure_defs() for alias in measure.aliases)


def _names(label: str, name: str) -> bool:
    """Every word of `name` is in the label, as the anatomy or side it expands to ("inv" ->
    inversion) or as itself ("grip"); a name of noise words names nothing."""
    words = [word.lower() for word in _WORD.findall(label)]
    found = False
    for word in _WORD.findall(name):
        if labels.is_noise(word):
            continue
        expanded = [name for _, _, name in labels.mentions(word)] or [word]
        wanted = [part.lower() for part in _WORD.findall(expanded[0])]
        if not wanted or not _holds(words, wanted):
            return False
        found = True
    return found


def _holds(words: list[str], wanted: list[str]) -> bool:
    """The label's words hold the wanted words in a row."""
    size = len(wanted)
    return any(words[index : index + size] == wanted for index in range(len(words) - size + 1))
