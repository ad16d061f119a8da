"""Values given at the wrong time: the note's earlier value given as today's, or its target given
as today's, where each number has its own fact in the note but not at that time.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from tui.core.checks.facts import Fact
from tui.core.checks.text.numbers import ANY_NUMBER, to_number
from tui.core.checks.verify.derived_values import CHANGE_REACH
from tui.core.checks.verify.fact_keys import (
    compatible,
    fact_group,
    numeric_value,
    plain_number,
    same_value,
    unit_class_of,
    value_key,
)
from tui.core.checks.verify.lines import line_at, sentence_at
from tui.core.checks.verify.sentences import comes_to
from tui.core.checks.verify.text_index import TextIndex
from tui.core.checks.verify.unit_quantities import CLASSES_OF_KIND


def _earlier(fact: Fact) -> bool:
    return "(previous)" in fact.label


def swapped_times(draft: TextIndex, note: TextIndex, reported: Sequence[Fact]) -> list[Fact]:
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
        if _earlier(fact) or id(fact) in skip or numeric_value(fact) is None:
            continue
        same = note.by_value.get((fact_group(fact), value_key(fact.value)), [])
        own = [other for other in same if compatible(fact, other)]
        if not own or not all(_earlier(other) for other in own):
            continue
        near = _written_near(order, place, own)
        todays = [
            later
            for later in (note.facts[index] for index in sorted(near))
            if fact_group(later) == fact_group(fact)
            and not _earlier(later)
            and not same_value(later, fact)
            and compatible(replace(later, value=fact.value), fact)
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
            max(0, place[id(fact)] - CHANGE_REACH),
            min(len(order), place[id(fact)] + CHANGE_REACH + 1),
        )
    }


def swapped_unread(draft: TextIndex, note: TextIndex, reported: Sequence[Fact]) -> list[Fact]:
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
        if not _earlier(fact) or id(fact) in skip or numeric_value(fact) is None:
            continue
        if comes_to(draft.text, fact.span):
            continue  # "27.4 to 25.9 cm": the value it came to, whatever its label says
        same = [
            other
            for other in note.by_value.get((fact_group(fact), value_key(fact.value)), [])
            if compatible(fact, other)
        ]
        if not same or any(_earlier(other) for other in same):
            continue
        near = _written_near(order, place, same)
        earlier = {
            value
            for other in (note.facts[index] for index in near)
            if _earlier(other)
            and fact_group(other) == fact_group(fact)
            and not same_value(other, fact)
            and compatible(replace(other, value=fact.value), fact)
            and (value := numeric_value(other)) is not None
        }
        if earlier:
            found += _unread_in_sentence(fact, earlier, draft)
    return found


def _unread_in_sentence(fact: Fact, values: set[float], draft: TextIndex) -> list[Fact]:
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
        value = to_number(plain_number(float(number.group())))
        found.append(replace(fact, value=value, label=label, span=number.span()))
    return found


def targets_as_today(draft: TextIndex, note: TextIndex, reported: Sequence[Fact]) -> list[Fact]:
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
        value = numeric_value(fact)
        if value is None or id(fact) in skip or _earlier(fact) or "goal" in fact.label.lower():
            continue
        if fact.kind == "service" or note.same_fact(fact):
            continue
        key_classes = CLASSES_OF_KIND.get(fact.kind, ()) + tuple(
            c for c in (unit_class_of(fact.unit or ""),) if c is not None
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
    draft: TextIndex,
    note: TextIndex,
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
        if fact_group(other) != fact_group(fact) or same_value(other, fact):
            continue
        if not compatible(replace(other, value=fact.value), fact):
            continue
        written = draft.by_value.get((fact_group(other), value_key(other.value)), [])
        if not any(compatible(w, other) and not _earlier(w) for w in written):
            return True
    return False


def _swapped_with(fact: Fact, later: Fact, draft: TextIndex) -> bool:
    """The draft gives the note's value of today (`later`) as an earlier value of the same
    thing as `fact`, and nowhere as today's."""
    written = [
        other
        for other in draft.by_value.get((fact_group(later), value_key(later.value)), [])
        if compatible(other, later) and compatible(replace(other, value=fact.value), fact)
    ]
    return bool(written) and all(_earlier(other) for other in written)
