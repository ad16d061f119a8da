"""An earlier timepoint written before a measure's name.

"At intake her ODI was 46%", "Initial NDI 30/50 - today's NDI 18/50", "prior 6 mo ago GMI 74":
the score read after the name is an earlier one, though the words saying so stand before the
name, where a score's own look-back (which stops at its name) never reaches. Only the clause
that holds the name counts (after the last comma, colon, dash or number before it), a word
of this visit ("today's", "re-eval") wins, and the start of a period ("since the evaluation
LEFS has gone up") says nothing about the value. The words are data (measures.toml
[attribution] before_name, current, period_start).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.tables import attribution_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner

# How far before the name the words are read: a clause's opening words, not a paragraph.
_REACH = 40
# Where the name's clause starts: after a clause mark, a dash between words, an arrow or a
# number standing on its own.
_CLAUSE_BREAK = re.compile(
    r"[,;:(\[\]]|\s[-\u2013\u2014]+\s|->|=>|(?<![A-Za-z0-9.])\d+(?:\.\d+)?(?![A-Za-z])"
)


@dataclass(frozen=True)
class _Cues:
    prior: re.Pattern[str]
    current: re.Pattern[str]
    since: re.Pattern[str]


@cache
def _cues() -> _Cues:
    words = attribution_words()
    edge, tail = r"(?<![\w-])", r"(?![A-Za-z0-9])"
    flags = re.IGNORECASE
    return _Cues(
        prior=re.compile(rf"{edge}(?:{either(words.get('before_name', ()))}){tail}", flags),
        current=re.compile(rf"{edge}(?:{either(words.get('current', ()))}){tail}", flags),
        since=re.compile(rf"{edge}(?:{either(words.get('period_start', ()))}){tail}", flags),
    )


def earlier_before_name(scanner: Scanner, name_start: int) -> bool:
    """True when the clause before a measure's name says its score is an earlier one."""
    sentence_start, _ = scanner.sentence(name_start)
    origin = max(sentence_start, name_start - _REACH)
    lead = scanner.visible(origin, name_start)
    cut = 0
    for mark in _CLAUSE_BREAK.finditer(lead):
        cut = mark.end()
    lead = lead[cut:]
    cues = _cues()
    said = list(cues.prior.finditer(lead))
    if not said or cues.current.search(lead):
        return False
    return not cues.since.search(lead, 0, said[-1].start())


def says_current(words: str) -> bool:
    """True when the words hold one of this visit's ("today", "now", "re-eval"): after them an
    earlier timepoint said before the name no longer holds."""
    return bool(_cues().current.search(words))
