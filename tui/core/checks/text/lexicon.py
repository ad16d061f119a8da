"""Regular expressions built from the clinical tables, plus the fixed shapes of note text.

Vocabulary (measure names, service names, muscles) comes from the TOML tables; what stays here
is the grammar of how numbers are written: dates, doses, units, header lines.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from tui.core.checks.tables import (
    MeasureDef,
    billing_tables,
    measure_defs,
    not_measurement_words,
    vocabulary,
)
from tui.core.checks.text.alternation import either, words_pattern
from tui.core.checks.text.anchored import (
    REMEMBERED_FROM,
    Anchored,
    anchored,
    number_then,
    search_at,
)
from tui.core.checks.text.lowered import lowered
from tui.core.checks.text.number_led import fixed_starts, number_led
from tui.core.checks.text.number_runs import NumberFollowed, number_followed
from tui.core.checks.text.section_words import measure_words
from tui.core.checks.text.word_index import (
    INDEXED_FROM,
    alternatives,
    group_end,
    leading_letters,
    word_starts,
)

NUM = r"\d+(?:\.\d+)?"


@dataclass(frozen=True)
class Led:
    """A pattern each of whose matches starts with one of a few words. Python's regular
    expressions search a case-insensitive alternation behind a word boundary slowly (every
    position is tried), so the words are first found case-sensitively in a lower-cased copy
    of the text (same length, ASCII only), and the pattern is matched only there: the same
    matches, several times faster on a long note."""

    pattern: re.Pattern[str]
    starter: re.Pattern[str]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if len(text) >= REMEMBERED_FROM:
            return iter(_remembered(self, text))
        return self.scan(text)

    def scan(self, text: str) -> Iterator[re.Match[str]]:
        """The matches, searched afresh (`finditer` remembers them for a long text)."""
        return search_at(self.pattern, text, self._starts(_lowered(text)))

    def _starts(self, lowered: str) -> Iterator[int]:
        """Where a leading word starts. The search matches the character before the word (not
        a letter or digit) instead of looking behind for it, so the regular expression engine
        skips every letter and digit without trying the words there; the word is the search's
        group 1, which starts where the character before it ends. In a long text the words
        are looked up in its index of words (word_index.py) instead, when they can be."""
        if len(lowered) >= INDEXED_FROM:
            indexed = word_starts(lowered, self.starter.pattern.removeprefix(_WORD_START))
            if indexed is not None:
                return self._indexed_starts(lowered, indexed)
        return self._searched_starts(lowered)

    def _searched_starts(self, lowered: str) -> Iterator[int]:
        first = self.starter.match(lowered)
        after = 0  # like a search for the words, none found inside the last word found
        if first is not None:
            after = max(first.end(), 1)
            yield 0
        for hit in self.word_after.finditer(lowered):
            start, stop = hit.span(1)
            if start < after:
                continue
            after = stop if stop > start else start + 1
            yield start

    def _indexed_starts(self, lowered: str, candidates: list[int]) -> Iterator[int]:
        """The starts `_starts` finds, tried only where an indexed word may begin one."""
        for found in search_at(self.starter, lowered, candidates):
            yield found.start()

    @property
    def word_after(self) -> re.Pattern[str]:
        return _word_after(self.starter.pattern)


_WORD_START = "(?<![a-z0-9])"

# A long text (a whole note, not a window of it) is searched for the same words by several
# readers, e.g. the ROM pass and verification's topics: its matches are kept, not searched again.


@lru_cache(maxsize=32)
def _remembered(led: Led, text: str) -> tuple[re.Match[str], ...]:
    return tuple(led.scan(text))


def matches(pattern: re.Pattern[str] | Led | Anchored, text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`; for a long text the matches are kept, since the scanner's
    blocking, verification's dates and the result counts search the same note for the same
    patterns (dates, counted fractions, goal starts)."""
    if isinstance(pattern, Led | Anchored) or len(text) < REMEMBERED_FROM:
        return pattern.finditer(text)
    return iter(_matches(pattern, text))


@lru_cache(maxsize=256)
def _matches(pattern: re.Pattern[str], text: str) -> tuple[re.Match[str], ...]:
    followed = _number_followed(pattern)
    if isinstance(followed, NumberFollowed):
        return tuple(followed.scan(text))  # tried only at the numbers before its word
    return tuple(pattern.finditer(text))


@lru_cache(maxsize=1024)
def _number_followed(pattern: re.Pattern[str]) -> re.Pattern[str] | NumberFollowed:
    return number_followed(pattern)


@lru_cache(maxsize=256)
def _word_after(starter: str) -> re.Pattern[str]:
    """A starter "(?<![a-z0-9])(?:words)" as "[^a-z0-9](?=(?:words))" (see Led._starts):
    the same word starts, each found once, the words themselves not consumed."""
    return re.compile(f"[^a-z0-9](?=({starter.removeprefix(_WORD_START)}))")


_lowered = lowered


def led(pattern: re.Pattern[str], *words: str) -> Led:
    """`pattern` searched through its leading words (regular-expression fragments), each at
    the start of a word (every pattern led this way starts on a word boundary)."""
    starter = "|".join(f"(?:{_lower_fragment(word)})" for word in words)
    return Led(pattern, re.compile(rf"{_WORD_START}(?:{starter})"))


def _lower_fragment(fragment: str) -> str:
    """A regex fragment in lower case, escapes kept (\\S stays \\S)."""
    return re.sub(
        r"\\.|[A-Z]", lambda m: m.group() if len(m.group()) > 1 else m.group().lower(), fragment
    )


# Capitalised only: "dec 5 deg" (decreased) is not December 5.
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN|FEB|MAR|APR|MAY|JUNE?"
    r"|JULY?|AUG|SEPT?|OCT|NOV|DEC)"
)
MONTH_NAMES = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

DATE_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
# A month or a day is never 0: "S 40-0-25" is a neutral-zero arc (layouts/neutral_zero), no date.
DATE_SLASH = re.compile(
    r"(?<![\d/.-])(?!0+[/.-])(\d{1,2})([/.-])(?!0+\2)(\d{1,2})\2(\d{4}|\d{2})(?![\d/])"
)
DATE_WORDS = re.compile(
    rf"\b({_MONTHS})\.?\s+(0?[1-9]|[12]\d|3[01])(?![\d%]|\.\d)(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b"
    rf"|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTHS})\.?,?\s+(\d{{4}})\b"
)

HEADER_LINE = re.compile(
    r"^[ \t]*(?:patient(?: name)?|student|name|mrn|dob"
    r"|date(?: of (?:service|birth|surgery|injury|onset))?|dos|doi|visit(?: number| #)?"
    r"|last progress report|discipline|payer|insurance|diagnosis|dx"
    r"|skill|document|grade|setting|clinician|therapist|provider|certification date"
    r"|plan of care date|poc date|cert date|age|referring(?: physician| provider)?|physician"
    r"|onset|surgery|icd-?10|icd|precautions)[ \t]*:[^\n]*",
    re.IGNORECASE | re.MULTILINE,
)

# The keys a transcript also tags its speakers with ("THERAPIST: So how's the ankle?").
_SPEAKER_KEY = re.compile(r"[ \t]*(?:patient|therapist|clinician|provider|student)[ \t]*:", re.I)
# Speech, not a name: a question or an exclamation, or a sentence that ends and goes on
# ("Better. It's maybe a 3 now."; an initial's stop, "J. Amberley", ends none).
_SPEECH = re.compile(r"[?!]|[A-Za-z]{3}\.[ \t]+\S")


def header_lines(text: str) -> Iterator[re.Match[str]]:
    """The header lines of `text` ("Patient: Rhoda Castellane", "DOB: 1/2/1960"), without the
    turns of a transcript whose speakers are tagged with a header's key ("PATIENT: Better.
    It's maybe a 3 now."): what a speaker says is the note's content, not its header."""
    for line in HEADER_LINE.finditer(text):
        key = _SPEAKER_KEY.match(line.group())
        if key and _SPEECH.search(line.group(), key.end()):
            continue
        yield line


# A leading check on the character before a number: "(?<![\d./])\d+", "(?<![\d.])\d{5,}",
# "\b\d{1,2}" (a word boundary before a digit: no word character before it).
_LOOKBEHIND_FIRST = re.compile(
    r"^(?:\(\?<!\[(?P<set>(?:[^\]\\]|\\.)+)\]\)|\\b)"
    r"\\d(?:(?P<plus>\+)|\{(?P<low>[1-9]\d*)(?:(?P<comma>,)(?P<high>\d*))?\})"
)


def digit_first(pattern: re.Pattern[str] | Led | Anchored) -> re.Pattern[str] | Led | Anchored:
    """The same pattern with a leading "no such character before this number" check moved
    after the first digit, so the search can skip straight to digits: several times faster on
    a long note, with the same matches (the first digit is matched on its own, the rest of the
    number as the pattern counts it, one fewer)."""
    if isinstance(pattern, Led | Anchored):
        return pattern
    led_range = _range_first(pattern.pattern)
    if led_range is not None:
        return re.compile(led_range, pattern.flags)
    found = _LOOKBEHIND_FIRST.match(pattern.pattern)
    if found is None:
        return pattern
    before = found.group("set") or r"\w"
    if found.group("plus"):
        rest = r"\d*"
    else:
        low = int(found.group("low")) - 1
        high = found.group("high")
        most = "" if not found.group("comma") else f",{int(high) - 1}" if high else ","
        rest = rf"\d{{{low}{most}}}"
    moved = rf"\d(?<![{before}]\d){rest}" + pattern.pattern[found.end() :]
    return re.compile(moved, pattern.flags)


def word_first(pattern: re.Pattern[str] | Led | Anchored) -> re.Pattern[str] | Led | Anchored:
    """The same pattern searched through its leading words (a Led) when every alternative
    starts with a word boundary and fixed letters ("\\bmax(?:imum)?", "\\bby\\s+"): each
    match starts where one of those words starts after no letter or digit, so trying the
    pattern only there gives the same matches."""
    if not isinstance(pattern, re.Pattern):
        return pattern
    leads: list[str] = []
    for alternative in alternatives(pattern.pattern):
        if not alternative.startswith("\\b"):
            return pattern
        found = leading_letters(_lower_fragment(alternative[2:])) or _fixed_words(alternative[2:])
        if found is None:
            return pattern
        leads += found
    return led(pattern, *leads)


def _fixed_words(source: str) -> tuple[str, ...] | None:
    """The fixed words `source` starts with, an optional group first included ("(?:total )?
    possible" starts with "total" or "possible"), as regular expressions; None unless each
    starts with a letter or a digit (a word start, as the word boundary before them says)."""
    starts = fixed_starts(source)
    if not starts or any(not re.match("[a-z0-9]", start) for start in starts):
        return None
    return tuple(re.escape(start) for start in starts)


# "(?<![\d.])(?:\d+ ... to )?\d+": a number, or a range of numbers, after the check.
_RANGE_FIRST = re.compile(r"^\(\?<!\[(?P<set>(?:[^\]\\]|\\.)+)\]\)\(\?:\\d\+")
_NUMBER_AFTER = "\\d+"


def _range_first(source: str) -> str | None:
    r"""Shape "(?<![C])(?:\d+G)?\d+R" as "\d(?<![C]\d)(?:\d*G\d+|\d*)R": the optional first number
    of a range and the number after it both start with the first digit, tried in the same
    order (the range first), so the matches are the same; None for any other shape."""
    found = _RANGE_FIRST.match(source)
    if found is None:
        return None
    close = group_end(source, found.end())
    if close is None or not source.startswith(")?" + _NUMBER_AFTER, close):
        return None
    after = close + 2 + len(_NUMBER_AFTER)
    if source[after : after + 1] in ("?", "+", "*", "{"):
        return None  # a lazy or possessive number: left as written
    inner = source[found.end() : close]
    return rf"\d(?<![{found.group('set')}]\d)(?:\d*{inner}\d+|\d*)" + source[after:]


_DIGITS = "0123456789"
_BLANKS = " \t\n\r\f\v"
_NUMBER_RUN = _DIGITS + "." + _BLANKS

# A date that labels the values after it, in a bracket or at a line's start ("(5/18: 49/80)").
DATE_LABEL = re.compile(
    r"(?:(?<=[(\[])|^)[ \t]*(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?:/\d{2,4})?(?=[ \t]*:)",
    re.MULTILINE,
)


# Numbers that look like measurements but are not.
# Each pattern that cannot match without a rare literal is tried only there (anchored.py).
@cache
def earlier_visit_words() -> tuple[str, ...]:
    """The words that make a counted visit, day or session an earlier one ("last visit 29",
    "prev day 3", "first session 12": that visit's value, not its number); legends.toml
    earlier_visit, the one list the counters here and measures/evidence.py ask."""
    data = tomllib.loads((files("tui.core") / "data" / "legends.toml").read_text(encoding="utf-8"))
    return tuple(str(word) for word in data.get("earlier_visit", ()))


# A day written with its month after it, or with a leading zero ("02 JAN", "3/14", "05"): after
# "initial visit" it is the visit's day, no value.
DAY_OF_MONTH = (
    r"0\d|\d{1,2}(?:[ \t]*[/.-][ \t]*\d|[ \t]*(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
)
_COUNTERS = (
    r"visit|visits|day|week|wk|session|POD|STG|LTG|goal|phase|step|stage|"
    r"trial|round|page|item|question|minute|lap|no\.|number|"
    # a numbered class before its own value ("(class 1: 8)"), not a class of a whole ("class
    # 2 of 4")
    r"class(?=\s*#?\s*\d+\s*:)"
)
# Before a counter, none of the earlier-visit words, unless a day of the month follows it,
# written with a leading zero or its month ("initial visit 02 JAN"); "last visit 6-98°" is
# that visit's range.
_NOT_EARLIER = (
    "(?:"
    + "".join(f"(?<!{re.escape(word)} )" for word in earlier_visit_words())
    + rf"|(?=(?:{_COUNTERS})[ \t]*#?[ \t]*(?:0\d(?![\d.])|\d{{1,2}}[ \t]*(?i:jan|feb|mar|apr"
    + r"|may|jun|jul|aug|sep|oct|nov|dec))))"
)


# A capitalised name (a surname, "Pt") and the comma or bracket after it, as lookbehinds of
# fixed width, one per length of the name.
_AFTER_NAME = "|".join(
    rf"(?<=[A-Z][a-z'-]{{{length}}}{mark})"
    for length in range(1, 16)
    for mark in (", ", ",", " \\(", "\\(")
)
# A header's cells: a first name and a surname before a bar ("Marek Thistlewood | 84M | POD 2");
# a row's one label before a bar ("Gait | 150M") is a distance's.
_AFTER_FULL_NAME = "|".join(
    rf"(?<=[A-Z][a-z'-]{{{first}}} [A-Z][a-z'-]{{{last}}} \| )"
    for first in range(1, 12)
    for last in range(1, 16)
)

# The tail of a double-barrelled surname before spaces ("Rosalind Teague-Mbatha  74F"): a header
# written with its cells spaced, the age and sex after the name.
_AFTER_BARRELLED = "|".join(
    rf"(?<=[a-z]-[A-Z][a-z']{{{last}}}{gap})" for last in range(1, 16) for gap in (" ", "  ", "   ")
)


NOT_MEASUREMENTS: list[re.Pattern[str] | Led | Anchored] = [
    anchored(DATE_ISO, "-", _DIGITS),
    anchored(DATE_SLASH, "[/.-]", _DIGITS),
    DATE_WORDS,
    anchored(  # clock times
        re.compile(r"\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?", re.IGNORECASE), ":", _DIGITS
    ),
    re.compile(r"(?<![\d.])\d{5,}(?!\.?\d)"),  # MRNs, CPT codes, long ids
    re.compile(r"\b\d{3}[-.\s]\d{3}[-.\s]\d{4}\b"),  # phone numbers
    # a footnote's mark, where it is cited and where its text starts ("... internal
    # rotation.[^2]", "[^5]: HOOS JR 62.7", left as "^2" once the markup is read): the note's
    # numbering, never a value; a caret after a unit ("kg/m^2") is a power
    anchored(
        re.compile(r"\[\^[\w-]{1,20}\]|(?:(?<=[.,;:!?)\]])|^)\^\d{1,3}(?![\d.])", re.MULTILINE),
        r"\[\^|\^",
    ),
    number_then(  # sets x reps, holds: 3x10, 3 x 30s, 2x15
        re.compile(
            rf"(?<![\w.]){NUM}\s*x\s*{NUM}(?:\s*(?:s|sec|secs|seconds|reps?|min|'|\"|#|lb|lbs)\b)?",
            re.IGNORECASE,
        ),
        "x",
    ),
    anchored(re.compile(rf"(?<![\w.])x\s*{NUM}(?!\.?\d)", re.IGNORECASE), "x"),  # x10
    anchored(  # "times ten" said for x10; "at times 7/10" is a rating
        re.compile(
            rf"(?<![\w.])(?<!\bat )times[ \t]+{NUM}(?!\.?\d|[ \t]*(?:/|out[ \t]+of\b|over\b))",
            re.IGNORECASE,
        ),
        "times",
    ),
    number_then(re.compile(rf"(?<![\w.]){NUM}[ \t]*x(?![a-z])", re.IGNORECASE), "x"),  # 10x
    number_then(  # 3 sets of 10, 10 reps, 2 times a week, 2x/wk, 3 times
        re.compile(
            rf"(?<![\w.]){NUM}[ \t]*(?:sets?|reps?|repetitions|rounds|laps|trials|bouts|times|x)"
            rf"(?:\s*(?:of|x|@)\s*{NUM}(?:\s*(?:reps?|repetitions|s|sec|seconds))?)?"
            r"(?:\s*(?:/|per|a|an|each)\s*(?:wk|week|day|d|visit|session|side))?\b",
            re.IGNORECASE,
        ),
        "set|rep|round|lap|trial|bout|time|x",
    ),
    number_then(
        re.compile(r"(?<![\w.])\d+\s*/\s*(?:wk|week|day|d|hr|hour|month|mo)\b", re.IGNORECASE), "/"
    ),
    anchored(  # grade III mobilisation, grade 3 glides (not MMT "grade 4/5")
        re.compile(
            r"\b(?:grade|gr)\.?\s*(?:[IV]+\b|\d\b(?!\s*[-+]?\s*/\s*5))"
            r"(?:\s*[-/+]\s*(?:[IV]+\b|\d\b))?",
            re.IGNORECASE,
        ),
        "gr",
    ),
    anchored(  # dynamometer position
        re.compile(r"\bpos(?:ition)?\.?\s*#?\s*\d+", re.IGNORECASE), "pos"
    ),
    number_then(  # step heights
        re.compile(rf"(?<![\w.]){NUM}\s*(?:\"|''|inch(?:es)?\b)", re.IGNORECASE), "\"|'|inch"
    ),
    number_then(
        re.compile(
            rf"(?<![\w.]){NUM}\s*(?:y/o|yo\b|y\.o\.|years?[ -]old|-year-old|yr[ -]old)",
            re.IGNORECASE,
        ),
        "y|-year",
    ),
    # an age and sex mark written after a name or an article ("Endre Szabo, 81M", "Osei (64F)",
    # "a 64F retired teacher"): the capital letter is the sex, never metres or Fahrenheit; after
    # a word in lower case it is metres ("gait distance, 150M", "6MWT distance (310 M)")
    number_then(
        re.compile(rf"(?:{_AFTER_NAME}|(?<=\b[Aa] )|(?<=\b[Aa]n ))\d{{1,3}} ?[MF](?![\w/])"),
        "m|f",
    ),
    number_then(  # an age in a header's cell after a full name (ages only: "Total Distance | 150M")
        re.compile(rf"(?:{_AFTER_FULL_NAME})(?:1[01]\d|\d{{1,2}}) ?[MF](?![\w/])"), "m|f"
    ),
    # an age and sex opening a line before its history ("81M s/p L THA", "64F w/ hx of OA");
    # "50M w/ RW" stays metres
    number_then(
        re.compile(
            r"(?<![^\n])(?:1[01]\d|\d{1,2}) ?[MF](?=,? (?:(?:w/|with) (?:a )?"
            r"(?:hx|history|h/o|PMH)\b|s/p\b|presents\b|presenting\b|c/o\b|h/o\b|hx\b|PMH\b"
            r"|referred\b))"
        ),
        "m|f",
    ),
    number_then(  # an age after a double-barrelled surname ("Teague-Mbatha  74F")
        re.compile(rf"(?:{_AFTER_BARRELLED})(?:1[01]\d|\d{{1,2}}) ?[MF](?![\w/])"), "m|f"
    ),
    anchored(  # 5-word sentence, 30-min sessions
        re.compile(
            r"(?<![\w.])\d+-(?:word|step|inch|in|pound|minute|min|second|sec|day|week|wk|month"
            r"|year|yr|hour|hr|letter|point|item|foot|ft|piece|block|stair)s?\b",
            re.IGNORECASE,
        ),
        "-",
        _DIGITS,
    ),
    # thresholds: >90, ≥45, >= 80%, <45/56 (a threshold's denominator is no score either)
    anchored(re.compile(rf"(?<![-=])[<>≥≤]=?\s*{NUM}(?:\s*/\s*\d+(?!\d|\.\d))?"), "[<>≥≤]"),
    # an interval of values, not one measurement: "plateaued at 95-100°" (a range of motion
    # starts at 0 or at a small deficit; see rom.py)
    number_then(
        re.compile(
            r"(?<![\d.\-/])(?:[3-9]\d|1\d\d)\s*-\s*(?:[3-9]\d|1\d\d)(?![\d.])(?=\s*(?:°|deg))"
        ),
        "-",
    ),
    led(  # a bound ("HR below 120"), not a tape landmark ("10 cm below 23.4 cm")
        re.compile(
            rf"(?<!\d )(?<!plus )(?<!minus )(?<!cm )(?<!mm )"
            rf"\b(?:greater than|more than|less than|at least|over|under|above|below)\s+{NUM}",
            re.IGNORECASE,
        ),
        "greater|more|less|at least|over|under|above|below",
    ),
    led(  # reference values: (normal 135), cutoff 13.5 s, MCID 9
        re.compile(
            rf"\b(?:normal|norms?|cut-?off|threshold|MCID|MCII|MDC|predicted|age[- ]matched)"
            rf"(?:\s+(?:is|of|=|:|for|value|about|around|approx\.?|approximately|roughly|~))*"
            rf"\s*[:=~]?\s*\(?\s*{NUM}(?:\s*(?:-|to)\s*{NUM})?(?:\s*/\s*\d+(?!\d|\.\d))?",
            re.IGNORECASE,
        ),
        "norm|cut|threshold|mci|mdc|predicted|age",
    ),
    led(  # counters: visit 4, day 3, week 2, STG 1, #2 (not "last visit 29": that visit's value)
        re.compile(
            # (not glued to a number before it: "TSK 17-item 35" is the 17-item version's 35)
            rf"{_NOT_EARLIER}(?<!\d-)\b(?:{_COUNTERS})\s*#?\s*\d+\b"
            # (not with a unit after it: "last visit 3 min 10 s" is that visit's time; nor a
            # rating's scale: "pain over the past week 4 out of 10")
            r"(?![.]\d|\s*[/°%]|\s*out\s+of\s+\d|\s*(?:mins?|minutes?|s|secs?|seconds?|deg\w*|cm|mm|kg|lbs?|ft|m|bpm)\b(?!/))",
            re.IGNORECASE,
        ),
        "visit|day|week|wk|session|pod|stg|ltg|goal|phase|step|stage|trial|round|page|item|class",
        "minute|lap",
        "question|no\\.|number",
    ),
    re.compile(r"#\s*\d+\b"),
    re.compile(  # the same values restated in other units: "(approx. 31 lb / 53 lb)"
        r"\([ \t]*(?:approx\.?|approximately|~|≈|=)[ \t]*\d[^()\n]*?"
        r"(?:lbs?|kg|in|inch(?:es)?|cm|ft|m|°[FC])\b[^()\n]*\)",
        re.IGNORECASE,
    ),
    anchored(DATE_LABEL, "/", _DIGITS + " \t", _DIGITS + " \t"),
    anchored(  # vertebral levels
        re.compile(r"\b[CTLS]\d{1,2}\s*-\s*[CTLS]?\d{1,2}\b"),
        "-",
        "ctls" + _DIGITS + _BLANKS,
        "ctls",
    ),
    # "reaches to T 10" (a level that exists: "rotation to L 60 deg" is an angle)
    re.compile(
        r"\b(?:to|at|of|from)\s+(?:C\s?[1-8]|T\s?(?:1[0-2]|[1-9])|[LS]\s?[1-6])\b(?![./]\d)"
    ),
    re.compile(r"^[ \t]*\d+[.)][ \t]", re.MULTILINE),  # list numbering
    re.compile(  # modality parameters: 1.0 W/cm2 100%, 3 MHz, 80 pps
        rf"(?<![\w.]){NUM}[ \t]*(?:MHz|W/cm2?|W|Hz|pps|mA|ms|μs|us)(?![A-Za-z/])"
        rf"(?:\s*,?\s*{NUM}\s*%)?",
        re.IGNORECASE,
    ),
    number_then(  # landmarks: 10 cm above the patella
        re.compile(
            rf"(?<![\w.]){NUM}\s*(?:cm|mm|in|inch(?:es)?|fingers?|finger ?breadths?)\s+"
            r"(?:above|below|proximal|distal|from|superior|inferior|medial|lateral)\b",
            re.IGNORECASE,
        ),
        "cm|mm|in|finger",
    ),
    number_led(  # durations: 6 wks, 2 more weeks, 4 days ago ("80 HR" is a heart rate), on one line
        re.compile(
            rf"(?<![\w.]){NUM}[ \t]*(?:-[ \t]*{NUM}[ \t]*)?(?:(?:more|additional|further)[ \t]+)?"
            r"(?:wks?|weeks?|days?|months?|mos?|yrs?|years?"
            # "bp 124/70 hr 70": "hr" before a rate of two or three digits is the heart rate's name
            r"|(?-i:[Hh]rs?)(?![ \t]*[:=]?[ \t]*\d{2,3}(?![\d.])(?![ \t]*(?:min|mins|minutes|m)\b))"
            r"|hours?|visits?|sessions?)\b",
            re.IGNORECASE,
        ),
        "wks?|weeks?|days?|months?|mos?|yrs?|years?|hrs?|hours?|visits?|sessions?",
    ),
]


@cache
def counted_fractions() -> re.Pattern[str]:
    """Counts of things out of a whole ("6/10 trials", "4 of 10 sites felt R, 6/10 L"): never a
    rating, a grade or a score (measures.toml [not_measurements] counted), so extraction skips
    them; verification still compares them (checks.counted). The thing counted is on the
    count's line: "3/10" closing a line is not a count of the word opening the next, nor of a
    capitalised field's label ("Pain: 3/10   Location: L hip")."""
    counted = "|".join(f"(?:{word})" for word in not_measurement_words().get("counted", ()))
    return re.compile(
        rf"(?<![\d.]){NUM}[ \t]*(?:/|of|out of)[ \t]*{NUM}[ \t]+"
        rf"(?!(?-i:[A-Z])\w*[ \t]*:)(?:{counted or '(?!x)x'})\b"
        # a noun numbered after it names when, not what is counted: "(was 6/10 visit 1)"
        r"(?![ \t]*#?[ \t]*\d)"
        rf"(?:[^.;\n]{{0,30}}?,\s*{NUM}\s*(?:/|of|out of)\s*{NUM}\b)*",
        re.IGNORECASE,
    )


@cache
def context_exclusions() -> tuple[re.Pattern[str] | Led | Anchored, ...]:
    """Numbers that are not measurements because of the words around them (measures.toml
    [not_measurements]): doses in percent, counted things, events per period, changes,
    targets, limb positions, temperatures and dates written after a score."""
    words = measure_words("not_measurements")
    listed = words.either
    deg = r"(?:\s*(?:°|deg\w*|degrees?))?"
    flags = re.IGNORECASE
    # "scar height 2 mm": a tissue's size is measured on the patient, no equipment's
    tissue_not_before = "".join(rf"(?<!{word} )" for word in words.words("measured_tissues"))
    # (a speed and a rate too: "the ~80 wpm needed", "1.0 m/s required", "HR 120 bpm expected")
    unit = r"(?:\s*(?:°|deg\w*|degrees?|%|cm|mm|ft|feet|m/s|m|lbs?|kg|s|sec|min|wpm|bpm))?"
    return (
        *(
            re.compile(pattern, flags | re.MULTILINE)
            for key in ("not_values", "scale_bounds", "date_labels", "item_names")
            for pattern in words.words(key)
        ),
        led(
            # an arrow ends the condition: "unable -> 22 deg" is unable then, 22 now
            re.compile(
                rf"\b(?:{listed('conditions')})\b[^.;,\n\d>\u2192]{{0,30}}{NUM}{unit}", flags
            ),
            listed("conditions"),
        ),
        number_led(
            re.compile(rf"(?<![\d.]){NUM}{unit}\s*(?:{listed('limits_after')})\b", flags),
            listed("limits_after"),
        ),
        anchored(
            re.compile(
                rf"{NUM}\s*°\s*[FC]\b|{NUM}\s*(?:degrees?\s+)?(?:Fahrenheit|Celsius)\b", flags
            ),
            "°|fahrenheit|celsius",
            _NUMBER_RUN + "degrs",
            _DIGITS,
        ),
        led(
            re.compile(
                # ("stance in water 12 s": a time after the water is the patient's)
                rf"\b(?:temp(?:erature)?|water|pool)\s*(?:of|at|=|:)?\s*{NUM}"
                r"(?![\d.]|[ \t]*(?:s|secs?|seconds?|min|mins|minutes?)\b)",
                flags,
            ),
            "temp|water|pool",
        ),
        number_then(
            re.compile(rf"{NUM}\s*%\s*(?:of\s+)?(?:{listed('percent_doses')})\b", flags), "%"
        ),
        led(
            re.compile(
                rf"\b(?:{listed('pressure_doses')})\b[^.;\n]{{0,40}}?{NUM}(?:\s*(?:-|,|to)\s*{NUM})*"
                r"\s*mm\s*Hg",
                flags,
            ),
            listed("pressure_doses"),
        ),
        anchored(
            re.compile(
                rf"(?<![\d.]){NUM}(?:\s*-\s*{NUM})?\s*mm\s*Hg\s*(?:of\s+)?(?:[A-Za-z-]+\s+){{0,2}}"
                rf"(?:{listed('pressure_doses')})\b",
                flags,
            ),
            "mm",
            _NUMBER_RUN + "-",
            _DIGITS,
        ),
        led(
            re.compile(rf"\b(?:{listed('percent_doses')})\s*(?:of|at|to|=|:)?\s*{NUM}\s*%", flags),
            listed("percent_doses"),
        ),
        led(
            re.compile(
                rf"\bprogress(?:ed|ing)?\s+(?:from\s+{NUM}\s*%?\s*)?to\s+{NUM}\s*%"
                rf"|\bfrom\s+{NUM}\s*%\s*(?:{listed('percent_doses')})",
                flags,
            ),
            "progress|from",
        ),
        led(
            re.compile(
                rf"\b(?:{listed('plan_steps')})\s+(?:[A-Za-z/-]+\s+){{0,3}}to\s+{NUM}{unit}",
                flags,
            ),
            listed("plan_steps"),
        ),
        number_then(counted_fractions(), "/|of|out"),
        number_led(
            re.compile(rf"(?<![\d.]){NUM}\s+(?:{listed('events')})\b", flags), listed("events")
        ),
        number_led(
            re.compile(rf"(?<![\d./]){NUM}\s+(?:{listed('prompts')})\b", flags),
            listed("prompts"),
        ),
        led(
            re.compile(
                rf"(?<![\w-])(?:{listed('changes')})(?:\s+|\s*\(\s*)(?:by\s+)?"
                rf"(?:(?:about|around|roughly|approx\.?|approximately|nearly|almost|another)\s+)?"
                rf"~?\s*{NUM}{deg}",
                flags,
            ),
            listed("changes"),
        ),
        number_led(
            re.compile(
                rf"(?<![\d./]){NUM}(?:{unit}|\s*(?:points?|pts?)\b)[ \t]*(?:of[ \t]+)?"
                rf"(?:{listed('changes_after')})\b",
                flags,
            ),
            listed("changes_after"),
        ),
        number_led(
            re.compile(
                rf"(?:{_after_words(words.words('change_noun_lead_ins'))})~?[ \t]*{NUM}"
                rf"(?:{unit}|\s*(?:points?|pts?)\b)[ \t]*(?:of[ \t]+)?"
                rf"(?:{listed('change_nouns_after')})\b",
                flags,
            ),
            listed("change_nouns_after"),
        ),
        number_led(
            re.compile(
                rf"(?<![\d./]){NUM}\s*(?:points?|pts?)\b[ \t]*(?:of[ \t]+)?"
                rf"(?:{listed('change_nouns_after')})\b",
                flags,
            ),
            listed("change_nouns_after"),
        ),
        number_led(
            re.compile(rf"(?<![\d.]){NUM}{unit}[ \t]*(?:%[ \t]*)?(?:{listed('targets')})\b", flags),
            listed("targets"),
        ),
        re.compile(
            rf"(?<![\d.]){NUM}{unit}[ \t]*(?:%[ \t]*)?(?:{listed('references_after')})\b", flags
        ),
        number_led(
            re.compile(
                rf"(?<![\d.]){NUM}(?:\s*/\s*{NUM})?{unit}[ \t]*(?:{listed('criteria_after')})",
                flags,
            ),
            listed("criteria_after"),
        ),
        led(
            re.compile(rf"\b(?:{listed('bounds_before')})\s+{NUM}", flags),
            listed("bounds_before"),
        ),
        number_led(
            re.compile(
                rf"(?<![\d.]){NUM}\s*(?:cm|mm|m|in|inch(?:es)?|ft|\")\.?\s+(?:[A-Za-z-]+\s+)?"
                rf"(?:{listed('equipment_nouns')})\b",
                flags,
            ),
            listed("equipment_nouns"),
        ),
        re.compile(
            rf"(?<![\d.]){NUM}[ \t]*(?:lbs?|kg|pounds?|#)[ \t]+(?:[A-Za-z-]+[ \t]+){{0,2}}"
            rf"(?:{listed('load_nouns')})\b",
            flags,
        ),
        led(
            re.compile(
                rf"{tissue_not_before}\b(?:{listed('equipment_sizes')})\s*(?:of|at|=|:|is)?\s*{NUM}\s*"
                r"(?:cm|mm|m|in|inch(?:es)?|ft|\")(?![A-Za-z/])",
                flags,
            ),
            listed("equipment_sizes"),
        ),
        re.compile(rf"(?<![\d.]){NUM}{deg}\s+(?:{listed('position_after')})\b", flags),
        led(
            re.compile(
                rf"(?:(?<=[\s(])|^)(?:{listed('positions')})\s*{NUM}{deg}\s*(?:of\s+)?"
                rf"(?:(?:shoulder|hip|knee|elbow|wrist|sh|GH)\s+)?(?:{listed('position_motions')})\b",
                flags | re.MULTILINE,
            ),
            listed("positions"),
        ),
        led(
            re.compile(
                rf"\b(?:{listed('position_exercises')})\s+(?:(?:to|through|in)\s+"
                rf"(?:{NUM}\s*-\s*)?{NUM}{deg}|(?:{NUM}\s*-\s*)?{NUM}\s*(?:°|deg\w*|degrees?))",
                flags,
            ),
            listed("position_exercises"),
        ),
        led(
            re.compile(
                rf"\b(?:{listed('date_before')})\s+(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])\b"
                r"(?!\s*/)"
            ),
            listed("date_before"),
        ),
        led(
            re.compile(
                rf"{_not_after(words.words('series_not_after'))}"
                rf"\b(?:{listed('counted_before')})\.?[ \t]*#?[ \t]*{NUM}[ \t]*(?:/|of\b|out of\b)"
                rf"[ \t]*{NUM}",
                flags,
            ),
            listed("counted_before"),
        ),
        led(
            re.compile(
                # "walk 50 ft with 2 turns 01", "two turns 88": a count of turns is followed by
                # an item's level, and a number with a leading zero is no angle of a turn
                rf"(?<!\d[ \t])(?<!\btwo[ \t])\b(?:{listed('turns_before')})[ \t]+"
                rf"(?:(?:of|about|around|through)[ \t]+)?(?!0\d){NUM}{deg}",
                flags,
            ),
            listed("turns_before"),
        ),
    )


def _after_words(words: tuple[str, ...]) -> str:
    """Lookbehinds, one of which holds: right after one of `words` and a space ("a 23 %
    improvement", "shows 27% decline")."""
    return "|".join(rf"(?<=\b{word}[ \t])" for word in words) or "(?!)"


def _not_after(words: tuple[str, ...]) -> str:
    """Lookbehinds: not right after one of `words` and a space or a hyphen ("post-session")."""
    return "".join(rf"(?<!\b{word}[ -])" for word in words)


# A goal tagged at its sentence's end ("Ambulate 500 ft with SPC independently (goal).", "R knee
# flex 120 (LTG)"): the whole sentence is the goal, though no goal word opens it. A bracket that
# holds more ("(goal met)", "(goal 500 ft)", "(goal by d/c: 87/100)") is no such tag.
GOAL_TAG = re.compile(
    r"\((?:(?:long|short)[- ]term[ \t]+)?(?:goals?|STGs?|LTGs?)\)(?=[ \t]*[.;]?[ \t]*(?:\n|\Z))",
    re.IGNORECASE,
)


# Where a goal statement starts: its numbers are targets, not measurements. "Objective:" is a
# SOAP heading and "reach to targets" an exercise; an objective or a target is a goal only
# when numbered, plural ("Short-term objectives") or followed by its value ("target 90°").
# The bullets and blanks a line's or a sentence's "Target" may open with ("- Target knee
# flexion 120"), and where such a line or sentence starts.
GOAL_START_BLANKS = " \t*\u2022-"
_GOAL_LINE_OPENING = rf"(?:(?<=\n)|(?<=[.;]\s)|\A)[{re.escape(GOAL_START_BLANKS)}]*"
GOAL_START = re.compile(
    r"\b(?:STGs?|LTGs?|goals?|objectives|objective\s*#?\s*\d)\b"
    r"|\btargets?\b(?=\s*(?:[:=]|#?\s*\d|of\b|is\b|for\b))"
    # a target word, a measure and its value, then a time frame ("target flexion 150° by week
    # 8", "targeting knee ext 0 within 4 wks"): a goal however the measure sits between
    r"|\btarget(?:s|ing|ed)?\b(?=[^.;\n\d]{1,40}\d+(?:\.\d+)?[^.;\n\d]{0,12}"
    r"\b(?:by|within|before|in\s+\d+\s*(?:wks?|weeks?|mos?|months?|visits?|sessions?|days?))\b)"
    # a line or a sentence opened by "Target" and a measure with its value ("Target knee flexion
    # 150 deg."): the plan's value; "reach to targets" and "hit targets 8/10" open no clause;
    # a target said met ("Target met: knee flex 120 deg today") opens today's value, no goal
    rf"|{_GOAL_LINE_OPENING}target\b"
    r"(?!\s*(?:(?:was|is|now|has\s+been|been)\s+)?(?:met|achieved|reached|attained)\b)"
    r"(?=[^.;\n\d]{1,40}\d)"
    # "Aim: ...", "Aim 0-110° by 6/52", "aiming for 120°": a goal (UK and Australian notes write
    # it so), never the AIMS (the Alberta Infant Motor Scale) in capitals; "aiming for stairs"
    # names no value, so the clause after it is no goal
    r"|\baims?\b(?-i:(?<=[a-z]))(?=\s*(?:[:=]|#?\s*\d|of\b|is\b|for\b|to\b))"
    r"|\baiming\b(?=\s*(?:for\s+)?#?\d)"
    # a target said in other words, with a value in the clause ("aiming for TUG under 12 s",
    # "hoping to get Berg to 50/56", "expected outcome: gait speed 1.0 m/s")
    r"|\b(?:aim(?:ing|s)?\s+(?:for|to)|(?:hop(?:ing|es?)|expect(?:ing|s)?|would\s+like)\s+to"
    r"\s+(?:get|reach|achieve|be|return|improve|increase))\b(?=[^.,;\n\d]{0,40}\d)"
    r"|\b(?:expected|anticipated|desired)\s+outcomes?\b",
    re.IGNORECASE,
)


def _opening_words(pattern: re.Pattern[str], opening: str) -> tuple[str, ...]:
    """The words, in lower case, each alternative of `pattern` opens with after its word
    boundary or after `opening` (a line's blanks): every match starts on one of them, so a
    search for the words finds every place the pattern may match. Derived from the pattern,
    never kept in step with it by hand; an alternative opening otherwise is a mistake."""
    words: list[str] = []
    for alternative in alternatives(pattern.pattern):
        body = alternative.removeprefix("\\b").removeprefix(opening)
        found = leading_letters(_lower_fragment(body)) if body != alternative else None
        if found is None:
            raise ValueError(f"no opening word in {alternative[:40]!r}")
        words += found
    return tuple(dict.fromkeys(words))


# The words a goal statement opens with: every match of GOAL_START starts on one of them after
# no letter or digit, or in the blanks before a line's "Target".
GOAL_START_WORDS = _opening_words(GOAL_START, _GOAL_LINE_OPENING)

SIDE_NAMES = {"r": "R", "rt": "R", "right": "R", "l": "L", "lt": "L", "left": "L"}

DEGREES = r"(?:°|deg\b|degs\b|degrees?\b)"

# Words allowed between a value and an earlier value of the same thing ("34%, was 42").
FOLLOW = re.compile(
    r"[\s,;:()\[\]\-/>|]*(?:(?:was|were|from|to|vs\.?|versus|against|compared (?:with|to)"
    r"|eval(?:uation)?|IE|initial(?:ly)?"
    r"|baseline|previous(?:ly)?|prev|prior|last(?:\s+(?:wk|week|visit|session|time))?|at|on"
    # an earlier visit by its counter ("(prev day 3)", "(first session 31)")
    rf"|(?:{either(re.escape(word) for word in earlier_visit_words())})\s+"
    r"(?:day|session|visit|week|wk|tx|appointment)"
    r"|um+|uh+|erm|and|now|today|currently|down|up|improved|decreased|increased|loss|then|SOC|admission|L|R"
    r"|left|right|contralateral|uninvolved|it|it's|that's|he|she|they|this|that|the|of|in|for|start"
    r"|episode|care|progress|report|PR|re-?eval(?:uation)?|intake|visit|week|wk|score|total"
    r"|comfortable|self-selected|preferred|fast|max(?:imal)?|usual|normal pace|today's"
    r"|discharge|d/c|DC|current|final|follow-up|f/u|re-?assessment)"
    # a whole word only: "INR" is no "in" and "R"
    r"(?![A-Za-z])[\s,;:()\[\]\-/>|]*)*",
    re.IGNORECASE,
)

# Units a loose number may carry, for verification of drafts (class name -> pattern).
UNIT_CLASSES: dict[str, str] = {
    "ratio10": r"/\s*10\b|\s*out of\s*10\b",
    "grade5": r"/\s*5\b|\s*out of\s*5\b",
    "deg": r"\s*" + DEGREES,
    "pct": r"\s*(?:%|percent\b|pct\b)",
    "weight": r"\s*(?:lbs?\b|#|kg\b|pounds?\b)",
    "length": r"\s*(?:cm\b|mm\b)",
    "distance": r"\s*(?:ft\b|feet\b|foot\b|m\b|meters?\b|metres?\b|yards?\b|yds?\b)",
    "seconds": r"\s*(?:s\b|sec\b|secs\b|seconds?\b)",
    "minutes": r"\s*(?:min\b|mins\b|minutes?\b)",
    "speed": r"\s*(?:m/s\b|mph\b)",
    "points": r"\s*(?:points?\b|pts?\b)",
    "units": r"\s*units?\b",
}


def alternation(names: Iterable[str], *, flexible: bool = True) -> str:
    """A regex matching any of the names, longest first; spaces and hyphens are flexible."""
    parts = []
    for name in sorted(set(names), key=len, reverse=True):
        pieces = [re.escape(piece) for piece in re.split(r"[\s\-]+", name.strip()) if piece]
        parts.append(r"[\s\-]*".join(pieces) if flexible else re.escape(name))
    return "|".join(parts) if parts else r"(?!x)x"


def _alias_key(text: str) -> str:
    return re.sub(r"[\s\-]+", "", text)


def _cased(body: str, exact_case: bool) -> str:
    """A name's pattern in its own case only where the table says so ("PT" is no "pt"), else in
    any case."""
    return body if exact_case else f"(?i:{body})"


def _longest_first(parts: list[tuple[int, str]]) -> str:
    """The names' patterns (each with its name's length) joined longest first, so a name wins
    over a shorter one it starts with ("TUG cognitive" over "TUG")."""
    return "|".join(body for _, body in sorted(parts, key=lambda item: item[0], reverse=True))


@dataclass(frozen=True)
class MeasureMatcher:
    """Finds outcome-measure names in text and says which measure each one is."""

    pattern: re.Pattern[str]
    exact: Mapping[str, MeasureDef]
    folded: Mapping[str, MeasureDef]
    finder: Led

    def measure(self, written: str) -> MeasureDef | None:
        key = _alias_key(written)
        return self.exact.get(key) or self.folded.get(key.lower())


def build_measure_matcher(extra: Iterable[str] = ()) -> MeasureMatcher:
    """The built-in measures plus a clinic's own measure names (no range check for those)."""
    defs = list(measure_defs())
    known = {_alias_key(a).lower() for d in defs for a in d.aliases}
    for name in extra:
        name = name.strip()
        if name and _alias_key(name).lower() not in known:
            defs.append(MeasureDef(name=name, aliases=(name,)))
            known.add(_alias_key(name).lower())
    exact: dict[str, MeasureDef] = {}
    folded: dict[str, MeasureDef] = {}
    parts: list[tuple[int, str]] = []
    for measure in defs:
        for alias in measure.aliases:
            exact_case = alias in measure.exact_case
            if exact_case:
                exact[_alias_key(alias)] = measure
            else:
                folded[_alias_key(alias).lower()] = measure
            parts.append((len(alias), _cased(alternation([alias]), exact_case)))
    joined = _longest_first(parts)
    # "TUG-cognitive", "Berg-short": a hyphenated name is another instrument than its stem
    pattern = re.compile(rf"(?<![A-Za-z0-9])(?:{joined})(?![A-Za-z]|-[A-Za-z])")
    aliases = [alias for measure in defs for alias in measure.aliases]
    return MeasureMatcher(
        pattern=pattern, exact=exact, folded=folded, finder=led(pattern, _first_words(aliases))
    )


def _first_words(names: Iterable[str]) -> str:
    """An alternation of the first word of each name: where any of the names can start."""
    firsts = {re.split(r"[\s\-]+", name.strip())[0].lower() for name in names if name.strip()}
    return "|".join(re.escape(word) for word in sorted(firsts, key=len, reverse=True))


@cache
def measure_matcher(extra: tuple[str, ...] = ()) -> MeasureMatcher:
    return build_measure_matcher(extra)


@dataclass(frozen=True)
class ServiceMatcher:
    """Finds service names ("ther ex", "manual", "97110") and gives each one's CPT code."""

    pattern: re.Pattern[str]
    codes: Mapping[str, str]
    finder: Led

    def code(self, written: str) -> str | None:
        if re.fullmatch(r"9\d{4}|G\d{4}", written):
            return written
        key = _alias_key(written)
        return self.codes.get(key) or self.codes.get(key.lower())


@cache
def service_matcher() -> ServiceMatcher:
    tables = billing_tables()
    exact_names = tables.services_exact_case
    codes: dict[str, str] = {}
    parts: list[tuple[int, str]] = []
    for name, code in tables.services.items():
        body = alternation([name])
        not_before = tables.services_not_before.get(name)
        if not_before:  # "MH counselor": mental health, no moist heat
            body = f"{body}(?![ \\t]+(?i:{'|'.join(not_before)})\\b)"
        key = _alias_key(name)
        codes[key if name in exact_names else key.lower()] = code
        parts.append((len(name), _cased(body, name in exact_names)))
    joined = _longest_first(parts)
    pattern = re.compile(rf"(?<![A-Za-z0-9])(?:{joined}|9\d{{4}}|G\d{{4}})(?![A-Za-z0-9])")
    finder = led(pattern, _first_words(tables.services), r"9\d{4}|g\d{4}")
    return ServiceMatcher(pattern=pattern, codes=codes, finder=finder)


@dataclass(frozen=True)
class Words:
    """Compiled word lists from the vocabulary table."""

    pain: re.Pattern[str]
    not_pain: re.Pattern[str]
    regions: re.Pattern[str]
    motion: re.Pattern[str]
    joint: re.Pattern[str]
    muscle: re.Pattern[str]
    rom_any: re.Pattern[str]
    pain_finder: Led
    regions_finder: Led
    rom_finder: Led


@cache
def words() -> Words:
    vocab = vocabulary()
    tables = billing_tables()
    motion = _keys_pattern(vocab.motions)
    joint = _keys_pattern(vocab.joints)
    muscle = _keys_pattern(vocab.muscles)
    rom_terms = [*vocab.motions, *vocab.joints, "AROM", "PROM", "ROM", "AAROM", "lacks", "lacking"]
    pain = words_pattern(vocab.pain_words)
    regions = words_pattern(tables.region_terms)
    rom_any = _keys_pattern(rom_terms)
    return Words(
        pain=pain,
        not_pain=words_pattern(vocab.not_pain_words),
        regions=regions,
        motion=motion,
        joint=joint,
        muscle=muscle,
        rom_any=rom_any,
        pain_finder=led(pain, *vocab.pain_words),
        regions_finder=led(regions, *tables.region_terms),
        rom_finder=led(rom_any, "|".join(re.escape(term) for term in rom_terms)),
    )


def _keys_pattern(keys: Iterable[str]) -> re.Pattern[str]:
    """Whole-word keys; the words of a key of several may each end in an abbreviation's dot
    ("ext. rot." is "ext rot")."""
    body = "|".join(
        re.escape(k).replace(r"\ ", r"\.?\s+") for k in sorted(set(keys), key=len, reverse=True)
    )
    return re.compile(rf"(?<![A-Za-z0-9])(?:{body})(?![A-Za-z0-9])", re.IGNORECASE)
