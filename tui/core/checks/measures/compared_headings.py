"""A heading of what today's values are compared with: the values after it are today's.

"Compared to eval: floor to waist 15 kg x 5 reps" names the evaluation only as the yardstick;
the lift after the colon was measured today. Readers that see "eval" before a value take the
value for the evaluation's, so after every reader the values of a sentence opened by such a
heading (legends.toml compared_openers, then at most a few words of the earlier time and a
colon) lose an earlier label, unless a word of an earlier time stands between the colon and
the value ("Compared to eval: lift 15 kg (eval 8 kg)" keeps the bracketed 8 kg earlier) or the
value opens a bracket. "Knee flex 110 compared to IE 90" has no colon: 90 stays the IE's.
Each fact looks back over its own sentence only, so the pass is linear.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.labels import PREVIOUS
from tui.core.checks.measures.legends import legend_words
from tui.core.checks.measures.listed_values import normalised
from tui.core.checks.tables import attribution_words
from tui.core.checks.text.alternation import either, whole_words
from tui.core.checks.text.scan import Scanner

# The words of the earlier time between the opener and its colon, at most this many characters.
_NAMED_REACH = 40


@cache
def _heading() -> re.Pattern[str]:
    openers = either(legend_words().get("compared_openers", ()))
    return re.compile(
        rf"[ \t\-*\u2022>]*(?:[A-Z][A-Za-z]{{0,11}}:[ \t]+)?(?:{openers})(?![\w-])"
        rf"[^:;.\n]{{1,{_NAMED_REACH}}}:",
        re.IGNORECASE,
    )


@cache
def _earlier_words() -> re.Pattern[str]:
    words = legend_words()
    return whole_words((*attribution_words().get("prior_before", ()), *words["earlier"]))


def _compared_today(scanner: Scanner, start: int) -> bool:
    sentence = scanner.sentence_before(start)
    heading = _heading().match(scanner.visible(sentence, start))
    if heading is None:
        return False
    between = scanner.visible(sentence + heading.end(), start)
    return "(" not in between and "[" not in between and not _earlier_words().search(between)


def unmark_compared(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Take the earlier label off each value after a heading of what it is compared with."""
    for index, fact in enumerate(facts):
        if fact.kind == "service" or PREVIOUS not in fact.label:
            continue
        start = normalised(scanner, fact.span[0])
        if start is not None and _compared_today(scanner, start):
            label = " ".join(fact.label.replace(PREVIOUS, " ").split())
            facts[index] = dataclasses.replace(fact, label=label)
