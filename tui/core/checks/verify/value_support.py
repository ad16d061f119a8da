"""A value backed by the other text's writing rather than by a fact of the same reading: the same
number after the same name or noun, read as another kind, left unread in a sentence about the
same thing, or given its unit by the row or sentence it is in.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.text.numbers import ANY_NUMBER, to_number
from tui.core.checks.verify.conversions import quantity_key, unit_size
from tui.core.checks.verify.fact_keys import (
    EMPTY_LABEL_WORDS,
    WORDS,
    agree,
    equal_values,
    fact_group,
    label_words,
    numeric_value,
    same_part_names,
    same_side,
    unit_class_of,
    units_agree,
    value_key,
)
from tui.core.checks.verify.items import names_item
from tui.core.checks.verify.kinship import same_subject
from tui.core.checks.verify.lines import line_at, sentence_at
from tui.core.checks.verify.noun_pairs import same_noun
from tui.core.checks.verify.pain_answers import only_counted
from tui.core.checks.verify.row_units import row_backs
from tui.core.checks.verify.sentences import says_change
from tui.core.checks.verify.sides import side_continues
from tui.core.checks.verify.text_index import TextIndex
from tui.core.checks.verify.unit_quantities import QUANTITY
from tui.core.checks.verify.zero_words import said_as_none


def _loose_alike(fact: Fact, value: float, text: str, note: TextIndex) -> bool:
    """A value of no kind with a unit ("58 cm", "104 steps/min") that the note writes bare in a
    sentence giving that unit to another value ("R 46 cm / L 43 cm; 58 / 55 with cues",
    "Cadence 92 steps/min; 104 with metronome"), the two sentences about the same thing."""
    unit = fact.unit or ""
    unit_class = unit_class_of(unit)
    for start in note.loose_at.get(value, ()):
        sentence = sentence_at(note.text, start)
        if unit_class is not None:
            carries = any(m.group(unit_class) for m in QUANTITY.finditer(sentence))
        else:
            carries = bool(unit) and unit.lower() in sentence.lower()
        if carries and same_subject(text, fact.span[0], note.text, start):
            return True
    return False


def loose_on_subject(fact: Fact, value: float, text: str, note: TextIndex) -> bool:
    """An angle the note writes bare, unread, in a sentence about the same thing as
    the draft's ("Painful arc 70-120" and "a painful arc from seventy to one hundred twenty
    degrees"), where the note gives the value no other side."""
    side = labels.parts_of(fact.label).side
    return any(
        same_subject(text, fact.span[0], note.text, start)
        and agree("side", side, labels.parts_of(line_at(note.text, start)[0]).side)
        for start in note.loose_at.get(value, ())
    )


# A name (three letters or more), a few separators, then a number or a count out of a whole.
# A grade's sign is written with it ("3-/5" is not "3+/5"); a dash before a number is a range.
_NAMED_NUMBER = re.compile(
    r"([A-Za-z][A-Za-z'\-]{2,})[ \t:=,]{1,3}"
    r"(\d+(?:\.\d+)?(?:[+-](?!\d))?(?:[ \t]*/[ \t]*\d+)?)(?![\d.])"
)

_NAME_BEFORE = re.compile(r"([A-Za-z][A-Za-z'\-]{2,})[ \t:=,]{1,3}$")

_WRITTEN = re.compile(r"[ \t]*(\d+(?:\.\d+)?(?:[+-](?!\d))?(?:[ \t]*/[ \t]*\d+)?)")


@lru_cache(maxsize=8)
def _named_numbers(text: str) -> frozenset[tuple[str, str]]:
    """Each number (or count out of a whole) as written with the name right before it."""
    return frozenset(
        (match.group(1).lower(), re.sub(r"[ \t]", "", match.group(2)))
        for match in _NAMED_NUMBER.finditer(text)
    )


def verbatim(fact: Fact, text: str, other: TextIndex) -> bool:
    """A score, grade or value of no kind written in the other text exactly as in this one,
    after the same name ("Mini-Cog 4/5" in both, read as MoCA's in one and a grade in the
    other): the readers disagree on what it is, not the texts."""
    if fact.kind not in ("outcome", "mmt", "other") or not text:
        return False
    if fact.kind == "other" and _other_side_only(fact, other):
        return False  # "L excursion 5 mm" is not backed by the note's "R excursion 5 mm"
    written = _WRITTEN.match(text, fact.span[0])
    name = _NAME_BEFORE.search(text, max(0, fact.span[0] - 30), fact.span[0])
    if written is None or name is None:
        return False
    key = (name.group(1).lower(), re.sub(r"[ \t]", "", written.group(1)))
    return key in _named_numbers(other.text)


def other_size(fact: Fact, value: float, other: TextIndex) -> bool:
    """A number the other text writes only with a unit of another size ("opening 38 mm" for
    the draft's "opening 38 cm"), never as the fact's quantity nor converted to it: the same
    number, another quantity, whatever words the two share."""
    unit = fact.unit or ""
    unit_class = unit_class_of(unit)
    if unit_class is None or unit_size(unit) is None:
        return False
    return (
        (unit_class, round(value, 3)) in other.quantity_values
        and quantity_key(unit_class, value, unit) not in other.sized
        and not other.converted.converts_to(value, unit)
    )


def _other_side_only(fact: Fact, other: TextIndex) -> bool:
    """The other text holds this value, in this unit, only as a fact of another side."""
    held = [
        each
        for each in other.by_value.get((fact_group(fact), value_key(fact.value)), ())
        if units_agree(fact.unit, each.unit)
    ]
    return bool(held) and not any(same_side(fact.label, each.label) for each in held)


def noun_alike(fact: Fact, text: str, other: TextIndex) -> bool:
    """A score or a value of no kind, naming no side, that both texts write beside the same
    noun ("2 asymmetries" and "asymmetries 2"; noun_pairs.py)."""
    value = numeric_value(fact)
    if fact.kind not in ("outcome", "other") or value is None:
        return False
    if labels.parts_of(fact.label).side:
        return False
    return same_noun(text, fact.span, value, other.text)


def loose_on_motion_line(fact: Fact, value: float, note: TextIndex) -> bool:
    """An angle the note writes unread on a line that names the draft's motion (and joint,
    where the line names one) before it and no other side ("ER (arm at side)  15  20  75" in a
    table its reader could not read)."""
    parts = labels.parts_of(fact.label)
    if not parts.motion:
        return False
    for start in note.loose_at.get(value, ()):
        line, line_start = line_at(note.text, start)
        named = labels.parts_of(line[: start - line_start])
        if named.motion.lower() != parts.motion.lower():
            continue
        if agree("joint", named.joint, parts.joint) and agree("side", named.side, parts.side):
            return True
    return False


def read_as_kin(fact: Fact, text: str, other: TextIndex) -> bool:
    """The same value and unit read as another kind in the other text, one of the two readings
    of no kind of its own, naming no other side, joint or motion, in a sentence about the same
    thing (kinship.py)."""
    value = numeric_value(fact)
    unit_class = unit_class_of(fact.unit or "")
    if value is None or unit_class is None or fact.kind in ("service", "pain"):
        return False
    return any(
        other_fact.kind != fact.kind
        and "other" in (fact.kind, other_fact.kind)
        and same_part_names(fact.label, other_fact.label)
        and same_side(fact.label, other_fact.label)
        and same_subject(text, fact.span[0], other.text, other_fact.span[0])
        for other_fact in other.by_quantity.get((unit_class, round(value, 3)), ())
    )


def _other_labels_only(fact: Fact, value: float, unit_class: str, note: TextIndex) -> bool:
    """Every time the note writes this quantity it is a fact naming another side, joint or
    motion than `fact` does (a value of no kind "right 7 mm" against the note's "L 7 mm"), or a
    change the note states ("+7 mm since IE")."""
    key = (unit_class, round(value, 3))
    facts = note.by_quantity.get(key, [])
    places = zip(note.starts.get(key, ()), note.held.get(key, ()), strict=True)
    if not facts or not all(groups or says_change(note.text, (at, at)) for at, groups in places):
        return False  # written unread somewhere, not as a change: that may be its backing
    return not any(
        same_part_names(fact.label, other.label) and same_side(fact.label, other.label)
        for other in facts
    )


def other_carried(fact: Fact, value: float, draft: TextIndex) -> bool:
    """A value of no kind of its own is carried by the same number with a unit of its class
    ("DNF endurance 24 s" by "24 s", never by "NDI 24%"), or, without a unit, by the number in
    a sentence that says what it is of (a word of its label) or anywhere when it has no label."""
    unit_class = unit_class_of(fact.unit or "")
    if unit_class is not None:
        return (
            draft.has_quantity((unit_class,), value, unit=fact.unit or "")
            or quantity_key(unit_class, value, fact.unit or "") in draft.fact_quantities
            or draft.converted.converts_to(value, fact.unit or "")
        )
    named = label_words(fact.label)
    if not named:
        return value in draft.numbers
    if value == 0 and said_as_none(named, draft.normalized):
        return True
    return any(named & words for words in draft.sentences.words_with(value)) or _abbreviated(
        fact, value, draft
    )


def value_at(fact: Fact, value: float, draft: TextIndex) -> int:
    """Where the fact's own number is written in the draft (its span may hold its name)."""
    start, end = fact.span
    return next(
        (
            m.start()
            for m in ANY_NUMBER.finditer(draft.text, start, end)
            if equal_values(to_number(m.group()), value)
        ),
        start,
    )


def counted_only(fact: Fact, value: float, note: TextIndex) -> bool:
    """A pain rating whose number the note writes bare only as a count of things ("3 flights"
    on its pain line): no rating of the note's (pain_answers.py)."""
    return fact.kind == "pain" and only_counted(note.text, note.loose_at.get(value, ()))


def in_unit_row(fact: Fact, value: float, draft: TextIndex, note: TextIndex) -> bool:
    """A girth or a strength the note writes bare in a row that gives the unit to another
    value, about what the draft's clause is about (row_units.py)."""
    unit_class = unit_class_of(fact.unit or "")
    if fact.kind not in ("girth", "strength") or unit_class is None:
        return False
    side = labels.parts_of(fact.label).side
    starts = note.loose_at.get(value, ())
    return row_backs(draft.text, fact.span[0], value, unit_class, side, note.text, starts)


_DEGREES = re.compile(r"\bdeg\w*|\u00b0", re.IGNORECASE)

_UNIT_WORDS = {"rom": _DEGREES}


def other_side_after(fact: Fact, value: float, note: TextIndex) -> bool:
    """An angle the note gives for the other side after a measured one ("on the left is 65
    degrees, right is 80"), its side the draft's."""
    unit = _UNIT_WORDS.get(fact.kind)
    side = labels.parts_of(fact.label).side
    if unit is None or not side:
        return False
    return any(
        side_continues(text, number.start(), unit, side)
        for text in note.sentences.texts_with(value)
        for number in ANY_NUMBER.finditer(text)
        if float(number.group()) == value
    )


def other_supported(
    fact: Fact, value: float, note: TextIndex, draft: TextIndex | None = None
) -> bool:
    """A value with no kind of its own ("step length 48 cm", "cadence 164"): with a unit, the
    note must give the same quantity (a number in a unit of the same class, converted where
    the unit converts: "61 cm" backs no "61 mm"), or as a fact; without a unit, the
    number in a sentence of the note that says a word of its label (anywhere when the label
    says nothing), so an invented "cadence 24" is not backed by an unrelated 24."""
    unit_class = unit_class_of(fact.unit or "")
    if unit_class is None:
        named = label_words(fact.label)
        if not named:
            return value in note.numbers
        return (
            any(named & words for words in note.sentences.words_with(value))
            or _abbreviated(fact, value, note)
            or (draft is not None and _loose_alike(fact, value, draft.text, note))
        )
    if _other_labels_only(fact, value, unit_class, note):
        return False
    if note.has_quantity((unit_class,), value, unit=fact.unit or "") or (
        quantity_key(unit_class, value, fact.unit or "") in note.fact_quantities
    ):
        return True
    return (
        value in note.fact_values
        or (unit_class, value) in note.loose_with_unit
        or note.converted.converts_to(value, fact.unit or "")
        or (draft is not None and _loose_alike(fact, value, draft.text, note))
    )


def _abbreviated(fact: Fact, value: float, side: TextIndex) -> bool:
    """The value in a sentence that names the whole label, some of it by an abbreviation
    ("heart rate 140" and "HR 140-145")."""
    label = [word for word in WORDS.findall(fact.label.lower()) if word not in EMPTY_LABEL_WORDS]
    return any(names_item(label, text) for text in side.sentences.texts_with(value))
