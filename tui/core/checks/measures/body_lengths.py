"""Lengths of the body in inches: "Hip width 15.5"", "Thigh length (buttock to popliteal) R
19", L 18.5"", "seated shoulder height 22 in".

"in" is also a word and an inch mark also closes a quotation, so inches are blocked as a step's
or a thing's size everywhere; they are read only after a body segment and a word of its size
(measures.toml [not_measurements.settings] `body_segments`, `body_sizes`), each side's value in
turn, up to the clause's end or the next size. A thing's size ("seat width 16 in", "step height
6 in") names no body segment and stays blocked.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.tables import setting_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import Led, led
from tui.core.checks.text.scan import Scanner

# One value in inches, with the side it is for ("R 19\"", "L: 18.5 in").
_INCHES = re.compile(
    r"(?<![\w.])(?:(?P<side>[RL]|rt|lt|right|left)[ \t]*:?[ \t]*)?"
    r"(?P<value>\d{1,2}(?:\.\d{1,2})?)[ \t]*(?:in\b|inch(?:es)?\b|\"|'')(?![ \t]*(?:x|by)\b)"
    # how much one side exceeds the other ("arm length 1 in longer on R", "thigh length 2 in
    # more than L"): a difference of two lengths, never a length
    r"(?![ \t]*(?:(?:longer|shorter|more|less|greater|bigger|smaller|wider|narrower|taller)\b"
    r"|(?:over|than)[ \t]+(?:the[ \t]+)?(?:[RL]|rt|lt|right|left|other|contralateral)\b))",
    re.IGNORECASE,
)
# Where a size's clause ends: a semicolon, a line's end, a full stop before a space, or a comma
# before anything but the other side's value or another segment ("R 19\", L 18.5\"" and ",
# lower leg 19.5 in" go on, each segment named by its own words; ", 2\" cushion" ends).
_CLAUSE_END = r";|\n|\.(?=\s|$)|,(?![ \t]*(?:(?:[RL]|rt|lt|right|left)\b|(?:{segments})\b))"
_COMMA = re.compile(r",[ \t]*")
_REACH = 80
_SIDES = {"r": "R", "rt": "R", "right": "R", "l": "L", "lt": "L", "left": "L"}


@cache
def _sizes() -> Led:
    words = setting_words()
    segments, sizes = words.get("body_segments", ()), words.get("body_sizes", ())
    pattern = re.compile(
        rf"\b(?:{either(segments)})[ \t]+(?:[A-Za-z]+[ \t]+)?(?:{either(sizes)})\b", re.IGNORECASE
    )
    return led(pattern, *segments)


@cache
def _clause_end() -> re.Pattern[str]:
    segments = either(setting_words().get("body_segments", ()))
    return re.compile(_CLAUSE_END.format(segments=segments), re.IGNORECASE)


def read_body_lengths(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each length in inches after a body segment's size in its clause (see the module)."""
    text = scanner.text
    sizes = list(_sizes().finditer(text))
    for index, size in enumerate(sizes):
        if scanner.in_header(size.start()) or scanner.in_goal(size.start()):
            continue
        limit = min(len(text), size.end() + _REACH)
        if index + 1 < len(sizes):
            limit = min(limit, sizes[index + 1].start())
        stop = _clause_end().search(text, size.end(), limit)
        end = stop.start() if stop else limit
        label_name = labels.context_words(size.group(), 4)
        named_from = size.end()
        for value in _INCHES.finditer(text, size.end(), end):
            start, finish = value.span("value")
            commas = list(_COMMA.finditer(text, named_from, value.start()))
            if commas:  # ", lower leg 19.5 in": a segment of its own, named by its words
                named_from = commas[-1].end()
                own = labels.context_words(text[named_from : value.start()], 4)
                label_name = own or label_name
            if scanner.claimed(start, finish) or scanner.in_goal(start):
                continue
            side = _SIDES.get((value.group("side") or "").lower(), "")
            scanner.emit(
                facts,
                "other",
                _number(value.group("value")),
                (start, value.end()),
                labels.join(side, label_name),
                unit="in",
            )


def _number(token: str) -> int | float:
    return float(token) if "." in token else int(token)
