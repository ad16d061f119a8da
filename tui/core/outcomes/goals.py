"""Goals as a plan of care writes them ("STG 4 wks - TUG <14 s, Berg ≥46"), read into what is
measured, the target and the date, and whether each is measurable at all.

A goal line may carry several goals after one timeframe, separated by commas or semicolons;
each inherits the timeframe. A goal written in a report ("STG 2: NDI ≤ 18/50 - met") carries
the status the therapist gave it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from importlib.resources import files
from typing import Any, Final

from tui.core.intake.notes import note_day

_COMPARATOR: Final = (
    r"(?:≥|≤|>=|<=|<|>|=|at least|at most|less than|more than|greater than|under|over|to|of)"
)
_TARGET: Final = re.compile(
    rf"(?:{_COMPARATOR}\s*)?(-?\d+(?:\.\d+)?)\s*(%|°|deg\b|degrees\b|s\b|sec\b|m/s|m\b|ft\b|feet\b"
    r"|lbs?\b|kg\b|min\b|minutes\b|hrs?\b|hours\b|reps\b|blocks?\b|miles?\b|/\d+)?",
    re.IGNORECASE,
)
_TIMEFRAME: Final = re.compile(
    r"\b(?:in|by|within|x)?\s*(\d+)\s*-?\s*(wks?|weeks?|w|days?|d|months?|mos?|mo|visits?)\b",
    re.IGNORECASE,
)
_DAY: Final = re.compile(r"\b(?:by\s+)?(\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})\b")
_LEAD: Final = re.compile(
    r"^\s*(?:#{1,6}\s*|[-*•]\s*)?((?:STG|LTG|short[- ]term goals?|long[- ]term goals?|goals?)"
    r"(?:\s*#?\d+(?!\s*-?\s*(?:wks?|weeks?|w|days?|d|months?|mos?|mo|visits?)\b))?)"
    r"\s*(?:\(([^)]*)\))?\s*[:.-]?\s*",
    re.IGNORECASE,
)
# The next section of the note ends a goal block: "Plan:", or a SOAP letter ("P: 2x/wk").
_SECTION: Final = re.compile(r"^\s*(?:[SOAP]|[A-Z][A-Za-z /&]{2,30}):\s*")
_DAYS_PER: Final = {"w": 7, "d": 1, "m": 30}


@dataclass(frozen=True)
class Goal:
    """One goal: its words, what it measures, its target and when it is due."""

    text: str
    line: int  # 1-based line of the note
    term: str  # STG | LTG | ""
    measure: str  # the instrument or measure it names ("TUG", "pain", "walk"), "" if none
    target: str  # "<14 s", "≥46", "independent"; "" if none
    comparator: str
    value: float | None
    timeframe: str  # "4 wks", "2027-02-15", "" if none
    due: date | None
    status: str = ""  # as the report states it: met | not met | progressing | ...

    @property
    def missing(self) -> list[str]:
        """What keeps the goal from being measurable: "a measure", "a target", "a date"."""
        gaps = []
        if not self.measure:
            gaps.append("a measure")
        if not self.target:
            gaps.append("a target")
        if not self.timeframe:
            gaps.append("a date")
        return gaps

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "line": self.line,
            "term": self.term,
            "measure": self.measure,
            "target": self.target,
            "due": self.due.isoformat() if self.due else None,
            "timeframe": self.timeframe,
            "stated_status": self.status,
            "measurable": not self.missing,
        }


@dataclass(frozen=True)
class _Words:
    starts: tuple[str, ...]
    measures: re.Pattern[str]
    assists: re.Pattern[str]
    statuses: re.Pattern[str]
    extra: tuple[str, ...] = field(default=())


@cache
def _words() -> _Words:
    raw = (files("tui.core") / "data" / "goals.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    from tui.core.checks.tables import measure_defs

    names = [alias for m in measure_defs() for alias in m.aliases]
    names += [str(word) for word in data["measure_words"]]
    return _Words(
        starts=tuple(data["goal_starts"]),
        measures=_alternation(names),
        assists=_alternation(data["assist_levels"]),
        statuses=_alternation(data["statuses"]),
    )


def _alternation(words: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    body = "|".join(re.escape(word).replace(r"\ ", r"[\s-]+") for word in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE)


def read_goals(text: str, start: date | None, extra_measures: Iterable[str] = ()) -> list[Goal]:
    """The goals a note writes, each with its due date from `start` (the note's day) when the
    goal gives a timeframe rather than a day. `extra_measures`: the clinic's instrument names."""
    words = _words()
    extra = _alternation(extra_measures) if extra_measures else None
    goals: list[Goal] = []
    in_block = False
    for number, line in enumerate(text.splitlines(), start=1):
        lead = _LEAD.match(line)
        if lead is None:
            if in_block and line.strip() and _SECTION.match(line) is None:
                goals += _goals_of(line.strip(" -*•\t"), number, "", "", start, words, extra)
                continue
            in_block = False
            continue
        label = lead.group(1)
        rest = line[lead.end() :].strip()
        if label.lower().startswith("goal") and rest.lower().startswith("status"):
            in_block = True
            continue
        if not rest:
            in_block = True
            continue
        # STG/LTG lines under a "Goals:" heading keep the block open for the goals after them
        in_block = in_block or label.lower().startswith("goal")
        for term, shared, part in _segments(label, lead.group(2) or "", rest):
            goals += _goals_of(part, number, term, shared, start, words, extra)
    return goals


def _segments(label: str, shared: str, rest: str) -> list[tuple[str, str, str]]:
    """One goal line cut where another goal term starts ("Goals: STG 4 wks - ... LTG 8 wks -
    ..."): (term, shared timeframe, text) per piece."""
    pieces = [p for p in re.split(r"(?=\b(?:STG|LTG)\b)", rest) if p.strip(" .;")]
    found = []
    for piece in pieces:
        lead = _LEAD.match(piece) if re.match(r"\s*(?:STG|LTG)\b", piece) else None
        if lead is None:
            found.append((_term(label), shared, piece.strip()))
        else:
            found.append((_term(lead.group(1)), lead.group(2) or "", piece[lead.end() :].strip()))
    return found


def _term(label: str) -> str:
    lower = label.lower()
    if lower.startswith(("stg", "short")):
        return "STG"
    if lower.startswith(("ltg", "long")):
        return "LTG"
    return ""


def _goals_of(
    rest: str,
    line: int,
    term: str,
    shared: str,
    start: date | None,
    words: _Words,
    extra: re.Pattern[str] | None,
) -> list[Goal]:
    """The goals of one line: a timeframe before a dash ("4 wks - TUG <14 s, Berg ≥46")
    applies to each goal after it."""
    status = ""
    found_status = list(words.statuses.finditer(rest))
    if found_status and found_status[-1].start() > len(rest) // 3:
        tail = found_status[-1]
        dash = max(rest.rfind(" - ", 0, tail.start()), rest.rfind(" – ", 0, tail.start()))
        if dash >= 0:
            status = tail.group().lower()
            rest = rest[:dash]
    lead_time = re.match(r"^\s*(.{0,24}?)\s*[-–:]\s+", rest)
    if lead_time and _TIMEFRAME.search(lead_time.group(1)):
        shared = shared or lead_time.group(1)
        rest = rest[lead_time.end() :]
    parts = [p.strip(" .") for p in re.split(r"[;,](?!\d)", rest) if p.strip(" .")]
    if len(parts) > 1 and not all(_measure(p, words, extra) for p in parts):
        parts = [rest.strip(" .")]
    return [_goal(part, line, term, shared, start, status, words, extra) for part in parts]


def _goal(
    text: str,
    line: int,
    term: str,
    shared: str,
    start: date | None,
    status: str,
    words: _Words,
    extra: re.Pattern[str] | None,
) -> Goal:
    measure = _measure(text, words, extra)
    timeframe, due = _due(text, start) if _due(text, start)[0] else _due(shared, start)
    comparator, value, target = "", None, ""
    scan = text
    if measure:
        at = scan.lower().find(measure.lower())
        scan = scan[at + len(measure) :] if at >= 0 else scan
    scan = _TIMEFRAME.sub(" ", _DAY.sub(" ", scan))
    number = _TARGET.search(scan)
    if number is not None:
        target = " ".join(number.group().split())
        value = float(number.group(1))
        comparator = _comparator(number.group())
    else:
        assist = words.assists.search(text)
        if assist is not None:
            target = assist.group()
    return Goal(text, line, term, measure, target, comparator, value, timeframe, due, status)


def _measure(text: str, words: _Words, extra: re.Pattern[str] | None) -> str:
    for pattern in (extra, words.measures):
        if pattern is None:
            continue
        found = pattern.search(text)
        if found is not None:
            return found.group()
    return ""


def _comparator(written: str) -> str:
    lower = written.lower()
    for signs, name in (
        (("≥", ">=", "at least", "more than", "greater than", "over"), ">="),
        (("≤", "<=", "at most"), "<="),
        (("<", "less than", "under"), "<"),
        ((">",), ">"),
    ):
        if any(sign in lower for sign in signs):
            return name
    return ""


def _due(text: str, start: date | None) -> tuple[str, date | None]:
    day = _DAY.search(text)
    if day is not None:
        return day.group(1), note_day(day.group(1))
    frame = _TIMEFRAME.search(text)
    if frame is None:
        return "", None
    amount, unit = int(frame.group(1)), frame.group(2).lower()
    written = f"{amount} {unit}"
    if unit.startswith("v") or start is None:
        return written, None
    return written, start + timedelta(days=amount * _DAYS_PER[unit[0]])


def reached(goal: Goal, value: float) -> bool | None:
    """Whether a measured value reaches the goal's numeric target (None: no numeric target)."""
    if goal.value is None:
        return None
    checks = {
        ">=": value >= goal.value,
        ">": value > goal.value,
        "<=": value <= goal.value,
        "<": value < goal.value,
    }
    return checks.get(goal.comparator, value >= goal.value)
