"""A line keyed by a word that names a service only there ("Ex: McKenzie EIL 3x10, bird-dog -
15 mins", "Functional: lifting from a 30 cm box, hip hinge cues - 10 mins"): the minutes that
close the line after a dash are that service's, whatever the description between holds. The
keys are data (billing.toml [service_keys]); outside a line's key the words name nothing.

Only lines that close with minutes after a dash are looked at (found by the minutes word), so
no pass tries every position of the note.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from tui.core.checks.text.lexicon import led

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
def _keys() -> re.Pattern[str]:
    text = files("tui.core").joinpath("data", "billing.toml").read_text(encoding="utf-8")
    keys = tomllib.loads(text).get("service_keys", {})
    words = sorted(keys, key=len, reverse=True)
    alternatives = "|".join(r"[ \t]+".join(map(re.escape, str(w).split())) for w in words)
    return re.compile(
        rf"[ \t]*(?:[-*\u2022][ \t]*)?(?P<key>{alternatives or '(?!)'})[ \t]*:", re.IGNORECASE
    )


@cache
def _codes() -> dict[str, str]:
    text = files("tui.core").joinpath("data", "billing.toml").read_text(encoding="utf-8")
    keys = tomllib.loads(text).get("service_keys", {})
    return {" ".join(str(word).lower().split()): str(code) for word, code in keys.items()}


def keyed_lines(text: str) -> list[KeyedLine]:
    """The lines opened by a service key and closed by "- N min"."""
    found = []
    for closing in _CLOSING.finditer(text):
        line_start = text.rfind("\n", 0, closing.start()) + 1
        minutes = _DASHED_MINUTES.search(text, line_start, closing.start())
        key = _keys().match(text, line_start, closing.start())
        if minutes is None or key is None:
            continue
        code = _codes().get(" ".join(key.group("key").lower().split()))
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
