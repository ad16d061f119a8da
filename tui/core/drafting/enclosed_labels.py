"""A part's label set off by marks around it ("[PLAN] Continue ...", "<<Assessment>>",
"== Objective ==", "{S}", "[[Goals]]", "ASSESSMENT >> ..."): written as the colon label it
stands for, so the drafter reads it as it reads "Plan: Continue ...".

The marks alone prove nothing ("[sic]", "<3 min>", "== 0"): a label is read so only when its
words name a part of the note (the caller's `names_part`), else the line is left as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A label's words: letters first, then letters, digits, spaces and the marks labels are
# written with ("WHY D/C", "TODAY'S BILLING", "RE-EVAL"); never a number's marks.
_WORDS = r"[A-Za-z][A-Za-z '\u2019&/\-]{0,40}?"
# Each way of setting a label off, opening and closing marks paired; the marks around both
# sides of a label ("== Plan ==", "** PLAN **", "~~ Goals ~~") must be the same.
_ENCLOSED = re.compile(
    r"^[ \t]*(?:"
    rf"\[\[[ \t]*(?P<double>{_WORDS})[ \t]*\]\]"
    rf"|\[[ \t]*(?P<square>{_WORDS})[ \t]*\]"
    rf"|<<[ \t]*(?P<chevrons>{_WORDS})[ \t]*>>"
    rf"|<[ \t]*(?P<angle>{_WORDS})[ \t]*>"
    rf"|\{{[ \t]*(?P<brace>{_WORDS})[ \t]*\}}"
    rf"|\u3010[ \t]*(?P<lenticular>{_WORDS})[ \t]*\u3011"
    rf"|(?P<rule>={{1,4}}|\*{{2,3}}|~{{2,3}})[ \t]*(?P<ruled>{_WORDS})[ \t]*(?P=rule)"
    rf"|(?P<pointed>{_WORDS})[ \t]*>>(?=[ \t]|$)"
    r")[ \t]*:?[ \t]*(?P<rest>.*)$"
)
_GROUPS = ("double", "square", "chevrons", "angle", "brace", "lenticular", "ruled", "pointed")


def unenclosed(line: str, names_part: Callable[[str], bool]) -> str:
    """The line with its enclosed label written as "Label: rest" ("Label:" when the label
    stands alone), when the label names a part of the note; else the line as it is."""
    found = _ENCLOSED.match(line)
    if found is None:
        return line
    label = next((found.group(name) for name in _GROUPS if found.group(name)), "").strip()
    if not label or not names_part(label):
        return line
    rest = found.group("rest").strip()
    return f"{label}: {rest}" if rest else f"{label}:"
