"""Scores, muscle grades and ratings: outcome measures, MMT grades, pain and other 0-10 ratings.

Outcome measures are found by name (the table in instruments.toml plus the clinic's own names) and
take the score written after the name, then earlier scores introduced by "was", "eval" or a
bracket. A 0-10 rating belongs to the nearest rating word before it: "fatigue 6/10" is a
fatigue rating, never pain; with no word at all it is the patient's pain.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from tui.core.checks.correction_shapes import cues
from tui.core.checks.facts import Fact
from tui.core.checks.layouts.columns import role_of
from tui.core.checks.measures import bracket_headings, labels, muscle_grades
from tui.core.checks.measures.attribution import Attribution, attribute, prior_after
from tui.core.checks.measures.evidence import earlier_visit_at, owned_at, scheduled_at
from tui.core.checks.measures.forces import written_units
from tui.core.checks.measures.full_marks import pain_scale_limit, unnamed_full_marks
from tui.core.checks.measures.leading_scores import leading_score
from tui.core.checks.measures.lettered_items import next_lettered_item
from tui.core.checks.measures.litre_sides import side_not_litres
from tui.core.checks.measures.named_timepoints import earlier_before_name, says_current
from tui.core.checks.measures.said_earlier import read_said_earlier
from tui.core.checks.measures.score_wholes import second_score
from tui.core.checks.measures.taken_after import taken_after
from tui.core.checks.measures.test_protocols import protocol_end
from tui.core.checks.names import (
    ACRONYM,
    condition_words,
    counted_after,
    criterion_openers,
    date_events,
    expectation_words,
    form_after,
    graded_instruments,
    instrument_wholes,
    norm_words,
    not_instrument_names,
    other_versions,
    part_after,
    part_words,
    rated_item_words,
    says_when,
)
from tui.core.checks.tables import (
    MeasureDef,
    instrument_words,
    item_stop_words,
    lab_values,
    lower_case_units,
    measures_section,
    mmt_words,
    not_instruments,
    not_measurement_words,
    vocabulary,
)
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import (
    FOLLOW,
    NUM,
    MeasureMatcher,
    Words,
    alternation,
    led,
    measure_matcher,
    words,
)
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.searched_once import matches_from
from tui.core.checks.text.spoken_marks import spoken_marks

_OUTCOME_SUFFIX = re.compile(
    rf"(?:[ \t]*(?:/|(?:out[ \t]+)?of)[ \t]*({NUM}))?[ \t]*"
    r"(%|percent\b|pct\b|s\b|sec\b|secs\b|seconds?\b|ms\b|msec\b|milliseconds?\b|m/s\b|m\b"
    r"|meters?\b|metres?\b|ft\b|feet\b|reps?\b|repetitions\b|steps\b|errors?\b|points\b|pts\b"
    r"|blocks\b|lines?\b)?",
    re.IGNORECASE,
)
_OUTCOME_BAD = re.compile(
    r"[ \t]*(?:x\b|mm\s*Hg\b|mm\b|reps?\b|sets?\b|min\b|mins\b|minutes?\b|lbs?\b|#|kg\b|cm\b"
    r"|times\b|days?\b|wks?\b|weeks?\b|visits?\b|hours?\b|hrs?\b|h\b|y/o|yo\b|-\s*\d"
    r"|(?-i:L)\b|L/min\b|lpm\b|lit(?:er|re)s?\b"
    # a size in inches ("from her 17-inch dining chair: 8"): a chair's or a step's, no score
    r"|-?[ \t]*inch(?:es)?\b|-in\b|\")",
    re.IGNORECASE,
)
_REFERENCE = re.compile(
    r"[^,;)\n]{0,12}?\b(?:cut-?off|norms?|normal|threshold|goal|target|predicted|MCID|MDC|"
    r"age[- ]matched)\b",
    re.IGNORECASE,
)
_UNIT_WORDS = {
    "reps": "reps", "rep": "reps", "repetitions": "reps", "steps": "steps",
    "%": "%", "percent": "%", "pct": "%", "s": "s", "sec": "s", "secs": "s", "second": "s",
    "seconds": "s", "m/s": "m/s", "m": "m", "meter": "m", "meters": "m", "metre": "m",
    "metres": "m", "ft": "ft", "feet": "ft", "ms": "ms", "msec": "ms", "millisecond": "ms",
    "milliseconds": "ms", "error": "errors", "errors": "errors", "point": "points",
    "points": "points", "pts": "points", "blocks": "blocks", "line": "lines", "lines": "lines",
}  # fmt: skip

# "8/10 trials", "4/5 days", "6/10 sites": counts of things, not ratings or muscle grades
# (measures.toml [not_measurements] counted). The thing counted is on the rating's line: "Pain
# 3/10" closing a line stays a rating whatever word opens the next ("Visit 4 of 12"), and a
# capitalised word before a colon labels the next field ("Pain: 3/10   Location: L hip"),
# counting nothing ("4/10 sites: tender" still counts).
_COUNTED = (
    r"(?![ \t]*(?:(?!(?-i:[A-Z])\w*[ \t]*:)(?:"
    + "|".join(f"(?:{word})" for word in not_measurement_words().get("counted", ()))
    # a noun numbered after it names when, not what is counted: "(was 6/10 visit 1)"
    + r")\b(?![ \t]*#?[ \t]*\d)|(?:x|of)\b))"
)
_RATING = re.compile(
    r"(?<![\d./])(\d{1,2}(?:\.\d)?)(?:\s*-\s*(\d{1,2}(?:\.\d)?))?"
    r"\s*(?:/\s*10|out of\s*10|over\s*10)"
    r"(?!\.?\d)(?!\s*/)" + _COUNTED,
    re.IGNORECASE,
)
# A 0-10 rating with its slash dropped, as a phone types it ("pain 2 10 rest 5 10 reaching"):
# read only in a sentence that names pain, the 10 taken with the rating.
_RATING_SPACED = re.compile(
    r"(?<![\w.+\-/])(10|\d)[ \t]+10(?![\w.\-/\u00b0%]|[ \t]*(?:x\b|reps?\b|sets?\b|mins?\b"
    r"|minutes\b|s\b|secs?\b|seconds\b|times\b|deg|days?\b|wks?\b|weeks?\b|visits?\b|yrs?\b"
    r"|years?\b|ft\b|feet\b|m\b|lbs?\b|kg\b|cm\b))",
    re.IGNORECASE,
)
_PAIN_BARE = re.compile(
    r"\b(?:pain|pn)\b(?:'s)?[\s:=]*(?:(?:rated|rating|level|score|of|at|is|was|currently|now"
    r"|today|about|around|approximately|approx|maybe|roughly|like|a|an)\s*[:=]?\s*)*"
    r"(\d{1,2}(?:\.\d)?)(?!\.?\d)(?!\s*(?:/|-\s*\d|out of|min|x\b|times|days?|wks?"
    r"|weeks?|reps?|sets?|%|°|deg|visits?|hours?|hrs?|months?|yrs?|years?|ft|feet|m\b|lb|#|kg"
    r"|cm|s\b|sec))",
    re.IGNORECASE,
)
_MMT_SLASH = re.compile(
    r"(?<![\d.])([0-5])\s*(\+|-|\s+plus\b|\s+minus\b)?\s*(?:/\s*5|out of\s*5|over\s*5)(?!\.?\d)"
    r"(?![ \t]*(?:mm|cm|in|lbs?|kg|#|°|deg)\b)"  # "(mm): 4/5" is two lengths, not a grade
    + _COUNTED,
    re.IGNORECASE,
)
_MMT_CONTEXT = re.compile(
    r"\b(?:MMT|manual muscle test(?:ing)?|muscle test(?:ing)?|strength)\b", re.IGNORECASE
)
# A grade over five with its slash dropped, as a phone types it ("mmt L er 4 5 scaption 4- 5"):
# read only in a sentence about muscle testing, the 5 taken with the grade.
_MMT_SPACED = re.compile(
    r"(?<![\w.+\-/])([0-5])(\+|-(?=[ \t]))?[ \t]+5(?![\w.+\-/\u00b0%]|[ \t]*(?:deg|x\b))",
    re.IGNORECASE,
)
# A bare grade ends at a clause's end, a side or a run of two spaces or more (the gap before a
# print's next cell: "hip flex R 4-  L 3+   knee ext R 4").
_MMT_BARE = re.compile(
    r"(?<![\w.+\-/])([0-5])(\+|-(?![ \t]*\d)|\s+plus\b|\s+minus\b)?"
    # (a dot before a digit is a decimal point: "pinch strength R 3.2 kg" holds no grade 3)
    r"(?=\s*(?:[,;)]|\.(?!\d)|$|\s+(?:and|throughout|grossly|bilat\w*|[RL]\b|with|w/"
    r"|(?:on[ \t]+the[ \t]+)?(?:right|left)\b))|[ \t]{2,}\S|[ \t]*\([0-5][+-]?\))",
    re.IGNORECASE | re.MULTILINE,
)


# A score before its instrument ("22 on SCAT", "she scored 19 on the Berg today"); a rating or
# a grade ("2/10 on the bike") is not, nor a numbered item or level ("item 3 on the Berg").
BEFORE_NAME = re.compile(
    r"(?<![\w./])(?<!item )(?<!items )(?<!question )(?<!level )(?<!stage )(?<!step )(?<!#)"
    r"(\d{1,3}(?:\.\d+)?)(?:[ \t]*/[ \t]*(?!(?:10|5)\b)\d{1,3}"
    # "4.5 out of 10 on the Patient-Specific Functional Scale" ("pain 4 out of 10 during the
    # TUG" is the pain's: only "on" takes it)
    r"|[ \t]+out[ \t]+of[ \t]+\d{1,3}(?=[ \t]+on\b))?"
    r"(?P<unit>[ \t]*(?:s|secs?|seconds|reps|m/s|m|meters|metres|ft|feet)\b|[ \t]*%)?"
    # "took 13.8 seconds to complete the TUG", "262 m on the six minute walk test", "scored 38%
    # on the Oswestry Disability Index"
    r"(?![ \t]*/)[ \t]+(?:on|during|in(?=[ \t]+the\b)|to[ \t]+(?:complete|finish|perform))"
    r"[ \t]+(?:the[ \t]+)?$"
)
_BEFORE_REACH = 32


def read_outcomes(scanner: Scanner, facts: list[Fact], measures: tuple[str, ...]) -> None:
    """Scores after each outcome-measure name, up to the next name or the sentence end."""
    matcher = measure_matcher(measures)
    every = [
        m
        for m in matcher.finder.finditer(scanner.text)
        if not _other_version(scanner, m.start()) and not _other_form(matcher, scanner.text, m)
    ]
    found = [m for m in every if not scanner.in_header(m.start())]
    for match in every:
        scanner.block(match.start(), match.end())
    for index, match in enumerate(found):
        measure = matcher.measure(match.group())
        if measure is None or taken_after(scanner.text, match.start()):
            continue  # "fatigue after 2MWT 8/10": the test says when, its numbers are no score
        _score_before(scanner, facts, measure, match.span())
        _, end = scanner.sentence(match.start())
        limit = (
            min(end, _next_owned(scanner.text, match.end(), found[index + 1].start()))
            if index + 1 < len(found)
            else end
        )
        limit = pain_scale_limit(scanner.text, measure, match.end(), limit)
        if not measure.multi:
            limit = _symptom_rating_limit(scanner.text, match.end(), limit)
        earlier = earlier_before_name(scanner, match.start())
        if measure.multi:
            _item_scores(scanner, facts, measure, match.end(), limit, earlier=earlier)
        else:
            # the test's protocol in a bracket before its score is none of its values
            start = protocol_end(scanner, match.end()) or match.end()
            part = part_after().match(scanner.text, start)
            named = ""
            if part is not None:
                scanner.claim(*part.span(2))  # "T25FW trial 2": which trial, no score
                if part.group(1).casefold().rstrip(".") in condition_words():
                    # "mCTSIB cond 4 ... 18 s": a condition's time, not the total; a total
                    # after the conditions ("..., cond 4 22 s (total 112/120)") is the test's
                    total = _TOTAL_AFTER.search(scanner.text, part.end(), limit)
                    if total is not None:
                        read_scores(scanner, facts, measure, total.end(), limit, earlier=earlier)
                    continue
                start, named = part.end(), part.group().strip()
            read = len(facts)
            read_scores(scanner, facts, measure, start, limit, named, earlier=earlier)
            if len(facts) > read and limit == end:
                read_said_earlier(scanner, facts, measure, (start, end), len(facts) - read)


# A rating out of ten right after the symptom word before it ("fatigue 6/10", "dyspnea: 4/10").
_RATING_AFTER = re.compile(r"[ \t]*[:=]?[ \t]*\d{1,2}(?:\.\d)?[ \t]*/[ \t]*10(?![\d.]\d)")
# Between a test's name and a symptom word said first after it: a colon or a dash at most.
_NAME_GAP = re.compile(r"[ \t]*[:=\-]?[ \t]*")


def _symptom_rating_limit(text: str, start: int, limit: int) -> int:
    """Where a test's scores end when the first thing said after its name is a symptom's
    rating ("6MWT: fatigue 6/10 at end", a tracker's comment cell written after the row's
    name): the rating is the symptom's (`other`, CONVENTIONS), never the test's score. A
    rating said after the test's result ("6MWT 348 m, dyspnea 4/10 (last month 296 m)") and an
    item of a test scored by items (PSFS "sleep 4/10") are left as they were."""
    gap = _NAME_GAP.match(text, start, limit)
    at = gap.end() if gap is not None else start
    word = words().not_pain.match(text, at, limit)
    if word is not None and _RATING_AFTER.match(text, word.end()):
        return word.start()
    return limit


# The word that opens a test's total after its parts ("(total 112/120)", "; total = 101").
_TOTAL_AFTER = re.compile(r"(?<![\w-])total(?:[ \t]+score)?[ \t]*[:=]?[ \t]*(?=\d)", re.I)


def _next_owned(text: str, after: int, next_name: int) -> int:
    """Where one name's scores end before the next name: at that name, or earlier at a score
    the next name owns by being said after it ("scored 18 on the Tinetti and 9/24 on the
    DGI": 9/24 is the DGI's)."""
    before = BEFORE_NAME.search(text, max(after, next_name - _BEFORE_REACH), next_name)
    return before.start(1) if before is not None else next_name


def _score_before(
    scanner: Scanner, facts: list[Fact], measure: MeasureDef, name: tuple[int, int]
) -> None:
    """A score said before the instrument's name ("scored 19 on the Berg", "12.4 s on the
    TUG", "42 ODI today")."""
    text, start = scanner.text, name[0]
    before = BEFORE_NAME.search(text, max(0, start - _BEFORE_REACH), start) or leading_score(
        text, measure, text[start : name[1]], name
    )
    if before is not None and scanner.free(*before.span(1)) and not scanner.in_goal(start):
        unit = before.groupdict().get("unit")
        end = before.end("unit") if unit else before.end(1)
        read_scores(scanner, facts, measure, before.start(1), end)


def _after_event(gap: str, value: float, whole: float) -> bool:
    """A month and day right after an event's words ("next visit 3/28"); a verb before it
    ("Tinetti improved 9/28") leaves it a score."""
    if not (float(value).is_integer() and 1 <= value <= 12 and 1 <= whole <= 31):
        return False
    words = _LAST_WORDS.search(gap)
    said = words.group().split() if words is not None else []
    return any(word.casefold().strip(":,(") in date_events() for word in said)


def _dated_instead(
    scanner: Scanner, measure: MeasureDef, value: float, whole: str, start: int
) -> bool:
    """A fraction after a listed instrument that reads as a month and day, out of none of the
    instrument's wholes (its maximum, an item's), in a clause whose words say when ("Next DGI
    2/5", "FOTO due 3/1"): the day the test is done, never its score."""
    wholes = instrument_wholes().get(measure.name)
    if not wholes or float(whole) in wholes:
        return False
    if not (float(value).is_integer() and 1 <= value <= _MONTHS and 1 <= float(whole) <= _DAYS):
        return False
    clause = scanner.text[scanner.clause_start(start) : start]
    return says_when(re.findall(r"[A-Za-z][\w/'-]*", clause))


_MONTHS, _DAYS = 12, 31
_LAST_WORDS = re.compile(r"(?:[A-Za-z][\w/-]*[ \t]+){1,3}\Z")


def _in_norm_bracket(text: str, start: int, name_end: int = 0) -> bool:
    """A number inside a bracket after the test's name that gives its norms ("(mean 100 / SD
    15)", "(norm 11 kg)", "(cut-off for falls 19/28)"); a mean alone is the patient's ("(IE
    mean 12.4 s)"), and so is a score in a bracket opened before the name ("(Berg 41, below
    the 45 cut-off)")."""
    opened = text.rfind("(", max(0, start - _NORM_REACH), start)
    if opened < name_end or ")" in text[opened:start] or "\n" in text[opened:start]:
        return False
    closed = text.find(")", start, start + _NORM_REACH)
    if closed < 0 or "\n" in text[start:closed]:
        return False
    return _norm_words().search(text, opened, closed) is not None


_NORM_REACH = 30


@cache
def _norm_words() -> re.Pattern[str]:
    words = alternation(list(norm_words())) or "(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


def _other_form(matcher: MeasureMatcher, text: str, match: re.Match[str]) -> bool:
    """A form written after a listed name that makes another instrument the table does not
    list ("PDI SF 31"), read under the name written with its form (measures/instruments.py)."""
    form = form_after().match(text, match.end())
    if form is None:
        return False
    return matcher.measure(f"{match.group()} {form.group(1)}") is None


def _other_version(scanner: Scanner, start: int) -> bool:
    """A word before a listed name that makes it another test ("Oral Trails B", "Color
    Trails"): read under the name written, never as the listed one."""
    found = _WORD_BEFORE.search(scanner.text, max(0, start - 20), start)
    return found is not None and found.group(1).casefold() in other_versions()


_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+\Z")


def read_scores(
    scanner: Scanner,
    facts: list[Fact],
    measure: MeasureDef,
    pos: int,
    limit: int,
    qualifier: str = "",
    *,
    earlier: bool = False,
) -> None:
    """A measure's score, earlier scores chained to it ("34%, was 42 at eval") and its item
    scores ("Tinetti 20/28 (balance 11/16, gait 9/12)", "GG0130: eating 05 (was 04), oral
    hygiene 05 (was 03)"); `qualifier` names the first score's item or form ("UE", "home total");
    `earlier` says the words before the name made its first score an earlier one."""
    text = scanner.text
    count = 0
    start = name_end = pos
    item = qualifier
    opened = False
    first_unit: str | None = None
    first_value = 0.0
    beside = -1  # where a second score after a slash starts
    for token in scanner.tokens(pos, limit):
        if not _takes(scanner, measure, token):
            continue
        if count and _in_window_bracket(text, token.start(), token.end()):
            continue  # "Best (24 h): 2": the window the next rating covers, no score
        gap = scanner.visible(pos, token.start())
        if count == 0 and token.start() - start > _FIRST_SCORE_REACH:
            # a long item's name before a colon ("Walk 50 feet with two turns: 03") is no reach
            colon = text.rfind(":", start, token.start())
            if colon < 0 or token.start() - colon > _FIRST_SCORE_REACH:
                return
        if count == 0 and _NEW_CLAUSE.search(gap):
            return  # "HOOS JR improving; R abductor weakness (77% of L)": another clause's
        if count == 0 and _named_after_break(gap, measure.items):
            return  # "TSK pending, FABQ-PA 14": the score of the name written after the comma
        if count == 0 and not qualifier:
            per_item = measure.multi or measure.numbered_items
            item = _first_item(gap, measure.items, text[pos : token.start()], per_item=per_item)
        reference = _REFERENCE.match(text, token.end()) if count else None
        if reference is not None and "(" not in reference.group():
            return  # "Berg 41/56, 48/56 goal"; "22/28 (goal >= 24)" keeps 22, the bracket's
        if count == 0 and _criterion().search(text, scanner.clause_start(pos), pos):
            # "ambulate 10 ft if FiO2 <= 40% and RASS 0 to -1": a condition to act on, no score
            scanner.claim(token.start(), token.end())
            return
        if (_expected().search(gap) or _criterion().search(gap)) and not _corrects(scanner, pos):
            # "Berg should be 44/56 by discharge", "...; if she keeps it up, 48/56": a score
            # hoped for, no score measured
            suffix = _OUTCOME_SUFFIX.match(text, token.end())
            scanner.claim(token.start(), suffix.end() if suffix else token.end())
            return
        if _DOSE_X_BEFORE.search(text, max(0, token.start() - 3), token.start()) or (
            _DOSE_X_AFTER.match(text, token.end())
        ):
            continue  # "sit to stand 30 s x 5 reps", "30 s sit to stand 3x10": a dose, no score
        if _in_norm_bracket(text, token.start(), name_end):
            continue  # "Beery VMI (mean 100 / SD 15): 84": the test's norms, no score of it
        circumstance = (
            (_circumstance_named(measure, gap) or _circumstance_after(measure, gap, text, token))
            if count
            else None
        )
        if circumstance is not None:
            item = circumstance  # "now 2; at worst 7; with stairs 5": each its circumstance's
        elif count and not FOLLOW.fullmatch(_between_scores(measure, gap)):
            timed = _TIMED.match(text, token.end()) is not None
            named = _item_named(_field_parted(measure, gap), measure.items, timed=timed)
            if named is None and item:
                named = next_lettered_item(item, gap)  # "dimension D 64%, dimension E 41%"
            if named is None and not _elided_earlier(scanner, pos, token.start()):
                _earlier_later_on(scanner, facts, measure, first_unit, token.start(), limit)
                return
            if named is not None and role_of(named) == "change":
                # "Mini-BESTest 21/28, difference 4 points": how far the score moved, no score
                scanner.claim(token.start(), token.end())
                return
            if named is not None:
                item = named
                opened = opened or gap.count("(") > gap.count(")")
        elif count and opened and gap.count(")") > gap.count("("):
            item, opened = qualifier, False
        elif count and _TOTAL.search(gap):
            # "balance 9/16, gait 8/12, total 17/28": the total is the instrument's own score,
            # and its whole the instrument's
            item, opened, first_unit = qualifier, False, None
        before = max(0, token.start() - 4)
        if _DENOMINATOR.search(text, before, token.start()) and token.start() != beside:
            continue
        if _PART_NUMBER.fullmatch(token.group()) and _part_before().search(
            text, max(0, before - 12), token.start()
        ):
            continue  # "age band 2", "trial 3": a part's number
        if count and owned_at(text, token.start()) and _bare(text, token.end()):
            continue  # "(8 at eval, visit 1)": the visit's number; "(1st visit 52%)" a score
        if measure.high is not None and scheduled_at(text, token.start()):
            # "recheck FACT/GOG-Ntx after cycle 12": when, not a score (an unlisted name's
            # number is a guess the evidence gate leaves unclassified)
            continue
        scale_range = _scale_range(text, token.start())
        if scale_range is not None:
            scanner.claim(scale_range, token.end())  # "(0-5)": the scale's range, no score
            continue
        if _SIGNED.search(text, before, token.start()) and (measure.low or 0) >= 0:
            return  # "PRWE -32 since eval": a change, not a score of a scale that starts at 0
        if count == 0 and _pain_rated(measure, gap, text, token.start()):
            return  # "LYMQOL done; arm pain 5/10 at night": a pain rating, no subscale
        value = to_number(token.group())
        grade = _GRADE_AFTER.match(text, token.end()) if measure.high is None else None
        if grade is not None:
            # "EHL R 4-/5", "PFM Oxford 3/5 (eval 2/5); endurance 6 s": a muscle grade, never
            # an unknown instrument's, and the numbers after it are not its scores either
            return
        if measure.high is None and _YEAR_WHOLE.fullmatch(token.group()):
            return  # "R CTR 2015", "at the 2132 review": the year of an item, not a score
        plus = _ORDINAL_PLUS.match(text, token.end()) if measure.high is None else None
        if plus is not None and isinstance(value, int):
            # "stroke test 1+ (was 2+)": an ordinal grade of the test, kept as written
            found = attribute(scanner, token.start(), plus.end(), floor=name_end)
            label = labels.join(measure.name, item, found.side) + found.previous
            scanner.emit(facts, "other", f"{value}+", (token.start(), plus.end()), label)
            count += 1
            pos = _after_prior(text, plus.end())
            continue
        suffix = _OUTCOME_SUFFIX.match(text, token.end())
        if (
            suffix
            and suffix.group(1)
            and second_score(
                measure,
                value,
                suffix.group(1),
                spaced=_SPACED_SLASH.match(suffix.group()) is not None,
            )
        ):
            # "QuickDASH 34.1 / 59.1": two scores side by side, no maximum
            beside, suffix = suffix.start(1), None
        end = max(suffix.end(1), suffix.end(2), token.end()) if suffix else token.end()
        if counted_after().match(text, token.end()):
            if count == 0 and measure.high is None:
                return  # "hop test 30 single-leg hops": a count, so no instrument's score
            continue  # "PSFS (avg of 3 items)": the number of items, no score
        bad = _OUTCOME_BAD.match(text, token.end()) or _loads().match(text, token.end())
        if bad and side_not_litres(text, token.start(), token.end()):
            bad = None  # "Box and Blocks R 38 L 51": the L is the next score's side
        if measure.high is None and count == 0 and _PRIME.match(text, token.end()):
            return  # "UBE 5' fwd": minutes on a machine, not an unlisted instrument's score
        if (
            bad and not _counts_reps(measure, bad.group()) and not _rating_range(measure, bad)
        ) or not (measure.in_range(value) or _timed_result(measure, value, suffix)):
            if measure.numbered_items and _ITEM_NUMBER.match(text, token.end()):
                # "Section GG: eating 05, walk 50 feet 04": a number in an item's name
                scanner.claim(token.start(), token.end())
                continue
            if count:
                _earlier_later_on(scanner, facts, measure, first_unit, token.end(), limit)
                return
            if bad and measure.high is None:
                # an unknown name whose first number is a dose ("NuStep 18 min level 5") is
                # equipment or an exercise, not an instrument
                return
            continue
        unit = _UNIT_WORDS.get((suffix.group(2) or "").lower()) if suffix else None
        if count and unit in ("s", "m") and unit != first_unit and _SPAN_BEFORE.search(gap):
            # "L 61 blocks in 60 sec", "11 reps in 30 s": the protocol's time, no score
            scanner.claim(token.start(), end)
            return
        if count and unit in ("m", "ft") and _WALKED_OVER.match(text, end):
            # "Gait speed 0.41 m/s (4 m walk)": the distance the protocol walks, no score
            scanner.claim(token.start(), end)
            pos = end
            continue
        found = attribute(scanner, token.start(), end, floor=name_end)
        if count and unit == "%" != first_unit and measure.unit != "%" and not found.prior:
            # "NDI 14/50 (28%)": the same score restated as a percentage, not another fact
            # ("NDI 24% (was 40%)" gives an earlier score)
            scanner.claim(token.start(), end)
            pos = end
            continue
        if unit is None and suffix and suffix.group(1):
            if _month_year(value, suffix.group(1)):
                # "last 10/2102 raw 41": a month and its year, the day the score was taken
                scanner.block(token.start(), end)
                pos = end
                continue
            if _padded_day(token.group(), suffix.group(1)):
                # "recheck DGI 02/23": a month written with its zero is a date, no score
                pos = end
                continue
            if value > to_number(suffix.group(1)):
                # "BIMS 14/15 (nursing 3/1)": more than its whole is no score (here a date)
                pos = end
                continue
            if _dated(text, token.start(), end, measure, to_number(suffix.group(1))):
                # "Berg 38, prev 31 (1/23)": a date in its own bracket, no score of the scale
                pos = end
                continue
            if _after_event(gap, value, to_number(suffix.group(1))):
                # "POMA >= 22; next visit 3/28": the day of an event, no score of the scale
                pos = end
                continue
            if _dated_instead(scanner, measure, value, suffix.group(1), token.start()):
                # "Next DGI 2/5": out of no whole of the DGI, and said to come: its date
                scanner.block(token.start(), end)
                pos = end
                continue
            unit = f"/{suffix.group(1)}"
        if count and unit == "/10" and measure.high not in (None, 10.0):
            # "KOOS 62, pain 3/10 with stairs": a 0-10 rating, not a subscale of the measure
            return
        if count and (
            _restated(first_value, first_unit, value, unit)
            or _speed_restated(measure, first_unit, unit, found.prior)
        ):
            # "NDI 24% (12/50)": the percentage written as a fraction of the scale
            scanner.claim(token.start(), end)
            pos = end
            continue
        if count and _fraction_after_whole(first_unit, unit):
            # "ODI 42% (eval 7/15: 54%)": a fraction after a percentage is no score of this
            # measure (here a date); the reading goes on past it
            pos = end
            continue
        if (
            count
            and item == qualifier
            and (_other_whole(first_unit, unit) or _not_its_whole(measure, first_unit, unit))
        ):
            # "FGA 17/30 (up from 13/30 at eval 4/20)": a fraction of another whole is not
            # this measure's score (here a date); so is one out of a whole the measure does not
            # have after scores written bare ("Berg 38; prev 31 (1/23)")
            return
        if count and _counted_beside_time(first_unit, unit):
            # "Trail Making B 112 s, 1 error": the test is scored by its time; the errors
            # beside it are a count of the test, no second score of it
            scanner.claim(token.start(), end)
            pos = end
            continue
        # "BESS 14 errors": a test scored in errors has them as its score
        counted = "errors" if unit == "errors" else ""
        dated = count > 0 and _DAY_WRITTEN.search(text, pos, token.start()) is not None
        previous = found.previous or (" (previous)" if (earlier and count == 0) or dated else "")
        label = labels.join(measure.name, item, found.side, counted) + previous
        kind = "pain" if measure.kind == "pain" else "outcome"
        scanner.emit(
            facts, kind, value, (token.start(), end), label, unit=unit, measure=measure.name
        )
        if count == 0 or first_unit is None:
            first_unit, first_value = unit, float(value)
        count += 1
        pos = _after_prior(text, end)
        if count >= _MOST_SCORES:
            return


@cache
def _criterion() -> re.Pattern[str]:
    """Words that open a condition in the clause before a name (instruments.toml [names]
    criterion_openers: "if", "unless", "as long as")."""
    return _phrases(criterion_openers())


@cache
def _expected() -> re.Pattern[str]:
    """Words before a score that make it one hoped for, a target (instruments.toml [names]
    expectation_words: "should be", "to reach", "aiming for")."""
    return _phrases(expectation_words())


def _corrects(scanner: Scanner, pos: int) -> bool:
    """A line a correction cue opens ("Correction: Berg above should be 44/56"): its "should
    be" gives the right value, read by the readers of corrections, no target."""
    start, end = scanner.line(pos)
    return cues().search(scanner.text, start, end) is not None


def _phrases(said: tuple[str, ...]) -> re.Pattern[str]:
    """Any of a data list's phrases as whole words, in any case."""
    either = alternation(list(said)) or "(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{either})(?![\w-])", re.IGNORECASE)


# A semicolon and a new clause of three words or more between a name and a number ("HOOS JR
# improving; R abductor weakness persists (77% of L)"): the number is that clause's, not the
# name's score; a table's "; Score 6" or a column's "; Start 36/56" is still the name's.
# Before a time or distance that a test's count was made in ("61 blocks in 60 sec").
_SPAN_BEFORE = re.compile(r"\b(?:in|within|over)[ \t]+(?:the[ \t]+)?(?:first[ \t]+)?\Z", re.I)
# A number after a multiplication sign, or before one and a number: sets and repetitions.
_DOSE_X_BEFORE = re.compile(r"(?<![A-Za-z])[x\u00d7][ \t]*\Z", re.IGNORECASE)
_DOSE_X_AFTER = re.compile(r"[ \t]*[x\u00d7][ \t]*\d", re.IGNORECASE)
_NEW_CLAUSE = re.compile(
    r";[ \t]*(?!(?:score|result|total|raw)\b)[A-Za-z][\w'-]*(?:[ \t]+[A-Za-z][\w'/-]*){2,}",
    re.IGNORECASE,
)


# A prime after a number: minutes in a list of exercises ("5'"), never a score.
_PRIME = re.compile(r"[ \t]?['\u2032](?!['\u2032\d])")
_GRADE_AFTER = re.compile(r"[ \t]*(?:[+-]|[ \t]+(?:plus|minus)\b)?[ \t]*/[ \t]*5(?!\d|\.\d)")
_ORDINAL_PLUS = re.compile(r"\+(?![\d/+])")
_FIRST_SCORE_REACH = 60
_MOST_SCORES = 12
# Between two scores of one measure, the name of the next item: a few words, no numbers.
# A level's words after a score ("04 - supervision, ...") may come before the next item's name.
_ITEM_GAP = re.compile(
    r"[\s,)]*(?:-[ \t]*[A-Za-z][\w/' -]{0,30}?,[ \t]*)?"
    r"(?:\([^()\d]*\)[\s,)]*)?[\s(]*((?:[A-Za-z][\w'/-]*[ \t]+){0,2}[A-Za-z][\w'/-]*)"
    r"[ \t]*(?:[:=][ \t]*)?(?:(?:SS|T-score|score|raw score|standard score)[ \t]*)?$"
)


# A remark in brackets with no number ("64.3 (interval score), was 52.1"): between two scores
# of one measure it says nothing about the second.
_REMARKS = re.compile(r"\([^()\d\n]*\)")
# When a score was taken, said after it in up to four words ("REBA score 9 before changes, 5
# after the bench was lowered"): a time of the same test, no new item.
_WHEN_DONE = re.compile(
    r"\b(?:before|after|pre|post)[ \t]+(?:[A-Za-z][\w-]*(?:[ \t]+|(?=[,;)]|\Z))){0,4}",
    re.IGNORECASE,
)
# How a test was done, said after its score in shorthand ("30-second chair stand 5 with arms
# (eval 3)", "11 without arms (8 at eval)", "w/ cane"): the same test's conditions, no new item.
# A phrase with an article or a possessive ("with the cognitive task", "with his walker") is
# written out in full, where a second score may be another version or trial of the test.
_HOW_DONE = re.compile(
    r"(?:\b(?:with|without|using)|(?<![\w/])w/o?)[ \t]*"
    r"(?:(?!(?:the|a|an|his|her|their|its|my|our|your)\b)[A-Za-z0-9][\w-]*"
    r"(?:[ \t]+|(?=[,;()]|\Z))){1,3}",
    re.IGNORECASE,
)
# A graded scale's word before its next grade ("grade 2, he was a grade 3 when we started").
_GRADE_WORDS = re.compile(r"\b(?:a|grade)\b", re.IGNORECASE)


def _between_scores(measure: MeasureDef, gap: str) -> str:
    """The words between two scores without remarks, and for a graded scale without the word
    "grade" that leads each of its scores."""
    words = _HOW_DONE.sub(" ", _WHEN_DONE.sub(" ", _REMARKS.sub(" ", gap)))
    if measure.name in graded_instruments():
        return _GRADE_WORDS.sub(" ", words)
    return words


# After a number in an item's name: a distance or a count of steps ("walk 150 feet", "4 steps").
_ITEM_NUMBER = re.compile(r"[ \t]*(?:feet|ft\b|'|steps?\b|m\b|meters?\b|metres?\b)", re.IGNORECASE)
_TOTAL = re.compile(r"\btotal\b", re.IGNORECASE)
# A number with a minus sign of its own (" -32", "(-4"): on a scale that starts at 0, a change.
_SIGNED = re.compile(r"(?<![\w.)/])[-\u2212]\Z")
# The low end of a range in brackets before a number ("(0-5)", "(Muscle Function Scale, 0-5)"):
# the number is the scale's top, no score.
_RANGE_BEFORE = re.compile(r"\([^()\n]{0,40}?(?<![\d.])(\d{1,3})[ \t]*[-\u2013][ \t]*\Z")
_RANGE_END = re.compile(r"\d{1,3}[ \t]*(?:[A-Za-z]{1,5}\.?[ \t]*)?\)")


def _scale_range(text: str, start: int) -> int | None:
    """Where a range in brackets starts when the number at `start` ends it ("(0-5)", "(Muscle
    Function Scale, 0-5)", "age band 2 (7-10 y)"): a scale's range or an age band, never a
    score; None for any other number."""
    found = _RANGE_BEFORE.search(text, max(0, start - 48), start)
    if found is None or _RANGE_END.match(text, start) is None:
        return None
    return found.start(1)


_PART_NUMBER = re.compile(r"[1-9]")


@cache
def _part_before() -> re.Pattern[str]:
    """A word that numbers a part of a test right before a number ("age band 2", "trial 3")."""
    words = alternation(list(part_words())) or "(?!x)x"
    return re.compile(rf"\b(?:{words})\.?[ \t]+\Z", re.IGNORECASE)


# A number right after a slash or "of" is a fraction's whole ("/28", "2 of 5"), never a score.
_SPACED_SLASH = re.compile(r"[ \t]+/[ \t]+")
_DENOMINATOR = re.compile(r"(?:/|\bof)[ \t]*\Z")


# A month and day alone in a bracket: "(1/23)".
_BRACKETED_DAY = re.compile(r"\([ \t]*(?:1[0-2]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9])[ \t]*\)")


def _dated(text: str, start: int, end: int, measure: MeasureDef, whole: float) -> bool:
    """A fraction alone in a bracket that reads as a month and day, over a whole that is not
    the scale's: a date, not a score."""
    if measure.high is None or whole == measure.high:
        return False
    opened = text.rfind("(", max(0, start - 2), start)
    return opened >= 0 and bool(_BRACKETED_DAY.match(text, opened)) and text[end : end + 1] != "/"


# A day written between two scores of one test ("TUG 13.4 s w/ cane (14-Jan: 16.9 s)", "(3/14:
# 16.9 s)"): the second score is the one taken that day, an earlier one.
_DAY_WRITTEN = re.compile(
    r"\b\d{1,2}[ -](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b"
    r"|(?<![\d/])(?:1[0-2]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9])(?![\d/])[ \t]*:",
    re.IGNORECASE,
)


def _bare(text: str, end: int) -> bool:
    """A number with no unit and no whole after it."""
    suffix = _OUTCOME_SUFFIX.match(text, end)
    return suffix is None or not (suffix.group(1) or suffix.group(2))


# A distance named as the course walked after it ("(4 m walk)", "10 m walkway").
_WALKED_OVER = re.compile(r"[ \t]*-?[ \t]*(?:walk(?:way)?|course|track|path)\b", re.IGNORECASE)
_YEAR_WHOLE = re.compile(r"(?:19|20|21)\d\d")


def _month_year(value: float, whole: str) -> bool:
    """A month over a four-digit year ("10/2102"): a date, never a score over its maximum."""
    return float(value).is_integer() and 1 <= value <= 12 and bool(_YEAR_WHOLE.fullmatch(whole))


def _padded_day(month: str, day: str) -> bool:
    """A fraction written as a month with its leading zero and a day ("02/23", "05/11")."""
    return len(month) == 2 and month.startswith("0") and month != "00" and 1 <= int(day) <= 31


def _counted_beside_time(first: str | None, unit: str | None) -> bool:
    """An error count after a score written as a time ("112 s, 1 error")."""
    return unit == "errors" and first in _TIME_UNITS


_TIME_UNITS = frozenset({"s", "ms"})


def _restated(first_value: float, first_unit: str | None, value: float, unit: str | None) -> bool:
    """A fraction that is the first score (a percentage) over another whole: "24% (12/50)"."""
    if first_unit != "%" or not unit or not unit.startswith("/"):
        return False
    whole = float(unit[1:])
    return whole > 0 and abs(value * 100 / whole - first_value) < 1


def _speed_restated(
    measure: MeasureDef, first_unit: str | None, unit: str | None, prior: bool
) -> bool:
    """A walk test's time and its speed side by side ("10MWT 11.2 s (0.89 m/s)"): one result
    written twice, the second no fact of its own (unless words make it an earlier one)."""
    pair = {first_unit, unit}
    return measure.seconds_high is not None and pair == {"s", "m/s"} and not prior


def _fraction_after_whole(first: str | None, unit: str | None) -> bool:
    """A fraction after a score written as a percentage."""
    return bool(unit and unit.startswith("/") and unit != "/100" and first == "%")


def _not_its_whole(measure: MeasureDef, first: str | None, unit: str | None) -> bool:
    """A fraction out of a whole that is not the measure's maximum, after bare scores."""
    if first is not None or not unit or not unit.startswith("/") or measure.high is None:
        return False
    whole = unit[1:]
    return whole.replace(".", "", 1).isdigit() and float(whole) != measure.high


def _other_whole(first: str | None, unit: str | None) -> bool:
    """Two fractions out of different wholes ("/30" and "/20")."""
    return bool(first and unit and first.startswith("/") and unit.startswith("/") and first != unit)


# A clause with its subject left out, after a comma: "..., was 11.6 at the eval".
_ELIDED_COPULA = re.compile(r",[ \t]*(?:and[ \t]+)?(?:was|were)[ \t]+\Z", re.IGNORECASE)


def _elided_earlier(scanner: Scanner, after: int, start: int) -> bool:
    """A value in a clause whose subject is left out ("T25FW 9.8 s, the average of 2 trials,
    was 11.6 at the eval") is the sentence's own subject's, so the measure's earlier score;
    not when another fact stands between ("6MWT 348 m, HR 110, was 88": the heart rate's)."""
    if not _ELIDED_COPULA.search(scanner.text, max(0, start - 12), start):
        return False
    return not scanner.claimed(after, start)


# "...; it was 31 at our first visit": the score itself, by a pronoun, at an earlier time.
_IT_WAS = re.compile(r"\b(?:it|that|the score)[ \t]+(?:was|had been)[ \t]+\Z", re.IGNORECASE)


def _earlier_later_on(
    scanner: Scanner,
    facts: list[Fact],
    measure: MeasureDef,
    unit: str | None,
    pos: int,
    limit: int,
) -> None:
    """After other values of the sentence, an earlier value with the score's own unit is the
    measure's earlier score ("6MWT 348 m, SpO2 nadir 92%, ... (last month 296 m)"); a value over
    the listed instrument's own maximum is its score whatever its time ("STarT Back 5/9 at eval
    -> medium risk; 3/9 today")."""
    text = scanner.text
    for token in scanner.tokens(pos, limit):
        if not scanner.free(token.start(), token.end()):
            continue
        if not unit and (
            not _IT_WAS.search(text, max(0, token.start() - 20), token.start())
            or any(scanner.tokens(pos, token.start()))
        ):
            # a bare score's earlier one only when the sentence says "it was" of it, with no
            # other fact between ("PRWE 34, grip 20 kg; it was 25": the grip's, maybe)
            continue
        suffix = _OUTCOME_SUFFIX.match(text, token.end())
        written = _UNIT_WORDS.get((suffix.group(2) or "").lower()) if suffix else None
        if written is None and suffix and suffix.group(1):
            written = f"/{suffix.group(1)}"
        if written != unit or not measure.in_range(to_number(token.group())):
            continue
        end = max(suffix.end(1), suffix.end(2), token.end()) if suffix else token.end()
        found = attribute(scanner, token.start(), end)
        if not found.prior and not _over_its_maximum(measure, written):
            continue
        label = labels.join(measure.name, found.side) + found.previous
        kind = "pain" if measure.kind == "pain" else "outcome"
        scanner.emit(
            facts,
            kind,
            to_number(token.group()),
            (token.start(), end),
            label,
            unit=unit,
            measure=measure.name,
        )
        return


_RATING_AT = re.compile(r"\d{1,2}(?:\.\d)?[ \t]*/[ \t]*10(?!\d|\.\d)")


def _pain_rated(measure: MeasureDef, gap: str, text: str, start: int) -> bool:
    """A 0-10 rating after a pain word that is none of the instrument's subscales."""
    if measure.kind == "pain" or not _RATING_AT.match(text, start):
        return False
    own = {word.lower() for item in measure.items for word in item.split()}
    words = re.findall(r"[A-Za-z][A-Za-z/!]*", gap)
    return any(word.lower() not in own and _pain_word().fullmatch(word) for word in words)


@cache
def _pain_word() -> re.Pattern[str]:
    """One word of the pain-rating vocabulary (measures.toml [ratings] pain)."""
    return re.compile(f"(?:{'|'.join(vocabulary().pain_words)})", re.IGNORECASE)


# Wholes of ratings and muscle grades ("pain 8/10", "4/5"): a fraction over one is no proof of
# the instrument.
_RATING_WHOLES = frozenset({"5", "10"})


def _over_its_maximum(measure: MeasureDef, unit: str | None) -> bool:
    """A fraction over a listed instrument's own maximum ("/9" of STarT Back, 0-9), unless
    that is the whole of a rating or a grade."""
    if measure.high is None or not unit or not unit.startswith("/"):
        return False
    whole = unit[1:].strip()
    return whole == f"{measure.high:g}" and whole not in _RATING_WHOLES


# A semicolon parting two fields of one line, the next field's name closing on a colon ("Current:
# 3; Best: 1; Worst: 6"), read as a comma between items.
_FIELD_PARTED = re.compile(r"[ \t]*;(?=[ \t]*(?:[A-Za-z][\w'/()-]*[ \t]*){1,3}:[ \t]*\Z)")
# The time window a rating covers, in brackets after its name ("Worst (24 h):"): part of the name.
_WINDOW_BRACKET = re.compile(r"[ \t]*\([^()\n]{1,12}\)(?=[ \t]*:)")
# The close of that bracket after a number in it, and the colon after ("24 h): 8").
_WINDOW_CLOSE = re.compile(r"[ \t]*[A-Za-z.]{0,6}[ \t]*\)[ \t]*:")
# The preposition opening a pain rating's circumstance after a comma ("at worst 7", "with stairs
# 5"): no word of the item's name.
_CIRCUMSTANCE_OPENS = re.compile(
    r"^([ \t]*[,;][ \t]*)(?:at|with|on|during|in)[ \t]+(?=[A-Za-z])", re.I
)
# A semicolon before the next rating of a pain scale and the circumstance it names ("now 2; best
# 0; worst 7"): a pain scale's items are the times and activities it was rated in.
_PAIN_PARTED = re.compile(r"[ \t]*;(?=[ \t]*(?:[A-Za-z][\w'/()-]*[ \t]*){1,3}:?[ \t]*\Z)")


def _in_window_bracket(text: str, start: int, end: int) -> bool:
    """A number in the bracket of a field's name, the colon after it ("Worst (24 h): 8")."""
    opened = text.rfind("(", max(0, start - 2), start)
    return opened >= 0 and _WINDOW_CLOSE.match(text, end) is not None


def _circumstance_named(measure: MeasureDef, gap: str) -> str | None:
    """The circumstance a pain scale's next rating names after a clause mark and its
    preposition ("; with stairs 5"), which the words read as how a test was done would drop."""
    if measure.kind != "pain" or not _CIRCUMSTANCE_OPENS.match(gap):
        return None
    return _item_named(_field_parted(measure, gap), measure.items)


# A pain scale's ratings each followed by its circumstance ("NPRS 2 at rest, 6 with stairs"):
# the one before ends on its circumstance and a comma, the next is followed by its own.
_CIRCUMSTANCE_WORDS = r"(?:at|with|on|during|in|after|when|before|while|by)"
_CIRCUMSTANCE_ENDS = re.compile(
    # "2 at rest, 6 with stairs and 8 after work": an "and" alone parts them as a comma does
    rf"[ \t]*{_CIRCUMSTANCE_WORDS}[ \t]+[A-Za-z][A-Za-z' -]{{0,30}}"
    r"(?:[,;][ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)",
    re.IGNORECASE,
)
_CIRCUMSTANCE_AFTER = re.compile(
    rf"(?:[ \t]*/[ \t]*10)?[ \t]+({_CIRCUMSTANCE_WORDS}[ \t]+[A-Za-z][A-Za-z' -]{{0,30}}?)"
    r"[ \t]*(?=[,;.)]|\band\b|$)",
    re.IGNORECASE | re.MULTILINE,
)


def _circumstance_after(
    measure: MeasureDef, gap: str, text: str, token: re.Match[str]
) -> str | None:
    """The circumstance written after a pain scale's next rating, when the rating before ended
    on its own ("NPRS 2 at rest, 6 with stairs"): each rating is its circumstance's."""
    if measure.kind != "pain" or _CIRCUMSTANCE_ENDS.fullmatch(gap) is None:
        return None
    if to_number(token.group()) > 10:
        return None
    after = _CIRCUMSTANCE_AFTER.match(text, token.end())
    return " ".join(after.group(1).split()) if after is not None else None


def _field_parted(measure: MeasureDef, gap: str) -> str:
    """The gap between two scores with a semicolon parting fields of one line read as a comma:
    a form's fields, or a pain scale's ratings by circumstance, are the measure's items."""
    if measure.kind == "pain":
        gap = _CIRCUMSTANCE_OPENS.sub(r"\1", _WINDOW_BRACKET.sub("", gap), count=1)
    if gap.count(";") != 1:
        return gap
    parted = _PAIN_PARTED if measure.kind == "pain" else _FIELD_PARTED
    return parted.sub(",", gap, count=1)


def _item_named(gap: str, own: tuple[str, ...] = (), *, timed: bool = False) -> str | None:
    """The item a score after another belongs to ("balance" in "(balance 11/16"), or None when
    the words between are not an item's name (a pain word, an anatomy word, a unit). A subtest
    timed in seconds may name what it times ("DEM vertical time 41 s, horizontal time 58 s")."""
    whole = _own_item(gap, own)
    if whole is not None:
        return whole  # "respiration and sphincter management 30/40": longer than _ITEM_GAP reads
    found = _ITEM_GAP.fullmatch(gap)
    if found is None or gap.endswith("-"):
        # "FABQ-PA 12, SF-36 PCS 40": a number glued to a word by a hyphen is part of a name
        return None
    words = found.group(1).split()
    if len(words) > 1 and words[0].lower() in ("and", "&"):
        words = words[1:]  # "UIQ 38, CRAIQ 19 and POPIQ 10": the last of a list
    if " ".join(words).lower() in {item.lower() for item in own}:
        return " ".join(words)  # the instrument's own subscale ("KOOS ... pain 72")
    if _own_with_noun(words, own):
        return " ".join(words[:-1])  # "(pain subscale 32/50": the subscale "pain"
    allowed = _quantity_words() if timed else frozenset()
    if any(
        (_stops_items(word) and word.lower() not in allowed) or _names_instrument(word)
        for word in words
    ):
        return None
    return " ".join(words)


# What may stand around an item's name between two scores: spaces, a comma, brackets, a colon.
_ITEM_MARKS = " \t\n,;()"
_ITEM_KEY_MARKS = ":= \t"


def _own_item(gap: str, own: tuple[str, ...]) -> str | None:
    """The whole gap is one of the instrument's own items longer than a name `_ITEM_GAP`
    reads (the SCIM's "respiration and sphincter management"), after a comma; None otherwise:
    shorter names, and a name after a semicolon ("KOOS 70; pain 3 with stairs" may be the
    patient's pain), are read as before."""
    if not own or ";" in gap:
        return None
    named = gap.strip(_ITEM_MARKS).rstrip(_ITEM_KEY_MARKS)
    if len(named.split()) <= _ITEM_GAP_WORDS:
        return None
    return named if named.lower() in {item.lower() for item in own} else None


def _own_with_noun(words: list[str], own: tuple[str, ...]) -> bool:
    """The instrument's own subscale with a noun after it that says it is one ("pain
    subscale", "symptoms domain"; measures.toml subscale_nouns)."""
    return (
        len(words) > 1
        and words[-1].lower() in _subscale_nouns()
        and " ".join(words[:-1]).lower() in {item.lower() for item in own}
    )


@cache
def _subscale_nouns() -> frozenset[str]:
    return frozenset(word.lower() for word in instrument_words().get("subscale_nouns", ()))


# The most words `_ITEM_GAP` reads as an item's name.
_ITEM_GAP_WORDS = 3


# A score timed in seconds or milliseconds ("58 s", "640 ms").
_TIMED = re.compile(r"[ \t]*(?:s|sec|secs|seconds?|ms|msec|milliseconds?)\b", re.IGNORECASE)


@cache
def _quantity_words() -> frozenset[str]:
    """Words that name what a subtest's number measures (measures.toml quantity_words)."""
    return frozenset(word.lower() for word in instrument_words().get("quantity_words", ()))


def _stops_items(word: str) -> bool:
    """A word that cannot name an item; a unit written in capitals is an abbreviation ("LB
    dressing" is lower body dressing, "2 lb" a weight)."""
    folded = word.lower().strip("'")
    if word.isupper() and folded in lower_case_units():
        return False
    return folded in item_stop_words() or word.upper() in lab_values()


# An item's code before its name ("GG0170B Sit to lying" after the name "GG"): not the name.
_LEADING_CODE = re.compile(r"^[ \t]*(?:[A-Za-z]*\d[\w.]*[ \t]+)+")


# Between a row's name and its value: its column's time in brackets, codes before it ("88, ").
_ROW_CELLS = re.compile(r"[\d\s,;]*")
# A table row's label naming an item ("Lying to sitting on side of bed", "Walk 10 feet").
_ROW_ITEM = re.compile(r"[A-Za-z][\w/' -]{0,50}")


def _first_item(
    gap: str, own: tuple[str, ...], written: str = "", *, per_item: bool = False
) -> str:
    """The item a measure's first score belongs to when a colon opens the list of items
    ("Section GG (self-care): eating 05", "Tinetti POMA: balance 9/16"), when a key names it
    ("GG0170B Sit to lying: (Admission) 03", and on an instrument scored item by item
    "GG0130B Oral hygiene = 04"), or the words are one of the instrument's subscales ("KOOS
    pain 72"); "" otherwise."""
    key = max(gap.rfind(":"), gap.rfind("="))
    if key >= 0:
        after = gap[key + 1 :]
        tabled = "(" in after and _ROW_CELLS.fullmatch(_REMARKS.sub(" ", after))
        if tabled or (per_item and not after.strip()):
            # the key's name as written (a number in it, "Walk 50 feet", is left out of `gap`)
            row = _LEADING_CODE.sub("", (written or gap)[:key]).strip()
            if not _ROW_ITEM.fullmatch(row) and ")" in row:
                # "Self-Care (Section GG, 01-06) Eating: (Usual perf.) 05": a table's heading
                # closes its bracket before the row's item
                row = _LEADING_CODE.sub("", row[row.rfind(")") + 1 :]).strip()
            return row if _ROW_ITEM.fullmatch(row) else ""
        if gap[key] == ":" and after.strip():
            return _unless_side(_item_named(after, own) or "")
    subscale = _COPULA_LEAD.sub("", _SCORE_WORDS_AFTER.sub("", gap.strip(" \t|")))
    if subscale.lower() in {item.lower() for item in own}:
        return _item_named(subscale, own) or ""
    return ""


# A verb between the instrument and its first subscale ("the SCIM was self-care 9"): no part of
# the subscale's name.
_COPULA_LEAD = re.compile(r"^(?:was|were|is|are)[ \t]+", re.IGNORECASE)


# The kind of score after a subscale's name ("Manual Dexterity standard score 6", a table row's
# "Ball Skills standard score; Score 9"): no part of the subscale's name.
_SCORE_WORDS_AFTER = re.compile(
    r"(?:[ \t;|:]+(?:standard|scaled|raw|total|t-score|score|ss))+[ \t;|:]*\Z", re.IGNORECASE
)


def _unless_side(item: str) -> str:
    """An item's name, or "" when it is only a side ("MFS: R 3, L 2"): the side labels each
    score on its own."""
    words = item.split()
    return "" if words and all(labels.parts_of(word).side for word in words) else item


def _named_after_break(gap: str, own: tuple[str, ...]) -> bool:
    """Words before a measure's first score that, after a comma or semicolon, name another
    instrument or a lab value ("TSK pending, FABQ-PA 14", "scored 45 on the Berg, INR 2.1"):
    the score is that name's, never this measure's (unless the word is one of this measure's
    own subscales)."""
    unbracketed = _REMARKS.sub(" ", gap)
    cut = max(unbracketed.rfind(","), unbracketed.rfind(";"))
    if cut < 0:
        return False
    own_words = {item.casefold() for item in own}
    return any(
        (_names_instrument(word) or word.upper() in lab_values())
        and word.casefold() not in own_words
        for word in re.findall(r"[A-Za-z][\w&'/-]*", unbracketed[cut + 1 :])
    )


def _names_instrument(word: str) -> bool:
    """A word written like an instrument's name ("Mini-BESTest", "PRWE"): the next score is
    that instrument's, not an item of the one before."""
    capitals = sum(ch.isupper() for ch in word)
    return capitals >= 3 and len(word) >= 3 and word.upper() not in not_instruments()


def _after_prior(text: str, end: int) -> int:
    """Past the words that say a score is an earlier one ("62 at eval"), so the next score's
    gap starts after them."""
    after = prior_after(text, end)
    return after if after is not None else end


def _takes(scanner: Scanner, measure: MeasureDef, token: re.Match[str]) -> bool:
    """A free number; for a measure counted in repetitions, also one the dose rules blocked
    ("30-second chair stand 7 reps"), and for any measure a time in milliseconds; never a
    number inside a goal ("Goals: 30CST >= 12 reps": a target, whatever else blocked it) nor
    after a comparison ("30CST >= 12 to reduce fall risk")."""
    start, end = token.start(), token.end()
    if scanner.free(start, end):
        return True
    if scanner.claimed(start, end) or scanner.in_header(start) or scanner.in_goal(start):
        return False
    if _HEADS_VALUE.match(scanner.text, end):
        return False  # "(visit 1: 9)": the number of the visit the next value was taken at
    if _BOUND_BEFORE.search(scanner.text, max(0, start - 4), start):
        return False  # "30CST >= 12": a target or a bound, never a count the test made
    if earlier_visit_at(scanner.text, start):
        return True  # "PCSS 14 (last visit 31)": the rule for "visit 4" blocked that visit's score
    if measure.name in graded_instruments() and _GRADE_BEFORE.search(
        scanner.text, max(0, start - 8), start
    ):
        return True  # "mMRC grade 2": the rule for "grade 3 glides" blocked the scale's grade
    return measure.unit == "reps" or milliseconds_at(scanner, start)


_BOUND_BEFORE = re.compile(r"(?:[<>]=?|[\u2264\u2265])[ \t]*\Z")
_GRADE_BEFORE = re.compile(r"\bgrade[ \t]+\Z", re.IGNORECASE)
# A number a colon and another number follow heads that number ("visit 1: 9", "wk 4: 95°").
_HEADS_VALUE = re.compile(r"[ \t]*:[ \t]*\d")


# A time in milliseconds: the rules for modality settings block it ("pulse 300 ms"), but after
# an instrument's name it is a subtest's time ("UFOV divided attention 180 ms").
_MILLISECONDS = re.compile(rf"{NUM}[ \t]*(?:ms|msec|milliseconds?)\b", re.IGNORECASE)


def milliseconds_at(scanner: Scanner, start: int) -> bool:
    """True when a time in milliseconds starts at `start` and nothing but the modality rule
    keeps it from being read (it is no header's, and no fact has it)."""
    found = _MILLISECONDS.match(scanner.text, start)
    return found is not None and not scanner.claimed(*found.span()) and not scanner.in_header(start)


def _rating_range(measure: MeasureDef, after: re.Match[str]) -> bool:
    """A pain scale's rating with a dash and a number after it ("NPRS 2-4"): a range, whose
    low end is a rating as much as its high end (CONVENTIONS: a range is both its ends)."""
    return measure.kind == "pain" and after.group().lstrip().startswith("-")


@cache
def _loads() -> re.Pattern[str]:
    """A force's or a load's unit after a number (measures.toml [forces] units, as written:
    "55 lbf", "142 N", "21.4 kgf", "30 pounds"): a load lifted or pushed, never a score."""
    return re.compile(
        rf"[ \t]*(?:(?:{written_units()})(?![\w/-])|(?i:pounds?|kilos?|kilograms?)\b)"
    )


def _timed_result(measure: MeasureDef, value: float, suffix: re.Match[str] | None) -> bool:
    """A test scored in another unit written as the seconds it took ("10 meter walk test 9.8
    seconds" of a test the table keeps in m/s): its result, in seconds (instruments.toml
    seconds_max)."""
    if suffix is None or suffix.group(1) is not None:
        return False
    return _UNIT_WORDS.get((suffix.group(2) or "").lower()) == "s" and measure.in_seconds_range(
        value
    )


def _counts_reps(measure: MeasureDef, written: str) -> bool:
    """A measure counted in repetitions ("30-second chair stand 7 reps") takes its reps."""
    return measure.unit == "reps" and written.strip().lower().startswith("rep")


def _item_scores(
    scanner: Scanner,
    facts: list[Fact],
    measure: MeasureDef,
    pos: int,
    limit: int,
    *,
    earlier: bool = False,
) -> None:
    """Per-item scores (COPM dressing P 5 S 4, FIM eating 6, PSFS stairs 3); `earlier` says
    the words before the name made the items earlier ones, until a word of this visit."""
    text = scanner.text
    activity = ""
    name_end = pos
    for token in scanner.tokens(pos, limit):
        if not scanner.free(token.start(), token.end()):
            continue
        value = to_number(token.group())
        if _OUTCOME_BAD.match(text, token.end()) or not measure.in_range(value):
            continue
        if counted_after().match(text, token.end()):
            continue  # "PSFS (avg of 3 items)": how many items, no item's score
        if _DENOMINATOR.search(text, max(0, token.start() - 4), token.start()):
            continue  # "hair up 2/10" with the 2 read as a change: the 10 is its whole
        earlier = earlier and not says_current(text[pos : token.start()])
        gap_words = re.findall(r"[A-Za-z][\w/'\-]*", text[pos : token.start()])
        role = ""
        others = []
        for word in gap_words:
            if word in ("P", "perf", "performance", "Perf", "Performance"):
                role = "performance"
            elif word in ("S", "sat", "satisfaction", "Sat", "Satisfaction"):
                role = "satisfaction"
            else:
                others.append(word)
        named = [word for word in others if word.lower() not in _legend_words()]
        if others:
            # "avg 8.7", "(was 3.0)": the scale's own figure, no item's
            activity = " ".join(named)
        suffix = re.compile(rf"\s*/\s*{NUM}").match(text, token.end())
        end = suffix.end() if suffix else token.end()
        found = attribute(scanner, token.start(), end, floor=name_end)
        previous = found.previous or (" (previous)" if earlier else "")
        label = labels.join(measure.name, activity, role) + previous
        scanner.emit(facts, "outcome", value, (token.start(), end), label, measure=measure.name)
        pos = end


@cache
def _legend_words() -> frozenset[str]:
    """Words of a scale's legend (measures.toml [instruments] legend_words)."""
    return frozenset(word.lower() for word in instrument_words().get("legend_words", ()))


def _grade(digit: str, sign: str | None) -> str:
    sign = (sign or "").strip().lower()
    return digit + {"plus": "+", "minus": "-"}.get(sign, sign)


def read_mmt(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Grades written "4-/5" anywhere, or "4-" in a sentence about muscle testing."""
    matches = list(_MMT_SLASH.finditer(scanner.text))
    for match in _MMT_SPACED.finditer(scanner.text):
        if _MMT_CONTEXT.search(scanner.text, scanner.sentence_before(match.start()), match.start()):
            matches.append(match)
    trailers = _grade_trailers(scanner)
    for match in _MMT_BARE.finditer(scanner.text):
        if _MMT_CONTEXT.search(
            scanner.text, scanner.sentence_before(match.start()), match.start()
        ) or _trailed(trailers, scanner, match.start()):
            matches.append(match)
    for start in muscle_grades.group_grade_starts(scanner):
        after_group = _MMT_BARE.match(scanner.text, start)
        if after_group is not None:
            matches.append(after_group)
    matches.sort(key=lambda m: m.start())
    graded = -1  # the sentence of the last grade read: "APB 4/5 R, 5/5 L" grades both
    for match in matches:
        if not scanner.free(match.start(), match.end()):
            continue
        found = attribute(scanner, match.start(), match.end())
        sentence = scanner.sentence(match.start())[0]
        if (
            match.re is _MMT_SLASH
            and sentence != graded
            and muscle_grades.counted(scanner, match.start(), match.end(), found)
        ):
            continue
        about = _symptom_rated(scanner, match, found)
        if about is not None:
            scanner.emit(
                facts,
                "other",
                int(match.group(1)),
                (match.start(), match.end()),
                f"{about.lower()} rating{found.previous}",
                unit="/5",
            )
            continue
        graded = sentence
        group = "" if found.muscle else muscle_grades.group_before(scanner.text, match.start())
        label = labels.join(found.side, found.joint, found.muscle or group, found.motion)
        if not (found.joint or found.muscle or found.motion):
            clause = scanner.text[scanner.clause_start(match.start()) : match.start()]
            label = labels.join(found.side, labels.context_words(clause, 4))
        grade = _grade(match.group(1), match.group(2))
        previous = found.previous or _bracketed_earlier(scanner, match.start())
        scanner.emit(facts, "mmt", grade, (match.start(), match.end()), (label or "MMT") + previous)


def _grade_trailers(scanner: Scanner) -> list[tuple[int, int]]:
    """Where a sentence says its grades are all out of five ("..., all out of 5"), blocked so
    its 5 is read as no grade (measures.toml [mmt] grade_trailers)."""
    found = [match.span() for match in _trailer().finditer(scanner.text)]
    for start, end in found:
        scanner.block(start, end)
    return found


def _trailed(trailers: list[tuple[int, int]], scanner: Scanner, start: int) -> bool:
    """A bare grade whose sentence ends in a trailer after it: a muscle grade."""
    if not trailers:
        return False
    at = bisect.bisect_left(trailers, (start, start))
    return at < len(trailers) and trailers[at][0] < scanner.sentence(start)[1]


@cache
def _trailer() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{either(mmt_words().get('grade_trailers', ()))})", re.IGNORECASE)


def _bracketed_earlier(scanner: Scanner, start: int) -> str:
    """The label's " (previous)" for a grade standing in a bracket that a legend gives to the
    earlier grades ("Elbow flexors, R 5 (4)" under "admission in brackets"), else nothing."""
    return f" {labels.PREVIOUS}" if bracket_headings.earlier_bracket(scanner, start) else ""


def _symptom_rated(scanner: Scanner, match: re.Match[str], found: Attribution) -> str | None:
    """The symptom a number out of five rates when a word of a symptom other than pain is the
    rating word nearest before it, no muscle or motion is named for it, it carries no + or -
    and its sentence is not about muscle testing ("Fatigue in hand reported at 3/5 on the
    'tired hand' scale"): that symptom's rating, never a muscle grade."""
    if match.re is not _MMT_SLASH or match.group(2) or found.muscle or found.motion:
        return None
    start = match.start()
    if _MMT_CONTEXT.search(scanner.text, scanner.sentence_before(start), start):
        return None
    return _rating_subject(scanner, start, match.end(), words())


def _part_rated(scanner: Scanner, joint: str, side: str, start: int) -> tuple[str, str]:
    """The joint and side a pain rating's label names, only when its own clause names them: a
    joint of the sentence before ('"My knee won't bend." Pain R thigh 3/10') or of a clause
    before a semicolon ('L shoulder pain 3/10; neck pain 2/10', 'Wife has R knee pain 7/10; pt
    pain 2/10') is another rating's or another person's."""
    text = scanner.text
    sentence = scanner.sentence_before(start)
    clause = max(sentence, text.rfind(";", sentence, start) + 1)
    words_before = text[clause:start]
    if joint and labels.parts_of(words_before).joint != joint:
        joint = ""
    if side and clause > sentence and not labels.sides_named(words_before):
        side = ""
    return joint, side


def read_ratings(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """0-10 ratings ("4/10", "six out of ten") and "pain 4"; non-pain ratings are "other"."""
    vocab = words()
    text = scanner.text
    for match in _RATING.finditer(text):
        values = [g for g in (1, 2) if match.group(g) is not None]
        if not all(scanner.free(match.start(g), match.end(g)) for g in values):
            continue
        numbers = [to_number(match.group(g)) for g in values]
        if any(number > 10 for number in numbers):
            continue
        about = _rating_subject(scanner, match.start(), match.end(), vocab)
        rated = _instrument_rated(scanner, match.start(), vocab)
        if rated is not None and about is not None and not _describes(scanner, rated[1], match):
            rated = None  # "fatigue 3/10" after an instrument's own score is no score of it
        if rated is not None:
            _emit_rated(scanner, facts, rated, match)
            continue
        if about is None and _a_totals_part(scanner, match.start()):
            continue
        if about is None and unnamed_full_marks(scanner, match.start()):
            continue  # "at table 10/10, at shoulder height 7/10": successes, not pain
        found = attribute(scanner, match.start(), match.end(), after_side=False)
        prior = found.previous
        for number in numbers:
            if about is None:
                # the side of the body part rated ("R shoulder pain 5/10", "L shoulder 3/10")
                joint, side = _part_rated(scanner, found.joint, found.side, match.start())
                said = _pain_label(text, match.end())
                # a side said after the rating is the side rated ("(pain 5/10 R)" after
                # "SLR R 60, L 75"): the side before is another reading's
                side = "" if labels.sides_named(said) else side
                label = labels.join(said, joint, side) + prior
                scanner.emit(facts, "pain", number, (match.start(), match.end()), label)
                _rating_said_again(scanner, facts, match.end())
            else:
                label = f"{about.lower()} rating{prior}"
                scanner.emit(
                    facts, "other", number, (match.start(), match.end()), label, unit="/10"
                )
    for match in led(_PAIN_BARE, "pain|pn").finditer(text):
        if not scanner.free(match.start(1), match.end(1)):
            continue
        number = to_number(match.group(1))
        if number <= 10:
            label = _pain_label(text, match.end(1))
            scanner.emit(facts, "pain", number, (match.start(1), match.end(1)), label)
            # "pain at 4 now, was a 7 at eval": the same pain rated again, as after "4/10"
            _rating_said_again(scanner, facts, match.end(1))
    _spaced_ratings(scanner, facts, vocab)
    _spoken_ratings(scanner, facts, vocab)
    _spoken_symptom_ratings(scanner, facts)


def _spaced_ratings(scanner: Scanner, facts: list[Fact], vocab: Words) -> None:
    """ "pain 2 10 rest 5 10 reaching": ratings over ten with the slash dropped, in a sentence
    whose nearest rating word is a pain word; the 10 is claimed with each."""
    text = scanner.text
    for match in line_scan(_RATING_SPACED, text):
        start, end = match.span()
        if not scanner.free(start, end) and not (
            scanner.claimed(*match.span(1)) and scanner.free(match.end(1), end)
        ):
            continue
        before = text[scanner.sentence_before(start) : start]
        if not vocab.pain.search(before) or _rating_subject(scanner, start, end, vocab):
            continue
        if scanner.claimed(*match.span(1)):
            scanner.claim(match.end(1), end)  # "pain 2 10": the 2 read already, its 10 is the scale
            continue
        label = _pain_label(text, end)
        scanner.emit(facts, "pain", to_number(match.group(1)), (start, end), label)


# "the right knee is about a three today, it was up to a five": a body region (or pain word)
# said to "be a" number is a 0-10 rating, and so is every "a N" after it in the sentence.
_SAID_RATING = re.compile(
    r"(?:'s|[ \t]+(?:is|was|has been|gets|got|goes|went))[ \t]+"
    r"(?:(?:about|around|maybe|roughly|like|probably|only|up to|at|still|sitting at|down to)"
    r"[ \t]+)*"
    r"an?[ \t]+(\d{1,2})\b(?![ \t]*(?:/|%|\.\d|-|x\b|[A-Za-z]{1,3}\b(?![ \t]*(?:today|now))))",
    re.IGNORECASE,
)
_MORE_RATINGS = re.compile(
    r"\ban?[ \t]+(\d{1,2})\b(?![ \t]*(?:/|%|\.\d|-|x\b|(?:min|mins|minutes?|km|miles?|lbs?|kg"
    r"|steps?|inch|inches|ft|feet|reps?|sets?|times|days?|weeks?|wks?|hours?|hrs?|blocks?)\b))",
    re.IGNORECASE,
)


# "... about a 4 out of 10, and during the day it's a 2": the same pain rated again, said.
_RATED_AGAIN = re.compile(r"\b(?:it|that)(?=(?:'s|[ \t]+(?:is|was|gets|goes|went))\b)")
# The number ends the clause or a circumstance follows ("a 2 in the morning", "a 6 last week",
# "a 5 yesterday"): never a noun ("a 2 point drop", "a 2 inch step").
_RATING_ENDS = re.compile(
    r"[ \t]*(?:[.,;!?)\n]|$|(?:today|now|at|in|with|during|when|after|before|on|by|most|for"
    r"|and|but|or|then|tops|max|maybe|last|yesterday|previously|earlier)\b)",
    re.IGNORECASE,
)


# "6 out of 10 with movement, 4 at rest": a bare number after a comma, with the circumstance
# it was rated in, no number between.
_RATED_BESIDE = re.compile(
    r"[^\d\n.;]{0,40}?,[ \t]*(?:(?:and|but)[ \t]+)?(\d{1,2})(?![\d./%])[ \t]+"
    r"(?:at|with|in|during|after|before|when|on)\b",
    re.IGNORECASE,
)


def _rating_said_again(scanner: Scanner, facts: list[Fact], after: int) -> None:
    """A pain rating said again later in the sentence of a 0-10 pain rating ("it's a 2", "6/10
    with movement, 4 at rest")."""
    text = scanner.text
    sentence = scanner.sentence(after)
    end = sentence[1]
    beside = _RATED_BESIDE.match(text, after, end)
    if beside and scanner.free(*beside.span(1)) and to_number(beside.group(1)) <= 10:
        label = _pain_label(text, beside.end(1))
        scanner.emit(facts, "pain", to_number(beside.group(1)), beside.span(1), label)
    for again in matches_from(_RATED_AGAIN, text, sentence, after):
        said = _SAID_RATING.match(text, again.end())
        if (
            said
            and _RATING_ENDS.match(text, said.end(1))
            and scanner.free(*said.span(1))
            and to_number(said.group(1)) <= 10
        ):
            found = attribute(scanner, said.start(1), said.end(1), after_side=False)
            label = _pain_label(text, said.end(1)) + found.previous
            scanner.emit(facts, "pain", to_number(said.group(1)), said.span(1), label)
    # "a 2 out of 10 at rest and about a 5 by the end of a shift, down from a 7 at the eval":
    # the same pain rated again as "a N" ending its clause, an earlier one where words say so
    for more in _MORE_RATINGS.finditer(text, after, min(end, after + _MORE_REACH)):
        if (
            scanner.free(*more.span(1))
            and to_number(more.group(1)) <= 10
            and _RATING_ENDS.match(text, more.end(1))
            and not _other_thing_rated(text, after, more)
        ):
            found = attribute(scanner, more.start(1), more.end(1), after_side=False)
            label = _pain_label(text, more.end(1)) + found.previous
            scanner.emit(facts, "pain", to_number(more.group(1)), more.span(1), label)


_MORE_REACH = 120
# The rest of a rating's clause after it ("a 2 for effort with stairs").
_CLAUSE_REST = re.compile(r"[^.,;!?()\n\d]{0,30}")


def _other_thing_rated(text: str, after: int, more: re.Match[str]) -> bool:
    """Whether a rating word other than pain sits between the pain rating and "a N", or in the
    rest of N's clause: "pain 4/10, fatigue a 6", "rated a 2 for effort" rate no pain."""
    not_pain = words().not_pain
    rest = _CLAUSE_REST.match(text, more.end(1))
    return bool(
        not_pain.search(text, after, more.start(1))
        or (rest is not None and not_pain.search(rest.group()))
    )


def _spoken_ratings(scanner: Scanner, facts: list[Fact], vocab: Words) -> None:
    text = scanner.text
    pains = list(vocab.pain_finder.finditer(text))
    for subject in (*vocab.regions_finder.finditer(text), *pains):
        said = _SAID_RATING.match(text, subject.end())
        if said is None and subject in pains:
            said = _said_later(scanner, subject.end())
        if said is None or not scanner.free(*said.span(1)) or to_number(said.group(1)) > 10:
            continue
        named = subject.group().lower()
        label = "pain" if named == "pain" else labels.join("pain", named)
        scanner.emit(facts, "pain", to_number(said.group(1)), said.span(1), label)
        _, end = scanner.sentence(said.end())
        for more in _MORE_RATINGS.finditer(text, said.end(), min(end, said.end() + 120)):
            if scanner.free(*more.span(1)) and to_number(more.group(1)) <= 10:
                found = attribute(scanner, more.start(1), more.end(1), after_side=False)
                scanner.emit(
                    facts, "pain", to_number(more.group(1)), more.span(1), label + found.previous
                )


# "her dizziness is about a five today", "nausea about a 2 now": a symptom other than pain said
# to be "a" number is its 0-10 rating (CONVENTIONS.md: `other` with "/10", never pain).
_SYMPTOM_SAID = re.compile(
    r"(?:'s|[ \t]+(?:is|was|has been|gets|got|goes|went|at))?[ \t]+"
    r"(?:(?:about|around|maybe|roughly|like|probably|only|up to|at|still|sitting at|down to)"
    r"[ \t]+)*an?[ \t]+(\d{1,2})\b(?![ \t]*(?:/|%|\.\d|-))",
    re.IGNORECASE,
)


@cache
def _spoken_symptoms() -> re.Pattern[str]:
    """Symptoms other than pain a patient rates aloud (measures.toml [ratings])."""
    data = measures_section("ratings")
    words = "|".join(str(word) for word in data.get("spoken_symptoms", ())) or "(?!x)x"
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


def _spoken_symptom_ratings(scanner: Scanner, facts: list[Fact]) -> None:
    """A symptom said to be "a" number, the number ending its clause (see `_SYMPTOM_SAID`)."""
    text = scanner.text
    for subject in line_scan(_spoken_symptoms(), text):
        said = _SYMPTOM_SAID.match(text, subject.end())
        if said is None or not scanner.free(*said.span(1)) or to_number(said.group(1)) > 10:
            continue
        if scanner.in_goal(said.start(1)) or not _RATING_ENDS.match(text, said.end(1)):
            continue
        found = attribute(scanner, said.start(1), said.end(1), after_side=False)
        label = f"{subject.group().lower()} rating{found.previous}"
        scanner.emit(facts, "other", to_number(said.group(1)), said.span(1), label, unit="/10")


def _said_later(scanner: Scanner, after: int) -> re.Match[str] | None:
    """In a sentence about pain, "it is a 2 in the morning" later on rates that pain ("her knee
    pain, she says it is a 2 ..."); the number must end its clause or be followed by when."""
    text = scanner.text
    _, end = scanner.sentence(after)
    for again in _RATED_AGAIN.finditer(text, after, min(end, after + 120)):
        said = _SAID_LATER.match(text, again.end())
        if said is not None and _RATING_ENDS.match(text, said.end(1)):
            return said
    return None


# "it is a 2 in the morning", "it gets to about a 7 by evening": what may stand between "it"
# and the number; what may follow is _RATING_ENDS.
_SAID_LATER = re.compile(
    r"(?:'s|[ \t]+(?:is|was|has been|gets|got|goes|went))[ \t]+"
    r"(?:(?:about|around|maybe|roughly|like|probably|only|up|down|to|at|still|sitting at)"
    r"[ \t]+)*an?[ \t]+(\d{1,2})\b(?![ \t]*(?:/|%|\.\d|-))",
    re.IGNORECASE,
)


# the words right after a rating, on its own line: "Pain 8/10" closing a line is rated whatever
# word opens the next ("Sleep: better")
_WORDS_AFTER = re.compile(r"[ \t]*([A-Za-z][\w/]*(?:[ \t]+[A-Za-z]+)?)")


# A score over its maximum, then a bracket opening on its parts, each a score over its own
# maximum ("total 38/66 (A 22/36, B wrist 4/10, C hand 8/14)"): a part scored out of 10 is
# that part's score, not a pain rating.
_TOTAL_OPENS = re.compile(r"\d(?:\.\d+)?[ \t]*/[ \t]*(?!10(?!\d))\d{1,3}[ \t]*\([^()\n]*\Z")
_PART_SCORE = re.compile(r"(?<![\d/.])\d(?:\.\d+)?[ \t]*/[ \t]*(\d{1,3})(?![\d./])")
_PARTS_REACH = 120


def _a_totals_part(scanner: Scanner, start: int) -> bool:
    """True when a 0-10 rating stands in a bracket of part scores after a total over its
    maximum, with no pain word in the bracket before it, and a part beside it scored out of a
    maximum other than 10 (the bracket is the instrument's parts, not ratings)."""
    text = scanner.text
    line_start, line_end = scanner.line(start)
    opened = text.rfind("(", max(line_start, start - _PARTS_REACH), start)
    if opened < 0 or not _TOTAL_OPENS.search(text, max(line_start, opened - 12), opened + 1):
        return False
    if words().pain.search(text, opened, start):
        return False
    closed = text.find(")", start, line_end)
    inside = text[opened : closed if closed >= 0 else line_end]
    return any(part.group(1) != "10" for part in _PART_SCORE.finditer(inside))


# How far back from a 0-10 rating an instrument's name may stand ("LYMQOL overall quality of
# life 6/10"), within its sentence.
_RATED_REACH = 60
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _instrument_rated(scanner: Scanner, start: int, vocab: Words) -> tuple[MeasureDef, int] | None:
    """The instrument whose score a 0-10 rating with no rating word is, and where its name
    ends: an instrument's name earlier in the sentence, no pain word since it, and no number
    between that nothing has read ("Kapandji: 8/10 / 10/10", "LYMQOL overall quality of life
    6/10"). A muscle, joint or motion between makes it a rating of the body (pain).
    Without a name, the rating is the patient's pain."""
    text = scanner.text
    floor = max(scanner.sentence_before(start), start - _RATED_REACH)
    before = text[floor:start]
    if vocab.pain.search(before):
        return None
    found = _last_instrument(before)
    if found is None:
        return None
    measure, name_end = found
    between = text[floor + name_end : start]
    if vocab.muscle.search(between) or vocab.rom_any.search(between):
        return None  # "TTP R obturator internus 3/10": a rating of a body part is pain
    for number in _NUMBER.finditer(text, floor + name_end, start):
        if scanner.free(*number.span()):
            return None
    return measure, floor + name_end


def _describes(scanner: Scanner, name_end: int, rating: re.Match[str]) -> bool:
    """The words between an instrument's name and a rating describe that instrument ("LYMQOL
    overall quality of life 6/10", "Kapandji: 9/10 / 7/10"): no clause break between, and no
    number but the instrument's own values already read."""
    between = scanner.text[name_end : rating.start()]
    if _CLAUSE_BREAK.search(between):
        return False
    return not any(
        scanner.free(name_end + number.start(), name_end + number.end())
        for number in _NUMBER.finditer(between)
    )


_CLAUSE_BREAK = re.compile(r"[,;\n]|\.(?!\d)")


def _last_instrument(before: str) -> tuple[MeasureDef, int] | None:
    """The last instrument named in `before` that is scored 0-10 or not listed, and its end."""
    best: tuple[MeasureDef, int] | None = None
    matcher = measure_matcher(())
    for match in matcher.finder.finditer(before):
        measure = matcher.measure(match.group())
        if measure is not None and measure.kind != "pain" and measure.high in (None, 10.0):
            best = (measure, match.end())
    for match in ACRONYM.finditer(before):
        name = match.group(1)
        if best is not None and best[1] > match.start():
            continue
        if sum(ch.isupper() for ch in name) < _RATED_CAPITALS or not any(c.isalpha() for c in name):
            continue
        if name.upper() in not_instruments() or name.upper() in not_instrument_names():
            continue
        if matcher.measure(name) is not None or not _names_an_item(before[match.end() :]):
            continue  # "LBP 6/10": a diagnosis rated, which is pain
        best = (MeasureDef(name=name, aliases=(name,)), match.end())
    return best


def _names_an_item(between: str) -> bool:
    """Words between an unlisted name and a rating that name an item of a questionnaire."""
    found = {word.casefold() for word in re.findall(r"[A-Za-z]+", between)}
    return bool(found & rated_item_words())


# An unlisted name before a rating needs three capitals ("LYMQOL", "FACIT"): with fewer the
# default, the patient's pain, is the safer reading.
_RATED_CAPITALS = 3


def _emit_rated(
    scanner: Scanner, facts: list[Fact], rated: tuple[MeasureDef, int], match: re.Match[str]
) -> None:
    """A 0-10 rating as the instrument's score, labelled by the words between them."""
    measure, name_end = rated
    text = scanner.text
    item = " ".join(re.findall(r"[A-Za-z][\w'/-]*", text[name_end : match.start()])[:4])
    found = attribute(scanner, match.start(), match.end(), floor=name_end)
    label = labels.join(measure.name, item, found.side) + found.previous
    value = to_number(match.group(1))
    scanner.emit(facts, "outcome", value, match.span(), label, unit="/10", measure=measure.name)


def _rating_subject(scanner: Scanner, start: int, end: int, vocab: Words) -> str | None:
    """None for a pain rating, else the thing rated ("fatigue").

    The nearest rating word before the value decides; with none, a 0-10 rating in a therapy
    note is a pain rating ("his back is about a six out of ten").
    """
    text = scanner.text
    after = _WORDS_AFTER.match(text[end : end + 30])
    if after:
        not_pain = vocab.not_pain.match(after.group(1))
        if not_pain:
            return not_pain.group()
        if vocab.pain.match(after.group(1)):
            return None
    before = text[scanner.sentence_before(start) : start]
    best: tuple[int, str | None] = (-1, None)
    for pattern, is_pain in ((vocab.pain, True), (vocab.not_pain, False)):
        for found in pattern.finditer(before):
            if found.start() > best[0]:
                best = (found.start(), None if is_pain else found.group())
    return best[1]


_QUALIFIER_AFTER = re.compile(r"[ \t]*([A-Za-z][^,;.()\n\d]{0,30})")


def _pain_label(text: str, end: int) -> str:
    """ "pain" and the words after the rating that say when or with what ("5/10 with stairs"),
    up to a mark a dictation says aloud ("2/10 period shoulder pain ...")."""
    qualifier = _QUALIFIER_AFTER.match(text, end)
    words_after = qualifier.group(1).split()[:4] if qualifier else []
    for index in range(len(words_after)):
        if spoken_marks().said_in(words_after[: index + 1]):
            words_after = words_after[:index]
            break
    return labels.join("pain", " ".join(words_after))
