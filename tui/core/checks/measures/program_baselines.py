"""A standardised test's score before a program of therapy: "WMFT median time 14.2 s (pre 22.8
s)", "MAL amount of use 2.1 (pre-CIMT 1.3 / 1.5)", "Berg 48/56, pretest 39/56".

A test is given before and after a program (a pre-test and a post-test), not before and after
one session, so "pre" before a test's score makes it the baseline, an earlier value. A session's
word after "pre-" ("pre-tx", "pre-session") keeps the value today's, and only outcome scores are
read this way: "pain 6/10 pre-tx" or "HR pre 84" are taken today, before the treatment or the
exercise. The words are data (legends.toml pre_program); each value looks back within its own
clause, so the pass is linear.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.labels import as_earlier, may_be_earlier
from tui.core.checks.measures.legends import legend_words
from tui.core.checks.measures.listed_values import normalised
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner

# An earlier value of a list the pre word leads ("pre-CIMT 1.3 / 1.5": 1.5 is a baseline too).
_MEMBER = r"[-+~]?\d+(?:\.\d+)?(?:[ \t]*/[ \t]*\d+)?(?:[ \t]*(?:°|%|[A-Za-z]{1,4}))?"
_SEPARATOR = r"[ \t]*(?:/|\||,|vs\.?)[ \t]*"
# How far before a value its pre word may stand.
_REACH = 48


@cache
def _led() -> re.Pattern[str]:
    """The pre word and what may stand between it and the value, up to the value."""
    words = either(legend_words().get("pre_program", ()))
    return re.compile(
        rf"(?<![\w-])(?:{words})(?![\w-])[ \t]*[:=]?[ \t]*(?:{_MEMBER}{_SEPARATOR})*\Z",
        re.IGNORECASE,
    )


_CLAUSE_MARK = re.compile(r"[;\n]|\.(?!\d)")


def mark_program_baselines(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Label "(previous)" each outcome score led by a pre word in its clause."""
    text = scanner.text
    for index, fact in enumerate(facts):
        if fact.kind != "outcome" or not may_be_earlier(fact):
            continue
        start = normalised(scanner, fact.span[0])
        if start is None:
            continue
        low = max(scanner.line(start)[0], start - _REACH)
        for mark in _CLAUSE_MARK.finditer(text, low, start):
            low = mark.end()
        if _led().search(text, low, start):
            facts[index] = as_earlier(fact)
