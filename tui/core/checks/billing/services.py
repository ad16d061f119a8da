"""The services with their minutes: every reader of a service's minutes, run in order, each
taking the minutes the earlier ones left.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from tui.core.checks.billing.aside_names import aside_named_minutes, bracketed_minutes
from tui.core.checks.billing.billed_closing import billed_closing
from tui.core.checks.billing.billing_patterns import CODE, NAMED_COUNT, WHOLE_CODE
from tui.core.checks.billing.code_clauses import code_led_minutes
from tui.core.checks.billing.coded_lines import coded_lines
from tui.core.checks.billing.elided_minutes import elided_minutes
from tui.core.checks.billing.minutes_cells import minutes_cells
from tui.core.checks.billing.named_minutes import (
    block_glued_minutes,
    minutes_after_name,
    minutes_before_names,
    service_names,
)
from tui.core.checks.billing.printed_minutes import printed_services
from tui.core.checks.billing.records import service_at
from tui.core.checks.billing.referred_minutes import referred_minutes
from tui.core.checks.billing.service_clocks import clocked_services
from tui.core.checks.billing.service_keys import keyed_lines, opening_lines
from tui.core.checks.billing.total_parts import total_parts
from tui.core.checks.billing.totals import dose_words_pattern, dosed
from tui.core.checks.facts import Fact
from tui.core.checks.tables import billing_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import (
    ServiceMatcher,
    digit_first,
    service_matcher,
)
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.unit_led import unit_led

# A key that names a service and minutes, then the minutes ("Manual therapy min: 12",
# "97140_manual_min: 14"), as EMR exports and templates write them.
_KEYED_MINUTES = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]*)?(?P<key>[^\n:=|]{1,40}?)(?<!\d)(?<!\d[ \t])[\s_(]*(?<![A-Za-z])"
    r"(?:min|mins|minutes)\)?[ \t]*[:=][ \t]*(?P<minutes>\d{1,3})"
    r"(?![\d.]|[ \t]*(?!(?:mins?|minutes)\b)[A-Za-z])",
    re.IGNORECASE | re.MULTILINE,
)

# A key that ends in a number is the service with its minutes ("Self-care training 23 min:"),
# and what follows the colon is the description, even when it opens with a number.
_KEY_ENDS_IN_NUMBER = re.compile(r"\d[ \t_(]*$")

# A home program's line, unless a code on it says the time was billed ("Home program review
# (97110) 10 min").
_HOME_LINE = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]*)?(?:HEP|home (?:exercise )?program|home exercises)\b"
    rf"(?![^\n]*(?<![\w.]){CODE}(?!\d))[^\n]*",
    re.IGNORECASE | re.MULTILINE,
)


def read_services(scanner: Scanner) -> list[Fact]:
    """Each named service with the minutes the text ties to it (never on a home-program line)."""
    scanner.block_all(_HOME_LINE)
    matcher = service_matcher()
    keyed = (
        _code_clauses(scanner)
        + _minutes_keyed_by_code(scanner)
        + _keyed_minutes(scanner, matcher)
        + minutes_cells(scanner, matcher)
        + _minutes_before_codes(scanner)
        + _clocked(scanner)
        + _coded(scanner)
        + _total_parts(scanner)
        + _keyed_lines(scanner)
        + _printed(scanner)
        + _referred(scanner, matcher)
    )
    worded = _worded_names(scanner, matcher)
    keyed += _aside_named(scanner, matcher, worded) + _billed_closing(scanner)
    keyed += _elided(scanner, worded)
    names = service_names(scanner, matcher)
    used: set[int] = set()
    facts = keyed + minutes_before_names(scanner, names, used)
    covered = bytearray(len(scanner.text) + 1)
    for start, end in (fact.span for fact in facts):
        covered[start:end] = b"\x01" * (end - start)
    for index, name in enumerate(names):
        if covered[name.start]:
            continue
        fact = minutes_after_name(scanner, names, index, used)
        if fact is not None:
            facts.append(fact)
    block_glued_minutes(scanner)
    return sorted(facts, key=lambda fact: fact.span)


@cache
def _minutes_key() -> re.Pattern[str]:
    """A line keyed as minutes ("Minutes:", "Time spent:", "Minutes by service:"): the words
    that may follow the key's noun are data (billing.toml [minutes_keys])."""
    after = billing_section("minutes_keys").get("after", ())
    words = either(r"[ \t]+".join(map(re.escape, str(w).split())) for w in after)
    return re.compile(
        r"^[ \t]*(?:[-*\u2022][ \t]*)?(?:service |treatment |timed )?(?:minutes|mins?|time)"
        rf"(?:[ \t]+(?:{words}))?[ \t]*:",
        re.IGNORECASE | re.MULTILINE,
    )


# After minutes, a code in brackets or after a dash ("12 min - 97116", "14 min (97112)") or
# named as the CPT of the next clause ("26 min; CPT 97110", a table row read as a sentence),
# never a code with minutes of its own ("25 min; 97112 - 10 min").
_MINUTES_THEN_CODE = digit_first(
    re.compile(
        rf"(?<![\w.])(\d{{1,3}})[ \t]*(min(?:ute)?s?\b|mins\b|')[ \t]*"
        rf"(?:(?:[(\-\u2013\u2014:][ \t]*)?\(?|[;,][ \t]*CPT[ \t]*(?:code)?[ \t]*:?)[ \t]*"
        rf"({CODE})(?!\d)(?![ \t]*[-:=(]?[ \t]*\d{{1,3}}[ \t]*(?:min|'))",
        re.IGNORECASE,
    )
)

_NUMBER_CODE = re.compile(rf"(?<![\w.])(\d{{1,3}})[ \t]*\([ \t]*({CODE})[ \t]*\)")


def _minutes_keyed_by_code(scanner: Scanner) -> list[Fact]:
    """Minutes written as "38 (97113)" or after a service name with no unit ("ther ex 25,
    ther act 8") on a line keyed "Minutes:" (see `_minutes_key`): the key says the numbers
    are minutes."""
    text = scanner.text
    facts = []
    for key in _minutes_key().finditer(text):
        if scanner.in_header(key.start()):
            continue
        _, line_end = scanner.line(key.start())
        for item in _NUMBER_CODE.finditer(text, key.end(), line_end):
            if not scanner.free(item.start(1), item.end(1)):
                continue
            minutes = int(item.group(1))
            code = item.group(2).upper()
            scanner.claim(item.start(), item.end())
            scanner.block(item.start(), item.end())
            facts.append(service_at(scanner, code, minutes, item.start(), item.end()))
        facts += _bare_minutes_after_names(scanner, key.end(), line_end)
    return facts


# A bare number right after a service name on a "Minutes:" line, closing its clause.
_BARE_MINUTES = re.compile(
    r"[ \t]*[:=\-]?[ \t]*(\d{1,3})(?![\d:/])(?!\.\d)(?=[ \t]*(?:[,;.|]|$))", re.MULTILINE
)


def _bare_minutes_after_names(scanner: Scanner, start: int, end: int) -> list[Fact]:
    matcher = service_matcher()
    text = scanner.text
    facts = []
    for name in matcher.pattern.finditer(text, start, end):
        if WHOLE_CODE.fullmatch(name.group()):
            continue  # "Min: 97535 28 | ...": a code's minutes, read with the codes
        code = matcher.code(name.group())
        value = _BARE_MINUTES.match(text, name.end(), end)
        if code is None or value is None or not scanner.free(value.start(1), value.end(1)):
            continue
        scanner.claim(name.start(), value.end())
        scanner.block(value.start(1), value.end(1))
        facts.append(service_at(scanner, code, int(value.group(1)), name.start(), value.end()))
    return facts


def _code_clauses(scanner: Scanner) -> list[Fact]:
    """ "97140 scar massage, web-space stretch 12 min; 97110 ...": minutes closing a clause that
    a code opens (checks.billing.code_clauses)."""
    facts = []
    for clause in code_led_minutes(
        scanner.text, lambda words: bool(dose_words_pattern().search(words))
    ):
        if scanner.in_header(clause.start) or not (
            scanner.free(clause.start, clause.start + 5)
            and scanner.free(clause.minutes_start, clause.minutes_end)
        ):
            continue
        scanner.claim(clause.start, clause.start + 5)
        scanner.claim(clause.minutes_start, clause.minutes_end)
        scanner.block(clause.minutes_start, clause.minutes_end)
        facts.append(service_at(scanner, clause.code, clause.minutes, clause.start, clause.end))
    return facts


def _referred(scanner: Scanner, matcher: ServiceMatcher) -> list[Fact]:
    """ "fabricated a resting hand orthosis, ..., that was 25 minutes": minutes pointing back
    to the sentence's one service (checks.billing.referred_minutes)."""

    def names(start: int, end: int) -> Iterator[tuple[int, str]]:
        for name in matcher.pattern.finditer(scanner.text, start, end):
            code = matcher.code(name.group())
            if code is not None and not WHOLE_CODE.fullmatch(name.group()):
                yield name.start(), code

    facts = []
    for said in referred_minutes(scanner.text, lambda at: scanner.sentence(at)[0], names):
        start, end = said.minutes_start, said.minutes_end
        if scanner.in_header(start) or not scanner.free(start, end):
            continue
        scanner.claim(start, end)
        scanner.block(start, end)
        minutes = int(to_number(said.value))
        facts.append(service_at(scanner, said.code, minutes, start, end))
    return facts


def _worded_names(scanner: Scanner, matcher: ServiceMatcher) -> list[tuple[int, int, str]]:
    """Each service named in words (never a bare code): where it is written and its code."""
    text = scanner.text
    return [
        (name.start(), name.end(), code)
        for name in matcher.finder.finditer(text)
        if (code := matcher.code(name.group())) is not None
        and not WHOLE_CODE.fullmatch(name.group())
    ]


def _elided(scanner: Scanner, names: list[tuple[int, int, str]]) -> list[Fact]:
    """ "25 minutes on therapeutic exercise and another 10 on gait training": minutes whose unit
    the sentence gave before (checks.billing.elided_minutes)."""
    text = scanner.text
    facts = []
    for said in elided_minutes(text, names, lambda at: scanner.sentence(at)[0]):
        start, end = said.minutes_start, said.minutes_end
        if scanner.in_header(start) or not scanner.free(start, end):
            continue
        scanner.claim(start, end)
        scanner.block(start, end)
        facts.append(service_at(scanner, said.code, said.minutes, said.start, said.end))
    return facts


def _billed_closing(scanner: Scanner) -> list[Fact]:
    """ "Stair practice with rail, 12 min -- billed 97116.": the sentence's one minutes value
    under the code it closes on (checks.billing.billed_closing), or under the service it says
    the time was billed as ("bandaging 15 min (billed as manual therapy)")."""
    matcher = service_matcher()

    def name_at(at: int) -> tuple[int, str] | None:
        name = matcher.pattern.match(scanner.text, at)
        if name is None or WHOLE_CODE.fullmatch(name.group()):
            return None
        code = matcher.code(name.group())
        return None if code is None or code.startswith("@") else (name.end(), code)

    return _taken(
        scanner,
        (
            _Minutes.closing(s.code, s.minutes, (s.minutes_start, s.minutes_end), s.end)
            for s in billed_closing(scanner.text, lambda at: scanner.sentence(at)[0], name_at)
        ),
    )


def _aside_named(
    scanner: Scanner, matcher: ServiceMatcher, names: list[tuple[int, int, str]]
) -> list[Fact]:
    """ "Kitchen retraining 18 min (self-care)": minutes whose service the bracket after them
    names, or "(30 min, group)": a bracket of minutes and their service
    (checks.billing.aside_names)."""
    text = scanner.text

    def names_in(start: int, end: int) -> bool:
        return matcher.pattern.search(text, start, end) is not None

    def code_of(words: str) -> str | None:
        name = matcher.pattern.fullmatch(words)
        code = None if name is None else matcher.code(name.group())
        return None if code is None or code.startswith("@") else code

    said = aside_named_minutes(text, names, names_in, dosed) + bracketed_minutes(text, code_of)
    return _taken(
        scanner,
        (
            _Minutes.closing(s.code, s.minutes, (s.minutes_start, s.minutes_end), s.end, s.start)
            for s in said
        ),
    )


def _printed(scanner: Scanner) -> list[Fact]:
    """ "Ther ex (97110)      24    UBE ...": a printed row's minutes under a heading's minutes
    column (checks.billing.printed_minutes)."""
    return _taken(
        scanner,
        (
            _Minutes.at(row.code, row.minutes, row.row_start, row.minutes_start, row.minutes_end)
            for row in printed_services(scanner.text)
        ),
    )


def _keyed_lines(scanner: Scanner) -> list[Fact]:
    """ "Ex: bird-dog, side plank - 15 mins": a line keyed by a service's word, closed by its
    minutes, and "Ice R ankle 10 min": a line a modality's agent opens
    (checks.billing.service_keys)."""
    return _taken(
        scanner,
        (
            _Minutes.at(line.code, line.minutes, line.start, line.minutes_start, line.minutes_end)
            for line in [*keyed_lines(scanner.text), *opening_lines(scanner.text)]
        ),
    )


def _total_parts(scanner: Scanner) -> list[Fact]:
    """ "Total timed 40 min (97110 16, 97140 12, 97530 12)": each code's part of the total
    (checks.billing.total_parts)."""
    return _taken(
        scanner,
        (
            _Minutes(
                p.code,
                p.minutes,
                p.start,
                (p.end - len(str(p.minutes)), p.end),
                (p.start, p.end),
                (p.start, p.end),
            )
            for p in total_parts(scanner.text)
        ),
    )


def _coded(scanner: Scanner) -> list[Fact]:
    """ "MLD 25 min (neck, axilla) ...... 97140": a line's minutes under the code that closes
    it (checks.billing.coded_lines)."""
    return _taken(
        scanner,
        (
            dataclasses.replace(
                _Minutes.at(
                    line.code,
                    line.minutes,
                    line.minutes_start,
                    line.minutes_start,
                    line.minutes_end,
                ),
                span=(line.minutes_start, line.code_end),
                code_at=(line.code_start, line.code_end),
            )
            for line in coded_lines(
                scanner.text, lambda words: bool(dose_words_pattern().search(words))
            )
        ),
    )


def _clocked(scanner: Scanner) -> list[Fact]:
    """ "TherEx 1405-1420": a service timed by the clock (checks.service_clocks)."""
    return _taken(
        scanner,
        (
            dataclasses.replace(
                _Minutes.at(c.code, c.range.minutes, c.range.start, c.range.start, c.range.end),
                blocks=False,
            )
            for c in clocked_services(scanner.text)
        ),
    )


def _minutes_before_codes(scanner: Scanner) -> list[Fact]:
    """ "Loading program: ... 26 min; CPT 97110": minutes with the code written right after
    them (a table row of services read as a sentence, a list of "12 min - 97116"). A code with
    units after it is a charge, read with the billing."""
    text = scanner.text
    facts = []
    for item in unit_led(_MINUTES_THEN_CODE, "min|'").finditer(text):
        start = item.start(1)
        if scanner.in_header(item.start()) or not scanner.free(start, item.end()):
            continue
        if NAMED_COUNT.match(text, item.end()):
            continue
        scanner.claim(item.start(), item.end())
        scanner.block(item.start(), item.end())
        code = item.group(3).upper()
        facts.append(service_at(scanner, code, int(item.group(1)), start, item.end(2)))
    return facts


def _keyed_minutes(scanner: Scanner, matcher: ServiceMatcher) -> list[Fact]:
    """ "Ther ex minutes: 25": minutes given under a key that names one service."""
    facts = []
    for match in _KEYED_MINUTES.finditer(scanner.text):
        start, end = match.span("minutes")
        if scanner.in_header(match.start()) or not scanner.free(start, end):
            continue
        key = match.group("key")
        if _KEY_ENDS_IN_NUMBER.search(key):
            continue  # "Self-care training 23 min: one-handed ...": the 23 is the minutes
        codes = {matcher.code(name.group()) for name in matcher.pattern.finditer(key)}
        if len(codes) != 1 or None in codes:
            continue
        code = codes.pop() or ""
        scanner.claim(match.start(), match.end())
        minutes = int(match.group("minutes"))
        facts.append(service_at(scanner, code, minutes, match.start(), match.end()))
    return facts


@dataclass(frozen=True)
class _Minutes:
    """A service's minutes a reader found: where its line starts (a header line holds none),
    the minutes' own span (blocked as no measurement), what is claimed, and the fact's span."""

    code: str
    minutes: int
    line_at: int
    digits: tuple[int, int]
    claimed: tuple[int, int]
    span: tuple[int, int]
    code_at: tuple[int, int] | None = None
    """The code closing the line ("MLD 25 min ...... 97140"), free and claimed with the minutes."""
    blocks: bool = True
    """False for a clock range ("1405-1420"): its numbers are times, taken but not blocked."""

    @classmethod
    def at(cls, code: str, minutes: int, line_at: int, start: int, end: int) -> _Minutes:
        """Minutes whose digits are all the reader claims and all the fact spans."""
        return cls(code, minutes, line_at, (start, end), (start, end), (start, end))

    @classmethod
    def closing(
        cls, code: str, minutes: int, digits: tuple[int, int], end: int, start: int | None = None
    ) -> _Minutes:
        """Minutes whose reading runs on to `end` (the code or the aside that names their
        service); the fact spans from `start` when the sentence names the service before them."""
        first = digits[0] if start is None else start
        return cls(code, minutes, digits[0], digits, (digits[0], end), (first, end))


def _taken(scanner: Scanner, found: Iterable[_Minutes]) -> list[Fact]:
    """The services of the minutes found that no header line holds and nothing took before;
    each is claimed and its minutes blocked, so no later reader takes them again."""
    facts = []
    for said in found:
        if scanner.in_header(said.line_at) or not scanner.free(*said.digits):
            continue
        if said.code_at is not None and not scanner.free(*said.code_at):
            continue
        scanner.claim(*said.claimed)
        if said.code_at is not None:
            scanner.claim(*said.code_at)
        if said.blocks:
            scanner.block(*said.digits)
        facts.append(service_at(scanner, said.code, said.minutes, *said.span))
    return facts
