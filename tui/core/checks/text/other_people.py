"""Lines of a group note about another patient: "W.N.: L hip pain 6/10. Berg 29/56." in the
chart of M. Quintanilla-Reyes holds W.N.'s values, which must never become this patient's
facts. A line is another person's only when its label says so (initials that are not this
patient's and name someone else in the note, or "other client", "see his chart"); a line led by
this patient's initials or name, or "(this chart)", stays, and so does a caregiver's report of
the patient's own values. Where the note numbers or letters its people ("Participant A (L.F.,
this pt)", "Participant B (J.K.)"), a line labelled with the same noun and another id is
someone else's. In any note, a sentence in which someone close to the patient speaks
of their own values ("Husband reports his own back pain 7/10") is that person's. The words are
data (``data/people.toml``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

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
    relations: re.Pattern[str]
    person: re.Pattern[str]


@cache
def _table() -> dict[str, Any]:
    text = files("tui.core").joinpath("data", "people.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def relation_words() -> tuple[str, ...]:
    """The people close to the patient ("daughter", "husband"), as people.toml lists them: the
    one list for whose line a value is on here and whose possessive owns it in the gate."""
    found = _table().get("relations", [])
    return tuple(str(word) for word in found) if isinstance(found, list) else ()


@cache
def _words() -> _Words:
    table = _table()

    def either(key: str) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{'|'.join(table.get(key, []))})\b", re.IGNORECASE)

    return _Words(
        group=either("group_words"),
        self_marks=either("self_marks"),
        other_marks=either("other_marks"),
        not_initials=frozenset(_letters(w) for w in table.get("not_initials", [])),
        relations=either("relations"),
        person=re.compile(
            rf"\b(?P<noun>{'|'.join(table.get('person_nouns', []))})[ \t]*#?[ \t]*"
            r"(?P<id>(?-i:[A-Z])|\d{1,2})\b",
            re.IGNORECASE,
        ),
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
    own = _own_values(text, words)
    if not words.group.search(text):
        return own
    patient = _patient(text, name)
    if patient is None:
        return own
    spans: list[tuple[int, int]] = list(own)
    labels = list(_LABEL.finditer(text))
    own_ids = _own_ids([found["label"] for found in labels], patient, words)
    others: set[str] = set()
    taken = -1
    for found in labels:
        if found.start() <= taken:
            continue
        label = found["label"]
        if not _is_other(text, label, patient, words) and not _other_id(label, own_ids, words):
            continue
        end = text.find("\n", found.end())
        taken = _continuation_end(text, len(text) if end < 0 else end)
        spans.append((found.start(), taken))
        others.update(_INITIALS.findall(label))
    spans.extend(_led_by(text, others - _self_initials(labels, patient, words)))
    return tuple(sorted(_merged(spans)))


# "his own", "her own", "their own": found by its fixed word, then read in its sentence.
_OWN = " own "
_POSSESSIVE = re.compile(r"\b(?:his|her|their)$", re.IGNORECASE)
_SENTENCE_MARK = re.compile(r"[.;!?\n]")
_SENTENCE_REACH = 160


def _own_values(text: str, words: _Words) -> tuple[tuple[int, int], ...]:
    """Sentences in which someone close to the patient speaks of their own values ("Husband
    reports his own low back pain 7/10"); a caregiver's report of the patient's values ("wife
    reports her pain 6/10 at night") has no "own" and stays the patient's."""
    spans: list[tuple[int, int]] = []
    at = text.find(_OWN)
    while at >= 0:
        if _POSSESSIVE.search(text, max(0, at - 6), at):
            start = max(0, at - _SENTENCE_REACH)
            for mark in _SENTENCE_MARK.finditer(text, start, at):
                start = mark.end()
            relation = _last(words.relations.finditer(text, start, at))
            after = relation.end() if relation is not None else start
            if relation is None:
                relation, after = _named_before(text, start, words)
            found = _SENTENCE_MARK.search(text, at)
            end = found.start() if found else len(text)
            if (
                relation is not None
                and not _SOMEONE_ELSE.search(text, after, at)
                and _DIGIT.search(text, at, end)
            ):
                spans.append((start, end))
        at = text.find(_OWN, at + len(_OWN))
    return tuple(spans)


# A clause opened by a pronoun ("Pt's spouse attended; he reports his own hip pain 8/10"): the
# pronoun is the person the clause before named.
_PRONOUN_OPENS = re.compile(r"[ \t]*(?:he|she|they)\b", re.IGNORECASE)


def _named_before(text: str, start: int, words: _Words) -> tuple[re.Match[str] | None, int]:
    """For a clause at `start` opened by a pronoun, the relative named in the clause before it
    on its line (None when there is none), and where the words to check for someone else begin
    (after the pronoun)."""
    opens = _PRONOUN_OPENS.match(text, start)
    if opens is None or start == 0 or text[start - 1] not in ";,":
        return None, start
    low = text.rfind("\n", max(0, start - _SENTENCE_REACH), start - 1) + 1
    for mark in _SENTENCE_MARK.finditer(text, low, start - 1):
        low = mark.end()
    return _last(words.relations.finditer(text, low, start)), opens.end()


# Between the relative and "own", a name or a pronoun of someone else makes "own" theirs ("Mom
# reports Zara now zips her own coat").
_SOMEONE_ELSE = re.compile(
    r"(?<![.:]\s)\b(?:[A-Z][a-z]+|pt|patient|client|child|he|she|they)\b(?![ \t]*\))"
)
_DIGIT = re.compile(r"\d")


def _last(found: Iterator[re.Match[str]]) -> re.Match[str] | None:
    return max(found, key=lambda match: match.start(), default=None)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans with those that overlap joined, so none is left empty twice."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


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


def _self_initials(labels: list[re.Match[str]], patient: _Patient, words: _Words) -> set[str]:
    """Initials written on labels of this patient's lines: never another person's."""
    return {
        initials
        for found in labels
        if _is_self(found["label"], patient, words)
        for initials in _INITIALS.findall(found["label"])
    }


def _led_by(text: str, initials: set[str]) -> list[tuple[int, int]]:
    """Sentences in running text led by the initials of a person whose labelled line is someone
    else's ("J.K. reports knee pain 6/10." after "Participant B (J.K.): ..."): theirs too."""
    written = sorted((item for item in initials if len(_letters(item)) >= 2), key=len, reverse=True)
    if not written:
        return []
    lead = re.compile(
        r"(?:^|(?<=[.;!?][ \t]))[ \t]*(?:[-*\u2022][ \t]+)?"
        rf"(?:{'|'.join(re.escape(item) for item in written)})(?![A-Za-z])",
        re.MULTILINE,
    )
    spans = []
    for found in lead.finditer(text):
        end = _SENTENCE_END.search(text, found.end())
        spans.append((found.start(), end.start() if end else len(text)))
    return spans


# A sentence's end after a person's initials (their own dots are no sentence end).
_SENTENCE_END = re.compile(r"[.;!?](?=\s|$)|\n")


def _is_self(label: str, patient: _Patient, words: _Words) -> bool:
    """The label says its line is this patient's: a self mark, the patient's name or initials."""
    if words.self_marks.search(label):
        return True
    if any(name in patient.names for name in re.findall(r"[A-Za-z]+", label.lower())):
        return True
    return any(
        _letters(initials) not in words.not_initials and set(_letters(initials)) <= patient.letters
        for initials in _INITIALS.findall(label)
    )


def _own_ids(labels: list[str], patient: _Patient, words: _Words) -> dict[str, set[str]]:
    """Each person noun -> the ids that labels this patient's lines give it ("Participant A
    (L.F., this pt)": participant A is this patient)."""
    found: dict[str, set[str]] = {}
    for label in labels:
        if _is_self(label, patient, words):
            for person in words.person.finditer(label):
                found.setdefault(person["noun"].lower(), set()).add(person["id"])
    return found


def _other_id(label: str, own_ids: dict[str, set[str]], words: _Words) -> bool:
    """The label names a person by the noun this patient's lines use and another id
    ("Participant B" when participant A is this patient)."""
    for person in words.person.finditer(label):
        ids = own_ids.get(person["noun"].lower())
        if ids and person["id"] not in ids:
            return True
    return False


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
