"""What a guessed fact stands on: the shape of the name it was read under and the mark written
with its number; weak guesses are left unclassified instead of becoming facts.

A score under an instrument the tables do not list is a guess: "PRWE 34" is one, "AFOs 90",
"PCA 0.2" or "ORIF 3/15" only look like one. Each such fact gets points for its name's shape
(a versioned acronym "PFDI-20", an acronym, a hyphenated proper name "Fugl-Meyer", a name with
a test noun, Title Case, a plural or glued word...) and for its mark (a denominator, a unit,
nothing, or a fraction that reads as a date near the note's own). The points and the threshold
are data (measures.toml [evidence]), set by counting true and false facts per class on the
evaluation sets (tests/eval/evidence.py). Facts of the listed instruments are never gated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from tui.core.checks.facts import Fact
from tui.core.checks.tables import evidence_rules, instrument_words, measure_defs, vocabulary
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import DAY_OF_MONTH, earlier_visit_words

# Shapes of a written instrument name's first word (a side letter skipped): the first four are
# tried before an abbreviation's capitals are counted, the rest after.
_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("dose", re.compile(r"^[A-Za-z]+x\d+$|^\d+x[A-Za-z]+$")),  # "VORx1"
    ("plural", re.compile(r"^[A-Z]{2,}s$")),  # "AFOs", "METs"
    ("glued", re.compile(r"^[A-Z][a-z]+[A-Z][a-z]")),  # "PainNow", "PainWorst7d"
    (
        "versioned",
        re.compile(
            r"^[A-Za-z]*[A-Z]{2}[A-Za-z]*(?:-(?:\d+|[A-Za-z]+)|'\d{2})$"
            r"|^[A-Z][a-z]+-(?:[IVX]+|\d+)$"
        ),
    ),  # "PFDI-20", "FAAM-Sport", an edition's year "DCDQ'07", and a proper name with its
    # edition: "Bayley-III", "Vineland-3"
    ("compound", re.compile(r"^[A-Z][a-z]*-[A-Z][a-z]+$")),  # "Fugl-Meyer", "L-Dex"
    ("title", re.compile(r"^[A-Z][a-z]")),
    ("words", re.compile(r"[A-Za-z]{2}")),
)
_HEAD = re.compile(r"[^\s(/:,;]+")
# A sentence's opening words: a capital only where the sentence starts, every later word in
# lower case ("Letters formed correctly"), where a name capitalises its words ("Kettle Test").
_PHRASE = re.compile(r"[A-Z][a-z]+(?:[ \t]+[a-z]+){2,}")
_SIDES = frozenset({"l", "r", "b", "lt", "rt", "left", "right", "bilat", "bilateral"})
_ABBREVIATION = re.compile(r"^[A-Za-z0-9&]+$")
_WORDS = re.compile(r"[A-Za-z]+")
_NOTE_DATE = re.compile(
    r"^[ \t]*(?:date(?: of service)?|dos|visit date)[ \t]*:[ \t]*"
    r"(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})/(\d{1,2})/(\d{4}))",
    re.IGNORECASE | re.MULTILINE,
)
_HEADER_REACH = 3000
_HEADING_REACH = 160


@dataclass(frozen=True)
class Evidence:
    """A fact's name class and mark ("acronym", "denominator") and the points they are worth."""

    name: str
    mark: str
    points: int

    @property
    def key(self) -> str:
        return f"{self.name}+{self.mark}"


@dataclass(frozen=True)
class _Rules:
    threshold: int
    kinds: frozenset[str]
    window: int
    date_names: frozenset[str]
    small_denominator: int
    dose_after: re.Pattern[str]
    owner_before: re.Pattern[str]
    scheduled_before: re.Pattern[str]
    heading: re.Pattern[str]
    name_points: Mapping[str, int]
    mark_points: Mapping[str, int]


@cache
def _rules() -> _Rules:
    data: Mapping[str, Any] = evidence_rules()
    return _Rules(
        threshold=int(data.get("threshold", 0)),
        kinds=frozenset(str(kind) for kind in data.get("gated_kinds", ())),
        window=int(data.get("date_window_days", 0)),
        date_names=frozenset(str(name) for name in data.get("date_names", ())),
        small_denominator=int(data.get("small_denominator", 0)),
        dose_after=re.compile(
            rf"[ \t]*(?:{_alternatives(data.get('dose_units', ()))})(?![A-Za-z])", re.IGNORECASE
        ),
        owner_before=re.compile(
            rf"(?<![A-Za-z])(?:{_alternatives(data.get('owner_nouns', ()))})[ \t:#]*\Z",
            re.IGNORECASE,
        ),
        scheduled_before=re.compile(
            rf"(?<![A-Za-z])(?:{_alternatives(data.get('schedule_words', ()))})[ \t]+"
            rf"(?:{_alternatives(data.get('owner_nouns', ()))})[ \t#]*\Z",
            re.IGNORECASE,
        ),
        heading=re.compile(
            rf"[ \t*\u2022-]*(?:{_alternatives(data.get('heading_words', ()))})\b[^:\n]{{0,30}}:",
            re.IGNORECASE,
        ),
        name_points={str(k): int(v) for k, v in data.get("name", {}).items()},
        mark_points={str(k): int(v) for k, v in data.get("mark", {}).items()},
    )


def _alternatives(words: Any) -> str:
    """Regular-expression fragments of a data list as one alternation (never empty)."""
    found = [str(word) for word in words] if isinstance(words, list) else []
    return "|".join(found) if found else "(?!)"


def gated(fact: Fact) -> bool:
    """True for a fact whose reading is a guess the evidence must carry: a score of a kind the
    rules gate, under a name (a score with no name is read by rules of its own)."""
    numeric = isinstance(fact.value, int | float)
    if not numeric or fact.kind not in _rules().kinds:
        return False
    return fact.kind == "rom" or bool(fact.measure)


def evidence_of(
    fact: Fact, measures: Sequence[str] = (), note_date: date | None = None, text: str = ""
) -> Evidence:
    """The evidence a fact was read on and its points; `text` is the text its span points
    into, where the words right before and after its number are read."""
    rules = _rules()
    name = _name_class(fact, measures)
    mark = _owned(fact, text, rules) or _mark(
        fact, note_date if name in rules.date_names else None, rules
    )
    points = rules.name_points.get(name, 0) + rules.mark_points.get(mark, 0)
    return Evidence(name, mark, points)


def strong(
    fact: Fact, measures: Sequence[str] = (), note_date: date | None = None, text: str = ""
) -> bool:
    """True when a fact is not gated, or its evidence reaches the threshold."""
    if not gated(fact):
        return True
    return evidence_of(fact, measures, note_date, text).points >= _rules().threshold


_NUMBER = re.compile(r"(?<![\w.-])\d+(?:\.\d+)?(?!\d|\.\d|[A-Z])")


def _owned(fact: Fact, text: str, rules: _Rules) -> str:
    """ "dose" when a drug's, a lab's or a vital's unit follows the number, "owned" when a noun
    the number counts or sets stands right before it, "heading" on a line headed as labs,
    medications or vitals; else "" (the mark is read from the fact)."""
    start, end = fact.span
    if not text or not 0 <= start < end <= len(text):
        return ""
    number = _last_number(text, start, end)
    if number is None:
        return ""
    if rules.dose_after.match(text, number[1], min(len(text), number[1] + 12)):
        return "dose"
    if fact.kind == "rom" and _out_of_whole(text, number):
        return "of_whole"
    if _span_of_days(text, number):
        return "date"
    if owned_at(text, number[0]):
        return "owned"
    # the line's start within a heading's reach (a look bounded so a note of one long line
    # stays linear)
    line_start = text.rfind("\n", max(0, number[0] - _HEADING_REACH), number[0]) + 1
    if (line_start or number[0] <= _HEADING_REACH) and rules.heading.match(
        text, line_start, number[0]
    ):
        return "heading"
    return ""


# A count out of a small whole, "N of M" with M at most 12 ("SPT rotation 2 of 3", "shift 1 of
# 2", "rotation week 4 of 6"): no joint's range is a dozen degrees, so no angle is written so,
# whatever motion word stands before it ("ER 45 of 90" stays an angle out of its norm).
_SMALL_WHOLE = r"(?:1[0-2]|[1-9])"
_OF_WHOLE_AFTER = re.compile(
    rf"[ \t]+of[ \t]+{_SMALL_WHOLE}(?!\d|\.\d|[ \t]*(?:°|deg))", re.IGNORECASE
)
_OF_WHOLE_BEFORE = re.compile(rf"(?<![\d.]){_SMALL_WHOLE}[ \t]+of[ \t]+\Z", re.IGNORECASE)


def _out_of_whole(text: str, number: tuple[int, int]) -> bool:
    """True when the number counts out of a small whole ("2 of 3") or is that whole ("3"
    after "2 of "): a count, no angle."""
    start, end = number
    digits = text[start:end]
    if not digits.isdigit() or int(digits) > 12 or text[end : end + 1] == "°":
        return False
    return bool(
        _OF_WHOLE_AFTER.match(text, end, min(len(text), end + 12))
        or _OF_WHOLE_BEFORE.search(text, max(0, start - 12), start)
    )


def owned_at(text: str, start: int) -> bool:
    """True when a noun the number counts stands right before it ("visit 1", "session 9",
    "cycle 6"): the number is that noun's, no score. After a word of when ("last visit 5",
    "first session 12") the noun names a time and the number is its score."""
    found = _rules().owner_before.search(text, max(0, start - 20), start)
    if found is None:
        return False
    return _WHEN_BEFORE.search(text, max(0, found.start() - 12), found.start()) is None


def earlier_visit_at(text: str, start: int) -> bool:
    """True when the number at `start` is what was measured at an earlier visit the words
    before it name ("PCSS 14 (last visit 31)", "first session 12"): the counter's noun names a
    time there, and the number after it is no visit's number but that visit's score."""
    found = _rules().owner_before.search(text, max(0, start - 20), start)
    if found is None or _DAY_OF_MONTH.match(text, start):
        return False  # "(41 at initial visit 02 JAN)": the visit's day, no score
    return _WHEN_BEFORE.search(text, max(0, found.start() - 12), found.start()) is not None


_DAY_OF_MONTH = re.compile(DAY_OF_MONTH)
# The word of an earlier visit before a counter's noun: the one list lexicon's counters ask too.
_WHEN_BEFORE = re.compile(rf"\b(?:{either(earlier_visit_words())})[ \t]+\Z", re.I)


# A month and day joined to a second one ("Data window: 1/11 to 5/7", "stay 5/14-5/29").
_SPAN_OF_DAYS = re.compile(
    r"/(3[01]|[12]\d|0?[1-9])[ \t]*(?:to|through|thru|until|till|-|\u2013)[ \t]*"
    r"(?:1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])(?![\d/])",
    re.IGNORECASE,
)


def _span_of_days(text: str, number: tuple[int, int]) -> bool:
    """A number that opens a span of two days ("1/11 to 5/7"): a date. Two fractions out of
    one whole ("Lawton IADL 4/8 - 6/8") are a scale's scores, its progress."""
    month = text[number[0] : number[1]]
    found = _SPAN_OF_DAYS.match(text, number[1])
    if found is None or not month.isdigit() or not 1 <= int(month) <= 12:
        return False
    return int(found.group(1)) != int(found.group(2))


def scheduled_at(text: str, start: int) -> bool:
    """True when the number at `start` says when something happens ("after cycle 12", "at
    visit 9"): the number is that noun's, no instrument's score."""
    return _rules().scheduled_before.search(text, max(0, start - 30), start) is not None


def _last_number(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the fact's number: the first number of its span that is not part of the
    name ("PFDI-20", "6MWT")."""
    spans = [m.span() for m in _NUMBER.finditer(text, start, end)]
    if not spans:
        return None
    return spans[0]


def note_date(text: str) -> date | None:
    """The date of service in a note's header lines ("Date: 2031-03-30", "DOS: 3/30/2031")."""
    match = _NOTE_DATE.search(text, 0, min(len(text), _HEADER_REACH))
    if match is None:
        return None
    year, month, day = (
        (match[1], match[2], match[3]) if match[1] else (match[6], match[4], match[5])
    )
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _mark(fact: Fact, when: date | None, rules: _Rules) -> str:
    unit = (fact.unit or "").strip()
    if unit.startswith("/"):
        denominator = unit[1:].strip()
        if _near_date(fact.value, denominator, when, rules.window):
            return "date"
        if denominator.isdigit() and int(denominator) <= rules.small_denominator:
            return "small_denominator"
        return "denominator"
    return "unit" if unit else "bare"


def _near_date(value: object, denominator: str, when: date | None, window: int) -> bool:
    """A fraction that reads as a month and day within `window` days of the note's date."""
    if when is None or not isinstance(value, int) or not denominator.isdigit():
        return False
    month, day = value, int(denominator)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    for year in (when.year - 1, when.year, when.year + 1):
        try:
            if abs((date(year, month, day) - when).days) <= window:
                return True
        except ValueError:
            return False
    return False


def _name_class(fact: Fact, measures: Sequence[str]) -> str:
    if fact.kind == "rom":
        return "motion" if _range_words().search(_split_glued(fact.label)) else "none"
    name = (fact.measure or fact.label or "").strip()
    if not name:
        return "none"
    if fact.measure and (fact.measure in _known() or fact.measure in measures):
        return "known"
    if any(word.casefold() in _test_nouns() for word in _WORDS.findall(name)):
        return "test_noun"
    heads = [word for word in _HEAD.findall(name) if word.casefold() not in _SIDES]
    if _PHRASE.fullmatch(" ".join(heads)):
        return "phrase"  # "Letters formed correctly 17/24": a sentence's words, no name
    word = heads[0] if heads else name
    for shape, pattern in _SHAPES[:4]:
        if pattern.search(word):
            return shape
    capitals = sum(ch.isupper() for ch in word)
    if _ABBREVIATION.match(word) and capitals >= sum(ch.islower() for ch in word):
        if capitals >= 3:
            return "acronym"  # "PRWE", "T25FW", "CB&M", "HiMAT", "mCTSIB"
        if capitals == 2:
            return "short"  # "SE", "CV", "OU"
    for shape, pattern in _SHAPES[4:]:
        if pattern.search(word):
            return shape
    return "none"


def _split_glued(label: str) -> str:
    """A label with glued words apart ("Objective.CervicalRotation.R" -> "Objective Cervical
    Rotation R"), so an export's keys name their motion like words do."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])|[._]", " ", label)


@cache
def _range_words() -> re.Pattern[str]:
    """Words that make a label a range of motion's: motions, joints (measures.toml [rom]) and
    range nouns ([evidence] range_nouns)."""
    words = vocabulary()
    found = {*words.motions, *words.motions.values(), *words.joints, *words.joints.values()}
    found |= {str(noun) for noun in evidence_rules().get("range_nouns", ())}
    alternatives = "|".join(sorted((re.escape(w) for w in found if w), key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])", re.IGNORECASE)


@cache
def _known() -> frozenset[str]:
    return frozenset(measure.name for measure in measure_defs())


@cache
def _test_nouns() -> frozenset[str]:
    return frozenset(word.casefold() for word in instrument_words().get("test_nouns", ()))
