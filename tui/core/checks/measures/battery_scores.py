"""Subtest scores of a test battery named by their kind (pediatric and school batteries:
PDMS, BOT, Bayley, Beery supplements): "Stationary raw 31, standard score 6", "Body Control raw
41 / SS 7", "Motor composite 73", "Gross motor quotient 73", "Cognitive scaled 7".

The kind of score right before a number is strong evidence that it is a test score; the subtest
is the words before the kind in the same clause, or the subtest named last in the sentence when
the clause names none ("..., standard score 6"). The battery is the name with an edition
written last before it on its line, else in its paragraph ("PDMS-2", "Bayley-4"); it labels the
score, and is its measure only when named in the score's sentence: a draft keeps a sentence
whole but may move it away from a name written before it. Subtests listed after a score of
their kind, or after the kind as a heading, share it. The words are data (measures.toml
[batteries]).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.names import resolve
from tui.core.checks.tables import battery_words, measure_defs
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import NUM, Led, led
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

# The subtest's words: letters, hyphens, "&" and "/" between words, up to five words.
_ITEM = re.compile(r"((?:[A-Za-z][A-Za-z&/'-]*[ \t]+){1,5})\Z")
# A unit after a number: a time, a length, a load, a speed or a dose, never a subtest's score.
_UNIT_AFTER = (
    r"[ \t]*(?:min|mins|minutes?|s|sec|secs|seconds?|ms|lbs?|kg|g|cm|mm|m|m/s|ft|feet|in|"
    r"inch(?:es)?|reps?|x|times|deg\w*|bpm|mph|hz)\b"
)
# A dictation's aside between the kind and the number ("raw score, let me see, 8").
_ASIDE = r"(?:[ \t]*,[ \t]*(?:[A-Za-z']+[ \t]+){0,2}[A-Za-z']+[ \t]*,)?"
_REACH = 250
_CAPITALS = 3
_DIGIT = re.compile(r"\d")
_HIGHEST = 200


@cache
def _score_kind() -> Led:
    words = battery_words().get("score_words", ())
    body = either(words)
    pattern = (
        rf"(?P<kind>{body})(?![\w-]){_ASIDE}[ \t]*(?:[:=][ \t]*|(?:of|was|is)[ \t]+)?"
        rf"(?<![\d.])(?P<value>{NUM})(?![\d/%°]|\.\d|{_UNIT_AFTER})"
    )
    return led(re.compile(pattern, re.IGNORECASE), *words)


@cache
def _kind_word() -> re.Pattern[str]:
    words = battery_words().get("score_words", ())
    body = either(words)
    return re.compile(rf"(?<![\w-])(?:{body})s?(?![\w-])", re.IGNORECASE)


@cache
def _kind_heading() -> Led:
    """A kind of score heading a list ("T-scores — Vision 61, Touch 58", "Scaled scores:")."""
    words = battery_words().get("score_words", ())
    body = either(words)
    pattern = (
        rf"(?P<kind>{body})s?(?![\w-])[^\n\d.;:]{{0,20}}?[ \t]*(?:[:\u2014\u2013]|[ \t]-)[ \t]*"
    )
    return led(re.compile(pattern, re.IGNORECASE), *words)


# A subtest and its score in a list: a name of one to four words, the score, no unit after it.
_LISTED_ITEM = (
    rf"((?:(?:[A-Za-z][A-Za-z&/'-]*|&)[ \t]+){{1,4}})({NUM})(?![\d/%°]|\.\d|{_UNIT_AFTER})"
)
_LISTED = re.compile(rf"[ \t]*[;,][ \t]*(?:and[ \t]+)?{_LISTED_ITEM}")
_FIRST_LISTED = re.compile(rf"[ \t]*{_LISTED_ITEM}")


@cache
def _battery() -> re.Pattern[str]:
    names = "|".join(f"(?:{name})" for name in battery_words().get("battery_names", ()))
    return re.compile(rf"(?<![\w-])(?:{names or '(?!x)x'})(?![\w])", re.IGNORECASE)


@cache
def _not_items() -> frozenset[str]:
    return frozenset(word.lower() for word in battery_words().get("not_items", ()))


def read_battery_scores(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Every free number right after a kind of score, labelled by its subtest and battery."""
    text = scanner.text
    last_item: tuple[int, str] = (-1, "")
    for found in _score_kind().finditer(text):
        start, end = found.span("value")
        if scanner.in_header(start) or not scanner.free(start, end):
            continue
        value = to_number(found.group("value"))
        if value > _HIGHEST:
            continue
        sentence = scanner.sentence(start)[0]
        clause = scanner.clause_start(found.start())
        item = _item(text, clause, found.start()) or _row_label(scanner, clause)
        if item:
            last_item = (sentence, item)
        elif last_item[0] == sentence:
            item = last_item[1]
        kind = found.group("kind").lower()
        battery = _battery_before(scanner, found.start(), item)
        label = " ".join(part for part in (battery, item, kind) if part)
        label += attribute(scanner, start, end).previous
        # the measure only when named in the score's sentence, which a draft keeps whole
        named_here = battery and (
            battery in text[scanner.sentence_before(found.start()) : start]
            or _heading_names(text, battery, start)
        )
        if not (item or named_here):
            continue  # "Prior (11/19): raw 11": a score of nothing the sentence names
        # "VMI" is the Beery VMI of the table, so a draft's "Beery VMI 78" is this fact; a
        # listed battery's total is its own score wherever the battery is named
        total = _listed_total(text, clause, found, battery)
        measure = resolve(battery) if named_here or total else None
        scanner.emit(facts, "outcome", value, (start, end), label, measure=measure)
        _read_listed(scanner, facts, end, kind, battery, measure)
    for heading in _kind_heading().finditer(text):
        if scanner.in_header(heading.start()):
            continue
        kind = heading.group("kind").lower()
        battery = _battery_before(scanner, heading.start(), "")
        named_here = (
            battery and battery in text[scanner.sentence_before(heading.start()) : heading.start()]
        )
        _read_listed(
            scanner,
            facts,
            heading.end(),
            kind,
            battery,
            resolve(battery) if named_here else None,
            first=True,
        )


def _read_listed(
    scanner: Scanner,
    facts: list[Fact],
    pos: int,
    kind: str,
    battery: str,
    measure: str | None,
    *,
    first: bool = False,
) -> None:
    """Subtests listed after a score of their kind, or after the kind as a heading, in the
    same sentence ("Cognitive scaled 7; Receptive Comm 8", "T-scores: Vision 61, Touch 58")."""
    text = scanner.text
    _, sentence_end = scanner.sentence(pos)
    while True:
        listed = (_FIRST_LISTED if first else _LISTED).match(text, pos, sentence_end)
        if listed is None:
            return
        item = " ".join(listed.group(1).split())
        if item.split()[0].lower() in _not_items() or _kind_word().search(item):
            return  # a word of the sentence, or a subtest with its own kind of score
        parts = labels.parts_of(item)
        if parts.joint or parts.motion or parts.muscle:
            return  # "..., hip abduction 50": a measurement of the body, not a subtest
        start, end = listed.span(2)
        if not scanner.free(start, end):
            pos, first = end, False  # read already (an instrument's first item)
            continue
        label = " ".join(part for part in (battery, item, kind) if part)
        label += attribute(scanner, start, end).previous
        scanner.emit(
            facts, "outcome", to_number(listed.group(2)), (start, end), label, measure=measure
        )
        pos, first = end, False


def _heading_names(text: str, battery: str, pos: int) -> bool:
    """Whether the lines just above the score's own (up to two, as a bracketed remark may follow
    the scores) end a heading on a colon that names the battery ("SPM-2 (parent form, completed
    03/04/2102):" over "Vision T 58 | Hearing T 66"): a draft keeps a heading with its lines."""
    line_start = text.rfind("\n", 0, pos) + 1
    for _ in range(_HEADING_LINES):
        if line_start == 0:
            return False
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above : line_start - 1].rstrip()
        if line.endswith(":"):
            return battery in line
        line_start = above
    return False


_HEADING_LINES = 2


def _listed_total(text: str, clause: int, found: re.Match[str], battery: str) -> bool:
    """A listed battery's total ("MABC-2 ... Total Test Score SS 5"): the battery's own score,
    its measure wherever the battery is named."""
    if not battery or resolve(battery) not in _listed():
        return False
    return _TOTAL.search(text, clause, found.start()) is not None


_TOTAL = re.compile(r"(?<![\w-])total(?![\w-])", re.IGNORECASE)


@cache
def _listed() -> frozenset[str]:
    return frozenset(measure.name for measure in measure_defs())


def _item(text: str, clause_start: int, pos: int) -> str:
    """The subtest named right before the kind of score in its clause ("Body Control raw")."""
    words = _ITEM.search(text, clause_start, pos)
    if words is None:
        return ""
    kept = words.group(1).split()
    while kept and kept[0].lower() in _not_items():
        kept.pop(0)
    return " ".join(kept)


def _row_label(scanner: Scanner, clause: int) -> str:
    """A table row read as a line names its subtest first ("Manual Dexterity; Raw 17, Scale
    Score 7"): the words from the line's start to the first clause, when they hold no number."""
    line_start, _ = scanner.line(clause)
    head = scanner.text[line_start:clause].strip(" \t;:,-")
    if not head or _DIGIT.search(head) or ";" in head or ":" in head:
        return ""
    return " ".join(head.split()[-5:])


def _battery_before(scanner: Scanner, pos: int, item: str) -> str:
    """The battery named last before `pos` on its line, else in its paragraph (no blank line
    between)."""
    line_start, _ = scanner.line(pos)
    start = max(scanner.text.rfind("\n\n", 0, pos) + 1, pos - _REACH)
    for begin in (line_start, start):
        names = [
            name.group()
            for name in _battery().finditer(scanner.text, min(begin, pos), pos)
            if name.group() not in item.split() and _named(name.group())
        ]
        if names:
            return names[-1]
    return ""


def _named(name: str) -> bool:
    """A written-out battery ("Bayley-4"), or an acronym of three capitals or more ("CA 2;4"
    is an age, "SS 7" a kind of score)."""
    return not name[:2].isupper() or sum(ch.isupper() for ch in name) >= _CAPITALS
