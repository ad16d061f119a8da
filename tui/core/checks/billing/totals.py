"""The totals a note states: total timed minutes and total treatment time, written key first,
value first, in pairs, or as the times in and out.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.billing.bare_totals import is_bare, minutes_total
from tui.core.checks.billing.billing_patterns import NAMED_COUNT, WHOLE_CODE
from tui.core.checks.billing.clock import clock_ranges
from tui.core.checks.billing.records import Totals
from tui.core.checks.billing.service_clocks import clocked_services
from tui.core.checks.billing.service_tables import table_totals
from tui.core.checks.billing.shorthand_minutes import short_totals
from tui.core.checks.billing.stated_totals import value_first_totals
from tui.core.checks.tables import billing_section, billing_tables
from tui.core.checks.text.alternation import either, words_pattern
from tui.core.checks.text.lexicon import led, service_matcher
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.spoken_marks import spoken_marks

# An aside may stand between the key and its value ("Total treatment time (incl. untimed): 45").
# A clock time after the key ("Treatment time 09:05-09:37 (32 min)") is when, not how long: the
# session's minutes come from its range; "Total 1:1 time" is a ratio, no minutes either.
# A number out of a whole ("total 17/28", "Total: 21 of 32 skills", "17 out of 20") is a score
# or a count, not minutes; a number followed by a plural noun other than minutes counts those
# things ("timed: 5 buttons in 62 s").
# A number followed by another unit is what a test measured, not minutes ("timed 25-foot walk",
# "timed 10 meter walk", "timed 5 x sit to stand").
_OTHER_UNIT = (
    r"(?![ \t]*-?[ \t]*(?:foot|feet|ft|m|meters?|metres?|yards?|yds?|s|secs?|seconds?"
    r"|x|\u00d7|reps?|times|steps?|stairs?)\b)"
)

_TOTAL_VALUE = (
    # a template's dot leaders may stand before the colon ("Total timed minutes.......: 42")
    # "Timed :: 41 min": an export's double colon
    # "Total timed,31": a comma-separated export's key and value, the value ending its line
    r"(?:[ \t]*\([^()\n\d]{1,30}\))?(?:[ \t]*\.{2,})?\s*"
    r"(?:::|[:=\-|]|,(?=[ \t]*\d{1,3}[ \t]*(?:min(?:ute)?s?|mins)?[ \t]*(?:\n|$))"
    r"|was|is|of|were)?\s*"
    r"(\d{1,3})(?!\d|\.\d|\s*/\s*\d|:\d|\s+(?:out\s+)?of\s+\d)"
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
    # "Total class time: 42 min": a group session's class is its session
    r"(?:treatment|tx|rx|session|visit|therapy|service|face[- ]to[- ]face|class|group)"
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
    r"|(?:treatment|tx|session|visit)[\s_]+total(?:[\s_]+(?:time|minutes|mins?))?|TTT"
    # "Time total: 28 min (all timed)": a line that opens with it, its minutes said
    r"|(?<![^\n])[ \t]*time[ \t]+total(?=[ \t]*:?[ \t]*\d{1,3}[ \t]*(?:min|mins|minutes)\b))\b"
    + _TOTAL_VALUE
    # "Total 34 min timed": the value of a bare "Total" that a "timed" word follows is timed.
    + r"(?!\s*(?:min(?:ute)?s?\b|mins\b|')?[ \t]*timed\b)",
    re.IGNORECASE,
)


@cache
def _qualified_total() -> re.Pattern[str]:
    """The session's total named with words that say whose or what time it was ("Total direct
    time 30 min", "Total time with pt: 30 min", "Visit length 45 minutes") or said in a sentence
    ("The session lasted 40 minutes"; billing.toml [session_totals]): read only with its
    minutes unit, since the words are looser keys."""
    table = billing_section("session_totals")

    def any_of(key: str) -> str:
        words = sorted((str(word) for word in table.get(key, ())), key=len, reverse=True)
        return either(r"[\s_-]+".join(map(re.escape, word.split())) for word in words)

    people, qualifiers, keys = any_of("people"), any_of("qualifiers"), any_of("keys")
    sessions, lasted = any_of("sessions"), any_of("lasted")
    seen, not_after = any_of("seen"), any_of("not_after")
    return re.compile(
        rf"\b(?:(?:{seen})[ \t]+for(?=[ \t]+\d{{1,3}}[ \t]*min)"
        r"|(?:(?<![^\n])|(?<=[.:;|] )|(?<=[.:;|]))"
        rf"(?:(?:pt|patient|client|resident)[ \t]+)?(?:{seen})"
        rf"(?=[ \t]+\d{{1,3}}[ \t]*min)"
        rf"|(?:{sessions})[ \t]+(?:{lasted})"
        r"(?:[ \t]+(?:for|about|approximately|around|roughly|just over|just under))?"
        rf"|total[\s_]+(?:{qualifiers})[\s_]+(?:time|minutes|mins?)"
        rf"(?:[\s_]+(?:with|of)[\s_]+(?:{people}))?"
        rf"|total[\s_]+(?:time|minutes)[\s_]+(?:with|of)[\s_]+(?:{people})|(?:{keys}))"
        r"(?![\w-])(?:[ \t]*\([^()\n\d]{1,30}\))?[ \t]*(?:[:=\-|]|was|is|of)?[ \t]*"
        r"(\d{1,3})(?![\d.:/])[ \t]*(?:min(?:ute)?s?\b|mins\b|')"
        rf"(?![ \t]+(?:{not_after})\b)",
        re.IGNORECASE,
    )


# "38 min, all timed" / "(all timed)" after a total treatment time.
_ALL_TIMED = re.compile(r"\s*[,;(]?\s*(?:all|entirely|100\s*%)\s+timed\b", re.IGNORECASE)


@cache
def dose_words_pattern() -> re.Pattern[str]:
    names = [re.escape(name).replace(r"\ ", r"[\s\-]*") for name in billing_tables().dose_words]
    return words_pattern(names)


def dosed(words: str) -> bool:
    """True when the words name an exercise that minutes after them dose ("UBE", "bike")."""
    return dose_words_pattern().search(words) is not None


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
        treatment
        or _treatment_totals(scanner)
        or _totals_found(scanner, _qualified_total())
        or _short_totals(scanner, timed=False)
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
    if not treatment and timed and _SAME_AS_TREATMENT.match(scanner.text, timed_end):
        # "Total timed minutes 55 = total treatment time.": one number for both
        treatment = [timed[0]]
    totals.treatment, totals.treatment_at, after = treatment[0] if treatment else (None, None, 0)
    _value_first(scanner, totals)
    if totals.treatment is None:
        totals.treatment, totals.treatment_at = _time_in_out(scanner)
    elif totals.timed is None and _ALL_TIMED.match(scanner.text, after):
        totals.timed, totals.timed_at = totals.treatment, totals.treatment_at
    return totals


_SUM_SIGN = re.compile(r"[=/][ \t]*$")

# The timed total said to be the treatment time too, with no number of its own ("Total timed
# minutes 55 = total treatment time.", "Timed 32 min, which is the total treatment time"); a
# number after the words is a total of its own ("= total treatment time 40").
_SAME_AS_TREATMENT = re.compile(
    r"[ \t]*(?:min(?:ute)?s?\b|mins\b)?[ \t]*(?:=|equals\b|[,;]?[ \t]*(?:which[ \t]+)?"
    r"(?:is|was)[ \t]+"
    r"(?:also[ \t]+)?(?:the[ \t]+)?)[ \t]*(?:the[ \t]+)?(?:(?:whole|entire|full)[ \t]+)?"
    r"(?:total[ \t]+)?(?:treatment|tx|session)"
    r"(?:[ \t]+(?:time|minutes|mins))?\b(?![ \t]*[:=]?[ \t]*\d)",
    re.IGNORECASE,
)

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
    spoken = either(r"\s+".join(map(re.escape, word.split())) for word in said)
    return re.compile(
        rf"[ \t]*(?:min(?:ute)?s?\b|mins\b)?[ \t]*(?:[,;/]|\band\b|\b(?:{spoken})\b)[ \t]*"
        r"(?:total|tx|treatment|session)(?:[ \t]+(?:time|minutes|mins?))?[ \t]*(?:[:=][ \t]*)?"
        # a full stop may end the sentence ("Timed 40; total 40."), a decimal is no minutes
        r"(\d{1,3})(?![\d:/]|\.\d)(?:[ \t]*(?:min(?:ute)?s?\b|mins\b))?",
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
        if stated.sum_start is not None and named_just_before(scanner.text, stated.sum_start):
            continue  # "Ther ex 12 + 13 = 25 min": the service's minutes, summed
        scanner.claim(stated.start, stated.end)
        scanner.block(stated.start, stated.end)
        at = scanner.span(stated.start, stated.end)[0]
        if stated.timed and totals.timed is None:
            totals.timed, totals.timed_at = stated.minutes, at
            _treatment_after_timed(scanner, totals, stated.end)
        elif not stated.timed and totals.treatment is None:
            totals.treatment, totals.treatment_at = stated.minutes, at


def _treatment_after_timed(scanner: Scanner, totals: Totals, end: int) -> None:
    """The session's total right after a timed total written value first, as after a keyed
    one: "Total 40 min timed = session" (one number for both), "Total 39' timed, session 39'"
    (a number of its own)."""
    if totals.treatment is not None or totals.timed is None:
        return
    if _SAME_AS_TREATMENT.match(scanner.text, end):
        totals.treatment, totals.treatment_at = totals.timed, totals.timed_at
        return
    bare = _bare_total_after(scanner, end)
    if bare:
        totals.treatment, totals.treatment_at = bare[0][0], bare[0][1]


def _names_a_service(text: str, start: int, end: int) -> bool:
    """True when a service is named in text[start:end]; a code written with its units is a
    charge ("97166 x1, 60 minutes total": the session's total after the charges), not one."""
    for name in service_matcher().pattern.finditer(text, start, end):
        charged = WHOLE_CODE.fullmatch(name.group()) and NAMED_COUNT.match(text, name.end(), end)
        if not charged:
            return True
    return False


_NAME_THEN_GAP = re.compile(r"[ \t:=\-]*$")


def named_just_before(text: str, at: int, gaps: re.Pattern[str] = _NAME_THEN_GAP) -> bool:
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
        if scanner.in_header(match.start()):
            # a header line is blocked whole; a sentence after its value is read all the same
            if _in_header_value(scanner, match.start()) or scanner.claimed(
                match.start(1), match.end(1)
            ):
                continue
        elif not scanner.free(match.start(1), match.end(1)):
            continue
        if _value_before_key(scanner.text, match):
            continue  # "38 min timed of 45 min session": the word's value is written before it
        scanner.claim(match.start(), match.end())
        scanner.block(match.start(), match.end())
        at = scanner.span(match.start(), match.end())[0]
        found.append((int(match.group(1)), at, match.end()))
    return found


# "Payer: auto (PIP). Seen 60 min.": a sentence that ends the header field's value
_SENTENCE_END = re.compile(r"[A-Za-z)\]][.;][ \t]+(?=[A-Z])")


def _in_header_value(scanner: Scanner, at: int) -> bool:
    """True when `at` is in a header line's value, not in a sentence written after it."""
    if not scanner.in_header(at):
        return False
    start = scanner.text.rfind("\n", 0, at) + 1
    return _SENTENCE_END.search(scanner.text, start, at + 1) is None


def _treatment_totals(scanner: Scanner) -> list[tuple[int, int, int]]:
    """The totals of treatment time `_totals_found` gives, but a bare "Total N" with no unit
    (bare_totals) only when no total keyed as time or written with minutes is found, and then
    only where it sums minutes. Every total found is claimed, kept or not, as before the rule:
    the readers of facts see the note as they did ("total 155°" of a visual field stays
    no range of motion)."""
    text = scanner.text
    keyed: list[re.Match[str]] = []
    bare: list[re.Match[str]] = []
    for match in TOTAL_TREATMENT.finditer(text):
        if scanner.in_header(match.start()) or not scanner.free(match.start(1), match.end(1)):
            continue
        if _value_before_key(text, match):
            continue
        unitless = is_bare(text, match.start(), match.start(1), match.end())
        (bare if unitless else keyed).append(match)
    kept = keyed or [m for m in bare if minutes_total(text, m.start(), m.end(1))]
    found = []
    for match in sorted([*keyed, *bare], key=lambda m: m.start()):
        scanner.claim(match.start(), match.end())
        scanner.block(match.start(), match.end())
        if match in kept:
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
