"""Quantities measured directly, though their method has a name: a skull's asymmetry (CVAI
6.4 %), a limb's volume difference (LVD 16.8 %), a seat's pressure dispersion, visual acuity
(Snellen 20/40), contrast sensitivity (Pelli-Robson 1.65 log units), lumbar excursion (Schober
4.5 cm), a hop's limb symmetry index (LSI 92 %), and a subtest's time of a test scored by its
subtests' times (UFOV divided attention 150 ms; the UFOV risk category stays its outcome).

A named test scores a performance against a standard; these report a physical quantity of
the patient, so they are `other` (tests/eval/CONVENTIONS.md), whichever reader took the name
for an instrument. Acuity is one value written as a fraction, as a blood pressure is. The
methods are data (measures.toml [direct_measures]).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either, whole_words
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.scan import Scanner


@cache
def _methods() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The methods of a direct measurement, and those whose value is a fraction (acuity)."""
    data = measures_section("direct_measures")

    def named(key: str) -> re.Pattern[str]:
        return whole_words(data.get(key, ()))

    return named("methods"), named("fractions")


@cache
def _subtest_times() -> tuple[re.Pattern[str], frozenset[str]]:
    """Tests whose subtests each report a time (UFOV), and the units of such a time."""
    data = measures_section("direct_measures")
    units = frozenset(str(unit) for unit in data.get("subtest_time_units", ()))
    return whole_words(data.get("subtest_times", ())), units


def _direct(fact: Fact, methods: re.Pattern[str]) -> bool:
    """An outcome that reports a quantity measured directly: named by a method of direct
    measurement, or a subtest's time of a test that scores its subtests by time ("UFOV
    divided attention 150 ms" is a time, its risk category the test's result)."""
    if fact.kind != "outcome" or not fact.measure:
        return False
    if methods.search(fact.measure):
        return True
    timed, units = _subtest_times()
    return fact.unit in units and bool(timed.search(fact.measure))


def mark_direct_measures(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Every outcome named by a method of direct measurement becomes an `other` measurement."""
    methods, fractions = _methods()
    for index, fact in enumerate(facts):
        if not _direct(fact, methods):
            continue
        assert fact.measure is not None  # _direct holds only named outcomes
        value, unit = fact.value, fact.unit
        if fractions.search(fact.measure) and unit and unit.startswith("/"):
            value, unit = f"{_written(value)}{unit}", None
        facts[index] = dataclasses.replace(fact, kind="other", value=value, unit=unit)


def _written(value: int | float | str) -> str:
    """A number as a note writes it ("20", not "20.0")."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# A Snellen fraction: 20 over the line read, never part of a longer fraction or a date.
_SNELLEN = re.compile(r"(?<![\w./])20[ \t]*/[ \t]*(?P<line>\d{2,3})(?![\w/]|\.\d)")
_GAP = r"[^\d\n;.]{0,40}?"


@cache
def _acuity() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = measures_section("direct_measures")
    named = re.compile(
        rf"(?<![\w-])(?P<eye>{either(data.get('acuity', ()))})(?![\w-])(?P<gap>{_GAP})"
        + _SNELLEN.pattern,
        re.IGNORECASE,
    )
    standards = either(data.get("acuity_standards", ()))
    return named, re.compile(rf"(?<![\w-])(?:{standards})(?![\w-])", re.IGNORECASE)


def read_acuity(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each Snellen fraction right after a word of acuity that no fact holds (see the module)."""
    named, standards = _acuity()
    text = scanner.text
    for match in line_scan(named, text):
        span = (match.start("gap") + len(match.group("gap")), match.end())
        if scanner.claimed(*span) or scanner.in_header(span[0]) or scanner.in_goal(span[0]):
            continue
        if standards.search(match.group("gap")):
            continue
        eye = match.group("eye").upper() if len(match.group("eye")) == 2 else ""
        value = f"20/{match.group('line')}"
        scanner.emit(facts, "other", value, span, labels.join("visual acuity", eye))


# A contrast sensitivity in log units after its name, words or a bracket between ("Contrast
# sensitivity (Pelli-Robson chart, binocular): 1.50 log units", "Contrast (Pelli-Robson) 1.65
# log CS"): the unit makes it the measure, the name alone leaves it to the instrument readers.
_LOG_VALUE = r"(?P<value>[0-2]\.\d{1,2})[ \t]*log(?:[ \t]+(?:units?|CS))?(?![A-Za-z])"


@cache
def _contrast() -> re.Pattern[str]:
    data = measures_section("direct_measures")
    return re.compile(
        rf"(?<![\w-])(?:{either(data.get('contrast', ()))})(?![\w-])(?P<gap>[^\d\n;]{{0,50}}?)"
        + _LOG_VALUE,
        re.IGNORECASE,
    )


def read_contrast(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each contrast sensitivity in log units no fact holds, a standard's words aside ("the
    clinic's cut-off is 1.35 log units"): `other`, as acuity is (CONVENTIONS.md)."""
    _, standards = _acuity()
    for match in line_scan(_contrast(), scanner.text):
        span = match.span("value")
        if scanner.claimed(*span) or scanner.in_header(span[0]) or scanner.in_goal(span[0]):
            continue
        if standards.search(match.group("gap")):
            continue
        value = float(match.group("value"))
        scanner.emit(facts, "other", value, span, "contrast sensitivity", unit="log units")


# A subtest of a test scored by its subtests' times, its time in ms after a few words ("subtest
# 2 divided attention ....... 210 ms", "speed of processing 17 ms"), read in the block the
# test's name opens (up to a blank line).
_SUBTEST_TIME = r"(?P<gap>[^\d\n;]{0,40}?)(?P<value>\d{1,4})[ \t]*ms(?![A-Za-z])"
_BLOCK_END = re.compile(r"\n[ \t]*\n")


@cache
def _subtests() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = measures_section("direct_measures")
    tests = whole_words(data.get("subtest_times", ()))
    item = re.compile(
        rf"(?<![\w-])(?P<name>{either(data.get('timed_subtests', ()))})(?![\w-])" + _SUBTEST_TIME,
        re.IGNORECASE,
    )
    bounds = whole_words(data.get("subtest_bounds", ()))
    return tests, item, bounds


def _test_blocks(scanner: Scanner) -> Iterator[tuple[re.Match[str], int]]:
    """Each name of a test scored by its subtests' times outside the header, with the end of
    the block it opens (up to a blank line); a name inside the block of the one before is no
    block of its own. The subtests' readers, by name and by number, walk the same blocks."""
    text = scanner.text
    reached = 0
    for test in line_scan(_subtests()[0], text):
        if test.start() < reached or scanner.in_header(test.start()):
            continue
        block = _BLOCK_END.search(text, test.end())
        reached = block.start() if block else len(text)
        yield test, reached


def read_subtest_times(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each subtest's time in ms under the name of a test scored by such times (UFOV), that no
    reader took: `other` in ms (CONVENTIONS.md); a bound in the words before it makes it a
    cut-off ("a score over 350 ms on subtest 3")."""
    _, item, bounds = _subtests()
    text = scanner.text
    for test, reached in _test_blocks(scanner):
        for found in item.finditer(text, test.end(), reached):
            span = found.span("value")
            if scanner.claimed(*span) or scanner.in_goal(span[0]):
                continue
            if bounds.search(found.group("gap")):
                continue
            label = labels.join(test.group(), found.group("name"))
            value = int(found.group("value"))
            scanner.emit(facts, "other", value, span, label, unit="ms")


# A subtest's number, its mark (a colon, a bracket, "=" or a dash) and its time in ms.
_NUMBERED_TIME = r"[ \t]*[:)=\u2013-][ \t]*(?P<value>\d{1,4})[ \t]*ms(?![A-Za-z])"
# The words before a subtest's number: the test's name (or a comma of its run), "subtest", "#".
_NUMBER_LEAD = r"(?<![\w.:/-])(?:(?:subtest|#|no\.?)[ \t]*)?"


@cache
def _numbered() -> re.Pattern[str]:
    numbers = measures_section("direct_measures").get("subtest_numbers", ())
    return re.compile(
        rf"{_NUMBER_LEAD}(?P<number>{either(numbers)})(?![\d.])" + _NUMBERED_TIME, re.IGNORECASE
    )


def read_numbered_subtests(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Subtests named by their number after a test scored by its subtests' times ("UFOV 1: 17
    ms, 2: 60 ms"): each time is `other` in ms (CONVENTIONS.md) and each number only says which
    subtest, so it is blocked before the readers of scores take "UFOV 1" for a name or "2" for
    a score. Runs before them, in the block the test's name opens."""
    text = scanner.text
    for test, reached in _test_blocks(scanner):
        for found in _numbered().finditer(text, test.end(), reached):
            span = found.span("value")
            # "1: 17" is blocked as a clock's time: the subtest's mark says it is none
            if scanner.claimed(*span) or scanner.in_goal(span[0]):
                continue
            scanner.block(*found.span("number"))
            label = labels.join(test.group(), f"subtest {found.group('number')}")
            scanner.emit(facts, "other", int(found.group("value")), span, label, unit="ms")
