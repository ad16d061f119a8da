"""How long the patient kept up a posture or a walk today, in minutes: "Stood at the kitchen
counter 6 min making tea", "Standing tol at sink 4 min", "Walks 10 min before leg heaviness",
"Can stand 15 min to cook now".

A time in minutes after a word of standing, sitting or walking done by the patient, in its
clause with no number between, is how long the patient tolerated it (kind "other",
CONVENTIONS.md: a time that is no named test's result). A dose is no tolerance: a count or a
frequency after the time or a home program on its line (hold_times.dosed), a bound or a
frequency before it ("up to", "every", "x"), a time joined to a posture change ("sit-to-stand"),
a time a vital sign was taken at ("standing 3 min: HR 118, BP 110/76") and a clause of the plan
or a goal. The words are data (measures.toml [tolerated_times]).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.measures.hold_times import dosed
from tui.core.checks.measures.others import not_yet_done
from tui.core.checks.tables import body_weight_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import Led, led
from tui.core.checks.text.scan import Scanner

_DATA = files("tui.core") / "data" / "measures.toml"
# From the activity to its time: words and spaces, never a number or a clause's end.
_GAP = r"(?P<gap>[^\d\n.;:,()]{0,40}?)"
_TIME = r"(?<![\w./])(?P<value>\d{1,3})[ \t]*(?P<unit>min|mins|minutes)\b"


@dataclass(frozen=True)
class _Words:
    timed: Led
    bounds: re.Pattern[str]
    timepoint: re.Pattern[str]


@cache
def _words() -> _Words:
    data = tomllib.loads(_DATA.read_text(encoding="utf-8")).get("tolerated_times", {})
    activities = [str(word) for word in data.get("activities", ())]
    return _Words(
        timed=led(
            re.compile(
                rf"(?<![\w-])(?P<activity>{either(activities)})(?![\w-]){_GAP}{_TIME}",
                re.IGNORECASE,
            ),
            *activities,
        ),
        bounds=re.compile(rf"(?<!\w)(?:{either(data.get('bounds', ()))})(?!\w)", re.I),
        timepoint=re.compile(
            rf"[ \t]*[:=-]?[ \t]*(?:\d|(?:{either(body_weight_words().get('vital_words', ()))})\b)",
            re.I,
        ),
    )


def read_tolerated_times(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each time a posture or a walk was kept up, in minutes (see the module)."""
    words = _words()
    text = scanner.text
    for match in words.timed.finditer(text):
        start, end = match.start("value"), match.end("unit")
        if words.bounds.search(match.group("gap")) or not scanner.free(start, end):
            continue
        if words.timepoint.match(text, end):
            continue  # "standing 3 min: HR 118": when a vital sign was taken, no tolerance
        if (
            scanner.in_header(start)
            or scanner.in_goal(start)
            or not_yet_done(scanner, start, end)
            or dosed(scanner, start, end)
        ):
            continue
        found = attribute(scanner, start, end, after_side=False)
        label = labels.join(match.group("activity").lower(), "time") + found.previous
        scanner.emit(facts, "other", int(match.group("value")), (start, end), label, unit="min")
