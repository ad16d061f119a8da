"""Everything verification needs to know about one text (a note or its draft), read once and
indexed so checking runs in time linear in the text's length.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tui.core.checks.extract import (
    Unclassified,
    extract_candidates,
    extract_facts,
    extract_unclassified,
)
from tui.core.checks.facts import Fact
from tui.core.checks.text.numbers import normalize
from tui.core.checks.verify.conversions import Converted, quantity_key, unit_size
from tui.core.checks.verify.dates_written import dates_in
from tui.core.checks.verify.fact_keys import (
    compatible,
    fact_group,
    known_measures,
    numeric_value,
    same_side,
    unit_class_of,
    value_key,
)
from tui.core.checks.verify.instrument_spellings import WordIndex, same_instrument
from tui.core.checks.verify.legends import relabelled
from tui.core.checks.verify.lines import line_at
from tui.core.checks.verify.measure_names import spelled
from tui.core.checks.verify.positions import named_after, paired_reading, position_reading
from tui.core.checks.verify.sentences import (
    Sentences,
    grades_written,
    numbers_by_topic,
    sentence_around,
    topic_patterns,
    units_carried,
)
from tui.core.checks.verify.unit_quantities import (
    Quantity,
    quantities,
    quantities_read,
    shared_runs,
    unitless_numbers,
    units_kept,
)

_UNITLESS_KINDS = ("other", "outcome")


@dataclass(frozen=True)
class TextIndex:
    """Everything verification needs to know about one text."""

    text: str
    normalized: str
    facts: tuple[Fact, ...]
    quantities: tuple[Quantity, ...]
    numbers: frozenset[float]
    unitless: frozenset[float]
    """The numbers written at least once with no unit (unit_quantities.unitless_numbers)."""
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
    sentences: Sentences
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
    def read(cls, text: str, measures: Sequence[str], guesses: bool = False) -> TextIndex:
        """A text's facts; with `guesses`, also the guesses too weak to be a note's facts (a
        draft's "NAME 40" is questioned however weak the name)."""
        normalized = normalize(text).text
        candidates = relabelled(text, tuple(extract_candidates(text, measures)))
        facts = candidates if guesses else relabelled(text, tuple(extract_facts(text, measures)))
        found = tuple(quantities(text)) + (shared_runs(text) if guesses else ())
        if guesses:
            candidates = facts = units_kept(facts, found)
        by_value: dict[tuple[str, str], list[Fact]] = {}
        unlisted: dict[str, list[Fact]] = {}
        for fact in facts:
            by_value.setdefault((fact_group(fact), value_key(fact.value)), []).append(fact)
        for fact in candidates:  # a guess of the note supports the same guess in a draft
            if fact.kind == "outcome" and fact.measure not in known_measures():
                unlisted.setdefault(value_key(fact.value), []).append(fact)
        strong = (
            frozenset(relabelled(text, tuple(extract_facts(text, measures))))
            if guesses
            else frozenset(facts)
        )
        guessed: dict[tuple[str, str], list[Fact]] = {}
        for fact in candidates:
            if fact not in strong:
                guessed.setdefault((fact_group(fact), value_key(fact.value)), []).append(fact)
        loose = tuple(extract_unclassified(text, measures))
        names_end: list[tuple[str, int]] = []
        sentences = Sentences.of(normalized)
        return cls(
            text=text,
            normalized=normalized,
            facts=facts,
            quantities=found,
            numbers=frozenset(sentences.by_number),  # every number written, found once
            unitless=unitless_numbers(text),
            dates=frozenset(dates_in(text)),
            topics=numbers_by_topic(normalized, measures, names_end, sentences),
            names_end=tuple(names_end),
            by_value=by_value,
            grades=grades_written(normalized),
            quantity_values=frozenset((q.unit_class, round(q.value, 3)) for q in found),
            fact_values=frozenset(
                v
                for fact in facts
                if fact.kind in _UNITLESS_KINDS
                and not fact.unit
                and (v := numeric_value(fact)) is not None
            ),
            loose=frozenset(float(item.value) for item in loose),
            loose_at=_starts_of(loose),
            sentences=sentences,
            loose_with_unit=units_carried(text, found, loose),
            unlisted=unlisted,
            held=_held_quantities(found, facts),
            starts=_quantity_starts(found),
            named=[],
            fact_quantities=frozenset(
                quantity_key(unit_class, value, fact.unit or "")
                for fact in facts
                if (value := numeric_value(fact)) is not None
                and (unit_class := unit_class_of(fact.unit or "")) is not None
            ),
            sized=frozenset(quantity_key(q.unit_class, q.value, q.unit) for q in found),
            guessed=guessed,
            blocked=frozenset(q.span[0] for q, blocked in quantities_read(text) if blocked),
            by_quantity=_facts_by_quantity(facts),
            converted=Converted.of((q.value, q.unit) for q in found),
            service_codes=frozenset(f.cpt for f in facts if f.kind == "service" and f.cpt),
            pain_lines=frozenset(
                line_at(text, f.span[0])[1] for f in facts if fact_group(f) == "pain"
            ),
        )

    def same_guess(self, fact: Fact) -> bool:
        """A guess of this text (a reading too weak to be a fact) matching a guess of the other
        text: a weak reading a draft copies from its note is the note's, not an invention."""
        return any(
            compatible(fact, other)
            for other in self.guessed.get((fact_group(fact), value_key(fact.value)), ())
        )

    def same_fact(self, fact: Fact, own_text: str = "") -> bool:
        """A fact of this text with the same kind, value and (where both say) side and motion;
        with `own_text` (the text `fact` is read from), a motion taken in a position that names
        a second joint agrees with either reading (positions.py)."""
        others = self.by_value.get((fact_group(fact), value_key(fact.value)), ())
        if any(compatible(fact, other) for other in others):
            return True
        return bool(own_text) and any(
            fact.kind == "rom"
            and same_side(fact.label, other.label)
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
        return bool(held) and all(spelled(measure).search(f.label) for f in held)

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
            for other in self.unlisted.get(value_key(fact.value), ())
        )

    def said_near(self, topic: str, value: float) -> bool:
        """The value written in a sentence about `topic` ("measure:LEFS", "service:97110",
        "pain", "rom", "strength", "girth")."""
        return value in self.topics.get(topic, set())

    def unread_near(self, topic: str, value: float) -> bool:
        """The value left unread (no reader classified it) in a sentence about `topic`: the
        unread writing itself, not the value read elsewhere in such a sentence ("Pool 1x/wk
        ... next PN" backs no pain rating through the "1:1 with PT" of another sentence)."""
        topic_words = topic_patterns().get(topic)
        if topic_words is None:
            return False
        for at in self.loose_at.get(value, ()):
            start, end = sentence_around(self.text, at)
            if topic_words.pattern.search(self.text, start, end):
                return True
        return False


def _starts_of(loose: Iterable[Unclassified]) -> dict[float, list[int]]:
    found: dict[float, list[int]] = {}
    for item in loose:
        found.setdefault(float(item.value), []).append(item.span[0])
    return found


def _facts_by_quantity(facts: Iterable[Fact]) -> dict[tuple[str, float], list[Fact]]:
    found: dict[tuple[str, float], list[Fact]] = {}
    for fact in facts:
        value = numeric_value(fact)
        unit_class = unit_class_of(fact.unit or "")
        if value is not None and unit_class is not None and fact.kind != "service":
            found.setdefault((unit_class, round(value, 3)), []).append(fact)
    return found


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
        group = fact_group(fact)
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
