"""The draft's facts in the note: a measurement is supported only by its own fact (the same
kind, value, side and motion), or by a change the draft calls one.
"""

from __future__ import annotations

from tui.core.checks.facts import Fact
from tui.core.checks.verify.derived_values import in_derived, percent_of_named_max, percent_pool
from tui.core.checks.verify.fact_keys import (
    all_numbers_in,
    equal_values,
    fact_group,
    numeric_value,
    parts_agree,
    units_agree,
    value_key,
)
from tui.core.checks.verify.grid_cells import grid_backs, grid_contradicts
from tui.core.checks.verify.kinship import same_subject
from tui.core.checks.verify.measure_support import (
    in_fraction_run,
    on_measure_line,
    stated_for_item,
    stated_for_measure,
    unnamed_supported,
)
from tui.core.checks.verify.pain_answers import rating_continued
from tui.core.checks.verify.sentences import sentence_around
from tui.core.checks.verify.text_index import TextIndex
from tui.core.checks.verify.unit_quantities import CLASSES_OF_KIND
from tui.core.checks.verify.value_support import (
    counted_only,
    in_unit_row,
    loose_on_motion_line,
    loose_on_subject,
    noun_alike,
    other_side_after,
    other_size,
    other_supported,
    read_as_kin,
    value_at,
    verbatim,
)
from tui.core.checks.verify.written_alike import written_alike


def supported(
    fact: Fact,
    note: TextIndex,
    derived: dict[str, set[float]],
    *,
    changed: bool = False,
    draft: TextIndex | None = None,
) -> bool:
    """True when the note backs a fact found in the draft: its own fact in the note, or, for
    a fact the draft calls a change, a change between two of the note's facts of its group
    (a value of no kind of its own: of a group the draft's sentence names)."""
    value = numeric_value(fact)
    if (
        value is not None
        and draft is not None
        and grid_contradicts(note.text, draft.text, value_at(fact, value, draft), value)
    ):
        return False  # the draft names a cell of the note's table that holds another number
    if value is not None and other_size(fact, value, note):
        return False
    if note.same_fact(fact, draft.text if draft is not None else ""):
        return True
    if fact.kind == "outcome" and note.same_unlisted(fact):
        return True
    if draft is not None and (
        read_as_kin(fact, draft.text, note) or verbatim(fact, draft.text, note)
    ):
        return True
    if draft is not None and noun_alike(fact, draft.text, note):
        return True
    if draft is not None and written_alike(
        fact, draft.text, note.sentences.texts_with, parts_agree
    ):
        return True
    if changed and value is not None and fact.kind != "service":
        if in_derived(value, derived, fact_group(fact), percent=fact.unit == "%"):
            return True
        if fact.kind == "other" and in_derived(
            value, derived, percent=fact.unit == "%", near=draft
        ):
            return True
    if fact.kind == "rom" and value is not None and loose_on_motion_line(fact, value, note):
        return True
    held = note.by_value.get((fact_group(fact), value_key(fact.value)), ())
    if any(units_agree(fact.unit, other.unit) for other in held):
        return False  # the note has this value, but for another side or motion
    if value is not None and draft is not None and value in note.loose:
        at = value_at(fact, value, draft)
        if grid_backs(note.text, draft.text, at, value, fact.unit or ""):
            return True
    if fact.kind == "mmt":
        return str(fact.value) in note.grades
    if value is None:
        return all_numbers_in(str(fact.value), note.numbers)
    if fact.kind == "service":
        return _service_supported(fact, value, note, draft)
    percent_of_max = fact.unit == "%" and (
        percent_of_named_max(fact, value, derived, _sentence_of(fact, draft))
        if draft is not None
        else round(value, 1) in derived.get(percent_pool(fact), set())
    )
    if fact.kind == "other":
        return percent_of_max or other_supported(fact, value, note, draft)
    if fact.kind == "outcome":
        return (
            percent_of_max
            or stated_for_measure(fact, value, note)
            or unnamed_supported(fact, value, note)
            or stated_for_item(fact, value, note)
            or on_measure_line(fact, value, note)
            or in_fraction_run(fact, value, note)
        )
    if note.has_quantity(CLASSES_OF_KIND.get(fact.kind, ()), value):
        return True
    if note.converted.converts_to(value, fact.unit or ""):
        return True
    # a value the note states in a sentence about the same thing but its reader could not
    # classify (so it is neither some other fact nor a dose or a date)
    return value in note.loose and (
        (note.unread_near(fact.kind, value) and not counted_only(fact, value, note))
        or other_side_after(fact, value, note)
        or (
            fact.kind == "rom"
            and draft is not None
            and loose_on_subject(fact, value, draft.text, note)
        )
        or (draft is not None and in_unit_row(fact, value, draft, note))
        or (
            fact.kind == "pain"
            and rating_continued(
                fact.label, value, note.text, note.loose_at.get(value, ()), note.pain_lines
            )
        )
    )


def _sentence_of(fact: Fact, draft: TextIndex) -> str:
    """The draft's sentence that holds the fact's value."""
    start, end = sentence_around(draft.text, fact.span[0])
    return draft.text[start:end]


def _service_supported(
    fact: Fact, minutes: float, note: TextIndex, draft: TextIndex | None = None
) -> bool:
    """A service's minutes: the note's minutes for that code, or minutes written near it, or
    (a service the note names in words its reader does not know, "neuromusc re-ed 11 min")
    the minutes written in a note sentence about the same thing as the draft's."""
    same_code = [other for other in note.facts if other.kind == "service" and other.cpt == fact.cpt]
    if same_code:
        return any(equal_values(float(other.minutes or 0), minutes) for other in same_code)
    if note.said_near(f"service:{fact.cpt}", minutes):
        return True
    return draft is not None and any(
        start not in note.blocked and same_subject(draft.text, fact.span[0], note.text, start)
        for start in note.starts.get(("minutes", round(minutes, 3)), ())
    )
