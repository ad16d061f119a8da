"""Earlier messages of an e-mail or portal thread pasted into a note: their values are earlier.

A therapist answering a physician, a case manager or a patient pastes the thread: the reply
written for this visit on top, the messages it answers under it, each holding the values of its
own day ("At her post-op check she was at 92°", "your numbers at the start were Berg 39/56").
A quoted block is an earlier message only on evidence a thread gives: a header line inside it
("> From:", "> Sent:"), quote marks nested deeper line by line (">", ">>"; a list of ">>"
chevrons alone is no thread), or a line that introduces it ("... wrote:"); once a thread is
seen, every quoted block under it is an earlier message (answers typed between the quoted lines
stay this visit's). A banner ("-----Original Message-----"), or an unquoted
message header below the reply, starts an earlier message that runs to the note's end. A
Markdown blockquote with none of these is a callout, not an earlier message. The words are data
(data/replies.toml); each line is read once, so a long note is read in linear time.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from tui.core.checks.facts import Fact
from tui.core.checks.measures.labels import as_earlier, may_be_earlier
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner

# Quote marks and the spaces between them before a line's words ("> ", ">> ", "> > ").
_QUOTES = re.compile(r"[ \t]*((?:>[ \t]*)*)")
# How many lines under an unquoted "From:" line another header line may be.
_HEADER_REACH = 3
# A line longer than this is prose, never a header or an introducing line.
_LONGEST_MARK = 200


@dataclass(frozen=True)
class _Words:
    header: re.Pattern[str]
    follow: re.Pattern[str]
    introduces: re.Pattern[str]
    banner: re.Pattern[str]
    rule: re.Pattern[str]


@cache
def _words() -> _Words:
    table = tomllib.loads(files("tui.core").joinpath("data", "replies.toml").read_text("utf-8"))

    def starting(key: str) -> re.Pattern[str]:
        return re.compile(rf"[ \t]*(?:{either(table.get(key, ()))})", re.IGNORECASE)

    return _Words(
        header=starting("header"),
        follow=starting("header_follow"),
        introduces=re.compile(rf"(?:{either(table.get('introduces', ()))})[ \t]*$", re.IGNORECASE),
        banner=starting("banner"),
        rule=re.compile(rf"[ \t]*(?:{either(table.get('rule', ()))})[ \t]*$"),
    )


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    depth: int  # how many quote marks lead the line
    words: str  # the line after its quote marks


def _lines(text: str) -> list[_Line]:
    lines = []
    position = 0
    while position <= len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        marks = _QUOTES.match(text, position, end)
        lead = marks.group(1) if marks else ""
        words_at = marks.end() if marks else position
        lines.append(_Line(position, end, lead.count(">"), text[words_at:end]))
        position = end + 1
    return lines


def _is_header(words: _Words, line: _Line) -> bool:
    return len(line.words) <= _LONGEST_MARK and bool(words.header.match(line.words))


def _introduces(words: _Words, line: _Line) -> bool:
    return len(line.words) <= _LONGEST_MARK and bool(words.introduces.search(line.words))


def _header_run(words: _Words, lines: list[_Line], index: int) -> int:
    """How many lines the message header starting at `index` takes: a "From:" line with
    another header line within a few lines under it, at the same quote depth (0: no header)."""
    line = lines[index]
    if not line.words.lstrip().lower().startswith("from") or not _is_header(words, line):
        return 0
    run = 0
    for offset, other in enumerate(lines[index + 1 : index + 1 + _HEADER_REACH], start=1):
        if other.depth == line.depth and words.follow.match(other.words):
            run = offset
    return run + 1 if run else 0


def _groups(lines: list[_Line]) -> list[tuple[int, int]]:
    """Runs of quoted lines as (first index, index after the last); blank lines between quoted
    lines belong to the run."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        if not lines[index].depth:
            index += 1
            continue
        first = last = index
        index += 1
        while index < len(lines) and (lines[index].depth or not lines[index].words.strip()):
            if lines[index].depth:
                last = index
            index += 1
        runs.append((first, last + 1))
        index = last + 1
    return runs


@dataclass(frozen=True)
class _Thread:
    """The earlier messages of a note (parallel starts and ends) and the lines of its message
    headers and introducing lines (their dates and times are no measurements)."""

    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()
    marks: tuple[tuple[int, int], ...] = ()


@lru_cache(maxsize=8)
def _thread(text: str) -> _Thread:
    words = _words()
    lines = _lines(text)
    starts: list[int] = []
    ends: list[int] = []
    header_runs = [_header_run(words, lines, index) for index in range(len(lines))]
    marks = [
        (line.start, line.end)
        for index, run in enumerate(header_runs)
        for line in lines[index : index + run]
    ]
    marks += [(line.start, line.end) for line in lines if _introduces(words, line)]
    thread = False
    headers_seen = 0
    previous_words = ""
    runs = {first: stop for first, stop in _groups(lines)}
    index = 0
    while index < len(lines):
        line = lines[index]
        stop = runs.get(index)
        if stop is not None:
            block = lines[index:stop]
            nested = len({other.depth for other in block if other.depth}) > 1
            if thread or nested or any(_is_header(words, other) for other in block):
                thread = True
                starts.append(line.start)
                ends.append(block[-1].end)
            index = stop
            previous_words = block[-1].words
            continue
        heads = not line.depth and header_runs[index] > 0
        if words.banner.match(line.words) or (
            heads and (headers_seen or words.rule.match(previous_words))
        ):
            starts.append(line.start)
            ends.append(len(text))
            break
        headers_seen += heads
        if _introduces(words, line):
            thread = True
        if line.words.strip():
            previous_words = line.words
        index += 1
    return _Thread(tuple(starts), tuple(ends), tuple(sorted(set(marks))))


def _within(starts: list[int] | tuple[int, ...], ends: tuple[int, ...], position: int) -> bool:
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and position < ends[index]


def mark_replies(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Label "(previous)" each value of an earlier message, whichever reader took it, and drop
    what was read in a message header ("Sent: Friday 3/13" holds a date, no score)."""
    thread = _thread(scanner.norm.original)
    if not thread.starts and not thread.marks:
        return
    mark_starts = [start for start, _ in thread.marks]
    mark_ends = tuple(end for _, end in thread.marks)
    kept = []
    for fact in facts:
        if fact.kind != "service" and _within(mark_starts, mark_ends, fact.span[0]):
            continue
        if may_be_earlier(fact) and _within(thread.starts, thread.ends, fact.span[0]):
            fact = as_earlier(fact)
        kept.append(fact)
    facts[:] = kept
