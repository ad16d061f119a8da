"""Minutes tied to a service's name: before it, after it, below it, or closing its line; minutes
inside an exercise list, a home dose or a distance are left alone.
"""

from __future__ import annotations

import dataclasses
import heapq
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from tui.core.checks.billing.billing_patterns import CODE, HOME_DOSE, MINUTES, WHOLE_CODE
from tui.core.checks.billing.qualified_names import qualified_code
from tui.core.checks.billing.records import service_at
from tui.core.checks.billing.shorthand_minutes import glued_minutes
from tui.core.checks.billing.totals import dose_words_pattern, named_just_before
from tui.core.checks.facts import Fact
from tui.core.checks.measures.prime_minutes import primed_service_line, walked_before
from tui.core.checks.tables import billing_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import ServiceMatcher, measure_matcher, service_matcher
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

_FILLER_WORD = (
    r"\d{1,3}(?:[ \t]*\+[ \t]*\d{1,3})+[ \t]*="  # "12 + 13 = 25 min": parts of the minutes
    r"|(?:\d{1,3}[ \t]*(?:min(?:ute)?s?\b|mins\b|')?[ \t]*\+[ \t]*)+"  # "10 + 5 min": parts too
    rf"|\(?\s*{CODE}\s*\)?|x|for|about|approx\.?|approximately|~|around|roughly|total(?:ing|led)?"
    r"|maybe|probably|like|another|just|over|only"
    r"|of|was|were|done|performed|did|time|x\s*\d+\s*units?(?:\s*/)?|\d+\s*units?(?:\s*/)?|units?"
    r"|we|I|pt|then"
    # a modality's setting: "US 1 MHz 1.5 W/cm2 x 8 min", "paraffin 52\u00b0C x 10 min"
    r"|\d+(?:\.\d+)?\s*(?:MHz|W/cm2?|W|Hz|pps|mA|%|\u00b0\s*[CF]|deg\s*[CF])(?![A-Za-z])"
)

_FILLER = re.compile(rf"[\s:=\-,().]*(?:(?:{_FILLER_WORD})[\s:=\-,().]*)*", re.IGNORECASE)

_SEPARATOR = re.compile(r"[,;()]")

_WORDS = re.compile(r"[A-Za-z][A-Za-z'/\-]*")

_BEFORE_NAME = re.compile(rf"[ \t]*(?:(of|on|doing|in)[ \t]+|(,)[ \t]*(?={CODE}))?", re.IGNORECASE)

# "Manual therapy: PROM all planes, grade I-II oscillations - 20 minutes." The minutes close
# the line that the service name opens.
_LINE_OPENING = re.compile(r"(?:^|\n)[ \t]*(?:[-*\u2022][ \t]*)?$")

_TRAILING_MINUTES = re.compile(r"[ \t]*(?:-|\u2013|\u2014|:|=)[ \t]*$")

_CLAUSE_OPENING = re.compile(
    r"(?:^|[\n,;:(+])[ \t]*(?:[-*\u2022][ \t]*)?(?:(?:then|and|did|we|I|also|plus)[ \t]+)*$",
    re.IGNORECASE,
)

_MAX_PRIME_MINUTES = 90

_DISTANCE_BEFORE = re.compile(r"\b(?:amb\w*|walk\w*|distance|gait)\W*$", re.IGNORECASE)

# "97110 x 15 min": a times sign may stand between a code and its minutes.
_CODE_THEN_GAP = re.compile(r"[ \t:=\-(]*(?:(?<![A-Za-z])[x\u00d7][ \t]*)?$")


@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    code: str


# A name after a word of time says when, not what: in "Eval 40 min; NMR after eval 12 min" the
# 12 minutes are the re-education's, the evaluation (named with its own time elsewhere) only
# when it was done.
_WHEN_BEFORE = re.compile(r"\b(?:after|before|following|post|prior[ \t]+to)[ \t]+$", re.IGNORECASE)


def service_names(scanner: Scanner, matcher: ServiceMatcher) -> list[_Name]:
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
    worded = {n.code for n in names if not WHOLE_CODE.fullmatch(text, n.start, n.end)}
    names += [name for name in when if name.code not in worded]
    return sorted(names, key=lambda name: name.start)


def minutes_before_names(scanner: Scanner, names: list[_Name], used: set[int]) -> list[Fact]:
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
        named_just_before(text, minutes.start(), _CODE_THEN_GAP)
        or _OWN_MINUTES.match(text, name.end) is not None
    )


# Words after minutes in the same table cell: the cell is a heading ("3 min recovery").
_CELL_GOES_ON = re.compile(r"[ \t]*[A-Za-z]")


def minutes_after_name(
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
        trained = _joined_activities(name.code).match(gap)
        if _names_a_test().match(gap, trained.end() if trained else 0):
            return None  # "Gait/walk test 6 min, 320 m": the activity names a test, no service
        gap = gap[trained.end() :] if trained else gap
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
    return service_at(scanner, name.code, int(below.group(1)), name.start, below.end())


@cache
def _joined_activities(code: str) -> re.Pattern[str]:
    """The activities the service trains (billing.toml [trained_activities]) joined to its name
    ("gait/stairs", "gait & curbs"): the title's words, dosing nothing."""
    words = billing_section("trained_activities").get(code, ())
    activity = rf"(?:{either(re.escape(str(word)) for word in words)})(?:[ \t]+training)?\b"
    joint = r"[ \t]*(?:/|&|\+|and\b)[ \t]*"
    return re.compile(rf"(?:{joint}{activity})+", re.IGNORECASE)


@cache
def _names_a_test() -> re.Pattern[str]:
    """A test's noun right after a service's name or the activity joined to it ("gait/walk
    test", "gait & stair testing", billing.toml [trained_activities] tests): the words name
    a test of the activity, whose minutes are its length, not a service's."""
    words = billing_section("trained_activities").get("tests", ())
    return re.compile(
        rf"[ \t]*(?:{either(re.escape(str(word)) for word in words)})\b", re.IGNORECASE
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
        MINUTES.finditer(text, start, end),
        glued_minutes(text, start, end),
        key=lambda match: match.start(),
    )
    for match in found:
        if match.group(2) and a_distance(text, match):
            continue
        if HOME_DOSE.match(text, match.end()):
            continue
        if _RESTATED.search(text, max(0, match.start() - 12), match.start()):
            continue  # "hot pack w/ e-stim (same 15 min)": another service's minutes again
        if measure_matcher().pattern.match(text, match.start()):
            continue  # "Gait training - 6 min walk test: 286 m": a named test, no one's minutes
        yield match


_RESTATED = re.compile(r"\b(?:same|those|these|the above)[ \t]+$", re.IGNORECASE)


def a_distance(text: str, match: re.Match[str]) -> bool:
    """True when a number with a prime or a glued "m" is a distance: too many for one service's
    minutes, or after a walk (unless on a service line that logs minutes with primes)."""
    return to_number(match.group(1)) > _MAX_PRIME_MINUTES or bool(
        (
            _DISTANCE_BEFORE.search(text, max(0, match.start() - 12), match.start())
            or walked_before(text, match.start())
        )
        and not primed_service_line(text, match.start(2))
    )


def block_glued_minutes(scanner: Scanner) -> None:
    """In a note that writes minutes "15m", every such number that is no distance is a time
    ("ice at home 15m"), never a length to read as a measurement."""
    text = scanner.text
    for match in glued_minutes(text, 0, len(text)):
        if not a_distance(text, match):
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
        and (not rest.strip(" .;") or _described_after(gap, rest) or _said_of_minutes(gap, rest))
        and "\n" not in gap
    )


def _said_of_minutes(gap: str, rest: str) -> bool:
    """Words closing the line after its minutes that say what the minutes held ("- 15 min incl.
    re-test", "- 10 min with min A"): no number, no exercise to dose and no other service up to
    the clause's end (a semicolon), and no exercise in the title before them ("Ther ex with
    bike - 10 min: ..." is the bike's)."""
    said = rest.split(";", 1)[0]
    return (
        not any(ch.isdigit() for ch in said)
        and not dose_words_pattern().search(gap + " " + said)
        and not service_matcher().pattern.search(said)
    )


# "Self-care / energy conservation education - 10 min: pacing diary": after the line's minutes,
# a colon opens the description of what was done (the title's words stand before the dash).
_DESCRIPTION_AFTER = re.compile(r"[ \t]*:[ \t]*[A-Za-z]")


def _described_after(gap: str, rest: str) -> bool:
    """The title's words hold no dose ("Ther ex with bike - 10 min: ..." is the bike's)."""
    return (
        _DESCRIPTION_AFTER.match(rest) is not None
        and not any(ch.isdigit() for ch in gap)
        and not dose_words_pattern().search(gap)
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
        return not _bracket_doses(gap, separators)
    return (
        len(gap) <= 40
        and ":" not in gap
        and " - " not in gap
        and not any(ch.isdigit() for ch in gap)
        and len(_WORDS.findall(gap)) <= 5
        and not _doses(gap)
    )


def _bracket_doses(gap: str, separators: list[re.Match[str]]) -> bool:
    """True when minutes open a bracket right after a clause that names an exercise or a rest
    ("Gait: 2WW, 65 ft x2, 1 standing rest (2 min)"): the bracket gives that clause's time,
    not the service's named before the list."""
    last = separators[-1]
    if last.group() != "(":
        return False
    return _doses(gap[separators[-2].end() if len(separators) > 1 else 0 : last.start()])


@cache
def _setting() -> re.Pattern[str]:
    """A word that opens the gap after a name and introduces the equipment the service was
    done on (billing.toml [dose_words] settings)."""
    words = either(re.escape(str(w)) for w in billing_section("dose_words").get("settings", ()))
    return re.compile(rf"[ \t]*(?:{words})[ \t]+(?:(?:the|a)[ \t]+)?", re.IGNORECASE)


def _doses(gap: str) -> bool:
    """True when the words after a name dose an exercise inside the service; the equipment the
    service itself was done on ("gait training on TM") doses nothing."""
    setting = _setting().match(gap)
    equipment = dose_words_pattern().match(gap, setting.end()) if setting else None
    return dose_words_pattern().search(gap, equipment.end() if equipment else 0) is not None


def _service_fact(
    scanner: Scanner, name: _Name, minutes: re.Match[str], start: int, end: int
) -> Fact:
    scanner.claim(minutes.start(), minutes.end())
    value = to_number(minutes.group(1))
    span = (start, end) if end - start <= 60 else (minutes.start(), minutes.end())
    return service_at(scanner, name.code, int(value), *span)
