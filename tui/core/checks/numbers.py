"""Normalising note text so one set of patterns reads typed notes and voice transcripts alike.

Voice transcripts spell numbers out ("one hundred ten degrees", "six out of ten") and typed
notes use typographic dashes and minus signs ("4−/5", "0–115°"). `normalize` rewrites both into
plain ASCII digits and hyphens and keeps a map back to the original offsets, so every fact's
span still points into the text the clinician wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# One-for-one character swaps: offsets do not move.
_CHAR_SWAPS = str.maketrans(
    {
        "\u2212": "-",  # minus sign
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u00d7": "x",  # multiplication sign
        "\u00a0": " ",  # no-break space
        "\u2009": " ",  # thin space
        "\u202f": " ",  # narrow no-break space
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2033": '"',  # double prime (inches)
        "\u2032": "'",  # prime
        "\u2192": ",",  # arrows read as "then"
        "\u21d2": ",",
        "\u2794": ",",
        "\u00ba": "\u00b0",  # masculine ordinal written for a degree sign
        "\uff05": "%",
    }
)

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000}
_NUMBER_WORDS = {**_UNITS, **_TEENS, **_TENS, **_SCALES}
_WORD = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_RUN = re.compile(
    rf"\b(?:{_WORD})(?:(?:[ \t]+|-)(?:and[ \t]+)?(?:{_WORD}))*"
    rf"(?:[ \t]+point(?:[ \t]+(?:{'|'.join(_UNITS)}))+)?\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[A-Za-z]+")

# Every run of digits, decimals included: what a text "mentions", used as lenient support.
ANY_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus, for each of its characters, the original span it came from."""

    text: str
    original: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text back to the original text."""
        if self.starts is None or self.ends is None:
            return start, end
        size = len(self.starts)
        if size == 0:
            return 0, 0
        start = min(max(start, 0), size - 1)
        end = min(max(end, start + 1), size)
        return self.starts[start], self.ends[end - 1]


@dataclass(frozen=True)
class _Spelled:
    start: int
    end: int
    value: str


def normalize(text: str) -> Normalized:
    """Swap typographic characters for ASCII and spelled-out numbers for digits."""
    swapped = text.translate(_CHAR_SWAPS)
    pieces = [piece for run in _RUN.finditer(swapped) for piece in _parse_run(run)]
    if not pieces:
        return Normalized(text=swapped, original=text)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for piece in pieces:
        out.append(swapped[pos : piece.start])
        starts.extend(range(pos, piece.start))
        ends.extend(range(pos + 1, piece.start + 1))
        out.append(piece.value)
        starts.extend([piece.start] * len(piece.value))
        ends.extend([piece.end] * len(piece.value))
        pos = piece.end
    out.append(swapped[pos:])
    starts.extend(range(pos, len(swapped)))
    ends.extend(range(pos + 1, len(swapped) + 1))
    return Normalized(text="".join(out), original=text, starts=tuple(starts), ends=tuple(ends))


def _parse_run(run: re.Match[str]) -> list[_Spelled]:
    """Split a run of number words into numbers ("thirty four" -> 34, "six seven" -> 6, 7)."""
    words = [
        (m.group().lower(), run.start() + m.start(), run.start() + m.end())
        for m in _TOKEN.finditer(run.group())
    ]
    numbers: list[_Spelled] = []
    current: list[tuple[str, int, int]] = []
    decimals: list[tuple[str, int, int]] = []
    in_decimals = False
    for word in words:
        name = word[0]
        if name == "and":
            continue
        if name == "point":
            in_decimals = bool(current)
            continue
        if in_decimals:
            decimals.append(word)
            continue
        if current and not _continues(current, name):
            numbers.append(_spelled(current, []))
            current = []
        current.append(word)
    if current:
        numbers.append(_spelled(current, decimals))
    return numbers


def _continues(words: list[tuple[str, int, int]], name: str) -> bool:
    """True when `name` extends the number spelled by `words` ("thirty" + "four")."""
    last = words[-1][0]
    if name == "hundred" and any(w[0] in _SCALES for w in words):
        return False
    if name in _SCALES:
        return last not in _SCALES or _SCALES[name] > _SCALES[last]
    if last in _SCALES:
        return True
    if name in _UNITS:
        return last in _TENS
    return False


def _words_value(names: list[str]) -> int:
    total = 0
    current = 0
    for name in names:
        if name == "hundred":
            current = max(current, 1) * 100
        elif name == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            current += _NUMBER_WORDS[name]
    return total + current


def _spelled(words: list[tuple[str, int, int]], decimals: list[tuple[str, int, int]]) -> _Spelled:
    value = str(_words_value([w[0] for w in words]))
    end = words[-1][2]
    if decimals:
        value += "." + "".join(str(_UNITS[w[0]]) for w in decimals)
        end = decimals[-1][2]
    return _Spelled(start=words[0][1], end=end, value=value)


def to_number(token: str) -> int | float:
    """A numeric token as int when it has no decimals, else float ("45.0" stays 45.0)."""
    return float(token) if "." in token else int(token)


def numbers_in(text: str) -> list[int | float]:
    """Every plain number written in a text (after normalising), in order."""
    return [to_number(m.group()) for m in ANY_NUMBER.finditer(normalize(text).text)]
