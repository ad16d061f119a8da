"""Minutes whose unit the sentence already gave ("We spent 25 minutes on therapeutic exercise and
another 10 on gait training", "Ther ex for 25 minutes, gait training for 10."): a bare number in
a second clause built like the first is minutes too, and the service it names took them.

Read only when the same sentence wrote minutes with their unit before, the bare number stands
in one of two frames ("another N on|of NAME", "NAME for N" closing its clause), and nothing else
follows it: "squats for 10" names no service, "gait training for 10 reps" has a unit of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tui.core.checks.billing.code_minutes import CodeMinutes

_UNIT_BEFORE = re.compile(r"\d[ \t]*(?:min(?:ute)?s?\b|mins\b)", re.IGNORECASE)
# "another 10 on gait training": the number, then the service's name at `name_at`.
_ANOTHER = re.compile(r"\banother[ \t]+(\d{1,3})[ \t]+(?:on|of|doing)[ \t]+$", re.IGNORECASE)
# "gait training for 10.": after the name, the number closes its clause.
# How far back the sentence's minutes are looked for: a sentence with no end stays linear.
_SENTENCE_MOST = 400
_FOR_NUMBER = re.compile(r"[ \t]+for[ \t]+(\d{1,3})(?=[ \t]*(?:[.;,]|$))", re.MULTILINE)


def elided_minutes(
    text: str,
    names: list[tuple[int, int, str]],
    sentence_start: Callable[[int], int],
) -> list[CodeMinutes]:
    """`names` gives each service name's (start, end, code) in order of the text."""
    found = []
    for start, end, code in names:
        opening = max(sentence_start(start), start - _SENTENCE_MOST)
        before = _ANOTHER.search(text, max(opening, start - 24), start)
        after = _FOR_NUMBER.match(text, end) if before is None else None
        said = before or after
        if said is None or not _UNIT_BEFORE.search(text, opening, said.start()):
            continue
        found.append(
            CodeMinutes(
                code=code,
                minutes=int(said.group(1)),
                start=min(start, said.start()),
                end=max(end, said.end()),
                minutes_start=said.start(1),
                minutes_end=said.end(1),
            )
        )
    return found
