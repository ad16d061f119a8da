"""A rating asked aloud and answered by the next speaker of a transcript.

"CLINICIAN: Any pain right now, zero to ten?" then "CLIENT: Maybe a three.": the number
answers the question two lines up, so it is the rating the question asked for. The question is
a speaker's line that names a 0-10 scale and ends in a question mark; the answer is the next
speaker's line (a different speaker, within a line or two), and its first sentence must hold one
bare number from 0 to 10 and nothing that makes it another quantity (a unit, a second number).
The symptom the question names decides the kind: a pain word makes a pain rating, another
symptom's word ("dizziness", "fatigue") a rating of that symptom (kind `other`, unit "/10"), and
a question naming neither gives nothing. A next sentence of the answer that says an earlier
time ("Last week it was a seven.") gives the same rating's earlier value. The words are data
(replies.toml [answers]); each line is read once, so the pass is linear.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from tui.core.checks.facts import Fact
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.measures.labels import PREVIOUS
from tui.core.checks.text.alternation import either
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

# How many lines below a question its answer may stand.
_ANSWER_REACH = 2
_STAMP = r"(?:\[[\d:.]+\][ \t]*|\d{1,2}:\d{2}(?::\d{2})?[ \t]+)?"


@cache
def _answer() -> re.Pattern[str]:
    """The answer's first sentence: one bare number, maybe "a" before it and "/10" or "out of
    10" after it, no unit after it (replies.toml [answers] units), then the sentence's end or a
    word that may follow a rating (`after`), and no other digit."""
    units = either(_table()["units"])
    after = either(_table()["after"])
    return re.compile(
        r"[^\d\n.?!]*?(?<![\w./-])(?:a[ \t]+)?(\d{1,2}(?:\.5)?)"
        rf"(?!\w|\.\d|[ \t]*(?:/[ \t]*(?!10\b)\d|-|[%°]|(?:{units})(?![\w-])))"
        r"(?:[ \t]*(?:/[ \t]*10|out of 10)(?!\d))?"
        rf"(?=[ \t]*(?:[,;:.?!)]|$)|[ \t]+(?:{after})(?![\w'-]))"
        r"[^\d\n.?!]*(?:[.?!]|$)",
        re.IGNORECASE | re.MULTILINE,
    )


@cache
def _table() -> dict[str, list[str]]:
    data = tomllib.loads(files("tui.core").joinpath("data", "replies.toml").read_text("utf-8"))
    return {str(key): value for key, value in data["answers"].items()}


@dataclass(frozen=True)
class _Words:
    line: re.Pattern[str]
    scale: re.Pattern[str]
    pain: re.Pattern[str]
    symptom: re.Pattern[str]


@cache
def _words() -> _Words:
    table = _table()
    edge, tail = r"(?<![\w-])", r"(?![\w-])"
    flags = re.IGNORECASE
    return _Words(
        line=re.compile(
            rf"^[ \t]*{_STAMP}(?P<speaker>{either(table['speaker'])})[ \t]*:"
            r"[ \t]*(?P<said>[^\n]*)$",
            re.MULTILINE,
        ),
        scale=re.compile(rf"(?:{either(table['scale'])})", flags),
        pain=re.compile(rf"{edge}(?:{either(table['pain'])}){tail}", flags),
        symptom=re.compile(rf"{edge}(?:{either(table['symptoms'])}){tail}", flags),
    )


def read_spoken_answers(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Read each answer to a rating question on the next speaker's line (see the module)."""
    words = _words()
    turns = list(words.line.finditer(scanner.text))
    lines = _line_numbers(scanner.text, turns)
    for index, question in enumerate(turns[:-1]):
        asked = _asked(question)
        answer = _answer_turn(turns, lines, index) if asked is not None else None
        if asked is None or answer is None:
            continue
        _read_answer(scanner, facts, asked, answer.start("said"), answer.end("said"))


def _read_answer(
    scanner: Scanner, facts: list[Fact], asked: tuple[str, str], start: int, end: int
) -> None:
    """The rating answered at [start, end): its first sentence's number, and a next sentence's
    number when that sentence says an earlier time ("About a four. Last week it was a
    seven.")."""
    said = _answer().match(scanner.text, start, end)
    if said is None or not scanner.free(*said.span(1)):
        return
    _emit(scanner, facts, asked, said.span(1), earlier=False)
    more = _answer().match(scanner.text, said.end(), end)
    if more is not None and _earlier(scanner, more.span(1)):
        _emit(scanner, facts, asked, more.span(1), earlier=True)


# How far back from its question mark a question written inline may start.
_QUESTION_REACH = 160
_SENTENCE_END = re.compile(r"[.!?](?!\d)")


def read_inline_answers(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """A question and its answer written on one line ("The pain right now, on the 0 to 10
    scale? Maybe a 3."): the sentence after the question mark answers it, as the next speaker's
    line does in a transcript. The scale a rating question names is never a value."""
    text = scanner.text
    mark = text.find("?")
    while mark >= 0:
        line_start, line_end = scanner.line(mark)
        start = max(line_start, mark - _QUESTION_REACH)
        for end in _SENTENCE_END.finditer(text, start, mark):
            start = end.end()
        asked = _rating_asked(text[start:mark])
        if asked is not None:
            _read_answer(scanner, facts, asked, mark + 1, line_end)
            for scale in _words().scale.finditer(text, start, mark):
                scanner.block(*scale.span())  # "pain 0 to 10?" asks; 0 is no rating
        mark = text.find("?", mark + 1)


def _earlier(scanner: Scanner, span: tuple[int, int]) -> bool:
    """The number at `span`, not yet taken, is said of an earlier time."""
    return scanner.free(*span) and attribute(scanner, *span, after_side=False).prior


def _emit(
    scanner: Scanner,
    facts: list[Fact],
    asked: tuple[str, str],
    span: tuple[int, int],
    *,
    earlier: bool,
) -> None:
    """The rating asked for, at `span`: pain, or the symptom's rating out of 10."""
    kind, label = asked
    value = to_number(scanner.text[span[0] : span[1]])
    label = f"{label} {PREVIOUS}" if earlier else label
    if kind == "pain":
        scanner.emit(facts, "pain", value, span, label)
    else:
        scanner.emit(facts, "other", value, span, label, unit="/10")


def _answer_turn(turns: list[re.Match[str]], lines: list[int], index: int) -> re.Match[str] | None:
    """The first line of another speaker within reach under the question at `index` (the
    asker may say more first: "Take your time."); "PT" and "Pt" are two speakers, therapist
    and patient, so labels are compared as written."""
    speaker = turns[index].group("speaker")
    for later in range(index + 1, len(turns)):
        if lines[later] - lines[index] > _ANSWER_REACH:
            return None
        if turns[later].group("speaker") != speaker:
            return turns[later]
    return None


def _asked(question: re.Match[str]) -> tuple[str, str] | None:
    """The kind and label of the rating a speaker's line asks for, if it asks for one."""
    said = question.group("said")
    return _rating_asked(said) if said.rstrip().endswith("?") else None


def _rating_asked(said: str) -> tuple[str, str] | None:
    """The kind and label of the rating a question asks for, if it names a scale."""
    words = _words()
    if not words.scale.search(said):
        return None
    if words.pain.search(said):
        return "pain", "pain"
    symptom = words.symptom.search(said)
    return ("other", symptom.group().lower()) if symptom else None


def _line_numbers(text: str, turns: list[re.Match[str]]) -> list[int]:
    """The line number of each speaker's line, counted once through the text."""
    numbers, line, position = [], 0, 0
    for turn in turns:
        line += text.count("\n", position, turn.start())
        position = turn.start()
        numbers.append(line)
    return numbers
