"""Lines of a group note about another patient: "W.N.: L hip pain 6/10. Berg 29/56." in the
chart of M. Quintanilla-Reyes holds W.N.'s values, which must never become this patient's
facts. A line is another person's only when its label says so (initials that are not this
patient's and name someone else in the note, or "other client", "see his chart"); a line led by
this patient's initials or name, or "(this chart)", stays, and so does a caregiver's report of
the patient's own values. The words are data (``data/people.toml``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

# The name in the note's header ("Patient: Marisol Quintanilla-Reyes", front matter too).
_PATIENT = re.compile(
    r"^[ \t]*(?:patient(?:[ \t]+name)?|name|student|client)[ \t]*:[ \t]*(?P<name>[^\n]+)$",
    re.IGNORECASE | re.MULTILINE,
)
# Initials with dots ("W.N.", "M.Q-R", "D.O-P.") or an initial and a surname ("W. Ng").
_INITIALS = re.compile(r"(?<![A-Za-z.])[A-Z](?:[.][ ]?[A-Z]|-[A-Z]){1,3}\.?(?![a-z])")
# A person named with a title ("Mr. Ng", "Mrs Oduya").
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+[A-Z][a-z]+")
_INITIAL_SURNAME = re.compile(r"(?<![A-Za-z.])[A-Z]\.[ ]?[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
# A line's label: the words before its first colon (after a bullet), at most 60 characters.
_LABEL_REACH = 60
_LABEL = re.compile(
    rf"^[ \t]*(?:[-*\u2022][ \t]+)?(?P<label>[^\n:]{{1,{_LABEL_REACH}}}):", re.MULTILINE
)


@dataclass(frozen=True)
class _Words:
    group: re.Pattern[str]
    self_marks: re.Pattern[str]
    other_marks: re.Pattern[str]
    not_initials: frozenset[str]


@cache
def _words() -> _Words:
    text = files("tui.core").joinpath("data", "people.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)

    def either(key: str) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{'|'.join(table.get(key, []))})\b", re.IGNORECASE)

    return _Words(
        group=either("group_words"),
        self_marks=either("self_marks"),
        other_marks=either("other_marks"),
        not_initials=frozenset(_letters(w) for w in table.get("not_initials", [])),
    )


def _letters(initials: str) -> str:
    """The capital letters of initials, in order ("M.Q-R" -> "MQR")."""
    return "".join(ch for ch in initials if ch.isupper())


@dataclass(frozen=True)
class _Patient:
    letters: frozenset[str]
    names: frozenset[str]


def _patient(text: str, name: str) -> _Patient | None:
    if not name:
        found = _PATIENT.search(text)
        name = found["name"] if found else ""
    parts = [p for p in re.split(r"[\s,-]+", name.strip()) if p[:1].isalpha()]
    if not parts:
        return None
    return _Patient(
        letters=frozenset(p[0].upper() for p in parts),
        names=frozenset(p.lower() for p in parts if len(p) >= 3),
    )


@lru_cache(maxsize=16)
def other_people_spans(text: str, name: str = "") -> tuple[tuple[int, int], ...]:
    """Spans of the lines (with their indented continuation lines) about another person than
    the patient whose note this is (`name`, else the note's "Patient:" line); none unless the
    note is a group note."""
    words = _words()
    if not words.group.search(text):
        return ()
    patient = _patient(text, name)
    if patient is None:
        return ()
    spans: list[tuple[int, int]] = []
    taken = -1
    for found in _LABEL.finditer(text):
        if found.start() <= taken or not _is_other(text, found["label"], patient, words):
            continue
        end = text.find("\n", found.end())
        taken = _continuation_end(text, len(text) if end < 0 else end)
        spans.append((found.start(), taken))
    return tuple(spans)


def _continuation_end(text: str, end: int) -> int:
    """The end of the indented lines that go on a labelled line."""
    while end < len(text):
        nxt = text.find("\n", end + 1)
        nxt = len(text) if nxt < 0 else nxt
        line = text[end + 1 : nxt]
        if not line.strip() or not line[:1].isspace() or ":" in line[:_LABEL_REACH]:
            break
        end = nxt
    return end


def _is_other(text: str, label: str, patient: _Patient, words: _Words) -> bool:
    if words.self_marks.search(label):
        return False
    if any(name in patient.names for name in re.findall(r"[A-Za-z]+", label.lower())):
        return False
    marked = bool(words.other_marks.search(label))
    if _TITLED.search(label):
        # a person named with a title ("Mr. Ng:") whose name is not the patient's
        return True
    for initials in (*_INITIALS.findall(label), *_INITIAL_SURNAME.findall(label)):
        letters = _letters(initials)
        if letters in words.not_initials:
            continue
        if set(letters) <= patient.letters:
            return False
        if marked or _named_elsewhere(text, letters):
            return True
    return marked


def _named_elsewhere(text: str, letters: str) -> bool:
    """True when the note names someone with these initials ("W. Ng", "Wendy Ng")."""
    if len(letters) < 2:
        return False
    first, rest = letters[0], letters[1:]
    tail = r"[ \t]+".join(f"{ch}[a-z]+" for ch in rest)
    # led by its capital letter, so the search skips ahead to it; the word edge is checked after
    for found in re.finditer(rf"{first}(?:\.|[a-z]+)[ \t]*{tail}\b", text):
        if found.start() == 0 or not text[found.start() - 1].isalpha():
            return True
    return False


def without_other_people(text: str, name: str = "") -> str:
    """The text with the lines about another person than `name` left empty (same line count),
    so a document drafted from a group note carries none of the other patient's values."""
    spans = other_people_spans(text, name)
    if not spans:
        return text
    pieces: list[str] = []
    at = 0
    for start, end in spans:
        pieces += (text[at:start], "\n" * text.count("\n", start, end))
        at = end
    pieces.append(text[at:])
    return "".join(pieces)
