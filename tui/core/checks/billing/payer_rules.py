"""Which timed-unit rule a note's payer line asks for, and which configured payer it names.

A clinic configures payers by name ("Aetna" rounds each code alone), but notes write the plan
("Aetna Choice POS II", "Medicare Part B (LTC)") and sometimes the rule itself ("Cigna — per-code
units (no 8-minute rule)", "BlueCross Medicare Advantage (CMS timed-unit rule)"). A rule the
payer line states is the plan's own and wins over the clinic's default for the name; a plan name
is its configured payer when the configured name opens it as whole words. The phrases are data
(billing.toml [payer_rules]).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from tui.core.checks.tables import billing_section
from tui.core.checks.text.alternation import words_pattern


@cache
def _rule_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(rule, phrases) in the order they are tried: a denial of the 8-minute rule ("no 8-minute
    rule") names the per-code rule, so the per-code phrases are tried first."""
    section = billing_section("payer_rules")
    order = [str(rule) for rule in section.get("order", [])]
    return tuple((rule, words_pattern(str(p) for p in section.get(rule, []))) for rule in order)


def stated_rule(payer: str) -> str | None:
    """The timed-unit rule the payer line itself states, if it states one."""
    for rule, pattern in _rule_patterns():
        if pattern.search(payer):
            return rule
    return None


_WORD_GAP = re.compile(r"[\s\-–—,(/]")


def configured_name(payer: str, names: Iterable[str]) -> str | None:
    """The configured payer (casefolded) the payer line names: the whole line, else the longest
    configured name that opens it and ends at a word's end ("Aetna Choice POS II" -> "aetna")."""
    written = " ".join(payer.split()).casefold()
    known = sorted({name.casefold() for name in names}, key=len, reverse=True)
    if written in known:
        return written
    for name in known:
        if name and written.startswith(name) and _WORD_GAP.match(written, len(name)):
            return name
    return None
