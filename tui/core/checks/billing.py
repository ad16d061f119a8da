"""Reading the billing side of a note: services with minutes, stated totals, billed codes.

Minutes belong to a service only when the text ties them to it ("ther ex 26 min", "manual
therapy ..., about fifteen minutes", "20 minutes of gait training"); minutes after an exercise
inside a list ("ther ex: bike 10 min, ...") are a dose and are left alone.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from tui.core.checks.facts import Fact
from tui.core.checks.lexicon import NUM, ServiceMatcher, service_matcher, words_pattern
from tui.core.checks.numbers import to_number
from tui.core.checks.scan import Scanner
from tui.core.checks.tables import billing_tables

_CODE = r"(?:9\d{4}|G\d{4})"
_FILLER_WORD = (
    rf"\(?\s*{_CODE}\s*\)?|x|for|about|approx\.?|approximately|~|around|roughly|total(?:ing|led)?"
    r"|maybe|probably|like|another|just|over|only"
    r"|of|was|were|done|performed|did|time|x\s*\d+\s*units?|\d+\s*units?|units?|we|I|pt|then"
    r"|\d+(?:\.\d+)?\s*(?:MHz|W/cm2?|W|Hz|pps|mA|%)(?![A-Za-z])"
)
_FILLER = re.compile(rf"[\s:=\-,().]*(?:(?:{_FILLER_WORD})[\s:=\-,().]*)*", re.IGNORECASE)
_SEPARATOR = re.compile(r"[,;()]")
_WORDS = re.compile(r"[A-Za-z][A-Za-z'/\-]*")
_BEFORE_NAME = re.compile(rf"[ \t]*(?:(of|on|doing|in)[ \t]+|(,)[ \t]*(?={_CODE}))?", re.IGNORECASE)
# "Manual therapy: PROM all planes, grade I-II oscillations - 20 minutes." The minutes close
# the line that the service name opens.
_LINE_OPENING = re.compile(r"(?:^|\n)[ \t]*(?:[-*\u2022][ \t]*)?$")
_TRAILING_MINUTES = re.compile(r"[ \t]*(?:-|\u2013|\u2014|:|=)[ \t]*$")
_CLAUSE_OPENING = re.compile(
    r"(?:^|[\n,;:(])[ \t]*(?:[-*\u2022][ \t]*)?(?:(?:then|and|did|we|I|also|plus)[ \t]+)*$",
    re.IGNORECASE,
)

# Minutes, including the prime some clinicians write for them ("TherEx 25'"). A prime after a
# number too large for one service's minutes is feet ("amb 150'"), and so is one after a walk.
_MINUTES = re.compile(
    rf"(?<![A-Za-z0-9.])({NUM})\s*(?:(?:min(?:ute)?s?|mins)\b|(')(?![\d'A-Za-z]))", re.IGNORECASE
)
_MAX_PRIME_MINUTES = 90
_DISTANCE_BEFORE = re.compile(r"\b(?:amb\w*|walk\w*|distance|gait)\W*$", re.IGNORECASE)
# Minutes followed by a frequency are a home dose ("scar massage 5 min 2x/day"), not a service.
_HOME_DOSE = re.compile(
    r"\s*,?\s*(?:x\s*)?(?:\d+\s*x?\s*(?:/|per|a|times\s+a)\s*(?:day|d|wk|week)\b|daily\b|a day\b"
    r"|per day\b|each day\b)",
    re.IGNORECASE,
)
_HOME_LINE = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]*)?(?:HEP|home (?:exercise )?program|home exercises)\b[^\n]*",
    re.IGNORECASE | re.MULTILINE,
)

_TOTAL_VALUE = (
    r"\s*(?:[:=\-|]|was|is|of|were)?\s*(\d{1,3})(?!\d|\.\d)(?:\s*(?:min(?:ute)?s?\b|mins\b|'))?"
)
TOTAL_TIMED = re.compile(
    r"\b(?:total\s+timed|timed)(?:\s+(?:code|codes|treatment|tx|service|services))*"
    r"(?:\s+(?:minutes|mins?|time|total))*\b" + _TOTAL_VALUE,
    re.IGNORECASE,
)
TOTAL_TREATMENT = re.compile(
    r"\b(?:total\s+(?:treatment|tx|session|visit|therapy|service|face[- ]to[- ]face)"
    r"(?:\s+(?:time|minutes|mins?))?|(?<![A-Za-z] )(?<![A-Za-z])total(?:\s+(?:time|minutes|mins?))?"
    r"(?=\s*[:=|]|\s+\d)"
    r"|treatment\s+(?:time|minutes|mins|total)|tx\s+time|session\s+(?:length|duration|time))\b"
    + _TOTAL_VALUE,
    re.IGNORECASE,
)
# A billing line: the keyword opens a line or a sentence ("Billed: ...", "Billing 97110 x1",
# "**CPT** = ..."), never "97014 billed as G0283" inside a sentence.
_BILLING_WORD = (
    r"(?:billed|billing(?:\s+codes?(?:\s+(?:are|is))?|\s+is)?|bill|charges?|charged"
    r"|codes?\s+billed|units?\s+billed)"
)
# Within a line (after a full stop or a semicolon) only a billing word opens the billing: a
# table's "CPT" or "Units" column (a row reads "Ther ex 24 min; CPT 97110; ...") names the
# service's code, it bills nothing.
BILLED_START = re.compile(
    rf"(?:^[ \t]*(?:[-*\u2022]|\[[ xX]\])?[ \t]*(?:\*\*)?(?:{_BILLING_WORD}|cpt(?:\s+codes?)?"
    rf"|units?)|(?<=[.;!?])\s+(?:\*\*)?{_BILLING_WORD})"
    r"(?:\*\*)?(?!\s+as\b)[ \t]*(?:\*\*)?[ \t]*[:=\-]?(?:\*\*)?",
    re.IGNORECASE | re.MULTILINE,
)
_COUNT = (
    r"(?:\s*(?:x|\*|times|@)\s*(\d{1,2})(?:\s*(?:units?|u))?\b"
    r"|\s*\(\s*(\d{1,2})\s*(?:units?|u)?\s*\)"
    r"|\s*[:\-=]?\s*(\d{1,2})\s*(?:units?|u)\b"
    r"|\s*[:\-=]\s*(\d)\b(?!\s*(?:min|minutes|')))"
)
_MODIFIERS = r"(?:\s*-?\s*(?:GP|GO|GN|59|KX|CQ|CO|X[EPSU]|76|77|95|GT)\b)*"
BILLED_ITEM = re.compile(
    rf"(?<![\w.])({_CODE}){_MODIFIERS}(?:\s*(\d{{1,3}})\s*(?:min(?:ute)?s?\b|mins\b|'))?"
    rf"(?:{_COUNT})?",
    re.IGNORECASE,
)
_NAMED_COUNT = re.compile(_COUNT, re.IGNORECASE)
# The rest of one billed item, up to the next code, clause or cell: "97530 x2 (30 min)",
# "97162 (eval, 40 min) x1", "97116 gait training ........ 16 min", "97018 x1 (10')".
_ITEM_REST = re.compile(
    rf"[^;|\n]*?(?=(?<![\w.]){_CODE}\b|[;|\n]|(?<![.\s])\.(?:\s|$)|$)", re.IGNORECASE
)
# Minutes in that rest: the only number of the rest but a unit count ("x2", "2 units").
_REST_MINUTES = re.compile(
    r"^(?P<before>[^\d]*?(?:\bx\s*\d{1,2}\b[^\d]*?)?)(?P<minutes>\d{1,3})\s*"
    r"(?:min(?:ute)?s?\b|mins\b|')(?P<after>[^\d]*?(?:\bx\s*(?P<count>\d{1,2})\b"
    r"|(?<![\w.])(?P<units>\d{1,2})\s*(?:units?|u)\b)?)[^\d]*$",
    re.IGNORECASE,
)
_ITEM_LINE = re.compile(rf"^[ \t]*[-*\u2022]?[ \t]*{_CODE}\b", re.MULTILINE)
_CODE_GROUP = re.compile(rf"{_CODE}{_MODIFIERS}\s*(?:[/+&]|and|,)\s*{_CODE}", re.IGNORECASE)
_GROUP_UNITS = re.compile(r"\b\d{1,2}\s*(?:total\s+)?units?\b|\btotal\b", re.IGNORECASE)


@dataclass(frozen=True)
class Billing:
    """What a note says about billing: services with minutes, stated totals, billed units.

    The offsets (`billed_at`, `timed_total_at`, `treatment_total_at`, `unreadable`) point into
    the text that was read, so a finding can name the line it rests on.
    """

    services: tuple[Fact, ...] = ()
    stated_timed_minutes: int | None = None
    stated_treatment_minutes: int | None = None
    billed: Mapping[str, int] = field(default_factory=dict)
    timed_codes: frozenset[str] = frozenset()
    billed_at: int | None = None
    timed_total_at: int | None = None
    treatment_total_at: int | None = None
    unreadable: tuple[int, ...] = ()

    def minutes_by_code(self, *, timed: bool) -> dict[str, int]:
        """Documented minutes per CPT code, timed or untimed codes only."""
        totals: dict[str, int] = {}
        for service in self.services:
            code = service.cpt or ""
            if (code in self.timed_codes) == timed and service.minutes is not None:
                totals[code] = totals.get(code, 0) + service.minutes
        return totals

    @property
    def timed_minutes_by_code(self) -> dict[str, int]:
        return self.minutes_by_code(timed=True)

    @property
    def untimed_minutes_by_code(self) -> dict[str, int]:
        return self.minutes_by_code(timed=False)

    @property
    def total_timed_minutes(self) -> int | None:
        """The stated total, else the sum of per-code timed minutes, else None."""
        if self.stated_timed_minutes is not None:
            return self.stated_timed_minutes
        per_code = self.timed_minutes_by_code
        return sum(per_code.values()) if per_code else None

    @property
    def total_treatment_minutes(self) -> int | None:
        return self.stated_treatment_minutes

    def to_json(self) -> dict[str, Any]:
        return {
            "services": [service.to_json() for service in self.services],
            "total_timed_minutes": self.total_timed_minutes,
            "total_treatment_minutes": self.total_treatment_minutes,
            "billed": dict(self.billed),
        }


@dataclass
class Totals:
    """The stated totals and where they are written (offsets into the text read)."""

    timed: int | None = None
    treatment: int | None = None
    timed_at: int | None = None
    treatment_at: int | None = None


@dataclass
class Billed:
    """Billed codes with units, where they are written, lines that could not be read, and
    minutes written on the billing line itself ("97110 15 min x1")."""

    units: dict[str, int] = field(default_factory=dict)
    uncounted: dict[str, int] = field(default_factory=dict)
    first_at: int | None = None
    unreadable: list[int] = field(default_factory=list)
    services: list[Fact] = field(default_factory=list)


@cache
def _dose_words() -> re.Pattern[str]:
    names = [re.escape(name).replace(r"\ ", r"[\s\-]*") for name in billing_tables().dose_words]
    return words_pattern(names)


def read_totals(scanner: Scanner) -> Totals:
    """The stated total timed minutes and total treatment time; their text is claimed."""
    totals = Totals()
    totals.timed, totals.timed_at = _first_total(scanner, TOTAL_TIMED)
    totals.treatment, totals.treatment_at = _first_total(scanner, TOTAL_TREATMENT)
    return totals


def _first_total(scanner: Scanner, pattern: re.Pattern[str]) -> tuple[int | None, int | None]:
    found: int | None = None
    where: int | None = None
    for match in pattern.finditer(scanner.text):
        if scanner.in_header(match.start()) or not scanner.free(match.start(1), match.end(1)):
            continue
        scanner.claim(match.start(), match.end())
        scanner.block(match.start(), match.end())
        if found is None:
            found, where = int(match.group(1)), scanner.span(match.start(), match.end())[0]
    return found, where


def read_billed(scanner: Scanner) -> Billed:
    """Billed codes with units, from billing lines (or "97110 x2" items when there is none).

    A billing line whose codes cannot each be given their own units ("97140/97110 x2",
    "Units: 3 total for 97110 + 97530") is not guessed at: its offset is listed as unreadable.
    """
    result = Billed()
    regions = _billed_regions(scanner)
    explicit_only = not regions
    if explicit_only:
        regions = [(0, len(scanner.text))]
    for start, end in regions:
        if not explicit_only and not _readable(scanner.text[start:end]):
            result.unreadable.append(scanner.span(start, end)[0])
            scanner.block(start, end)
            continue
        for item in BILLED_ITEM.finditer(scanner.text, start, end):
            _billed_item(scanner, item, result, explicit_only=explicit_only)
        if not explicit_only:
            _billed_by_name(scanner, start, end, result)
    for code, units in result.uncounted.items():
        result.units.setdefault(code, units)
    return result


def _billed_item(
    scanner: Scanner, item: re.Match[str], result: Billed, *, explicit_only: bool
) -> None:
    count = next((g for g in item.groups()[2:] if g), None)
    if (explicit_only and not count) or scanner.in_header(item.start()):
        return
    if not scanner.free(item.start(1), item.end(1)):
        return
    code = item.group(1).upper()
    minutes = int(item.group(2)) if item.group(2) else None
    end = item.end()
    if minutes is None and not explicit_only:
        minutes, count, end = _rest_of_item(scanner, item, count)
    if minutes is not None:
        result.services.append(
            Fact(
                kind="service",
                value=minutes,
                unit="min",
                cpt=code,
                minutes=minutes,
                label=billing_tables().name_of(code),
                span=scanner.span(item.start(), end),
            )
        )
    scanner.claim(item.start(), end)
    scanner.block(item.start(), end)
    if count is not None and int(count) == 0:  # "97110 x0": written, not billed
        return
    if count is None:
        # A code listed with no count ("Charges: 97116 gait training ... 16 min") bills one
        # unit unless a count for it is written elsewhere ("Units: 97116 x1").
        result.uncounted[code] = result.uncounted.get(code, 0) + 1
    else:
        result.units[code] = result.units.get(code, 0) + int(count)
    if result.first_at is None:
        result.first_at = scanner.span(item.start(), item.end())[0]


def _rest_of_item(
    scanner: Scanner, item: re.Match[str], count: str | None
) -> tuple[int | None, str | None, int]:
    """Minutes written in the rest of a billed item ("x2 (30 min)", "(eval, 40 min) x1",
    "gait training ....... 16 min"), a count written after them, and where the item ends."""
    rest = _ITEM_REST.match(scanner.text, item.end())
    if rest is None:
        return None, count, item.end()
    found = _REST_MINUTES.match(rest.group())
    if found is None or not scanner.free(item.end() + found.start("minutes"), rest.end()):
        return None, count, item.end()
    if count is not None and re.search(r"\bx\s*\d", found.group("before"), re.IGNORECASE):
        return None, count, item.end()
    return (
        int(found.group("minutes")),
        count or found.group("count") or found.group("units"),
        rest.end(),
    )


def _counted_after(region: str, item: re.Match[str]) -> bool:
    """The item's own count written after its name and minutes ("97110 TherEx .... 31 min ....
    2 units")."""
    rest = _ITEM_REST.match(region, item.end())
    found = _REST_MINUTES.match(rest.group()) if rest else None
    return bool(found and (found.group("count") or found.group("units")))


def _readable(region: str) -> bool:
    """False when units on a billing line belong to a group of codes, not to each code."""
    items = list(BILLED_ITEM.finditer(region))
    if not items:
        return True
    counted = [any(item.groups()[2:]) or _counted_after(region, item) for item in items]
    if all(counted):
        return True
    return not (_CODE_GROUP.search(region) and any(counted)) and not _GROUP_UNITS.search(region)


def _billed_by_name(scanner: Scanner, start: int, end: int, result: Billed) -> None:
    """ "Billed: TE x2, GT x1": service names with a unit count on a billing line."""
    matcher = service_matcher()
    for name in matcher.pattern.finditer(scanner.text, start, end):
        code = matcher.code(name.group())
        count = _NAMED_COUNT.match(scanner.text, name.end())
        if code is None or count is None or not scanner.free(name.start(), count.end()):
            continue
        units = int(next(g for g in count.groups() if g))
        if not units or code.startswith("@"):
            continue
        result.units[code] = result.units.get(code, 0) + units
        if result.first_at is None:
            result.first_at = scanner.span(name.start(), count.end())[0]
        scanner.claim(name.start(), count.end())
        scanner.block(name.start(), count.end())


def _billed_regions(scanner: Scanner) -> list[tuple[int, int]]:
    regions = []
    text = scanner.text
    for match in BILLED_START.finditer(text):
        if scanner.in_header(match.end() - 1) or not re.search(
            r"\d", text[match.end() : match.end() + 200]
        ):
            continue
        end = _extend_item_lines(text, scanner.sentence_after(match.end()))
        regions.append((match.end(), end))
    return regions


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


@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    code: str


def read_services(scanner: Scanner) -> list[Fact]:
    """Each named service with the minutes the text ties to it (never on a home-program line)."""
    scanner.block_all(_HOME_LINE)
    keyed = _keyed_minutes(scanner)
    matcher = service_matcher()
    names = _service_names(scanner, matcher)
    used: set[int] = set()
    facts = keyed + _minutes_before_names(scanner, names, used)
    covered = bytearray(len(scanner.text) + 1)
    for start, end in (fact.span for fact in facts):
        covered[start:end] = b"\x01" * (end - start)
    for index, name in enumerate(names):
        if covered[name.start]:
            continue
        fact = _minutes_after_name(scanner, names, index, used)
        if fact is not None:
            facts.append(fact)
    return sorted(facts, key=lambda fact: fact.span)


def _service_names(scanner: Scanner, matcher: ServiceMatcher) -> list[_Name]:
    names = []
    for match in matcher.finder.finditer(scanner.text):
        if not scanner.free(match.start(), match.end()):
            continue
        code = matcher.code(match.group())
        if code is not None:
            names.append(_Name(match.start(), match.end(), code))
    return names


# "Minutes: aquatic 38 (97113) | ther ex on land 10 (97110)": on a line keyed by minutes, a
# number with a code in brackets after it is that code's minutes.
_MINUTES_KEY = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]*)?(?:service |treatment |timed )?(?:minutes|mins?|time)[ \t]*:",
    re.IGNORECASE | re.MULTILINE,
)
_NUMBER_CODE = re.compile(rf"(?<![\w.])(\d{{1,3}})[ \t]*\([ \t]*({_CODE})[ \t]*\)")


def _keyed_minutes(scanner: Scanner) -> list[Fact]:
    """Minutes written as "38 (97113)" on a line keyed "Minutes:" (see `_MINUTES_KEY`)."""
    text = scanner.text
    facts = []
    for key in _MINUTES_KEY.finditer(text):
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
            facts.append(
                Fact(
                    kind="service",
                    value=minutes,
                    unit="min",
                    cpt=code,
                    minutes=minutes,
                    label=billing_tables().name_of(code),
                    span=scanner.span(item.start(), item.end()),
                )
            )
    return facts


def _minutes_before_names(scanner: Scanner, names: list[_Name], used: set[int]) -> list[Fact]:
    """ "20 minutes of gait training", "15 min ther ex"."""
    by_start = {name.start: name for name in names}
    facts = []
    for minutes in _minutes(scanner, 0, len(scanner.text)):
        if not scanner.free(minutes.start(), minutes.end()):
            continue
        gap = _BEFORE_NAME.match(scanner.text, minutes.end())
        name = by_start.get(gap.end()) if gap else None
        if name is None or gap is None:
            continue
        opening = scanner.text[max(0, minutes.start() - 40) : minutes.start()]
        if not (gap.group(1) or gap.group(2)) and not _CLAUSE_OPENING.search(opening):
            continue
        used.add(minutes.start())
        facts.append(_service_fact(scanner, name, minutes, minutes.start(), name.end))
    return facts


def _minutes_after_name(
    scanner: Scanner, names: list[_Name], index: int, used: set[int]
) -> Fact | None:
    name = names[index]
    limit = scanner.sentence_after(name.end)
    for later in itertools.islice(names, index + 1, None):
        if later.start >= limit:
            break
        if later.code != name.code:
            limit = later.start
            break
    for minutes in _minutes(scanner, name.end, limit):
        if minutes.start() in used or not scanner.free(minutes.start(), minutes.end()):
            return None
        gap = scanner.text[name.end : minutes.start()]
        if not (_ties_to_name(gap) or _closes_line(scanner, name, minutes, gap)):
            return None
        used.add(minutes.start())
        return _service_fact(scanner, name, minutes, name.start, minutes.end())
    return None


def _minutes(scanner: Scanner, start: int, end: int) -> Iterator[re.Match[str]]:
    """Minutes in a range of the text, leaving out feet written with a prime and home doses."""
    text = scanner.text
    for match in _MINUTES.finditer(text, start, end):
        if match.group(2) and (
            to_number(match.group(1)) > _MAX_PRIME_MINUTES
            or _DISTANCE_BEFORE.search(text, max(0, match.start() - 12), match.start())
        ):
            continue
        if _HOME_DOSE.match(text, match.end()):
            continue
        yield match


def _closes_line(scanner: Scanner, name: _Name, minutes: re.Match[str], gap: str) -> bool:
    """A service name opening a line and "- N minutes" closing it: the line's minutes."""
    text = scanner.text
    line_end = text.find("\n", minutes.end())
    rest = text[minutes.end() : len(text) if line_end < 0 else line_end]
    return (
        bool(_LINE_OPENING.search(text, max(0, name.start - 8), name.start))
        and bool(_TRAILING_MINUTES.search(gap))
        and (not rest.strip(" .;") or rest.lstrip().startswith(","))
        and "\n" not in gap
    )


def _ties_to_name(gap: str) -> bool:
    """True when the words between a service name and minutes leave them the service's."""
    if _FILLER.fullmatch(gap):
        return True
    separators = list(_SEPARATOR.finditer(gap))
    if separators and ";" in gap[: separators[-1].start()]:
        return False  # another clause (a table row's next cell) lies between
    if separators and _FILLER.fullmatch(gap[separators[-1].end() :]):
        return True
    return (
        len(gap) <= 40
        and ":" not in gap
        and " - " not in gap
        and not any(ch.isdigit() for ch in gap)
        and len(_WORDS.findall(gap)) <= 5
        and not _dose_words().search(gap)
    )


def _service_fact(
    scanner: Scanner, name: _Name, minutes: re.Match[str], start: int, end: int
) -> Fact:
    scanner.claim(minutes.start(), minutes.end())
    value = to_number(minutes.group(1))
    count = int(value)
    span = (start, end) if end - start <= 60 else (minutes.start(), minutes.end())
    return Fact(
        kind="service",
        value=count,
        unit="min",
        cpt=name.code,
        minutes=count,
        label=billing_tables().name_of(name.code),
        span=scanner.span(*span),
    )
