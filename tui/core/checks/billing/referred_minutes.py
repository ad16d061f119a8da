"""Minutes said after the service, pointing back to it ("Today I also fabricated a resting
hand orthosis, wrist in 30 degrees extension, that was 25 minutes", "did manual traction and
glides, which took about 12 minutes"): the sentence's one service took them. A sentence that
names two services, or none, gives its minutes to no one.

Found by the pointing words ("that was", "which took"), so no pass tries every position.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from tui.core.checks.text.lexicon import NUM, led

_POINTING = led(
    re.compile(
        rf"(?:that|which|this|it)[ \t]+(?:was|took|lasted|ran)[ \t]+"
        rf"(?:(?:about|around|roughly|approximately|approx\.?|another|a good|just over|just under)"
        rf"[ \t]+)?({NUM})[ \t]*(?:min(?:ute)?s?|mins)\b",
        re.IGNORECASE,
    ),
    "that",
    "which",
    "this",
    "it",
)


@dataclass(frozen=True)
class Referred:
    """Minutes pointing back to the sentence's one service, and where each is written."""

    code: str
    value: str
    name_start: int
    minutes_start: int
    minutes_end: int


def referred_minutes(
    text: str,
    sentence_start: Callable[[int], int],
    names: Callable[[int, int], Iterable[tuple[int, str]]],
) -> list[Referred]:
    """Minutes pointing back to a service: `sentence_start` gives where the sentence holding
    a position opens, `names` the (start, code) of the services named in a range."""
    found = []
    for pointing in _POINTING.finditer(text):
        opening = sentence_start(pointing.start())
        named = list(names(opening, pointing.start()))
        codes = {code for _, code in named}
        if len(codes) != 1:
            continue
        found.append(
            Referred(
                code=codes.pop(),
                value=pointing.group(1),
                name_start=named[0][0],
                minutes_start=pointing.start(1),
                minutes_end=pointing.end(),
            )
        )
    return found
