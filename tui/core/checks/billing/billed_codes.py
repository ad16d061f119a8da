"""The billed codes and their units: the billing lines and regions a note writes, each line's
items, and the services named on them by name rather than code.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from tui.core.checks.billing.billed_evaluations import aside_end, evaluation_code
from tui.core.checks.billing.billing_patterns import (
    CHARGE_CODE,
    CODE,
    COUNT,
    JOINER,
    MODIFIERS,
    NAMED_COUNT,
    ROW_UNITS,
    WHOLE_CODE,
)
from tui.core.checks.billing.charge_asides import closing_minutes
from tui.core.checks.billing.charges import (
    COUNT_MARK,
    Charge,
    bill,
    bill_charges,
    line_charges,
    mark_unreadable,
    no_charge_pattern,
    row_charges,
)
from tui.core.checks.billing.column_charges import column_charges
from tui.core.checks.billing.hl7_charges import hl7_charges
from tui.core.checks.billing.partial_lines import partly_counted, units_pointed_elsewhere
from tui.core.checks.billing.records import Billed, service_at
from tui.core.checks.billing.totals import dosed
from tui.core.checks.billing.unread_units import BARE_COUNT
from tui.core.checks.tables import billing_tables
from tui.core.checks.text.lexicon import service_matcher
from tui.core.checks.text.scan import Scanner

# A billing line: the keyword opens a line or a sentence ("Billed: ...", "Billing 97110 x1",
# "**CPT** = ...", a run-in heading "Billing. 97163 x1"), never "97014 billed as G0283" inside
# a sentence.
_BILLING_WORD = (
    r"(?:billed|billing(?:\s+codes?(?:\s+(?:are|is))?|\s+is)?|bill|charges?|charged"
    r"|codes?\s+billed|units?\s+billed)"
)

# Within a line (after a full stop or a semicolon) only a billing word opens the billing: a
# table's "CPT" or "Units" column (a row reads "Ther ex 24 min; CPT 97110; ...") names the
# service's code, it bills nothing.
BILLED_START = re.compile(
    rf"(?:^[ \t]*(?:[-*\u2022]|\[[ xX]\]|\#{{1,6}})?[ \t]*(?:\*\*)?"
    rf"(?:{_BILLING_WORD}|cpt(?:\s+codes?)?|units?|codes?(?=[ \t]*:))"
    rf"|(?<=[.;!?])[ \t]+(?:\*\*)?{_BILLING_WORD}"
    rf"|\b(?:we|I)[ \t]+(?:have[ \t]+)?billed\b"
    # said in a dictation's run-on sentence, before the units or the code it bills ("..., and
    # I'm billing 97110 times 2", "total timed 40, bill 2 units of ther ex")
    rf"|(?:(?<=,)|\b(?:I'?m|I[ \t]+am|we'?re|we[ \t]+are)(?=[ \t]+billing\b))[ \t]+"
    rf"(?:(?:and|so)[ \t]+)?(?:(?:I'?m|I[ \t]+am|we'?re|we[ \t]+are)[ \t]+)?bill(?:ing)?\b"
    rf"(?=[ \t]+(?:\d|units?\b))"
    # a heading that ends in its billing word ("TODAY'S TREATMENT / BILLING", "Interventions &
    # charges:"): the charges are the lines below it
    rf"|^[ \t]*[A-Za-z'][A-Za-z' ]{{0,40}}[ \t]*(?:/|&|\band\b)[ \t]*(?:billing|charges)"
    rf"(?=[ \t]*:?[ \t]*$))"
    r"(?:\*\*)?(?!\s+as\b)[ \t]*(?:\*\*)?[ \t]*(?:[:=\-]|\.(?=[ \t]))?(?:\*\*)?",
    re.IGNORECASE | re.MULTILINE,
)

BILLED_ITEM = re.compile(
    rf"(?<![\w.])({CODE}){MODIFIERS}(?:\s*(\d{{1,3}})\s*(?:min(?:ute)?s?\b|mins\b|'))?"
    rf"(?:{COUNT})?",
    re.IGNORECASE,
)

# A line listed under a "Billed:" heading: one that opens with a code, or a bullet or a
# service name whose code follows on the line ("- Gait training 97116 x 1 unit (14 min)").
_ITEM_LINE = re.compile(
    rf"^[ \t]*(?:(?:[-*\u2022]|\d{{1,2}}[.)])?[ \t]*{CODE}\b"
    rf"|[-*\u2022][ \t]*[^\n]{{0,60}}?(?<![\w.]){CODE}\b"
    rf"|[A-Za-z][^\n\d:.]{{0,40}}?(?<![\w.]){CODE}\b(?={MODIFIERS}[ \t]*(?:x|\u00d7)[ \t]*\d))",
    re.MULTILINE,
)

_CODE_ANYWHERE = re.compile(rf"{CODE}(?!\d)", re.IGNORECASE)

# "2 units of therapeutic exercise": the count written right before a service's name, its mark
# shared with the count before a code (charges.COUNT_MARK); before a name a bare "of" counts too
# ("2 of ther ex"), and neither a bracketed count nor other words may stand between.
_COUNT_BEFORE_NAME = re.compile(
    rf"(?:{COUNT_MARK}[ \t]*(?:of[ \t]+)?|(?<![\w.])(\d{{1,2}})[ \t]*of[ \t]+)$",
    re.IGNORECASE,
)


def read_billed(scanner: Scanner) -> Billed:
    """Billed codes with units, from billing lines (or "97110 x2" items when there is none).

    A billing line whose codes cannot each be given their own units ("97140/97110 x2",
    "Units: 3 total for 97110 + 97530") is not guessed at: its offset is listed as unreadable.
    A charge that gives a code's minutes but no units ("97116 gait training .... 16 min") is
    the service's time; it bills one unit only when no other billing line gives that code's
    units ("Units: 97116 x1").
    """
    result = Billed()
    _hl7(scanner, result)
    _column_charges(scanner, result)
    regions = _billed_regions(scanner)
    if not regions:
        bill_charges(scanner, row_charges(scanner, result), result)
        for item in BILLED_ITEM.finditer(scanner.text):
            _billed_item(scanner, item, result)
        return result
    charges: list[Charge] = []
    counted_anywhere = {
        charge.code
        for start, end in regions
        for charge in line_charges(scanner, start, end) or ()
        if charge.count is not None
    }
    for start, end in regions:
        found = line_charges(scanner, start, end)
        if found is None or _partly_read(scanner, found, start, end, counted_anywhere):
            mark_unreadable(scanner, start, end, result)
            continue
        for charge in found:
            for span in charge.spans:
                scanner.claim(*span)
                scanner.block(*span)
        charges += found
        if not found and _names_share_units(scanner, start, end):
            mark_unreadable(scanner, start, end, result)  # "Charges: ther ex and manual 3u"
            continue
        named, uncounted = _named_charges(scanner, start, end)
        if not found and (
            (named and uncounted)  # "Billed: TE 2 MT x1": TE's units are not said
            or (
                not named
                and (
                    _no_code_but_units(scanner.text, start, end)
                    or _names_service(scanner, start, end)
                    or _free_code(scanner, start, end)
                )
            )
        ):
            mark_unreadable(scanner, start, end, result)  # "Billed: ther ex and manual, 3 units"
            continue
        _bill_named(scanner, named, result)
    bill_charges(scanner, charges, result)
    return result


def _hl7(scanner: Scanner, result: Billed) -> None:
    """Charges of an HL7 message's transaction segments (checks.billing.hl7_charges)."""
    for charge in hl7_charges(scanner.text):
        if scanner.in_header(charge.start) or not scanner.free(charge.start, charge.end):
            continue
        if charge.units:
            bill(scanner, result, charge.code, charge.units, charge.start, charge.end)
        scanner.claim(charge.start, charge.end)
        scanner.block(charge.start, charge.end)


def _column_charges(scanner: Scanner, result: Billed) -> None:
    """Charges in plain-text columns under a heading (checks.billing.column_charges): each row
    bills its units and gives its code its minutes; a row with no units cannot be read."""
    for row in column_charges(scanner.text):
        if scanner.in_header(row.start) or not scanner.free(row.start, row.end):
            continue
        if row.units is None:
            mark_unreadable(scanner, row.start, row.end, result)
            continue
        if row.minutes is not None:
            result.services.append(service_at(scanner, row.code, row.minutes, row.start, row.end))
        if row.units:
            bill(scanner, result, row.code, row.units, row.start, row.end)
        scanner.claim(row.start, row.end)
        scanner.block(row.start, row.end)


def _partly_read(
    scanner: Scanner, found: list[Charge], start: int, end: int, counted: set[str]
) -> bool:
    """A billing line that can be read only in part (checks.billing.partial_lines): some codes
    counted and a timed one bare, units sent elsewhere while a code is bare, or a service named
    without units beside counted codes."""
    untimed = billing_tables().untimed
    if any(charge.count is None for charge in found) and units_pointed_elsewhere(
        scanner.text, start, end
    ):
        return True
    if partly_counted(((c.code, c.count is not None) for c in found), counted, untimed):
        return True
    charged = {charge.code for charge in found}
    return (
        bool(found)
        and any(charge.count is not None for charge in found)
        and bool(_bare_names(scanner, start, end, charged))
    )


# A service named as an item of the billing list: after a list mark, before the next or the end.
_ITEM_BEFORE = re.compile(r"(?:^|[,;+&:]|\band\b)[ \t]*$", re.IGNORECASE | re.MULTILINE)

_ITEM_AFTER = re.compile(r"[ \t]*(?:[,;+&.]|$|\band\b)", re.IGNORECASE | re.MULTILINE)


def _bare_names(scanner: Scanner, start: int, end: int, charged: set[str]) -> list[str]:
    """Services a billing line names with no units, whose code no code on the line charges
    (not an aside in brackets, not a service said to be charged nothing)."""
    matcher = service_matcher()
    text = scanner.text
    bare = []
    for name in matcher.pattern.finditer(text, start, end):
        code = matcher.code(name.group())
        if code is None or code.startswith("@") or code in charged:
            continue
        if WHOLE_CODE.fullmatch(name.group()) or not scanner.free(name.start(), name.end()):
            continue
        if text.rfind("(", start, name.start()) > text.rfind(")", start, name.start()):
            continue
        if not (
            _ITEM_BEFORE.search(text, max(start, name.start() - 8), name.start())
            and _ITEM_AFTER.match(text, name.end(), end)
        ):
            continue  # "97530 x2 - functional tasks incl. ADL training": a description
        after = name.end()
        if (
            NAMED_COUNT.match(text, after)
            or BARE_COUNT.match(text, after, end)
            or no_charge_pattern().match(text, after, end)
            or _COUNT_BEFORE_NAME.search(text, max(start, name.start() - 16), name.start())
        ):
            continue
        bare.append(code)
    return bare


def _no_code_but_units(text: str, start: int, end: int) -> bool:
    """A billing line that counts units but names no code the units could be given to."""
    return CHARGE_CODE.search(text, start, end) is None and bool(ROW_UNITS.search(text, start, end))


def _billed_item(scanner: Scanner, item: re.Match[str], result: Billed) -> None:
    """A "97110 x2" item written outside any billing line: billed only with its units."""
    count = next((g for g in item.groups()[2:] if g), None)
    if not count or scanner.in_header(item.start()):
        return
    if not scanner.free(item.start(1), item.end(1)):
        return
    code = item.group(1).upper()
    end = item.end()
    after = None if item.group(2) else closing_minutes(scanner.text, end, dosed)
    if after is not None and scanner.free(after[1], after[2]):
        end = after[2]  # "97110 x1 (12 min)", "97750 x1 (6MWT, 20 min)": minutes after the units
        result.services.append(service_at(scanner, code, after[0], item.start(), end))
    elif item.group(2):
        minutes = int(item.group(2))
        result.services.append(service_at(scanner, code, minutes, item.start(), item.end()))
    scanner.claim(item.start(), end)
    scanner.block(item.start(), end)
    if count is not None and int(count) == 0:  # "97110 x0": written, not billed
        return
    bill(scanner, result, code, int(count or 1), item.start(), item.end())


@dataclass(frozen=True)
class _Named:
    """A service name on a billing line with its units, and the text they take."""

    code: str
    units: int
    first: int
    last: int


def _named_charges(scanner: Scanner, start: int, end: int) -> tuple[list[_Named], bool]:
    """ "Billed: TE x2, GT x1": service names with a unit count on a billing line (units of 0
    included), and whether a name on it has no count of its own ("TE 2 MT x1" leaves TE)."""
    matcher = service_matcher()
    text = scanner.text
    named: list[_Named] = []
    uncounted = False
    for name in matcher.pattern.finditer(text, start, end):
        code = matcher.code(name.group())
        if code is None or WHOLE_CODE.fullmatch(name.group()):
            continue
        after = name.end()
        if code.startswith("@"):
            after = aside_end(text, after)  # "PT eval (moderate complexity) x1"
        count = (
            NAMED_COUNT.match(text, after)
            or BARE_COUNT.match(text, after, end)
            or _COUNT_BEFORE_NAME.search(text, max(start, name.start() - 16), name.start())
        )
        if count is None:
            aside = text.rfind("(", start, name.start()) > text.rfind(")", start, name.start())
            uncounted = uncounted or (not aside and scanner.free(name.start(), name.end()))
            continue
        first, last = min(name.start(), count.start()), max(name.end(), count.end())
        if not scanner.free(first, last):
            continue
        units = int(next(g for g in count.groups() if g))
        if code.startswith("@"):
            code = evaluation_code(text, start, last, code) or ""
        named.append(_Named(code, units, first, last))
    return named, uncounted


def _bill_named(scanner: Scanner, named: list[_Named], result: Billed) -> None:
    for charge in named:
        scanner.claim(charge.first, charge.last)
        scanner.block(charge.first, charge.last)
        if not charge.units or not charge.code:
            continue
        bill(scanner, result, charge.code, charge.units, charge.first, charge.last)


def _names_share_units(scanner: Scanner, start: int, end: int) -> bool:
    """Service names joined on a billing line with one count after the last ("ther ex and
    manual 3u", "TE/NMR x3"): the units belong to the group, and which code has how many is
    not said."""
    matcher = service_matcher()
    text = scanner.text
    names = [
        name
        for name in matcher.pattern.finditer(text, start, end)
        if matcher.code(name.group()) is not None and scanner.free(name.start(), name.end())
    ]
    for first, second in itertools.pairwise(names):
        joined = JOINER.fullmatch(text, first.end(), second.start())
        if (
            joined is not None
            and first.end() < second.start()
            and matcher.code(first.group()) != matcher.code(second.group())
            and NAMED_COUNT.match(text, first.end()) is None
            and NAMED_COUNT.match(text, second.end()) is not None
        ):
            return True
    return False


_UNITS_KEY = re.compile(r"[ \t]*(?:[-*\u2022][ \t]*)?units?[ \t]*[:=]", re.IGNORECASE)

_CODE_ENDS_LINE = re.compile(rf"(?<![\w.]){CODE}{MODIFIERS}[ \t.,;:]*$", re.IGNORECASE)


def _code_line_above(scanner: Scanner, match: re.Match[str], end: int) -> int:
    """Where a billing region starts: after its billing word, or, for a "Units: 2" line that
    names no code, at the line above when that line ends with the code ("Procedure: 97110")."""
    text = scanner.text
    line_start = scanner.line(match.start())[0]
    if (
        line_start == 0
        or not _UNITS_KEY.match(text, line_start)
        or CHARGE_CODE.search(text, match.end(), end)
    ):
        return match.end()
    above = scanner.line(line_start - 1)
    if _CODE_ENDS_LINE.search(text, above[0], above[1]) and not scanner.in_header(above[0]):
        return above[0]
    return match.end()


def _free_code(scanner: Scanner, start: int, end: int) -> bool:
    """True when a billing region holds a code no reading took: what bills it cannot be read,
    and silence would let it pass."""
    return any(
        scanner.free(found.start(), found.end())
        for found in _CODE_ANYWHERE.finditer(scanner.text, start, end)
    )


def _names_service(scanner: Scanner, start: int, end: int) -> bool:
    """True when a billing region names a service (a billing line of names with no units)."""
    matcher = service_matcher()
    return any(
        matcher.code(name.group()) is not None
        and not WHOLE_CODE.fullmatch(name.group())
        and scanner.free(name.start(), name.end())
        for name in matcher.pattern.finditer(scanner.text, start, end)
    )


def _billed_regions(scanner: Scanner) -> list[tuple[int, int]]:
    """The billing lines: a billing word, then text with a number in reach, or, after a colon,
    service names with no number at all ("Billed: ther ex, manual"), which bill what cannot be
    read."""
    regions = []
    text = scanner.text
    for match in BILLED_START.finditer(text):
        if scanner.in_header(match.end() - 1):
            continue
        if not re.search(r"\d", text[match.end() : match.end() + 200]) and not (
            text[match.start() : match.end()].rstrip(" \t*").endswith(":")
            and _names_service(scanner, match.end(), scanner.sentence_after(match.end()))
        ):
            continue
        line_end = scanner.line(match.start())[1]
        rule = _UNDERLINE.match(text, match.end())
        if rule is not None:
            line_end = rule.end()  # "BILLING" over "-------": a heading, its rule under it
        if rule is not None or _HEADING_ONLY.fullmatch(text, match.start(), line_end):
            # a heading ("## Billing", "TREATMENT / BILLING") bills the item lines below it only
            blank = _BLANK_LINES.match(text, line_end)
            below = blank.end() - 1 if blank else line_end
            end = _extend_item_lines(text, below)
            if end > below:
                regions.append((below, end))
            continue
        if _BILLED_BEFORE.match(text, match.start()) or _BILLED_BEFORE.search(
            text, max(0, match.start() - 12), match.end()
        ):
            continue  # "already billed 03/16": a charge of another day, no billing line
        end = _extend_item_lines(text, scanner.sentence_after(match.end()))
        start = _code_line_above(scanner, match, end)
        earlier = _BILLED_BEFORE.search(text, match.end(), end)
        if earlier is not None:
            # "Charges: PT eval already billed 03/16. Today: 97530 x 2 units": the charges are
            # the next sentence's, on the same line
            start = end
            if text[start:].lstrip(" \t")[:1] in ("\n", "\r", ""):
                continue  # nothing more on the line: no charge of today's
            end = _extend_item_lines(text, scanner.sentence_after(end))
            if not re.search(r"\d", text[start:end]):
                continue
        regions.append((start, end))
    return regions


# A charge made on another day ("PT eval already billed 03/16", "eval billed on 3/16",
# "billed at the previous visit"): no charge of this note.
_BILLED_BEFORE = re.compile(
    r"\b(?:already|previously|earlier)\s+(?:been\s+)?billed\b"
    r"|\bbilled\s+(?:on|at|with|during)\s+(?:\d{1,2}/\d{1,2}|the\s+(?:last|previous|prior|initial)\b)",
    re.IGNORECASE,
)


_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)*")

# A heading underlined on the line below it, as plain-text notes set their headings off.
_UNDERLINE = re.compile(r"[ \t:]*\n[ \t]*(?:-{3,}|={3,}|~{3,}|_{3,})[ \t]*(?=\n|$)")

_HEADING_ONLY = re.compile(
    r"[ \t]*(?:\#{1,6}[ \t]*[^\n]*|[A-Za-z'][A-Za-z' ]{0,40}[ \t]*(?:/|&|\band\b)[ \t]*"
    r"(?:billing|charges)[ \t]*:?[ \t]*)",
    re.IGNORECASE,
)


def _extend_item_lines(text: str, end: int, most: int = 20) -> int:
    """A "Billed:" heading may list its codes on the lines below it (a few lines at most)."""
    for _ in range(most):
        if end >= len(text):
            break
        line_end = text.find("\n", end + 1)
        line_end = len(text) if line_end < 0 else line_end
        if not _ITEM_LINE.match(text, end if text[end] != "\n" else end + 1):
            break
        end = line_end
    return end
