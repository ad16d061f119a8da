"""Checking a draft against its note: facts the draft dropped, numbers the note does not support.

Omission is the main failure of drafted notes, so every fact extracted from the note must reach
the draft (same kind and value; "0-118°" carries a ROM of 118). In the other direction every
measurement and every number with a unit in the draft must be supported by the note, and a
measurement is supported only by its own fact: the same kind, the same value, and the same side
and motion where both texts name one. A value computed from the note (a change, a percent
change) counts only where the draft says it is a change ("improved 8 points"), so a changed
score that happens to equal some difference of two unrelated values is still caught. Both texts
are read once and indexed, so checking runs in time linear in their length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from typing import Any

from tui.core.checks.billing.units import units_for_minutes
from tui.core.checks.extract import (
    Unclassified,
    extract_billing,
    extract_candidates,
    extract_facts,
    extract_unclassified,
    non_measurements,
)
from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.counted import fractions, unsupported_counts
from tui.core.checks.measures.labels import context_words
from tui.core.checks.measures.results import missing_counts
from tui.core.checks.names import instrument_key, names_instrument
from tui.core.checks.tables import measure_defs, not_instruments, related_names
from tui.core.checks.text.day_names import said_dates
from tui.core.checks.text.lexicon import (
    DATE_ISO,
    DATE_SLASH,
    DATE_WORDS,
    MONTH_NAMES,
    UNIT_CLASSES,
    Led,
    led,
    matches,
    measure_matcher,
    service_matcher,
    words,
)
from tui.core.checks.text.numbers import ANY_NUMBER, normalize, to_number
from tui.core.checks.verify.conversions import Converted, quantity_key, unit_size
from tui.core.checks.verify.copied import copied_from, sentence_index
from tui.core.checks.verify.grid_cells import grid_backs, grid_contradicts
from tui.core.checks.verify.instrument_spellings import WordIndex, same_instrument
from tui.core.checks.verify.items import names_item
from tui.core.checks.verify.kinship import describing_words, same_subject
from tui.core.checks.verify.legends import relabelled
from tui.core.checks.verify.lines import acronyms, line_at, sentence_at
from tui.core.checks.verify.measured_units import measured_numbers
from tui.core.checks.verify.name_runs import (
    GAP,
    fraction_run,
    fraction_run_after,
    spelled_loosely,
)
from tui.core.checks.verify.named_scores import scores_after_names
from tui.core.checks.verify.noun_pairs import changed_counts, same_noun
from tui.core.checks.verify.pain_answers import only_counted, rating_continued
from tui.core.checks.verify.positions import named_after, paired_reading, position_reading
from tui.core.checks.verify.row_units import row_backs
from tui.core.checks.verify.shared_units import shared_units
from tui.core.checks.verify.short_dates import day_of_named_month, month_day, month_days
from tui.core.checks.verify.sides import side_continues
from tui.core.checks.verify.unlisted_scores import named_scores, out_of_scores
from tui.core.checks.verify.written_alike import written_alike
from tui.core.checks.verify.zero_words import said_as_none

# A number with its unit: the matches of r"(?<![A-Za-z0-9.])(NUM)(?:units)", the check on the
# character before written after the first digit so the engine skips to digits.
_QUANTITY = re.compile(
    r"(\d(?<![A-Za-z0-9.]\d)\d*(?:\.\d+)?)(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in UNIT_CLASSES.items())
    + ")",
    re.IGNORECASE,
)
_CLASSES_OF_KIND = {
    "pain": ("ratio10",),
    "rom": ("deg",),
    "strength": ("weight",),
    "girth": ("length",),
    "service": ("minutes",),
    "outcome": ("pct", "seconds", "distance", "speed", "points"),
    "other": ("pct", "distance", "seconds", "ratio10"),
}
# Sentences for "written near" support: split at full stops (not decimal points), ; and lines.
# A line end, a semicolon, or a full stop not inside a decimal number nor in a run of dots (a
# dotted leader, "97162 x1 ....... 45 min", or an ellipsis); each alternative opens
# on its character, so the engine skips straight to them (the same matches as
# r"(?<!\d)[.\n;]|\.(?!\d)|\n|;", several times faster on a long note).
_SENTENCES = re.compile(r"\n|;|\.(?<!\.\.)(?!\.)(?:(?<!\d\.)|(?!\d))")
_UNITLESS_KINDS = ("other", "outcome")
_MMT_CONTEXT = re.compile(r"\b(?:MMT|strength|muscle|grade)\b", re.IGNORECASE)
_EPSILON = 1e-6


@dataclass(frozen=True)
class Quantity:
    """A number written with a unit, and the unit's class ("deg", "minutes", "ratio10")."""

    value: float
    unit_class: str
    unit: str
    span: tuple[int, int]


@dataclass(frozen=True)
class Verification:
    """Facts of the note the draft misses, and draft values the note does not support."""

    missing: list[Fact]
    unsupported: list[Fact]

    @property
    def clean(self) -> bool:
        return not self.missing and not self.unsupported

    @property
    def count(self) -> int:
        return len(self.missing) + len(self.unsupported)

    def to_json(self) -> dict[str, Any]:
        return {
            "missing": [fact.to_json() for fact in self.missing],
            "unsupported": [fact.to_json() for fact in self.unsupported],
        }


@dataclass(frozen=True)
class _Side:
    """Everything verification needs to know about one text."""

    text: str
    normalized: str
    facts: tuple[Fact, ...]
    quantities: tuple[Quantity, ...]
    numbers: frozenset[float]
    dates: frozenset[tuple[int, int, int]]
    topics: dict[str, set[float]]
    by_value: dict[tuple[str, str], list[Fact]]
    grades: frozenset[str]
    quantity_values: frozenset[tuple[str, float]]
    fact_values: frozenset[float]
    """The values of scores and values of no kind written without a unit (an angle, a load or a
    girth has its unit in its kind, so "40 deg" backs no "40 s")."""
    loose: frozenset[float]
    loose_at: dict[float, list[int]]
    """Where each number the reader left unclassified starts."""
    sentences: _Sentences
    loose_with_unit: frozenset[tuple[str, float]]
    unlisted: dict[str, list[Fact]]
    held: dict[tuple[str, float], list[frozenset[str]]]
    starts: dict[tuple[str, float], list[int]]
    names_end: tuple[tuple[str, int], ...]
    named: list[WordIndex]
    fact_quantities: frozenset[tuple[str, float]]
    """The facts written with a unit, by what they measure (conversions.quantity_key)."""
    sized: frozenset[tuple[str, float]]
    """The numbers written with a unit, by what they measure (conversions.quantity_key)."""
    guessed: dict[tuple[str, str], list[Fact]]
    """Readings too weak to be facts (measures/evidence.py), by group and value."""
    blocked: frozenset[int]
    """Where the quantities its readers block (goals, thresholds, doses) start."""
    by_quantity: dict[tuple[str, float], list[Fact]]
    """Facts written with a unit, by the unit's class and the value."""
    converted: Converted
    service_codes: frozenset[str]
    """The codes of the services read in the text."""
    pain_lines: frozenset[int]
    """Where the lines holding a pain rating start."""

    @classmethod
    def read(cls, text: str, measures: Sequence[str], guesses: bool = False) -> _Side:
        """A text's facts; with `guesses`, also the guesses too weak to be a note's facts (a
        draft's "NAME 40" is questioned however weak the name)."""
        normalized = normalize(text).text
        candidates = relabelled(text, tuple(extract_candidates(text, measures)))
        facts = candidates if guesses else relabelled(text, tuple(extract_facts(text, measures)))
        found = tuple(quantities(text)) + (_shared(text) if guesses else ())
        if guesses:
            candidates = facts = _units_kept(facts, found)
        by_value: dict[tuple[str, str], list[Fact]] = {}
        unlisted: dict[str, list[Fact]] = {}
        for fact in facts:
            by_value.setdefault((_group(fact), _key(fact.value)), []).append(fact)
        for fact in candidates:  # a guess of the note supports the same guess in a draft
            if fact.kind == "outcome" and fact.measure not in _known_measures():
                unlisted.setdefault(_key(fact.value), []).append(fact)
        strong = (
            frozenset(relabelled(text, tuple(extract_facts(text, measures))))
            if guesses
            else frozenset(facts)
        )
        guessed: dict[tuple[str, str], list[Fact]] = {}
        for fact in candidates:
            if fact not in strong:
                guessed.setdefault((_group(fact), _key(fact.value)), []).append(fact)
        loose = tuple(extract_unclassified(text, measures))
        names_end: list[tuple[str, int]] = []
        sentences = _Sentences.of(normalized)
        return cls(
            text=text,
            normalized=normalized,
            facts=facts,
            quantities=found,
            numbers=frozenset(sentences.by_number),  # every number written, found once
            dates=frozenset(dates_in(text)),
            topics=_numbers_by_topic(normalized, measures, names_end, sentences),
            names_end=tuple(names_end),
            by_value=by_value,
            grades=_grades_written(normalized),
            quantity_values=frozenset((q.unit_class, round(q.value, 3)) for q in found),
            fact_values=frozenset(
                v
                for fact in facts
                if fact.kind in _UNITLESS_KINDS
                and not fact.unit
                and (v := _numeric(fact)) is not None
            ),
            loose=frozenset(float(item.value) for item in loose),
            loose_at=_starts_of(loose),
            sentences=sentences,
            loose_with_unit=_units_carried(text, found, loose),
            unlisted=unlisted,
            held=_held_quantities(found, facts),
            starts=_quantity_starts(found),
            named=[],
            fact_quantities=frozenset(
                quantity_key(unit_class, value, fact.unit or "")
                for fact in facts
                if (value := _numeric(fact)) is not None
                and (unit_class := _unit_class(fact.unit or "")) is not None
            ),
            sized=frozenset(quantity_key(q.unit_class, q.value, q.unit) for q in found),
            guessed=guessed,
            blocked=frozenset(q.span[0] for q, blocked in _quantities(text) if blocked),
            by_quantity=_facts_by_quantity(facts),
            converted=Converted.of((q.value, q.unit) for q in found),
            service_codes=frozenset(f.cpt for f in facts if f.kind == "service" and f.cpt),
            pain_lines=frozenset(line_at(text, f.span[0])[1] for f in facts if _group(f) == "pain"),
        )

    def same_guess(self, fact: Fact) -> bool:
        """A guess of this text (a reading too weak to be a fact) matching a guess of the other
        text: a weak reading a draft copies from its note is the note's, not an invention."""
        return any(
            _compatible(fact, other)
            for other in self.guessed.get((_group(fact), _key(fact.value)), ())
        )

    def same_fact(self, fact: Fact, own_text: str = "") -> bool:
        """A fact of this text with the same kind, value and (where both say) side and motion;
        with `own_text` (the text `fact` is read from), a motion taken in a position that names
        a second joint agrees with either reading (positions.py)."""
        others = self.by_value.get((_group(fact), _key(fact.value)), ())
        if any(_compatible(fact, other) for other in others):
            return True
        return bool(own_text) and any(
            fact.kind == "rom"
            and _same_side(fact.label, other.label)
            and (
                position_reading(other, self.text, fact)
                or position_reading(fact, own_text, other)
                or named_after(other, self.text, fact)
                or named_after(fact, own_text, other)
                or paired_reading(other, self.text, fact)
                or paired_reading(fact, own_text, other)
            )
            for other in others
        )

    def has_quantity(
        self, classes: Iterable[str], value: float, group: str = "", unit: str = ""
    ) -> bool:
        """The value written with a unit of one of `classes`; with `group`, not where it is a
        fact of that group with another label (a dropped "R knee flexion 118°" is not carried
        by the draft's "L knee flexion 118°"); with a `unit` that converts, the same quantity
        ("61 cm" carries no "61 mm")."""
        if unit_size(unit) is not None and not any(
            quantity_key(unit_class, value, unit) in self.sized for unit_class in classes
        ):
            return False
        return any(
            not group
            or any(group not in groups for groups in self.held[(unit_class, round(value, 3))])
            for unit_class in classes
            if (unit_class, round(value, 3)) in self.quantity_values
        )

    def unread_quantities(self, unit_class: str, value: float, group: str) -> Iterable[int]:
        """Where the value is written with a unit of `unit_class` and no fact of another group
        holds it, save a value of no kind labelled with the group's instrument ("SPADI 18%"
        read as a value of no kind)."""
        key = (unit_class, round(value, 3))
        for start, groups in zip(self.starts.get(key, ()), self.held.get(key, ()), strict=True):
            others = groups - {group}
            if not others or (others == {"other"} and self._labelled(start, group)):
                yield start

    def _labelled(self, start: int, group: str) -> bool:
        """True when the facts of no kind at `start` carry the instrument of `group` in their
        label."""
        measure = group.removeprefix("outcome:")
        if measure == group:
            return False
        held = [f for f in self.facts if f.kind == "other" and f.span[0] <= start < f.span[1]]
        return bool(held) and all(_spelled(measure).search(f.label) for f in held)

    def word_index(self) -> WordIndex:
        """This text's words, indexed when first asked for (only a note naming an instrument
        the tables do not list needs them)."""
        if not self.named:
            self.named.append(WordIndex(self.normalized))
        return self.named[0]

    def same_unlisted(self, fact: Fact) -> bool:
        """A score with the same value on an instrument the tables do not list, named so that
        it can be the same one ("Vancouver 5/13" and "Vancouver Scar Scale 5/13")."""
        return any(
            same_instrument(fact.measure or "", other.measure or "")
            for other in self.unlisted.get(_key(fact.value), ())
        )

    def said_near(self, topic: str, value: float) -> bool:
        """The value written in a sentence about `topic` ("measure:LEFS", "service:97110",
        "pain", "rom", "strength", "girth")."""
        return value in self.topics.get(topic, set())

    def unread_near(self, topic: str, value: float) -> bool:
        """The value left unread (no reader classified it) in a sentence about `topic`: the
        unread writing itself, not the value read elsewhere in such a sentence ("Pool 1x/wk
        ... next PN" backs no pain rating through the "1:1 with PT" of another sentence)."""
        topic_words = _topic_patterns().get(topic)
        if topic_words is None:
            return False
        for at in self.loose_at.get(value, ()):
            start, end = _sentence_around(self.text, at)
            if topic_words.pattern.search(self.text, start, end):
                return True
        return False


def _sentence_around(text: str, at: int) -> tuple[int, int]:
    """Where the sentence holding `at` starts and ends, inside its line (see `_SENTENCES`)."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    start, end = line_start, line_end
    for brk in _SENTENCES.finditer(text, line_start, line_end):
        if brk.end() <= at:
            start = brk.end()
        else:
            end = brk.start()
            break
    return start, end


def _starts_of(loose: Iterable[Unclassified]) -> dict[float, list[int]]:
    found: dict[float, list[int]] = {}
    for item in loose:
        found.setdefault(float(item.value), []).append(item.span[0])
    return found


def _loose_alike(fact: Fact, value: float, text: str, note: _Side) -> bool:
    """A value of no kind with a unit ("58 cm", "104 steps/min") that the note writes bare in a
    sentence giving that unit to another value ("R 46 cm / L 43 cm; 58 / 55 with cues",
    "Cadence 92 steps/min; 104 with metronome"), the two sentences about the same thing."""
    unit = fact.unit or ""
    unit_class = _unit_class(unit)
    for start in note.loose_at.get(value, ()):
        sentence = sentence_at(note.text, start)
        if unit_class is not None:
            carries = any(m.group(unit_class) for m in _QUANTITY.finditer(sentence))
        else:
            carries = bool(unit) and unit.lower() in sentence.lower()
        if carries and same_subject(text, fact.span[0], note.text, start):
            return True
    return False


def _loose_on_subject(fact: Fact, value: float, text: str, note: _Side) -> bool:
    """An angle the note writes bare, unread, in a sentence about the same thing as
    the draft's ("Painful arc 70-120" and "a painful arc from seventy to one hundred twenty
    degrees"), where the note gives the value no other side."""
    side = labels.parts_of(fact.label).side
    return any(
        same_subject(text, fact.span[0], note.text, start)
        and _agree("side", side, labels.parts_of(line_at(note.text, start)[0]).side)
        for start in note.loose_at.get(value, ())
    )


# A name (three letters or more), a few separators, then a number or a count out of a whole.
_NAMED_NUMBER = re.compile(
    r"([A-Za-z][A-Za-z'\-]{2,})[ \t:=,]{1,3}(\d+(?:\.\d+)?(?:[ \t]*/[ \t]*\d+)?)(?![\d.])"
)
_NAME_BEFORE = re.compile(r"([A-Za-z][A-Za-z'\-]{2,})[ \t:=,]{1,3}$")
_WRITTEN = re.compile(r"[ \t]*(\d+(?:\.\d+)?(?:[ \t]*/[ \t]*\d+)?)")


@lru_cache(maxsize=8)
def _named_numbers(text: str) -> frozenset[tuple[str, str]]:
    """Each number (or count out of a whole) as written with the name right before it."""
    return frozenset(
        (match.group(1).lower(), re.sub(r"[ \t]", "", match.group(2)))
        for match in _NAMED_NUMBER.finditer(text)
    )


def _verbatim(fact: Fact, text: str, other: _Side) -> bool:
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


def _other_size(fact: Fact, value: float, other: _Side) -> bool:
    """A number the other text writes only with a unit of another size ("opening 38 mm" for
    the draft's "opening 38 cm"), never as the fact's quantity nor converted to it: the same
    number, another quantity, whatever words the two share."""
    unit = fact.unit or ""
    unit_class = _unit_class(unit)
    if unit_class is None or unit_size(unit) is None:
        return False
    return (
        (unit_class, round(value, 3)) in other.quantity_values
        and quantity_key(unit_class, value, unit) not in other.sized
        and not other.converted.converts_to(value, unit)
    )


def _other_side_only(fact: Fact, other: _Side) -> bool:
    """The other text holds this value, in this unit, only as a fact of another side."""
    held = [
        each
        for each in other.by_value.get((_group(fact), _key(fact.value)), ())
        if _units_agree(fact.unit, each.unit)
    ]
    return bool(held) and not any(_same_side(fact.label, each.label) for each in held)


def _noun_alike(fact: Fact, text: str, other: _Side) -> bool:
    """A score or a value of no kind, naming no side, that both texts write beside the same
    noun ("2 asymmetries" and "asymmetries 2"; noun_pairs.py)."""
    value = _numeric(fact)
    if fact.kind not in ("outcome", "other") or value is None:
        return False
    if labels.parts_of(fact.label).side:
        return False
    return same_noun(text, fact.span, value, other.text)


def _loose_on_motion_line(fact: Fact, value: float, note: _Side) -> bool:
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
        if _agree("joint", named.joint, parts.joint) and _agree("side", named.side, parts.side):
            return True
    return False


def _facts_by_quantity(facts: Iterable[Fact]) -> dict[tuple[str, float], list[Fact]]:
    found: dict[tuple[str, float], list[Fact]] = {}
    for fact in facts:
        value = _numeric(fact)
        unit_class = _unit_class(fact.unit or "")
        if value is not None and unit_class is not None and fact.kind != "service":
            found.setdefault((unit_class, round(value, 3)), []).append(fact)
    return found


def _kin(fact: Fact, text: str, other: _Side) -> bool:
    """The same value and unit read as another kind in the other text, one of the two readings
    of no kind of its own, naming no other side, joint or motion, in a sentence about the same
    thing (kinship.py)."""
    value = _numeric(fact)
    unit_class = _unit_class(fact.unit or "")
    if value is None or unit_class is None or fact.kind in ("service", "pain"):
        return False
    return any(
        other_fact.kind != fact.kind
        and "other" in (fact.kind, other_fact.kind)
        and _same_part_names(fact.label, other_fact.label)
        and _same_side(fact.label, other_fact.label)
        and same_subject(text, fact.span[0], other.text, other_fact.span[0])
        for other_fact in other.by_quantity.get((unit_class, round(value, 3)), ())
    )


def _same_side(one: str, other: str) -> bool:
    return _agree("side", labels.parts_of(one).side, labels.parts_of(other).side)


def _other_labels_only(fact: Fact, value: float, unit_class: str, note: _Side) -> bool:
    """Every time the note writes this quantity it is a fact naming another side, joint or
    motion than `fact` does (a value of no kind "right 7 mm" against the note's "L 7 mm"), or a
    change the note states ("+7 mm since IE")."""
    key = (unit_class, round(value, 3))
    facts = note.by_quantity.get(key, [])
    places = zip(note.starts.get(key, ()), note.held.get(key, ()), strict=True)
    if not facts or not all(groups or _says_change(note.text, (at, at)) for at, groups in places):
        return False  # written unread somewhere, not as a change: that may be its backing
    return not any(
        _same_part_names(fact.label, other.label) and _same_side(fact.label, other.label)
        for other in facts
    )


@dataclass(frozen=True)
class _Sentences:
    """A text's sentences, and for each number the sentences that write it."""

    text: str
    bounds: tuple[int, ...]
    by_number: dict[float, tuple[int, ...]]
    _words: dict[int, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str) -> _Sentences:
        bounds = (0, *(m.end() for m in _SENTENCES.finditer(text)))
        by_number: dict[float, list[int]] = {}
        for number in ANY_NUMBER.finditer(text):
            index = bisect.bisect_right(bounds, number.start()) - 1
            by_number.setdefault(float(number.group()), []).append(index)
        return cls(text, bounds, {n: tuple(dict.fromkeys(i)) for n, i in by_number.items()})

    def index(self, position: int) -> int:
        """The sentence that holds `position`."""
        return bisect.bisect_right(self.bounds, position) - 1

    def texts_with(self, value: float) -> Iterable[str]:
        """The text of each sentence that writes `value`."""
        for index in self.by_number.get(value, ()):
            end = self.bounds[index + 1] if index + 1 < len(self.bounds) else len(self.text)
            yield self.text[self.bounds[index] : end]

    def words_with(self, value: float) -> Iterable[frozenset[str]]:
        """The words (lower case, three letters or more) of each sentence that writes `value`,
        each sentence's read once however many values ask."""
        for index in self.by_number.get(value, ()):
            if index not in self._words:
                end = self.bounds[index + 1] if index + 1 < len(self.bounds) else len(self.text)
                found = _WORDS.findall(self.text[self.bounds[index] : end].lower())
                self._words[index] = frozenset(found)
            yield self._words[index]


def _units_carried(
    text: str, found: Sequence[Quantity], loose: Sequence[Unclassified]
) -> frozenset[tuple[str, float]]:
    """Bare numbers given the unit of a value in their sentence: in "was 2.5 cm, last week it
    was 4" the 4 is in centimetres too, so it supports a draft's "4 cm"."""
    bounds = [0] + [m.end() for m in _SENTENCES.finditer(text)]
    classes: dict[int, set[str]] = {}
    for quantity in found:
        index = bisect.bisect_right(bounds, quantity.span[0]) - 1
        classes.setdefault(index, set()).add(quantity.unit_class)
    carried = set()
    for item in loose:
        index = bisect.bisect_right(bounds, item.span[0]) - 1
        carried |= {(unit_class, float(item.value)) for unit_class in classes.get(index, ())}
    return frozenset(carried)


def _held_quantities(
    found: Sequence[Quantity], facts: Sequence[Fact]
) -> dict[tuple[str, float], list[frozenset[str]]]:
    """For each quantity, the groups of the facts whose span holds it ("L knee flexion 118°"
    holds 118° as a fact of the group "rom")."""
    owners = _owners_by_interval(found, facts)
    held: dict[tuple[str, float], list[frozenset[str]]] = {}
    for quantity, groups in zip(found, owners, strict=True):
        held.setdefault((quantity.unit_class, round(quantity.value, 3)), []).append(
            frozenset(groups)
        )
    return held


def _owners_by_interval(found: Sequence[Quantity], facts: Sequence[Fact]) -> list[set[str]]:
    """The groups of the facts sharing a character with each quantity, without walking the
    characters: a fact shares one with a quantity when each starts before the other ends (both
    non-empty), and only quantities starting less than the longest one's length before the
    fact can. Spans need not be in order (a table's columns are read out of order)."""
    order = sorted(
        (index for index, quantity in enumerate(found) if quantity.span[0] < quantity.span[1]),
        key=lambda index: found[index].span[0],
    )
    starts = [found[index].span[0] for index in order]
    longest = max((found[index].span[1] - found[index].span[0] for index in order), default=0)
    held: list[set[str]] = [set() for _ in found]
    for fact in facts:
        start, end = fact.span
        if start >= end:
            continue
        group = _group(fact)
        first = bisect.bisect_right(starts, start - longest)
        for at in range(first, bisect.bisect_left(starts, end)):
            index = order[at]
            if found[index].span[1] > start:
                held[index].add(group)
    return held


def _quantity_starts(found: Sequence[Quantity]) -> dict[tuple[str, float], list[int]]:
    """Where each quantity starts, in the order `_held_quantities` lists them."""
    starts: dict[tuple[str, float], list[int]] = {}
    for quantity in found:
        starts.setdefault((quantity.unit_class, round(quantity.value, 3)), []).append(
            quantity.span[0]
        )
    return starts


def verify(note_text: str, draft_text: str, measures: Sequence[str] = ()) -> Verification:
    """Compare a draft with the note it was drafted from."""
    note = _Side.read(note_text, measures)
    draft = _Side.read(draft_text, measures, guesses=True)
    missing = [fact for fact in note.facts if not _carried(fact, draft, note_text)]
    missing += [
        fact
        for fact in missing_counts(note_text, normalize(draft_text), note.facts)
        if not _none_said(fact, draft)
    ]
    derived = _derived_values(note.facts)
    derived["billing"] = _billing_numbers(note_text)
    note_days: list[frozenset[tuple[int, int]]] = []
    unsupported = [
        fact
        for fact in draft.facts
        if not (draft.same_guess(fact) and note.same_guess(fact))
        and not _a_note_date(fact, draft, note, note_days)
        and not day_of_named_month(draft.text, fact.span)
        and not _supported(
            fact, note, derived, changed=_says_change(draft.text, fact.span), draft=draft
        )
    ]
    unsupported += _swapped_times(draft, note, unsupported)
    unsupported += _swapped_unread(draft, note, unsupported)
    unsupported += _targets_as_today(draft, note, unsupported)
    unsupported += _unsupported_quantities(draft, note, derived)
    unsupported += _unsupported_changes(draft, note, derived)
    unsupported += _unsupported_dates(draft, note)
    unsupported += _unsupported_named_scores(draft, note, derived)
    note_fractions = fractions(note.normalized)
    unsupported += unsupported_counts(normalize(draft_text), note_fractions)
    unsupported += _unsupported_unlisted(draft, note, note_fractions, unsupported)
    read = (*draft.facts, *(fact for facts in draft.guessed.values() for fact in facts))
    unsupported += changed_counts(draft.text, read, draft.blocked, note.normalized)
    unsupported = _not_copied(unsupported, draft, note)
    unsupported.sort(key=lambda fact: fact.span)
    return Verification(missing=missing, unsupported=unsupported)


def _not_copied(unsupported: list[Fact], draft: _Side, note: _Side) -> list[Fact]:
    """The draft values left once those in a sentence copied word for word from the note are
    taken out, where the note writes the value in that sentence as a fact or leaves it unread
    (copied.py). The note's sentences are indexed only when a value is reported."""
    if not unsupported:
        return unsupported
    index = sentence_index(note.text)
    return [fact for fact in unsupported if not _copied(fact, draft, note, index)]


def _copied(fact: Fact, draft: _Side, note: _Side, index: dict[str, list[tuple[int, int]]]) -> bool:
    value = _numeric(fact)
    if value is None:
        return False
    for start, end in copied_from(draft.text, fact.span[0], index):
        if any(start <= at < end for at in note.loose_at.get(value, ())):
            return True
        if any(start <= f.span[0] < end and _numeric(f) == value for f in note.facts):
            return True
    return False


def _none_said(count: Fact, draft: _Side) -> bool:
    """A count of zero of a thing ("0 falls") the draft says as none of it ("No falls")."""
    noun = count.unit or ""
    return (
        count.value == 0
        and not noun.startswith("/")
        and said_as_none(_label_words(noun), draft.normalized)
    )


def _a_note_date(
    fact: Fact, draft: _Side, note: _Side, days: list[frozenset[tuple[int, int]]]
) -> bool:
    """A draft's "score" on a name the tables do not list, written "M/D", that the note writes
    as a date ("inpatient rehab 3/22-4/8" drafted "Inpatient rehabilitation 3/22-4/8"): the
    note's date, not a score. The note's dates are read only when a draft asks."""
    if fact.kind != "outcome" or fact.measure in _known_measures():
        return False
    written = month_day(draft.text[fact.span[0] : fact.span[1]])
    if written is None:
        return False
    if not days:
        days.append(month_days(note.text, (f.span for f in note.facts)))
    return written in days[0]


def _earlier(fact: Fact) -> bool:
    return "(previous)" in fact.label


def _swapped_times(draft: _Side, note: _Side, reported: Sequence[Fact]) -> list[Fact]:
    """Draft values given today's time that the note gives only as an earlier value, where
    the draft gives the note's value of today as the earlier one ("KOOS JR rose from 62.4 at
    evaluation to 47.5" for the note's 47.5 then, 62.4 now): each value has its own fact in
    the note, but not at that time. Only a swap is reported, both halves read, so a reader
    that misses "(previous)" in one text costs no false alarm. Today's value is looked for
    among the note's facts written next to the earlier one, which keeps this linear."""
    order = sorted(range(len(note.facts)), key=lambda i: note.facts[i].span)
    place = {id(note.facts[index]): at for at, index in enumerate(order)}
    skip = {id(fact) for fact in reported}
    found = []
    for fact in draft.facts:
        if _earlier(fact) or id(fact) in skip or _numeric(fact) is None:
            continue
        same = note.by_value.get((_group(fact), _key(fact.value)), [])
        own = [other for other in same if _compatible(fact, other)]
        if not own or not all(_earlier(other) for other in own):
            continue
        near = _written_near(order, place, own)
        todays = [
            later
            for later in (note.facts[index] for index in sorted(near))
            if _group(later) == _group(fact)
            and not _earlier(later)
            and not _same_value(later, fact)
            and _compatible(replace(later, value=fact.value), fact)
        ]
        if any(_swapped_with(fact, later, draft) for later in todays):
            found.append(replace(fact, label=f"{fact.label} (the note's earlier value)"))
    return found


def _written_near(order: list[int], place: dict[int, int], facts: Sequence[Fact]) -> set[int]:
    """The indexes of the note's facts written within a few facts of any of `facts`
    (`order`: fact indexes by span; `place`: a fact's place in that order)."""
    return {
        order[at]
        for fact in facts
        for at in range(
            max(0, place[id(fact)] - _CHANGE_REACH),
            min(len(order), place[id(fact)] + _CHANGE_REACH + 1),
        )
    }


def _swapped_unread(draft: _Side, note: _Side, reported: Sequence[Fact]) -> list[Fact]:
    """The note's earlier value written as today's where the draft's reader read only the
    other half of the swap ("KOOS JR rose from 62.4 at evaluation to 47.5" for the note's 47.5
    then, 62.4 now, the 47.5 read as no fact): a draft value given as earlier that the note
    has only as today's, with the note's earlier value of the same thing (among the note's
    facts written next to today's, which keeps this linear) written in the same draft sentence
    and read there as no fact at all. The number is reported where the draft writes it."""
    order = sorted(range(len(note.facts)), key=lambda i: note.facts[i].span)
    place = {id(note.facts[index]): at for at, index in enumerate(order)}
    skip = {id(fact) for fact in reported}
    found: list[Fact] = []
    for fact in draft.facts:
        if not _earlier(fact) or id(fact) in skip or _numeric(fact) is None:
            continue
        if _comes_to(draft.text, fact.span):
            continue  # "27.4 to 25.9 cm": the value it came to, whatever its label says
        same = [
            other
            for other in note.by_value.get((_group(fact), _key(fact.value)), [])
            if _compatible(fact, other)
        ]
        if not same or any(_earlier(other) for other in same):
            continue
        near = _written_near(order, place, same)
        earlier = {
            value
            for other in (note.facts[index] for index in near)
            if _earlier(other)
            and _group(other) == _group(fact)
            and not _same_value(other, fact)
            and _compatible(replace(other, value=fact.value), fact)
            and (value := _numeric(other)) is not None
        }
        if earlier:
            found += _unread_in_sentence(fact, earlier, draft)
    return found


def _unread_in_sentence(fact: Fact, values: set[float], draft: _Side) -> list[Fact]:
    """Each of `values` written as digits in `fact`'s draft sentence after it, held by no draft
    fact."""
    line, line_start = line_at(draft.text, fact.span[0])
    sentence = sentence_at(draft.text, fact.span[0])
    start = line_start + line.find(sentence)
    held = [other.span for other in draft.facts]
    found = []
    for number in ANY_NUMBER.finditer(draft.text, fact.span[1], start + len(sentence)):
        at = number.start()
        if float(number.group()) not in values or any(s <= at < e for s, e in held):
            continue
        label = f"{fact.label.replace('(previous)', '').strip()} (the note's earlier value)"
        value = to_number(_plain(float(number.group())))
        found.append(replace(fact, value=value, label=label, span=number.span()))
    return found


def _targets_as_today(draft: _Side, note: _Side, reported: Sequence[Fact]) -> list[Fact]:
    """Draft values of today that the note writes only where its readers block them (a goal
    column, a target), on a line whose value of today for the same thing the draft nowhere
    gives as today's ("flexes to 115°" where the note's row reads 88° | 112° | goal 115°). A
    target the draft restates as a target, or a threshold it words differently, keeps the
    note's value of today and is left alone."""
    skip = {id(fact) for fact in reported}
    by_start: list[Fact] = []  # the note's facts in text order, sorted when first needed
    fact_starts: list[int] = []
    found = []
    for fact in draft.facts:
        value = _numeric(fact)
        if value is None or id(fact) in skip or _earlier(fact) or "goal" in fact.label.lower():
            continue
        if fact.kind == "service" or note.same_fact(fact):
            continue
        key_classes = _CLASSES_OF_KIND.get(fact.kind, ()) + tuple(
            c for c in (_unit_class(fact.unit or ""),) if c is not None
        )
        starts = [
            start
            for unit_class in key_classes
            for start in note.starts.get((unit_class, round(value, 3)), ())
        ]
        if not starts or not all(start in note.blocked for start in starts):
            continue
        if not by_start:
            by_start.extend(sorted(note.facts, key=lambda other: other.span[0]))
            fact_starts.extend(other.span[0] for other in by_start)
        if any(
            _today_left_out(fact, start, draft, note, by_start, fact_starts) for start in starts
        ):
            found.append(replace(fact, label=f"{fact.label} (the note's target, not today's)"))
    return found


def _today_left_out(
    fact: Fact,
    start: int,
    draft: _Side,
    note: _Side,
    by_start: Sequence[Fact],
    fact_starts: Sequence[int],
) -> bool:
    """The note's value of today on the line at `start`, of the same thing as `fact`, that
    the draft nowhere gives as today's."""
    line, line_start = line_at(note.text, start)
    first = bisect.bisect_left(fact_starts, line_start)
    last = bisect.bisect_left(fact_starts, line_start + len(line))
    for other in by_start[first:last]:
        if _earlier(other):
            continue
        if _group(other) != _group(fact) or _same_value(other, fact):
            continue
        if not _compatible(replace(other, value=fact.value), fact):
            continue
        written = draft.by_value.get((_group(other), _key(other.value)), [])
        if not any(_compatible(w, other) and not _earlier(w) for w in written):
            return True
    return False


def _swapped_with(fact: Fact, later: Fact, draft: _Side) -> bool:
    """The draft gives the note's value of today (`later`) as an earlier value of the same
    thing as `fact`, and nowhere as today's."""
    written = [
        other
        for other in draft.by_value.get((_group(later), _key(later.value)), [])
        if _compatible(other, later) and _compatible(replace(other, value=fact.value), fact)
    ]
    return bool(written) and all(_earlier(other) for other in written)


def quantities(text: str, *, measurements_only: bool = False) -> list[Quantity]:
    """Every number written with a recognised unit, spans in the original text.

    With `measurements_only`, numbers in dates, doses, durations, thresholds ("> 13.5 s"),
    reference values and goals are left out: they are not this visit's measurements.
    """
    return [q for q, blocked in _quantities(text) if not (measurements_only and blocked)]


@lru_cache(maxsize=8)
def _quantities(text: str) -> tuple[tuple[Quantity, bool], ...]:
    """Each quantity with whether the rules say it is not a measurement; read once a text."""
    scanner = non_measurements(text)
    found = []
    for match in _QUANTITY.finditer(scanner.text):
        unit_class = next(name for name, group in match.groupdict().items() if group is not None)
        quantity = Quantity(
            value=float(match.group(1)),
            unit_class=unit_class,
            unit=match.group(unit_class).strip(),
            span=scanner.span(match.start(), match.end()),
        )
        found.append((quantity, scanner.is_blocked(match.start(1), match.end(1))))
    return tuple(found)


def _units_kept(facts: Sequence[Fact], found: Sequence[Quantity]) -> tuple[Fact, ...]:
    """A draft's facts without the angles, loads and girths whose number is written with a
    unit of another class ("hold, left / right: 12 / 20 s" read as angles): such a number is
    checked as the quantity it is written as."""
    units = {quantity.span[0]: quantity.unit_class for quantity in found}
    return tuple(
        fact
        for fact in facts
        if fact.kind not in _UNITS_OF_KIND
        or units.get(fact.span[0]) in (None, *_UNITS_OF_KIND[fact.kind], *_WHOLES)
    )


# The unit classes a kind's values are written in: a number written with another unit is none
# of them (a range of motion is in degrees, or in millimetres or centimetres for a jaw opening
# or a fingertip-to-floor distance).
_UNITS_OF_KIND = {"rom": ("deg", "length"), "strength": ("weight",), "girth": ("length",)}
# Unit classes that are a whole or a count written after a value ("7.0/5.5" reads "/5"), not a
# unit of measurement: they say nothing against a kind.
_WHOLES = ("ratio10", "grade5", "points", "units")


def _shared(text: str) -> tuple[Quantity, ...]:
    """The bare numbers that take the unit of the run they open ("28.8 / 25.0 cm"): a
    draft's values, carried and checked as if written with the unit."""
    return tuple(
        Quantity(value=run.value, unit_class=run.unit_class, unit=run.unit, span=run.span)
        for run in shared_units(text)
    )


def dates_in(text: str) -> set[tuple[int, int, int]]:
    """Dates written in the text as (year, month, day); two-digit years read as 20xx; days
    said in words ("the fourteenth of July") too. Read in the text as written as well as
    normalised: a table's heading ("<th>Eval 01/05/2037</th>") is a date the note gives,
    however normalising rewrites the heading."""
    normalized = normalize(text).text
    found = _dates_written(_RANGE_DASH.sub(" ", normalized))
    return found if normalized == text else found | _dates_written(_RANGE_DASH.sub(" ", text))


def _dates_written(text: str) -> set[tuple[int, int, int]]:
    found: set[tuple[int, int, int]] = set()
    for match in matches(DATE_ISO, text):
        found.add((int(match.group(1)), int(match.group(2)), int(match.group(3))))
    for match in matches(DATE_SLASH, text):
        year = int(match.group(4))
        year += 2000 if year < 100 else 0
        first, second = int(match.group(1)), int(match.group(3))
        found.add((year, first, second))
        found.add((year, second, first))
    for match in matches(DATE_WORDS, text):
        month_name = match.group(1) or match.group(5)
        day_text = match.group(2) or match.group(4)
        year_text = match.group(3) or match.group(6)
        month = MONTH_NAMES.get(month_name[:3].lower(), 0)
        found.add((int(year_text) if year_text else 0, month, int(day_text)))
    found |= said_dates(text)
    return {d for d in found if _plausible(d)}


# The dash of a date range between two full dates ("03/15/2032-05/09/2032"), read as a space so
# the second date is read too (the same length, so positions hold).
_RANGE_DASH = re.compile(r"(?<=\d)-(?=\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?!\d))")


def _plausible(day: tuple[int, int, int]) -> bool:
    year, month, dom = day
    try:
        date(year or 2000, month, dom)
    except ValueError:
        return False
    return True


# -- the note's facts in the draft ---------------------------------------------------------------


def _group(fact: Fact) -> str:
    """Facts in one group can stand for each other (an NPRS score is a pain rating)."""
    if fact.kind == "outcome" and fact.measure == "NPRS":
        return "pain"
    if fact.kind == "outcome":
        return f"outcome:{_measure_key(fact.measure)}"
    if fact.kind == "service":
        return f"service:{fact.cpt}"
    return fact.kind


def _measure_key(measure: str | None) -> str | None:
    """A known instrument by its own name; a name chartdesk does not know by its letters alone,
    since a draft writes it its own way ("mini best test" in a dictation, "Mini best test" in
    the draft made from it)."""
    if measure is None or measure in _known_measures():
        return measure
    return instrument_key(measure)


def _same_value(a: Fact, b: Fact) -> bool:
    if isinstance(a.value, str) or isinstance(b.value, str):
        return str(a.value) == str(b.value)
    return abs(float(a.value) - float(b.value)) < _EPSILON


def _equal(a: float, b: float) -> bool:
    return abs(a - b) < _EPSILON


def _numeric(fact: Fact) -> float | None:
    if fact.kind == "service" and fact.minutes is not None:
        return float(fact.minutes)
    return None if isinstance(fact.value, str) else float(fact.value)


def _carried(fact: Fact, draft: _Side, note_text: str = "") -> bool:
    """True when the draft states the note's fact, in any wording the extractor reads."""
    if draft.same_fact(fact, note_text) or _kin(fact, note_text, draft):
        return True
    if _verbatim(fact, note_text, draft):
        return True
    if note_text and written_alike(fact, note_text, draft.sentences.texts_with, _parts_agree):
        return True
    if fact.kind == "mmt":
        return str(fact.value) in draft.grades
    value = _numeric(fact)
    if value is None:
        return _all_numbers_in(str(fact.value), draft.numbers)
    if fact.kind == "outcome":
        if fact.measure not in _known_measures():
            return _unlisted_carried(fact, value, draft)
        return (
            draft.said_near(f"measure:{fact.measure}", value)
            or _variant_said(fact, value, draft)
            or _converted_near(fact, value, draft)
        )
    if fact.kind == "other":
        return _other_carried(fact, value, draft)
    if fact.kind == "service":
        return draft.said_near(f"service:{fact.cpt}", value) or _service_in_words(
            fact, value, draft, note_text
        )
    return draft.has_quantity(
        _CLASSES_OF_KIND.get(fact.kind, ()), value, _group(fact)
    ) or draft.converted.converts_to(value, fact.unit or "")


def _service_in_words(fact: Fact, minutes: float, draft: _Side, note_text: str) -> bool:
    """A service the draft names in the note's words but by no code or name its reader knows
    ("Orthotic fabrication, fit and training, 34 min" for the note's "97760 orthotic
    fabrication, fit and training 34 min", or in a table row's first cell): its minutes, held
    by no other service, in a draft sentence sharing describing words with the note's service
    line, and no minutes of that code read in the draft (a changed minute count stays a
    dropped fact)."""
    if not note_text or fact.cpt in draft.service_codes:
        return False
    line, line_start = line_at(note_text, fact.span[0])
    before = line[: fact.span[0] - line_start]
    opening = before[max(before.rfind(digit) for digit in "0123456789") + 1 :]
    if before.lstrip().startswith("|"):  # a table's row: the service is named in its first cell
        opening = before.lstrip()[1:].split("|", 1)[0]
    own = set(describing_words(opening + note_text[fact.span[0] : fact.span[1]]))
    key = ("minutes", round(minutes, 3))
    return any(
        start not in draft.blocked
        and not any(group.startswith("service:") for group in groups)
        and len(own & set(describing_words(sentence_at(draft.text, start))))
        >= _SHARED_SERVICE_WORDS
        for start, groups in zip(draft.starts.get(key, ()), draft.held.get(key, ()), strict=True)
    )


# Describing words a draft's sentence must share with the note's service line to be about it.
_SHARED_SERVICE_WORDS = 2


def _converted_near(fact: Fact, value: float, draft: _Side) -> bool:
    """A score in a unit the draft gives in another ("6MWT 312 m (1024 ft)" drafted "312 m"),
    the converted value in a sentence about the measure."""
    if not draft.converted.converts_to(value, fact.unit or ""):
        return False
    topic = draft.topics.get(f"measure:{fact.measure}", set())
    return any(draft.converted.converts_to(value, fact.unit or "", only=number) for number in topic)


def _variant_said(fact: Fact, value: float, draft: _Side) -> bool:
    """A score on a form of a test ("TUG-cognitive 19.6 s") written, with its unit, in a
    sentence that names the test and the words of its form ("the Timed Up and Go took 13.9
    seconds; with a cognitive task it took 19.6 seconds")."""
    measure = fact.measure or ""
    unit_class = _unit_class(fact.unit or "")
    heads = [head for head in _variants(measure) if _heads(head, measure)]
    if unit_class is None or not heads:
        return False
    for head in heads:
        forms = [_label_words(alias) - _alias_words(head) for alias in _aliases(measure)]
        allowed = {_group(fact), f"outcome:{_measure_key(head)}"}
        key = (unit_class, round(value, 3))
        for start, groups in zip(draft.starts.get(key, ()), draft.held.get(key, ()), strict=True):
            if not groups <= allowed:
                continue
            sentence = sentence_at(draft.text, start)
            said = set(_WORDS.findall(sentence.lower()))
            if any(form and form <= said for form in forms) and _spelled(head).search(sentence):
                return True
    return False


def _aliases(measure: str) -> tuple[str, ...]:
    return next((m.aliases for m in measure_defs() if m.name == measure), (measure,))


@cache
def _alias_words(measure: str) -> frozenset[str]:
    """Every word of every name of an instrument ("timed", "and", "tug" for TUG)."""
    return frozenset(word for alias in _aliases(measure) for word in _label_words(alias))


def _unlisted_carried(fact: Fact, value: float, draft: _Side) -> bool:
    """A score on an instrument the tables do not list is carried by the same score named so
    that it can be the same instrument, or by the value in a sentence that names it or says
    the rest of its label ("School total T-score 66" under an SPM-2 line). Only when
    the draft names the instrument nowhere (it calls it something else entirely) does the
    number anywhere in the draft do."""
    name = fact.measure or ""
    if draft.same_unlisted(fact):
        return True
    named = {draft.sentences.index(at) for at in draft.word_index().named_at(name)}
    if named & set(draft.sentences.by_number.get(value, ())):
        return True
    own = _label_words(fact.label) - _label_words(name)  # "SPM-2 School total": school, total
    if own and any(own <= words for words in draft.sentences.words_with(value)):
        return True
    return value in draft.numbers and not named


def _other_carried(fact: Fact, value: float, draft: _Side) -> bool:
    """A value of no kind of its own is carried by the same number with a unit of its class
    ("DNF endurance 24 s" by "24 s", never by "NDI 24%"), or, without a unit, by the number in
    a sentence that says what it is of (a word of its label) or anywhere when it has no label."""
    unit_class = _unit_class(fact.unit or "")
    if unit_class is not None:
        return (
            draft.has_quantity((unit_class,), value, unit=fact.unit or "")
            or quantity_key(unit_class, value, fact.unit or "") in draft.fact_quantities
            or draft.converted.converts_to(value, fact.unit or "")
        )
    named = _label_words(fact.label)
    if not named:
        return value in draft.numbers
    if value == 0 and said_as_none(named, draft.normalized):
        return True
    return any(named & words for words in draft.sentences.words_with(value)) or _abbreviated(
        fact, value, draft
    )


_WORDS = re.compile(r"[a-z]{3,}")
# Label words that say nothing of what a value is of.
_EMPTY_LABEL_WORDS = frozenset({"value", "previous", "deficit", "range", "start", "not", "the"})


def _label_words(label: str) -> frozenset[str]:
    return frozenset(_WORDS.findall(label.lower())) - _EMPTY_LABEL_WORDS


@cache
def _known_measures() -> frozenset[str]:
    return frozenset(measure.name for measure in measure_defs())


def _all_numbers_in(value: str, numbers: frozenset[float]) -> bool:
    """A value like "128/82": every number in it appears in the other text."""
    found = [float(m.group()) for m in ANY_NUMBER.finditer(value)]
    return bool(found) and all(number in numbers for number in found)


# The matches of r"(?<![\d.])([0-5][+-]?)\s*/\s*5(?!\d)", the check after the first digit.
_GRADE_SLASH = re.compile(r"([0-5](?<![\d.][0-5])[+-]?)\s*/\s*5(?!\d)")
_GRADE_BARE = re.compile(r"(?<![\w.+\-/])([0-5][+-]?)(?![\d+\-/])")
_MMT_WORDS = led(_MMT_CONTEXT, "mmt", "strength", "muscle", "grade")


def _grades_written(text: str) -> frozenset[str]:
    """Every grade written as "4-/5", or as "4-" in a sentence about strength, read once: the
    strength words are found in one search of the text, and only their sentences (split at
    full stops and line ends) are read for bare grades."""
    grades = {match.group(1) for match in _GRADE_SLASH.finditer(text)}
    read: set[int] = set()
    for word in _MMT_WORDS.finditer(text):
        at = word.start()
        start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
        if start in read:
            continue
        read.add(start)
        ends = [end for end in (text.find(".", at), text.find("\n", at)) if end >= 0]
        sentence = text[start : min(ends, default=len(text))]
        grades |= {match.group(1) for match in _GRADE_BARE.finditer(sentence)}
    return frozenset(grades)


# -- the draft's values in the note -----------------------------------------------------------


def _supported(
    fact: Fact,
    note: _Side,
    derived: dict[str, set[float]],
    *,
    changed: bool = False,
    draft: _Side | None = None,
) -> bool:
    """True when the note backs a fact found in the draft: its own fact in the note, or, for
    a fact the draft calls a change, a change between two of the note's facts of its group
    (a value of no kind of its own: of a group the draft's sentence names)."""
    value = _numeric(fact)
    if (
        value is not None
        and draft is not None
        and grid_contradicts(note.text, draft.text, _value_at(fact, value, draft), value)
    ):
        return False  # the draft names a cell of the note's table that holds another number
    if value is not None and _other_size(fact, value, note):
        return False
    if note.same_fact(fact, draft.text if draft is not None else ""):
        return True
    if fact.kind == "outcome" and note.same_unlisted(fact):
        return True
    if draft is not None and (_kin(fact, draft.text, note) or _verbatim(fact, draft.text, note)):
        return True
    if draft is not None and _noun_alike(fact, draft.text, note):
        return True
    if draft is not None and written_alike(
        fact, draft.text, note.sentences.texts_with, _parts_agree
    ):
        return True
    if changed and value is not None and fact.kind != "service":
        if _in_derived(value, derived, _group(fact), percent=fact.unit == "%"):
            return True
        if fact.kind == "other" and _in_derived(
            value, derived, percent=fact.unit == "%", near=draft
        ):
            return True
    if fact.kind == "rom" and value is not None and _loose_on_motion_line(fact, value, note):
        return True
    held = note.by_value.get((_group(fact), _key(fact.value)), ())
    if any(_units_agree(fact.unit, other.unit) for other in held):
        return False  # the note has this value, but for another side or motion
    if value is not None and draft is not None and value in note.loose:
        at = _value_at(fact, value, draft)
        if grid_backs(note.text, draft.text, at, value, fact.unit or ""):
            return True
    if fact.kind == "mmt":
        return str(fact.value) in note.grades
    if value is None:
        return _all_numbers_in(str(fact.value), note.numbers)
    if fact.kind == "service":
        return _service_supported(fact, value, note, draft)
    percent_of_max = fact.unit == "%" and round(value, 1) in derived.get(_percent_pool(fact), set())
    if fact.kind == "other":
        return percent_of_max or _other_supported(fact, value, note, draft)
    if fact.kind == "outcome":
        return (
            percent_of_max
            or _stated_for_measure(fact, value, note)
            or _unnamed_supported(fact, value, note)
            or _stated_for_item(fact, value, note)
            or _on_measure_line(fact, value, note)
            or _in_fraction_run(fact, value, note)
        )
    if note.has_quantity(_CLASSES_OF_KIND.get(fact.kind, ()), value):
        return True
    if note.converted.converts_to(value, fact.unit or ""):
        return True
    # a value the note states in a sentence about the same thing but its reader could not
    # classify (so it is neither some other fact nor a dose or a date)
    return value in note.loose and (
        (note.unread_near(fact.kind, value) and not _counted_only(fact, value, note))
        or _other_side_after(fact, value, note)
        or (
            fact.kind == "rom"
            and draft is not None
            and _loose_on_subject(fact, value, draft.text, note)
        )
        or (draft is not None and _in_unit_row(fact, value, draft, note))
        or (
            fact.kind == "pain"
            and rating_continued(
                fact.label, value, note.text, note.loose_at.get(value, ()), note.pain_lines
            )
        )
    )


def _value_at(fact: Fact, value: float, draft: _Side) -> int:
    """Where the fact's own number is written in the draft (its span may hold its name)."""
    start, end = fact.span
    return next(
        (
            m.start()
            for m in ANY_NUMBER.finditer(draft.text, start, end)
            if _equal(to_number(m.group()), value)
        ),
        start,
    )


def _counted_only(fact: Fact, value: float, note: _Side) -> bool:
    """A pain rating whose number the note writes bare only as a count of things ("3 flights"
    on its pain line): no rating of the note's (pain_answers.py)."""
    return fact.kind == "pain" and only_counted(note.text, note.loose_at.get(value, ()))


def _in_unit_row(fact: Fact, value: float, draft: _Side, note: _Side) -> bool:
    """A girth or a strength the note writes bare in a row that gives the unit to another
    value, about what the draft's clause is about (row_units.py)."""
    unit_class = _unit_class(fact.unit or "")
    if fact.kind not in ("girth", "strength") or unit_class is None:
        return False
    side = labels.parts_of(fact.label).side
    starts = note.loose_at.get(value, ())
    return row_backs(draft.text, fact.span[0], value, unit_class, side, note.text, starts)


_DEGREES = re.compile(r"\bdeg\w*|\u00b0", re.IGNORECASE)
_UNIT_WORDS = {"rom": _DEGREES}


def _other_side_after(fact: Fact, value: float, note: _Side) -> bool:
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


def _unnamed_supported(fact: Fact, value: float, note: _Side) -> bool:
    """A subtest score the draft gives no instrument ("School total T-score 66" on a line of
    its own) is the note's score of the same value whose label names the same subtest (the note
    read it under the instrument named earlier in its sentence)."""
    if fact.measure is not None:
        return False
    own = _label_words(fact.label) - _SCORE_KIND_WORDS
    return bool(own) and any(
        other.kind == "outcome"
        and _numeric(other) == value
        and own <= _label_words(other.label) | _label_words(other.measure or "")
        for other in note.facts
    )


# Words of the kind of a score, not of what it is of ("raw", "scaled", "t-score").
_SCORE_KIND_WORDS = frozenset(
    {"raw", "score", "scaled", "standard", "std", "composite", "quotient", "index"}
)


# After a measure's value, the next value of the same measure: a unit, a separator, then a
# lower-case qualifier or a side ("| fast 1.21", ", L 24").
_QUALIFIED_NEXT = re.compile(
    r"[ \t]*(?:[a-z%/\u00b0]+(?:/[a-z]+)?)?[ \t]*[,;|/]?[ \t]*(?:[a-z][a-z \t-]{0,20}|[RL])"
    r"[ \t]*[:=]?[ \t]*(\d+(?:\.\d+)?)"
)
# After a measure's value, its value at the next time an arrow leads to ("17/28 -> 22/28",
# "0.92 -> 1.12 m/s"): a whole or a unit, then the arrow.
_ARROW_NEXT = re.compile(
    r"(?:[ \t]*/[ \t]*\d+)?[ \t]*(?:[a-z%\u00b0]+(?:/[a-z]+)?)?[ \t]*(?:->|\u2192|=>)[ \t]*"
    r"(\d+(?:\.\d+)?)"
)


def _next_value(text: str, at: int) -> re.Match[str] | None:
    return _QUALIFIED_NEXT.match(text, at) or _ARROW_NEXT.match(text, at)


def _stated_for_measure(fact: Fact, value: float, note: _Side) -> bool:
    """A score the note writes beside the measure's name but its reader could not classify
    ("QuickDASH ..... 27.3 vs 61.4"), or read as a value of no kind ("dyspnea 3/10 (modified
    Borg)"), or leaves unread in a sentence about a form of the same test (`_variants`):
    supported, as a value of another kind in the same case is."""
    unread = value in note.loose or any(
        other.kind == "other" and _numeric(other) == value for other in note.facts
    )
    if not unread or not fact.measure:
        return False
    if value in note.loose and any(
        note.said_near(f"measure:{kin}", value) for kin in _variants(fact.measure)
    ):
        return True
    return value in _numbers_after_name(
        note.normalized, fact.measure, note.text
    ) or value in _numbers_after_mentions(note, fact.measure)


def _in_fraction_run(fact: Fact, value: float, note: _Side) -> bool:
    """A score out of a whole the note writes in a run of such scores right after the
    instrument's name ("Kapandji: 8/10 / 10/10"), whatever its readers took the value for
    (name_runs.py); a goal or threshold in the run is no score. A listed instrument's mentions
    are those the note's reading found; another name is looked for in any spelling."""
    whole = _WHOLE_UNIT.fullmatch(fact.unit or "")
    measure = fact.measure or ""
    if whole is None or not measure:
        return False
    if measure in _known_measures():
        ends = [end for name, end in note.names_end if name == measure]
        run = fraction_run_after(note.normalized, ends, float(whole.group(1)))
    else:
        run = fraction_run(note.normalized, measure, float(whole.group(1)))
    scanner = non_measurements(note.text)
    return any(
        count == value and not scanner.is_blocked(at, at + len(_plain(count))) for count, at in run
    )


_WHOLE_UNIT = re.compile(r"/[ \t]*(\d+)")


def _stated_for_item(fact: Fact, value: float, note: _Side) -> bool:
    """An item score ("FIM Toileting 4") on a note line that writes the value and names the
    item, in a note that names the instrument: a list of items under its heading."""
    measure = fact.measure or ""
    named = _label_words(measure)
    item = [word for word in _WORDS.findall(fact.label.lower()) if word not in named]
    if not item or not _names_measure(note.normalized, measure):
        return False
    return any(names_item(item, line) for line in note.sentences.texts_with(value))


def _on_measure_line(fact: Fact, value: float, note: _Side) -> bool:
    """A score the note writes with a unit of the same class after the instrument's name on
    its line, no other instrument named between and no other fact holding it ("T25FW 9.8 s
    (mean of 2 trials; 11.2 s on 12/15/27)", "SPADI 68% / 18%")."""
    unit_class = _unit_class(fact.unit or "")
    measure = fact.measure or ""
    if unit_class is None or not measure:
        return False
    for start in note.unread_quantities(unit_class, value, _group(fact)):
        if start in note.blocked:
            continue  # a goal, a threshold or a dose on the line, not this visit's score
        line, line_start = line_at(note.text, start)
        before = line[: start - line_start]
        named = list(_spelled(measure).finditer(before))
        if named and not acronyms(before[named[-1].end() :], not_instruments()):
            return True
    return False


@cache
def _spelled(measure: str) -> re.Pattern[str]:
    """The instrument's name in any of its spellings, as whole words."""
    return re.compile(
        rf"(?<![A-Za-z0-9])(?:{'|'.join(re.escape(a) for a in _aliases(measure))})(?![A-Za-z0-9])",
        re.IGNORECASE,
    )


@lru_cache(maxsize=32)
def _names_measure(text: str, measure: str) -> bool:
    return names_instrument(text, measure)


@cache
def _variants(measure: str) -> tuple[str, ...]:
    """The listed instruments that are a form of this one or of which it is a form: their
    names share a head ("TUG" and "TUG-cognitive", "HOOS" and "HOOS JR"). A note that names the
    test and then its variant ("timed up and go 11.4 s, with the cognitive task 15.9") supports
    the draft's score on the variant."""
    return tuple(
        other
        for other in _known_measures()
        if other != measure and (_heads(other, measure) or _heads(measure, other))
    )


def _heads(head: str, name: str) -> bool:
    return name.startswith(head) and not name[len(head) : len(head) + 1].isalnum()


@lru_cache(maxsize=256)
def _numbers_after_name(text: str, name: str, original: str = "") -> frozenset[float]:
    """The numbers written after each mention of `name` (a measure the tables may not know):
    the next number on its line with only a few words between ("tracing: 5/8" gives 5), then
    each further one that a lower-case qualifier or a side introduces ("10MWT comfortable
    0.86 m/s | fast 1.21 m/s"). Another name in capitals ends the run, so "DHI 30, SF-36"
    gives 30, never 36; with the `original` text, a number its readers block (a threshold, a
    goal) is left out. Found once per text and name however many draft values ask."""
    pattern = re.compile(rf"{spelled_loosely(name)}{GAP}({ANY_NUMBER.pattern})", re.IGNORECASE)
    found: set[float] = set()
    # a threshold, a goal or a dose after the name ("Berg < 45") is no score of the test
    scanner = non_measurements(original) if original else None
    for match in pattern.finditer(text):
        if scanner is not None and scanner.is_blocked(match.start(1), match.end(1)):
            continue
        found.add(float(match.group(1)))
        at = match.end()
        while (step := _next_value(text, at)) is not None:
            found.add(float(step.group(1)))
            at = step.end()
    return frozenset(found)


# After a measure's mention, its first number: a few characters without a digit or line break.
_FIRST_AFTER = re.compile(rf"{GAP}({ANY_NUMBER.pattern})")


def _numbers_after_mentions(note: _Side, measure: str) -> set[float]:
    """The numbers after each mention of a listed measure in any of its names (the note's
    "Oswestry 36% comma it was 50 at evaluation" for ODI), read as `_numbers_after_name` reads
    them, blocked numbers left out."""
    scanner = non_measurements(note.text)
    found: set[float] = set()
    for name, end in note.names_end:
        if name != measure:
            continue
        match = _FIRST_AFTER.match(note.normalized, end)
        if match is None or scanner.is_blocked(match.start(1), match.end(1)):
            continue
        found.add(float(match.group(1)))
        at = match.end()
        while (step := _next_value(note.normalized, at)) is not None:
            found.add(float(step.group(1)))
            at = step.end()
    return found


def _other_supported(fact: Fact, value: float, note: _Side, draft: _Side | None = None) -> bool:
    """A value with no kind of its own ("step length 48 cm", "cadence 164"): with a unit, the
    note must give the same quantity (a number in a unit of the same class, converted where
    the unit converts: "61 cm" backs no "61 mm"), or as a fact; without a unit, the
    number in a sentence of the note that says a word of its label (anywhere when the label
    says nothing), so an invented "cadence 24" is not backed by an unrelated 24."""
    unit_class = _unit_class(fact.unit or "")
    if unit_class is None:
        named = _label_words(fact.label)
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


def _abbreviated(fact: Fact, value: float, side: _Side) -> bool:
    """The value in a sentence that names the whole label, some of it by an abbreviation
    ("heart rate 140" and "HR 140-145")."""
    label = [word for word in _WORDS.findall(fact.label.lower()) if word not in _EMPTY_LABEL_WORDS]
    return any(names_item(label, text) for text in side.sentences.texts_with(value))


@lru_cache(maxsize=256)
def _unit_class(unit: str) -> str | None:
    for name, pattern in UNIT_CLASSES.items():
        if unit and re.fullmatch(pattern, " " + unit, re.IGNORECASE):
            return name
    return None


def _key(value: int | float | str) -> str:
    """A value as an index key: 45, 45.0 and "45" are one key; grades stay strings."""
    if isinstance(value, str):
        return value.strip()
    return f"{float(value):.4f}"


_COMPARED = ("side", "joint", "motion", "muscle")


def _compatible(a: Fact, b: Fact) -> bool:
    """Two facts of one kind and value are the same fact unless both labels name a side, a
    joint, a motion or a muscle and those differ ("R" and "L"; "ER" and "IR"). A generic name
    agrees with its specific ones ("rotation" with "ER", "bilateral" with either side), and
    nothing is compared where either label is silent, so a label read from a crowded line
    costs no false alarm. Two units of different classes ("12 cm" and "12%") are two facts."""
    if a.kind in ("pain", "service") or b.kind in ("pain", "service"):
        return True
    if not _same_item(a, b) or not _units_agree(a.unit, b.unit):
        return False
    first, second = labels.parts_of(a.label), labels.parts_of(b.label)
    return all(_agree(part, getattr(first, part), getattr(second, part)) for part in _COMPARED)


def _same_unit(one: str | None, other: str | None) -> bool:
    """One unit however it is written ("s", "sec"): the same number in another unit of its
    class is another quantity ("61 mm" is not the note's "61 cm")."""
    first, second = unit_size(one or ""), unit_size(other or "")
    if first is None or second is None:
        return (one or "").strip().lower() == (other or "").strip().lower()
    return first[0] == second[0] and abs(first[1] - second[1]) < 1e-9


def _units_agree(one: str | None, other: str | None) -> bool:
    """Units of one class, or a unit only one text writes (a value written bare in one); a
    rating out of a maximum ("5/10") is never a length ("5 mm"), and units of one class but
    another size never agree on one number ("61 mm" is not the note's "61 cm")."""
    first, second = _unit_class(one or ""), _unit_class(other or "")
    if (one or "").startswith("/") != (other or "").startswith("/") and (first or second):
        return False
    sizes = unit_size(one or ""), unit_size(other or "")
    if sizes[0] and sizes[1] and abs(sizes[0][1] - sizes[1][1]) > 1e-9:
        return False  # the same number in mm and in cm is two lengths
    return first is None or second is None or first == second


def _same_item(a: Fact, b: Fact) -> bool:
    """Two scores of an instrument scored item by item (Section GG, OASIS, FIM) are of the same
    item unless both labels name one and they share no word ("M1860 ambulation 1" is not
    supported by "M1800 grooming 1"; "dress upper body" and "upper body dressing" agree)."""
    if a.kind != "outcome" or b.kind != "outcome" or a.measure != b.measure:
        return True
    if a.measure not in _item_scored():
        return True
    name = _label_words(a.measure or "")
    first = _label_words(a.label) - name
    second = _label_words(b.label) - name
    return not first or not second or bool(first & second) or _stem_overlap(first, second)


def _stem_overlap(first: frozenset[str], second: frozenset[str]) -> bool:
    """Words of one stem ("dress" and "dressing", "transfer" and "transferring")."""
    return any(x.startswith(y[:5]) or y.startswith(x[:5]) for x in first for y in second)


@cache
def _item_scored() -> frozenset[str]:
    """The instruments whose scores are per item (multi, or items that hold numbers)."""
    return frozenset(m.name for m in measure_defs() if m.multi or m.numbered_items)


def _same_thing(a: Fact, b: Fact) -> bool:
    """Two values of one thing, whose difference is a change or a side-to-side difference:
    the labels may differ in side (R and L girth) but not in joint, motion or muscle."""
    if a.kind in ("pain", "service") or b.kind in ("pain", "service"):
        return True
    return _same_part_names(a.label, b.label)


@lru_cache(maxsize=4096)
def _same_part_names(one: str, other: str) -> bool:
    """Two labels naming no different joint, motion or muscle (read once a pair: a note's
    values of one thing share few labels)."""
    first, second = labels.parts_of(one), labels.parts_of(other)
    return all(_agree(part, getattr(first, part), getattr(second, part)) for part in _COMPARED[1:])


def _parts_agree(one: labels.Parts, other: labels.Parts) -> bool:
    """Two labels' parts naming no different side, joint, motion or muscle."""
    return all(_agree(part, getattr(one, part), getattr(other, part)) for part in _COMPARED)


def _agree(part: str, one: str, other: str) -> bool:
    if not one or not other or one.lower() == other.lower():
        return True
    if part == "side":
        return "bilateral" in (one, other)
    related = related_names().get(part, {})
    return other.lower() in related.get(one.lower(), ()) or one.lower() in related.get(
        other.lower(), ()
    )


_CHANGE_WORDS = re.compile(
    r"\b(?:improv\w*|increas\w*|decreas\w*|reduc\w*|gain\w*|los[st]\w*|chang\w*|"
    r"differen\w*|up|down|by|declin\w*|dropp\w*|better|worse|since|from|drop|rise|rose)\b"
    r"|[+\u2191\u2193\u0394]",
    re.IGNORECASE,
)
# Points as the value's own unit ("8 points"), not a word that holds it ("single-point cane").
_POINTS_AFTER = re.compile(r"[ \t]*(?:points?|pts?)\b", re.IGNORECASE)
_POINTS_AT_END = re.compile(r"\d[ \t]*(?:points?|pts?)$", re.IGNORECASE)


_NEW_VALUE = re.compile(r"\b(?:to|now|at)\s*$", re.IGNORECASE)
_BEFORE_BREAK = re.compile(r"[.;\n]")
_AFTER_BREAK = re.compile(r"[.;,\n]")


def _comes_to(text: str, span: tuple[int, int]) -> bool:
    """True when the words right before a value make it the value something came to ("from
    27.4 to 25.9 cm", "now 4/10")."""
    before = _BEFORE_BREAK.split(text[max(0, span[0] - 40) : span[0]])[-1]
    return bool(_NEW_VALUE.search(before))


def _says_change(text: str, span: tuple[int, int]) -> bool:
    """True when the words around a draft value call it a change ("improved 8 points")."""
    start, end = span
    before = _BEFORE_BREAK.split(text[max(0, start - 40) : start])[-1]
    if _comes_to(text, span):
        return False  # "improved to 4/10": the value it came to, not the change
    after = _AFTER_BREAK.split(text[end : end + 20])[0]
    if _POINTS_AFTER.match(text, end) or _POINTS_AT_END.search(text, start, end):
        return True
    return bool(_CHANGE_WORDS.search(before) or _CHANGE_WORDS.search(after))


def _service_supported(fact: Fact, minutes: float, note: _Side, draft: _Side | None = None) -> bool:
    """A service's minutes: the note's minutes for that code, or minutes written near it, or
    (a service the note names in words its reader does not know, "neuromusc re-ed 11 min")
    the minutes written in a note sentence about the same thing as the draft's."""
    same_code = [other for other in note.facts if other.kind == "service" and other.cpt == fact.cpt]
    if same_code:
        return any(_equal(float(other.minutes or 0), minutes) for other in same_code)
    if note.said_near(f"service:{fact.cpt}", minutes):
        return True
    return draft is not None and any(
        start not in note.blocked and same_subject(draft.text, fact.span[0], note.text, start)
        for start in note.starts.get(("minutes", round(minutes, 3)), ())
    )


def _numbers_by_topic(
    text: str,
    measures: Sequence[str],
    named: list[tuple[str, int]] | None = None,
    sentences: _Sentences | None = None,
) -> dict[str, set[float]]:
    """For each thing a sentence is about, the numbers written in such sentences. Each topic's
    words are found in one pass over the whole text and placed in their sentence by position;
    the sentences and their numbers are the text's `_Sentences`, found once."""
    sentences = sentences or _Sentences.of(text)
    bounds = sentences.bounds
    numbers: dict[int, set[float]] = {}
    for value, indexes in sentences.by_number.items():
        for index in indexes:
            numbers.setdefault(index, set()).add(value)
    topics: dict[str, set[float]] = {}

    def about(topic: str, position: int) -> None:
        found = numbers.get(bisect.bisect_right(bounds, position) - 1)
        if found:
            topics.setdefault(topic, set()).update(found)

    for kind, pattern in _topic_patterns().items():
        for match in pattern.finditer(text):
            about(kind, match.start())
    measure_names = measure_matcher(tuple(measures))
    for match in measure_names.finder.finditer(text):
        measure = measure_names.measure(match.group())
        if measure is not None:
            about(f"measure:{measure.name}", match.start())
            if named is not None:
                named.append((measure.name, match.end()))
    services = service_matcher()
    for match in services.finder.finditer(text):
        about(f"service:{services.code(match.group())}", match.start())
    return topics


@cache
def _topic_patterns() -> dict[str, Led]:
    vocab = words()
    strength = "grip|pinch|dynamometer|strength"
    girth = "edema|girth|circumference|figure|swelling"
    return {
        "pain": vocab.pain_finder,
        "rom": vocab.rom_finder,
        "strength": led(re.compile(rf"\b(?:{strength})\b", re.IGNORECASE), strength),
        "girth": led(re.compile(rf"\b(?:{girth})\b", re.IGNORECASE), girth),
    }


def _billing_numbers(note_text: str) -> set[float]:
    """Sums a draft may state: units billed, units allowed, minutes added up."""
    billing = extract_billing(note_text)
    timed = billing.timed_minutes_by_code
    untimed = billing.untimed_minutes_by_code
    billed_timed = [u for code, u in billing.billed.items() if code in billing.timed_codes]
    numbers = {
        sum(billing.billed.values()),
        sum(billed_timed),
        units_for_minutes(billing.documented_timed_minutes or 0),
        sum(timed.values()),
        sum(untimed.values()),
        sum(timed.values()) + sum(untimed.values()),
    }
    return {float(n) for n in numbers if n}


# A change is between values of one thing written near each other ("34%, was 42% at eval"):
# each value is paired with the next few of its group only, which keeps this linear.
_CHANGE_REACH = 6


def _derived_values(facts: Iterable[Fact]) -> dict[str, set[float]]:
    """Numbers a draft may compute from the note: changes, percent changes, percent of max."""
    groups: dict[str, list[tuple[float, Fact]]] = {}
    highs = {m.name: m.high for m in measure_defs()}
    derived: dict[str, set[float]] = {"percent_of_max": set()}
    for fact in facts:
        value = _numeric(fact)
        if value is not None and fact.kind != "service":
            groups.setdefault(_group(fact), []).append((value, fact))
            high = highs.get(fact.measure or "")
            if fact.kind == "outcome" and high and fact.unit not in ("s", "m", "m/s", "ft"):
                percents = {round(value / high * 100), round(value / high * 100, 1)}
                derived["percent_of_max"] |= percents
                derived.setdefault(f"percent_of_max:{fact.measure}", set()).update(percents)
    for group, values in groups.items():
        found: set[float] = set()
        for i, (first, one) in enumerate(values):
            for second, other in values[i + 1 : i + 1 + _CHANGE_REACH]:
                if not _same_thing(one, other):
                    continue  # flexion and extension: not one thing's change
                change = abs(first - second)
                found.add(round(change, 1))
                for base in (first, second):
                    if base:
                        found.add(round(change / base * 100))
                        found.add(round(change / base * 100, 1))
        derived[group] = found
    return derived


def _in_derived(
    value: float,
    derived: dict[str, set[float]],
    group: str | None = None,
    *,
    percent: bool,
    near: _Side | None = None,
) -> bool:
    """A computed number: a change within the fact's group, a billing sum, or (for a
    percentage) a score as a percent of its maximum. Without a group, only the changes of a
    group the draft names in the value's sentence count (`near`): with ten values in a note
    most small numbers are the difference of some two of them."""
    if group:
        pools = [derived.get(group, set())]
    else:
        pools = [derived.get("billing", set())]
        if near is not None:
            pools += [
                pool
                for name, pool in derived.items()
                if (topic := _topic_of(name)) and near.said_near(topic, value)
            ]
    if percent:
        pools.append(derived.get(_percent_pool_of(group), set()))
    return any(round(value, 1) in pool for pool in pools)


def _percent_pool(fact: Fact) -> str:
    """Where a percentage fact's score-as-percent-of-maximum values are: its own measure's
    (NDI 48 % is NDI 24/50, never KOOS 48), or any measure's for a value of no measure."""
    return _percent_pool_of(_group(fact))


def _percent_pool_of(group: str | None) -> str:
    if group and group.startswith("outcome:"):
        return "percent_of_max:" + group.removeprefix("outcome:")
    return "percent_of_max"


# A change the text states in points, percent or degrees ("LEFS improved by 12 points").
_CHANGE_CLAIM = re.compile(
    r"\b(?:improv\w*|increas\w*|decreas\w*|reduc\w*|gain\w*|los[st]\w*|declin\w*|dropp\w*"
    r"|down|up|chang\w*)\s+(?:by\s+|of\s+)?(?P<value>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>points?|pts?|%|\u00b0|deg(?:rees)?)(?![A-Za-z])",
    re.IGNORECASE,
)


# A change the note states without a unit ("motor score down 5 (exceeds MCID)").
_CHANGE_BARE = re.compile(
    r"\b(?:improv\w*|increas\w*|decreas\w*|reduc\w*|gain\w*|declin\w*|dropp\w*|down|up"
    r"|chang\w*)\s+(?:by\s+|of\s+)?(\d+(?:\.\d+)?)(?![\d./])",
    re.IGNORECASE,
)


# A change the note states by its sign or an arrow, with the unit of a change ("sup +5 deg
# post-tx", "\u2191 8 points"): a sign on a grade ("4+/5") or a bare number states none.
_CHANGE_SIGNED = re.compile(
    r"(?:(?<![\w.+/])\+|[\u2191\u2193\u0394])[ \t]*(\d+(?:\.\d+)?)[ \t]*"
    r"(?:points?|pts?|%|\u00b0|deg(?:rees)?)(?![A-Za-z])",
    re.IGNORECASE,
)


def _unsupported_changes(draft: _Side, note: _Side, derived: dict[str, set[float]]) -> list[Fact]:
    """Changes the draft states that are neither stated in the note nor a change between two
    values of what the draft's sentence names (outside the draft's facts, checked already)."""
    stated = {float(m.group("value")) for m in _CHANGE_CLAIM.finditer(note.normalized)}
    stated |= {float(m.group(1)) for m in _CHANGE_BARE.finditer(note.normalized)}
    stated |= {float(m.group(1)) for m in _CHANGE_SIGNED.finditer(note.normalized)}
    facts = [fact.span for fact in draft.facts]
    found = []
    for claim in _CHANGE_CLAIM.finditer(draft.normalized):
        value = float(claim.group("value"))
        start, end = claim.span("value")
        if value in stated or any(s <= start < e for s, e in facts):
            continue
        percent = claim.group("unit") == "%"
        before = re.split(r"[.;\n]", draft.normalized[max(0, start - 60) : start])[-1]
        if _in_derived(value, derived, percent=percent, near=draft) or any(
            round(value, 1) in pool
            for name, pool in derived.items()
            if name.startswith("outcome:") and _names(before, name.removeprefix("outcome:"))
        ):
            continue
        found.append(
            Fact(
                kind="other",
                value=to_number(_plain(value)),
                unit=claim.group("unit"),
                label=f"{context_words(before, 5) or 'change'} (not a change in the note)",
                span=(start, end),
            )
        )
    return found


def _names(text: str, name: str) -> bool:
    """True when `text` names the measure `name` in any of its spellings."""
    return names_instrument(text, name)


def _topic_of(group: str) -> str | None:
    """The sentence topic (see _numbers_by_topic) that names a group of facts, if any."""
    if group.startswith("outcome:"):
        return "measure:" + group.removeprefix("outcome:")
    return group if group in ("pain", "rom", "strength", "girth") else None


def _unsupported_quantities(
    draft: _Side, note: _Side, derived: dict[str, set[float]]
) -> list[Fact]:
    """Numbers with units in the draft, outside its facts, that the note never mentions; a
    bare number that shares the unit of the run it opens ("28.8 / 25.0 cm") among them."""
    covered = bytearray(len(draft.text) + 1)
    for fact_start, fact_end in (fact.span for fact in draft.facts):
        covered[fact_start:fact_end] = b"\x01" * max(0, fact_end - fact_start)
    found = []
    for quantity in [*quantities(draft.text, measurements_only=True), *_shared(draft.text)]:
        start, end = quantity.span
        if covered[start] or covered[max(start, end - 1)]:
            continue
        if quantity.value in note.numbers or _derived_quantity(quantity, draft, derived):
            continue
        held = note.by_quantity.get((quantity.unit_class, round(quantity.value, 3)), ())
        if any(_same_unit(each.unit, quantity.unit) for each in held):
            continue  # one of the note's facts ("2 min 40 s" read as 160 s)
        if note.converted.converts_to(quantity.value, quantity.unit):
            continue
        before = re.split(r"[.;\n]", draft.text[max(0, start - 60) : start])[-1]
        label = context_words(before, 5) or "value"
        found.append(
            Fact(
                kind="other",
                value=to_number(_plain(quantity.value)),
                unit=quantity.unit,
                label=f"{label} (not in the note)".strip(),
                span=quantity.span,
            )
        )
    taken = [fact.span for fact in found]
    for value, unit, (start, end) in measured_numbers(draft.text):
        if covered[start] or any(s <= start < e for s, e in taken) or value in note.numbers:
            continue
        if _says_change(draft.text, (start, end)) and _in_derived(
            value, derived, percent=False, near=draft
        ):
            continue
        before = re.split(r"[.;\n]", draft.text[max(0, start - 60) : start])[-1]
        found.append(
            Fact(
                kind="other",
                value=to_number(_plain(value)),
                unit=unit,
                label=f"{context_words(before, 5) or 'value'} (not in the note)".strip(),
                span=(start, end),
            )
        )
    return found


def _derived_quantity(quantity: Quantity, draft: _Side, derived: dict[str, set[float]]) -> bool:
    """Sums of billed units and minutes, a score as a percent of its maximum, or a change the
    draft calls a change."""
    value = round(quantity.value, 1)
    if quantity.unit_class in ("minutes", "units") and value in derived["billing"]:
        return True
    if quantity.unit_class == "pct" and value in derived["percent_of_max"]:
        return True
    return _says_change(draft.text, quantity.span) and _in_derived(
        quantity.value, derived, percent=quantity.unit_class == "pct", near=draft
    )


def _unsupported_named_scores(
    draft: _Side, note: _Side, derived: dict[str, set[float]]
) -> list[Fact]:
    """The number right after an instrument's name in the draft, read as no fact and no
    quantity there, that the note never writes and that is no change the draft calls one."""
    norm = normalize(draft.text)
    covered = [fact.span for fact in draft.facts] + [q.span for q in draft.quantities]
    found = []
    for measure, value, at, until in scores_after_names(draft.normalized, draft.names_end):
        if value in note.numbers or value in derived["percent_of_max"]:
            continue
        start, end = norm.span(at, until)
        if any(s <= start < e for s, e in covered) or _in_a_date(draft.normalized, at):
            continue
        if _says_change(draft.text, (start, end)) and _in_derived(
            value, derived, f"outcome:{_measure_key(measure)}", percent=False
        ):
            continue
        found.append(
            Fact(
                kind="outcome",
                value=to_number(_plain(value)),
                measure=measure,
                label=f"{measure} (not in the note)",
                span=(start, end),
            )
        )
    return found


def _unsupported_unlisted(
    draft: _Side,
    note: _Side,
    note_fractions: frozenset[tuple[float, float]],
    reported: Sequence[Fact],
) -> list[Fact]:
    """Scores out of a whole and scores after a capitalised name and a score word that no fact
    of the draft holds (unlisted_scores.py): a count and whole the note never writes, or a
    named score the note writes in no sentence about the same thing."""
    norm = normalize(draft.text)
    covered = bytearray(len(draft.text) + 1)
    for start, end in [f.span for f in (*draft.facts, *reported)] + [
        q.span for q in draft.quantities
    ]:
        covered[start:end] = b"\x01" * max(0, end - start)
    days: list[frozenset[tuple[int, int]]] = []
    found = []
    for count, whole, at in out_of_scores(norm):
        start, end = norm.span(at, at + len(_plain(count)))
        if covered[start] or (count, whole) in note_fractions or count in note.numbers:
            continue
        if _in_a_date(draft.normalized, at) or _a_note_day(count, whole, note, days):
            continue
        label = context_words(re.split(r"[.;\n]", draft.normalized[max(0, at - 60) : at])[-1], 5)
        found.append(_not_in_note(count, f"/{_plain(whole)}", label, (start, end)))
    near: dict[float, frozenset[str]] = {}
    for name, value, at in named_scores(norm):
        start, end = norm.span(at, at + len(_plain(value)))
        if covered[start] or _in_a_date(draft.normalized, at):
            continue
        if value not in near:  # the words of every note sentence with the value, read once
            near[value] = frozenset().union(*note.sentences.words_with(value))
        if set(describing_words(sentence_at(draft.normalized, at))) & near[value] or any(
            same_subject(draft.normalized, at, note.normalized, note.sentences.bounds[index])
            for index in note.sentences.by_number.get(value, ())[:_ABBREVIATION_REACH]
        ):
            continue
        found.append(_not_in_note(value, None, name, (start, end)))
    return found


# How many of the note's sentences with a value are searched for an abbreviation of the draft's
# words (a common number is in hundreds of a long note's sentences).
_ABBREVIATION_REACH = 20


def _a_note_day(
    count: float, whole: float, note: _Side, days: list[frozenset[tuple[int, int]]]
) -> bool:
    """ "3/22" that the note writes as a date."""
    if not (count.is_integer() and whole.is_integer()):
        return False
    if not days:
        days.append(month_days(note.text, (f.span for f in note.facts)))
    return (int(count), int(whole)) in days[0]


def _not_in_note(value: float, unit: str | None, label: str, span: tuple[int, int]) -> Fact:
    return Fact(
        kind="outcome",
        value=to_number(_plain(value)),
        unit=unit,
        label=f"{label} (not in the note)".strip(),
        span=span,
    )


def _in_a_date(text: str, at: int) -> bool:
    """True when the number at `at` is part of a date written in `text`."""
    line, start = line_at(text, at)
    return any(
        m.start() <= at - start < m.end()
        for pattern in (DATE_ISO, DATE_SLASH, DATE_WORDS)
        for m in pattern.finditer(line)
    )


def _unsupported_dates(draft: _Side, note: _Side) -> list[Fact]:
    """Dates in the draft that the note does not give (in any format).

    A note given without its header (the body only) states no dates at all; then the draft's
    dates cannot be judged and none is reported.
    """
    if not note.dates:
        return []
    found = []
    norm = normalize(draft.text)
    short: list[frozenset[tuple[int, int]]] = []
    for pattern in (DATE_ISO, DATE_SLASH, DATE_WORDS):
        for match in pattern.finditer(norm.text):
            written = dates_in(match.group())
            if not written or written & note.dates or _same_day_no_year(written, note.dates):
                continue
            if not short:
                short.append(month_days(note.text, (fact.span for fact in note.facts)))
            if any((month, day) in short[0] for _, month, day in written):
                continue  # the note gives the day as "2/24"
            found.append(
                Fact(
                    kind="other",
                    value=match.group(),
                    label="date not in the note",
                    span=norm.span(match.start(), match.end()),
                )
            )
    return found


def _same_day_no_year(
    written: set[tuple[int, int, int]], known: frozenset[tuple[int, int, int]]
) -> bool:
    """A date written without a year matches any year the note gives for that day."""
    return any(
        year == 0 and any((m, d) == (km, kd) for _, km, kd in known) for year, m, d in written
    )


def _plain(value: float) -> str:
    """A float as written for a fact value: 52.0 -> "52", 12.5 -> "12.5"."""
    return str(int(value)) if float(value).is_integer() else str(value)
