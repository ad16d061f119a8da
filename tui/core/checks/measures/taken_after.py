"""A test named as the moment another value was taken: "Fatigue (0-10) after 2MWT 8", "dyspnea
after the 6MWT 4/10", "RPE post 6MWT 13".

The value after the name rates the word written before "after" (a symptom, an effort), so it
is never the test's result: the outcome readers leave such a name's numbers to the readers of
ratings and other measures. The words are data (measures.toml [instruments] moment_before);
the look is bounded to the clause right before the name, so a note is read in linear time.
A verb in the past before the moment word tells what was done then ("Pt walked after Berg
45/56", "Reassessed after TUG 14 s"): it rates nothing, so the test's numbers stay its result.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.tables import instrument_words
from tui.core.checks.text.alternation import either

_REACH = 40


@cache
def _moment() -> re.Pattern[str]:
    words = either(instrument_words().get("moment_before", ()))
    # a word of the clause that is no verb in the past ("walked"; "speed" is none), any bracket
    # after it ("Fatigue (0-10)"), the moment word, an article
    return re.compile(
        rf"(?<![\w'-])(?![A-Za-z][\w'-]*(?<!e)ed\b)[A-Za-z][\w'-]*"
        rf"(?:[ \t]*\([^()\n]{{0,15}}\))?[ \t]+(?:{words})[ \t-]+(?:the[ \t]+)?\Z",
        re.IGNORECASE,
    )


def taken_after(text: str, start: int) -> bool:
    """Whether the name at `start` follows "after"/"post" and a word of its clause."""
    window = text[max(0, start - _REACH) : start]
    clause = re.split(r"[.;:,\n]", window)[-1]
    return bool(clause) and _moment().search(clause) is not None
