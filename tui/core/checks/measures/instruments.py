"""Scores on instruments the measure table does not list: a score is still a score.

Read under the name written, so a draft that changes or invents one is checked like any other:

- an acronym-like name ("PRWE 34", "VISA-A 62", "Fugl-Meyer UE 31/66", "AM-PAC 6-Clicks basic
  mobility 15/24"), up to three words of qualifier between the name and its score;
- a test written out ("stair climb test 22.4 s", "Kettle Test 14/52");
- a score written before its instrument ("symptom severity score 22 on SCAT (was 41)");
- a score written as a fraction after a name ("Lawton IADL 4/8");
- further sentences of one line that give the last instrument's standard scores ("School total
  T-score 66").

After the first score come the instrument's earlier scores and item scores (`read_scores`).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.measures.digit_names import digit_before
from tui.core.checks.measures.leading_scores import leading_score
from tui.core.checks.measures.named_timepoints import earlier_before_name
from tui.core.checks.measures.said_earlier import read_said_earlier
from tui.core.checks.measures.scores import BEFORE_NAME, milliseconds_at, read_scores
from tui.core.checks.measures.taken_after import taken_after
from tui.core.checks.measures.test_protocols import protocol_end
from tui.core.checks.names import (
    ACRONYM,
    body_counts,
    capitalised_words,
    edition_before_colon,
    form_after,
    grades_sign,
    held_stances,
    listed,
    misheard,
    not_instrument_names,
    numbered_form,
    part_words,
    resolve,
    roman_form,
    says_when,
    score_kinds,
    scored_subjects,
    stage_numbers,
)
from tui.core.checks.tables import (
    MeasureDef,
    ScaleDef,
    gain_words,
    grade_scales,
    instrument_words,
    item_stop_words,
    measure_defs,
    not_instruments,
    vocabulary,
)
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import DEGREES, NUM, Led, alternation, led
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.spoken_marks import spoken_marks

_ACRONYM = ACRONYM


# Words between a name and its score: "total", "score", "UE", "home total T-score", "6-Clicks
# basic mobility".
# A table row read as a line gives its score after the column's heading ("BOT-2 Manual
# Dexterity scale score; Score 6"). A part of the instrument ("part 3 motor score 34"), a trial
# ("T25FW trial 2: 8.8 s") and a condition in brackets ("III (ON): 29") may stand between too.
@cache
def _qualifier() -> re.Pattern[str]:
    """The words between a name and its score, a numbered part of the test among them."""
    parts = _part_words()
    return re.compile(
        r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:[:=][ \t]*)?"
        rf"((?:(?:(?i:{parts})\.?[ \t]+[1-9](?![\d.])|(?!(?i:{parts})\.?[ \t]+\d)"
        r"[A-Za-z][\w'/-]*"
        r"|\d+-[A-Za-z]+"
        r"|\([^()\d\n]{1,12}\)|%"
        # a table's column of a numbered visit ("AMP-PRO: (Visit 1) (previous) 29/47")
        r"|\((?i:visit|session|sess|wk|week|day|tx|treatment)\.?[ \t]*#?[ \t]*\d{1,3}\)"
        r")(?:[ \t:=]+|;[ \t]+(?=(?i:score|result)\b))){0,6}?)"
        r"(?=\d+(?:\.\d+)?(?!-?[A-Za-z]))"
    )


@cache
def _part() -> re.Pattern[str]:
    """A numbered part of a test ("part 3", "trial 2", "cond 4")."""
    return re.compile(rf"\b(?:{_part_words()})\.?[ \t]+[1-9]\b", re.IGNORECASE)


def _part_words() -> str:
    return "|".join(re.escape(word) for word in part_words()) or "(?!x)x"


_TIMEPOINT_BRACKET = re.compile(
    r"\((?:(?:visit|session|sess|wk|week|day|tx|treatment)\.?[ \t]*#?[ \t]*\d{1,3}|previous)\)",
    re.IGNORECASE,
)
_LEAD_WORDS = frozenset(
    {"total", "score", "t-score", "standard", "ss", "raw", "today", "was", "is", "of", "scored"}
    | {"came", "back", "in", "at", "questionnaire", "measured"}
)
_FRACTION = re.compile(r"(?<![\w./])(\d{1,3}(?:\.\d+)?)[ \t]*/[ \t]*(\d{1,3})(?![\d/]|\.\d)")
_NAME_BEFORE = re.compile(r"((?:[A-Za-z][\w'-]*[ \t]+){0,2}[A-Za-z][\w'-]*)[ \t]*:?[ \t]*$")
_STANDARD_SCORE = re.compile(
    r"\b(?:T-score|standard score|scaled score|SS|raw score|percentile rank)\b", re.IGNORECASE
)
_UPPER_LINE = 0.8
_SHOUTING_LETTERS = 20
# A word, not a name: five or more capitals with no digit or hyphen ("TOLERATED", not "FABQ-PA").
_SHOUTED_WORD = re.compile(r"(?<![\w-])[A-Z]{5,}(?![\w-])")
_SHOUTED_WORDS = 2


def read_instruments(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Scores on instruments by acronym, written-out test names and scores before a name."""
    text = scanner.text
    first = len(facts)
    scanner.block_all(stage_numbers())  # "COPD GOLD 3": a stage, read by nothing
    last_on_line: dict[int, tuple[MeasureDef, int]] = {}
    names = _names(scanner)
    parts = _numbered_parts(text)
    listing: _Listing | None = None
    for index, (name, start, end) in enumerate(names):
        if not name:
            listing = None
            continue  # "NG 8" after "ETT 7.5": no instrument, but the end of the one before
        if listing is not None and start < listing.score_end:
            continue  # the first subscale's own name
        if listing is not None and listing.continues(scanner, start, name):
            listing = listing.read_item(scanner, facts, name, end)
            continue
        listing = None
        grade = grades_sign(text, scanner.line(start)[0], start, end)
        if grade is not None:
            scanner.block(*grade.span(1))  # "Effusion: none (stroke test 0)": a sign's grade
            continue
        if taken_after(text, start):
            continue  # "fatigue after 2MWT 8/10": the test says when, its numbers are no score
        measure = measure_named(name)
        _, limit = scanner.sentence(start)
        limit = _bracket_close(text, start, end, limit)
        before = BEFORE_NAME.search(text, max(0, start - 20), start)
        if before is not None and scanner.free(*before.span(1)):
            _read_before_name(scanner, facts, measure, before.span(1), (end, limit))
            last_on_line[scanner.line(start)[0]] = (measure, limit)
            continue
        if _scored_later(scanner, facts, measure, (end, limit), names):
            last_on_line[scanner.line(start)[0]] = (measure, limit)
            continue
        qualifier = _qualifier().match(text, end)
        if qualifier is None:
            leading = leading_score(text, measure, name, (start, end))
            if (
                leading is not None
                and scanner.free(*leading.span(1))
                and not scanner.in_goal(start)
            ):
                _read_before_name(scanner, facts, measure, leading.span(1), (end, limit))
                last_on_line[scanner.line(start)[0]] = (measure, limit)
            continue
        if _spans_score(names, index, qualifier.end()):
            continue
        if _names_part(text, name, qualifier, parts):
            continue  # "(UFOV 2)" after "UFOV subtest 2: 180 ms": the subtest, no score
        if not scanner.free(qualifier.end(), qualifier.end() + 1) and not milliseconds_at(
            scanner, qualifier.end()
        ):
            continue
        # a table's timepoint in brackets ("(Visit 1) (previous)") says when, not which item
        said = _TIMEPOINT_BRACKET.sub(" ", qualifier.group(1))
        words = _part().sub(" ", re.sub(r"[:=;]", " ", said)).split()
        if _heads_names(text, end, words):
            continue
        if _gain().search(qualifier.group(1)):
            continue  # "vHIT gain L 0.61": a reflex's gain, read as one (measures/gains.py)
        # "FACIT fatigue 38", "LYMQOL arm function domain 2.1": what the scale scores
        stop = item_stop_words() - _LEAD_WORDS - _quantity_words() - scored_subjects()
        # "PROMIS PF 42": the instrument's domain in capitals, though it spells a motion
        stops = not _domain(text, qualifier, words) and any(w.lower() in stop for w in words)
        if stops or spoken_marks().said_in(words):
            continue  # a dictation's "period" ends the test's sentence before any score
        if _names_stance(words):
            continue  # "4-Stage Balance Test: feet together 10 s": the stance's time
        if _rating_after(text, qualifier, words):
            continue  # "CIPN numbness 4/10": a rating of the word before it, not a score
        if not words and measure.high is None and _OUT_OF_TEN.match(text, qualifier.end()):
            continue  # "CRPS 7/10", "LBP 6/10": a diagnosis rated, which is pain
        if measure.high is None and _dated_fraction(text, qualifier.end(), [*name.split(), *words]):
            continue  # "On-road assessment booked 4/15": the day it happens, no score
        # a side is the score's own label, read with it ("9-HPT R 22 s, L 25 s")
        kept = " ".join(
            word
            for word in words
            if word.lower() not in _LEAD_WORDS and not labels.parts_of(word).side
        )
        for part in _part().finditer(text, qualifier.start(1), qualifier.end(1)):
            scanner.claim(part.end() - 1, part.end())  # "cond 4": which part, no score
        sentence_end = limit
        limit = _next_name(names, index, qualifier.end(), limit)
        earlier = earlier_before_name(scanner, start)
        read = len(facts)
        # the test's protocol in a bracket after its name ("(clinic 0-3 per item, 10 items)")
        # holds its scale and its count of items, none of them a score
        scores_from = protocol_end(scanner, end) or end
        read_scores(scanner, facts, measure, scores_from, limit, qualifier=kept, earlier=earlier)
        if len(facts) > read and limit == sentence_end:
            read_said_earlier(scanner, facts, measure, (end, sentence_end), len(facts) - read)
        last_on_line[scanner.line(start)[0]] = (measure, limit)
        if _opens_list(text, end, words):
            listing = _Listing.after(scanner, measure, qualifier.end())
    _standard_scores(scanner, facts, last_on_line, {start for _, start, _ in names})
    _fractions(scanner, facts)
    _heard_right(facts, first)
    _direct_measures(facts, first)


# How far around a name its bracket is looked for: a name's own bracket is short.
_BRACKET_BACK = 120
_BRACKET_AHEAD = 200


def _bracket_close(text: str, start: int, end: int, limit: int) -> int:
    """Where the bracket a name stands in closes, when it does before `limit`: "ER remains
    the limiting motion (AMS 2) with passive ER at 40°" scores AMS 2 only, the angle after the
    bracket is no score of it. Brackets inside it ("(Berg 45/56 (was 40/56))") are stepped
    over; the look is bounded either side, so a long sentence of names costs each a few
    hundred characters."""
    opened = text.rfind("(", max(0, start - _BRACKET_BACK), start)
    if opened < 0 or text.find(")", opened, start) >= 0:
        return limit
    depth = 0
    for at in range(end, min(limit, end + _BRACKET_AHEAD)):
        if text[at] == "(":
            depth += 1
        elif text[at] == ")":
            if depth == 0:
                return at
            depth -= 1
    return limit


def _direct_measures(facts: list[Fact], since: int) -> None:
    """Numbers read under an unlisted name whose own words time a hold or count repetitions
    ("PERFECT: endurance 6 s, repetitions 5"): direct measures of the body, kind "other",
    never the named scheme's scores."""
    for index in range(since, len(facts)):
        fact = facts[index]
        if fact.kind != "outcome" or not fact.measure or listed(fact.measure):
            continue
        said = fact.label.removeprefix(fact.measure).casefold().split()
        if not any(word in body_counts() for word in said):
            continue
        facts[index] = dataclasses.replace(fact, kind="other", measure=None)


def _heard_right(facts: list[Fact], since: int) -> None:
    """Scores read under a name the tables do not list that is a voice-typing slip of a listed
    instrument, out of its maximum ("Burg balance 46/56"): the listed instrument's scores."""
    for index in range(since, len(facts)):
        fact = facts[index]
        whole = (fact.unit or "")[1:]
        if fact.kind != "outcome" or not fact.measure or not (fact.unit or "").startswith("/"):
            continue
        if not whole.isdigit() or resolve(fact.measure) != fact.measure:
            continue
        listed = misheard(fact.measure, float(whole))
        if listed is not None:
            label = fact.label.replace(fact.measure, listed, 1)
            facts[index] = dataclasses.replace(fact, measure=listed, label=label)


_CLAUSE_END = re.compile(r"[;,]")
# A comma, then the score's change from an earlier one ("41 on the PEDI-CAT, up from 33 at
# eval"): the clause goes on to that earlier score, as it does after a listed name.
_FROM_EARLIER = re.compile(
    r",[ \t]*(?:(?:up|down|improved|increased|decreased|improving|rising|dropping)[ \t]+)?"
    r"from[ \t]+(?=\d{1,3}(?:\.\d+)?(?:[ \t]*/[ \t]*\d{1,3}|%)?[ \t]*"
    r"(?:[.,;()\n]|$|(?:at|on|in|last|prior|previously|since|when)\b))",
    re.IGNORECASE | re.MULTILINE,
)


def _read_before_name(
    scanner: Scanner,
    facts: list[Fact],
    measure: MeasureDef,
    number: tuple[int, int],
    after: tuple[int, int],
) -> None:
    """A score written before the name, then the earlier scores after the name in its clause."""
    read_scores(scanner, facts, measure, *number)
    # its earlier score stays in its clause ("22 on SCAT (eval 30)"): after a comma or a
    # semicolon the numbers are another thing's ("3/4 on the scale; pulse ... 84")
    end, limit = after
    clause = _CLAUSE_END.search(scanner.text, end, limit)
    if clause is not None and _FROM_EARLIER.match(scanner.text, clause.start(), limit):
        clause = _CLAUSE_END.search(scanner.text, clause.end(), limit)
    read_scores(scanner, facts, measure, end, clause.start() if clause else limit)


# A clause after a name whose verb says a score follows ("the FIQR, he scored 58", "PDQ-8 and
# she scored 9"): no number, no clause end but a comma, then the verb right before the score.
_SCORED = re.compile(
    r"([^\d.;:!?()\n]{0,30}?)(?<![\w-])(?:scored|score[ \t]+(?:of|was|is)|came[ \t]+in[ \t]+at)"
    r"[ \t]+(?:a[ \t]+)?(?=\d)",
    re.IGNORECASE,
)


# A clause between a name and its verb of scoring: a comma, or a person who scored.
_CLAUSE_WORDS = re.compile(r",|\b(?:he|she|they|pt|patient|client|child)\b", re.IGNORECASE)


def _scored_later(
    scanner: Scanner,
    facts: list[Fact],
    measure: MeasureDef,
    span: tuple[int, int],
    names: list[tuple[str, int, int]],
) -> bool:
    """The score of a name said a clause later by a verb of scoring ("he did the FIQR, he
    scored 58, it was 67 at the start"), with no other name between: True when read."""
    end, limit = span
    found = _SCORED.match(scanner.text, end, limit)
    if found is None or not scanner.free(found.end(), found.end() + 1):
        return False
    if not _CLAUSE_WORDS.search(found.group(1)):
        return False  # "FIQR score of 58": the name's own words, read with their qualifier
    if any(end <= start < found.end() for _, start, _ in names):
        return False
    read = len(facts)
    read_scores(scanner, facts, measure, found.end(), limit)
    return len(facts) > read


# "PFDI-20: POPDI 45, CRADI 30, UDI 25": after a colon, a subscale named by its own acronym.
_LIST_OPENER = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?:")
_SUBSCALE = re.compile(r"[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*")
_SCORE = re.compile(rf"{NUM}(?:[ \t]*/[ \t]*{NUM})?(?:[ \t]*%)?")
_LIST_GAP = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]and[ \t]+)")


def _heads_names(text: str, end: int, words: list[str]) -> bool:
    """A written-out name with a colon before other names in Title Case is a heading ("Vision
    screen: Color Trails 1 52 s"), not the instrument of the scores after it."""
    if _LIST_OPENER.match(text, end) is None:
        return False
    capitalised = [w for w in words if w[:1].isupper() and w[1:2].islower()]
    return len(capitalised) >= 2 and not any(w.lower() in _LEAD_WORDS for w in capitalised)


def _opens_list(text: str, end: int, words: list[str]) -> bool:
    """True when the instrument's name opens a list with a colon and its first score is a
    subscale's, named by an acronym ("PFDI-20: POPDI 45")."""
    return (
        _LIST_OPENER.match(text, end) is not None
        and len(words) == 1
        and _SUBSCALE.fullmatch(words[0]) is not None
    )


@dataclass(frozen=True)
class _Listing:
    """An instrument whose subscales are listed by acronym after a colon: each further
    acronym straight after the last score, with a score of its own, is a subscale of it."""

    measure: MeasureDef
    score_end: int

    @classmethod
    def after(cls, scanner: Scanner, measure: MeasureDef, at: int) -> _Listing | None:
        score = _SCORE.match(scanner.text, at)
        if score is None or not scanner.claimed(*score.span()):
            return None
        return cls(measure, score.end())

    def continues(self, scanner: Scanner, start: int, name: str) -> bool:
        """The next name straight after the last score, and no instrument of its own."""
        if measure_named(name).high is not None:
            return False  # a listed instrument ("..., PHQ-9 4") is never a subscale
        return _LIST_GAP.fullmatch(scanner.text, self.score_end, start) is not None

    def read_item(
        self, scanner: Scanner, facts: list[Fact], name: str, end: int
    ) -> _Listing | None:
        """The subscale's score under the instrument's name; the listing goes on after it."""
        score = re.compile(r"[ \t]*(?:[:=][ \t]*)?").match(scanner.text, end)
        at = score.end() if score is not None else end
        found = _SCORE.match(scanner.text, at)
        if found is None or not scanner.free(*found.span()):
            return None
        read_scores(scanner, facts, self.measure, end, found.end(), qualifier=name)
        return _Listing.after(scanner, self.measure, at)


# One domain in capitals between a name and a bare score ("PROMIS PF 42", "PROMIS-29 PI 58"):
# the instrument's own scale, though it spells a motion; a unit or a grade after the number
# makes the capitals a motion or a muscle after all ("HHD ER 12 kg", "MMT ER 4/5").
_DOMAIN = re.compile(r"[A-Z]{2,4}")
_BARE_SCORE = re.compile(
    rf"\d+(?:\.\d+)?(?!\d|\.\d|[ \t]*(?:{DEGREES}|[%/#]|(?i:kg|lbs?|mm|cm)\b|N\b))"
)


def _domain(text: str, qualifier: re.Match[str], words: list[str]) -> bool:
    """True when the one word between the name and its first number is a domain in capitals
    before a bare score, whatever motion or rating word it spells."""
    return (
        len(words) == 1
        and _DOMAIN.fullmatch(words[0]) is not None
        and _BARE_SCORE.match(text, qualifier.end()) is not None
    )


def _names_stance(words: list[str]) -> bool:
    """True when the words between a test's name and its value name a stance it times."""
    said = f" {' '.join(words).casefold()} "
    return any(f" {stance} " in said for stance in held_stances())


def _rating_after(text: str, qualifier: re.Match[str], words: list[str]) -> bool:
    """A 0-10 rating after a rated word ("fatigue 4/10") rates that, and the reader of ratings
    reads it."""
    rated = {word.lower() for word in vocabulary().not_pain_words}
    return any(word.lower() in rated for word in words) and bool(
        _OUT_OF_TEN.match(text, qualifier.end())
    )


_OUT_OF_TEN = re.compile(r"\d{1,2}(?:\.\d)?[ \t]*/[ \t]*10(?!\d|\.\d)")


@cache
def _gain() -> re.Pattern[str]:
    """A reflex's gain named after the name ("vHIT gain"; measures.toml [gains])."""
    names = either(gain_words())
    return re.compile(rf"(?<![\w-])(?:{names})\b", re.IGNORECASE)


@cache
def _quantity_words() -> frozenset[str]:
    """Words that name what a subtest's number measures ("processing speed 40 ms")."""
    return frozenset(word.lower() for word in instrument_words().get("quantity_words", ()))


def measure_named(written: str) -> MeasureDef:
    """The instrument a name found here is: a listed one (with its range) when the resolver
    knows the name, else a new one under the name written."""
    name = resolve(written)
    known = next((measure for measure in measure_defs() if measure.name == name), None)
    return known or MeasureDef(name=written, aliases=(written,))


def _next_name(names: list[tuple[str, int, int]], index: int, after: int, limit: int) -> int:
    """Where the next instrument's name starts, past `after` (the words before this one's first
    score, which may be a form such as "PCS"): "GAD-7 3, 9-HPT 22 s" gives 22 s to 9-HPT."""
    for _, start, _ in names[index + 1 :]:
        if start >= after:
            return min(limit, start)
    return limit


def _excluded_parts(name: str, excluded: frozenset[str]) -> bool:
    """A name joined by slashes or colons whose every part is no instrument ("ER/IR", "ABD/ADD",
    "DF:PF"): a ratio of two motions' strengths, never a test's score."""
    parts = re.split(r"[/:]", name)
    return len(parts) > 1 and all(part.upper() in excluded for part in parts)


def _names(scanner: Scanner) -> list[tuple[str, int, int]]:
    """Instrument names in the text: acronyms and written-out tests, in text order."""
    text = scanner.text
    found = []
    excluded = not_instruments()
    stop = item_stop_words()
    for match in _ACRONYM.finditer(text):
        name = match.group(1)
        if sum(ch.isupper() for ch in name) < 2 or name.isdigit():
            continue
        if not _name_free(scanner, match) or name.lower() in stop or name.upper() in excluded:
            continue
        if _excluded_parts(name, excluded):
            found.append(("", match.start(), match.end()))  # "ER/IR ratio 78%": two motions
            continue
        if name in capitalised_words():
            found.append(("", match.start(), match.end()))  # a speaker or a heading: a bound
            continue
        if name.upper() in not_instrument_names():
            # a day counter, a machine, a setting or a lab value: no name, but a bound
            found.append(("", match.start(), match.end()))
            continue
        if re.fullmatch(r"[CTLS]\d{1,2}|[A-Z]\d|\d+[A-Za-z]?", name) or _shouting(
            scanner, match.start()
        ):
            continue
        if "/" in name:
            # "PROMIS/PF-10a": one name, whose parts are no labels ("PF-10" no plantarflexion)
            scanner.block(match.start(), match.end())
        start = match.start()
        if _FORMED_WORD.fullmatch(name):
            # "Wheelchair Skills Test-Q": the last word of a written-out name with its form
            start = _title_words_before(text, start)
            if start == match.start() and _LETTERED_PLACE.fullmatch(name):
                found.append(("", match.start(), match.end()))  # "Gym-B": a place's letter
                continue
            name = f"{text[start : match.start()]}{name}"
        name, end = _with_form(text, name, match.end())
        found.append((name, start, end))
    acronym_ends = {end for _, _, end in found}
    acronym_starts = {start for _, start, _ in found}
    for match in _written_tests().finditer(text):
        name = _trimmed(match.group(1))
        if name.upper() in not_instrument_names():
            continue  # "dispersion index 9.1 %": a measurement of the body, no score
        start = match.end() - len(name)
        if name and _after_spaces(text, start) in acronym_ends - {start}:
            continue  # "BOT-2 Fine Motor Precision scale score 8": the acronym's subtest
        if name and _past_spaces(text, match.end()) in acronym_starts:
            continue  # "Walking index WISCI II 12": the words say what the acronym is
        if name and scanner.free(match.end() - 1, match.end()):
            edition = edition_before_colon().match(text, match.end())
            if edition is not None and resolve(name) == name:
                # "Sensory Profile 2 (caregiver): ...": its edition, no score
                found.append((f"{name} {edition.group(1)}", start, edition.end()))
                continue
            found.append((name, start, match.end()))
    return sorted(found, key=lambda item: item[1])


# A word in Title Case with a short form after a hyphen ("Test-Q", "Scale-R"): the last word of
# a written-out name, not an acronym of its own.
_FORMED_WORD = re.compile(r"[A-Z][a-z]{2,}-[A-Z0-9][A-Za-z0-9]{0,2}")
# One such word alone with one letter ("Gym-B", "Room-C", "Bay-A"): a place or a thing
# lettered, no instrument ("Bayley-III" keeps its edition).
_LETTERED_PLACE = re.compile(r"[A-Z][a-z]+-[A-Z]")
_TITLE_WORD_BEFORE = re.compile(r"(?<![\w'-])[A-Z][a-z]+[ \t]+\Z")
_MOST_TITLE_WORDS = 4


def _title_words_before(text: str, start: int) -> int:
    """Where the run of words in Title Case straight before `start` begins (up to four, on its
    line, without the sentence's own words such as "Today")."""
    starts = []
    at = start
    for _ in range(_MOST_TITLE_WORDS):
        word = _TITLE_WORD_BEFORE.search(text, max(0, at - 24), at)
        if word is None:
            break
        at = word.start()
        starts.append(at)
    stop = _name_stop()
    while starts and text[starts[-1] : start].split()[0].lower() in stop:
        starts.pop()
    return starts[-1] if starts else start


@cache
def _part_numbered() -> re.Pattern[str]:
    """A name with a numbered part of it ("UFOV subtest 2", "MDS-UPDRS part 3")."""
    return re.compile(
        rf"(?<![\w-])([A-Za-z][\w-]*)[ \t]+(?:{_part_words()})\.?[ \t]*#?([1-9])(?![\d.])",
        re.IGNORECASE,
    )


def _numbered_parts(text: str) -> frozenset[tuple[str, str]]:
    """Every name the note writes with a numbered part, and the numbers of its parts on that
    line ("DEM subtest 1: 46 s; subtest 2: 51 s" numbers parts 1 and 2 of the DEM)."""
    found = set()
    read_to = 0
    for match in _part_numbered().finditer(text):
        name = match.group(1).casefold()
        found.add((name, match.group(2)))
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        for part in _part().finditer(text, max(match.end(), read_to), line_end):
            found.add((name, part.group()[-1]))
        read_to = line_end
    return frozenset(found)


_PART_ALONE = re.compile(r"([1-9])(?![\d.]|[ \t]*(?:/|%))")


def _names_part(
    text: str, name: str, qualifier: re.Match[str], parts: frozenset[tuple[str, str]]
) -> bool:
    """A bare digit straight after a name the note writes elsewhere with that numbered part
    ("UFOV subtest 2: 180 ms ... divided attention (UFOV 2)"): the part named short, no score."""
    if qualifier.group(1).strip():
        return False
    alone = _PART_ALONE.match(text, qualifier.end())
    return alone is not None and (name.casefold(), alone.group(1)) in parts


def _spans_score(names: list[tuple[str, int, int]], index: int, at: int) -> bool:
    """A later name takes the number at `at` into itself ("QOL survey PHQ 9 came in at 7": the
    9 is PHQ-9's item count), so it is no score of this name. The names are in text order, so
    only those starting before `at` are looked at, not every later name of the note."""
    for later in range(index + 1, len(names)):
        _, start, end = names[later]
        if start >= at:
            return False
        if at < end:
            return True
    return False


def _with_form(text: str, name: str, end: int) -> tuple[str, int]:
    """The name with the form, roman-numeral version or item count written after it ("ICIQ-UI
    SF", "SCIM III", "JFLS 20 came in at 31"), and where the name ends."""
    for pattern in (form_after(), roman_form()):
        form = pattern.match(text, end)
        if form is not None:
            name, end = f"{name} {form.group(1)}", form.end()
    if resolve(name) == name:
        numbered = numbered_form().match(text, end)
        if numbered is not None:
            return f"{name}-{numbered.group(1)}", numbered.end()
        edition = edition_before_colon().match(text, end)
        if edition is not None:
            return f"{name} {edition.group(1)}", edition.end()
    return name, end


def _past_spaces(text: str, end: int) -> int:
    """Where the spaces and tabs after `end` stop."""
    at = end
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def _after_spaces(text: str, start: int) -> int:
    """Where the spaces and tabs before `start` begin."""
    at = start
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at


def _name_free(scanner: Scanner, match: re.Match[str]) -> bool:
    """A name nothing has taken. "9-HPT" starts with a number glued to a word, which the rule
    for "30-second" blocks, but it is still a name (its scores must still be free numbers)."""
    start, end = match.span()
    if match.group(1)[0].isdigit():
        return not scanner.claimed(start, end) and not scanner.in_header(start)
    return scanner.free(start, end)


@cache
def _amount_after() -> re.Pattern[str]:
    """Units after a fraction that make it an amount ("1/2 mile", "3/4 cup")."""
    units = "|".join(instrument_words().get("fraction_amounts", ())) or "(?!x)x"
    return re.compile(rf"[ \t]*(?:{units})\b", re.IGNORECASE)


@cache
def _written_tests() -> re.Pattern[str]:
    nouns = "|".join(re.escape(noun) for noun in instrument_words().get("test_nouns", ()))
    return re.compile(
        rf"(?<![\w-])((?:[A-Za-z0-9][\w'-]*[ \t]+){{1,3}}(?:{nouns}))\b(?![ \t]*(?:neg|pos|\+|-))",
        re.IGNORECASE,
    )


@cache
def _name_stop() -> frozenset[str]:
    """Words that never start or make up a test's name, with the punctuation a dictation says."""
    words = {word.lower() for word in instrument_words().get("test_name_stop", ())}
    return frozenset(words) | spoken_marks().single_words


def _trimmed(name: str) -> str:
    """A written-out test name without the sentence words before it ("her stair climb test");
    "" for a test of a joint's motion ("cervical flexion-rotation test"), which is read as
    range of motion. A region in a name written in Title Case is the test's own word ("Trunk
    Control Scale 18/21"); a side letter is part of a name only in a listed test ("L Test")."""
    stop = _name_stop()
    words = name.split()
    while words and (words[0].lower() in stop or words[0].casefold() in _score_kinds()):
        words = words[1:]  # "Total Test Score SS 5": the battery's total, no test named "Total"
    if len(words) < 2 or any(word.lower() in stop for word in words):
        return ""
    written = " ".join(words)
    if name.split()[0].casefold() in _CONNECTORS:
        return ""  # "(Foot) and Ankle Ability Measure": the tail of a longer name
    parts = {part for _, part, _ in labels.mentions(written.replace("-", " "))}
    if "side" in parts and resolve(written) != written:
        return written
    return written if _regions_only(words, parts) else ""


# Words that join two words of one name ("Foot and Ankle Ability Measure"): a name found
# after one is the tail of a longer name.
_CONNECTORS = frozenset({"and", "&", "of"})


def _regions_only(words: list[str], parts: set[str]) -> bool:
    """True when the anatomy in a name is its own word: none at all, or a region written in a
    name in Title Case ("Trunk Control Scale", "Bournemouth Neck"), no motion and no side."""
    if not parts:
        return True
    return parts == {"joint"} and all(word[:1].isupper() for word in words)


def _standard_scores(
    scanner: Scanner,
    facts: list[Fact],
    last_on_line: dict[int, tuple[MeasureDef, int]],
    named_at: set[int],
) -> None:
    """ "SPM-2 home total T-score 68 ... School total T-score 66.": a later sentence of the same
    line, naming no instrument, that gives a standard score gives the last instrument's."""
    text = scanner.text
    for line_start, (measure, read_to) in last_on_line.items():
        _, line_end = scanner.line(line_start)
        for word in _STANDARD_SCORE.finditer(text, read_to, line_end):
            sentence_start, sentence_end = scanner.sentence(word.start())
            if any(sentence_start <= at < sentence_end for at in named_at):
                continue
            qualifier = _NAME_BEFORE.search(text, sentence_start, word.start())
            item = qualifier.group(1) if qualifier else ""
            read_scores(scanner, facts, measure, word.end(), sentence_end, qualifier=item)


def _fractions(scanner: Scanner, facts: list[Fact]) -> None:
    """A fraction after a name ("Lawton IADL 4/8") that nothing else read: a score out of its
    denominator on the instrument the name gives. Ratings (/10) and grades (/5) are not."""
    text = scanner.text
    stop = item_stop_words()
    for match in _FRACTION.finditer(text):
        value, whole = float(match.group(1)), int(match.group(2))
        if whole in (5, 10) or not 0 <= value <= whole or not scanner.free(*match.span()):
            continue
        if _amount_after().match(text, match.end()):
            continue  # "walked 1/2 mile": an amount, not a score
        named = _NAME_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if named is None or scanner.is_blocked(*named.span(1)):
            continue
        words = named.group(1).split()
        heading = _bracketed_name(scanner, match.start())
        if heading:
            # "Scar (Vancouver): R antecubital 7/13, chest 5/13": the sites are the items
            item = " ".join(words)
            measure = MeasureDef(name=heading, aliases=(heading,))
            read_scores(scanner, facts, measure, named.end(), match.end(), qualifier=item)
            continue
        if not any(w[0].isupper() for w in words):
            continue
        if any(word.lower() in stop for word in words) and not _titled_region(words):
            continue
        if all(word.upper().strip(":(") in not_instruments() for word in words):
            continue  # "IE 2/9", "DC 3/14": a visit and its day, never an instrument
        if words[0].upper().strip(":(") in not_instrument_names():
            continue  # "IRF admit 14/50": a place, a device or a stage names no instrument
        if _month_day(value, whole) and match.group(1).startswith("0"):
            continue  # "seen 03/17": a month written with its zero is a date, never a score
        if _month_day(value, whole) and (_dated(words) or says_when(words)):
            continue  # "Labs 2/3", "IEP meeting 5/6": the day something happened, not a score
        words, item = _without_score_words(words)
        measure = MeasureDef(name=" ".join(words), aliases=(" ".join(words),))
        bracket = _BRACKET_AFTER.match(text, match.end())
        # an earlier score over the same whole in the bracket after it ("Perme score 12/32
        # (was 7/32)"); any other bracket ("(3 mo ago)", "(Rm 4)") is no score of it
        same = bracket is not None and _same_whole(bracket.group(), match.group(2))
        limit = bracket.end() if bracket is not None and same else match.end()
        read_scores(scanner, facts, measure, named.end(), limit, qualifier=item)


_BRACKET_AFTER = re.compile(r"[ \t]*\([^()\n]{1,40}\)")


def _titled_region(words: list[str]) -> bool:
    """A name in Title Case of two words or more whose anatomy is a region only ("Bournemouth
    Neck 31/70"), which a rating's or a range's words never are."""
    if len(words) < 2 or not all(word[:1].isupper() for word in words):
        return False
    written = " ".join(words).replace("-", " ")
    parts = {part for _, part, _ in labels.mentions(written)}
    stop = item_stop_words()
    return _regions_only(words, parts) and any(w.lower() not in stop for w in words)


def _same_whole(bracket: str, whole: str) -> bool:
    """A bracket that holds one fraction over `whole` and no other number."""
    numbers = re.findall(r"\d+(?:\.\d+)?(?:[ \t]*/[ \t]*\d+)?", bracket)
    return len(numbers) == 1 and re.sub(r"[ \t]", "", numbers[0]).endswith(f"/{whole}")


def _without_score_words(words: list[str]) -> tuple[list[str], str]:
    """A name without the words that say what kind of score follows ("Perme score", "MRC sum
    total"), which label the score instead; the name keeps at least one word."""
    generic = {word.casefold() for word in _score_kinds()}
    kept = list(words)
    while len(kept) > 1 and kept[-1].casefold().rstrip(":") in generic:
        kept.pop()
    return kept, " ".join(words[len(kept) :])


@cache
def _score_kinds() -> frozenset[str]:
    """Words after a name that say what kind of score follows (instruments.toml [names])."""
    return frozenset(score_kinds())


def _dated_fraction(text: str, at: int, words: list[str]) -> bool:
    """A month and day at `at` after words that say when ("assessment booked 4/15")."""
    found = _FRACTION.match(text, at)
    if found is None or not _month_day(float(found.group(1)), int(found.group(2))):
        return False
    return says_when(words) or _dated(words)


def _month_day(value: float, whole: int) -> bool:
    """A fraction that reads as a month and a day ("1/28", "12/3")."""
    return value.is_integer() and 1 <= value <= 12 and 1 <= whole <= 31


def _dated(words: list[str]) -> bool:
    """Words after which a month and day is when something happened ("Labs", "staples out",
    "No falls since", measures.toml date_words), not an unlisted test's score ("Houghton
    9/12")."""
    cues = {word.lower() for word in instrument_words().get("date_words", ())}
    return any(word.lower().rstrip(":") in cues for word in words)


# "Scar (Vancouver):", "Hand function (Jebsen-Taylor):": an instrument named in brackets
# before a colon that opens its scores.
_BRACKET_REACH = 200
# A heading's single letter at the start of its line ("S", "- B"): the bracket after it spells
# the letter out (SBAR, SOAP, DAP), it names no instrument.
_LETTER_BEFORE = re.compile(r"(?:^|\n)[ \t*\u2022-]*[A-Z][ \t]*\Z")
_BRACKET_NAME = re.compile(r"\(([A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,3})\)[ \t]*:")


def _bracketed_name(scanner: Scanner, pos: int) -> str:
    """The instrument a bracket before a colon names, earlier in the sentence of `pos`."""
    start, _ = scanner.sentence(pos)
    every = list(_BRACKET_NAME.finditer(scanner.text, max(start, pos - _BRACKET_REACH), pos))
    found = every[-1] if every else None
    if found is None or scanner.is_blocked(*found.span(1)):
        return ""
    name = found.group(1)
    if _LETTER_BEFORE.search(scanner.text, max(0, found.start() - 8), found.start()):
        return ""  # "S (Situation):", "A (Assessment):": a heading's letter spelled out
    if any(word.upper() in not_instruments() for word in name.split()):
        return ""
    if labels.mentions(name.replace("-", " ")):
        return ""
    return name


def read_scales(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Grades of ordinal scales ("MAS R elbow flexors 1+, R wrist flexors 1"): read as the
    scale's grades, so they are never taken for a range of motion or a muscle grade."""
    text = scanner.text
    for scale, names, grade in _scale_patterns():
        for name in names.finditer(text):
            if scanner.in_header(name.start()):
                continue
            scanner.block(*name.span())
            _, end = scanner.sentence(name.start())
            for found in grade.finditer(text, name.end(), end):
                if not scanner.free(*found.span()):
                    continue
                written = found.group()
                value: int | float | str = written if "+" in written else to_number(written)
                parts = attribute(scanner, found.start(), found.end(), floor=name.end())
                # "thumb 2.83, index 3.61": a digit named in the reading's own clause is its
                digit = digit_before(text, name.end(), found.start())
                joint = digit or parts.joint
                label = labels.join(scale.name, parts.side, joint, parts.muscle)
                scanner.emit(facts, "other", value, found.span(), label + parts.previous)


@cache
def _scale_patterns() -> tuple[tuple[ScaleDef, Led, re.Pattern[str]], ...]:
    """Each scale's names (searched through their words, once a note) and grades."""
    return tuple(
        (
            scale,
            led(
                re.compile(rf"(?<![\w-])(?:{alternation(scale.aliases)})(?![\w-])", re.IGNORECASE),
                *(alternation([alias]) for alias in scale.aliases),
            ),
            re.compile(rf"(?<![\w.+/-])(?:{scale.grades})(?![\w/°%+]|\.\d)"),
        )
        for scale in grade_scales()
    )


def _shouting(scanner: Scanner, pos: int) -> bool:
    """A line written in capitals: its words are not acronyms. A list of instruments ("KOOS 30,
    NDI 24%, FABQ-PA 12, SF-36 PCS 40, PHQ-9 4") is capitals too, but of names only, so the
    line must also hold ordinary words ("PATIENT TOLERATED TREATMENT")."""
    return _shouting_line(scanner.text, *scanner.line(pos))


@lru_cache(maxsize=1024)
def _shouting_line(text: str, start: int, end: int) -> bool:
    """`_shouting` of the line text[start:end], judged once per line: every name on a long
    line asks (a count of the whole line per name was quadratic in the line's length); the
    note's text is one object, hashed once."""
    line = text[start:end]
    letters = [ch for ch in line if ch.isalpha()]
    if len(letters) <= _SHOUTING_LETTERS:
        return False
    if sum(ch.isupper() for ch in letters) / len(letters) <= _UPPER_LINE:
        return False
    return len(_SHOUTED_WORD.findall(line)) >= _SHOUTED_WORDS
