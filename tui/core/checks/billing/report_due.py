"""The visit a note says its next progress report falls on, when it gives no last report.

Notes that track the reporting period often write where it ends instead of where it began:
"progress report due at visit 10", "PR due next visit (#10)", "Progress note due this visit".
With the visit number in the header, that is as good as a "Last progress report" line: the
named visit is the period's last treatment day, so the visits since the last report are the
interval less the visits still to come. A date ("progress report due 3/2028"), a week ("due
next wk"), a report that was due ("was due") or an IEP's progress report is none of these. The
words are data (billing.toml [report_due]); one pass over the text.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.tables import billing_section
from tui.core.checks.text.alternation import either


@cache
def _due() -> re.Pattern[str]:
    section = billing_section("report_due")
    reports = either(section.get("reports", []))
    this = either(section.get("this_visit", []))
    following = either(section.get("next_visit", []))
    visit = either(section.get("visit_words", []))
    return re.compile(
        rf"(?<![\w-])(?<!IEP )(?:{reports})\s+(?:is\s+)?due\s+(?:at|on|by|for)?\s*"
        rf"(?:(?P<this>{this})|(?P<next>{following})|(?:{visit})\s*(?:#|no\.?)?\s*(?P<n>\d{{1,3}}))"
        rf"(?![\w/])",
        re.IGNORECASE,
    )


def stated_report_visit(text: str, visit: int) -> int | None:
    """The visit the note says its next progress report is due at, given today's `visit`;
    None when it says none (or names a visit already past)."""
    found = _due().search(text)
    if found is None:
        return None
    if found.group("this"):
        return visit
    if found.group("next"):
        return visit + 1
    due = int(found.group("n"))
    return due if due >= visit else None
