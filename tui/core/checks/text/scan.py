"""Bookkeeping shared by the extraction passes: normalised text, masks, sentences, claims.

Each pass reads the normalised text and takes numbers that nothing else has taken yet.
"Blocked" characters are never measurements (header lines, dates, doses, goals); "claimed"
characters already belong to a fact, so one number never becomes two facts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache, lru_cache

from tui.core.checks.billing.clock import clock_spans
from tui.core.checks.facts import Fact
from tui.core.checks.layouts.carried import carried
from tui.core.checks.measures.goal_clauses import goal_end
from tui.core.checks.measures.settings import setting_exclusions
from tui.core.checks.tables import measures_section, vocabulary
from tui.core.checks.text.anchored import Anchored
from tui.core.checks.text.first_char import BlanksFirst, first_char
from tui.core.checks.text.lexicon import (
    GOAL_START,
    GOAL_START_BLANKS,
    GOAL_START_WORDS,
    GOAL_TAG,
    NOT_MEASUREMENTS,
    Led,
    context_exclusions,
    digit_first,
    header_lines,
    matches,
    word_first,
)
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.numbers import Normalized, normalize
from tui.core.checks.text.other_people import other_people_spans

# A numeric token standing on its own: not glued to letters before it ("L4", "M17.11"), nor
# joined by a hyphen to an acronym, where it is part of the name ("BOT-2", "SF-36", "PHQ-9"),
# never a minus or a value, unless a unit or a maximum follows it ("HR-88 bpm", "VAS-7/10").
# The matches of r"(?<![A-Za-z0-9.])\d+(?:\.\d+)?" with the checks written after the first
# digit (lexicon.digit_first), so the engine skips to digits in every reader's range of the text.
TOKEN = re.compile(
    r"\d(?<![A-Za-z0-9.]\d)"
    r"(?:(?<![A-Z][A-Z]-\d)|(?=\d*(?:\.\d+)?[ \t]*(?:/|%|bpm\b|mm[ \t]?Hg\b|°|deg\b)))"
    r"\d*(?:\.\d+)?"
)

_ABBREVIATIONS = frozenset(
    {
        "approx",
        "pt",
        "vs",
        "e.g",
        "i.e",
        "etc",
        "dr",
        "min",
        "sec",
        "no",
        "st",
        "appt",
        "wk",
        "prev",
        "rt",
        "lt",
    }
)
# A sentence ends at a line end or a full stop, never at leader dots ("gait training .... 16",
# "ER (arm at side) . 55°"). Written to open on its first character (a line end or a stop, no
# look-behind first), so the engine skips straight to those: the same matches as
# r"\n|(?<![.\s])[.!?]+(?<!\.\.)(?=\s|$)", several times faster on a long note.
_BOUNDARY = re.compile(r"[\n.!?](?:(?<=\n)|(?<![.\s][.!?])[.!?]*(?<!\.\.)[\"\u201d]?(?=\s|$))")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
# "80 (previous)", "80 bpm (previous)", "5/10 (previous)": the mark right after a value.
_MARKED_EARLIER = re.compile(
    r"[ \t]*(?:(?:/[ \t]*\d{1,3}|[A-Za-z%\u00b0/]{1,5})[ \t]*)?\(previous\)"
)
_CLAUSE_MARK = re.compile(r"[,;:(\[]")
# How far around a value the passes look for the words that say what it is. Bounding the
# look-around keeps reading linear even for a note written as one enormous sentence.
WINDOW = 240


class Scanner:
    """One text being read: normalised once, then shared by every pass."""

    def __init__(self, text: str) -> None:
        self.norm: Normalized = normalize(text)
        self.text: str = self.norm.text
        size = len(self.text)
        self._blocked = bytearray(size)
        self._claimed = bytearray(size)
        self._header = bytearray(size)
        self._goals = bytearray(size)
        self._demands = bytearray(size)
        self._labels = _label_mask(self.norm)
        self._sentence_starts, self._line_starts = _geometry(self.text)
        self._shown: bytearray | None = None
        self._aligned = True
        self._remembered: dict[object, object] = {}

    def fork(self) -> Scanner:
        """A scanner of the same text with copies of the masks, to read on without changing
        this one (the reading before the passes is shared, see extract._base)."""
        twin = object.__new__(Scanner)
        twin.norm, twin.text = self.norm, self.text
        twin._blocked = bytearray(self._blocked)
        twin._shown = None if self._shown is None else bytearray(self._shown)
        twin._aligned = self._aligned
        twin._claimed = bytearray(self._claimed)
        twin._header = self._header
        # goals are the text's, whichever scanner found them (a reader that takes a blocked
        # number, such as a count of repetitions, still asks whether it is a target)
        twin._goals = self._goals
        twin._demands = self._demands  # likewise a job's demands (demand_sections)
        twin._labels = self._labels
        twin._sentence_starts = self._sentence_starts
        twin._line_starts = self._line_starts
        twin._remembered = {}
        return twin

    def block_mask(self, mask: bytes) -> None:
        """Block every character another scanner of this text blocked (`blocked_mask`)."""
        size = len(self._blocked)
        merged = int.from_bytes(self._blocked, "big") | int.from_bytes(mask, "big")
        self._blocked = bytearray(merged.to_bytes(size, "big"))
        self._shown = None
        self._remembered.clear()

    def blocked_mask(self) -> bytes:
        return bytes(self._blocked)

    # -- masks (bytes of 0 or 1, searched for a 1 without copying a slice) -------------------

    def block(self, start: int, end: int) -> None:
        """Mark characters that can never be a measurement value."""
        self._blocked[start:end] = b"\x01" * max(0, end - start)
        self._remembered.clear()
        if start < 0 or end < 0:  # counted from the end, as a slice is: the mask may move
            self._aligned, self._shown = False, None
        elif self._shown is not None:
            _blank(self._shown, start, end, len(self.text))

    def claim(self, start: int, end: int) -> None:
        """Mark characters that already belong to a fact."""
        self._claimed[start:end] = b"\x01" * max(0, end - start)

    def free(self, start: int, end: int) -> bool:
        """True when no character of the span is blocked or claimed, nor a number of a
        restated table label: one standing alone anywhere in the span, one inside a word of
        the name when the span holds nothing else ("MSWS-12" keys a clause, "12" is no value)."""
        return (
            self._blocked.find(1, start, end) < 0
            and self._claimed.find(1, start, end) < 0
            and self._labels.find(1, start, end) < 0
            and not (start < end and self._labels.find(0, start, end) < 0)
        )

    def visible(self, start: int, end: int) -> str:
        """The text of a range with blocked characters (dates, doses) as spaces, so the words
        between two values read the same whether or not a date sits between them."""
        if self._blocked.find(1, start, end) < 0:
            return self.text[start:end]  # the usual case, without a walk over the characters
        if start >= 0 and self._aligned:
            return str(self._visible_text()[_WIDTH * start : _WIDTH * end], _WIDE, _LONE)
        chars = [
            " " if blocked else ch
            for ch, blocked in zip(self.text[start:end], self._blocked[start:end], strict=False)
        ]
        return "".join(chars)

    def _visible_text(self) -> bytearray:
        """The whole text with blocked characters as spaces, four bytes a character (so a range
        is cut out and decoded in one step), made on first use and kept up as characters are
        blocked: asking for the words before each value of a long line walks no characters."""
        if self._shown is None:
            shown = bytearray(self.text.encode(_WIDE, _LONE))
            for run in _BLOCKED_RUN.finditer(self._blocked, 0, len(self.text)):
                _blank(shown, run.start(), run.end(), len(self.text))
            self._shown = shown
        return self._shown

    def remembered(self) -> dict[object, object]:
        """A reader's memory of what it read from this text as it is now: emptied whenever a
        character is blocked, since what is visible is what a reading depends on."""
        return self._remembered

    def claimed(self, start: int, end: int) -> bool:
        return self._claimed.find(1, start, end) >= 0

    def is_blocked(self, start: int, end: int) -> bool:
        return self._blocked.find(1, start, end) >= 0

    def mark_header(self, start: int, end: int) -> None:
        """Header lines (Patient:, MRN:, Date: ...) hold metadata, never facts or services."""
        self.block(start, end)
        self._header[start:end] = b"\x01" * max(0, end - start)

    def in_header(self, pos: int) -> bool:
        return 0 <= pos < len(self._header) and bool(self._header[pos])

    def in_goal(self, pos: int) -> bool:
        """True inside a goal statement or section: a number there is a target."""
        return 0 <= pos < len(self._goals) and bool(self._goals[pos])

    def mark_demands(self, start: int, end: int) -> None:
        """Block a section of a job's demands and remember it as one, so a reader that reads
        blocked numbers on purpose (a walk in bouts) still leaves the job's values alone."""
        self.block(start, end)
        self._demands[start:end] = b"\x01" * max(0, end - start)

    def in_demands(self, pos: int) -> bool:
        """True inside a section or line of a job's demands: a number there is the job's."""
        return 0 <= pos < len(self._demands) and bool(self._demands[pos])

    def block_all(self, pattern: re.Pattern[str] | Led | Anchored) -> None:
        for match in matches(pattern, self.text):
            self.block(match.start(), match.end())

    def mark_headers(self) -> None:
        for match in header_lines(self.text):
            self.mark_header(match.start(), match.end())

    def block_non_measurements(self) -> None:
        """Dates, doses, durations, thresholds, counters and goal statements."""
        for pattern in _non_measurement_patterns():
            for match in matches(pattern, self.text):
                if "\n" not in match.group().strip():
                    self.block(match.start(), match.end())
        for start, end in clock_spans(self.text):  # "1400-1435": times of day
            self.block(start, end)
        for start, end in other_people_spans(self.text):  # a group note's other patient
            self.block(start, end)
        self.block_goals()

    def block_goals(self) -> None:
        """Goal statements and goal sections: their numbers are targets."""
        for match in matches(_goal_start(), self.text):
            _, end = self.sentence(match.start())
            self._block_goal(match.start(), goal_end(self.text, match.end(), end))
        for start, end in _goal_sections(self.text):
            self._block_goal(start, end)
        if "(" in self.text:
            for tag in GOAL_TAG.finditer(self.text):
                self._block_goal(self.sentence(tag.start())[0], tag.end())

    def _block_goal(self, start: int, end: int) -> None:
        self.block(start, end)
        self._goals[start:end] = b"\x01" * max(0, end - start)

    def _earlier(self, span: tuple[int, int]) -> bool:
        """A value in a block copied from an earlier note, or marked "(previous)" right after
        it (and its unit), as a table's row of an earlier visit is written (mdtables)."""
        return carried(self.text, span[0]) or bool(_MARKED_EARLIER.match(self.text, span[1]))

    def emit(
        self,
        facts: list[Fact],
        kind: str,
        value: int | float | str,
        span: tuple[int, int],
        label: str,
        **extra: str | None,
    ) -> None:
        """Record a fact read at `span` (normalised offsets) and claim its characters; a
        measurement in a block copied from an earlier note is an earlier value, whichever reader
        found it."""
        self.claim(*span)
        if kind != "service" and "previous" not in label and self._earlier(span):
            label = f"{label} (previous)"
        facts.append(
            Fact(
                kind=kind,
                value=value,
                unit=extra.get("unit"),
                measure=extra.get("measure"),
                label=label,
                span=self.span(*span),
            )
        )

    # -- geometry ----------------------------------------------------------------------------

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence (or line) holding position `pos`."""
        index = bisect.bisect_right(self._sentence_starts, pos) - 1
        start = self._sentence_starts[max(index, 0)]
        end = (
            self._sentence_starts[index + 1]
            if index + 1 < len(self._sentence_starts)
            else len(self.text)
        )
        return start, end

    def line(self, pos: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._line_starts, pos) - 1
        start = self._line_starts[max(index, 0)]
        end = self.text.find("\n", start)
        return start, len(self.text) if end < 0 else end

    def sentence_before(self, pos: int) -> int:
        """Where to start looking back from `pos`: the sentence start, at most WINDOW back."""
        start, _ = self.sentence(pos)
        return max(start, pos - WINDOW)

    def sentence_after(self, pos: int) -> int:
        """Where to stop looking ahead of `pos`: the sentence end, at most WINDOW on."""
        _, end = self.sentence(pos)
        return min(end, pos + WINDOW)

    def clause_start(self, pos: int) -> int:
        """Start of the clause before `pos`: after the last , ; : ( or the sentence start."""
        start = self.sentence_before(pos)
        last = start
        for match in _CLAUSE_MARK.finditer(self.text, start, pos):
            last = match.end()
        return last

    def tokens(self, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """Numeric tokens in a range, free or not."""
        return TOKEN.finditer(self.text, start, len(self.text) if end is None else end)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span of the normalised text as offsets into the original text."""
        return self.norm.span(start, end)


# `Scanner.visible`'s copy of the text: four bytes a character, lone surrogates kept.
_WIDE, _LONE, _WIDTH = "utf-32-le", "surrogatepass", 4
_WIDE_SPACE = " ".encode(_WIDE)
_BLOCKED_RUN = re.compile(rb"\x01+")


def _blank(shown: bytearray, start: int, end: int, size: int) -> None:
    """Characters `start` (not negative) to `end` of the wide copy as spaces; a range past the
    text's end is cut at it."""
    low, high = start, min(end, size)
    if high > low:
        shown[_WIDTH * low : _WIDTH * high] = _WIDE_SPACE * (high - low)


# A heading that names goals ("## Goals", "**Goals (revised)**", "Goals:" on a line of its own):
# every line under it, to the next heading or blank line, states a goal.
# The goals word may carry its time frame in a bracket ("Goals (12 weeks):", "GOALS (revised, 6
# wk)") or the date they are due by ("PLAN / GOALS (by 05/09/2103)"), nothing else with digits:
# "Goals 2/4 met" is a status line, not a heading. Words before it may be joined by a slash or
# an ampersand ("PLAN / GOALS", "Plan & goals").
_GOAL_HEADING = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?[ \t]*(?:[\w-]+(?:[ \t]*[/&])?[ \t]+){0,3}"
    r"(?:goals?|objectives)\b[^\n\d]{0,30}?"
    r"(?:\([^()\n\d]{0,40}?(?:by[ \t]+)?\d+[ \t]*(?:-[ \t]*\d+[ \t]*)?"
    r"(?:weeks?|wks?|months?|mos?|visits?|days?|sessions?)[ \t]*\)[ \t]*"
    r"|\((?:(?:by|due|until|target)[ \t]+)?\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]*\)[ \t]*)?"
    r"(?:\*\*)?[ \t]*:?[ \t]*(?:\*\*)?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_SECTION_END = re.compile(r"\n[ \t]*(?:\n|#|\*\*|[A-Z][^\n:]{0,40}:[ \t]*\n)")


@cache
def _non_measurement_patterns() -> tuple[re.Pattern[str] | Led | Anchored, ...]:
    patterns = (*NOT_MEASUREMENTS, *context_exclusions(), *setting_exclusions())
    return tuple(first_char(word_first(digit_first(p))) for p in patterns)


@cache
def _goal_start() -> Anchored:
    """GOAL_START tried only where one of its opening words starts, or in the run of bullets
    and blanks before one (a line's "- Target knee flexion 120"): one search of the note for
    the words instead of the whole pattern tried at every position."""
    words = "|".join(GOAL_START_WORDS)
    return BlanksFirst(
        GOAL_START, re.compile(rf"(?<![a-z0-9])(?:{words})"), frozenset(GOAL_START_BLANKS)
    )


@cache
def _anatomy_abbreviations() -> frozenset[str]:
    """Short forms of the ROM and muscle vocabulary ("abd.", "rot.", "ext.") and of the words
    measures.toml [abbreviations] lists ("pos.", "est."): a dot after one before a value or a
    lower-case word ends no sentence ("R hip abd. 30°", "grip (Jamar pos. 2) 19 kg")."""
    vocab = vocabulary()
    found = {*vocab.motions, *vocab.joints, *vocab.muscles}
    short = {word for key in found for word in key.lower().split() if len(word) <= 5}
    written = measures_section("abbreviations").get("written", [])
    return frozenset(short | {str(word).lower() for word in written})


@lru_cache(maxsize=16)
def _geometry(text: str) -> tuple[list[int], list[int]]:
    """Where the sentences and the lines of a normalised text start: found once a text, since
    extraction, verification and the result counts each read the same note (read-only)."""
    return _sentence_starts(text), [0] + [m.end() for m in re.finditer(r"\n", text)]


def _sentence_starts(text: str) -> list[int]:
    starts = [0]
    for match in _BOUNDARY.finditer(text):
        if match.group() == "." and (
            _is_abbreviation(text, match.start()) or _in_short_bracket(text, match.start())
        ):
            continue
        starts.append(match.end())
    return starts


def is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` closes a short form ("pos. 2", "est. 110 kg"), not a
    sentence."""
    return _is_abbreviation(text, dot)


def _is_abbreviation(text: str, dot: int) -> bool:
    word = _WORD_BEFORE.search(text[max(0, dot - 12) : dot])
    if not word:
        return False
    written = word.group(1).lower().rstrip(".").rsplit(".", 1)[-1]
    if written not in _ABBREVIATIONS and written not in _anatomy_abbreviations():
        return False
    following = text[dot + 1 : dot + 3].lstrip()
    return bool(following) and (following[0].islower() or following[0].isdigit())


# How far a short bracket reaches either side of a dot in it ("(by D/C, est. 4 days)").
_BRACKET_REACH = 40


def _in_short_bracket(text: str, dot: int) -> bool:
    """A dot inside a short bracket on one line, a lower-case word or a digit after it: an
    abbreviation's ("Goals (by D/C, est. 4 days):"), never a sentence's end, however the word
    is shortened; the bracket is looked for only a few words either side."""
    following = text[dot + 1 : dot + 3].lstrip()
    if not following or not (following[0].islower() or following[0].isdigit()):
        return False
    before = text[max(0, dot - _BRACKET_REACH) : dot]
    opened = before.rfind("(")
    if opened < 0 or ")" in before[opened:] or "\n" in before[opened:]:
        return False
    after = text[dot + 1 : dot + 1 + _BRACKET_REACH]
    closed = after.find(")")
    return closed >= 0 and "(" not in after[:closed] and "\n" not in after[:closed]


def _goal_sections(text: str) -> list[tuple[int, int]]:
    found = []
    for heading in line_scan(_GOAL_HEADING, text):
        end = _SECTION_END.search(text, heading.end())
        found.append((heading.end(), end.start() if end else len(text)))
    return found


def _label_mask(norm: Normalized) -> bytearray:
    """The numbers of restated table labels (`Normalized.labels`, `.named`) as a mask, 1 for
    one standing alone, 2 for one inside a word of the name: never a value, though not
    blocked, so `visible` still shows them to the readers."""
    mask = bytearray(len(norm.text))
    for spans, mark in ((norm.labels, b"\x01"), (norm.named, b"\x02")):
        for start, end in spans:
            mask[start:end] = mark * max(0, end - start)
    return mask


def measurement_scanner(text: str) -> Scanner:
    """A scanner with header lines, dates, doses, thresholds and goals blocked.

    Verification uses it to skip draft numbers that are not measurements of this visit.
    """
    scanner = Scanner(text)
    scanner.mark_headers()
    scanner.block_non_measurements()
    return scanner
