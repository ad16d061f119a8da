"""Draft values outside its facts that the note never writes: quantities, scores after a name,
scores out of a whole, and dates; a sentence copied word for word from the note is the note's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.core.checks.facts import Fact
from tui.core.checks.measures.labels import context_words
from tui.core.checks.text.lexicon import (
    DATE_ISO,
    DATE_SLASH,
    DATE_WORDS,
)
from tui.core.checks.text.numbers import normalize, to_number
from tui.core.checks.verify.copied import copied_from, sentence_index
from tui.core.checks.verify.dates_written import dates_in, in_a_date, same_day_no_year
from tui.core.checks.verify.derived_values import derived_quantity, in_derived
from tui.core.checks.verify.fact_keys import (
    known_measures,
    measure_key,
    numeric_value,
    plain_number,
    same_unit,
)
from tui.core.checks.verify.kinship import describing_words, same_subject
from tui.core.checks.verify.lines import sentence_at
from tui.core.checks.verify.measured_units import measured_numbers
from tui.core.checks.verify.named_scores import scores_after_names
from tui.core.checks.verify.sentences import says_change
from tui.core.checks.verify.short_dates import month_day, month_days
from tui.core.checks.verify.text_index import TextIndex
from tui.core.checks.verify.unit_quantities import (
    dose_counts,
    quantities,
    shared_runs,
    written_as,
)
from tui.core.checks.verify.unlisted_scores import named_scores, out_of_scores


def not_copied(unsupported: list[Fact], draft: TextIndex, note: TextIndex) -> list[Fact]:
    """The draft values left once those in a sentence copied word for word from the note are
    taken out, where the note writes the value in that sentence as a fact or leaves it unread
    (copied.py). The note's sentences are indexed only when a value is reported."""
    if not unsupported:
        return unsupported
    index = sentence_index(note.text)
    return [fact for fact in unsupported if not _copied(fact, draft, note, index)]


def _copied(
    fact: Fact, draft: TextIndex, note: TextIndex, index: dict[str, list[tuple[int, int]]]
) -> bool:
    value = numeric_value(fact)
    if value is None:
        return False
    for start, end in copied_from(draft.text, fact.span[0], index):
        if any(start <= at < end for at in note.loose_at.get(value, ())):
            return True
        if any(start <= f.span[0] < end and numeric_value(f) == value for f in note.facts):
            return True
    return False


def a_note_date(
    fact: Fact, draft: TextIndex, note: TextIndex, days: list[frozenset[tuple[int, int]]]
) -> bool:
    """A draft's "score" on a name the tables do not list, written "M/D", that the note writes
    as a date ("inpatient rehab 3/22-4/8" drafted "Inpatient rehabilitation 3/22-4/8"): the
    note's date, not a score. The note's dates are read only when a draft asks."""
    if fact.kind != "outcome" or fact.measure in known_measures():
        return False
    written = month_day(draft.text[fact.span[0] : fact.span[1]])
    if written is None:
        return False
    if not days:
        days.append(month_days(note.text, (f.span for f in note.facts)))
    return written in days[0]


def unsupported_quantities(
    draft: TextIndex, note: TextIndex, derived: dict[str, set[float]]
) -> list[Fact]:
    """Numbers with units in the draft, outside its facts, that the note never writes bare or
    with a unit of the same class, and goals, doses and thresholds whose number the note
    writes only as another kind ("positive at 40°" is no NDI of 40 %); a bare number that
    shares the unit of the run it opens ("28.8 / 25.0 cm") among them."""
    covered = bytearray(len(draft.text) + 1)
    for fact_start, fact_end in (fact.span for fact in draft.facts):
        covered[fact_start:fact_end] = b"\x01" * max(0, fact_end - fact_start)
    found = []
    for quantity in [*quantities(draft.text), *shared_runs(draft.text)]:
        start, end = quantity.span
        if covered[start] or covered[max(start, end - 1)]:
            continue
        if start in draft.blocked and (
            quantity.value not in note.numbers or says_change(draft.text, quantity.span)
        ):
            # a goal, norm or threshold the draft adds ("> 13.5 s indicates fall risk") is its
            # own; one whose number the note writes only as another kind ("positive at 40°"
            # beside NDI 40 %) is a value moved between measures. A change ("gaining 7°") is
            # checked as one (derived_values.unsupported_changes).
            continue
        bare = note.numbers if "\n" in draft.text[start:end] else note.unitless
        if quantity.value in bare or written_as(quantity, note.quantity_values):
            continue  # the note writes the value bare, or with a unit of the same class
        if start in dose_counts(draft.text) and quantity.value in dose_counts(note.text).values():
            continue  # a count of a dose the note writes too ("3 x 10 to 60 deg")
        if derived_quantity(quantity, draft, derived):
            continue
        held = note.by_quantity.get((quantity.unit_class, round(quantity.value, 3)), ())
        if any(same_unit(each.unit, quantity.unit) for each in held):
            continue  # one of the note's facts ("2 min 40 s" read as 160 s)
        if note.converted.converts_to(quantity.value, quantity.unit):
            continue
        before = re.split(r"[.;\n]", draft.text[max(0, start - 60) : start])[-1]
        label = context_words(before, 5) or "value"
        found.append(
            Fact(
                kind="other",
                value=to_number(plain_number(quantity.value)),
                unit=quantity.unit,
                label=f"{label} (not in the note)".strip(),
                span=quantity.span,
            )
        )
    taken = [fact.span for fact in found]
    for value, unit, (start, end) in measured_numbers(draft.text):
        if covered[start] or any(s <= start < e for s, e in taken) or value in note.numbers:
            continue
        if says_change(draft.text, (start, end)) and in_derived(
            value, derived, percent=False, near=draft
        ):
            continue
        before = re.split(r"[.;\n]", draft.text[max(0, start - 60) : start])[-1]
        found.append(
            Fact(
                kind="other",
                value=to_number(plain_number(value)),
                unit=unit,
                label=f"{context_words(before, 5) or 'value'} (not in the note)".strip(),
                span=(start, end),
            )
        )
    return found


def unsupported_named_scores(
    draft: TextIndex, note: TextIndex, derived: dict[str, set[float]]
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
        if any(s <= start < e for s, e in covered) or in_a_date(draft.normalized, at):
            continue
        if says_change(draft.text, (start, end)) and in_derived(
            value, derived, f"outcome:{measure_key(measure)}", percent=False
        ):
            continue
        found.append(
            Fact(
                kind="outcome",
                value=to_number(plain_number(value)),
                measure=measure,
                label=f"{measure} (not in the note)",
                span=(start, end),
            )
        )
    return found


def unsupported_unlisted(
    draft: TextIndex,
    note: TextIndex,
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
        start, end = norm.span(at, at + len(plain_number(count)))
        if covered[start] or (count, whole) in note_fractions or count in note.numbers:
            continue
        if in_a_date(draft.normalized, at) or _a_note_day(count, whole, note, days):
            continue
        label = context_words(re.split(r"[.;\n]", draft.normalized[max(0, at - 60) : at])[-1], 5)
        found.append(_not_in_note(count, f"/{plain_number(whole)}", label, (start, end)))
    near: dict[float, frozenset[str]] = {}
    for name, value, at in named_scores(norm):
        start, end = norm.span(at, at + len(plain_number(value)))
        if covered[start] or in_a_date(draft.normalized, at):
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
    count: float, whole: float, note: TextIndex, days: list[frozenset[tuple[int, int]]]
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
        value=to_number(plain_number(value)),
        unit=unit,
        label=f"{label} (not in the note)".strip(),
        span=span,
    )


def unsupported_dates(draft: TextIndex, note: TextIndex) -> list[Fact]:
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
            if not written or written & note.dates or same_day_no_year(written, note.dates):
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
