"""A score backed by the note's writing around the instrument's name, where the note's readers
did not read it as that score: unread after the name, in a run of scores, as an item, on the
instrument's line.
"""

from __future__ import annotations

from tui.core.checks.extract import non_measurements
from tui.core.checks.facts import Fact
from tui.core.checks.tables import not_instruments
from tui.core.checks.text.numbers import ANY_NUMBER
from tui.core.checks.verify.fact_keys import (
    WORDS,
    fact_group,
    known_measures,
    label_words,
    measure_key,
    numeric_value,
    plain_number,
    unit_class_of,
)
from tui.core.checks.verify.items import names_item
from tui.core.checks.verify.lines import acronyms, line_at, sentence_at
from tui.core.checks.verify.measure_names import (
    FIRST_AFTER,
    WHOLE_UNIT,
    alias_words,
    is_head_of,
    measure_aliases,
    names_measure,
    next_value,
    numbers_after_name,
    spelled,
    variants,
)
from tui.core.checks.verify.name_runs import (
    fraction_run,
    fraction_run_after,
)
from tui.core.checks.verify.scores_before_names import written_before_name
from tui.core.checks.verify.text_index import TextIndex


def converted_near(fact: Fact, value: float, draft: TextIndex) -> bool:
    """A score in a unit the draft gives in another ("6MWT 312 m (1024 ft)" drafted "312 m"),
    the converted value in a sentence about the measure."""
    if not draft.converted.converts_to(value, fact.unit or ""):
        return False
    topic = draft.topics.get(f"measure:{fact.measure}", set())
    return any(draft.converted.converts_to(value, fact.unit or "", only=number) for number in topic)


def variant_said(fact: Fact, value: float, draft: TextIndex) -> bool:
    """A score on a form of a test ("TUG-cognitive 19.6 s") written, with its unit, in a
    sentence that names the test and the words of its form ("the Timed Up and Go took 13.9
    seconds; with a cognitive task it took 19.6 seconds")."""
    measure = fact.measure or ""
    unit_class = unit_class_of(fact.unit or "")
    heads = [head for head in variants(measure) if is_head_of(head, measure)]
    if unit_class is None or not heads:
        return False
    for head in heads:
        forms = [label_words(alias) - alias_words(head) for alias in measure_aliases(measure)]
        allowed = {fact_group(fact), f"outcome:{measure_key(head)}"}
        key = (unit_class, round(value, 3))
        for start, groups in zip(draft.starts.get(key, ()), draft.held.get(key, ()), strict=True):
            if not groups <= allowed:
                continue
            sentence = sentence_at(draft.text, start)
            said = set(WORDS.findall(sentence.lower()))
            if any(form and form <= said for form in forms) and spelled(head).search(sentence):
                return True
    return False


def unlisted_carried(fact: Fact, value: float, draft: TextIndex) -> bool:
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
    own = label_words(fact.label) - label_words(name)  # "SPM-2 School total": school, total
    if own and any(own <= words for words in draft.sentences.words_with(value)):
        return True
    return value in draft.numbers and not named


def unnamed_supported(fact: Fact, value: float, note: TextIndex) -> bool:
    """A subtest score the draft gives no instrument ("School total T-score 66" on a line of
    its own) is the note's score of the same value whose label names the same subtest (the note
    read it under the instrument named earlier in its sentence)."""
    if fact.measure is not None:
        return False
    own = label_words(fact.label) - _SCORE_KIND_WORDS
    return bool(own) and any(
        other.kind == "outcome"
        and numeric_value(other) == value
        and own <= label_words(other.label) | label_words(other.measure or "")
        for other in note.facts
    )


# Words of the kind of a score, not of what it is of ("raw", "scaled", "t-score").
_SCORE_KIND_WORDS = frozenset(
    {"raw", "score", "scaled", "standard", "std", "composite", "quotient", "index"}
)


def stated_for_measure(fact: Fact, value: float, note: TextIndex) -> bool:
    """A score the note writes beside the measure's name but its reader could not classify
    ("QuickDASH ..... 27.3 vs 61.4"), or read as a value of no kind ("dyspnea 3/10 (modified
    Borg)"), or leaves unread in a sentence about a form of the same test (`variants`), or
    writes before the name ("3.1 JFLS-20 global", scores_before_names.py): supported, as a value of
    another kind in the same case is."""
    unread = value in note.loose or any(
        other.kind == "other" and numeric_value(other) == value for other in note.facts
    )
    if not unread or not fact.measure:
        return False
    if value in note.loose and any(
        note.said_near(f"measure:{kin}", value) for kin in variants(fact.measure)
    ):
        return True
    if written_before_name(note.text, _unread_starts(note, value), fact.measure):
        return True
    return value in numbers_after_name(
        note.normalized, fact.measure, note.text
    ) or value in _numbers_after_mentions(note, fact.measure)


def _unread_starts(note: TextIndex, value: float) -> list[int]:
    """Where the note writes the value unread, or opening a value of no kind ("5/10 PSFS" read
    as a rating of nothing)."""
    starts = list(note.loose_at.get(value, ()))
    for other in note.facts:
        number = ANY_NUMBER.match(note.text, other.span[0]) if other.kind == "other" else None
        if number is not None and float(number.group()) == value:
            starts.append(other.span[0])
    return starts


def in_fraction_run(fact: Fact, value: float, note: TextIndex) -> bool:
    """A score out of a whole the note writes in a run of such scores right after the
    instrument's name ("Kapandji: 8/10 / 10/10"), whatever its readers took the value for
    (name_runs.py); a goal or threshold in the run is no score. A listed instrument's mentions
    are those the note's reading found; another name is looked for in any spelling."""
    whole = WHOLE_UNIT.fullmatch(fact.unit or "")
    measure = fact.measure or ""
    if whole is None or not measure:
        return False
    if measure in known_measures():
        ends = [end for name, end in note.names_end if name == measure]
        run = fraction_run_after(note.normalized, ends, float(whole.group(1)))
    else:
        run = fraction_run(note.normalized, measure, float(whole.group(1)))
    scanner = non_measurements(note.text)
    return any(
        count == value and not scanner.is_blocked(at, at + len(plain_number(count)))
        for count, at in run
    )


def stated_for_item(fact: Fact, value: float, note: TextIndex) -> bool:
    """An item score ("FIM Toileting 4") on a note line that writes the value and names the
    item, in a note that names the instrument: a list of items under its heading."""
    measure = fact.measure or ""
    named = label_words(measure)
    item = [word for word in WORDS.findall(fact.label.lower()) if word not in named]
    if not item or not names_measure(note.normalized, measure):
        return False
    return any(names_item(item, line) for line in note.sentences.texts_with(value))


def on_measure_line(fact: Fact, value: float, note: TextIndex) -> bool:
    """A score the note writes with a unit of the same class after the instrument's name on
    its line, no other instrument named between and no other fact holding it ("T25FW 9.8 s
    (mean of 2 trials; 11.2 s on 12/15/27)", "SPADI 68% / 18%")."""
    unit_class = unit_class_of(fact.unit or "")
    measure = fact.measure or ""
    if unit_class is None or not measure:
        return False
    for start in note.unread_quantities(unit_class, value, fact_group(fact)):
        if start in note.blocked:
            continue  # a goal, a threshold or a dose on the line, not this visit's score
        line, line_start = line_at(note.text, start)
        before = line[: start - line_start]
        named = list(spelled(measure).finditer(before))
        if named and not acronyms(before[named[-1].end() :], not_instruments()):
            return True
    return False


def _numbers_after_mentions(note: TextIndex, measure: str) -> set[float]:
    """The numbers after each mention of a listed measure in any of its names (the note's
    "Oswestry 36% comma it was 50 at evaluation" for ODI), read as `numbers_after_name` reads
    them, blocked numbers left out."""
    scanner = non_measurements(note.text)
    found: set[float] = set()
    for name, end in note.names_end:
        if name != measure:
            continue
        match = FIRST_AFTER.match(note.normalized, end)
        if match is None or scanner.is_blocked(match.start(1), match.end(1)):
            continue
        found.add(float(match.group(1)))
        at = match.end()
        while (step := next_value(note.normalized, at)) is not None:
            found.add(float(step.group(1)))
            at = step.end()
    return found
