"""A billing line's charges: each code with its count of units, wherever the line writes the
count (after the code, before it, in a row's cell, on the next line), corrections applied.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from tui.core.checks.billing.billing_patterns import (
    CHARGE_CODE,
    JOINER,
    MINUTES,
    NAMED_COUNT,
    ROW_UNITS,
    WHOLE_CODE,
)
from tui.core.checks.billing.charge_asides import dose_in_bracket
from tui.core.checks.billing.clock import clock_ranges
from tui.core.checks.billing.column_charges import headless_row
from tui.core.checks.billing.records import Billed
from tui.core.checks.billing.unread_units import BARE_COUNT, blank_count, units_outside
from tui.core.checks.facts import Fact
from tui.core.checks.tables import billing_tables
from tui.core.checks.text.lexicon import service_matcher
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

# One count for every code of the line ("1 unit each of 97110 and 97140", "97110, 97140: 1 each").
_EACH_UNITS = re.compile(
    r"(?<![\w.])(\d{1,2})[ \t]*(?:units?[ \t]+)?each\b(?![ \t]+(?:side|leg|arm|way)\b)",
    re.IGNORECASE,
)

_GROUP_UNITS = re.compile(r"\b\d{1,2}\s*(?:total\s+)?units?\b|\btotal\b", re.IGNORECASE)

_SEGMENT_END = re.compile(r"\n|;|(?<![.\s])\.(?=\s|$)")

_SEGMENT_COUNT = re.compile(
    r"(?<![\w])(?:x|\u00d7|times|qty\.?|quantity)\s*:?\s*(\d{1,2})(?!\d)(?!\s*(?:min|'))"
    r"|(?<![\w.])(\d{1,2})\s*(?:units?|u)\b|[(\[]\s*(\d{1,2})\s*(?:units?|u)?\s*[)\]]"
    # "CPT 97112 - units: 2": the units under their key after the code
    r"|\bunits?[ \t]*[:=][ \t]*(\d{1,2})(?![\d.:])(?![ \t]*(?:min|'))",
    re.IGNORECASE,
)

# A count of units and its mark, written before what it counts ("2x", "2 units", "1 u"): shared
# by the count before a code (here) and the count before a service's name (billed_codes).
COUNT_MARK = r"(?<![\w.])(\d{1,2})[ \t]*(?:x|\u00d7|units?|u)"

# Before a code, unlike before a name, the count may stand in brackets and the service's name
# between it and the code; a bare "of" ("2 of 97110") is not read here.
_COUNT_BEFORE = re.compile(
    # "(1) 97110, (1) 97112": the units in brackets before each code
    rf"(?:(?<![\w.])\([ \t]*(\d{{1,2}})[ \t]*\)|{COUNT_MARK})[ \t]*(?:of[ \t]+)?"
    # "2 units ther ex (97110)": the service's name may stand between the units and the code
    r"(?:[A-Za-z][A-Za-z .'/-]{0,30}?[ \t]*\(?[ \t]*)?(?:CPT[ \t]*)?$"
    # "ther ex x2 (97110)": the units after the service's name, its code in brackets
    r"|(?<![\w.])(?:x|\u00d7)[ \t]*([1-8])(?!\d)[ \t]*\([ \t]*(?:CPT[ \t]*)?$",
    re.IGNORECASE,
)

_UNITS_WORD = re.compile(r"(?<![A-Za-z])units?\b", re.IGNORECASE)

_COUNT_BEFORE_UNITS = re.compile(
    r"(?<![\d.])\d{1,2}[ \t]*(?:(?:total|timed|billable)[ \t]+)?$", re.IGNORECASE
)

_COUNT_AFTER_UNITS = re.compile(r"[ \t]*(?:[:=x\u00d7]|of)?[ \t]*\d")


def bill(scanner: Scanner, result: Billed, code: str, units: int, start: int, end: int) -> None:
    """Add a code's units; the first billing read marks where the note bills."""
    result.units[code] = result.units.get(code, 0) + units
    if result.first_at is None:
        result.first_at = scanner.span(start, end)[0]


def mark_unreadable(scanner: Scanner, start: int, end: int, result: Billed) -> None:
    result.unreadable.append(scanner.span(*_first_line(scanner.text, start, end))[0])
    result.unreadable_codes.update(_codes_named(scanner, start, end))
    scanner.block(start, end)


def _codes_named(scanner: Scanner, start: int, end: int) -> set[str]:
    """The codes a billing region names, by code or by a service's name."""
    text = scanner.text
    codes = {item.group(1).upper() for item in CHARGE_CODE.finditer(text, start, end)}
    matcher = service_matcher()
    for name in matcher.pattern.finditer(text, start, end):
        code = matcher.code(name.group())
        if code is not None and not code.startswith("@"):
            codes.add(code)
    return codes


@dataclass(frozen=True)
class Charge:
    """One code on a billing line with the units and minutes written after it."""

    code: str
    at: int
    count: int | None
    minutes: int | None
    spans: tuple[tuple[int, int], ...]
    joined: bool  # "97140/97110": written as a group with the next code
    end: int = 0  # where the code (with its modifiers) ends


def line_charges(scanner: Scanner, start: int, end: int) -> list[Charge] | None:
    """The codes of one billing region, each with what follows it up to the next code, the end
    of its line or sentence; None when units are written for a group of codes."""
    text = scanner.text
    codes = [
        item
        for item in CHARGE_CODE.finditer(text, start, end)
        if not scanner.in_header(item.start()) and scanner.free(item.start(1), item.end(1))
    ]
    lines = Counter(scanner.line(item.start()) for item in codes)
    # Units written before the codes ("2x 97110, 1x 97140") when the line starts that way.
    before: list[re.Match[str] | None] = [_count_before(text, start, item) for item in codes]
    if not before or before[0] is None:
        before = [None] * len(codes)
    charges = []
    for index, item in enumerate(codes):
        limit = end
        if index + 1 < len(codes):
            ahead = before[index + 1]
            limit = ahead.start() if ahead else codes[index + 1].start()
        stop = _SEGMENT_END.search(text, item.end(), limit)
        seg_end = stop.start() if stop else limit
        line = scanner.line(item.start())
        row_end = line[1] if lines[line] == 1 else None
        charge = _charge(scanner, item, seg_end, same_line=stop is None, row_end=row_end)
        counted_before = before[index]
        if counted_before is not None and not (counted_before.group(3) and charge.count):
            charge = _counted_before(charge, counted_before)
        charges.append(charge)
    charges = _aliases_merged(charges)
    if not charges:
        return []
    if any(charge.count is None and blank_count(text, charge.end, end) for charge in charges):
        return None  # "97110 x ?": the count is left blank
    counted = [charge.count is not None for charge in charges]
    if all(counted):
        return charges
    each = _EACH_UNITS.search(text, start, end)
    if each is not None:
        units = int(each.group(1))
        return [
            charge if charge.count is not None else dataclasses.replace(charge, count=units)
            for charge in charges
        ]
    for charge, nxt in itertools.pairwise(charges):
        if charge.joined and nxt.count is not None and not _listed_once(text, charge, nxt):
            return None  # "97140/97110 x2": the units belong to the group
    if units_outside(text, start, end, (span for charge in charges for span in charge.spans)):
        return None  # "97110 / 97140 / units 3": one count for the codes before it
    if _GROUP_UNITS.search(text, start, codes[0].start() if codes else end):
        return None  # "Units: 3 total for 97110 + 97530"
    if _units_elsewhere(text, start, end):
        return None  # "97110, 97112 - units per flowsheet": the units are not on this line
    return charges


def _listed_once(text: str, charge: Charge, nxt: Charge) -> bool:
    """True when a bare untimed code is listed before a counted one ("97161, 97110 x1"): an
    untimed code is billed once by nature, so the count is the next code's alone (a slash still
    makes the two one group: "97010/97110 x2")."""
    return charge.code in billing_tables().untimed and "/" not in text[charge.end : nxt.at]


def _units_elsewhere(text: str, start: int, end: int) -> bool:
    """A billing line that speaks of units without counting any ("units per flowsheet", "see
    the charge sheet for units", "units: TBD") says its codes' units are written elsewhere:
    none of them is read as one unit."""
    for word in _UNITS_WORD.finditer(text, start, end):
        counted = _COUNT_BEFORE_UNITS.search(text, max(start, word.start() - 12), word.start())
        if counted is None and not _COUNT_AFTER_UNITS.match(text, word.end(), end):
            return True
    return False


def row_charges(scanner: Scanner, result: Billed) -> list[Charge]:
    """With no billing line, the rows that name one code and its units ("97110 | Therapeutic
    exercise | 23 min | 2 units"): the note's charges, written as a list or an export. A row
    of cells with no heading gives its bare numbers as units and minutes only when they agree
    (checks.billing.column_charges.headless_row); otherwise it cannot be read, and says so."""
    text = scanner.text
    by_line: dict[tuple[int, int], list[re.Match[str]]] = {}
    for item in CHARGE_CODE.finditer(text):
        if not scanner.in_header(item.start()) and scanner.free(item.start(1), item.end(1)):
            by_line.setdefault(scanner.line(item.start()), []).append(item)
    charges: list[Charge] = []
    for (_, line_end), items in by_line.items():
        if len(items) != 1:
            continue
        item = items[0]
        units = (
            NAMED_COUNT.match(text, item.end(), line_end)
            or ROW_UNITS.search(text, item.end(), line_end)
            or _units_before_in_row(scanner, item)
            or _DESCRIBED_COUNT.match(text, item.end(), line_end)
        )
        if units is None:
            _headless(scanner, item, line_end, charges, result)
            continue
        stop = _SEGMENT_END.search(text, item.end(), line_end)
        charge = _charge(
            scanner, item, stop.start() if stop else line_end, same_line=True, row_end=line_end
        )
        if charge.count is not None:
            charges.append(charge)
            for span in charge.spans:
                scanner.claim(*span)
                scanner.block(*span)
    return charges


def _headless(
    scanner: Scanner, item: re.Match[str], line_end: int, charges: list[Charge], result: Billed
) -> None:
    line_start = scanner.line(item.start())[0]
    numbers = headless_row(scanner.text[line_start:line_end])
    if numbers is None:
        return
    if not numbers.readable:
        mark_unreadable(scanner, line_start, line_end, result)
        return
    span = (line_start, line_end)
    code = item.group(1).upper()
    charges.append(
        Charge(code, item.start(), numbers.units, numbers.minutes, (span,), False, item.end())
    )
    scanner.claim(*span)
    scanner.block(*span)


# A charge line's description between the code and its count ("97165 OT eval, low complexity x1
# ...... 40 min"): words only (a number in them is a dose, "3 x 10"), then the count, then
# leaders, the minutes or the line's end.
_DESCRIBED_COUNT = re.compile(
    r"[ \t]+\(?[A-Za-z][A-Za-z ,/&'()-]{0,40}?[ \t]*(?:x|\u00d7)[ \t]*(\d)(?![\d.:/])"
    r"(?=[ \t]*(?:\.{2,}|$|\d{1,3}[ \t]*min|[,;(]))",
    re.IGNORECASE | re.MULTILINE,
)

_UNITS_LINE = re.compile(r"\n[ \t]*units?[ \t]*[:=][ \t]*(\d{1,2})[ \t]*(?=\n|$)", re.IGNORECASE)

_LINE_REST = re.compile(r"[ \t.,;:]*(?=\n|$)")


def _units_on_next_line(text: str, after: int, line_end: int) -> re.Match[str] | None:
    """A code that ends its line with its units keyed on the next ("CPT code: 97535" then
    "Units: 2"), as a form or an export lists each charge."""
    if _LINE_REST.match(text, after, line_end) is None:
        return None
    return _UNITS_LINE.match(text, line_end)


def _units_before_in_row(scanner: Scanner, item: re.Match[str]) -> re.Match[str] | None:
    """The units of a row that names one code, written in a cell before the code ("| 2 units |
    97110 |", a table with its units column first, read as "Units 2 30 min; CPT 97110")."""
    line_start = scanner.line(item.start())[0]
    found = list(ROW_UNITS.finditer(scanner.text, line_start, item.start()))
    return found[-1] if len(found) == 1 else None


def _count_before(text: str, start: int, item: re.Match[str]) -> re.Match[str] | None:
    """Units written before their code ("2x 97110", "1 unit 97140")."""
    return _COUNT_BEFORE.search(text, max(start, item.start() - 48), item.start())


def _counted_before(charge: Charge, count: re.Match[str]) -> Charge:
    return dataclasses.replace(
        charge,
        count=int(next(g for g in count.groups() if g)),
        spans=(*charge.spans, (count.start(), count.end())),
        joined=False,
    )


@cache
def no_charge_pattern() -> re.Pattern[str]:
    """The words after a code that say it is charged nothing (billing.toml [no_charge])."""
    words = "|".join(
        r"\s+".join(map(re.escape, word.split())) for word in billing_tables().no_charge
    )
    return re.compile(
        rf"[\s(\[:,\-\u2013]*(?:0[ \t]*[(\[]?[ \t]*)?(?:{words or '(?!)'})(?![\w/])",
        re.IGNORECASE,
    )


@cache
def _correction() -> re.Pattern[str]:
    """Words that replace the units written before them (billing.toml [corrections]), then the
    units that replace them ("- corrected to x2", ", changed to 1 unit")."""
    words = "|".join(
        r"\s+".join(map(re.escape, word.split())) for word in billing_tables().corrections
    )
    return re.compile(
        rf"[^\n;]{{0,12}}?\b(?:{words or '(?!)'})\b[ \t:]*(?=(?:x|\u00d7)?[ \t]*\d)",
        re.IGNORECASE,
    )


def _aliases_merged(charges: list[Charge]) -> list[Charge]:
    """One service written under both of its codes side by side ("97014 billed as G0283 x1")
    is one charge: the code without units gives way to the one with them (to the second when
    neither has units), and its minutes go with it. Both with units are two charges."""
    aliases = billing_tables().code_aliases
    merged: list[Charge] = []
    for charge in charges:
        last = merged[-1] if merged else None
        both_counted = last is not None and None not in (last.count, charge.count)
        if last is None or both_counted or frozenset({last.code, charge.code}) not in aliases:
            merged.append(charge)
            continue
        keep, drop = (
            (last, charge)
            if charge.count is None and last.count is not None
            else (
                charge,
                last,
            )
        )
        merged[-1] = dataclasses.replace(
            keep,
            minutes=keep.minutes if keep.minutes is not None else drop.minutes,
            spans=keep.spans + drop.spans,
            joined=charge.joined,
        )
    return merged


def _charge(
    scanner: Scanner, item: re.Match[str], end: int, *, same_line: bool, row_end: int | None
) -> Charge:
    """One code with the units and minutes written after it; `row_end`, for a code alone on
    its line, lets units in a later cell or clause of the row count ("...; Units 2.")."""
    text = scanner.text
    spans = [(item.start(), item.end())]
    count_match = NAMED_COUNT.match(text, item.end(), end) or _SEGMENT_COUNT.search(
        text, item.end(), end
    )
    if count_match is None:
        count_match = BARE_COUNT.match(text, item.end(), end)
    if count_match is None and row_end is not None:
        count_match = (
            ROW_UNITS.search(text, end, row_end)
            or _units_before_in_row(scanner, item)
            or _units_on_next_line(text, item.end(), row_end)
        )
    count = None
    if count_match is not None:
        count_match = _corrected(text, count_match, end)
        count = int(next(g for g in count_match.groups() if g))
        spans.append((count_match.start(), count_match.end()))
    elif (free := no_charge_pattern().match(text, item.end(), end)) is not None:
        count = 0  # "97010 n/c": listed, charged nothing
        spans.append((free.start(), free.end()))
    minutes = None
    for found in MINUTES.finditer(text, item.end(), end):
        overlaps = (
            count_match is not None
            and found.start() < count_match.end()
            and (count_match.start() < found.end())
        )
        if overlaps or dose_in_bracket(text, item.end(), found.start()):
            continue
        if _another_service(text, item.end(), found.start(), item.group(1).upper()):
            break  # "97110 x1, manual 12 minutes": the minutes of the service named after
        if scanner.free(found.start(1), found.end(1)):
            minutes = int(to_number(found.group(1)))
            spans.append((found.start(), found.end()))
            break
    if minutes is None and count_match is not None and count_match.end() <= item.start():
        minutes_match = _minutes_between(scanner, count_match.end(), item.start())
        if minutes_match is not None:  # "Units 2 30 min; CPT 97110": a row, units column first
            minutes = int(to_number(minutes_match.group(1)))
            spans.append((minutes_match.start(), minutes_match.end()))
    if minutes is None and row_end is not None:
        line_start = scanner.line(item.start())[0]
        before = _MINUTES_JUST_BEFORE.search(text, max(line_start, item.start() - 40), item.start())
        if before is not None and scanner.free(before.start(1), before.end(1)):
            minutes = int(before.group(1))  # "Glides 12 min; CPT 97110; Units 1": a row read
            spans.append((before.start(1), before.end(1)))
    if minutes is None:
        clocked = next((r for r in clock_ranges(text) if item.end() <= r.start < end), None)
        if clocked is not None and scanner.free(clocked.start, clocked.end):
            minutes = clocked.minutes  # "97110-GP 2:05-2:30 pm x2"
            spans.append((clocked.start, clocked.end))
    joined = same_line and count is None and bool(JOINER.fullmatch(text, item.end(), end))
    return Charge(
        item.group(1).upper(), item.start(), count, minutes, tuple(spans), joined, item.end()
    )


def _another_service(text: str, start: int, end: int, code: str) -> bool:
    """True when text[start:end] names, in words, a service that is not billed under `code`
    (an evaluation's name, or a name also billed as the code, "scar massage" under 97140, is
    the code's own)."""
    matcher = service_matcher()
    for name in matcher.pattern.finditer(text, start, end):
        named = matcher.code(name.group())
        if named is None or named.startswith("@") or WHOLE_CODE.fullmatch(name.group()):
            continue
        if named != code and code not in billing_tables().billed_instead.get(named, ()):
            return True
    return False


# Minutes written right before a row's code, the code named as the next clause's CPT.
_MINUTES_JUST_BEFORE = re.compile(
    r"(?<![\w.])(\d{1,3})[ \t]*(?:min(?:ute)?s?\b|mins\b)[ \t]*[;,][ \t]*"
    r"(?:CPT|code)[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)


def _minutes_between(scanner: Scanner, start: int, end: int) -> re.Match[str] | None:
    """The one free minutes value between a row's units and its code, if there is one."""
    found = [
        m for m in MINUTES.finditer(scanner.text, start, end) if scanner.free(m.start(1), m.end(1))
    ]
    return found[0] if len(found) == 1 else None


def _corrected(text: str, count: re.Match[str], end: int) -> re.Match[str]:
    """The units a correction right after a code's units puts in their place ("97110 x3 -
    corrected to x2"), else the units written."""
    said = _correction().match(text, count.end(), end)
    if said is None:
        return count
    again = _SEGMENT_COUNT.match(text, said.end(), end) or NAMED_COUNT.match(text, said.end(), end)
    return count if again is None else again


def bill_charges(scanner: Scanner, charges: list[Charge], result: Billed) -> None:
    """Units and minutes of the charges read: a code's written units count; a code with no
    units anywhere on the billing lines bills one unit for each time it is charged."""
    counted = {charge.code for charge in charges if charge.count is not None}
    for charge in charges:
        if charge.minutes is not None:
            result.services.append(_charge_service(scanner, charge))
        units = charge.count if charge.count is not None else 0 if charge.code in counted else 1
        if not units:
            continue
        bill(scanner, result, charge.code, units, charge.at, charge.at + len(charge.code))


def _charge_service(scanner: Scanner, charge: Charge) -> Fact:
    start, end = min(s for s, _ in charge.spans), max(e for _, e in charge.spans)
    return Fact(
        kind="service",
        value=charge.minutes or 0,
        unit="min",
        cpt=charge.code,
        minutes=charge.minutes,
        label=billing_tables().name_of(charge.code),
        span=scanner.span(start, end),
    )


def _first_line(text: str, start: int, end: int) -> tuple[int, int]:
    """The first line of a region with text on it ("Charges:" may end its own line)."""
    while start < end and text[start] in " \t\n":
        start += 1
    return start, end
