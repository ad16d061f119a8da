"""Times of a task or a sign written without a test's name: "bus steps: up in 21 s, down in 26
s", "latency 5 s, duration 25 s" of a positional test's nystagmus, "mCTSIB cond 4: 18 s of 30
s".

A time in seconds is a dose as often as a result ("30 s holds", "stretch 3 x 30 s"), so a time
is read here only with evidence it was measured: both directions of a task timed in one clause
(no dose is written up and down), the latency of a sign, the duration of a sign in a sentence
that names it, or a time held out of the test's ceiling (the ceiling itself is left). Words are
data (measures.toml [timed_results]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.measures.hold_times import dosed
from tui.core.checks.measures.others import not_done_words
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import NUM, Led, led
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

# "latency about three seconds", "duration of ~12 s": an estimate's word before the value; a
# dictation's wrapped line between the value and its unit ("about three\nseconds").
_ESTIMATE = r"(?:(?:of|about|approx\.?|approximately|around|roughly|~)[ \t]*)?"
_WRAP = r"[ \t]*(?:\n[ \t]*)?"
_SECONDS = r"(?:s|secs?|seconds?)\b"
_WORD3 = re.compile(r"[A-Za-z]{3}")


@dataclass(frozen=True)
class _Words:
    directions: Led
    up: re.Pattern[str]
    latency: Led
    durations: Led
    signs: re.Pattern[str]
    out_of: re.Pattern[str]
    completed: re.Pattern[str]
    held: Led
    completed_not: re.Pattern[str]
    exercises: re.Pattern[str]
    not_tasks: re.Pattern[str]


@cache
def _words() -> _Words:
    data = measures_section("timed_results")
    up, down = data.get("up", ()), data.get("down", ())
    way = rf"(?:{either(up)}|{either(down)})"
    timed = rf"(?:[ \t]+in)?[ \t]*:?[ \t]*(?P<{{v}}>{NUM})[ \t]*{_SECONDS}"
    flags = re.IGNORECASE
    return _Words(
        directions=led(
            re.compile(
                rf"\b(?P<d1>{way}){timed.format(v='v1')}[ \t]*[,;/][ \t]*(?:and[ \t]+)?"
                rf"(?P<d2>{way}){timed.format(v='v2')}",
                flags,
            ),
            *up,
            *down,
        ),
        up=re.compile(either(up), flags),
        latency=led(
            re.compile(
                rf"\b(?:{either(data.get('latency', ()))})\b[ \t]*:?[ \t]*"
                rf"{_ESTIMATE}(?P<v1>{NUM}){_WRAP}{_SECONDS}",
                flags,
            ),
            *data.get("latency", ()),
        ),
        durations=led(
            re.compile(
                rf"\b(?:{either(data.get('durations', ()))})\b[ \t]*:?[ \t]*"
                rf"{_ESTIMATE}(?P<v1>{NUM}){_WRAP}{_SECONDS}",
                flags,
            ),
            *data.get("durations", ()),
        ),
        signs=re.compile(rf"\b(?:{either(data.get('signs', ()))})\b", flags),
        out_of=re.compile(
            rf"(?<![\w./])(?P<v1>{NUM})[ \t]*{_SECONDS}[ \t]+(?:of|out[ \t]+of)[ \t]+"
            rf"(?:a[ \t]+)?(?:possible[ \t]+)?{NUM}[ \t]*{_SECONDS}",
            flags,
        ),
        completed=re.compile(
            rf"\bin[ \t]+(?:(?:about|approx\.?|approximately|~)[ \t]*)?"
            rf"(?P<v1>{NUM})[ \t]*{_SECONDS}",
            flags,
        ),
        held=led(
            re.compile(
                rf"\b(?P<name>{either(data.get('held', ()))})\b"
                # said as well as written, a side between ("endurance was 24 seconds", "endurance
                # on the right is 21 seconds")
                r"(?:[ \t]+(?:on[ \t]+)?(?:the[ \t]+)?(?:right|left|R|L|rt|lt)\b)?"
                rf"[ \t]*(?:[:=]|(?:was|is|of|measured)\b)?[ \t]*(?P<v1>{NUM})[ \t]*{_SECONDS}",
                flags,
            ),
            *data.get("held", ()),
        ),
        exercises=re.compile(rf"\b(?:{either(data.get('exercises', ()))})\b", flags),
        not_tasks=re.compile(rf"\b(?:{either(data.get('not_tasks', ()))})", flags),
        completed_not=re.compile(rf"[ \t]*(?:{either(data.get('completed_not', ()))})", flags),
    )


# The hold closes its clause: a value measured over it after it ("endurance 10 s hold avg 12.2
# uV") makes the time the test's set-up.
_ONE_HOLD = re.compile(r"[ \t]*(?:hold|held)\b(?=[ \t]*(?:[,;)]|\.(?!\d)|$))", re.I | re.M)


def _wrapped_sentence(scanner: Scanner, pos: int) -> int:
    """Where the sentence of `pos` opens, across a dictation's wrapped line: a line that opens
    the sentence after a line ending in no full stop or colon continues that line's sentence."""
    start = scanner.sentence_before(pos)
    text = scanner.text
    if start > 1 and text[start - 1] == "\n" and text[start - 2] not in ".:;\n":
        return scanner.sentence_before(start - 1)
    return start


def read_timed_results(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Times measured of a task or a sign (see the module)."""
    words = _words()
    text = scanner.text
    for match in words.directions.finditer(text):
        ways = {bool(words.up.fullmatch(match.group(d))) for d in ("d1", "d2")}
        if len(ways) == 2:
            # ("up 12 s, down 15 s": the pair is read though "up 12" alone reads as a change)
            _emit(scanner, facts, match, "v1", match.group("d1"), paired=True)
            _emit(scanner, facts, match, "v2", match.group("d2"), paired=True)
    for match in words.latency.finditer(text):
        _emit(scanner, facts, match, "v1", "")
    for match in words.durations.finditer(text):
        sentence = (_wrapped_sentence(scanner, match.start()), match.start())
        if words.signs.search(text, *sentence):
            _emit(scanner, facts, match, "v1", "")
    for match in words.out_of.finditer(text):
        _emit(scanner, facts, match, "v1", "")
    for match in words.held.finditer(text):
        # "endurance 6 s hold": the one hold measured, no dose of holds ("5 s holds x 10")
        held = _ONE_HOLD.match(text, match.end())
        end = held.end() if held else match.end()
        # an exercise's hold ("Stretch hold time is 30 seconds, 3 reps") is a dose: a count after
        # it is its repetitions, not the next item of a list of measures
        exercise = words.exercises.search(text, scanner.clause_start(match.start()), match.end())
        if not dosed(scanner, match.start("v1"), end, listed=not exercise):
            named = match.group("name")
            _emit(scanner, facts, match, "v1", named)
    for match in words.completed.finditer(text):
        if _completed(scanner, match, words):
            _emit(scanner, facts, match, "v1", "")


def _completed(scanner: Scanner, match: re.Match[str], words: _Words) -> bool:
    """A task done in the time: a task named before it and no count ("20 reps in 30 s" is a
    count made in a fixed time), and neither a time the therapist set after it ("in 30 s
    bouts"), an event's length, a dose, nor a plan or a condition in its clause."""
    start = match.start("v1")
    if words.completed_not.match(scanner.text, match.end()):
        return False
    clause = scanner.text[scanner.clause_start(match.start()) : match.start()]
    if not _WORD3.search(clause) or _DIGIT.search(clause) or words.not_tasks.search(clause):
        return False  # no task named, a count made in a fixed time, or an event's length
    if dosed(scanner, start, match.end()):
        return False
    # its clause up to an aside in brackets ("in 25 s (goal 15 s)": the goal is the aside's)
    stop = _CLAUSE_STOP.search(scanner.text, match.end())
    clause_end = stop.start() if stop else len(scanner.text)
    return not not_done_words().search(scanner.text, scanner.clause_start(start), clause_end)


_DIGIT = re.compile(r"\d")
_CLAUSE_STOP = re.compile(r"[,;.(\n]")


_UNIT_AFTER = re.compile(rf"[ \t]*{_SECONDS}", re.IGNORECASE)


def _emit(
    scanner: Scanner,
    facts: list[Fact],
    match: re.Match[str],
    group: str,
    way: str,
    *,
    paired: bool = False,
) -> None:
    """One time, labelled by the words before it and its direction; a time of a pair of
    directions is read even where a rule blocked it (no fact has taken it)."""
    start, end = match.span(group)
    unit_end = _UNIT_AFTER.match(scanner.text, end)
    stop = unit_end.end() if unit_end else end
    readable = not scanner.claimed(start, end) if paired else scanner.free(start, end)
    if not readable or scanner.in_goal(start) or scanner.in_header(start):
        return
    clause = scanner.text[scanner.clause_start(match.start()) : match.start()]
    if not _WORD3.search(clause):
        clause = scanner.text[scanner.sentence_before(match.start()) : match.start()]
    found = attribute(scanner, start, stop)
    named = labels.without_sides(labels.context_words(clause, 5)) or "time"
    label = labels.join(found.side, named, way.lower()) + found.previous
    scanner.emit(facts, "other", to_number(match.group(group)), (start, stop), label, unit="s")
