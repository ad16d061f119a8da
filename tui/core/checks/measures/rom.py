"""Range of motion: single values, ranges ("5-102 deg" is flexion 102 lacking 5 of extension),
deficits ("lacks 10", "ext -3"), earlier values in brackets, and spelled-out degrees.

A number is read as ROM only when a degree sign follows it, a motion or joint word names it in
its clause, or it follows another ROM value of the same sentence ("(was 8-95 last wk)");
exercise set-ups ("scaption to 90 w/ 1#") and thresholds ("elevation >90") are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels, legends
from tui.core.checks.measures.attribution import Attribution, attribute
from tui.core.checks.measures.length_tests import length_label, measured_joint
from tui.core.checks.measures.muscle_grades import muscle_group
from tui.core.checks.tables import (
    attribution_words,
    measures_section,
    millimetre_motions,
    not_measurement_words,
    setting_words,
    summed_motions,
    vocabulary,
)
from tui.core.checks.text.alternation import either, words_pattern
from tui.core.checks.text.lexicon import DEGREES, FOLLOW, words
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

# A slash after an angle makes it a score or a date, unless the other side's value follows ("rot
# R 62 / L 48": the two sides of one motion).
_BAD_AFTER = re.compile(
    r"\s*(?:/(?![ \t]*(?:R|L|rt|lt|right|left)[ \t]*:?[ \t]*-?\d)|%|percent\b|x\b|reps?\b"
    r"|sets?\b|min\b|mins\b|minutes?\b|s\b|sec\b|secs\b|seconds?\b"
    r"|lbs?\b|pounds?\b|#|kg\b|cm\b|mm\b|ft\b|feet\b|m\b|meters?\b|in\b|inch|times\b|days?\b|wks?\b|weeks?\b"
    r"|visits?\b|points?\b|pts?\b|units?\b|hours?\b|hrs?\b|y/o|yo\b|steps?\b|words?\b|letters?\b"
    r"|bpm\b|mph\b|mm ?Hg\b|ml\b|beats\b|km\b|km/h\b|kph\b|mi\b|miles?\b"
    # a gap measured with the fingers ("subluxation 1 fingerbreadth", "diastasis 2 FW"): a
    # count of finger widths, never an angle
    r"|finger[ -]?(?:breadth|width)s?\b|F[BW]s?\b)",
    re.IGNORECASE,
)
# A count out of a small whole ("rep 2 of 3", "3 out of 5"): no angle, nor is its whole. Only a
# small count of a small whole, without degrees, is one: "Shoulder flexion 150 of 180", "ER 45 of
# 90" are angles out of their norm (see _counted).
_SMALL_WHOLE = 12
_OF_AFTER = re.compile(
    r"[ \t]+(?:out[ \t]+)?of[ \t]+(\d{1,2})(?![\d.]|[ \t]*(?:\u00b0|deg))", re.IGNORECASE
)
_OF_BEFORE = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d)?)[ \t]+(?:out[ \t]+)?of[ \t]+$", re.IGNORECASE)
_RANGE = re.compile(
    rf"(\d{{1,3}}(?:\.\d+)?)\s*(?:-|to|through|thru)\s*(\d{{1,3}}(?:\.\d+)?)(?!\.?\d)(\s*{DEGREES})?",
    re.IGNORECASE,
)
# A range starts at 0 or at an extension deficit; "95 to 105" is two measurements, not a range.
_MAX_RANGE_START = 30
_SINGLE = re.compile(rf"(\d{{1,3}}(?:\.\d+)?)(?!\.?\d)(\s*{DEGREES})?")
# The day of a date written month/day ("10/02°" in a pasted row): a zero-led number after a
# number and a slash is no angle ("120/115°", a pair of angles, is).
_DATE_DAY = re.compile(r"(?<=\d/)0\d")
_LACKS = re.compile(r"\b(?:lacks?|lacking|lag|lagging|short)\b", re.IGNORECASE)
# A deficit said after its angle: "R 40 deg short of full knee ext", "L 30 deg short", "10°
# shy of neutral", "15° from full extension".
_SHORT_AFTER = re.compile(
    r"[ \t]+(?:short\b(?![ \t]+(?:arc|lever|stance|sitting|sit)\b"
    r"|[ \t]+of[ \t]+(?:(?:the|her|his|their)[ \t]+)?(?:goals?|targets?)\b)|shy[ \t]+of\b|lacking\b"
    r"|from[ \t]+(?:full|neutral|zero|terminal)\b)",
    re.IGNORECASE,
)
_MM = re.compile(r"\s*mm\b", re.IGNORECASE)
_LAG = re.compile(r"\blag\b", re.IGNORECASE)
_MAX_DEGREES = 200


@cache
def _verb_motions() -> frozenset[str]:
    """Motion abbreviations that are also verbs ("add"): a bare number after one is an angle
    only where a joint is named (measures.toml [rom] verb_motions)."""
    rom = measures_section("rom")
    return frozenset(str(word).lower() for word in rom.get("verb_motions", ()))


@cache
def _size_words() -> re.Pattern[str]:
    """Words of a length ("width", "height"): a value after one is no angle (measures.toml)."""
    return words_pattern(setting_words().get("sizes", ()))


@cache
def _equipment_words() -> re.Pattern[str]:
    """Equipment and set-up words whose angles are not a range of motion (measures.toml)."""
    return words_pattern(not_measurement_words().get("equipment_angles", ()))


@dataclass(frozen=True)
class _Rom:
    end: int
    motion: str
    prior: bool = False
    unit: str = ""
    worded: bool = False  # labelled by its own words, no motion named ("SLR L 58 deg")
    joint: str = ""


def read_rom(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Every free number that reads as range of motion, sentence by sentence."""
    previous: _Rom | None = None
    sentence = (-1, -1)
    worded = _sentences_with_rom_words(scanner)
    scored = _outcome_ends(facts)
    text = scanner.text
    for token in scanner.tokens():
        if not scanner.free(token.start(), token.end()) or _DATE_DAY.match(text, token.start()):
            continue
        here = scanner.sentence(token.start())
        if here != sentence:
            sentence = here
            previous = _other_side_of(scanner, here, previous)
        if previous is None and sentence[0] not in worded and not _ANGLE.match(text, token.end()):
            continue  # no ROM word in the sentence and no degree sign: nothing to read here
        found = _rom_at(scanner, facts, scored, token.start(), previous)
        if found is not None:
            previous = found


# A sentence holding only a side and an angle or arc ("L knee AROM 0-128 deg. R 0-142."): the
# other side of the motion the sentence before measured, as a clinician reads it on.
_SIDE_ONLY = re.compile(
    r"\s*(?:[-*\u2022][ \t]+)?((?:R|L|rt|lt|right|left)\b)\.?[ \t]*:?[ \t]*-?\d{1,3}(?:\.\d+)?"
    rf"(?:[ \t]*(?:-|to)[ \t]*\d{{1,3}}(?:\.\d+)?)?(?:[ \t]*{DEGREES})?[ \t]*[.;]?[ \t]*",
    re.IGNORECASE,
)


# Between the angle before and the other side's sentence: only the marks that end a sentence.
_SENTENCE_GAP = re.compile(r"[\s.;)\]]*")


def _other_side_of(
    scanner: Scanner, sentence: tuple[int, int], previous: _Rom | None
) -> _Rom | None:
    """The ROM read last carried into a sentence of only the other side's angle, None else. The
    sentence must start on the line the angle before ended on or the next (a draft's bullets put
    each sentence on its own line); a blank line between starts a new entry."""
    if previous is None:
        return None
    start, end = sentence
    text = scanner.text
    if text.count("\n", previous.end, start) > 1 or not _SENTENCE_GAP.fullmatch(
        text, previous.end, start
    ):
        return None  # a blank line, or another sentence read as something else, between
    side = _SIDE_ONLY.fullmatch(text, start, end)
    return None if side is None else replace(previous, end=side.start(1))


_ANGLE = re.compile(
    rf"(?:\s*(?:-|to|through|thru)\s*\d{{1,3}}(?:\.\d+)?)?\s*{DEGREES}", re.IGNORECASE
)


def _sentences_with_rom_words(scanner: Scanner) -> set[int]:
    """Where the sentences naming a motion, joint or ROM start (one pass over the text)."""
    return {scanner.sentence(m.start())[0] for m in words().rom_finder.finditer(scanner.text)}


def _rom_at(
    scanner: Scanner, facts: list[Fact], scored: list[int], pos: int, previous: _Rom | None
) -> _Rom | None:
    """Read a ROM value (or range) starting at `pos`, emitting facts; None when it is not.
    `scored` is where each outcome score read before this pass ends (`_outcome_ends`)."""
    text = scanner.text
    if _exercise_arc(scanner, pos):
        return None
    ranged = _range_at(scanner, pos)
    if ranged is None and _end_taken(scanner, pos):
        return None  # "3-4x/night": the end of a range is a count, so its start is no angle
    match = ranged or _SINGLE.match(text, pos)
    if match is None:
        return None
    number_end = match.end(2) if ranged else match.end(1)
    has_unit = bool(match.group(3 if ranged else 2))
    own = text[scanner.clause_start(pos) : pos]
    clause = _key_clause(scanner, pos, own)
    keyword = _last_rom_word(clause) or _listed_keyword(scanner, pos, own)
    follow = previous is not None and _follows(text[previous.end : pos])
    millimetres = not has_unit and _in_millimetres(
        text,
        number_end,
        keyword,
        follow and previous is not None and previous.unit == "mm",
    )
    if (
        not has_unit
        and not millimetres
        and _BAD_AFTER.match(text, number_end)
        and not _motion_after_slash(text, number_end)
    ):
        return None
    if not ranged and _counted(text, pos, number_end, keyword, clause, has_unit):
        whole = _OF_AFTER.match(text, number_end)
        if whole is None or keyword is None or previous is not None:
            return None
        # "Knee flexion rep 2 of 3: 110": the count qualifies the angle after it, which
        # follows on with the motion named before the count
        return _Rom(end=whole.end(), motion=attribute(scanner, pos, number_end).motion or "")
    if (
        keyword
        and (not has_unit or _AT_BEFORE.search(clause))
        and _joint_then_words(keyword, clause)
    ):
        # "L shoulder fatigue 139", "finger chase R 1", "shoulder endurance at 90 deg": no
        # angle of the joint (with degrees, only the angle something is done at)
        return None
    if not has_unit and keyword and _size_words().search(clause, keyword.end()):
        return None  # "hip width 16.5": a length of the patient, not a hip angle
    if not has_unit and keyword and muscle_group(clause[keyword.end() :]):
        return None  # "elbow flexors 5": a grade of the muscles, not an elbow angle
    if (
        not has_unit
        and not ranged
        and not _motion_named(keyword, clause)
        and _item_of_score(scanner, scored, pos, match.group(1))
    ):
        return None  # "SARA 14.5/40: ...; finger chase R 1 / L 1": the scale's item scores
    if not has_unit and not ranged and _graded(scanner, pos, match.group(1)):
        return None  # "mmt L er 4 5": a grade in a sentence about muscle testing
    if not (has_unit or keyword or follow or millimetres) or (
        _not_rom(scanner, pos, own) and not keyword
    ):
        return None
    if not keyword and not follow and _LAG.search(text, scanner.sentence_before(pos), pos):
        return None  # "Quad lag (SLR); Today 5°": an angle of a lag, not a range of motion
    written = [match.group(1), match.group(2)] if ranged else [match.group(1)]
    if any(to_number(number) > _most_degrees(keyword, previous) for number in written):
        return None
    written_mm = _MM.match(text, number_end)
    end = written_mm.end() if millimetres and written_mm else match.end()
    found = attribute(scanner, pos, end)
    if not has_unit and keyword and not found.joint and keyword.group().lower() in _verb_motions():
        return None  # "add 1 land session/wk", "add one consult": the verb, not adduction
    # "SLR L 58 deg, R 75 deg": the other side's value following one named by its own words
    # (no motion) is named by the same words, not given a motion ("SLR R 70 vs 45 deg", no
    # side of its own, follows on as before)
    worded = (
        follow
        and previous is not None
        and previous.worded
        and not found.motion
        # "SLR R 62 deg (eval 41 deg)": an earlier value bracketed after it is its too
        and (bool(labels.parts_of(own).side) or (found.prior and "(" in text[previous.end : pos]))
    )
    if not found.motion and follow and previous is not None and not worded:
        # an arc after an extension's deficit ("extensión -4°. Izquierda 0-125°") runs to the
        # joint's flexion, as any arc with no motion named does
        motion = "" if ranged and previous.motion == "extension" else previous.motion
        found = replace(found, motion=motion, joint=found.joint or previous.joint)
    unit = "mm" if millimetres else None
    if ranged:
        _emit_range(scanner, facts, ranged, found)
    else:
        lacks = (
            text[max(0, pos - 1) : pos] == "-"
            or bool(_LACKS.search(own))
            or bool(_SHORT_AFTER.match(text, end))
        )
        # a key may name it, not its words
        bare = (not follow or worded) and _last_rom_word(own) is None
        _emit_single(scanner, facts, (match.start(1), end), found, lacks, bare=bare, unit=unit)
        return _Rom(
            end=end,
            motion=found.motion or "flexion",
            prior=found.prior,
            unit=unit or "",
            worded=bare and not found.motion and not lacks,
            joint=found.joint,
        )
    return _Rom(
        end=end,
        motion=found.motion or "flexion",
        prior=found.prior,
        unit=unit or "",
        joint=found.joint,
    )


# A slash, then a motion's name and its own number ("wrist flex 55 / ext 48"): two motions of
# one joint written as a pair, not a score or a date.
_SLASH_THEN_WORD = re.compile(r"[ \t]*/[ \t]*([A-Za-z][A-Za-z .]{0,24}?)[ \t]*:?[ \t]*-?\d")


def _motion_after_slash(text: str, number_end: int) -> bool:
    """True when a slash after the number leads to another motion with its own value."""
    after = _SLASH_THEN_WORD.match(text, number_end)
    if after is None:
        return False
    named = words().rom_any.fullmatch(after.group(1).strip())
    return named is not None and vocabulary().motions.get(named.group().lower()) is not None


@cache
def _joint_fillers() -> re.Pattern[str]:
    """Words that may stand between a joint and its bare angle (measures.toml [rom])."""
    return words_pattern(measures_section("rom").get("joint_fillers", ()))


_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_AT_BEFORE = re.compile(r"(?<![A-Za-z])(?:at|@)[ \t]*\Z", re.IGNORECASE)


def _joint_then_words(keyword: re.Match[str], clause: str) -> bool:
    """True when the ROM word before the value is a joint with no motion named in its clause,
    and a word of something else (a symptom, a test's item) stands between it and the value."""
    named = keyword.group().lower()
    vocab = vocabulary()
    if named not in vocab.joints or named in vocab.motions:
        return False
    if any(part == "motion" for _, part, _ in labels.mentions(clause)):
        return False
    rest = _timepoint_words().sub(" ", labels.without_sides(clause[keyword.end() :]))
    rest = _joint_fillers().sub(" ", rest)
    others = [w for w in _WORD.findall(rest) if not labels.mentions(w)]
    return bool(others)


# The date of a timepoint word ("(eval 12/05: R 80"): it says when, the value still follows on.
_TIMEPOINT_DATE = re.compile(r"(?<=[A-Za-z])[ \t]+\d{1,2}/\d{1,2}(?:/\d{2,4})?(?=[ \t]*[:)\]])")


def _follows(between: str) -> bool:
    """Only words of an earlier value, a side or a timepoint (with its date) lie between two
    values of one motion ("R 75, L 60 (eval 12/05: R 80")."""
    return bool(FOLLOW.fullmatch(between) or FOLLOW.fullmatch(_TIMEPOINT_DATE.sub("", between)))


# The values of a bare-slash list before the last ("150/" of "150/165 (R/L)").
_SLASH_LEAD = re.compile(r"(?:-?\d{1,3}(?:\.\d+)?\u00b0?/)+\Z")


def _listed_keyword(scanner: Scanner, pos: int, own: str) -> re.Match[str] | None:
    """The motion naming the last value of a bare-slash list a side legend closes ("Shoulder
    elevation 150/165 (R/L)"): the words before the list, as for its first value; the list's
    other values are read from its legend (listed_values)."""
    lead = _SLASH_LEAD.search(own)
    if lead is None:
        return None
    line_start, line_end = scanner.line(pos)
    if not legends.in_list(scanner.text[line_start:line_end], pos - line_start):
        return None
    return _last_rom_word(own[: lead.start()])


@cache
def _grading_words() -> re.Pattern[str]:
    """Words of muscle testing (measures.toml [rom] grading)."""
    rom = measures_section("rom")
    return words_pattern(rom.get("grading", ()))


_MOST_GRADE = 5
# The most an instrument's item scores (SARA's items reach 8, ICARS's 6): a bare number above
# is read as the angle it may be.
_MOST_ITEM = 8


def _motion_named(keyword: re.Match[str] | None, clause: str) -> bool:
    """The value's own key is a motion with nothing but sides after it ("ER 5", "flex R 3")."""
    if keyword is None or keyword.group().lower() not in vocabulary().motions:
        return False
    return not labels.without_sides(clause[keyword.end() :]).strip(" \t:")


def _outcome_ends(facts: list[Fact]) -> list[int]:
    """Where each outcome score read so far ends, ascending: this pass reads no scores, so the
    list holds for the whole pass, and a value asks only the scores ending in its sentence
    instead of every fact of the note."""
    return sorted(fact.span[1] for fact in facts if fact.kind == "outcome")


def _item_of_score(scanner: Scanner, scored: list[int], pos: int, written: str) -> bool:
    """A small bare number in the list a test's score opens with a colon in its sentence ("SARA
    14.5/40: gait 4, ..., finger chase R 1 / L 1"): an item's score, never a joint's angle.
    `scored`: the outcome scores' ends, ascending (`_outcome_ends`)."""
    if to_number(written) > _MOST_ITEM:
        return False
    start, _ = scanner.sentence(pos)
    for index in range(bisect_left(scored, start), bisect_right(scored, pos)):
        opened = _ITEM_LIST_OPENS.match(scanner.text[scored[index] : pos])
        if opened:
            return True
    return False


# A score's list opened after it: a colon, a bracket before it at most ("SARA 14.5/40 (ataxia):").
_ITEM_LIST_OPENS = re.compile(r"[ \t]*(?:\([^()\n]{0,30}\))?[ \t]*:")


def _graded(scanner: Scanner, pos: int, written: str) -> bool:
    """A bare number in a muscle grade's range in a sentence about muscle testing: a grade."""
    if to_number(written) > _MOST_GRADE:
        return False
    return bool(_grading_words().search(scanner.text, scanner.sentence_before(pos), pos))


def _most_degrees(keyword: re.Match[str] | None, previous: _Rom | None) -> float:
    """A joint's range stops at 200°; a total of several joints' (TAM 240°, "260 on the left")
    may run further."""
    summed, most = summed_motions()
    motion = vocabulary().motions.get(keyword.group().lower(), "") if keyword else ""
    if motion in summed or (keyword is None and previous is not None and previous.motion in summed):
        return max(most, _MAX_DEGREES)
    return _MAX_DEGREES


def _in_millimetres(
    text: str, number_end: int, keyword: re.Match[str] | None, chained: bool
) -> bool:
    """ "Mouth opening 32 mm (was 26 mm)", "lateral excursion R 7 mm, L 9 mm": motions
    measured as a distance, and values chained to one; a jaw's motion is measured only so,
    so its value without a unit ("max opening up from 36 at the eval") is in mm too."""
    jaw = keyword is not None and keyword.group().lower() in millimetre_motions()
    if not _MM.match(text, number_end):
        return (jaw or chained) and not _BAD_AFTER.match(text, number_end)
    return chained or jaw


def _key_clause(scanner: Scanner, pos: int, clause: str) -> str:
    """The words naming the value at `pos`: its own clause, or, where that holds nothing but
    the colon's space or a side, with the key of its "key: value" line before it ("Knee
    flexion: R 110, L 95"). The key names the value only when it ends in anatomy words (a
    remark in brackets aside: "flex bar red)  Minutes: 20" is no flexion) and the value ends
    its clause ("L shoulder: 1 finger-width subluxation" is no shoulder angle). The value's
    sign is no word of its clause ("Knee ext: R -5, L 0"). After a comma, only a range that
    restates a motion the clause before calls full ("Elbow AROM full, 0-145 bilat") takes
    that clause's words: any other value after a comma is its own clause's. After a colon,
    the clause may also hold the words of a timepoint ("Knee flexion: eval 90, today 110", a
    table's "R knee flexion: (Eval) 90"): see _only_timepoints."""
    start = pos - len(clause)
    text = scanner.text
    own = clause
    # a bracket opens the value's clause (a table's "R knee flexion: (Eval) 90"): the clause
    # runs back to the colon when what the brackets hold is a timepoint
    while start > 0 and text[start - 1] == "(" and _only_timepoints(clause):
        start = scanner.clause_start(start - 1)
        clause = text[start:pos]
    if not _only_timepoints(clause):
        clause, start = own, pos - len(own)
    chained = _chained_timepoints(clause)
    unsigned = _SIGN_BEFORE.sub("", clause[chained:])
    if start < 1 or text[start - 1] not in ":," or not _only_timepoints(unsigned):
        return clause
    key = _whole_key(scanner, start - 1)
    if text[start - 1] == ",":
        # "Elbow AROM full, 0-145 bilat": the range restates a motion called full (or within
        # limits) in the clause before; any other clause before a comma names its own value
        full = _CALLED_FULL.search(key)
        if full is None:
            return clause
        key = key[: full.start()]
        ranged = _RANGE.match(text, pos)
        if ranged is None:
            return clause
        both = _BOTH_AFTER.match(text, ranged.end())
        if _CLAUSE_END.match(text, both.end() if both else ranged.end()) is None:
            return clause  # only a range restates the motion's whole arc
        named = _last_rom_word(key)
        if named is None or not _anatomy_only(key[named.end() :]):
            return clause
        return key + " " + clause
    # a bracket after the motion ("cerv rot (arthrodial protractor, supine): R 75") says how it
    # was measured: the motion is read past it, however long
    bare_key = key if _BRACKET_UNIT.search(key) else _BRACKETED.sub(" ", key)
    named = _last_rom_word(bare_key)
    if named is None or not _anatomy_only(bare_key[named.end() :]):
        return clause
    value = _SINGLE.match(text, pos)
    if value is None or (
        _CLAUSE_END.match(text, value.end()) is None and _next_timepoint(text, value.end()) is None
    ):
        return clause
    # a timepoint stands before the value: only a key naming a motion names it ("Knee flex
    # AROM: eval 90"; "R knee: eval 6" names no angle), and a bare 1 to 5 is as likely a
    # grade ("Hip abd: eval 3, today 4")
    timed = bool(labels.without_sides(unsigned).strip(" \t(["))
    if timed and (not labels.parts_of(key).motion or _grade_like(text, pos, value)):
        return own
    keyed = key + " " + clause
    return keyed if _last_rom_word(keyed) is not None else bare_key + " " + clause


def _whole_key(scanner: Scanner, colon: int) -> str:
    """The key before a colon (or comma), with a bracket it ends in read whole: the commas of
    "cerv rot (inclinometer, seated): R 64" are the bracket's, not the key's clauses."""
    text = scanner.text
    start = scanner.clause_start(colon)
    key = text[start:colon]
    if not key.rstrip().endswith(")") or "(" in key:
        return key
    opening = text.rfind("(", scanner.line(colon)[0], start)
    if opening < 0 or ")" in text[opening:start]:
        return key
    return text[scanner.clause_start(opening) : colon]


# A whole number a muscle grade could be (1 to 5), written bare after a timepoint.
_GRADE_LIKE = range(1, 6)


def _grade_like(text: str, pos: int, value: re.Match[str]) -> bool:
    """A bare whole number from 1 to 5, with no sign and no degrees: after a timepoint word
    under a motion ("eval 3, today 4") it reads as a muscle grade as well as an angle."""
    if value.group(2) or text[max(0, pos - 1) : pos] in ("-", "+", "\u2212"):
        return False
    number = to_number(value.group(1))
    return number == int(number) and int(number) in _GRADE_LIKE


_BRACKETED = re.compile(r"\([^()\n]*\)")
# A bracket naming a unit other than degrees ("Lumbar flexion (fingertips to floor, cm): 12"): the
# key's value is a length or a load, so the bracket is never read past.
_BRACKET_UNIT = re.compile(
    r"\([^()\n]*(?<![A-Za-z])(?:cm|mm|in|inch(?:es)?|kg|lbs?|N|s|secs?|seconds|%|m|ft)"
    r"(?![A-Za-z])[^()\n]*\)"
)
# Both sides written after a range ("0-145 bilat"): the range's, before its clause ends.
_BOTH_AFTER = re.compile(r"[ \t]+(?:bilat\w*|b/l|both)\b\.?", re.IGNORECASE)
# A motion called full or within its limits, the words that end its clause: "Elbow AROM full".
_CALLED_FULL = re.compile(
    r"[ \t]+(?:full|WNL|WFL|within normal limits|within functional limits)[ \t]*\Z", re.IGNORECASE
)
# A sign written right before the value ("R -5"): part of the value, not of its clause's words.
_SIGN_BEFORE = re.compile(r"(?<![\w-])[-+\u2212]\Z")
# After a value (and its unit: degrees, or millimetres for a jaw), the end of its clause: a
# mark, a bracket's close, the line's end, or a side written after it.
# (a bracket after the value holds an aside, its earlier value: "Knee flexion: R 160 (was 140),
# L 170" ends the clause after the bracket)
_CLAUSE_END = re.compile(
    rf"(?:\s*(?:{DEGREES}|mm\b))?(?:[ \t]*\([^()\n\d]{{0,20}}\d[^()\n]{{0,20}}\))?"
    r"[ \t]*(?:[,;)|]|\.(?!\d)|$|(?:R|L|rt|lt|right|left)\b)",
    re.IGNORECASE | re.MULTILINE,
)


@cache
def _timepoint_words() -> re.Pattern[str]:
    """The words of a timepoint that may stand between a motion's colon and its bare angle:
    [attribution] before_name and current, and [rom] key_timepoints (measures.toml)."""
    said = attribution_words()
    written = (
        *said.get("before_name", ()),
        *said.get("current", ()),
        *(str(word) for word in measures_section("rom").get("key_timepoints", ())),
    )
    return re.compile(rf"(?<![\w-])(?:{either(written)})(?![\w-])", re.IGNORECASE)


# What may be left between a motion's colon and its value once sides and timepoints are out:
# spaces, brackets (a table layer's "(Eval)") and a colon or a dash after the timepoint.
_TIMEPOINT_REST = re.compile(r"[\s()\[\]:\-\u2013]*")


def _only_timepoints(clause: str) -> bool:
    """True when the value's clause holds nothing but sides and timepoint words ("R", " eval ",
    " (Today) ", " (Oct) (previous) "): the number is the key's motion's angle at that time.
    A clause of other words ("goal", "pain", "lag", "3 sets of") is not; the number's own unit
    and the clause's end are checked by _key_clause's callers as for "Knee flex: 110". Linear:
    one substitution over the clause."""
    rest = _timepoint_words().sub(" ", labels.without_sides(clause))
    return bool(_TIMEPOINT_REST.fullmatch(rest))


# One timepoint's value in a chain written without commas ("eval 90 today 110"): a number with
# its degrees, then spaces.
_CHAIN_VALUE = re.compile(
    rf"[ \t]*:?[ \t]*[-+\u2212]?\d{{1,3}}(?:\.\d+)?(?:[ \t]*{DEGREES})?[ \t]+"
)


def _chained_timepoints(clause: str) -> int:
    """Where the value's own timepoint starts in a clause that chains timepoints and their
    values without commas ("eval 90 today " before 110): after the last earlier value, or 0
    when the clause is no such chain. Each timepoint word is looked at once."""
    position = 0
    for word in _timepoint_words().finditer(clause):
        if clause[position : word.start()].strip(" \t:([)]"):
            return 0
        value = _CHAIN_VALUE.match(clause, word.end())
        if value is None:
            return position if _only_timepoints(clause[position:]) else 0
        position = value.end()
    return position if position and _only_timepoints(clause[position:]) else 0


def _next_timepoint(text: str, end: int) -> re.Match[str] | None:
    """After a value, the next timepoint of a chain with its value ("90 today 110")."""
    gap = re.compile(r"(?:[ \t]*(?:°|deg\w*))?[ \t]+").match(text, end)
    if gap is None:
        return None
    word = _timepoint_words().match(text, gap.end())
    if word is None:
        return None
    return re.compile(r"[ \t]*:?[ \t]*[-+\u2212]?\d").match(text, word.end())


def _anatomy_only(words_after: str) -> bool:
    """Nothing but sides, joints, motions and modes ("AROM", "R") is written in the words."""
    found = re.findall(r"[A-Za-z]+", words_after)
    return len(labels.mentions(" ".join(found))) == len(found)


def _not_rom(scanner: Scanner, pos: int, clause: str) -> bool:
    """An angle of equipment or a set-up ("incline 10°", "power tilt (up to 50°)"): the clause,
    and for a value in brackets the words the bracket qualifies."""
    if _equipment_words().search(clause):
        return True
    start = scanner.clause_start(pos)
    if start > 0 and scanner.text[start - 1] == "(":
        before = scanner.text[scanner.clause_start(start - 1) : start - 1]
        return bool(_equipment_words().search(before))
    return False


def _counted(
    text: str, pos: int, end: int, keyword: re.Match[str] | None, clause: str, has_unit: bool
) -> bool:
    """True when the number at `pos` counts out of a small whole ("rep 2 of 3": at most
    `_SMALL_WHOLE`, the count no more than it, not written straight after a motion's name) or
    is the whole a number is out of (the 3; the 180 of "flexion 150 of 180", a norm)."""
    if _OF_BEFORE.search(text, max(0, pos - 16), pos):
        return True  # the whole: a count's, or the norm an angle is out of ("150 of 180")
    whole = _OF_AFTER.match(text, end)
    if whole is None or has_unit:
        return False
    count, total = to_number(text[pos:end]), int(whole.group(1))
    straight = keyword is not None and not clause[keyword.end() :].strip(" \t:")
    return count == int(count) and 0 < count <= total <= _SMALL_WHOLE and not straight


def _end_taken(scanner: Scanner, pos: int) -> bool:
    """A range starting at `pos` whose end is not free: read or blocked as something else."""
    ranged = _RANGE.match(scanner.text, pos)
    return ranged is not None and not scanner.free(ranged.start(2), ranged.end(2))


# An arc run from a larger angle to a smaller ("Knee ext 90-45", "LAQ 90-30°"), in the clause
# that doses the exercise (sets by reps, reps, sets or a load): the arc the exercise moves through.
# A third angle chained on ("Knee 5-0-130") makes it a joint's range, hyperextension to flexion.
_DESCENDING = re.compile(
    r"(\d{1,3})[ \t]*(?:-|\u2013)[ \t]*(\d{1,3})(?![\d.]|[ \t]*[-\u2013][ \t]*\d)"
)
_CHAINED = re.compile(r"\d[ \t]*[-\u2013][ \t]*\Z")
_DOSED = re.compile(
    r"(?<![\w.])\d+[ \t]*[x\u00d7][ \t]*\d+(?!\.?\d)|\b(?:reps?|sets?)\b"
    r"|(?<![\w.])\d+(?:\.\d+)?[ \t]*(?:lbs?\b|#|kg\b)",
    re.IGNORECASE,
)
# A clause the dose opens, right after the arc's ("LAQ 90-0 arc, 3x15, 2#"): still the exercise's.
_DOSE_OPENS = re.compile(rf"[ \t]*(?:{_DOSED.pattern})", re.IGNORECASE)
_CLAUSE_MARKS = re.compile(r"[,;]")


_DOSE_REACH = 120


def _exercise_arc(scanner: Scanner, pos: int) -> bool:
    """True at the start of an exercise's arc (see _DESCENDING), which is then blocked: a
    measured range runs up from neutral or a deficit, never down. The dose must be the arc's
    own, in its clause or opening the next ("Knee flex 110-100 (R-L), leg press 3x10 50 lb":
    the leg press's dose, and the knee's range)."""
    text = scanner.text
    arc = _DESCENDING.match(text, pos)
    if arc is None or int(arc.group(1)) <= int(arc.group(2)):
        return False
    line_start, line_end = scanner.line(pos)
    start = max(line_start, pos - _DOSE_REACH)
    if _CHAINED.search(text, start, pos):
        return False
    for before in _CLAUSE_MARKS.finditer(text, start, pos):
        start = before.end()
    limit = min(line_end, pos + _DOSE_REACH)
    after = _CLAUSE_MARKS.search(text, arc.end(), limit)
    end = after.start() if after else limit
    if _DOSED.search(text, start, end) is None and (
        after is None or _DOSE_OPENS.match(text, after.end(), limit) is None
    ):
        return False
    scanner.block(*arc.span())
    return True


def _range_at(scanner: Scanner, pos: int) -> re.Match[str] | None:
    """A range starting at `pos` ("0-115", "5 to 102"), when both ends are free numbers."""
    ranged = _RANGE.match(scanner.text, pos)
    if ranged is None or not scanner.free(ranged.start(2), ranged.end(2)):
        return None
    if to_number(ranged.group(2)) <= _MAX_RANGE_START and _SIGN_NOT_DASH.fullmatch(
        scanner.text, ranged.end(1), ranged.start(2)
    ):
        return None  # "-10   -4": two signed cells of a row (a deficit is small), no arc
    return ranged if to_number(ranged.group(1)) <= _MAX_RANGE_START else None


# Space before a dash and none after it: the next number's minus sign ("Knee ext  -10  -4"), not
# a range's dash, which is written tight ("0-120") or spaced on both sides ("0 - 120"); only a
# number a deficit could be (see _range_at: "5 -110" is a sloppy arc).
_SIGN_NOT_DASH = re.compile(r"[ \t]+[-\u2212]")


def _emit_range(
    scanner: Scanner, facts: list[Fact], match: re.Match[str], found: Attribution
) -> None:
    """The end of a range is the motion's value; a start above 0 is an extension deficit."""
    motion = found.motion or "flexion"
    end = (match.start(2), match.end())
    _emit_rom(scanner, facts, to_number(match.group(2)), end, found, motion)
    start = to_number(match.group(1))
    if start > 0:
        lacking = found.motion in ("", "flexion", "extension")
        suffix = " (deficit)" if lacking else " (range start)"
        motion = "extension" if lacking else found.motion
        span = (match.start(1), match.end(1))
        _emit_rom(scanner, facts, start, span, found, motion, suffix)


def _emit_single(
    scanner: Scanner,
    facts: list[Fact],
    span: tuple[int, int],
    found: Attribution,
    lacks: bool,
    *,
    bare: bool,
    unit: str | None = None,
) -> None:
    """One value; "-3" or "lacks 3" is a deficit of 3 (of extension unless a motion is named)."""
    motion = found.motion or ("extension" if lacks else "")
    suffix = " (deficit)" if lacks else ""
    start, end = span
    negative = scanner.text[max(0, start - 1) : start] == "-"
    number = _SINGLE.match(scanner.text, start)
    assert number is not None
    value = to_number(number.group(1))
    _emit_rom(
        scanner,
        facts,
        value,
        (start - 1 if negative else start, end),
        found,
        motion,
        suffix,
        fallback=bare,
        unit=unit,
    )


def _last_rom_word(clause: str) -> re.Match[str] | None:
    """The last ROM word in a clause, provided no number sits between it and the value."""
    start = max(0, len(clause) - 40)
    while start > 0 and clause[start - 1].isalnum():
        start -= 1
    matches = list(words().rom_any.finditer(clause, start))
    if not matches:
        return None
    between = clause[matches[-1].end() :]
    if len(between) > 30 or any(ch.isdigit() for ch in between):
        return None
    return matches[-1]


def _emit_rom(
    scanner: Scanner,
    facts: list[Fact],
    value: int | float,
    span: tuple[int, int],
    found: Attribution,
    motion: str,
    suffix: str = "",
    *,
    fallback: bool = False,
    unit: str | None = None,
) -> None:
    joint = measured_joint(motion, found.joint)
    suffix = found.previous + suffix
    sentence = scanner.text[scanner.sentence_before(span[0]) : span[0]]
    length = length_label(sentence, found, suffix) if found.muscle else None
    if length is not None:
        label = length  # "L gastroc (knee ext) -8°": the ankle's, the knee held
    elif fallback and not motion:
        before = scanner.text[scanner.sentence_before(span[0]) : span[0]]
        bracket = before.rfind("(")
        if found.prior and bracket > 0 and any(char.isdigit() for char in before[:bracket]):
            # "SLR R 62 deg (eval 41 deg)": the earlier value is named by the words before the
            # value its bracket follows, not by the bracket's own time words
            before = before[:bracket].rstrip() + ", "
        head = labels.own_words(before, 8)
        if found.side:
            head = labels.without_sides(head)  # "SLR R 70°": the side is written once, R SLR
        label = labels.join(found.side, head, suffix.strip())
    else:
        label = labels.join(found.side, joint, motion, found.mode) + suffix
    # A jaw's opening, excursion or protrusion in mm is a length, not an angle (CONVENTIONS.md).
    kind = "other" if unit == "mm" else "rom"
    scanner.emit(facts, kind, value, span, label.strip() or "ROM", unit=unit)
