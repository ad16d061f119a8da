"""What each column of a table holds, read from its heading (data/columns.toml).

A number in a table means what its row and its column say together: under "Eval" it is an
earlier value, under "Today" or the last of several dated columns this visit's, under "Goal" a
target, under "R" the right side's, beside a "Units" column in that unit. The roles are data, so
a clinic's headings are a list to extend, not code to change.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from tui.core.checks.layouts.keyed import snake_words
from tui.core.checks.measures import labels
from tui.core.checks.tables import attribution_words, vital_signs
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import GOAL_START, MONTH_NAMES

# Roles of a column: "label" names the row, "skip" holds no measurement, "goal" targets,
# "reference" norms and cut-offs, "change" differences between other columns,
# "prior" earlier values, "current" this visit's, "measured" values of this visit under a
# heading that would otherwise read as earlier ("| Test | Eval | Goal |" in an evaluation),
# "unit" the unit of the value beside it, "plain" values under a heading that says nothing,
# "other" anything else (sides, modes, notes).
_TIME_ROLES = ("prior", "current", "timepoint")
_NUMBER = re.compile(r"\d")
_SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/\d{2,4})?(?![\d/])")


@dataclass(frozen=True)
class Column:
    """One column: what it holds and the words written before each of its values."""

    role: str
    heading: str
    cue: str


@cache
def _data() -> dict[str, Any]:
    text = files("tui.core").joinpath("data", "columns.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _pattern(fragments: Sequence[str], whole: bool = False) -> re.Pattern[str]:
    alternatives = either(fragments)
    if whole:
        return re.compile(rf"^(?:{alternatives})$", re.IGNORECASE)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


@cache
def _roles() -> tuple[tuple[str, re.Pattern[str]], ...]:
    roles = _data().get("roles", {})
    order = (
        "skip",
        "unit",
        "change",
        "reference",
        "goal",
        "current",
        "prior",
        "timepoint",
        "plain",
    )
    return tuple(
        (
            role,
            _pattern(
                [str(item) for item in roles.get(role, [])], whole=role in ("skip", "unit", "plain")
            ),
        )
        for role in order
    )


@cache
def _prior_words() -> re.Pattern[str]:
    """The words that already make a value earlier where they are written (measures.toml)."""
    return _pattern(attribution_words().get("prior_before", ()))


def says_earlier(words: str) -> bool:
    """Whether the words written before a value make it an earlier one ("Eval", "IE")."""
    return bool(_prior_words().search(words))


@cache
def generic_first() -> re.Pattern[str]:
    """A first heading that names nothing ("Measure", "Item")."""
    return _pattern(
        [str(item) for item in _data().get("first_heading", {}).get("generic", [])], whole=True
    )


@cache
def group_first() -> re.Pattern[str]:
    """A first heading that only groups the rows ("Section", "Category")."""
    return _pattern(
        [str(item) for item in _data().get("first_heading", {}).get("group", [])], whole=True
    )


@cache
def result_heading() -> re.Pattern[str]:
    """A heading of a row's result, each of its parts (set apart by slashes) a result's word
    ("SAFE MAX / RESULT", "Score")."""
    items = [str(item) for item in _data().get("results", {}).get("headings", [])]
    word = either(items)
    return re.compile(rf"^\W*(?:{word})(?:[ \t]*/[ \t]*(?:{word}))*\W*$", re.IGNORECASE)


@cache
def minutes_heading() -> re.Pattern[str]:
    """A heading of service minutes in any table."""
    items = _data().get("services", {}).get("minutes_headings", [])
    return _pattern([str(item) for item in items])


@cache
def services_first() -> re.Pattern[str]:
    """A first heading that names services ("Interventions", "Procedures")."""
    items = _data().get("services", {}).get("row_headings", [])
    return _pattern([str(item) for item in items], whole=True)


@cache
def total_word() -> re.Pattern[str]:
    """A word of a total's name ("Total", "Timed", "Treatment")."""
    return _pattern([str(item) for item in _data().get("services", {}).get("total_words", [])])


@cache
def caption_measure() -> re.Pattern[str]:
    """A measure a caption may name without a unit ("the circumference sheet:")."""
    return _pattern([str(item) for item in _data().get("captions", {}).get("measures", [])])


@cache
def earlier_row() -> re.Pattern[str]:
    """A row or cell named by an earlier visit or a date ("Prior (12/29):", "(last week",
    "[02/26:", "at eval"): its values are an earlier visit's (girth rows and blocks, and side
    rows of a table, search it)."""
    words = either(attribution_words().get("before_name", ()))
    return re.compile(
        rf"[ \t]*[(\[]?[ \t]*(?:(?:{words})(?![A-Za-z])"
        r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])[ \t]*(?::|$))",
        re.IGNORECASE,
    )


@cache
def numbered_trial() -> re.Pattern[str]:
    """A heading that numbers a trial ("Trial 1", "T2"): its number is no value."""
    return _pattern(
        [str(item) for item in _data().get("trial_headings", {}).get("numbered", [])], whole=True
    )


@cache
def trial_rows() -> re.Pattern[str]:
    """A first heading naming rows numbered as trials ("Trial", "Attempt #")."""
    return _pattern(
        [str(item) for item in _data().get("trial_headings", {}).get("rows", [])], whole=True
    )


@cache
def _measure_units() -> tuple[tuple[re.Pattern[str], str], ...]:
    items = _data().get("captions", {}).get("units", {})
    return tuple((_pattern([str(word)]), str(unit)) for word, unit in items.items())


def measure_unit(words: str) -> str:
    """The unit bare values take under words naming a tape measure and no unit ("Girth
    measurements", "Circumference"): "" when the words name none."""
    return next((unit for pattern, unit in _measure_units() if pattern.search(words)), "")


@cache
def caption_singular() -> dict[str, str]:
    """A caption's measure word in the plural -> the word the readers know ("girths")."""
    items = _data().get("captions", {}).get("singular", {})
    return {str(key).lower(): str(value) for key, value in items.items()}


@cache
def caption_tape() -> re.Pattern[str]:
    """Words of a caption saying a tape measured its values ("tape measures (cm)")."""
    return _pattern([str(item) for item in _data().get("captions", {}).get("tape", [])])


@cache
def service_time_heading() -> re.Pattern[str]:
    """A heading of service minutes in a table that bills codes ("Time")."""
    items = _data().get("services", {}).get("time_headings", [])
    return _pattern([str(item) for item in items])


@cache
def rom_words() -> re.Pattern[str]:
    """Words that make a bare number beside a motion an angle."""
    return _pattern([str(item) for item in _data().get("angles", {}).get("rom_words", [])])


def value_first_unit() -> str:
    """A unit a row written value first puts after its value, as a pattern ("18 deg", "30 s")."""
    units = [str(item) for item in _data().get("value_first", {}).get("units", [])]
    return rf"(?:{either(units)})(?![A-Za-z])\.?"


def prose_unit() -> str:
    """A unit of an angle or a length after a value that opens a sentence ("70° cervical
    rotation", "38 mm max opening"), as a pattern."""
    units = [str(item) for item in _data().get("value_first", {}).get("prose_units", [])]
    return rf"(?:{either(units)})(?![A-Za-z])"


@cache
def pair_heading_unit() -> re.Pattern[str]:
    """The unit a heading over sided pairs names: group "degrees" for an angle, "unit" for a
    load, length or time written short."""
    table = _data().get("side_pairs", {})
    degrees = either(str(item) for item in table.get("degrees", []))
    units = either(str(item) for item in table.get("units", []))
    return re.compile(rf"(?P<degrees>{degrees})|\b(?P<unit>{units})\b(?![ \t]*/)", re.IGNORECASE)


@cache
def pair_row_units() -> tuple[str, ...]:
    """The units a row of a sided pair may write once after its second value ("ER 18.6 vs 19.9
    kg"), as patterns, longest first (data/columns.toml [side_pairs] row_units)."""
    units = [str(item) for item in _data().get("side_pairs", {}).get("row_units", [])]
    return tuple(sorted(units, key=len, reverse=True))


@cache
def _vital_names() -> re.Pattern[str]:
    names = [name for sign in vital_signs() for name in sign.names]
    return re.compile(rf"^(?:{either(names)})(?:[ \t]*\([^()]*\))?$", re.IGNORECASE)


def vital_name(heading: str) -> bool:
    """A heading naming a vital sign ("HR", "SpO2", "BP (mmHg)")."""
    return bool(_vital_names().match(heading.strip().strip("*_ ").strip()))


@cache
def time_heading() -> re.Pattern[str]:
    """A first heading that makes each row a visit ("Date", "Visit", "Week")."""
    return _pattern([str(item) for item in _data().get("rows", {}).get("time_headings", [])])


def time_name(text: str) -> str:
    """A timepoint as written before the values of its row: a bare date as "Mar 2" (never read
    as a value), brackets left out."""
    text = _SLASH_DATE.sub(_month_day, text.strip().strip("*_ ").strip())
    return re.sub(r"\s+", " ", re.sub(r"[()\[\]]", " ", text)).strip()


@cache
def grade_headings() -> re.Pattern[str]:
    """Headings that make a bare 0-5 cell a muscle grade."""
    return _pattern([str(item) for item in _data().get("grades", {}).get("headings", [])])


@cache
def bare_grade() -> re.Pattern[str]:
    """A muscle grade written without its scale ("4-", "3+")."""
    return re.compile(rf"^(?:{_data().get('grades', {}).get('cell', '[0-5][+-]?')})$")


@cache
def split_unit() -> re.Pattern[str]:
    """A cell holding only a unit or a denominator, continuing the value before it."""
    return _pattern([str(item) for item in _data().get("split", {}).get("units", [])], whole=True)


@cache
def empty_cell() -> re.Pattern[str]:
    """A cell that holds no measurement ("—", "NT", "WNL")."""
    cells = [re.escape(str(item)) for item in _data().get("empty", {}).get("cells", [])]
    return _pattern(cells, whole=True)


@cache
def slash_load_data() -> dict[str, Any]:
    """The units of two loads parted by a slash (data/columns.toml [slash_loads])."""
    return dict(_data().get("slash_loads", {}))


@cache
def time_pair_data() -> dict[str, Any]:
    """The words of a time-pair heading (data/columns.toml [time_pairs])."""
    return dict(_data().get("time_pairs", {}))


def role_of(heading: str) -> str:
    """The role a heading gives its column on its own (before the table is seen whole)."""
    text = snake_words(heading.strip().strip("*_ ").strip())[0]
    if not text:
        return "other"
    for role, pattern in _roles():
        if pattern.search(text):
            return role
    return "other"


def columns(headings: Sequence[str], label: int) -> tuple[Column, ...]:
    """The columns of a table from its headings; `label` is the column naming the rows.

    Time is read across the table: with a "Today"/"Current" column every other dated or
    numbered column is earlier; without one, the last of them is this visit's. A lone "Eval"
    or "Initial" column beside goals holds this evaluation's values.
    """
    roles = [
        role_of(heading) if index != label else "label" for index, heading in enumerate(headings)
    ]
    _date_repeated_sides(headings, roles)
    _bounds_beside_results(headings, roles)
    _today_beside_current(headings, roles)
    times = [index for index, role in enumerate(roles) if role in _TIME_ROLES]
    if "current" not in roles:
        numbered = [index for index in times if roles[index] == "timepoint"]
        if numbered:
            # the last time's columns, one per side under a date ("L 06/17 | R 06/17") or one
            # per test ("30s CST (wk 6) | Gait speed wk 6")
            last = _time_part(headings[numbered[-1]])
            for index in numbered:
                if _time_part(headings[index]) == last:
                    roles[index] = "current"
        elif len(times) == 1 and not any(role in ("plain", "other") for role in roles):
            roles[times[0]] = "measured"
    roles = ["prior" if role == "timepoint" else role for role in roles]
    return tuple(
        Column(role, heading, _cue(role, heading))
        for role, heading in zip(roles, headings, strict=True)
    )


def _date_repeated_sides(headings: Sequence[str], roles: list[str]) -> None:
    """A numbered column that repeats a side another column names with no time ("| R | L | R
    at wk 4 |") holds that side's earlier values: the undated side columns are this visit's."""
    undated = {
        labels.parts_of(_unbracketed(heading)).side
        for heading, role in zip(headings, roles, strict=True)
        if role == "other"
    } - {""}
    for index, heading in enumerate(headings):
        if roles[index] == "timepoint" and labels.parts_of(heading).side in undated:
            roles[index] = "prior"


def _today_beside_current(headings: Sequence[str], roles: list[str]) -> None:
    """Beside a column naming this very visit ("Today"), another current column ("Re-eval",
    "D/C") holds an earlier visit's values: "| IE | Re-eval | Today |" was measured three times
    and only one of them is today's."""
    current = [index for index, role in enumerate(roles) if role == "current"]
    today = [index for index in current if _this_visit().search(headings[index])]
    if not today or len(today) == len(current):
        return
    for index in current:
        if index not in today:
            roles[index] = "prior"


@cache
def _this_visit() -> re.Pattern[str]:
    return _pattern([str(item) for item in _data().get("this_visit", {}).get("words", [])])


def _bounds_beside_results(headings: Sequence[str], roles: list[str]) -> None:
    """A column of a scale's bound ("Max") beside a column of results ("Score") holds each
    scale's maximum: no measurement of the patient, left out as a row number is."""
    if not any(result_heading().match(heading) for heading in headings):
        return
    for index, heading in enumerate(headings):
        if roles[index] == "other" and _bound_heading().fullmatch(heading.strip("*_ ")):
            roles[index] = "skip"


@cache
def _bound_heading() -> re.Pattern[str]:
    items = [str(item) for item in _data().get("results", {}).get("bounds", [])]
    return re.compile(rf"(?:{either(items)})", re.IGNORECASE)


_BRACKETED = re.compile(r"\(([^()]*)\)|\[[^\[\]]*\]")


def _named_sign(bracket: re.Match[str]) -> str:
    """A bracket of a heading as the words kept of it: the sign it names, the instrument that
    measured the column ("Strength (HHD, kg)" keeps "HHD", which makes its kilograms a force),
    or nothing."""
    inside = bracket.group(1)
    if inside and vital_name(inside):
        return f" {inside.strip()} "
    named = caption_measure().search(inside) if inside else None
    return f" {named.group()} " if named else " "


def _unbracketed(heading: str) -> str:
    return re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", heading)


def _cue(role: str, heading: str) -> str:
    """The words written before a value of the column: its heading (a bare date as "Oct 2",
    which is never read as a value; a timepoint in brackets), with "(previous)" when the
    heading alone does not say the value is earlier, "goal" when it does not say it is a
    target; nothing for headings that say nothing."""
    text = snake_words(heading.strip().strip("*_ ").strip())[0]
    if role in ("skip", "unit", "plain", "measured", "label") or split_unit().match(text):
        # a heading that is only a unit ("| Item | 0-10 |") is written after each value
        return ""
    if role not in ("prior", "current"):
        # a remark in brackets ("R (inv)", "Grip (lb)") names nothing the value is of, unless
        # it names the sign read ("Dyspnea (Borg)")
        text = re.sub(r"\s+", " ", _BRACKETED.sub(_named_sign, text)).strip()
    text = _SLASH_DATE.sub(_month_day, text)
    text = re.sub(r"\s+", " ", re.sub(r"[()\[\]]", " ", text)).strip()
    if role == "goal":
        return text if GOAL_START.search(text) else f"goal {text}".strip()
    if role == "change":
        return "change of"
    if role not in ("prior", "current"):
        return text
    named, time = _named_time(text, role)
    # in brackets: a clause opened by a timepoint still belongs to the row's test ("Grip R;
    # (Eval) 22 lb"), as one opened by a side does; a heading that names its own test ("Berg
    # today", over a roster's rows of people) keeps the name outside the bracket
    cue = f"{named} ({time})" if named else f"({text})" if text else ""
    # a bracket that holds a number ("(Baseline 9/2027)") is its own scope to the readers, so
    # its words no longer reach the value: such a heading says "(previous)" as well
    if role == "prior" and (not _prior_words().search(text) or _NUMBER.search(text)):
        return f"{cue} (previous)".strip()
    return cue


def named_part(heading: str, role: str) -> str:
    """The test a time column's heading names besides its time ("Initial scaled" names
    "scaled"); "" when it names only a time."""
    text = re.sub(r"\s+", " ", snake_words(heading.strip().strip("*_ ").strip())[0]).strip()
    return _named_time(text, role)[0]


def _named_time(text: str, role: str) -> tuple[str, str]:
    """A time column's heading parted into the test it names and its time ("Berg wk 1" is
    Berg at "wk 1"): the name is what is left when the time's words, the sides and the
    short connecting words go ("R at wk 4" names no test); ("", text) when nothing is left."""
    times = [pattern for name, pattern in _roles() if name in (role, "timepoint", "prior")]
    rest = text
    for pattern in times:
        rest = pattern.sub(" ", rest)
    words = [word for word in labels.without_sides(rest).split() if _NAME_WORD.fullmatch(word)]
    if not words:
        return "", text
    name = " ".join(words)
    time = re.sub(r"\s+", " ", text.replace(name, " ", 1)).strip() if name in text else ""
    return (name, time) if time else ("", text)


# A word that can name a test: a letter in it ("30s", "CST", "10MWT"), not a short lowercase
# connector ("at").
_NAME_WORD = re.compile(r"(?=[\w-]*[A-Za-z])(?![a-z]{1,3}$)[\w-]+")


def _time_part(heading: str) -> str:
    """The time a heading names, without its sides and the test it names ("30s CST (wk 6)"
    and "L wk 6" both name "wk 6")."""
    text = re.sub(r"[()\[\]]", " ", snake_words(heading.strip().strip("*_ ").strip())[0])
    text = re.sub(r"\s+", " ", text).strip()
    return labels.without_sides(_named_time(text, "timepoint")[1])


def _month_day(date: re.Match[str]) -> str:
    """ "10/02" as "Oct 2": a date the readers block, where "10/02" could read as a score."""
    month, day = int(date.group(1)), int(date.group(2))
    if month > 12 >= day:
        month, day = day, month
    names = [name for name, number in MONTH_NAMES.items() if number == month]
    return f"{names[0].capitalize()} {day}" if names and 1 <= day <= 31 else ""


@cache
def data_table(name: str) -> dict[str, Any]:
    """One table of columns.toml by its name ("exercise_rows", "pain_fields", "digit_rows",
    "position_phrases"), read by the layout of that name."""
    data: dict[str, Any] = _data().get(name, {})
    return data
