"""The note's facts in the draft: a fact is carried when the draft states it in any wording its
readers read, so a dropped fact is the main failure reported.
"""

from __future__ import annotations

from tui.core.checks.billing.clock import clock_ranges
from tui.core.checks.facts import Fact
from tui.core.checks.verify.fact_keys import (
    all_numbers_in,
    fact_group,
    known_measures,
    label_words,
    numeric_value,
    parts_agree,
)
from tui.core.checks.verify.kinship import describing_words
from tui.core.checks.verify.lines import line_at, sentence_at
from tui.core.checks.verify.measure_support import converted_near, unlisted_carried, variant_said
from tui.core.checks.verify.text_index import TextIndex
from tui.core.checks.verify.unit_quantities import CLASSES_OF_KIND
from tui.core.checks.verify.value_support import other_carried, read_as_kin, verbatim
from tui.core.checks.verify.written_alike import written_alike
from tui.core.checks.verify.zero_words import said_as_none


def none_said(count: Fact, draft: TextIndex) -> bool:
    """A count of zero of a thing ("0 falls") the draft says as none of it ("No falls")."""
    noun = count.unit or ""
    return (
        count.value == 0
        and not noun.startswith("/")
        and said_as_none(label_words(noun), draft.normalized)
    )


def carried_in_draft(fact: Fact, draft: TextIndex, note_text: str = "") -> bool:
    """True when the draft states the note's fact, in any wording the extractor reads."""
    if draft.same_fact(fact, note_text) or read_as_kin(fact, note_text, draft):
        return True
    if verbatim(fact, note_text, draft):
        return True
    if note_text and written_alike(fact, note_text, draft.sentences.texts_with, parts_agree):
        return True
    if fact.kind == "mmt":
        return str(fact.value) in draft.grades
    value = numeric_value(fact)
    if value is None:
        return all_numbers_in(str(fact.value), draft.numbers)
    if fact.kind == "outcome":
        if fact.measure not in known_measures():
            return unlisted_carried(fact, value, draft)
        return (
            draft.said_near(f"measure:{fact.measure}", value)
            or variant_said(fact, value, draft)
            or converted_near(fact, value, draft)
        )
    if fact.kind == "other":
        return other_carried(fact, value, draft)
    if fact.kind == "service":
        return (
            draft.said_near(f"service:{fact.cpt}", value)
            or _service_in_words(fact, value, draft, note_text)
            or _same_clock(fact, draft, note_text)
        )
    return draft.has_quantity(
        CLASSES_OF_KIND.get(fact.kind, ()), value, fact_group(fact)
    ) or draft.converted.converts_to(value, fact.unit or "")


def _service_in_words(fact: Fact, minutes: float, draft: TextIndex, note_text: str) -> bool:
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


def _same_clock(fact: Fact, draft: TextIndex, note_text: str) -> bool:
    """A service whose minutes the note reads from a clock range ("GROUP BALANCE CLASS
    10:00-10:45"), when the draft writes the same range: the same minutes by the same clock,
    whatever title the draft kept beside it."""
    if not note_text:
        return False
    start, end = fact.span
    written = {
        _clock_text(note_text, found.start, found.end)
        for found in clock_ranges(note_text)
        if start <= found.start and found.end <= end and found.minutes == fact.minutes
    }
    return bool(written) and any(
        _clock_text(draft.text, found.start, found.end) in written
        for found in clock_ranges(draft.text)
    )


def _clock_text(text: str, start: int, end: int) -> str:
    return "".join(text[start:end].split()).lower()


# Describing words a draft's sentence must share with the note's service line to be about it.
_SHARED_SERVICE_WORDS = 2
