"""One resolver of instrument names for extraction, verification and the offline drafter.

Notes write an instrument many ways: its abbreviation, a version that is the same instrument
("Modified Oswestry" is the ODI), its written-out name ("dizziness handicap inventory" is the
DHI), in capitals or, in a dictation, in lower case. Every reader asks this module which
instrument a written name is, so "DHI 46" in a draft and "dizziness handicap inventory
forty-six" in the note are one fact. The names are data (instruments.toml); a name that is not
listed is its own instrument, under the name written (the list is never complete).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import cache
from importlib.resources import files

from tui.core.checks.tables import instrument_words, measure_defs
from tui.core.checks.text.lexicon import alternation, measure_matcher

# An instrument's name as written: letters, digits and hyphens ("PRWE", "VISA-A", "T25FW",
# "Mini-BESTest", "GMFM-66"), with two or more capitals, standing on its own. A name led by a
# lower-case letter ("mMRC", "mBESS") is not taken yet: a draft's "mVSS 7/13" would then be
# questioned against a note that says the scale's name in words. An edition's year after an
# apostrophe ("DCDQ'07") and a second such name after a slash ("FACT/GOG-Ntx", a scale of
# another scale's family) are part of the one name; single letters joined by slashes ("H/D/N/F")
# are no name.
_ONE_NAME = r"[A-Z0-9][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?:'\d{2})?"
_CAPITALS = r"(?=[a-z0-9-]*[A-Z][a-z0-9-]*[A-Z])"
ACRONYM = re.compile(
    rf"(?<![\w/'-]){_CAPITALS}({_ONE_NAME}(?:/{_CAPITALS}{_ONE_NAME})?)(?![\w/'-])"
)


def resolve(written: str, measures: Sequence[str] = ()) -> str:
    """The instrument a written name is: a listed instrument's name, or the name as written."""
    found = measure_matcher(tuple(measures)).measure(written.strip())
    return found.name if found is not None else written.strip()


def listed(written: str) -> bool:
    """True when a written name is one of the listed instruments (instruments.toml)."""
    return resolve(written) in _known_names()


def names_instrument(text: str, name: str) -> bool:
    """True when `text` names the instrument `name` in any of its spellings (or, for a name
    that is not listed, as written)."""
    return _spellings(name).search(text) is not None


@cache
def _spellings(name: str) -> re.Pattern[str]:
    """Every way of writing one instrument, as a pattern of whole words."""
    aliases = next((m.aliases for m in measure_defs() if m.name == name), (name,))
    return re.compile(rf"(?<![A-Za-z0-9])(?:{alternation(aliases)})(?![A-Za-z0-9])", re.IGNORECASE)


def instrument_key(measure: str) -> str:
    """What every written name of one instrument shares: a listed instrument's own name, else
    the first word of the name as written with its form letters and numbers ("Trails B",
    "PFDI-20"), in lower case. A note writes "Vancouver 5/13" and its draft "Vancouver Scar
    Scale 5/13"; a dictation "rapid pace walk" and the draft "Rapid Pace Walk test": one
    instrument each time. Two different instruments would share a key only by sharing their
    first word, and a value would still have to match."""
    name = resolve(measure)
    if name in _known_names():
        return name
    words = [w for w in re.findall(r"[^\W_]+", name.casefold()) if w not in _generic_words()]
    if not words:
        return name.casefold()
    forms = [word for word in words[1:] if len(word) == 1 or any(ch.isdigit() for ch in word)]
    return "".join([words[0], *forms])


@cache
def _known_names() -> frozenset[str]:
    return frozenset(measure.name for measure in measure_defs())


@cache
def _generic_words() -> frozenset[str]:
    """Nouns that end a written-out test's name ("scale", "test"): measures.toml [instruments]
    test_nouns."""
    return frozenset(word.casefold() for word in instrument_words().get("test_nouns", ()))


@cache
def _name_lists() -> dict[str, tuple[str, ...]]:
    """instruments.toml [names]: what a name's shape alone gets wrong."""
    raw = (files("tui.core") / "data" / "instruments.toml").read_text(encoding="utf-8")
    section = tomllib.loads(raw).get("names", {})
    return {str(key): tuple(str(item) for item in value) for key, value in section.items()}


@cache
def instrument_wholes() -> dict[str, frozenset[float]]:
    """What each listed instrument's scores are written out of: its maximum, its raw sum's
    (`raw_max`), the scale a percentage is of (`percent_of`) and one item's maximum."""
    raw = (files("tui.core") / "data" / "instruments.toml").read_text(encoding="utf-8")
    found = {}
    for name, spec in tomllib.loads(raw).get("instruments", {}).items():
        items = spec.get("item_range")
        wholes = [spec.get(key) for key in ("max", "raw_max", "percent_of")]
        wholes.append(items[1] if isinstance(items, list) and len(items) == 2 else None)
        found[str(name)] = frozenset(float(w) for w in wholes if isinstance(w, int | float))
    return found


@cache
def not_instrument_names() -> frozenset[str]:
    """Short names before a number that are never an instrument's (in capitals): day counters
    ("DOL 41", "POD 5"), equipment, settings, places and programs ("UBE 6'", "PEEP 8"), a
    disease's stage ("GOLD 3"), vital, laboratory and device values ("BMI 31.2", "EF
    35%", "ETT 7.5"), the body measured by a named method ("CVAI 6.4 %", "LVD 16.8 %") and a
    note title's words ("ACUTE CARE PT - DAILY    4 West")."""
    lists = _name_lists()
    return frozenset(
        name.upper()
        for key in (
            "day_counters",
            "not_scores",
            "disease_stages",
            "clinical_values",
            "measured_quantities",
            "title_words",
        )
        for name in lists.get(key, ())
    )


@cache
def stage_numbers() -> re.Pattern[str]:
    """A disease's stage or class with its number ("GOLD stage 3", "KL grade 2", "NYHA class
    II", "ASA 2"): the number is the stage, no score and no measurement of any kind."""
    stages = alternation(list(_name_lists().get("disease_stages", ()))) or "(?!x)x"
    return re.compile(
        rf"(?<![\w-])(?:{stages})[ \t]+(?:(?:stage|class|grade)[ \t]+)?"
        r"(?:[0-4]|I{1,3}|IV)(?![\w.])"
    )


@cache
def roman_form() -> re.Pattern[str]:
    """A version or part in roman numerals after an acronym, part of its name ("SCIM III")."""
    forms = alternation(list(_name_lists().get("roman_forms", ()))) or "(?!x)x"
    return re.compile(rf"[ \t]+((?:{forms}))(?![\w/.-]|\.\d)")


@cache
def numbered_form() -> re.Pattern[str]:
    """An item count or edition after an acronym, told from a score by a second number after
    words that open a score ("JFLS 20 came in at 31", "PHQ 4 scored 3"); the match ends where
    the score starts."""
    openers = alternation(list(_name_lists().get("score_openers", ()))) or "(?!x)x"
    return re.compile(
        rf"[ \t]+(\d{{1,3}})[ \t]*(?:[:=]|,?[ \t]*(?:(?:it|which|that)[ \t]+)?(?:{openers})\b)"
        r"[ \t]*(?:(?:at|of|was|is)[ \t]+)?(?=\d)",
        re.IGNORECASE,
    )


@cache
def form_after() -> re.Pattern[str]:
    """A form of the instrument written after its name, part of the name ("ICIQ-UI SF",
    "PedsQL LF"; measures.toml [instruments] forms)."""
    forms = "|".join(re.escape(form) for form in instrument_words().get("forms", ()))
    return re.compile(rf"[ \t]+({forms or '(?!x)x'})(?![\w-])")


@cache
def graded_instruments() -> frozenset[str]:
    """Instruments whose score is a grade, written after the word ("mMRC grade 2"): there the
    number is the score, though a grade is otherwise a technique's ("grade 3 glides")."""
    return frozenset(_name_lists().get("graded", ()))


def norm_words() -> tuple[str, ...]:
    """Words in a bracket that give a test's norms ("Beery VMI (mean 100 / SD 15)")."""
    return _name_lists().get("norm_words", ())


@cache
def other_versions() -> frozenset[str]:
    """Words before a listed test's name that make it another test ("Oral Trails B")."""
    return frozenset(word.casefold() for word in _name_lists().get("other_versions", ()))


def earlier_openers() -> tuple[str, ...]:
    """Words that turn a sentence back to an instrument's earlier score ("Last time it was
    62")."""
    return _name_lists().get("earlier_openers", ())


@cache
def date_events() -> frozenset[str]:
    """Nouns of events after which a month and day is when it happens ("IEP meeting 5/6")."""
    return frozenset(word.casefold() for word in _name_lists().get("date_events", ()))


@cache
def _past_forms() -> frozenset[str]:
    """Past forms without "-ed" that say when something was done ("Saw PCP 2/27")."""
    return frozenset(word.casefold() for word in _name_lists().get("past_forms", ()))


@cache
def _ahead_words() -> frozenset[str]:
    """Words that put what follows in the future ("Next DGI 2/5", "FOTO due 3/1")."""
    return frozenset(word.casefold() for word in _name_lists().get("ahead_words", ()))


def says_when(words: Sequence[str]) -> bool:
    """Words before a month and day that make it a date: an event's noun ("meeting 5/6"), a
    short name that is no instrument ("IEP 5/6"), a past form ("Saw PCP 2/27"), a word of the
    future ("next"), someone's event ("Grandson's wedding 4/26") or a verb's past participle
    last ("Re-administered 1/28", "Rescored 4/2"), which says when something was done."""
    folded = [word.casefold().strip(":,(") for word in words]
    if any(word in date_events() or word in _past_forms() for word in folded):
        return True
    if any(word in _ahead_words() for word in folded) or _someones_event(words):
        return True
    if any(word.upper() in not_instrument_names() for word in folded):
        return True
    last = folded[-1] if folded else ""
    return len(last) > 4 and last.endswith("ed") and last.isascii()


_POSSESSIVE = re.compile(r"[A-Za-z]+['\u2019]s")


def _someones_event(words: Sequence[str]) -> bool:
    """A possessive followed by ordinary words in lower case ("Grandson's wedding", "her
    daughter's graduation party"): a person's event, whose month and day is when it happens.
    A name in capitals after it ("Pt's Lawton") may still be an instrument."""
    for at, word in enumerate(words[:-1]):
        if _POSSESSIVE.fullmatch(word.strip(":,(")):
            rest = words[at + 1 :]
            return all(part.islower() for part in rest)
    return False


def criterion_openers() -> tuple[str, ...]:
    """Words opening a condition before a name ("ambulate if RASS 0 to -1"): its number is a
    criterion to act on, no score."""
    return _name_lists().get("criterion_openers", ())


@cache
def deadline_words() -> frozenset[str]:
    """Words after a name that make the score before it a target ("20 ODI by discharge")."""
    return frozenset(word.casefold() for word in _name_lists().get("deadline_words", ()))


def expectation_words() -> tuple[str, ...]:
    """Words before a score that make it a target ("Berg should be 44/56 by discharge")."""
    return _name_lists().get("expectation_words", ())


def score_kinds() -> tuple[str, ...]:
    """Words after a name that say what kind of score follows ("Perme score", "MRC sum"), which
    label the score and are no part of the instrument's name."""
    return tuple(word.casefold() for word in _name_lists().get("score_kinds", ()))


def part_words() -> tuple[str, ...]:
    """Words that number a part of a test ("part 3", "trial 2", "cond 4"): the number after
    them is no score."""
    return _name_lists().get("part_words", ())


@cache
def part_after() -> re.Pattern[str]:
    """A numbered part of a test written straight after its name ("T25FW trial 2: 8.8 s"):
    group 1 is the part's word, group 2 its number, and the score comes after it."""
    words = alternation(list(part_words())) or "(?!x)x"
    return re.compile(
        rf"[ \t]*(?:[:\u2013\u2014-]+[ \t]*)?({words})\.?[ \t]+([1-9])(?![\d.])", re.IGNORECASE
    )


@cache
def condition_words() -> frozenset[str]:
    """Part words that name a condition of a test ("mCTSIB cond 4"): a subtest held for a
    time, whose seconds are that condition's, never the instrument's total."""
    return frozenset(word.casefold() for word in _name_lists().get("condition_words", ()))


@cache
def counted_nouns() -> frozenset[str]:
    """Nouns a number before them counts ("2 asymmetries", "3 items"), lower case."""
    return frozenset(word.casefold() for word in _name_lists().get("counted_nouns", ()))


def grades_sign(text: str, line_start: int, start: int, end: int) -> re.Match[str] | None:
    """The grade after an unlisted test named in the clause of a graded sign, or for one
    ("Effusion: none (stroke test 0)", "swelling trace, sweep test 1", "clonus test 1"): the
    test elicits the sign and its bare number is the sign's grade, no score. A listed
    instrument keeps its score ("Edema down, LEFS 52/80")."""
    if listed(text[start:end]):
        return None
    if _sign_before().search(text, max(line_start, start - _SIGN_REACH), end) is None:
        return None  # the sign before the test in its clause, or in the test's own name
    return _SIGN_GRADE.match(text, end)


_SIGN_REACH = 60
# A grade of a sign as a bare digit 0-4, no denominator, decimal or unit ("Hop test 3 reps"
# counts). A grade with its sign ("stroke test 2+") is kept as written, a measure of the sign
# (kind "other"), by the reader of scores.
_SIGN_GRADE = re.compile(
    r"[ \t]*(?:[:=][ \t]*)?([0-4])"
    r"(?!\d|\.\d|[ \t]*[/%]|[+-]|[A-Za-z]|[ \t]*(?i:s|secs?|m|cm|mm|kg|lbs?|reps?|x)\b)"
)


@cache
def _sign_before() -> re.Pattern[str]:
    """A graded sign (instruments.toml [names] graded_signs) earlier in the clause."""
    signs = alternation(list(_name_lists().get("graded_signs", ()))) or "(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{signs})(?![\w-])[^.;\n]*\Z", re.IGNORECASE)


@cache
def counted_after() -> re.Pattern[str]:
    """After a number, a noun it counts ("3 items", "30 single-leg hops", "2.5 finger-widths"):
    the number is a count or a length, never a score."""
    nouns = alternation(list(_name_lists().get("counted_nouns", ()))) or "(?!x)x"
    return re.compile(rf"[ \t]*(?:[A-Za-z][\w-]*[ \t]+){{0,2}}?(?:{nouns})(?![\w-])", re.IGNORECASE)


@cache
def edition_before_colon() -> re.Pattern[str]:
    """An edition after a name, before the colon that opens its scores ("Sensory Profile 2
    (caregiver): Seeking 52/95", "BOT 2: ..."): one digit, part of the name."""
    return re.compile(r"[ \t]+([1-9])(?=[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?:)")


@cache
def capitalised_words() -> frozenset[str]:
    """Words a note writes in capitals that are never an instrument's name, as written: the
    speakers of a transcript ("PATIENT: That last one") and a note's headings ("HISTORY:").
    Only the capitals count: "Sensory assessment 8/12" may still name a test."""
    lists = _name_lists()
    return frozenset(str(word) for key in ("speakers", "headings") for word in lists.get(key, ()))


@cache
def held_stances() -> tuple[str, ...]:
    """Stances a balance test times one by one ("4-Stage Balance Test: feet together 10 s,
    semi-tandem 10 s, tandem 4.2 s"): each time is the stance's, inside the test, never the
    test's score (tests/eval/CONVENTIONS.md)."""
    return tuple(str(word).casefold() for word in _name_lists().get("held_stances", ()))


@cache
def body_counts() -> frozenset[str]:
    """Words after a name that make its number a hold time or a count of the body ("PERFECT
    endurance 6 s"), lower case."""
    return frozenset(word.casefold() for word in _name_lists().get("body_counts", ()))


@cache
def part_nouns() -> tuple[str, ...]:
    """Nouns naming an instrument's part scored on its own ("Work module", "pain domain")."""
    return _name_lists().get("part_nouns", ())


@cache
def scored_subjects() -> frozenset[str]:
    """What a questionnaire scores, written straight after its name ("FACIT fatigue 38",
    "LYMQOL function 1.8", "mMRC dyspnea grade 3"); a symptom's word after a diagnosis
    ("BPPV dizziness 6") is no such subject."""
    return frozenset(word.casefold() for word in _name_lists().get("scored_subjects", ()))


@cache
def rated_item_words() -> frozenset[str]:
    """Words between an unlisted name and a 0-10 rating that make the rating an item of a
    questionnaire ("LYMQOL overall quality of life 6/10", "FACT-G wellbeing item 6/10"); a
    diagnosis straight before a rating ("LBP 6/10", "CRPS 7/10") rates pain."""
    return frozenset(word.casefold() for word in _name_lists().get("rated_item_words", ()))


def misheard(written: str, whole: float) -> str | None:
    """The listed instrument a voice-typed name stands for ("Burg balance 46/56" is the Berg,
    "Tinnetti 20/28" the Tinetti): the words of one of its names sound like words of the name
    written (the same consonants, vowels and doubled letters aside) and the score is out of
    that instrument's own maximum. A name without the maximum, or that sounds like no listed
    name, is left as written: two pieces of evidence, never one."""
    heard = _sounds(written)
    if not heard:
        return None
    for measure in measure_defs():
        if measure.high is None or float(measure.high) != float(whole):
            continue
        for alias in measure.aliases:
            said = _sounds(alias)
            if said and _holds(heard, said) and alias.casefold() != written.casefold():
                return measure.name
    return None


def _holds(heard: tuple[str, ...], said: tuple[str, ...]) -> bool:
    """The name's words run through the words heard, after any a dictation ran into them
    ("Objective Burg balance scale": a heading said without its colon)."""
    return any(heard[at : at + len(said)] == said for at in range(len(heard) - len(said) + 1))


# A word a dictation can mishear: written in lower or Title Case, long enough that its
# consonants say which word it is (acronyms are spelled out, never misheard as a word).
_HEARD_WORD = re.compile(r"[A-Z]?[a-z]{3,}")
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"(?<=.)[aeiouy]+")


def _sounds(name: str) -> tuple[str, ...]:
    """The sound of each word of a name: its first letter and its consonants, in lower case,
    doubled letters once ("Berg" and "Burg" are "brg", "Tinetti" and "Tinnetti" are "tnt");
    empty when a word of it is no word a dictation can mishear."""
    found = []
    for word in re.split(r"[\s-]+", name.strip()):
        if not _HEARD_WORD.fullmatch(word):
            return ()
        found.append(_VOWELS.sub("", _DOUBLED.sub(r"\1", word.casefold())))
    return tuple(found)
