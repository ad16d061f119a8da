"""When a grade out of five is a muscle grade: the words around it (measures.toml [mmt]).

"3/5" with no muscle, joint or motion named for it, in a sentence neither about muscle testing
nor grading a whole limb ("4/5 throughout"), is a count out of five when its sentence or the
one before counts ("froze 3/5 w/o cue", "in 4/5 opportunities. Baseline 1/5") and is left
unclassified; without such words it stays a grade (of a muscle the tables do not name). A bare
grade after a muscle group ("elbow flexors 5, wrist extensors 4", as a spinal-cord-injury exam
lists its key muscles) grades the muscles, unless the sentence is about tone or reflexes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from tui.core.checks.measures.attribution import Attribution
from tui.core.checks.tables import mmt_words
from tui.core.checks.text.alternation import either, words_pattern
from tui.core.checks.text.lexicon import Led, led
from tui.core.checks.text.scan import Scanner

# A muscle named by its initials right before a grade ("APB 4/5", "EPL R 3+/5").
_ACRONYM_BEFORE = re.compile(r"\b[A-Z]{2,5}[ \t]*(?:[RL][ \t]+)?:?[ \t]*\Z")
# After a muscle group: an optional side, the test's name and a separator, then the grade (read
# by the caller).
# The other side's grade after the first ("wrist extensors R 4, L 3"): where it starts.
# An earlier grade may stand in brackets after each ("Elbow flexors, R 5 (4), L 5 (4)").
_OTHER_SIDE = re.compile(
    r"[0-5](?:\+|-)?(?:[ \t]*\([0-5][+-]?\))?[ \t]*[,;/]?[ \t]*(?:[RL]|right|left)[ \t]*:?[ \t]*"
    r"(?=[0-5](?!\d|\.\d))",
    re.IGNORECASE,
)
# Between a group and its grade: a side, perhaps after a comma or a colon ("Elbow flexors, R 5",
# a table's row read as a sentence), or after the group's level or muscle in brackets ("Hip
# flexors (L2): R 3", "Finger flexors (FDP middle), R 0"), the test's name ("hip abductor MMT
# 4+/5") and a colon.
_GAP = re.compile(
    r"(?:[ \t]*\([A-Za-z][\w .-]{0,20}\)(?=[ \t]*[:,][ \t]*(?:[RL]|right|left)[ \t]))?"
    r"[ \t]*(?:\((?:[RL]|right|left)\)[ \t]*|(?:[:,][ \t]*)?(?:[RL]|right|left)[ \t]+)?"
    r"(?:MMT[ \t]*)?[:=]?[ \t]*"
)
# The grade's earlier grade in brackets right after it: where that grade starts.
_EARLIER = re.compile(r"[0-5](?:\+|-)?[ \t]*\((?=[0-5][+-]?\))")


@cache
def _context() -> re.Pattern[str]:
    words = mmt_words()
    return words_pattern((*words.get("context", ()), *words.get("overall", ())))


@cache
def _counting() -> re.Pattern[str]:
    return words_pattern(mmt_words().get("counting", ()))


@cache
def _scored_tests() -> re.Pattern[str]:
    return words_pattern(mmt_words().get("scored_tests", ()))


@cache
def _not_context() -> re.Pattern[str]:
    return words_pattern(mmt_words().get("not_context", ()))


@cache
def _groups() -> Led:
    groups = mmt_words().get("muscle_groups", ())
    body = either(groups)
    return led(re.compile(rf"(?:{body})(?![A-Za-z0-9])", re.IGNORECASE), *groups)


@cache
def _group_words() -> re.Pattern[str]:
    return words_pattern(mmt_words().get("muscle_groups", ()))


def muscle_group(clause: str) -> bool:
    """True when a clause names a muscle group ("elbow flexors"): its number is no angle."""
    return bool(_group_words().search(clause))


def group_before(text: str, start: int) -> str:
    """The muscle group written right before a grade ("wrist extensors 4" -> "extensors")."""
    groups = list(_group_words().finditer(text, max(0, start - 30), start))
    if not groups or not _GAP.fullmatch(text, groups[-1].end(), start):
        return ""
    return groups[-1].group().lower()


def counted(scanner: Scanner, start: int, end: int, found: Attribution) -> bool:
    """A grade out of five with no muscle, joint or motion and no muscle-testing words in its
    sentence: a count out of five, or a named test's score, not a grade."""
    if found.joint or found.muscle or found.motion:
        return False
    _, clause_end = scanner.line(end)
    around = scanner.text[scanner.sentence_before(start) : min(clause_end, end + 40)]
    if _scored_tests().search(scanner.text, scanner.sentence_before(start), start):
        # "ASLR R 3/5, L 1/5": the score of a test the sentence names, unless it is about muscles
        return not _context().search(around)
    if _ACRONYM_BEFORE.search(scanner.text, max(0, start - 12), start):
        return False  # "APB 4/5 R": a muscle by its initials
    if muscle_group(scanner.text[scanner.clause_start(start) : start]):
        return False  # "scapular retractors 4-/5"
    if _context().search(around):
        return False
    # only with words of counting in its sentence or the one before ("froze 3/5 w/o cue",
    # "in 4/5 opportunities. Baseline 1/5"): a muscle the tables do not name keeps its grade
    sentence_start = scanner.sentence_before(start)
    before = scanner.sentence_before(max(0, sentence_start - 1)) if sentence_start else 0
    return bool(_counting().search(scanner.text, before, min(clause_end, end + 40)))


def group_grade_starts(scanner: Scanner) -> Iterator[int]:
    """Where a bare grade may follow a muscle group outside a sentence about tone."""
    text = scanner.text
    for group in _groups().finditer(text):
        if _not_context().search(text, scanner.sentence_before(group.start()), group.start()):
            continue
        gap = _GAP.match(text, group.end())
        start = gap.end() if gap else group.end()
        yield from _with_earlier(text, start)
        other = _OTHER_SIDE.match(text, start)
        if other is not None:
            yield from _with_earlier(text, other.end())


def _with_earlier(text: str, start: int) -> Iterator[int]:
    """A grade's start and, when an earlier grade stands in brackets after it, that one's."""
    yield start
    earlier = _EARLIER.match(text, start)
    if earlier is not None:
        yield earlier.end()
