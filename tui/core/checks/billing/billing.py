"""Reading the billing side of a note: services with minutes, stated totals, billed codes.

Minutes belong to a service only when the text ties them to it ("ther ex 26 min", "manual
therapy ..., about fifteen minutes", "20 minutes of gait training"); minutes after an exercise
inside a list ("ther ex: bike 10 min, ...") are a dose and are left alone.
"""

from __future__ import annotations

import dataclasses
import heapq
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from tui.core.checks.billing.aside_names import aside_named_minutes, bracketed_minutes
from tui.core.checks.billing.billed_closing import billed_closing
from tui.core.checks.billing.billed_evaluations import aside_end, evaluation_code
from tui.core.checks.billing.charge_asides import closing_minutes, dose_in_bracket
from tui.core.checks.billing.clock import clock_ranges
from tui.core.checks.billing.code_clauses import code_led_minutes
from tui.core.checks.billing.coded_lines import coded_lines
from tui.core.checks.billing.column_charges import column_charges, headless_row
from tui.core.checks.billing.elided_minutes import elided_minutes
from tui.core.checks.billing.hl7_charges import hl7_charges
from tui.core.checks.billing.partial_lines import partly_counted, units_pointed_elsewhere
from tui.core.checks.billing.printed_minutes import printed_services
from tui.core.checks.billing.qualified_names import qualified_code
from tui.core.checks.billing.referred_minutes import referred_minutes
from tui.core.checks.billing.service_clocks import clocked_services
from tui.core.checks.billing.service_keys import keyed_lines
from tui.core.checks.billing.service_tables import table_totals
from tui.core.checks.billing.shorthand_minutes import glued_minutes, short_totals
from tui.core.checks.billing.stated_totals import value_first_totals
from tui.core.checks.billing.total_parts import total_parts
from tui.core.checks.billing.unread_units import BARE_COUNT, blank_count, units_outside
from tui.core.checks.facts import Fact
from tui.core.checks.measures.prime_minutes import primed_service_line, walked_before
from tui.core.checks.tables import billing_tables
from tui.core.checks.text.lexicon import (
    NUM,
    ServiceMatcher,
    digit_first,
    led,
    service_matcher,
    words_pattern,
)
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.spoken_marks import spoken_marks

_CODE = r"(?:9\d{4}|G\d{4})"
_FILLER_WORD = (
    r"\d{1,3}(?:[ \t]*\+[ \t]*\d{1,3})+[ \t]*="  # "12 + 13 = 25 min": parts of the minutes
    r"|(?:\d{1,3}[ \t]*(?:min(?:ute)?s?\b|mins\b|')?[ \t]*\+[ \t]*)+"  # "10 + 5 min": parts too
    rf"|\(?\s*{_CODE}\s*\)?|x|for|about|approx\.?|approximately|~|around|roughly|total(?:ing|led)?"
    r"|maybe|probably|like|another|just|over|only"
    r"|of|was|were|done|performed|did|time|x\s*\d+\s*units?(?:\s*/)?|\d+\s*units?(?:\s*/)?|units?"
    r"|we|I|pt|then"
    # a modality's setting: "US 1 MHz 1.5 W/cm2 x 8 min", "paraffin 52\u00b0C x 10 min"
    r"|\d+(?:\.\d+)?\s*(?:MHz|W/cm2?|W|Hz|pps|mA|%|\u00b0\s*[CF]|deg\s*[CF])(?![A-Za-z])"
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
    r"(?:^|[\n,;:(+])[ \t]*(?:[-*\u2022][ \t]*)?(?:(?:then|and|did|we|I|also|plus)[ \t]+)*$",
    re.IGNORECASE,
)

# Minutes, including the prime some clinicians write for them ("TherEx 25'"). A prime after a
# number too large for one service's minutes is feet ("amb 150'"), and so is one after a walk.
_MINUTES = re.compile(
    rf"(?:(?<![A-Za-z0-9.])|(?<=(?<![\w.])x))({NUM})\s*(?:(?:min(?:ute)?s?|mins)\b|(')(?![\d'A-Za-z]))",
    re.IGNORECASE,
)
_MAX_PRIME_MINUTES = 90
_DISTANCE_BEFORE = re.compile(r"\b(?:amb\w*|walk\w*|distance|gait)\W*$", re.IGNORECASE)
# Minutes followed by a frequency are a home dose ("scar massage 5 min 2x/day", "moist heat 10
# min PRN"), not a service.
_HOME_DOSE = re.compile(
    r"\s*,?\s*(?:x\s*)?(?:\d+\s*x?\s*(?:/|per|a|times\s+a)\s*(?:day|d|wk|week)\b|daily\b|a day\b"
    r"|per day\b|each day\b|PRN\b|as needed\b)",
    re.IGNORECASE,
)
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
    rf"(?![^\n]*(?<![\w.]){_CODE}(?!\d))[^\n]*",
    re.IGNORECASE | re.MULTILINE,
)

# An aside may stand between the key and its value ("Total treatment time (incl. untimed): 45").
# A number out of a whole ("total 17/28") is a score, not minutes; a number followed by a
# plural noun other than minutes counts those things ("timed: 5 buttons in 62 s").
# A number followed by another unit is what a test measured, not minutes ("timed 25-foot walk",
# "timed 10 meter walk", "timed 5 x sit to stand").
_OTHER_UNIT = (
    r"(?![ \t]*-?[ \t]*(?:foot|feet|ft|m|meters?|metres?|yards?|yds?|s|secs?|seconds?"
    r"|x|\u00d7|reps?|times|steps?|stairs?)\b)"
)
_TOTAL_VALUE = (
    # a template's dot leaders may stand before the colon ("Total timed minutes.......: 42")
    # "Timed :: 41 min": an export's double colon
    r"(?:[ \t]*\([^()\n\d]{1,30}\))?(?:[ \t]*\.{2,})?\s*(?:::|[:=\-|]|was|is|of|were)?\s*"
    r"(\d{1,3})(?!\d|\.\d|\s*/\s*\d)"
    + _OTHER_UNIT
    + r"(?:\s*(?:min(?:ute)?s?\b|mins\b|')|(?![ \t]+[A-Za-z]{2,}s\b))"
)
# Words may be joined by underscores, as in an EMR export's keys ("timed_total_min: 24").
# or run together in an export's camel case ("Billing.TotalTimedMinutes: 38").
TOTAL_TIMED = re.compile(
    # "tiempo cronometrado total": a Spanish note's timed total
    r"\b(?:total[\s_]*timed|timed|TCM|tiempo[\s_]+cronometrado(?:[\s_]+total)?)"
    r"(?:[\s_]*(?:code|codes|treatment|tx|service|services))*"
    r"(?:[\s_]*(?:minutes|mins?|time|total))*\b" + _TOTAL_VALUE,
    re.IGNORECASE,
)
TOTAL_TREATMENT = re.compile(
    # "totals treatment=39 min": an export's key ("totals.treatment_min=39") as normalised
    r"\b(?:totals?[\s_]*"
    r"(?:treatment|tx|rx|session|visit|therapy|service|face[- ]to[- ]face)"
    r"(?:[\s_]*(?:time|minutes|mins?))?"
    r"|tiempo[\s_]+total(?:[\s_]+de[\s_]+(?:tratamiento|sesi[o\u00f3]n|terapia))?"
    r"(?:[\s_]*(?:time|minutes|mins?))?"
    # "PFIQ-7 total 110", "LEFS total 42": a bare "total" after a questionnaire's name is its score
    r"|(?<![A-Za-z] )(?<![A-Za-z]-\d )(?<![A-Za-z]-\d\d )(?<![A-Za-z])total"
    r"(?:\s+(?:time|minutes|mins?))?"
    r"(?=\s*[:=|]|\s+\d)"
    r"|treatment[\s_]+(?:time|minutes|mins|duration)|(?:tx|rx)\s+(?:time|duration|minutes|mins?)"
    r"|session\s+(?:length|duration|time)"
    # "Session: 45 min": a bare "Session" key only with minutes ("Session: 4 of 12" counts visits)
    r"|session(?=[ \t]*:[ \t]*\d{1,3}[ \t]*(?:min|mins|minutes)\b)"
    # a line that opens with "Session" and its minutes ("Session 45 min."), nothing between
    r"|(?<![^\n])session(?=[ \t]+\d{1,3}[ \t]*(?:min|mins|minutes)\b)"
    r"|(?:treatment|tx|session|visit)[\s_]+total(?:[\s_]+(?:time|minutes|mins?))?|TTT)\b"
    + _TOTAL_VALUE
    # "Total 34 min timed": the value of a bare "Total" that a "timed" word follows is timed.
    + r"(?!\s*(?:min(?:ute)?s?\b|mins\b|')?[ \t]*timed\b)",
    re.IGNORECASE,
)
# "38 min, all timed" / "(all timed)" after a total treatment time.
_ALL_TIMED = re.compile(r"\s*[,;(]?\s*(?:all|entirely|100\s*%)\s+timed\b", re.IGNORECASE)

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
    # a heading that ends in its billing word ("TODAY'S TREATMENT / BILLING", "Interventions &
    # charges:"): the charges are the lines below it
    rf"|^[ \t]*[A-Za-z'][A-Za-z' ]{{0,40}}[ \t]*(?:/|&|\band\b)[ \t]*(?:billing|charges)"
    rf"(?=[ \t]*:?[ \t]*$))"
    r"(?:\*\*)?(?!\s+as\b)[ \t]*(?:\*\*)?[ \t]*(?:[:=\-]|\.(?=[ \t]))?(?:\*\*)?",
    re.IGNORECASE | re.MULTILINE,
)
# "97110 x 15 min" is the code's minutes, never 15 units.
_COUNT = (
    r"(?:\s*(?:x|\*|times|@|qty\.?|quantity|\#)\s*:?\s*(\d{1,2})(?:\s*(?:units?|u))?\b"
    r"(?![ \t]*(?:min(?:ute)?s?\b|mins\b|'))"
    r"|\s*\(\s*(\d{1,2})\s*(?:units?|u)?\s*\)"
    r"|\s*[:\-=]?\s*(\d{1,2})\s*(?:units?|u)\b"
    r"|\s*[:\-=]\s*(\d)\b(?![:.]\d|\s*(?:min|minutes|')))"
)
# Modifiers after a code, bare, after a dash or in brackets ("97110 [GP]", "97140 (59)").
_MODIFIERS = (
    r"(?:\s*-?\s*(?:GP|GO|GN|59|KX|CQ|CO|X[EPSU]|76|77|95|GT)\b"
    r"|\s*[\[(][ \t]*(?:GP|GO|GN|59|KX|CQ|CO|X[EPSU]|76|77|95|GT)"
    r"(?:[ \t]*[,/][ \t]*(?:GP|GO|GN|59|KX|CQ|CO|X[EPSU]|76|77|95|GT))*[ \t]*[\])])*"
)
BILLED_ITEM = re.compile(
    rf"(?<![\w.])({_CODE}){_MODIFIERS}(?:\s*(\d{{1,3}})\s*(?:min(?:ute)?s?\b|mins\b|'))?"
    rf"(?:{_COUNT})?",
    re.IGNORECASE,
)
_NAMED_COUNT = re.compile(_COUNT, re.IGNORECASE)
# A line listed under a "Billed:" heading: one that opens with a code, or a bullet or a
# service name whose code follows on the line ("- Gait training 97116 x 1 unit (14 min)").
_ITEM_LINE = re.compile(
    rf"^[ \t]*(?:(?:[-*\u2022]|\d{{1,2}}[.)])?[ \t]*{_CODE}\b"
    rf"|[-*\u2022][ \t]*[^\n]{{0,60}}?(?<![\w.]){_CODE}\b"
    rf"|[A-Za-z][^\n\d:.]{{0,40}}?(?<![\w.]){_CODE}\b(?={_MODIFIERS}[ \t]*(?:x|\u00d7)[ \t]*\d))",
    re.MULTILINE,
)
# One count for every code of the line ("1 unit each of 97110 and 97140", "97110, 97140: 1 each").
_EACH_UNITS = re.compile(
    r"(?<![\w.])(\d{1,2})[ \t]*(?:units?[ \t]+)?each\b(?![ \t]+(?:side|leg|arm|way)\b)",
    re.IGNORECASE,
)
_GROUP_UNITS = re.compile(r"\b\d{1,2}\s*(?:total\s+)?units?\b|\btotal\b", re.IGNORECASE)
# A code on a billing line, and what ends the text that belongs to it: its line, its sentence
# (a full stop that is not a leader "....."), a semicolon or a table cell.
# "2x97110": a count glued to the code is a count, not part of a word.
# Codes outside the therapy tables (strapping 29582, an orthosis L3807) are charges only with
# their units right after them: a bare five-digit number on a billing line may be anything.
_OTHER_CODE = r"(?:[0-8]\d{4}|[A-FH-V]\d{4})"
_COUNT_AHEAD = (
    r"(?=(?:\s*-?\s*[A-Z]{2}\b|\s*-?\s*\d{2}\b(?!\s*(?:units?|u)\b))*"
    r"(?:\s*(?:x|\u00d7|\*)\s*\d|\s*\(\s*\d{1,2}\s*(?:units?|u)?\s*\)|\s*\d{1,2}\s*(?:units?|u)\b))"
)
_CHARGE_CODE = re.compile(
    rf"(?:(?<![\w.])|(?<=\d[xX\u00d7]))({_CODE}|{_OTHER_CODE}(?!\d){_COUNT_AHEAD}){_MODIFIERS}(?!\d)",
    re.IGNORECASE,
)
_CODE_ANYWHERE = re.compile(rf"{_CODE}(?!\d)", re.IGNORECASE)
_SEGMENT_END = re.compile(r"\n|;|(?<![.\s])\.(?=\s|$)")
# The units of a row that names one code, in a cell or clause of their own ("97110 | Ther ex |
# 23 min | 2 units", a table row read as "CPT 97110 23 min; Service Ther ex; Units 2.").
_ROW_UNITS = re.compile(
    r"(?<![\w.])(\d{1,2})\s*(?:units?|u)\b"
    r"|\b(?:units?|qty|quantity)\b\.?\s*[:=]?\s*(\d{1,2})(?!\d|\.\d)",
    re.IGNORECASE,
)
_SEGMENT_COUNT = re.compile(
    r"(?<![\w])(?:x|\u00d7|times|qty\.?|quantity)\s*:?\s*(\d{1,2})(?!\d)(?!\s*(?:min|'))"
    r"|(?<![\w.])(\d{1,2})\s*(?:units?|u)\b|[(\[]\s*(\d{1,2})\s*(?:units?|u)?\s*[)\]]"
    # "CPT 97112 - units: 2": the units under their key after the code
    r"|\bunits?[ \t]*[:=][ \t]*(\d{1,2})(?![\d.:])(?![ \t]*(?:min|'))",
    re.IGNORECASE,
)
_COUNT_BEFORE = re.compile(
    # "(1) 97110, (1) 97112": the units in brackets before each code
    r"(?:(?<![\w.])\([ \t]*(\d{1,2})[ \t]*\)"
    r"|(?<![\w.])(\d{1,2})[ \t]*(?:x|\u00d7|units?|u))[ \t]*(?:of[ \t]+)?"
    # "2 units ther ex (97110)": the service's name may stand between the units and the code
    r"(?:[A-Za-z][A-Za-z .'/-]{0,30}?[ \t]*\(?[ \t]*)?(?:CPT[ \t]*)?$"
    # "ther ex x2 (97110)": the units after the service's name, its code in brackets
    r"|(?<![\w.])(?:x|\u00d7)[ \t]*([1-8])(?!\d)[ \t]*\([ \t]*(?:CPT[ \t]*)?$",
    re.IGNORECASE,
)
# "two units of therapeutic exercise": the count written right before a service's name.
_COUNT_BEFORE_NAME = re.compile(
    r"(?<![\w.])(\d{1,2})[ \t]*(?:x|\u00d7|units?|u)[ \t]*(?:of[ \t]+)?$", re.IGNORECASE
)
_UNITS_WORD = re.compile(r"(?<![A-Za-z])units?\b", re.IGNORECASE)
_COUNT_BEFORE_UNITS = re.compile(
    r"(?<![\d.])\d{1,2}[ \t]*(?:(?:total|timed|billable)[ \t]+)?$", re.IGNORECASE
)
_COUNT_AFTER_UNITS = re.compile(r"[ \t]*(?:[:=x\u00d7]|of)?[ \t]*\d")
_JOINER = re.compile(r"[\s,/+&\-\u2013]*(?:(?:and|or)[\s,/+&]*)?", re.IGNORECASE)


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
    unreadable_codes: frozenset[str] = frozenset()

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
        """The total timed minutes the note states (None when it states none: a sum of the
        per-code minutes is not what the note says, and TOTAL_TIME_MISSING says so)."""
        return self.stated_timed_minutes

    @property
    def documented_timed_minutes(self) -> int | None:
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
            "documented_timed_minutes": self.documented_timed_minutes,
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
    first_at: int | None = None
    unreadable: list[int] = field(default_factory=list)
    services: list[Fact] = field(default_factory=list)
    unreadable_codes: set[str] = field(default_factory=set)


@cache
def _dose_words() -> re.Pattern[str]:
    names = [re.escape(name).replace(r"\ ", r"[\s\-]*") for name in billing_tables().dose_words]
    return words_pattern(names)


def _dosed(words: str) -> bool:
    """True when the words name an exercise that minutes after them dose ("UBE", "bike")."""
    return _dose_words().search(words) is not None


def read_totals(scanner: Scanner) -> Totals:
    """The stated total timed minutes and total treatment time; their text is claimed. With
    no total treatment time, the session's time in and time out give it ("Time in 10:02,
    time out 10:40"), and a total said to be all timed ("38 min, all timed") is the timed
    total too."""
    totals = Totals()
    rows = table_totals(scanner.norm.original)
    timed, treatment = _paired_totals(scanner)
    timed = timed or _totals_found(scanner, TOTAL_TIMED) or _short_totals(scanner, timed=True)
    treatment = (
        treatment or _totals_found(scanner, TOTAL_TREATMENT) or _short_totals(scanner, timed=False)
    )
    in_rows = [t for t in treatment if any(r.timed and r.start <= t[1] < r.end for r in rows)]
    treatment = [t for t in treatment if t not in in_rows]
    timed = timed or in_rows  # a table's "Total" row of timed services is the timed total
    if not timed:  # a "Total timed" row whose label follows its minutes ("| 40 | Total timed |")
        timed = [(row.minutes, row.start, row.end) for row in rows if row.labelled_timed][:1]
    totals.timed, totals.timed_at, timed_end = timed[0] if timed else (None, None, 0)
    if not treatment and timed:
        treatment = _bare_total_after(scanner, timed_end)
    if not treatment:  # "| Total timed / treatment | 35 / 35 |"
        treatment = [(r.treatment, r.start, r.end) for r in rows if r.treatment is not None][:1]
    totals.treatment, totals.treatment_at, after = treatment[0] if treatment else (None, None, 0)
    _value_first(scanner, totals)
    if totals.treatment is None:
        totals.treatment, totals.treatment_at = _time_in_out(scanner)
    elif totals.timed is None and _ALL_TIMED.match(scanner.text, after):
        totals.timed, totals.timed_at = totals.treatment, totals.treatment_at
    return totals


_SUM_SIGN = re.compile(r"[=/][ \t]*$")

# Both totals under one key, the timed first ("Timed/total: 38/45 min", "Total timed /
# treatment 38 / 45", "timed/session 30/40").
_PAIRED_TOTALS = led(
    re.compile(
        r"(?:total[ \t]+)?timed(?:[ \t]+(?:minutes|mins?|time))?[ \t]*/[ \t]*(?:total[ \t]*)?"
        r"(?:treatment|tx|session|visit)?(?:[ \t]+(?:minutes|mins?|time))?[ \t]*(?:\(min\)[ \t]*)?"
        r"\)?[ \t]*[:=]?[ \t]*(\d{1,3})[ \t]*(?:min(?:ute)?s?\b|mins\b|')?[ \t]*/[ \t]*"
        r"(\d{1,3})(?![\d.:/])",
        re.IGNORECASE,
    ),
    "total",
    "timed",
)


def _paired_totals(
    scanner: Scanner,
) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """The first pair of totals written under one key; each is claimed."""
    for match in _PAIRED_TOTALS.finditer(scanner.text):
        if scanner.in_header(match.start()) or not scanner.free(match.start(1), match.end(2)):
            continue
        scanner.claim(match.start(), match.end())
        scanner.block(match.start(), match.end())
        at = scanner.span(match.start(), match.end())[0]
        return [(int(match.group(1)), at, match.end())], [(int(match.group(2)), at, match.end())]
    return [], []


@cache
def _bare_total() -> re.Pattern[str]:
    """A bare "total" right after the timed total, in the same list ("timed 40, total 40",
    "total timed 40 comma total 40", "timed 30 / total 45"): the session's total. The spoken
    marks for a comma or a semicolon may stand for the mark (data/spoken_marks.toml)."""
    said = [w for mark in (",", ";") for w in spoken_marks().marks.get(mark, ())]
    spoken = "|".join(r"\s+".join(map(re.escape, word.split())) for word in said) or "(?!)"
    return re.compile(
        rf"[ \t]*(?:min(?:ute)?s?\b|mins\b)?[ \t]*(?:[,;/]|\band\b|\b(?:{spoken})\b)[ \t]*"
        r"total[ \t]*(?:[:=][ \t]*)?(\d{1,3})(?![\d.:/])(?:[ \t]*(?:min(?:ute)?s?\b|mins\b))?",
        re.IGNORECASE,
    )


def _bare_total_after(scanner: Scanner, end: int) -> list[tuple[int, int, int]]:
    """The session's total written as a bare "total N" right after the timed total."""
    found = _bare_total().match(scanner.text, end)
    if found is None or not scanner.free(found.start(1), found.end(1)):
        return []
    scanner.claim(found.start(), found.end())
    scanner.block(found.start(), found.end())
    return [(int(found.group(1)), scanner.span(found.start(), found.end())[0], found.end())]


def _value_first(scanner: Scanner, totals: Totals) -> None:
    """Totals written value first ("38 min total timed", "= 37 total"), for what the keyed
    totals left unsaid; each is claimed. A total in a sentence that names a service before it
    ("Ther ex: 3 x 10 squats, 15 min total") is that service's time, unless it ends a sum."""
    for stated in value_first_totals(scanner.text):
        if scanner.in_header(stated.start) or not scanner.free(stated.start, stated.end):
            continue
        opening = scanner.sentence(stated.start)[0]
        summed = _SUM_SIGN.search(scanner.text, max(opening, stated.start - 4), stated.start)
        if (
            not stated.timed
            and not summed
            and _names_a_service(scanner.text, opening, stated.start)
        ):
            continue
        if stated.sum_start is not None and _named_just_before(scanner.text, stated.sum_start):
            continue  # "Ther ex 12 + 13 = 25 min": the service's minutes, summed
        scanner.claim(stated.start, stated.end)
        scanner.block(stated.start, stated.end)
        at = scanner.span(stated.start, stated.end)[0]
        if stated.timed and totals.timed is None:
            totals.timed, totals.timed_at = stated.minutes, at
        elif not stated.timed and totals.treatment is None:
            totals.treatment, totals.treatment_at = stated.minutes, at


def _names_a_service(text: str, start: int, end: int) -> bool:
    """True when a service is named in text[start:end]; a code written with its units is a
    charge ("97166 x1, 60 minutes total": the session's total after the charges), not one."""
    for name in service_matcher().pattern.finditer(text, start, end):
        charged = _WHOLE_CODE.fullmatch(name.group()) and _NAMED_COUNT.match(text, name.end(), end)
        if not charged:
            return True
    return False


_NAME_THEN_GAP = re.compile(r"[ \t:=\-]*$")
# "97110 x 15 min": a times sign may stand between a code and its minutes.
_CODE_THEN_GAP = re.compile(r"[ \t:=\-(]*(?:(?<![A-Za-z])[x\u00d7][ \t]*)?$")


def _named_just_before(text: str, at: int, gaps: re.Pattern[str] = _NAME_THEN_GAP) -> bool:
    """True when a service name ends right before `at` (only a colon or dash between)."""
    line_start = text.rfind("\n", 0, at) + 1
    gap = gaps.search(text, line_start, at)
    opening = at if gap is None else gap.start()
    return any(
        name.end() == opening
        for name in service_matcher().pattern.finditer(text, line_start, opening)
    )


# "\Z", not "$": minutes closing the line above ("Ther ex :: 20 min\nTimed :: 20") stand before
# no key.
_VALUE_BEFORE_KEY = re.compile(r"(?<![\w.:/])\d{1,3}[ \t]*(?:min(?:ute)?s?|mins|')[ \t]*\Z", re.I)


def _value_before_key(text: str, match: re.Match[str]) -> bool:
    """True when a bare "timed" follows minutes ("38 min timed"): the value is the one before
    it (read value first), not a number after ("Gait 18 min total timed 38" keeps its key)."""
    return match.group().lower().startswith("timed") and bool(
        _VALUE_BEFORE_KEY.search(text, max(0, match.start() - 12), match.start())
    )


def _totals_found(scanner: Scanner, pattern: re.Pattern[str]) -> list[tuple[int, int, int]]:
    """Every total the pattern finds: its value, where it is written in the original text, and
    where it ends in the text read; each is claimed."""
    found = []
    for match in pattern.finditer(scanner.text):
        if scanner.in_header(match.start()) or not scanner.free(match.start(1), match.end(1)):
            continue
        if _value_before_key(scanner.text, match):
            continue  # "38 min timed of 45 min session": the word's value is written before it
        scanner.claim(match.start(), match.end())
        scanner.block(match.start(), match.end())
        at = scanner.span(match.start(), match.end())[0]
        found.append((int(match.group(1)), at, match.end()))
    return found


def _short_totals(scanner: Scanner, *, timed: bool) -> list[tuple[int, int, int]]:
    """The session's totals written in shorthand ("tot timed 26m"), as `_totals_found` gives
    them; each is claimed."""
    found = []
    for total in short_totals(scanner.text):
        if total.timed != timed or scanner.in_header(total.start):
            continue
        if not scanner.free(*total.digits):
            continue
        scanner.claim(total.start, total.end)
        scanner.block(total.start, total.end)
        found.append((total.minutes, scanner.span(total.start, total.end)[0], total.end))
    return found


def _time_in_out(scanner: Scanner) -> tuple[int | None, int | None]:
    """Minutes between the session's clock times, when the note gives them (checks.clock):
    the first range a session word or a time in and out names, else the only range."""
    timed = {clocked.range for clocked in clocked_services(scanner.text)}
    found = [
        r for r in clock_ranges(scanner.text) if not scanner.in_header(r.start) and r not in timed
    ]
    keyed = [r for r in found if r.keyed]
    chosen = keyed[0] if keyed else (found[0] if len(found) == 1 else None)
    if chosen is None:
        return None, None
    return chosen.minutes, scanner.span(chosen.start, chosen.end)[0]


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
        _charged(scanner, _row_charges(scanner, result), result)
        for item in BILLED_ITEM.finditer(scanner.text):
            _billed_item(scanner, item, result)
        return result
    charges: list[_Charge] = []
    counted_anywhere = {
        charge.code
        for start, end in regions
        for charge in _charges(scanner, start, end) or ()
        if charge.count is not None
    }
    for start, end in regions:
        found = _charges(scanner, start, end)
        if found is None or _partly_read(scanner, found, start, end, counted_anywhere):
            _unreadable(scanner, start, end, result)
            continue
        for charge in found:
            for span in charge.spans:
                scanner.claim(*span)
                scanner.block(*span)
        charges += found
        if not found and _names_share_units(scanner, start, end):
            _unreadable(scanner, start, end, result)  # "Charges: ther ex and manual 3u"
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
            _unreadable(scanner, start, end, result)  # "Billed: ther ex and manual, 3 units"
            continue
        _bill_named(scanner, named, result)
    _charged(scanner, charges, result)
    return result


def _hl7(scanner: Scanner, result: Billed) -> None:
    """Charges of an HL7 message's transaction segments (checks.billing.hl7_charges)."""
    for charge in hl7_charges(scanner.text):
        if scanner.in_header(charge.start) or not scanner.free(charge.start, charge.end):
            continue
        if charge.units:
            _bill(scanner, result, charge.code, charge.units, charge.start, charge.end)
        scanner.claim(charge.start, charge.end)
        scanner.block(charge.start, charge.end)


def _column_charges(scanner: Scanner, result: Billed) -> None:
    """Charges in plain-text columns under a heading (checks.billing.column_charges): each row
    bills its units and gives its code its minutes; a row with no units cannot be read."""
    for row in column_charges(scanner.text):
        if scanner.in_header(row.start) or not scanner.free(row.start, row.end):
            continue
        if row.units is None:
            _unreadable(scanner, row.start, row.end, result)
            continue
        if row.minutes is not None:
            result.services.append(service_at(scanner, row.code, row.minutes, row.start, row.end))
        if row.units:
            _bill(scanner, result, row.code, row.units, row.start, row.end)
        scanner.claim(row.start, row.end)
        scanner.block(row.start, row.end)


def _bill(scanner: Scanner, result: Billed, code: str, units: int, start: int, end: int) -> None:
    """Add a code's units; the first billing read marks where the note bills."""
    result.units[code] = result.units.get(code, 0) + units
    if result.first_at is None:
        result.first_at = scanner.span(start, end)[0]


def _unreadable(scanner: Scanner, start: int, end: int, result: Billed) -> None:
    result.unreadable.append(scanner.span(*_first_line(scanner.text, start, end))[0])
    result.unreadable_codes.update(_codes_named(scanner, start, end))
    scanner.block(start, end)


def _codes_named(scanner: Scanner, start: int, end: int) -> set[str]:
    """The codes a billing region names, by code or by a service's name."""
    text = scanner.text
    codes = {item.group(1).upper() for item in _CHARGE_CODE.finditer(text, start, end)}
    matcher = service_matcher()
    for name in matcher.pattern.finditer(text, start, end):
        code = matcher.code(name.group())
        if code is not None and not code.startswith("@"):
            codes.add(code)
    return codes


def _partly_read(
    scanner: Scanner, found: list[_Charge], start: int, end: int, counted: set[str]
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
        if _WHOLE_CODE.fullmatch(name.group()) or not scanner.free(name.start(), name.end()):
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
            _NAMED_COUNT.match(text, after)
            or BARE_COUNT.match(text, after, end)
            or _no_charge().match(text, after, end)
            or _COUNT_BEFORE_NAME.search(text, max(start, name.start() - 16), name.start())
        ):
            continue
        bare.append(code)
    return bare


def _no_code_but_units(text: str, start: int, end: int) -> bool:
    """A billing line that counts units but names no code the units could be given to."""
    return _CHARGE_CODE.search(text, start, end) is None and bool(
        _ROW_UNITS.search(text, start, end)
    )


@dataclass(frozen=True)
class _Charge:
    """One code on a billing line with the units and minutes written after it."""

    code: str
    at: int
    count: int | None
    minutes: int | None
    spans: tuple[tuple[int, int], ...]
    joined: bool  # "97140/97110": written as a group with the next code
    end: int = 0  # where the code (with its modifiers) ends


def _charges(scanner: Scanner, start: int, end: int) -> list[_Charge] | None:
    """The codes of one billing region, each with what follows it up to the next code, the end
    of its line or sentence; None when units are written for a group of codes."""
    text = scanner.text
    codes = [
        item
        for item in _CHARGE_CODE.finditer(text, start, end)
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
        if charge.joined and nxt.count is not None:
            return None  # "97140/97110 x2": the units belong to the group
    if units_outside(text, start, end, (span for charge in charges for span in charge.spans)):
        return None  # "97110 / 97140 / units 3": one count for the codes before it
    if _GROUP_UNITS.search(text, start, codes[0].start() if codes else end):
        return None  # "Units: 3 total for 97110 + 97530"
    if _units_elsewhere(text, start, end):
        return None  # "97110, 97112 - units per flowsheet": the units are not on this line
    return charges


def _units_elsewhere(text: str, start: int, end: int) -> bool:
    """A billing line that speaks of units without counting any ("units per flowsheet", "see
    the charge sheet for units", "units: TBD") says its codes' units are written elsewhere:
    none of them is read as one unit."""
    for word in _UNITS_WORD.finditer(text, start, end):
        counted = _COUNT_BEFORE_UNITS.search(text, max(start, word.start() - 12), word.start())
        if counted is None and not _COUNT_AFTER_UNITS.match(text, word.end(), end):
            return True
    return False


def _row_charges(scanner: Scanner, result: Billed) -> list[_Charge]:
    """With no billing line, the rows that name one code and its units ("97110 | Therapeutic
    exercise | 23 min | 2 units"): the note's charges, written as a list or an export. A row
    of cells with no heading gives its bare numbers as units and minutes only when they agree
    (checks.billing.column_charges.headless_row); otherwise it cannot be read, and says so."""
    text = scanner.text
    by_line: dict[tuple[int, int], list[re.Match[str]]] = {}
    for item in _CHARGE_CODE.finditer(text):
        if not scanner.in_header(item.start()) and scanner.free(item.start(1), item.end(1)):
            by_line.setdefault(scanner.line(item.start()), []).append(item)
    charges: list[_Charge] = []
    for (_, line_end), items in by_line.items():
        if len(items) != 1:
            continue
        item = items[0]
        units = (
            _NAMED_COUNT.match(text, item.end(), line_end)
            or _ROW_UNITS.search(text, item.end(), line_end)
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
    scanner: Scanner, item: re.Match[str], line_end: int, charges: list[_Charge], result: Billed
) -> None:
    line_start = scanner.line(item.start())[0]
    numbers = headless_row(scanner.text[line_start:line_end])
    if numbers is None:
        return
    if not numbers.readable:
        _unreadable(scanner, line_start, line_end, result)
        return
    span = (line_start, line_end)
    code = item.group(1).upper()
    charges.append(
        _Charge(code, item.start(), numbers.units, numbers.minutes, (span,), False, item.end())
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
    found = list(_ROW_UNITS.finditer(scanner.text, line_start, item.start()))
    return found[-1] if len(found) == 1 else None


def _count_before(text: str, start: int, item: re.Match[str]) -> re.Match[str] | None:
    """Units written before their code ("2x 97110", "1 unit 97140")."""
    return _COUNT_BEFORE.search(text, max(start, item.start() - 48), item.start())


def _counted_before(charge: _Charge, count: re.Match[str]) -> _Charge:
    return dataclasses.replace(
        charge,
        count=int(next(g for g in count.groups() if g)),
        spans=(*charge.spans, (count.start(), count.end())),
        joined=False,
    )


@cache
def _no_charge() -> re.Pattern[str]:
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


def _aliases_merged(charges: list[_Charge]) -> list[_Charge]:
    """One service written under both of its codes side by side ("97014 billed as G0283 x1")
    is one charge: the code without units gives way to the one with them (to the second when
    neither has units), and its minutes go with it. Both with units are two charges."""
    aliases = billing_tables().code_aliases
    merged: list[_Charge] = []
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
) -> _Charge:
    """One code with the units and minutes written after it; `row_end`, for a code alone on
    its line, lets units in a later cell or clause of the row count ("...; Units 2.")."""
    text = scanner.text
    spans = [(item.start(), item.end())]
    count_match = _NAMED_COUNT.match(text, item.end(), end) or _SEGMENT_COUNT.search(
        text, item.end(), end
    )
    if count_match is None:
        count_match = BARE_COUNT.match(text, item.end(), end)
    if count_match is None and row_end is not None:
        count_match = (
            _ROW_UNITS.search(text, end, row_end)
            or _units_before_in_row(scanner, item)
            or _units_on_next_line(text, item.end(), row_end)
        )
    count = None
    if count_match is not None:
        count_match = _corrected(text, count_match, end)
        count = int(next(g for g in count_match.groups() if g))
        spans.append((count_match.start(), count_match.end()))
    elif (free := _no_charge().match(text, item.end(), end)) is not None:
        count = 0  # "97010 n/c": listed, charged nothing
        spans.append((free.start(), free.end()))
    minutes = None
    for found in _MINUTES.finditer(text, item.end(), end):
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
    joined = same_line and count is None and bool(_JOINER.fullmatch(text, item.end(), end))
    return _Charge(
        item.group(1).upper(), item.start(), count, minutes, tuple(spans), joined, item.end()
    )


def _another_service(text: str, start: int, end: int, code: str) -> bool:
    """True when text[start:end] names, in words, a service that is not billed under `code`
    (an evaluation's name, or a name also billed as the code, "scar massage" under 97140, is
    the code's own)."""
    matcher = service_matcher()
    for name in matcher.pattern.finditer(text, start, end):
        named = matcher.code(name.group())
        if named is None or named.startswith("@") or _WHOLE_CODE.fullmatch(name.group()):
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
        m for m in _MINUTES.finditer(scanner.text, start, end) if scanner.free(m.start(1), m.end(1))
    ]
    return found[0] if len(found) == 1 else None


def _corrected(text: str, count: re.Match[str], end: int) -> re.Match[str]:
    """The units a correction right after a code's units puts in their place ("97110 x3 -
    corrected to x2"), else the units written."""
    said = _correction().match(text, count.end(), end)
    if said is None:
        return count
    again = _SEGMENT_COUNT.match(text, said.end(), end) or _NAMED_COUNT.match(text, said.end(), end)
    return count if again is None else again


def _charged(scanner: Scanner, charges: list[_Charge], result: Billed) -> None:
    """Units and minutes of the charges read: a code's written units count; a code with no
    units anywhere on the billing lines bills one unit for each time it is charged."""
    counted = {charge.code for charge in charges if charge.count is not None}
    for charge in charges:
        if charge.minutes is not None:
            result.services.append(_charge_service(scanner, charge))
        units = charge.count if charge.count is not None else 0 if charge.code in counted else 1
        if not units:
            continue
        _bill(scanner, result, charge.code, units, charge.at, charge.at + len(charge.code))


def _charge_service(scanner: Scanner, charge: _Charge) -> Fact:
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


def _billed_item(scanner: Scanner, item: re.Match[str], result: Billed) -> None:
    """A "97110 x2" item written outside any billing line: billed only with its units."""
    count = next((g for g in item.groups()[2:] if g), None)
    if not count or scanner.in_header(item.start()):
        return
    if not scanner.free(item.start(1), item.end(1)):
        return
    code = item.group(1).upper()
    end = item.end()
    after = None if item.group(2) else closing_minutes(scanner.text, end, _dosed)
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
    _bill(scanner, result, code, int(count or 1), item.start(), item.end())


def billed_instead(services: list[Fact], billed: Mapping[str, int]) -> list[Fact]:
    """A service whose name reads as a code the note does not bill, when the note bills the one
    other code that service is also billed under ("scar massage" billed as 97140): the minutes
    belong to the code billed."""
    others = billing_tables().billed_instead
    followed = []
    for fact in services:
        code = fact.cpt or ""
        candidates = [other for other in others.get(code, ()) if other in billed]
        if code not in billed and len(candidates) == 1:
            fact = dataclasses.replace(
                fact, cpt=candidates[0], label=billing_tables().name_of(candidates[0])
            )
        followed.append(fact)
    return followed


def reconciled(charged: list[Fact], written: list[Fact], billed: Mapping[str, int]) -> list[Fact]:
    """The services of a note whose billing lines give minutes ("97140 x1 (12')"): the billing
    line says which code the minutes went to, so it wins over the text's reading of the same
    code, and over a service of a code not billed whose minutes are those of a charged code
    (the text named the same service otherwise: "Manual: scar massage ..., 12 min")."""
    charged = _line_totals_dropped(charged, written)
    if not charged:
        return written
    codes = {fact.cpt for fact in charged}
    minutes = {fact.minutes for fact in charged}
    kept = [
        fact
        for fact in written
        if fact.cpt not in codes and (fact.cpt in billed or fact.minutes not in minutes)
    ]
    return sorted([*charged, *kept], key=lambda fact: fact.span)


def _line_totals_dropped(charged: list[Fact], written: list[Fact]) -> list[Fact]:
    """A billing line's one minutes value that is the sum of the services the text gives for
    two codes or more ("97761 x3, 97110 x1 (46 min)" after 38 and 8 minutes written above) is
    the line's total, not the minutes of the code it follows."""
    if len(charged) != 1:
        return charged
    by_code: Counter[str] = Counter()
    for fact in written:
        by_code[fact.cpt or ""] += fact.minutes or 0
    if len(by_code) >= 2 and charged[0].minutes == sum(by_code.values()):
        return []
    return charged


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
        if code is None or _WHOLE_CODE.fullmatch(name.group()):
            continue
        after = name.end()
        if code.startswith("@"):
            after = aside_end(text, after)  # "PT eval (moderate complexity) x1"
        count = (
            _NAMED_COUNT.match(text, after)
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
        _bill(scanner, result, charge.code, charge.units, charge.first, charge.last)


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
        joined = _JOINER.fullmatch(text, first.end(), second.start())
        if (
            joined is not None
            and first.end() < second.start()
            and matcher.code(first.group()) != matcher.code(second.group())
            and _NAMED_COUNT.match(text, first.end()) is None
            and _NAMED_COUNT.match(text, second.end()) is not None
        ):
            return True
    return False


_UNITS_KEY = re.compile(r"[ \t]*(?:[-*\u2022][ \t]*)?units?[ \t]*[:=]", re.IGNORECASE)
_CODE_ENDS_LINE = re.compile(rf"(?<![\w.]){_CODE}{_MODIFIERS}[ \t.,;:]*$", re.IGNORECASE)


def _code_line_above(scanner: Scanner, match: re.Match[str], end: int) -> int:
    """Where a billing region starts: after its billing word, or, for a "Units: 2" line that
    names no code, at the line above when that line ends with the code ("Procedure: 97110")."""
    text = scanner.text
    line_start = scanner.line(match.start())[0]
    if (
        line_start == 0
        or not _UNITS_KEY.match(text, line_start)
        or _CHARGE_CODE.search(text, match.end(), end)
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
        and not _WHOLE_CODE.fullmatch(name.group())
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
        end = _extend_item_lines(text, scanner.sentence_after(match.end()))
        regions.append((_code_line_above(scanner, match, end), end))
    return regions


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


@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    code: str


def read_services(scanner: Scanner) -> list[Fact]:
    """Each named service with the minutes the text ties to it (never on a home-program line)."""
    scanner.block_all(_HOME_LINE)
    matcher = service_matcher()
    keyed = (
        _code_clauses(scanner)
        + _minutes_keyed_by_code(scanner)
        + _keyed_minutes(scanner, matcher)
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
    _block_glued_minutes(scanner)
    return sorted(facts, key=lambda fact: fact.span)


_MINUTES_KEY = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]*)?(?:service |treatment |timed )?(?:minutes|mins?|time)[ \t]*:",
    re.IGNORECASE | re.MULTILINE,
)
# After minutes, a code in brackets or after a dash ("12 min - 97116", "14 min (97112)") or
# named as the CPT of the next clause ("26 min; CPT 97110", a table row read as a sentence),
# never a code with minutes of its own ("25 min; 97112 - 10 min").
_MINUTES_THEN_CODE = digit_first(
    re.compile(
        rf"(?<![\w.])(\d{{1,3}})[ \t]*(min(?:ute)?s?\b|mins\b|')[ \t]*"
        rf"(?:(?:[(\-\u2013\u2014:][ \t]*)?\(?|[;,][ \t]*CPT[ \t]*(?:code)?[ \t]*:?)[ \t]*"
        rf"({_CODE})(?!\d)(?![ \t]*[-:=(]?[ \t]*\d{{1,3}}[ \t]*(?:min|'))",
        re.IGNORECASE,
    )
)
_NUMBER_CODE = re.compile(rf"(?<![\w.])(\d{{1,3}})[ \t]*\([ \t]*({_CODE})[ \t]*\)")


def _minutes_keyed_by_code(scanner: Scanner) -> list[Fact]:
    """Minutes written as "38 (97113)" or after a service name with no unit ("ther ex 25,
    ther act 8") on a line keyed "Minutes:" (see `_MINUTES_KEY`): the key says the numbers
    are minutes."""
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
            facts.append(service_at(scanner, code, minutes, item.start(), item.end()))
        facts += _bare_minutes_after_names(scanner, key.end(), line_end)
    return facts


# A bare number right after a service name on a "Minutes:" line, closing its clause.
_BARE_MINUTES = re.compile(
    r"[ \t]*[:=\-]?[ \t]*(\d{1,3})(?![\d:/])(?!\.\d)(?=[ \t]*(?:[,;.|]|$))", re.MULTILINE
)


_WHOLE_CODE = re.compile(_CODE, re.IGNORECASE)


def _bare_minutes_after_names(scanner: Scanner, start: int, end: int) -> list[Fact]:
    matcher = service_matcher()
    text = scanner.text
    facts = []
    for name in matcher.pattern.finditer(text, start, end):
        if _WHOLE_CODE.fullmatch(name.group()):
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
    for clause in code_led_minutes(scanner.text, lambda words: bool(_dose_words().search(words))):
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
            if code is not None and not _WHOLE_CODE.fullmatch(name.group()):
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
        and not _WHOLE_CODE.fullmatch(name.group())
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
        if name is None or _WHOLE_CODE.fullmatch(name.group()):
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

    said = aside_named_minutes(text, names, names_in, _dosed) + bracketed_minutes(text, code_of)
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
    minutes (checks.billing.service_keys)."""
    return _taken(
        scanner,
        (
            _Minutes.at(line.code, line.minutes, line.start, line.minutes_start, line.minutes_end)
            for line in keyed_lines(scanner.text)
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
            for line in coded_lines(scanner.text, lambda words: bool(_dose_words().search(words)))
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
    for item in _MINUTES_THEN_CODE.finditer(text):
        start = item.start(1)
        if scanner.in_header(item.start()) or not scanner.free(start, item.end()):
            continue
        if _NAMED_COUNT.match(text, item.end()):
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


def service_at(scanner: Scanner, code: str, minutes: int, start: int, end: int) -> Fact:
    """A service's minutes under its code, read from the text at [start, end)."""
    return Fact(
        kind="service",
        value=minutes,
        unit="min",
        cpt=code,
        minutes=minutes,
        label=billing_tables().name_of(code),
        span=scanner.span(start, end),
    )


# A name after a word of time says when, not what: in "Eval 40 min; NMR after eval 12 min" the
# 12 minutes are the re-education's, the evaluation (named with its own time elsewhere) only
# when it was done.
_WHEN_BEFORE = re.compile(r"\b(?:after|before|following|post|prior[ \t]+to)[ \t]+$", re.IGNORECASE)


def _service_names(scanner: Scanner, matcher: ServiceMatcher) -> list[_Name]:
    """Each service name the text writes, but a service named again after a word of time
    ("after eval") where the note names it in words elsewhere too."""
    names: list[_Name] = []
    when: list[_Name] = []
    for match in matcher.finder.finditer(scanner.text):
        if not scanner.free(match.start(), match.end()):
            continue
        code = matcher.code(match.group())
        if code is None:
            continue
        name = _Name(match.start(), match.end(), qualified_code(scanner.text, match.start(), code))
        timed = _WHEN_BEFORE.search(scanner.text, max(0, name.start - 12), name.start)
        (when if timed else names).append(name)
    text = scanner.text
    worded = {n.code for n in names if not _WHOLE_CODE.fullmatch(text, n.start, n.end)}
    names += [name for name in when if name.code not in worded]
    return sorted(names, key=lambda name: name.start)


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
        if gap.group(2) and _in_code_run(scanner.text, minutes, name):
            continue
        used.add(minutes.start())
        facts.append(_service_fact(scanner, name, minutes, minutes.start(), name.end))
    return facts


# In a run of codes each followed by its minutes ("Time: 97110 26 min, 97112 13 min", "97110
# TherEx 15', 97116 gait 10'"), minutes right after a code or a service's name are its, and a
# code with minutes right after it has its own.
_OWN_MINUTES = re.compile(
    r"[ \t]*[:=\-(x\u00d7]?[ \t]*\d{1,3}[ \t]*(?:min(?:ute)?s?\b|mins\b|')", re.IGNORECASE
)


def _in_code_run(text: str, minutes: re.Match[str], name: _Name) -> bool:
    """True when minutes written before ", CODE" belong to the code or name right before them,
    or the code after them has its own: a list of charges, not minutes then their code."""
    return (
        _named_just_before(text, minutes.start(), _CODE_THEN_GAP)
        or _OWN_MINUTES.match(text, name.end) is not None
    )


# Words after minutes in the same table cell: the cell is a heading ("3 min recovery").
_CELL_GOES_ON = re.compile(r"[ \t]*[A-Za-z]")


def _minutes_after_name(
    scanner: Scanner, names: list[_Name], index: int, used: set[int]
) -> Fact | None:
    name = names[index]
    if index and _joined_to(scanner.text, names[index - 1], name):
        return None  # "Ther ex and manual, that took 20 minutes": the two shared them
    limit = scanner.sentence_after(name.end)
    for later in itertools.islice(names, index + 1, None):
        if later.start >= limit:
            break
        if _in_aside(scanner.text, name.end, later.start):
            continue  # "Ther ex (continued after manual) 9 min": the aside names no service given
        if later.code != name.code:
            limit = later.start
            break
    for minutes in _minutes(scanner, name.end, limit):
        if minutes.start() in used or not scanner.free(minutes.start(), minutes.end()):
            return None
        gap = scanner.text[name.end : minutes.start()]
        if _ASIDE_CLOSES.match(gap) and _ASIDE_OPENS.search(
            scanner.text, max(0, name.start - 16), name.start
        ):
            return None  # "MLD 30 min (manual therapy), bandaging 15 min": the name is an aside
        if not (_ties_to_name(gap) or _closes_line(scanner, name, minutes, gap)):
            return None
        if "|" in gap and _CELL_GOES_ON.match(scanner.text, minutes.end()):
            return None  # "peak (gait) | 3 min recovery": a grid's headings, no service's time
        used.add(minutes.start())
        fact = _service_fact(scanner, name, minutes, name.start, minutes.end())
        return _with_parts(scanner, fact, gap, minutes.end())
    return _minutes_below(scanner, name, used)


# A name closing its line (an aside or a colon at most after it), and minutes opening the next
# line alone or before a place or a manner ("gait training\n12 min on stairs"), never before an
# exercise ("Ther ex:\n10 min bike" is the bike's dose).
_NAME_ENDS_LINE = re.compile(r"[ \t]*(?:\([^()\n]{0,80}\))?[ \t]*:?[ \t]*\n")
_MINUTES_OPEN_LINE = re.compile(
    r"[ \t]*(?:[-\u2013][ \t]*)?(\d{1,3})[ \t]*(?:min(?:ute)?s?\b|mins\b)\.?"
    r"(?=[ \t]*(?:$|(?:on|in|at|with|of|over|across|around)\b))",
    re.IGNORECASE | re.MULTILINE,
)


def _minutes_below(scanner: Scanner, name: _Name, used: set[int]) -> Fact | None:
    """ "Gait training (stairs, curbs):" then "22 min" on the next line: the name's minutes."""
    text = scanner.text
    closes = _NAME_ENDS_LINE.match(text, name.end)
    if closes is None:
        return None
    below = _MINUTES_OPEN_LINE.match(text, closes.end())
    if below is None or below.start(1) in used or not scanner.free(below.start(1), below.end()):
        return None
    used.add(below.start(1))
    scanner.claim(below.start(1), below.end())
    minutes = int(below.group(1))
    return Fact(
        kind="service",
        value=minutes,
        unit="min",
        cpt=name.code,
        minutes=minutes,
        label=billing_tables().name_of(name.code),
        span=scanner.span(name.start, below.end()),
    )


_JOINED = re.compile(r"[ \t]*(?:and|&|\+|/|plus)[ \t]*", re.IGNORECASE)


def _joined_to(text: str, before: _Name, name: _Name) -> bool:
    """True when another service's name is joined to this one ("ther ex and manual")."""
    return before.code != name.code and _JOINED.fullmatch(text, before.end, name.start) is not None


_ASIDE_RIGHT_AFTER = re.compile(r"[ \t]*\([^()\n\d]*$")


def _in_aside(text: str, after: int, at: int) -> bool:
    """True when `at` lies inside a bracket of words opened right after a service's name."""
    return _ASIDE_RIGHT_AFTER.match(text, after, at) is not None


# "Ther ex 10 min + 5 min", "Ther ex 10 + 5 min": one service's minutes in parts, added up
# (never a sum that ends in "=", whose result is the minutes written).
_PARTS_BEFORE = re.compile(
    r"((?:(?<![\w.])\d{1,3}[ \t]*(?:min(?:ute)?s?\b|mins\b|')?[ \t]*\+[ \t]*)+)$", re.IGNORECASE
)
_PARTS_AFTER = re.compile(
    r"(?:[ \t]*\+[ \t]*\d{1,3}[ \t]*(?:min(?:ute)?s?\b|mins\b|'))+(?![ \t]*[=\d])", re.IGNORECASE
)


def _with_parts(scanner: Scanner, fact: Fact, gap: str, after: int) -> Fact:
    """The service's minutes with the parts written before or after them added."""
    parts = (
        [int(n) for n in re.findall(r"\d+", m.group(1))] if (m := _PARTS_BEFORE.search(gap)) else []
    )
    following = _PARTS_AFTER.match(scanner.text, after)
    if following is not None and scanner.free(following.start(), following.end()):
        parts += [int(n) for n in re.findall(r"\d+", following.group())]
        scanner.claim(following.start(), following.end())
    if not parts:
        return fact
    total = (fact.minutes or 0) + sum(parts)
    return dataclasses.replace(fact, value=total, minutes=total)


_ASIDE_CLOSES = re.compile(r"[ \t]*\)")
# The aside follows minutes already given ("MLD 30 min (manual therapy)"); after a name
# ("OT re-eval (97168) 30 min") the bracket names the same service, whose minutes follow.
_ASIDE_OPENS = re.compile(r"\d[ \t]*(?:min(?:ute)?s?|mins|')\.?[ \t]*\([ \t]*$", re.IGNORECASE)


def _minutes(scanner: Scanner, start: int, end: int) -> Iterator[re.Match[str]]:
    """Minutes in a range of the text ("TE 17m" too, in a note that writes its totals so),
    leaving out feet written with a prime (metres with an "m") and home doses."""
    text = scanner.text
    found = heapq.merge(
        _MINUTES.finditer(text, start, end),
        glued_minutes(text, start, end),
        key=lambda match: match.start(),
    )
    for match in found:
        if match.group(2) and _a_distance(text, match):
            continue
        if _HOME_DOSE.match(text, match.end()):
            continue
        if _RESTATED.search(text, max(0, match.start() - 12), match.start()):
            continue  # "hot pack w/ e-stim (same 15 min)": another service's minutes again
        yield match


_RESTATED = re.compile(r"\b(?:same|those|these|the above)[ \t]+$", re.IGNORECASE)


def _a_distance(text: str, match: re.Match[str]) -> bool:
    """True when a number with a prime or a glued "m" is a distance: too many for one service's
    minutes, or after a walk (unless on a service line that logs minutes with primes)."""
    return to_number(match.group(1)) > _MAX_PRIME_MINUTES or bool(
        (
            _DISTANCE_BEFORE.search(text, max(0, match.start() - 12), match.start())
            or walked_before(text, match.start())
        )
        and not primed_service_line(text, match.start(2))
    )


def _block_glued_minutes(scanner: Scanner) -> None:
    """In a note that writes minutes "15m", every such number that is no distance is a time
    ("ice at home 15m"), never a length to read as a measurement."""
    text = scanner.text
    for match in glued_minutes(text, 0, len(text)):
        if not _a_distance(text, match):
            scanner.block(match.start(1), match.end())


def free_minutes(scanner: Scanner) -> list[re.Match[str]]:
    """Minutes written outside the header that no reading has taken (no total, no service)."""
    return [
        found
        for found in _minutes(scanner, 0, len(scanner.text))
        if not scanner.in_header(found.start()) and scanner.free(found.start(1), found.end(1))
    ]


def _closes_line(scanner: Scanner, name: _Name, minutes: re.Match[str], gap: str) -> bool:
    """A service name opening a line and "- N minutes" closing it (or followed only by a
    colon and the description): the line's minutes."""
    text = scanner.text
    line_end = text.find("\n", minutes.end())
    rest = text[minutes.end() : len(text) if line_end < 0 else line_end]
    return (
        bool(_LINE_OPENING.search(text, max(0, name.start - 8), name.start))
        and bool(_TRAILING_MINUTES.search(gap))
        and (not rest.strip(" .;") or _described_after(gap, rest))
        and "\n" not in gap
    )


# "Self-care / energy conservation education - 10 min: pacing diary": after the line's minutes,
# a colon opens the description of what was done (the title's words stand before the dash).
_DESCRIPTION_AFTER = re.compile(r"[ \t]*:[ \t]*[A-Za-z]")


def _described_after(gap: str, rest: str) -> bool:
    """The title's words hold no dose ("Ther ex with bike - 10 min: ..." is the bike's)."""
    return (
        _DESCRIPTION_AFTER.match(rest) is not None
        and not any(ch.isdigit() for ch in gap)
        and not _dose_words().search(gap)
    )


def _ties_to_name(gap: str) -> bool:
    """True when the words between a service name and minutes leave them the service's."""
    if _FILLER.fullmatch(gap):
        return True
    separators = list(_SEPARATOR.finditer(gap))
    if separators and ";" in gap[: separators[-1].start()]:
        return False  # another clause (a table row's next cell) lies between
    if re.search(r";[^;]*[A-Za-z]", gap):
        return False  # a clause of words after the name's own ("CPT 97116; Details 8 min")
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
