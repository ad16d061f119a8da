"""Other measurements: grip and pinch strength, girth and edema, timed balance, vital signs,
percentages and walking distances.

Grip, pinch, girth and balance values are read only in a sentence that names the test, so an
exercise load ("10 pound box", "1#") or a landmark ("1 cm above the patella") is not taken.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass, replace
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts import girth_rows
from tui.core.checks.layouts.girth_words import FIGURE_OF_8
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.measures.heart_rates import read_heart_rates
from tui.core.checks.measures.hold_times import dosed
from tui.core.checks.measures.place_distances import describes_place
from tui.core.checks.measures.prime_minutes import walked_before
from tui.core.checks.tables import heart_rate_names, measures_section, setting_words, vital_names
from tui.core.checks.text.alternation import either
from tui.core.checks.text.anchored import Anchored
from tui.core.checks.text.lexicon import FOLLOW, GOAL_START, Led, led, word_first
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.sides import SIDE_WORD
from tui.core.checks.text.unit_led import unit_led

# The day of a date written month/day ("10/02 %"): a zero-led number after a number and a slash
# is never a measurement ("32/34 cm", a pair of values, is).
_DATE_DAY = r"(?!(?<=\d/)0\d)"
_PERCENT = re.compile(
    _DATE_DAY + r"(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)\s*(?:%|percent\b)", re.IGNORECASE
)
# A rate of performance: "9 wpm", "cadence 96 steps/min".
_RATE = re.compile(
    _DATE_DAY + r"(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)\s*(wpm|words per minute|steps/min|spm)\b",
    re.IGNORECASE,
)
_LENGTH = re.compile(
    _DATE_DAY + r"(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)\s*(cm|mm)\b(?!\s*Hg)", re.IGNORECASE
)
_PRESSURE_READING = re.compile(r"(?<![A-Za-z0-9./])(\d{1,3})\s*(mm\s*Hg)\b", re.IGNORECASE)
# A surface EMG reading in microvolts ("resting tone 3.1 µV", "MVC peak 21 uV"): only a measurement
# has this unit (a threshold set on the biofeedback unit is blocked as a setting).
_MICROVOLTS = re.compile(_DATE_DAY + r"(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)\s*(?:[\u00b5\u03bc]V|uV)\b")
_DISTANCE = re.compile(
    _DATE_DAY + r"(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)\s*(ft|feet|m|meters|metres|yards|yds)\b(?!/)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Region:
    kind: str
    keyword: re.Pattern[str] | Led | Anchored  # searched from its leading words (lexicon.led)
    value: re.Pattern[str]
    units: dict[str, str]
    # A unit that makes a value another kind of measurement: a limb's volume in mL is measured
    # under the same edema words as a girth, but it is a volume, not a circumference.
    unit_kinds: tuple[tuple[str, str], ...] = ()
    # A grip or pinch squeezed on a bulb or a cuff reads as a pressure (measures.toml
    # [grip_pressure]): the force's value in mmHg under the test's words, never a vital sign.
    pressures: bool = False


_REGIONS = (
    _Region(
        "strength",
        led(
            re.compile(
                r"\b(?:(?:lateral|key|tip|tip[- ]to[- ]tip|3[- ]?point|2[- ]?point|palmar|tripod"
                r"|3[- ]jaw(?: chuck)?)\s+)?(?:(?<!-)grip|pinch)\b|\bdynamomet(?:er|ry)\b"
                # "pistol-grip pruner 0.6 kg": a grip joined to a word names a handle, not the
                # test, unless the test's words follow ("hand-grip strength")
                r"|(?<=-)grip(?=[ \t]*(?:strength|dynamomet|test|[:(]))"
                r"|\bHHD\b|\bJamar\b",
                re.IGNORECASE,
            ),
            "lateral|key|tip|3|2|palmar|tripod|grip|pinch|dynamomet|hhd|jamar",
        ),
        re.compile(r"(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)\s*(lbs?|#|kg|pounds?)(?![A-Za-z])", re.I),
        {"lb": "lb", "lbs": "lb", "#": "lb", "pound": "lb", "pounds": "lb", "kg": "kg"},
        pressures=True,
    ),
    _Region(
        "girth",
        word_first(re.compile(girth_rows.GIRTH_WORDS, re.IGNORECASE)),
        re.compile(r"(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)\s*(cm|mm|ml|mL)(?![A-Za-z])"),
        {"cm": "cm", "mm": "mm", "ml": "mL", "mL": "mL"},
        unit_kinds=(("mL", "other"),),
    ),
    _Region(
        "other",
        word_first(
            re.compile(
                r"\b(?:SLS|single[- ]l(?:eg|imb) stance|tandem(?: stance)?|semi[- ]tandem"
                r"|feet[- \t]+together|side[- ]by[- ]side|timed[ \t]+hop"
                r"|Romberg|brake[ \t]+(?:reaction|response)[ \t]+time"
                r"|(?:reaction|response)[ \t]+time"
                r"(?![ \t]+(?:drills?|training|practice|exercises?|games?|tasks?))"
                # "reaction to the stop command 1.2 s"
                r"|reaction(?=[ \t]+to[ \t]))\b",
                re.IGNORECASE,
            )
        ),
        re.compile(r"(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds)\b", re.I),
        {"s": "s", "sec": "s", "secs": "s", "seconds": "s"},
    ),
)


@cache
def _regions() -> tuple[_Region, ...]:
    """The regions, the strength region's value also read in a grip's pressure unit."""
    return tuple(_with_pressures(region) if region.pressures else region for region in _REGIONS)


def _with_pressures(region: _Region) -> _Region:
    """The region whose value may also be written in a pressure unit (measures.toml
    [grip_pressure]); a number after a slash is the lower half of a blood pressure, never a
    squeeze (a weight after a slash is the second of a pair, "22/24 kg")."""
    table = measures_section("grip_pressure")
    units = either(tuple(table.get("units", ())))
    weights = r"lbs?|#|kg|pounds?"
    pattern = re.compile(
        rf"(?<![A-Za-z0-9.])(?:(?<!/)|(?=\d+(?:\.\d+)?\s*(?:{weights})(?![A-Za-z])))"
        rf"(\d+(?:\.\d+)?)\s*({weights}|{units})(?![A-Za-z])",
        re.IGNORECASE,
    )
    name = str(table.get("name", ""))
    return dataclasses.replace(region, value=pattern, units={**region.units, _PRESSURE_KEY: name})


# Every spelling of a pressure unit ("mmHg", "mm Hg") is looked up under one key.
_PRESSURE_KEY = "mmhg"


def read_regions(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Values with the test's unit in each sentence that names grip, pinch, girth, stance."""
    for region in _regions():
        keywords = list(region.keyword.finditer(scanner.text))
        for keyword in keywords:
            scanner.block(keyword.start(), keyword.end())
        for index, keyword in enumerate(keywords):
            if scanner.in_header(keyword.start()):
                continue
            end = _clause_end(
                scanner, keyword.end(), scanner.sentence_after(keyword.end()), listed=keyword
            )
            if region.kind == "girth":
                name = keyword.group().lower()
                end = girth_rows.read_rows(scanner, facts, name, keyword.end(), end)
            own_end = end  # where the values of the test the keyword names first end
            if region.kind == "strength" and not _NAMES_TEST.search(keyword.group()):
                own_end = _clause_end(scanner, keyword.end(), end)
                end = _items_after(scanner, end)
            read = []
            first = len(facts)
            for value in region.value.finditer(scanner.text, keyword.end(), end):
                # an item of the list in a later clause is the dynamometer's, never a grip's
                # of the first ("Dynamometer: R grip 25 kg. Elbow flexion R 12 kg")
                nearest = keyword if value.start() >= own_end else _nearest(keywords, index, value)
                if _CEILING.search(scanner.text, max(0, value.start() - 20), value.start()):
                    continue  # "feet together 14 s of 30 s": the test's ceiling, no result
                if _normed(scanner.text, keyword.end(), value.start()) or _norm_led(
                    scanner, keyword, value.start()
                ):
                    continue  # "(norm for age ~25 kg)": the population's value
                if region.kind == "other" and dosed(scanner, value.start(1), value.end()):
                    continue  # "EC on firm surface 20 s x 4": a stance practised, not timed
                if scanner.free(value.start(1), value.end(1)) and _fits(nearest, value):
                    number, unit = value.group(1), value.group(2)
                    _region_fact(scanner, facts, region, nearest, value.span(), number, unit)
                    read.append(value)
            if read and region.kind == "strength":
                _unitless(scanner, facts, region, keyword, read, end)
                _side_of_trials(scanner.text, facts, first, keyword.start(), read[-1].end())
            elif not read and region.kind == "girth" and _TAPE.fullmatch(keyword.group()):
                _sided_girths(scanner, facts, region, keyword, end)


@cache
def _trial_words() -> re.Pattern[str]:
    words = either(measures_section("region_trials").get("words", ()))
    return re.compile(rf"(?<![^\W_])(?:{words})(?![^\W_])", re.IGNORECASE)


def _side_of_trials(text: str, facts: list[Fact], first: int, start: int, end: int) -> None:
    """Trials of one hand after its side ("R trial 1 28 kg, trial 2 30 kg, trial 3 29 kg; L
    trial 1 ..."): a trial read with no side (its side is far behind the third) takes the
    last side the run names before it, as a clinician reads the run."""
    if _trial_words().search(text, start, end) is None:
        return
    # the run's sides read once, where each stands (a look-back per trial would be quadratic)
    sides = [
        (start + at, name) for at, part, name in labels.mentions(text[start:end]) if part == "side"
    ]
    places = [at for at, _ in sides]
    for index in range(first, len(facts)):
        fact = facts[index]
        before = bisect.bisect_left(places, fact.span[0])
        if fact.kind == "strength" and before and not labels.sides_named(fact.label):
            facts[index] = replace(fact, label=labels.join(sides[before - 1][1], fact.label))


@cache
def _norm_word() -> str:
    """A norm's word (measures.toml [region_norms] words) standing alone: no letter or digit
    joined to either end."""
    words = either(measures_section("region_norms").get("words", ()))
    return rf"(?<![^\W_])(?:{words})(?![^\W_])"


@cache
def _norm_before() -> re.Pattern[str]:
    """A norm's word, then only words, a tilde or a colon up to the value."""
    return re.compile(rf"{_norm_word()}[^\d\n;()]{{0,16}}\Z", re.I)


_NORM_REACH = 40


def _normed(text: str, start: int, at: int) -> bool:
    """True for a value a norm's words name ("norm for age ~25 kg", "predicted 40 kg"), or one
    in a bracket a norm's word opens: the population's, not the patient's. A side between the
    word and the value outside a bracket ("grip normal R 40 kg") is the patient's."""
    found = _norm_before().search(text, max(start, at - _NORM_REACH), at)
    if found is not None and not labels.sides_named(found.group()):
        return True
    opening = text.rfind("(", start, at)
    if opening < 0 or text.rfind(")", opening, at) >= 0:
        return False
    return _norm_words().search(text, opening, at) is not None  # "(age norm R 30, L 28 kg)"


def _norm_led(scanner: Scanner, keyword: re.Match[str], at: int) -> bool:
    """True for a value whose test a norm's words lead in its clause, with no side from the
    norm's word to the value ("Normal grip for age is 25 kg"): the population's value."""
    text = scanner.text
    opening = max(scanner.sentence_before(keyword.start()), keyword.start() - _NORM_REACH)
    found = _norm_before().search(text, opening, keyword.start())
    if found is None or _CLAUSE_BREAK.search(found.group()):
        return False  # "Below norms, grip 18 kg": a verdict on the patient's value after it
    return not labels.sides_named(text[found.start() : at])


# A clause's mark between a norm's word and the test's name: the norm ends its own clause.
_CLAUSE_BREAK = re.compile(r"[,:;.]")


@cache
def _norm_words() -> re.Pattern[str]:
    return re.compile(_norm_word(), re.I)


_CEILING = re.compile(r"\b(?:of|out[ \t]+of)[ \t]+(?:a[ \t]+)?(?:possible[ \t]+)?\Z", re.I)


# A value of the test written without its unit, next to ones written with it: after a side ("grip
# right 8 kg, left 29") or before an arrow to a value with its unit ("L 20.8 -> 17.2 kg").
# A side's letter after it is the next value's side, no unit ("tip R 4 L 3").
_BARE = re.compile(
    r"(?<![\w./-])(\d{1,3}(?:\.\d+)?)"
    r"(?!\d|\.\d|[ \t]*(?:/|%|°|#|(?!(?i:R|L|rt|lt|right|left)\b)[A-Za-z]))"
)
_SIDE_BEFORE = re.compile(r"\b(?:R|L|rt|lt|right|left)[ \t]*:?[ \t]*\Z", re.IGNORECASE)
_ARROW_AFTER = re.compile(r"[ \t]*(?:->|-->|\u2192|=>|to)[ \t]*\d", re.IGNORECASE)


# A word that names a tape's circumference and nothing else ("fig8", "girth", "circ"): edema,
# swelling and volume words also head grades ("edema L 2+") and volumes, so they do not.
_TAPE = re.compile(rf"{FIGURE_OF_8}|girths?|circumferences?|circumferential|circ", re.IGNORECASE)
# A girth written without its unit right after its side ("edema fig8 L 55.5 R 52"): a decimal
# or two or three digits, with no unit, sign, grade or slash after it.
_SIDED_GIRTH = re.compile(
    r"(?<![\w.])(?:R|L|rt|lt|right|left)[ \t]*:?[ \t]*(\d{1,3}\.\d+|\d{2,3})"
    r"(?![\d.]|[ \t]*(?:[%\u00b0/+#\u2032\u2033'\"]|-[ \t]*\d"
    r"|(?:deg\w*|s|secs?|seconds?|min\w*|reps?|x|mm|ml|cc|in|inch\w*|lbs?|kg|ft|m|N|Nm|bpm"
    r"|pitting|grade)\b))",
    re.IGNORECASE,
)
_SIDED_GIRTHS_AT_MOST = 2
_SIDED_NUMBER = re.compile(r"(?<![\w.])(?:R|L|rt|lt|right|left)[ \t]*:?[ \t]*\d", re.IGNORECASE)


def _sided_girths(
    scanner: Scanner, facts: list[Fact], region: _Region, keyword: re.Match[str], end: int
) -> None:
    """A girth per side written without a unit after a word that names only a tape's
    measure ("fig8 L 55.5 R 52", "calf circ R 38 L 36.5"): a girth is the tape's centimetres,
    so the side's number is the girth in cm. At most one value a side, from the clause the
    word opens; no value where the clause holds any other number first."""
    text = scanner.text
    found = list(_SIDED_GIRTH.finditer(text, keyword.end(), end))
    if not found or len(found) > _SIDED_GIRTHS_AT_MOST:
        return
    if len(found) != len(_SIDED_NUMBER.findall(text, keyword.end(), end)):
        return  # a side's number with a unit or a grade ("L 12 R 10 reps"): no tape's pair
    if re.search(r"\d", text[keyword.end() : found[0].start()]):
        return  # a landmark's offset or another value first: not a side's bare girth
    for value in found:
        if scanner.free(*value.span(1)):
            _region_fact(scanner, facts, region, keyword, value.span(1), value.group(1), "cm")


def _unitless(
    scanner: Scanner,
    facts: list[Fact],
    region: _Region,
    keyword: re.Match[str],
    read: list[re.Match[str]],
    end: int,
) -> None:
    text = scanner.text
    for bare in _BARE.finditer(text, keyword.end(), end):
        start = bare.start(1)
        if not scanner.free(start, bare.end(1)):
            continue
        sided = _SIDE_BEFORE.search(text, max(keyword.end(), start - 8), start)
        arrow = _ARROW_AFTER.match(text, bare.end(1))
        if not sided and not arrow:
            continue
        near = min(read, key=lambda value: abs(value.start() - start))
        _region_fact(scanner, facts, region, keyword, bare.span(1), bare.group(1), near.group(2))


# After a semicolon, a clause opened by another subject ("; Y-balance ant reach L 58 cm") is not
# the test's; one opened by a side or a value ("; L 25 kg") still is.
_NEXT_SUBJECT = re.compile(r";[ \t]*(?!(?:R|L|rt|lt|right|left|bilat\w*|B)\b|\d|\()[A-Za-z]", re.I)


# A limb's volume is measured in millilitres: a length under a volume word ("water displacement
# not done (open area 2 cm)") is a wound's or a tape's, never the volume's.
_VOLUME_WORD = re.compile(r"volum|perometr|displacement", re.IGNORECASE)


def _fits(keyword: re.Match[str], value: re.Match[str]) -> bool:
    """False for a length under a word that names a volume."""
    return value.group(2).lower() == "ml" or not _VOLUME_WORD.search(keyword.group())


def _clause_end(
    scanner: Scanner, start: int, end: int, *, listed: re.Match[str] | None = None
) -> int:
    """Where a test's values end: at the next clause with a subject of its own; after a
    pinch that opens a list of its types ("Pinch: lateral R 3.2 kg; tip R 2.1 kg"), a clause
    that opens with a type goes on with the list."""
    text = scanner.text
    listing = listed is not None and _PINCH_LIST.fullmatch(listed.group()) is not None
    measuring = listed is not None and not _NAMES_TEST.search(listed.group())
    taped = listed is not None and _taped_key(text, listed)
    found = _NEXT_SUBJECT.search(text, start, end)
    while found is not None and (
        (listing and _PINCH_TYPE.match(text, found.start() + 1))
        or (measuring and _dynamometer_item(text, found.start() + 1))
        or (taped and _TAPED_ITEM.match(text, found.start() + 1) is not None)
    ):
        found = _NEXT_SUBJECT.search(text, found.end(), end)
    return found.start() if found else end


# After a dynamometer's name, a clause that opens with the next muscle or motion, its side and
# a force goes on with the instrument's list ("HHD hip abd R 18.2 kg, L 22.6 kg; hip ER R 11.4
# kg, L 13.9 kg"): a few words, no number before the side, the force's unit after the number.
_DYNAMOMETER_ITEM = re.compile(
    r"[ \t]*(?P<tested>[A-Za-z][A-Za-z. \t/-]{0,24}?)[ \t](?:R|L|rt|lt|right|left)[ \t]*:?[ \t]*"
    r"\d{1,3}(?:\.\d+)?[ \t]*(?:kgf?|lbs?|lbf|#|N)(?![A-Za-z])(?![ \t]*,?[ \t]*x?[ \t]*\d)",
    re.IGNORECASE,
)


# A tape's key that opens a list with its colon ("Edema (circumference, P1 middle):", "Circ:"):
# the keyword, then words or a bracket (a landmark's "P1" among them), up to the colon.
_TAPED_KEY = re.compile(r"[^\n;:]{0,40}:")
# A clause that goes on with a tape's list: a site of a few words, a side and a length ("middle
# R 7.0 cm / L 6.3 cm", "calf L 36.1 cm").
_TAPED_ITEM = re.compile(
    r"[ \t]*[A-Za-z][A-Za-z. \t/-]{0,24}?[ \t](?:R|L|rt|lt|right|left)[ \t]*:?[ \t]*"
    r"\d{1,3}(?:\.\d+)?[ \t]*(?:cm|mm|in)(?![A-Za-z])",
    re.IGNORECASE,
)


def _taped_key(text: str, keyword: re.Match[str]) -> bool:
    """A girth's or a circumference's keyword heading a list with a colon: the clauses after
    it that name a site, a side and a length are its items (see _clause_end)."""
    return bool(_TAPE.fullmatch(keyword.group()) or keyword.group().lower() == "edema") and (
        _TAPED_KEY.match(text, keyword.end()) is not None
    )


_NEXT_SENTENCE = re.compile(r"[ \t]*[.;]?[ \t]*")
_ITEMS_AT_MOST = 4


def _items_after(scanner: Scanner, end: int) -> int:
    """Past the sentences on the dynamometer's line that go on with its list ("HHD knee ext R
    22.4 kg, L 30.1 kg. Knee flex R 14.0 kg."): each opens with a muscle or a motion, a side and
    a force, and the next with anything else ends the list."""
    text = scanner.text
    for _ in range(_ITEMS_AT_MOST):
        gap = _NEXT_SENTENCE.match(text, end)
        after = gap.end() if gap is not None else end
        stop = text[max(0, end - 2) : after]
        if ("." not in stop and ";" not in stop) or not _dynamometer_item(text, after):
            return end
        end = scanner.sentence_after(after)
    return end


def _dynamometer_item(text: str, start: int) -> bool:
    """True for a clause that goes on with a dynamometer's list: its words name a muscle, a
    joint or a motion (a norm, a goal or an exercise's load, "band row R 3 kg x 15", do not),
    then a side and a force with no sets after it."""
    item = _DYNAMOMETER_ITEM.match(text, start)
    if item is None:
        return False
    parts = labels.parts_of(item.group("tested"))
    return bool(parts.muscle or parts.motion or parts.joint)


# A pinch's types, written before a side and a force ("lateral (key) R 3.2 kg", "tip R 2.1 kg").
_TYPES = r"(lateral|key|tip(?:[- ]to[- ]tip)?|[23][- ]?(?:point|jaw)(?: chuck)?|palmar|tripod)\b"
_PINCH_TYPE = re.compile(rf"[ \t]*{_TYPES}", re.IGNORECASE)
# A pinch named without its type, which may open a list of its types.
_PINCH_LIST = re.compile(r"pinch", re.IGNORECASE)
# A pinch type outside brackets ("lateral (key)" is lateral, named twice).
_TYPE_WORD = re.compile(rf"(?<![\w(]){_TYPES}", re.IGNORECASE)


def _pinch_type(text: str, start: int, end: int) -> str | None:
    """The pinch type named last before a value in its own clause of a list of types."""
    clause = max(start, text.rfind(";", start, end) + 1)
    named = [found.group(1).lower() for found in _TYPE_WORD.finditer(text, clause, end)]
    return named[-1] if named else None


def _nearest(keywords: list[re.Match[str]], index: int, value: re.Match[str]) -> re.Match[str]:
    """The test named nearest before a value, a grip or pinch first ("grip (dynamometer)")."""
    before = []
    for keyword in keywords[index:]:
        if keyword.end() > value.start():
            break
        before.append(keyword)
    named = [k for k in before if _GRIP.search(k.group())]
    return (named or before)[-1]


_GRIP = re.compile(r"grip|pinch", re.IGNORECASE)


def _region_fact(
    scanner: Scanner,
    facts: list[Fact],
    region: _Region,
    keyword: re.Match[str],
    span: tuple[int, int],
    number: str,
    written: str,
) -> None:
    """One value of a region's test, labelled with its side and the test's name, of the kind
    its unit makes it (a volume in mL under the edema words is no girth); `written` is the unit
    the value carries or, for a value written bare, the one of its neighbour."""
    found = attribute(scanner, *span)
    name = keyword.group().lower()
    if _PINCH_LIST.fullmatch(keyword.group()):
        typed = _pinch_type(scanner.text, keyword.end(), span[0])
        name = f"{typed} pinch" if typed is not None else name
    dynamometer = region.kind == "strength" and not _NAMES_TEST.search(keyword.group())
    tested = _tested(scanner, keyword, span[0]) if dynamometer else ""
    label = labels.join(found.side, tested, name) + found.previous
    unit = region.units.get(written, region.units.get("".join(written.lower().split())))
    kind = dict(region.unit_kinds).get(unit or "", region.kind)
    scanner.emit(facts, kind, to_number(number), span, label, unit=unit)


# A region's word that names its test ("grip", "pinch"); a dynamometer's name ("HHD",
# "dynamometer") names only the instrument, so the muscle or motion tested is the value's too.
_NAMES_TEST = re.compile(r"grip|pinch|jamar", re.IGNORECASE)


def _tested(scanner: Scanner, keyword: re.Match[str], start: int) -> str:
    """The joint and motion, or the muscle, a dynamometer's value was tested on ("R hip abd HHD
    18.4 kg", "Quad strength (handheld dynamometer) L 28.4 kg"): named in the instrument's own
    item, after the last value or semicolon before it, never a neighbour's ("knee ext 4/5; HHD")."""
    opening = scanner.sentence_before(keyword.start())
    for mark in _ITEM_END.finditer(scanner.text, opening, keyword.start()):
        opening = mark.end()
    # an item of the instrument's list after a semicolon names its own muscle or motion
    item = scanner.text.rfind(";", keyword.end(), start) + 1
    for begin in (item, opening) if item > opening else (opening,):
        parts = labels.parts_of(scanner.text[begin:start])
        if named := labels.join(parts.joint, parts.motion) or parts.muscle:
            return named
    return ""


# Where an item before a dynamometer's ends: a value or a semicolon.
_ITEM_END = re.compile(r"[;\d]")


_BLOOD_PRESSURE = word_first(
    re.compile(
        r"\b(?:BP|blood pressure)\s*[:=]?\s*(?:was\s+|of\s+)?(\d{2,3})\s*(?:/|over)\s*(\d{2,3})\b"
        r"(?:\s*mm\s*Hg)?",
        re.IGNORECASE,
    )
)


@cache
def _heart_rate() -> Led:
    """A heart rate right after its name, not a share of a maximum ("HR = 80% of max") or a
    target zone ("at HR 125-134")."""
    names = heart_rate_names()
    return led(
        re.compile(
            rf"\b(?:{either(names)})\s*[:=]?\s*(?:was\s+|of\s+)?(\d{{2,3}})\b"
            r"(?!\s*%|\s*[-\u2013]\s*\d)(?:\s*(?:bpm|beats))?",
            re.IGNORECASE,
        ),
        *names,
    )


# "pressure 126 over 70" (said without "blood"): "pressure" right before a pair of pressures.
_BP_WORD = word_first(
    re.compile(
        r"\b(?:BP|blood pressure|vitals?|orthostatics?"
        r"|pressure(?=[ \t]+(?:(?:was|of|is)[ \t]+)?\d{2,3}[ \t]*(?:/|over)[ \t]*\d{2,3}\b))\b",
        re.IGNORECASE,
    )
)
_PRESSURE = re.compile(
    r"(?<![\d/.])(\d{2,3})\s*(?:/|over)\s*(\d{2,3})(?![\d/]|\.\d)(?:\s*mm\s*Hg)?"
)
_SYSTOLIC = range(70, 251)
_DIASTOLIC = range(30, 151)
_RPE = word_first(
    re.compile(r"\bRPE\s*(?:of|at|=|:)?\s*(\d{1,2})(?:\s*/\s*(10|20))?\b", re.IGNORECASE)
)
_LAG = led(
    re.compile(
        r"\b((?:quad(?:riceps)?|extensor|knee|PIP|DIP|finger)\s+)?(?:extension\s+)?lag(?:\s+of)?"
        r"(?:\s*\((?:w/\s*|with\s+|on\s+)?[A-Za-z]{2,8}\))?"  # how it was tested: "lag (SLR)"
        r"\s*:?\s*(?:at\s+the\s+\w+\s+of\s+)?(?:(?:R|L|rt|lt|right|left)\s+)?"
        r"(\d{1,2})\s*(?:°|deg\w*|degrees?)?",
        re.IGNORECASE,
    ),
    "quad|extensor|knee|pip|dip|finger|extension|lag",
)
# The lag written after its value: "-15° ext lag", "10 deg extensor lag".
_LAG_AFTER = re.compile(
    r"(?<![\d.])-?(\d{1,2})\s*(?:°|deg\w*|degrees?)?\s+"
    r"((?:quad(?:riceps)?|extensor|ext|extension|knee)\s+)?(?:extension\s+)?lag\b",
    re.IGNORECASE,
)
# How the lag was tested, between a lag and its earlier value ("5 deg w/ SLR (was 15 deg)").
_LAG_QUALIFIER = re.compile(r"[ \t]*(?:w/|with|during|on|in)[ \t]*[A-Za-z]+[ \t]*", re.IGNORECASE)
_LAG_VALUE = re.compile(r"(\d{1,2})(?![\d/])\s*(?:°|deg\w*|degrees?)?", re.IGNORECASE)


def read_vitals(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Blood pressure, heart rate, exertion and extensor lag, so "BP 128/82", "RPE 13" or
    "quad lag 5°" is never read as anything else."""
    for match in _BLOOD_PRESSURE.finditer(scanner.text):
        if scanner.free(match.start(1), match.end(2)):
            value = f"{match.group(1)}/{match.group(2)}"
            scanner.emit(
                facts, "other", value, (match.start(1), match.end()), "blood pressure", unit="mmHg"
            )
    _more_pressures(scanner, facts)
    for match in _RPE.finditer(scanner.text):
        if scanner.free(match.start(1), match.end(1)):
            unit = f"/{match.group(2)}" if match.group(2) else None
            scanner.emit(
                facts, "other", int(match.group(1)), (match.start(1), match.end()), "RPE", unit=unit
            )
    for match in _LAG.finditer(scanner.text):
        if scanner.free(match.start(2), match.end(2)):
            _lags(scanner, facts, match)
    for match in _LAG_AFTER.finditer(scanner.text):
        if scanner.free(match.start(1), match.end(1)):
            found = attribute(scanner, match.start(1), match.end(1))
            muscle = (match.group(2) or "").strip()
            muscle = "" if muscle.lower() in ("ext", "extension") else muscle
            label = labels.join(found.side, muscle, "extension lag") + found.previous
            scanner.emit(facts, "other", int(match.group(1)), match.span(1), label, unit="deg")
    for match in _heart_rate().finditer(scanner.text):
        if scanner.free(match.start(1), match.end(1)):
            scanner.emit(
                facts,
                "other",
                int(match.group(1)),
                (match.start(1), match.end()),
                "heart rate",
                unit="bpm",
            )
    read_heart_rates(scanner, facts)
    _lettered_vitals(scanner, facts)


def _lags(scanner: Scanner, facts: list[Fact], match: re.Match[str]) -> None:
    """An extension lag and the earlier lags chained to it ("quad lag R 5° (IE 20°)", "lag 8°
    vs 20°"), each with its side and timepoint."""
    text = scanner.text
    name = labels.join((match.group(1) or "").strip(), "extension lag")
    value: re.Match[str] | None = _LAG_VALUE.match(text, match.start(2))
    while value is not None and scanner.free(*value.span(1)):
        found = attribute(scanner, value.start(1), value.end())
        label = labels.join(found.side, name) + found.previous
        scanner.emit(facts, "other", int(value.group(1)), value.span(), label, unit="deg")
        qualified = _LAG_QUALIFIER.match(text, value.end())
        gap = FOLLOW.match(text, qualified.end() if qualified else value.end())
        value = _LAG_VALUE.match(text, gap.end()) if gap and gap.end() > value.end() else None


def _lettered_vitals(scanner: Scanner, facts: list[Fact]) -> None:
    """ "T 98.4, P 78, R 16" in a sentence that names blood pressure or vitals."""
    text = scanner.text
    names = vital_names()
    pattern = _vital_letters()
    for word in _BP_WORD.finditer(text):
        start = scanner.sentence_before(word.start())
        end = scanner.sentence_after(word.end())
        for match in pattern.finditer(text, start, end):
            if scanner.free(*match.span(2)):
                value = to_number(match.group(2))
                scanner.emit(facts, "other", value, match.span(2), names[match.group(1)])


@cache
def _vital_letters() -> re.Pattern[str]:
    names = "|".join(re.escape(name) for name in sorted(vital_names(), key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z/])({names})\s*[:=]?\s*(\d{{2,3}}(?:\.\d)?)(?![\d/]|\.\d)")


@cache
def _beside_word() -> Led:
    """Another vital sign's name (a heart rate's or an oxygen saturation's): a pair of plausible
    pressures anywhere in its sentence is a blood pressure ("Standing 1 min 112/70, HR 84")."""
    names = (*heart_rate_names(), "SpO2")
    return led(re.compile(rf"\b(?:{either(names)})\b", re.IGNORECASE), *names)


_SHARE_AFTER = re.compile(r"[ \t]*%")


def _more_pressures(scanner: Scanner, facts: list[Fact]) -> None:
    """ "BP 132/78 sitting, 112/70 standing": further readings in a sentence about blood
    pressure, or standing alone in a sentence naming another vital sign, when both numbers are
    plausible pressures."""
    text = scanner.text
    spans = [
        (word.end(), scanner.sentence_after(word.end()), False) for word in _BP_WORD.finditer(text)
    ]
    spans += [
        (scanner.sentence_before(word.start()), scanner.sentence_after(word.end()), True)
        for word in _beside_word().finditer(text)
    ]
    for start, end, beside in spans:
        for match in _PRESSURE.finditer(text, start, end):
            high, low = int(match.group(1)), int(match.group(2))
            if high not in _SYSTOLIC or low not in _DIASTOLIC or high <= low:
                continue
            if _SHARE_AFTER.match(text, match.end()):
                continue  # "HR/SpO2 post 112/93%": a heart rate over a saturation
            if beside and not _stands_alone(scanner, match):
                continue
            if not scanner.free(match.start(1), match.end(2)):
                continue
            value = f"{high}/{low}"
            scanner.emit(
                facts, "other", value, (match.start(1), match.end()), "blood pressure", unit="mmHg"
            )


# After a pair that is a pressure by itself: its clause's end, a closing bracket, the line's,
# or "and" opening the next reading ("after the treadmill 152/86 and 98").
_ALONE_AFTER = re.compile(r"[ \t]*(?:[,;.)\n]|\Z|and\b)")


def _stands_alone(scanner: Scanner, match: re.Match[str]) -> bool:
    """A pair named by no word of its own: it ends its clause, and its clause names no joint,
    motion or muscle ("HR 80, shoulder ER 90/60 (R/L)" pairs two sides' angles)."""
    if not _ALONE_AFTER.match(scanner.text, match.end()):
        return False
    parts = labels.parts_of(scanner.text[scanner.clause_start(match.start()) : match.start()])
    return not (parts.joint or parts.motion or parts.muscle)


# "Amb 150' w/ SPC": a prime after walking, or on a number too large for minutes, is feet (the
# billing reader leaves those; "TherEx 25'" is minutes).
_PRIME = re.compile(r"(?<![A-Za-z0-9.])(\d{1,4})\s*'(?![\d'A-Za-z])")
_WALKING = re.compile(r"\b(?:amb\w*|walk\w*|distance|gait|ran|run|jog\w*)\b", re.IGNORECASE)
_MOST_PRIME_MINUTES = 90


# "900' this wk", "180'/day": minutes over a period, however many.
_PER_PERIOD = re.compile(
    r"[ \t]*(?:(?:this|per|a|each|every)[ \t]+|/[ \t]*)(?:wk|week|day|d)\b", re.I
)


def _prime_feet(scanner: Scanner, facts: list[Fact]) -> None:
    text = scanner.text
    for match in _PRIME.finditer(text):
        if not scanner.free(match.start(1), match.end()) or _PER_PERIOD.match(text, match.end()):
            continue
        clause = text[scanner.clause_start(match.start()) : match.start()]
        if (
            int(match.group(1)) > _MOST_PRIME_MINUTES
            or _WALKING.search(clause)
            or walked_before(text, match.start())
        ):
            label = context_label(scanner, match.start(), match.end())
            scanner.emit(facts, "other", int(match.group(1)), match.span(), label, unit="ft")


def read_others(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Percentages, distances, lengths, pressures and sEMG readings nothing else took
    ("legibility 56%", "amb 150 ft", "step length 48 cm", "peak 185 mmHg", "MVC 21 uV")."""
    _prime_feet(scanner, facts)
    # each searched from its units' first letters (text/unit_led.py)
    for pattern, unit, units in (
        (_RATE, None, "wpm|words|steps|spm"),
        (_PERCENT, "%", "%|percent"),
        (_DISTANCE, None, r"ft|feet|m\b|meters|metres|yards|yds"),
        (_LENGTH, None, "cm|mm"),
        (_PRESSURE_READING, "mmHg", "mm"),
        (_MICROVOLTS, "uV", "[\u00b5\u03bc]v|uv"),
    ):
        for match in unit_led(pattern, units).finditer(scanner.text):
            if not scanner.free(match.start(1), match.end(1)):
                continue
            if pattern is _DISTANCE and (
                not_yet_done(scanner, match.start(), match.end())
                or describes_place(scanner, match.start(), match.end())
                or _speed_course(scanner.text, match.start(), match.end())
            ):
                continue
            if _leaders_after(scanner, match.end()):
                continue
            if pattern is _RATE and _machine_cadence(scanner.text, match.start()):
                continue
            written = unit or match.group(2).lower()
            written = {
                "feet": "ft", "meters": "m", "metres": "m", "yds": "yd",
                "words per minute": "wpm", "spm": "steps/min",
            }.get(written, written)  # fmt: skip
            label = context_label(scanner, match.start(), match.end())
            scanner.emit(
                facts,
                "other",
                to_number(match.group(1)),
                (match.start(), match.end()),
                label,
                unit=written,
            )


# How far back in its sentence a cadence looks for the machine it was run on.
_MACHINE_REACH = 80
_SENTENCE_END = re.compile(r"[.;\n](?!\d)")


@cache
def _cadence_machine() -> re.Pattern[str]:
    words = setting_words().get("cadence_machines", ())
    return re.compile(rf"\b(?:{either(words)})\b", re.IGNORECASE)


@cache
def _cadence_walk() -> re.Pattern[str]:
    words = setting_words().get("cadence_walks", ())
    return re.compile(rf"\b(?:{either(words)})\b", re.IGNORECASE)


def _machine_cadence(text: str, start: int) -> bool:
    """A cadence after a pedalled or stepped machine in its sentence ("Nustep L5 x 10 min, 85
    spm") is the pace the machine was run at, a setting of the dose and not a measure of the
    patient's gait (measures.toml [not_measurements.settings] cadence_machines); a walk named
    between the machine and the cadence ("NuStep 8 min, gait 150 ft with cadence 98 spm") makes
    it the walk's (cadence_walks)."""
    window = text[max(0, start - _MACHINE_REACH) : start]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    machines = list(_cadence_machine().finditer(window, ends[-1] if ends else 0))
    return bool(machines) and not _cadence_walk().search(window, machines[-1].end())


# A distance right before a speed in its clause ("Gait speed 10 m comfortable 0.96 m/s", "speed
# over 6 m 0.84 m/s"): the length of the course the speed was timed over, no distance walked.
# A speed joined by "at" or "with" is the walk's own ("Walked 150 ft at 0.6 m/s": walked), as
# not_measured.toml's course-length rule reads it; and the speed must be named before the
# distance ("Amb 200 ft, 0.8 m/s" is a walk).
_SPEED_COURSE = re.compile(
    r"(?:(?!(?:at|in|with|@)\b)[^\d\n,;.]){0,25}?(?<![\d.])\d*\.?\d+[ \t]*m/s\b", re.IGNORECASE
)
_SPEED_NAMED = re.compile(r"\b(?:speed|velocity|pace|over)\b[^\n\d]{0,20}\Z", re.IGNORECASE)


def _speed_course(text: str, start: int, end: int) -> bool:
    """True for the course a named speed was timed over, not a distance the patient walked."""
    return bool(
        _SPEED_COURSE.match(text, end) and _SPEED_NAMED.search(text, max(0, start - 40), start)
    )


_WORD3 = re.compile(r"[A-Za-z]{3}")
# Leader dots after a value on its line ("Rolls forward 10 m ....... 2", "Propels 50 m on gravel
# ..... 1"): the value is inside the name of an item whose result follows the dots.
_LEADERS_AFTER = re.compile(r"[^.\n]{0,30}?[ \t]\.{4,}")


def _leaders_after(scanner: Scanner, end: int) -> bool:
    """Leader dots after the value on its line, as the note wrote it (a layout may have
    rewritten them as a key's colon)."""
    if _LEADERS_AFTER.match(scanner.text, end):
        return True
    written = scanner.norm.span(end - 1, end)[1]
    return bool(_LEADERS_AFTER.match(scanner.norm.original, written))


_CLAUSE_END = re.compile(r"[,;.\n]")
# A bracket after a value that opens with a goal ("(goal 300 ft)", "(LTG 2000 mL)").
_GOAL_ASIDE = re.compile(rf"\([ \t]*(?={GOAL_START.pattern})", GOAL_START.flags)


@cache
def not_done_words() -> re.Pattern[str]:
    """Words that put a clause in the future or under a condition (measures.toml)."""
    data = measures_section("distances")
    return re.compile(rf"(?<!\w)(?:{either(data.get('not_done', ()))})(?!\w)", re.IGNORECASE)


def not_yet_done(scanner: Scanner, start: int, end: int) -> bool:
    """A distance or a time in a clause said in the future or under a condition ("ambulate 10 ft if
    FiO2 <= 40%", "walk 150 ft tomorrow", "will trial 300 ft"), or one that names a scored
    item ("walking 50 ft with turns still needs partial assist", Section GG): a plan's target
    or an item's name, not a distance the patient covered."""
    stop = _CLAUSE_END.search(scanner.text, end)
    clause_end = stop.start() if stop else len(scanner.text)
    aside = _GOAL_ASIDE.search(scanner.text, end, clause_end)
    if aside is not None:
        clause_end = aside.start()  # "amb 150 ft (goal 300 ft)": the bracket's goal is its own
    if _item_name().match(scanner.text, end):
        return True
    return bool(not_done_words().search(scanner.text, scanner.clause_start(start), clause_end))


@cache
def _item_name() -> re.Pattern[str]:
    """The words after a distance that make it part of a scored item's name (measures.toml)."""
    data = measures_section("distances")
    return re.compile(rf"[ \t]*(?:{either(data.get('item_names', ()))})(?!\w)", re.IGNORECASE)


# A value followed by an earlier value of the same unit in a bracket ("endurance 18 s (initial
# 9 s)", "5-button smock in 45 s (baseline 110 s)", "standing tolerance 45 min [15 min]" under
# "[admission in brackets]", "0 cm [28 cm from floor]"): tracked over time, so both are measured.
# The bracket's value counts only where its words, or a legend of the note, say it is earlier.
_TIMED_UNITS = {
    "s": "s", "sec": "s", "secs": "s", "seconds": "s", "min": "min", "mins": "min",
    "minutes": "min", "reps": "reps", "rep": "reps", "repetitions": "reps", "wpm": "wpm",
    "cm": "cm", "mm": "mm", "uv": "uV", "\u00b5v": "uV", "\u03bcv": "uV",
}  # fmt: skip
_UNIT = "|".join(sorted(_TIMED_UNITS, key=len, reverse=True))
_COMPARED = re.compile(
    rf"(?<![\w./])(\d+(?:\.\d+)?)[ \t]*({_UNIT})\b[ \t]*[(\[][ \t]*([A-Za-z][\w -]{{0,20}}?)?"
    rf"[ \t]*:?[ \t]*(\d+(?:\.\d+)?)[ \t]*({_UNIT})\b[A-Za-z \t]{{0,20}}[)\]]",
    re.IGNORECASE,
)
# The same, with a few words of how the value was taken between it and its bracket ("stood
# independently 6 sec before sitting down (was 2 sec on 4/10)"): words only, no number, so the
# bracket can belong to no other value; its own words must still say it is earlier.
_COMPARED_AFTER_WORDS = re.compile(
    rf"(?<![\w./])(\d+(?:\.\d+)?)[ \t]*({_UNIT})\b(?:[ \t]+[A-Za-z][A-Za-z'-]*){{1,6}}[ \t]*"
    rf"[(\[][ \t]*([A-Za-z][\w -]{{0,20}}?)?"
    rf"[ \t]*:?[ \t]*(\d+(?:\.\d+)?)[ \t]*({_UNIT})\b[A-Za-z \t]{{0,20}}"
    r"(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]*)?[)\]]",  # "(was 2 sec on 4/10)"
    re.IGNORECASE,
)
# The earlier value said after a comma ("standing tolerance 35 min, was 10 min at eval").
_SAID_EARLIER = re.compile(
    rf"(?<![\w./])(\d+(?:\.\d+)?)[ \t]*({_UNIT})\b[ \t]*[,;][ \t]*(was|previously|prev)"
    rf"[ \t]+(\d+(?:\.\d+)?)[ \t]*({_UNIT})\b",
    re.IGNORECASE,
)


# A walking speed in m/s in a sentence about gait is the gait speed (10MWT): "Gait 0.92 m/s",
# "Gait: slow, flexed posture, 0.68 m/s".
_SPEED = re.compile(r"(?<![\w.])(\d(?:\.\d+)?)[ \t]*m/s\b")
_GAIT_WORD = re.compile(r"\b(?:gait|walk\w*|amb\w*)\b", re.IGNORECASE)
# A speed set on equipment is a dose ("walking on the treadmill at 1.1 m/s").
_SPEED_SETTING = re.compile(r"\b(?:treadmill|TM|belt|set|setting|at a speed)\b", re.IGNORECASE)


def read_gait_speed(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Speeds in m/s that no measure name claimed, in a sentence about walking."""
    text = scanner.text
    for match in line_scan(_SPEED, text):
        if not scanner.free(*match.span(1)):
            continue
        before = scanner.sentence_before(match.start())
        if not _GAIT_WORD.search(text, before, match.start()) or _SPEED_SETTING.search(
            text, scanner.clause_start(match.start()), match.start()
        ):
            continue
        found = attribute(scanner, match.start(1), match.end())
        label = labels.join("10MWT", found.mode) + found.previous
        scanner.emit(
            facts,
            "outcome",
            to_number(match.group(1)),
            match.span(),
            label,
            unit="m/s",
            measure="10MWT",
        )


# Both sides measured in one clause ("heel raise: L 3 reps, R 20 reps", "bridge hold R 20 s,
# L 45 s"): a comparison of sides is a measurement, even in repetitions that a dose would use.
_SIDED = re.compile(
    r"\b(?P<s1>R|L|right|left)[ \t]*:?[ \t]*(?P<v1>\d+(?:\.\d+)?)[ \t]*"
    r"(?P<u1>reps?|s|sec|secs|seconds)\b[ \t]*[,;/][ \t]*"
    r"(?P<s2>R|L|right|left)[ \t]*:?[ \t]*(?P<v2>\d+(?:\.\d+)?)[ \t]*"
    r"(?P<u2>reps?|s|sec|secs|seconds)\b",
    re.IGNORECASE,
)


_TESTED = re.compile(r"\b(?:test\w*|max(?:imal)?|fatigue|endurance|capacity)\b|:", re.IGNORECASE)


def read_sided(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Values of the two sides in one clause, with the same unit (see `_SIDED`)."""
    text = scanner.text
    for match in _SIDED.finditer(text):
        units = [_TIMED_UNITS[match.group(g).lower()] for g in ("u1", "u2")]
        sides = {labels.side_name(match.group(g)) for g in ("s1", "s2")}
        spans = [(match.start("v1"), match.end("u1")), (match.start("v2"), match.end("u2"))]
        if units[0] != units[1] or len(sides) != 2 or scanner.in_header(match.start()):
            continue
        if any(scanner.claimed(*span) for span in spans):
            continue
        if units[0] != "reps" and not all(scanner.free(*span) for span in spans):
            continue
        clause = text[scanner.clause_start(match.start()) : match.start()]
        if not _WORD3.search(clause):
            clause = text[scanner.sentence_before(match.start()) : match.start()]
        same = match.group("v1") == match.group("v2")
        if same and not _TESTED.search(text, scanner.sentence_before(match.start()), match.start()):
            continue  # "clamshells R 15 reps, L 15 reps": the same dose for each side
        described = labels.without_sides(labels.context_words(clause, 6)) or "value"
        for side, value, span in (("s1", "v1", spans[0]), ("s2", "v2", spans[1])):
            label = labels.join(labels.side_name(match.group(side)), described)
            scanner.emit(facts, "other", to_number(match.group(value)), span, label, unit=units[0])


# A ratio measured of the patient ("step length symmetry ratio 1.31 (was 1.52)", "swing ratio:
# 1.08"): a decimal with no unit after the word, and an earlier one bracketed after it. The
# speed it was measured at may stand between ("H:Q ratio at 60°/s: R 0.65, L 0.56"), and a side
# before the value, the other side's value written on after it.
_RATIO_VALUE = r"(\d{1,2}\.\d{1,3})(?![\d/%:]|[ \t]*[A-Za-z%°])"
_RATIO_SIDE = rf"(?:({SIDE_WORD})[ \t]*:?[ \t]*)"
_RATIO = led(
    re.compile(
        r"\bratio\b(?:[ \t]+(?:at|@)[ \t]*\d{1,3}[ \t]*(?:°|deg)?[ \t]*/[ \t]*s(?:ec)?\b)?"
        r"[ \t]*[:=]?[ \t]*(?:of[ \t]+|was[ \t]+|now[ \t]+)?"
        rf"{_RATIO_SIDE}?{_RATIO_VALUE}",
        re.IGNORECASE,
    ),
    "ratio",
)
_OTHER_SIDE_RATIO = re.compile(rf"[ \t]*[,;][ \t]*{_RATIO_SIDE}{_RATIO_VALUE}", re.IGNORECASE)
_EARLIER_RATIO = re.compile(
    r"[ \t]*\([ \t]*[A-Za-z][\w -]{0,15}?[ \t:]+(\d{1,2}\.\d{1,3})[ \t]*\)", re.IGNORECASE
)


def read_ratios(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """A ratio of the patient's and its earlier value (see `_RATIO`)."""
    text = scanner.text
    for match in _RATIO.finditer(text):
        if not scanner.free(*match.span(2)) or scanner.in_header(match.start()):
            continue
        label = context_label(scanner, match.start(2), match.end(2))
        if "previous" in label:
            continue
        scanner.emit(facts, "other", to_number(match.group(2)), match.span(2), label)
        other = _OTHER_SIDE_RATIO.match(text, match.end(2))
        if match.group(1) and other and scanner.free(*other.span(2)):
            # "R 0.65, L 0.56": the other side's ratio, named as the first
            side = labels.side_name(other.group(1))
            named = labels.join(side, labels.without_sides(label))
            scanner.emit(facts, "other", to_number(other.group(2)), other.span(2), named)
        earlier = _EARLIER_RATIO.match(text, match.end(2))
        if (
            earlier
            and scanner.free(*earlier.span(1))
            and attribute(scanner, earlier.start(1), earlier.end(1)).prior
        ):
            value = to_number(earlier.group(1))
            scanner.emit(facts, "other", value, earlier.span(1), f"{label} (previous)")


@cache
def _reported() -> re.Pattern[str]:
    words = measures_section("compared_after_words").get("reported", ())
    return re.compile(rf"\b(?:{either(list(words))})\b", re.IGNORECASE)


def _reported_before(scanner: Scanner, pos: int) -> bool:
    """The patient's report of a tolerance ("Reports able to walk 15 min before leg symptoms
    (was 5 min at eval)"): said, not measured, so its bracket after words is left."""
    return bool(_reported().search(scanner.text, scanner.sentence_before(pos), pos))


def read_compared(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """A timed or counted value with its earlier value in a bracket (see `_COMPARED`)."""
    text = scanner.text
    compared = [  # searched from the unit and what follows it (text/unit_led.py)
        *unit_led(_COMPARED, rf"(?:{_UNIT})\b[ \t]*[(\[]").finditer(text),
        *unit_led(_SAID_EARLIER, rf"(?:{_UNIT})\b[ \t]*[,;]").finditer(text),
        *(
            match
            for match in unit_led(_COMPARED_AFTER_WORDS, rf"(?:{_UNIT})\b[ \t]+[a-z]").finditer(
                text
            )
            if not _reported_before(scanner, match.start())
        ),
    ]
    for match in compared:
        unit = _TIMED_UNITS[match.group(2).lower()]
        if unit != _TIMED_UNITS[match.group(5).lower()]:
            continue
        spans = [(match.start(1), match.end(2)), (match.start(4), match.end(5))]
        if not scanner.free(*spans[1]):
            continue
        # a value another reader took ("standing tolerance 45 min") keeps its reading; its
        # bracket is still its earlier value
        read = scanner.claimed(*spans[0]) and not scanner.is_blocked(*spans[0])
        if not read and not scanner.free(*spans[0]):
            continue
        label = context_label(scanner, match.start(), match.end(2))
        if "previous" in label:
            continue
        earlier = attribute(scanner, match.start(4), match.end(5))
        if not earlier.prior:
            continue
        test = _NAMED_TEST.search(scanner.text, scanner.clause_start(match.start()), match.start())
        kind, measure = ("outcome", test.group(1)) if test else ("other", None)
        label = measure or label
        extra = {"unit": unit, "measure": measure}
        if not read:
            scanner.emit(facts, kind, to_number(match.group(1)), spans[0], label, **extra)
        scanner.emit(
            facts, kind, to_number(match.group(4)), spans[1], label + earlier.previous, **extra
        )


# A test named in Title Case right before its time ("L Test 28.4 s [61.0 s]", "Four Square Step
# Test 9.8 s (was 14 s)"): the result of a named timed test is an outcome (CONVENTIONS.md).
_NAMED_TEST = re.compile(r"((?:\b[A-Z0-9][\w-]*[ \t]+){1,5}Test)[ \t]*:?[ \t]*\Z")


def context_label(scanner: Scanner, pos: int, end: int) -> str:
    """The words before a value, with its side and whether it is an earlier value (the label of
    a value no name claimed)."""
    clause = scanner.text[scanner.clause_start(pos) : pos]
    if not _WORD3.search(clause):
        clause = scanner.text[scanner.sentence_before(pos) : pos]
    found = attribute(scanner, pos, end)
    described = labels.without_sides(labels.context_words(clause, 6))
    return (labels.join(found.side, described) or "value") + found.previous
