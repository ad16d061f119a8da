"""Loads lifted, carried, pushed or pulled at a test of capacity: a strength of the patient
("floor-to-waist lift 60 lb [25 lb]", "two-hand carry 35 lb (was 15 lb)", "max lift 40 lb").

An exercise's load ("deadlift with 30 lb kettlebell 3x8"), a job's demand ("must lift 50 lb
occasionally") and a limit ("25-lb lift limit") are written with the same words, so a load is a
measurement only with evidence that it was tested: an earlier load of the same unit bracketed or
said after it (the bracket's words or a legend of the note make it earlier), or a word of
testing in its sentence. A sentence about a job, a limit or a home program is never a test.
Words are data (measures.toml [lifted_loads]); the lift words are found once through their
leading words.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import Led, led
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner, is_abbreviation
from tui.core.checks.text.section_words import measure_words

_UNITS = {"lb": "lb", "lbs": "lb", "#": "lb", "pounds": "lb", "pound": "lb", "lbf": "lb"}
_UNITS |= {"kg": "kg", "kgs": "kg", "kilograms": "kg", "kgf": "kg"}
_UNITS |= {"n": "N", "newtons": "N"}  # a push or pull force on a gauge ("push: 178 N")
_UNIT = "|".join(re.escape(unit) for unit in sorted(_UNITS, key=len, reverse=True))
# A load: a number and its unit, not glued to a noun by a hyphen ("25-lb kettlebell").
_LOAD = re.compile(rf"(?<![\w.~])(\d{{1,3}}(?:\.\d+)?)[ \t]*({_UNIT})(?![\w/-])", re.IGNORECASE)
# An earlier load right after it: "[25 lb]", "(was 15 lb)", "(IE 20)", "[admission 20 lb]".
_EARLIER = re.compile(
    rf"[ \t]*[(\[][ \t]*(?:[A-Za-z][\w/ -]{{0,20}}?[ \t:]+)?(\d{{1,3}}(?:\.\d+)?)[ \t]*"
    rf"(?:({_UNIT})(?![\w-]))?[ \t]*[)\]]",
    re.IGNORECASE,
)
# A load whose sets and repetitions follow is a dose ("30 lb 3x8", "25 lb, 2 x 10"); a distance
# after the "x" is how far a load was carried ("two-hand carry 10 kg x 15 m"), no repetitions.
_NOT_DISTANCE = r"(?![\d.]|[ \t]*(?:m|ft|feet|foot|yards?|yds?|meters?|metres?)\b)"
_SETS = re.compile(rf"[ \t]*,?[ \t]*\d+[ \t]*x[ \t]*\d+{_NOT_DISTANCE}", re.IGNORECASE)
# Repetitions alone ("25 lb x 10", "23 kg x 5 reps") dose an exercise, unless the lift's own
# words or heading say it was tested ("Status at discharge vs initial evaluation:", "lift
# testing"): then they are how many times the tested load was lifted.
_REPS = re.compile(rf"[ \t]*,?[ \t]*x[ \t]*\d+{_NOT_DISTANCE}", re.IGNORECASE)
_REACH = 90
# Another item listed between a lift and a load ("farmer carry, Pallof press 15 lb").
_LISTED_BETWEEN = re.compile(r"[,(]")
# A bracket closed before the load says how often or how the lift was done ("Floor to waist
# (occ) 25 lb", "carry (2 hands) 30 lb"): it lists no other item.
_CLOSED_BRACKET = re.compile(r"\([^()\n]{0,30}\)")


def _listed_between(text: str, start: int, end: int) -> bool:
    """True when a comma or an open bracket parts the lift from its load."""
    return bool(_LISTED_BETWEEN.search(_CLOSED_BRACKET.sub(" ", text[start:end])))


@dataclass(frozen=True)
class _Words:
    lifts: Led
    tested: re.Pattern[str]
    not_tested: re.Pattern[str]
    objects: re.Pattern[str]
    capacity: re.Pattern[str]
    trials: re.Pattern[str]
    maximum: re.Pattern[str]
    estimate: re.Pattern[str]
    end_points: re.Pattern[str]


@cache
def _words() -> _Words:
    data = measure_words("lifted_loads")
    listed = data.either
    maxima = list(data.words("repetition_max"))
    lifts = [*data.words("lifts"), *maxima]
    tested = [*data.words("tested"), *maxima]
    return _Words(
        lifts=led(re.compile(rf"\b(?:{either(lifts)})(?![^\W_])", re.IGNORECASE), *lifts),
        tested=re.compile(rf"(?<![^\W_])(?:{either(tested)})(?![^\W_])", re.IGNORECASE),
        maximum=re.compile(rf"(?:{either(maxima)})", re.IGNORECASE),
        not_tested=re.compile(rf"\b(?:{listed('not_tested')})\b", re.IGNORECASE),
        objects=re.compile(rf"[ \t]+(?:[A-Za-z-]+[ \t]+)?(?:{listed('objects')})\b", re.I),
        capacity=re.compile(rf"(?<![^\W_])(?:{listed('capacity_notes')})(?![^\W_])", re.I),
        trials=re.compile(rf"(?<![^\W_])(?:{listed('trials')})(?![^\W_])", re.I),
        estimate=re.compile(rf"[ \t]*(?:{listed('estimates')})", re.I),
        end_points=re.compile(rf"(?<![^\W_])(?:{listed('end_points')})(?![^\W_])", re.I),
    )


def read_lifted_loads(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each tested load after a lift, carry, push or pull, with its earlier load."""
    words = _words()
    text = scanner.text
    capacity = _capacity_note(text)
    headed = _list_headings(text)
    lifts = list(words.lifts.finditer(text))
    for index, lift in enumerate(lifts):
        if scanner.in_header(lift.start()) or scanner.in_goal(lift.start()):
            continue
        if _names_next(text, lift, lifts[index + 1 : index + 2]):
            continue
        sentence_start = scanner.sentence_before(lift.start())
        clause_end = _clause_end(text, lift.end(), _sentence_end(scanner, lift.end()))
        end = _under_heading(text, lift.end(), clause_end)
        below = text.rfind("\n", lift.end(), end) + 1  # the line under a heading, if any
        heading = _heading_of(headed, lift.start())
        denials = list(words.not_tested.finditer(text, sentence_start, end))
        said = bool(words.tested.search(text, sentence_start, end)) or bool(
            heading and words.tested.search(text, *heading)
        )
        tested = said or _stopped(scanner, sentence_start, lift.end())
        maximum = words.maximum.fullmatch(lift.group()) is not None
        after = lift.end()
        # the next lift named in the clause owns the loads after it ("Lift floor to waist 15 kg
        # x 5 reps, waist to shoulder 7 kg x 5 reps")
        stop = min(end, lift.end() + _REACH, _next_named(lifts, index))
        for load in _LOAD.finditer(text, lift.end(), stop):
            if maximum and after > lift.end() and not _only_side(text[after : load.start()]):
                break  # "Bench 1RM 60 kg, then 3 sets at 45 kg": the rest is training
            after = load.end()
            if denials and _denied(text, denials, load):
                continue
            # in a capacity test, a load said of its lift with nothing listed between, or one
            # of the loads listed on the line under the lift's heading
            listed = _listed_between(text, lift.end(), load.start())
            own = capacity and (not listed or (below > lift.end() and load.start() >= below))
            _read_load(scanner, facts, lift, load, tested=tested or bool(own), said=said)


# A lift word that names no lift of its own ("Lifting" heading a table's rows, which the table
# layout writes before each row's name: "Lifting Floor to knuckle: 40 lb").
_GENERIC_LIFT = re.compile(r"lift(?:ed|ing|s)?", re.IGNORECASE)


def _names_next(text: str, lift: re.Match[str], following: list[re.Match[str]]) -> bool:
    """True for a bare lift word right before another lift's name: the loads are that lift's."""
    return (
        bool(following)
        and _GENERIC_LIFT.fullmatch(lift.group()) is not None
        and not text[lift.end() : following[0].start()].strip(" \t")
        and following[0].start() > lift.end()
    )


# A demand's own load after its word ("Job demand 50 lb"): the word says that load is the
# job's, not the patient's load said before it.
_OWN_LOAD = re.compile(
    rf"[^\d\n;.]{{0,20}}?(?<![\w.~])\d{{1,3}}(?:\.\d+)?[ \t]*(?:{_UNIT})(?![\w/-])", re.I
)


def _denied(text: str, denials: list[re.Match[str]], load: re.Match[str]) -> bool:
    """True when a word of a job, a limit or a program makes the load no test: one said before
    it in its clause, or after it unless that word has a load of its own ("Floor to waist lift:
    (Today) 35 lb, Job demand 50 lb": 35 lb is the patient's, 50 lb the job's)."""
    return any(
        denial.start() < load.start() or not _OWN_LOAD.match(text, denial.end())
        for denial in denials
    )


def _next_named(lifts: list[re.Match[str]], index: int) -> int:
    """Where the next lift with a name of its own starts (a bare "lift" right after a lift's
    name, "Floor to waist lift 25 lb", is the same lift), else no bound."""
    for following in lifts[index + 1 :]:
        if not _GENERIC_LIFT.fullmatch(following.group()):
            return following.start()
    return 1 << 62


# A list's item: a line opened by a bullet or an indent.
_ITEM = re.compile(r"[ \t]+\S|[ \t]*[-*\u2022][ \t]+")
# A heading over a list: a line of words ending in a colon.
_LIST_HEADING = re.compile(r"[^\n]*:[ \t]*$")


def _list_headings(text: str) -> list[tuple[int, int, int]]:
    """Each list of items under a heading line that ends in a colon, as (heading start,
    heading end, list end): the heading says what the items are ("Job requirements:", "Abilities
    measured today:"). One pass over the lines."""
    found: list[tuple[int, int, int]] = []
    heading: tuple[int, int] | None = None
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if _ITEM.match(text, pos, end) and heading is not None:
            if found and found[-1][:2] == heading:
                found[-1] = (*heading, end)
            else:
                found.append((*heading, end))
        elif _LIST_HEADING.match(text, pos, end):
            heading = (pos, end)
        else:
            heading = None
        pos = end + 1
    return found


def _heading_of(headed: list[tuple[int, int, int]], at: int) -> tuple[int, int] | None:
    """The heading of the list that holds `at`, if any."""
    index = bisect.bisect_right([start for start, _, _ in headed], at) - 1
    if index >= 0 and headed[index][1] < at <= headed[index][2]:
        return headed[index][0], headed[index][1]
    return None


def _only_side(between: str) -> bool:
    """Nothing but a side between two loads ("1RM R 30 kg, L 25 kg"): the next side's maximum,
    where any other words ("then 3 sets at 45 kg", "from 5 reps at 80 kg") make the next load
    one lifted in training, not the maximum."""
    words = re.findall(r"[A-Za-z]+", between)
    return not re.search(r"\d", between) and all(labels.parts_of(word).side for word in words)


# A line that names the lift and ends in a colon heads the loads on the line below it
# ("Material handling (floor to waist, crate):" then "occasional 65 lb (start: 40 lb)").
_HEADING_END = re.compile(r"[^\n]*:[ \t]*\n")


def _under_heading(text: str, start: int, end: int) -> int:
    """The end of the line below a heading that names the lift, else `end`."""
    heading = _HEADING_END.match(text, start)
    if heading is None:
        return end
    below = text.find("\n", heading.end())
    return len(text) if below < 0 else below


def _stopped(scanner: Scanner, sentence_start: int, at: int) -> bool:
    """True when the lift's sentence says the test was stopped by a symptom, an end point only
    a test has ("lift 10 lb; test terminated due to R arm tingling")."""
    end = _sentence_end(scanner, at)
    return _words().end_points.search(scanner.text, sentence_start, end) is not None


def _capacity_note(text: str) -> bool:
    """True for a note of a capacity test (an FCE, 97750): its loads were tested."""
    return bool(_words().capacity.search(text))


_CLAUSE_STOP = re.compile(r"[;\n]|\.(?!\d)")


def _clause_end(text: str, start: int, end: int) -> int:
    """A load belongs to the lift before it up to the next semicolon or full stop, not the
    stop of a short form ("1RM est. 110 kg")."""
    for found in _CLAUSE_STOP.finditer(text, start, end):
        if found.group() != "." or not (
            is_abbreviation(text, found.start()) or _estimated(text, start, found.start())
        ):
            return found.start()
    return end


def _sentence_end(scanner: Scanner, start: int) -> int:
    """Where the lift's sentence ends, past the stop of an estimate's mark right after the lift
    ("1RM est. 110 kg"), which ends no sentence of the lift."""
    mark = _words().estimate.match(scanner.text, start)
    if mark is not None and scanner.text.startswith(".", mark.end()):
        return scanner.sentence_after(mark.end() + 1)
    return scanner.sentence_after(start)


def _estimated(text: str, start: int, dot: int) -> bool:
    """The stop of "est." right after the lift ("1RM est. 110 kg"): the estimate's mark."""
    return _words().estimate.fullmatch(text, start, dot) is not None


# A trial's load before the next one's, parted by a slash ("15/18 kg", which the text's
# normalising writes "15 kg/18 kg").
_TRIAL_BEFORE = re.compile(
    rf"(?<![\w./])(\d{{1,3}}(?:\.\d+)?)(?:[ \t]*(?:{_UNIT}))?[ \t]*/[ \t]*$", re.IGNORECASE
)


def _trial_before(
    scanner: Scanner,
    facts: list[Fact],
    lift: re.Match[str],
    load: re.Match[str],
    name: str,
    unit: str,
) -> None:
    """The loads of the trials before, in a sentence that names the test's trials
    ("3 trials: 14/16/18 kg")."""
    text = scanner.text
    if not _words().trials.search(text, scanner.sentence_before(lift.start()), load.start()):
        return
    at = load.start()
    while before := _TRIAL_BEFORE.search(text, max(lift.end(), at - 16), at):
        if not scanner.free(*before.span(1)):
            return
        scanner.emit(facts, "strength", to_number(before.group(1)), before.span(1), name, unit=unit)
        at = before.start()


def _read_load(
    scanner: Scanner,
    facts: list[Fact],
    lift: re.Match[str],
    load: re.Match[str],
    *,
    tested: bool,
    said: bool,
) -> None:
    """`tested` when the note or the lift's words make it a test; `said` when its own sentence
    or heading says so (the only evidence that lets repetitions after a load stand)."""
    text = scanner.text
    words = _words()
    if not scanner.free(*load.span()) or _SETS.match(text, load.end()):
        return
    if not said and _REPS.match(text, load.end()):
        return
    if words.objects.match(text, load.end()):
        return  # "with 30 lb kettlebell": the thing lifted, a dose
    unit = _UNITS[load.group(2).lower()]
    earlier = _EARLIER.match(text, load.end())
    if earlier and words.maximum.search(earlier.group()):
        earlier = None  # "1RM est. 52 kg (from 8RM 42 kg)": the estimate's source, no earlier load
    earlier_unit = _UNITS.get((earlier.group(2) or "").lower(), unit) if earlier else ""
    compared = (
        earlier is not None
        and earlier_unit == unit
        and scanner.free(*earlier.span(1))
        and attribute(scanner, earlier.start(1), earlier.end()).prior
    )
    if not (tested or compared):
        return
    found = attribute(scanner, load.start(), load.end())
    name = _lift_name(scanner, lift, found.side)
    if found.prior:
        # a load that is itself earlier: a tested one in an earlier column or said before
        # today's ("Initial FCE | Re-test today" over "Floor to waist 25 lb  45 lb") is the
        # lift's previous load; one already read after the load it follows is no longer free
        if tested and not _in_bracket(text, scanner.sentence_before(lift.start()), lift.start()):
            scanner.emit(
                facts,
                "strength",
                to_number(load.group(1)),
                load.span(),
                f"{name} (previous)",
                unit=unit,
            )
        return
    _trial_before(scanner, facts, lift, load, name, unit)
    scanner.emit(facts, "strength", to_number(load.group(1)), load.span(), name, unit=unit)
    if compared and earlier is not None:
        scanner.emit(
            facts,
            "strength",
            to_number(earlier.group(1)),
            (earlier.start(1), earlier.end(2) if earlier.group(2) else earlier.end(1)),
            f"{name} (previous)",
            unit=unit,
        )


def _in_bracket(text: str, start: int, at: int) -> bool:
    """True for a lift named inside an open bracket: "Bench 1RM est. 52 kg (from 8RM 42 kg)"
    names the estimate's source, no earlier test of the lift."""
    return text.rfind("(", start, at) > text.rfind(")", start, at)


def _lift_name(scanner: Scanner, lift: re.Match[str], side: str) -> str:
    """The lift's words; a repetition maximum is named with its exercise and the side said
    with its load ("single-leg press 1RM R 62 kg" is "R single-leg press 1rm")."""
    if not _words().maximum.fullmatch(lift.group()):
        return labels.join(lift.group().lower())
    exercise = labels.context_words(
        scanner.text[scanner.clause_start(lift.start()) : lift.start()], 3
    )
    return labels.join(side, exercise.lower(), lift.group().lower())
