"""Pain ratings a note writes bare after its first one: "6 out of 10 on stairs, 3 sitting".

A patient answering "Pain now?" gives one rating out of ten and then the others as bare numbers
with the activity after them ("3 sitting", "it was 2 on stairs"); the note's reader reads the
first and leaves the rest unread, and the draft writes them "3/10 sitting". The draft's rating
is the note's when the note writes the number bare, no more than ten, on a line that holds one
of its pain ratings, and the words right after the number (up to the next number or mark) name
what the draft's label names beside the pain. A bare number followed by a thing counted
("3 flights", "2 sets", "4 falls") is a count however near the pain it is written, and backs no
rating at all: "Pain 6/10 on stairs, 3 flights to her flat" backs no "pain 3/10 on stairs".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from tui.core.checks.tables import not_measurement_words
from tui.core.checks.verify.kinship import describing_words
from tui.core.checks.verify.lines import line_at
from tui.core.checks.verify.verify_words import verify_data

# The words after a bare number: up to the next digit, mark or line end, a few words at most.
_AFTER = re.compile(r"[ \t]*((?:[A-Za-z][A-Za-z'\-]*[ \t]*){1,4})")
_TOP = 10.0
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@cache
def _rating_words() -> frozenset[str]:
    """Words that say a number is a rating, not what it was rated in ("pain", "rated")."""
    data = verify_data()
    return frozenset(str(word).lower() for word in data.get("answers", {}).get("rating", []))


@cache
def _counted() -> re.Pattern[str]:
    """A thing counted right after a number: the counted things, prompts and events of
    measures.toml [not_measurements], and verify.toml's [answers] counted."""
    data = verify_data()
    listed = not_measurement_words()
    words = [
        *(str(word) for key in ("counted", "prompts", "events") for word in listed.get(key, ())),
        *(str(word) for word in data.get("answers", {}).get("counted", [])),
    ]
    return re.compile(rf"[ \t]*(?:{'|'.join(f'(?:{word})' for word in words)})\b", re.IGNORECASE)


def only_counted(note_text: str, starts: Iterable[int]) -> bool:
    """True when every bare writing of a number (at `starts`) is followed by a thing counted."""
    ends = [number.end() for at in starts if (number := _NUMBER.match(note_text, at))]
    return bool(ends) and all(_counted().match(note_text, end) for end in ends)


def _after(text: str, end: int) -> set[str]:
    """The describing words right after the number ending at `end`."""
    match = _AFTER.match(text, end)
    return set(describing_words(match.group(1))) if match else set()


def rating_continued(
    label: str,
    value: float,
    note_text: str,
    starts: Iterable[int],
    pain_lines: frozenset[int],
) -> bool:
    """True when one of the note's bare writings of `value` (at `starts`) is on a line that
    holds a pain rating (`pain_lines`: where such lines start), followed by a word of `label`
    other than the words of a rating."""
    if not 0 <= value <= _TOP:
        return False
    own = set(describing_words(label)) - _rating_words()
    if not own:
        return False
    for start in starts:
        if line_at(note_text, start)[1] not in pain_lines:
            continue
        number = _NUMBER.match(note_text, start)
        if number is not None and own & _after(note_text, number.end()):
            return True
    return False
