"""A line keyed by a word that names a service only there ("Ex: McKenzie EIL 3x10, bird-dog -
15 mins", "Functional: lifting from a 30 cm box, hip hinge cues - 10 mins"): the minutes that
close the line after a dash are that service's, whatever the description between holds. The
keys are data (billing.toml [service_keys]); outside a line's key the words name nothing.

Only lines that close with minutes after a dash are looked at (found by the minutes word), so
no pass tries every position of the note.

A modality named by its agent ("Ice R ankle 10 min elevated") is read the same way, only where
its word opens a line of the list of services done (a line above or below names one; billing.toml
[opening_names]): the line's first minutes are its, when no other service is named before them
and no frequency after them makes them a home dose. A line that says the agent is for home, for
later on a condition, or a symptom it provokes ([opening_advice]) names no service given today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.billing.billing_patterns import HOME_DOSE, MINUTES
from tui.core.checks.billing.named_minutes import a_distance
from tui.core.checks.tables import billing_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import led, service_matcher

_CLOSING = led(
    re.compile(r"(?:min(?:ute)?s?|mins)\b\.?[ \t]*$", re.IGNORECASE | re.MULTILINE),
    "min",
)
_DASHED_MINUTES = re.compile(r"[ \t]+(?:-{1,2}|\u2013|\u2014)[ \t]*(\d{1,3})[ \t]*$")


@dataclass(frozen=True)
class KeyedLine:
    """A keyed line's code and minutes, and where the key and the minutes are written."""

    code: str
    minutes: int
    start: int
    minutes_start: int
    minutes_end: int


@cache
def _table(name: str) -> dict[str, str]:
    """A billing.toml table of words and the codes they name, its words' spaces folded."""
    keys = billing_section(name)
    return {" ".join(str(word).lower().split()): str(code) for word, code in keys.items()}


def _alternatives(name: str) -> str:
    words = sorted(_table(name), key=len, reverse=True)
    return either(r"[ \t]+".join(map(re.escape, word.split())) for word in words)


@cache
def _keys() -> re.Pattern[str]:
    return re.compile(
        rf"[ \t]*(?:[-*\u2022][ \t]*)?(?P<key>{_alternatives('service_keys')})[ \t]*:",
        re.IGNORECASE,
    )


@cache
def _openings() -> re.Pattern[str]:
    return re.compile(
        rf"^[ \t]*(?:[-*\u2022][ \t]*)?(?P<key>{_alternatives('opening_names')})(?![\w-])",
        re.IGNORECASE | re.MULTILINE,
    )


@cache
def _advice() -> re.Pattern[str]:
    """The words that make a line opened by a modality's agent advice or a symptom
    (billing.toml [opening_advice]), never a service given in the session."""
    words = [str(word) for group in billing_section("opening_advice").values() for word in group]
    alternatives = "|".join(
        (r"(?<!\w)" if word[0].isalnum() else "") + r"[ \t]+".join(map(re.escape, word.split()))
        for word in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"(?:{alternatives or '(?!)'})(?!\w)", re.IGNORECASE)


def keyed_lines(text: str) -> list[KeyedLine]:
    """The lines opened by a service key and closed by "- N min"."""
    found = []
    for closing in _CLOSING.finditer(text):
        line_start = text.rfind("\n", 0, closing.start()) + 1
        minutes = _DASHED_MINUTES.search(text, line_start, closing.start())
        key = _keys().match(text, line_start, closing.start())
        if minutes is None or key is None:
            continue
        code = _table("service_keys").get(" ".join(key.group("key").lower().split()))
        if code is None:
            continue
        found.append(
            KeyedLine(
                code=code,
                minutes=int(minutes.group(1)),
                start=key.start("key"),
                minutes_start=minutes.start(1),
                minutes_end=closing.end(),
            )
        )
    return found


def _among_services(text: str, line_start: int, line_end: int) -> bool:
    """True when the line above or below names a service: the line is an item of the list of
    what was done in the session."""
    above_end = text.rfind("\n", 0, line_start)
    above_start = text.rfind("\n", 0, max(above_end, 0)) + 1
    below_end = text.find("\n", line_end + 1)
    below_end = len(text) if below_end < 0 else below_end
    pattern = service_matcher().pattern
    return bool(
        (above_end >= 0 and pattern.search(text, above_start, above_end))
        or (line_end < len(text) and pattern.search(text, line_end + 1, below_end))
    )


def opening_lines(text: str) -> list[KeyedLine]:
    """The lines a modality's agent opens ("Ice R ankle 10 min elevated") in a list of the
    session's services, with the first minutes on the line, when no other service is named
    before them and no frequency follows."""
    found = []
    for key in _openings().finditer(text):
        line_end = text.find("\n", key.end())
        line_end = len(text) if line_end < 0 else line_end
        minutes = MINUTES.search(text, key.end(), line_end)
        if minutes is None or a_distance(text, minutes) or HOME_DOSE.match(text, minutes.end()):
            continue
        if service_matcher().pattern.search(text, key.end(), minutes.start()):
            continue
        if not _among_services(text, key.start(), line_end):
            continue  # "ice 15 min after exercise if swelling": advice, no list of what was done
        if _advice().search(text, key.end(), line_end):
            continue  # "Heat 15 min 2-3x/day at home.", "Cold intolerance ...": no service today
        code = _table("opening_names")[" ".join(key.group("key").lower().split())]
        found.append(
            KeyedLine(
                code=code,
                minutes=round(float(minutes.group(1))),
                start=key.start("key"),
                minutes_start=minutes.start(1),
                minutes_end=minutes.end(),
            )
        )
    return found
