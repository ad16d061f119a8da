"""How a voice transcript says numbers and takes them back, rewritten as a typed note writes them.

Two steps of the normaliser (``numbers.normalize``) live here. Before spelled-out numbers become
digits, the spoken forms plain number parsing would split apart: "one oh five" (105), "three
and a half" (3.5), "a hundred and five" (105), "a four minus" (4-). After, the speaker's
self-corrections are applied ("grip twenty, sorry, make that twenty two kilos" reads as "grip
22 kg": the retracted number is gone, so no check reads it as a fact) and units said in full
are written as typed notes write them. Markers and units are data (``data/spoken.toml``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from tui.core.checks.text.lexicon import SIDE_NAMES, Led, led
from tui.core.checks.text.number_words import TEENS, TENS, UNITS
from tui.core.checks.text.pieces import Piece
from tui.core.checks.text.spoken_marks import spoken_marks

_DIGITS = {**UNITS, "oh": 0}
_UNIT_WORD = "one|two|three|four|five|six|seven|eight|nine"
_BELOW_HUNDRED = (
    rf"(?:{'|'.join(TEENS)}|(?:{'|'.join(TENS)})(?:[ \t-]+(?:{_UNIT_WORD}))?|{_UNIT_WORD})"
)
_STARTS = "|".join([*TEENS, *TENS, *_UNIT_WORD.split("|")])
_ANY_WORD = rf"(?:{_BELOW_HUNDRED}|zero|hundred|thousand)"

# "one oh five degrees", "two oh eight": a digit, "oh" (or "zero"), a digit, said one by one.
_OH_NUMBER = re.compile(
    rf"\b(?P<h>{_UNIT_WORD})[ \t-]+(?:oh|zero)[ \t-]+(?P<u>{_UNIT_WORD}|oh|zero)\b"
    rf"(?![ \t-]+{_ANY_WORD}\b)",
    re.IGNORECASE,
)
# "three and a half", "twelve and a half seconds".
_AND_A_HALF = re.compile(rf"\b(?P<n>{_BELOW_HUNDRED})[ \t]+and[ \t]+a[ \t]+half\b", re.IGNORECASE)
# "a hundred and five degrees", "a hundred ten".
_A_HUNDRED = re.compile(
    rf"\ba[ \t]+hundred(?:[ \t]+(?:and[ \t]+)?(?P<n>{_BELOW_HUNDRED}))?\b(?![ \t-]+{_ANY_WORD}\b)",
    re.IGNORECASE,
)
# "a four minus", "three plus over five": a muscle grade said aloud (never "four minus two").
_GRADE = re.compile(
    r"\b(?P<g>zero|one|two|three|four|five)[ \t]+(?P<sign>minus|plus)\b"
    rf"(?![ \t]+(?:{_ANY_WORD}|\d)\b)(?:[ \t]+(?:over|out[ \t]+of)[ \t]+five\b)?",
    re.IGNORECASE,
)


# A transcript that writes part of a number in digits: "one hundred 35 degrees" (135), "forty
# 5 degrees" (45). Joined only before a unit one number takes ("twenty 5 lb curls" is twenty
# curls of 5 lb, and stays two numbers).
_HALF_UNIT = (
    r"(?=[ \t]*(?:degrees?\b|deg\b|\u00b0|minutes\b|mins\b|seconds\b|secs\b|percent\b|%"
    r"|out[ \t]+of\b|over[ \t]+(?:ten|10)\b|/))"
)
_HALF_HUNDRED = re.compile(
    rf"\b(?P<h>one|two|a|1|2)[ \t]+hundred(?:[ \t]+and)?[ \t]+(?P<n>[1-9]\d?)(?![\d.]){_HALF_UNIT}",
    re.IGNORECASE,
)
_HALF_TENS = re.compile(
    rf"\b(?P<t>{'|'.join(TENS)})[ \t]+(?P<u>[1-9])(?![\d.]){_HALF_UNIT}", re.IGNORECASE
)


@cache
def _leading_point() -> re.Pattern[str]:
    """ "point six meters per second", "point eight seconds": a decimal said without its zero,
    taken only before a unit of a measure (spoken.toml [leading_point] units), since "at this
    point two goals are met" holds none."""
    text = files("tui.core").joinpath("data", "spoken.toml").read_text(encoding="utf-8")
    units = tomllib.loads(text).get("leading_point", {}).get("units", [])
    return re.compile(
        rf"\bpoint(?P<d>(?:[ \t]+(?:{_UNIT_WORD}|oh|zero))+)\b"
        rf"(?=[ \t]+(?:{'|'.join(units) or '(?!x)x'})\b)",
        re.IGNORECASE,
    )


# A number right before "point" makes it a decimal point of that number ("eleven point four").
_NUMBER_BEFORE = re.compile(rf"(?:\d|\b{_ANY_WORD})[ \t]+$", re.IGNORECASE)


@dataclass(frozen=True)
class Spoken:
    """A spoken number's span in the text and the digits it is written with."""

    start: int
    end: int
    value: str


def spoken_numbers(text: str) -> list[Spoken]:
    """Numbers said in forms that word-by-word parsing would read as several numbers."""
    found = [
        Spoken(m.start(), m.end(), f"{_DIGITS[m['h'].lower()]}0{_DIGITS[m['u'].lower()]}")
        for m in led(_OH_NUMBER, _UNIT_WORD).finditer(text)
    ]
    found += [
        Spoken(m.start(), m.end(), f"{_below_hundred(m['n'])}.5")
        for m in led(_AND_A_HALF, _STARTS).finditer(text)
    ]
    found += [
        Spoken(m.start(), m.end(), str(100 + (_below_hundred(m["n"]) if m["n"] else 0)))
        for m in led(_A_HUNDRED, "a").finditer(text)
    ]
    found += [
        Spoken(
            m.start(),
            m.end(),
            f"{_DIGITS[m['g'].lower()]}{'-' if m['sign'].lower() == 'minus' else '+'}"
            + ("/5" if m.end() > m.end("sign") else ""),
        )
        for m in led(_GRADE, "zero|one|two|three|four|five").finditer(text)
    ]
    found += [
        Spoken(m.start(), m.end(), str(100 * _hundreds(m["h"]) + int(m["n"])))
        for m in led(_HALF_HUNDRED, "one|two|a|1|2").finditer(text)
    ]
    found += [
        Spoken(m.start(), m.end(), str(TENS[m["t"].lower()] + int(m["u"])))
        for m in led(_HALF_TENS, "|".join(TENS)).finditer(text)
    ]
    found += [
        Spoken(m.start(), m.end(), "0." + "".join(str(_DIGITS[w.lower()]) for w in m["d"].split()))
        for m in led(_leading_point(), "point").finditer(text)
        if not _NUMBER_BEFORE.search(text, max(0, m.start() - 12), m.start())
    ]
    found += _homophones(text)
    found += _homophone_numbers(text)
    return found


def _hundreds(word: str) -> int:
    return 1 if word.lower() in ("a", "one", "1") else 2


def _homophones(text: str) -> list[Spoken]:
    """A word said like a number before "out of ten" ("won out of ten" is 1/10, "to out of
    ten" 2/10): a transcript's homophone where only a number can stand. "for 10 minutes" and
    "from six to four out of ten" keep their words."""
    said = _homophone_words()
    if not said:
        return []
    pattern = led(
        re.compile(
            rf"\b(?P<w>{'|'.join(said)})(?=[ \t]+out[ \t]+of[ \t]+(?:ten|10)\b)", re.IGNORECASE
        ),
        "|".join(said),
    )
    return [Spoken(m.start(), m.end(), said[m["w"].lower()]) for m in pattern.finditer(text)]


def _homophone_numbers(text: str) -> list[Spoken]:
    """Homophones beside digits where only a number can stand (spoken.toml
    [homophone_numbers]): a hundreds digit before an angle ("won 40 degrees" is 140), a units
    digit after a round ten before a unit ("20 to kilograms" is 22), a muscle grade's digit
    before "over 5" ("for minus over 5" is 4-/5)."""
    said = _homophone_words()
    patterns = _homophone_patterns()
    if not said or patterns is None:
        return []
    hundreds, tens, grade = patterns
    found = [
        Spoken(m.start(), m.end(), f"{said[m['w'].lower()]}{m['n']}")
        for m in hundreds.finditer(text)
    ]
    found += [
        Spoken(m.start(), m.end(), str(int(m["t"]) + int(said[m["w"].lower()])))
        for m in tens.finditer(text)
    ]
    found += [
        Spoken(
            m.start(),
            m.end(),
            f"{said[m['w'].lower()]}{_SIGNS.get((m['sign'] or '').lower(), '')}/5",
        )
        for m in grade.finditer(text)
        if int(said[m["w"].lower()]) <= _TOP_GRADE
        # a number right before it makes it a range's word: "pain went from 3 to over 5"
        and not _NUMBER_BEFORE.search(text, max(0, m.start() - 12), m.start())
    ]
    return found


_SIGNS = {"minus": "-", "plus": "+"}
_TOP_GRADE = 5


@cache
def _homophone_patterns() -> tuple[Led, Led, Led] | None:
    """The three shapes of a homophone beside digits, compiled once from spoken.toml."""
    text = files("tui.core").joinpath("data", "spoken.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text).get("homophone_numbers", {})
    said = "|".join(re.escape(word) for word in _homophone_words())
    hundred_words = "|".join(re.escape(str(word)) for word in table.get("hundreds", ()))
    angles = "|".join(str(unit) for unit in table.get("angle_units", ()))
    units = "|".join(str(unit) for unit in table.get("tens_units", ()))
    followers = "|".join(re.escape(str(word)) for word in table.get("grade_followers", ()))
    if not (said and hundred_words and angles and units):
        return None
    hundreds = re.compile(
        rf"\b(?P<w>{hundred_words})[ \t]+(?P<n>[1-9]\d)(?![\d.])(?=[ \t]*(?:{angles}))",
        re.IGNORECASE,
    )
    tens = re.compile(
        rf"(?<![\d.])(?P<t>[2-9]0)[ \t]+(?P<w>{said})(?=[ \t]+(?:{units})\b)", re.IGNORECASE
    )
    grade = re.compile(
        rf"\b(?P<w>{said})(?:[ \t]+(?P<sign>minus|plus))?[ \t]+(?:over|out[ \t]+of)[ \t]+"
        rf"(?:5|five)\b(?!\d|\.\d)(?=[ \t]*(?:[,.;)]|$)|[ \t]+(?:{followers or '(?!x)x'})\b)",
        re.IGNORECASE | re.MULTILINE,
    )
    # each searched only where its first word or digits stand (lexicon.Led)
    return (
        led(hundreds, hundred_words),
        led(tens, "[2-9]0"),
        led(grade, said),
    )


@cache
def _homophone_words() -> dict[str, str]:
    text = files("tui.core").joinpath("data", "spoken.toml").read_text(encoding="utf-8")
    return {str(k).lower(): str(v) for k, v in tomllib.loads(text).get("homophones", {}).items()}


def _below_hundred(words: str) -> int:
    names = re.findall(r"[a-z]+", words.lower())
    return sum(_DIGITS.get(name, 0) + TEENS.get(name, 0) + TENS.get(name, 0) for name in names)


# -- after digits: self-corrections and units -----------------------------------------------------


@dataclass(frozen=True)
class _Rules:
    marker: re.Pattern[str]
    whole: re.Pattern[str]
    restate: str
    reach: int
    units: tuple[tuple[re.Pattern[str], str], ...]
    any_unit: re.Pattern[str]
    """Where any unit is said after a number: one pass over a long note instead of one a unit."""


@cache
def _rules() -> _Rules:
    text = files("tui.core").joinpath("data", "spoken.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)
    corrections = table.get("corrections", {})

    def either(words: list[str]) -> str:
        ordered = sorted(words, key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in ordered)

    restate = either(corrections.get("restate", []))
    hesitation = "|".join(
        word.replace(" ", r"[ \t]+") for word in corrections.get("hesitations", ["(?!x)x"])
    )
    sep = _separator()
    marker = re.compile(
        rf"(?:{either([*corrections.get('markers', []), *corrections.get('number_only', [])])})\b"
        rf"(?:[ \t]*{sep}?[ \t]*\b(?:{hesitation})\b)*"
        rf"(?:[ \t]*{sep}?[ \t]*\b(?:{restate})\b)?[ \t]*{sep}?[ \t]*",
        re.IGNORECASE,
    )
    whole = re.compile(
        rf"(?:{either(corrections.get('whole', []))})\b[ \t]*[,;:.!-]*[ \t]*",
        re.IGNORECASE,
    )
    spoken_forms = table.get("units", {})
    units = tuple(
        (re.compile(rf"(?<=\d)[ \t]*(?:{'|'.join(spoken)})\b", re.IGNORECASE), written)
        for written, spoken in spoken_forms.items()
    )
    every_form = "|".join(form for spoken in spoken_forms.values() for form in spoken)
    any_unit = re.compile(rf"(?<=\d)[ \t]*(?:{every_form or '(?!x)x'})\b", re.IGNORECASE)
    return _Rules(marker, whole, restate, int(corrections.get("reach", 60)), units, any_unit)


def _separator() -> str:
    """A comma, colon or dash after a correction marker, typed or said aloud ("110 comma no wait
    comma 112 degrees": spoken_marks.toml)."""
    said = [word for mark in (",", ":", " -") for word in spoken_marks().marks.get(mark, ())]
    return rf"(?:[,:-]|\b(?:{'|'.join(re.escape(word) for word in said) or '(?!x)x'})\b)"


_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:[+-](?!\d))?")
_DENOMINATOR_BEFORE = re.compile(r"(?:/|\bout[ \t]+of|\bover)[ \t]*$", re.IGNORECASE)
# A spoken fraction or grade goes on after its first number ("4 over 5", "4 minus over 5",
# "6 out of 10"): the value said, and taken back, is all of it.
_FRACTION_REST = re.compile(
    r"[ \t]*(?:(?:plus|minus)[ \t]*)?(?:/|\bout[ \t]+of\b|\bover\b)[ \t]*\d+(?:\.\d+)?",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"[.;:!?\n](?!\d)")
_TAIL = re.compile(r"[^\n,.;]*?(?=[,.;]|$|\n)")
_UNIT_WORD_AT = re.compile(r"[ \t]*(/?\s*\d+|[A-Za-z\u00b0%'\"]+)")


# A number broken off and said again ("forty... forty-three", "400... 410 meters"): the
# number, the trailing-off dots, and the number said in full after them.
_FALSE_START = re.compile(
    r"(?<![\w.])(?P<old>\d+)[ \t]*(?:\.{3}|\u2026)[ \t]*(?P<new>\d+(?:\.\d+)?)(?![\w.]\d)"
)


def false_starts(text: str) -> list[Piece]:
    """Pieces that drop a number the speaker broke off and said again in full after an
    ellipsis: it is the same number begun again when both have as many digits and start with
    the same one ("40... 43"), never a range ("0...120") nor two readings ("3... 8")."""
    pieces = []
    for match in _FALSE_START.finditer(text):
        old, new = match["old"], match["new"].split(".")[0]
        if len(old) == len(new) and old[0] == new[0] and old != new:
            pieces.append(
                Piece(match.start(), match.start("new"), "", match.start(), match.start("new"))
            )
    return pieces


def corrections(text: str) -> list[Piece]:
    """Pieces that apply the speaker's self-corrections: the retracted number (and the
    marker) go, the corrected number stays. Text must already have its numbers as digits."""
    rules = _rules()
    pieces: list[Piece] = []
    taken = 0
    for marker in led(rules.marker, _marker_starts()).finditer(text):
        if marker.start() < taken:
            continue
        new = _NUMBER.match(text, marker.end())
        if _only_before_number(marker) and (new is None or "," not in marker.group()):
            continue  # "8 degrees, no, 10 degrees" takes back; "90 degrees, no pain" does not
        floor = pieces[-1].end if pieces else 0
        piece = (
            _number_correction(text, marker, new, rules.reach)
            if new
            else _restated_correction(text, marker, rules.reach)
            or _clause_retraction(text, marker, floor)
        )
        if piece and piece[0].start >= floor:
            pieces += piece
            taken = marker.end()
    return _with_false_starts(pieces, false_starts(text))


def _with_false_starts(pieces: list[Piece], starts: list[Piece]) -> list[Piece]:
    """The corrections and the false starts outside them, in text order (both are ordered)."""
    if not starts:
        return pieces
    kept = [
        start
        for start in starts
        if not any(p.start < start.end and start.start < p.end for p in pieces)
    ]
    return sorted([*pieces, *kept], key=lambda piece: piece.start)


def _says_all(marker: re.Match[str]) -> bool:
    """A marker after which the speaker says the whole value again, whatever words followed
    the one taken back ("3+ bilaterally, let me rephrase, 3+ on the right and 4- on the left")."""
    said = " ".join(marker.group().split()).strip(" ,:-").lower()
    return any(said.startswith(words) for words in _table_words("says_all"))


def _only_before_number(marker: re.Match[str]) -> bool:
    """A marker that takes back only when a comma and a number follow it ("no")."""
    said = marker.group().split(",")[0].strip().lower()
    return said in _number_only()


def _number_only() -> frozenset[str]:
    return _table_words("number_only")


@cache
def _table_words(key: str) -> frozenset[str]:
    """One list of spoken.toml [corrections], lower case."""
    text = files("tui.core").joinpath("data", "spoken.toml").read_text(encoding="utf-8")
    words = tomllib.loads(text).get("corrections", {}).get(key, [])
    return frozenset(word.lower() for word in words)


@cache
def _marker_starts() -> str:
    """The words a correction marker may start with (its separators are optional)."""
    text = files("tui.core").joinpath("data", "spoken.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text).get("corrections", {})
    words = [*table.get("markers", []), *table.get("number_only", [])]
    return "|".join(sorted({re.escape(w.split()[0]) for w in words}, key=len, reverse=True))


def _number_correction(
    text: str, marker: re.Match[str], new: re.Match[str], reach: int
) -> list[Piece]:
    """ "pain 5/10, sorry, make that 6/10" -> "pain 6/10"; "pain 5 out of 10, sorry, 6" ->
    "pain 6 out of 10". Nothing when the clause before has no number, or when both numbers
    carry different units (then the second is a new value, not a correction)."""
    found = _retracted(text, marker, reach)
    if found is None:
        return []
    window_start, _, _, old = found
    old_start, old_number_end = window_start + old.start(), window_start + old.end()
    if _RANGE_TO.match(text, new.end()):
        # "0 to 120, correction, 0 to 125 degrees": the whole range is said again
        head = _RANGE_FROM.search(text, window_start, old_start)
        old_start = head.start() if head else old_start
    old_end = _value_end(text, old_number_end)
    old_unit = _unit_after(text[old_end : marker.start()])
    new_end = _value_end(text, new.end())
    tail = _TAIL.match(text, new_end)
    new_unit = _unit_after(tail.group() if tail else "")
    if old_unit and new_unit and old_unit.lower() != new_unit.lower() and not _says_all(marker):
        return []
    said_again = bool(new_unit) or new_end > new.end()
    if said_again or not text[old_number_end : marker.start()].strip(" \t,;:-"):
        # the correction says it all again: the retracted value and the marker go
        return [Piece(old_start, marker.end(), "", old_start, marker.end())]
    # a bare number corrects the old one where it stands ("5 out of 10, sorry, 6")
    cut = _separated_from(text, marker.start())
    return [
        Piece(old_start, old_number_end, new.group(), new.start(), new.end()),
        Piece(cut, new.end(), "", cut, new.end()),
    ]


def _retracted(
    text: str, marker: re.Match[str], reach: int
) -> tuple[int, str, int, re.Match[str]] | None:
    """The number a correction takes back: the last of the marker's clause within `reach`
    (never a denominator), with where its window starts, the window and the clause's start."""
    window_start = max(0, marker.start() - reach)
    window = text[window_start : marker.start()]
    starts = [m.end() for m in _CLAUSE_START.finditer(window)]
    clause = starts[-1] if starts else 0
    if clause and window[clause - 1] == ";" and not window[clause:].strip():
        # "grip 14 kg; correction: 16 kg": a marker opening the clause after a semicolon
        # takes back the clause before it
        clause = starts[-2] if len(starts) > 1 else 0
    olds = [
        m
        for m in _NUMBER.finditer(window, clause)
        if not _DENOMINATOR_BEFORE.search(window, 0, m.start())
    ]
    return (window_start, window, clause, olds[-1]) if olds else None


# A range said with its ends ("0 to 125", "0-125"): its start before the end retracted, and the
# rest of a corrected range after its start.
_RANGE_FROM = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?[ \t]*(?:to|through|-)[ \t]*$", re.I)
_RANGE_TO = re.compile(r"[ \t]*(?:to|through|-)[ \t]*\d", re.IGNORECASE)


def _value_end(text: str, end: int) -> int:
    """Where a number's value ends: after the rest of a spoken fraction or grade, if any."""
    rest = _FRACTION_REST.match(text, end)
    return rest.end() if rest else end


# Words between a name and its value that a correction need not say again.
_COPULAS = frozenset({"is", "was", "were", "are", "of", "at", "about"})
# The words a correction says again before its number ("lacks 12, sorry, lacks 10", "max
# assist of 2, no wait, mod assist of 2"): up to four.
_RESTATED = re.compile(r"((?:[A-Za-z][\w'-]*[ \t]+){1,4})(?=-?\d)")
_WORD = re.compile(r"[A-Za-z][\w'-]*")


def _restated_correction(text: str, marker: re.Match[str], reach: int) -> list[Piece]:
    """ "extension lacks 12, sorry, lacks 10" -> "extension lacks 10": the correction says the
    words before the retracted number again (the last of them the same), so those words, the
    number and the marker go. Nothing when the retracted number is not the end of its clause
    ("pain 3/10 at rest, actually pain 6/10 with stairs" is two ratings)."""
    restated = _RESTATED.match(text, marker.end())
    if restated is None:
        return []
    said = restated.group(1).split()
    found = _retracted(text, marker, reach)
    if found is None:
        return []
    window_start, window, clause, old = found
    after = window[old.end() :]
    unit = _unit_after(after)
    if after.replace(unit, "", 1).strip(" \t,;:-") if unit else after.strip(" \t,;:-"):
        return []
    before = list(_WORD.finditer(window, clause, old.start()))
    while before and before[-1].group().lower() in _COPULAS and said[-1].lower() not in _COPULAS:
        before.pop()  # "abduction was 95, let me rephrase, abduction 90 degrees"
    common = 0
    while (
        common < min(len(before), len(said))
        and before[-1 - common].group().lower() == said[-1 - common].lower()
    ):
        common += 1
    if not common:
        common = _said_reordered(before, said)
    if not common:
        return []
    # words said in place of others ("mod" for "max"): one word before the shared ones goes
    taken = min(len(before), common + (1 if len(said) > common else 0))
    cut = window_start + before[-taken].start()
    return [Piece(cut, restated.start(), "", cut, restated.start())]


# Words a correction may add when it names the measure again in its own order ("grip R 14 kg;
# correction, the right grip is 16 kg"): articles and copulas, which name nothing.
_FILLERS = frozenset({"the", "a", "an", "his", "her", "their", *_COPULAS})


def _said_reordered(before: list[re.Match[str]], said: list[str]) -> int:
    """How many of the words before the retracted number the correction names again in another
    order ("Grip R" as "the right grip is"): the words it says, without articles and copulas and
    with sides in one spelling, are the last words before the number; 0 when they are not."""
    named = [_side_spelled(word) for word in said if word.lower() not in _FILLERS]
    if not named or len(named) > len(before):
        return 0
    last = [_side_spelled(word.group()) for word in before[-len(named) :]]
    return len(named) if sorted(last) == sorted(named) else 0


def _side_spelled(word: str) -> str:
    """A word in one spelling: a side as its letter (lexicon.SIDE_NAMES), any other lower-cased."""
    lowered = word.lower()
    return SIDE_NAMES.get(lowered, lowered).lower()


def _separated_from(text: str, start: int) -> int:
    """Where the separators (spaces, commas) before a marker begin."""
    before = text[max(0, start - 8) : start]
    return start - (len(before) - len(before.rstrip(" \t,;-")))


def _unit_after(text: str) -> str:
    """The unit said right after a value; a punctuation mark said aloud ("110 comma") is none."""
    found = _UNIT_WORD_AT.match(text)
    if found is None or found.group(1).lower() in spoken_marks().single_words:
        return ""
    return re.sub(r"\s+", "", found.group(1))


def _clause_retraction(text: str, marker: re.Match[str], floor: int) -> list[Piece]:
    """ "Ultrasound 8 min, scratch that." : the clause before a whole-retraction marker goes;
    "... 300 feet. Scratch that." : a marker that opens a sentence takes back the one before.
    Inside a sentence only the clause since the last comma goes ("..., and gait training,
    scratch that, we didn't get to it"): a dictation run on for a paragraph is one sentence,
    and all of it is never what the speaker took back. Nothing before `floor` (the end of the
    correction before) is taken again."""
    whole = _rules().whole.match(text, marker.start())
    if whole is None:
        return []
    line_start = max(text.rfind("\n", 0, marker.start()) + 1, floor)
    before = text[line_start : marker.start()]
    ends = [0, *(m.end() for m in _SENTENCE_END.finditer(before))]
    start = ends[-1]
    if not before[start:].strip(" \t,;-") and len(ends) > 1:
        start = ends[-2]
    else:
        start = _last_clause(before, start)
    if not before[start:].strip(" \t,;-"):
        return []
    return [Piece(line_start + start, whole.end(), "", line_start + start, whole.end())]


# A clause's start inside a sentence, and what a false start says before a marker ("on the
# right, no... scratch that": the "no..." is no clause of its own).
_CLAUSE_BREAK = re.compile(r",[ \t]*")
_NO_CLAUSE = re.compile(r"[ \t,;.\u2026-]*(?:(?:no|um+|uh+|er+|oh)\b[ \t,;.\u2026-]*)*$", re.I)


def _last_clause(sentence: str, start: int) -> int:
    """Where the last clause of `sentence` (from `start`) begins: after its last comma, or the
    comma before that where the last clause is only a false start."""
    breaks = [start, *(m.end() for m in _CLAUSE_BREAK.finditer(sentence, start))]
    while len(breaks) > 1 and _NO_CLAUSE.match(sentence, breaks[-1]):
        breaks.pop()
    return breaks[-1]


# a full stop, not the last dot of a speaker trailing off ("on the right, no... scratch that")
_SENTENCE_END = re.compile(r"(?<!\.\.)[.!?;](?=\s)\s*")


def spoken_units(text: str) -> list[Piece]:
    """Units said in full after a number, written short ("22 kilograms" -> "22 kg")."""
    rules = _rules()
    pieces = []
    # A unit starts right after a digit and holds none, so the places where any unit is said
    # are the only places where each unit's own pattern can match.
    for said in rules.any_unit.finditer(text):
        for pattern, written in rules.units:
            match = pattern.match(text, said.start())
            if match is None:
                continue
            value = written if written in ("%", "°F") else f" {written}"
            pieces.append(Piece(match.start(), match.end(), value, match.start(), match.end()))
    pieces += _fractions(text)
    kept: list[Piece] = []
    for piece in sorted(pieces, key=lambda piece: (piece.start, -piece.end)):
        if not kept or piece.start >= kept[-1].end:
            kept.append(piece)
    return kept


def _fractions(text: str) -> list[Piece]:
    """A score over its maximum said aloud ("41 over 56"), its "over" written as a slash
    ("41/56"), as a typed note writes it: the maximum is then read as the score's whole, never
    as a second score (spoken.toml [fractions])."""
    return [
        Piece(match.start(), match.end(), "/", match.start(), match.end())
        for match in _fraction_word().finditer(text)
    ]


@cache
def _fraction_word() -> re.Pattern[str]:
    text = files("tui.core").joinpath("data", "spoken.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text).get("fractions", {})
    words = "|".join(table.get("words", ["(?!x)x"]))
    units = "|".join(table.get("not_before", ["(?!x)x"]))
    return re.compile(
        rf"(?<=\d)[ \t]+(?:{words})[ \t]+"
        rf"(?=\d{{1,3}}(?:\.\d)?(?![\d.]\d|[.]?\d|[ \t]*(?:{units})(?![A-Za-z])|[ \t]*[-/]))",
        re.IGNORECASE,
    )
