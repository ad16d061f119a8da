"""A section listing what a job asks of the worker: "Critical job demands measured on site:",
"## Essential functions of the position".

An ergonomic analysis, a functional capacity evaluation and a work-conditioning note list the
job's demands (a cart's push force, a shelf's height, a load lifted) beside the worker's own
results, in the same units and often in the same words. The heading decides whose a value is:
every line under a heading of the job's demands, to the next heading or blank line, is the
job's, never a measurement of the patient. A heading that also names the worker's side ("Job
demands vs abilities") heads a comparison and is left to the readers. Words are data
(measures.toml [demand_sections]).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner

# A heading line: a markdown heading, a line of a few words (no measurement in it) ending
# with a colon, bold or not, or a line in capitals with no colon, a bracket of any case after it
# ("ESSENTIAL FUNCTIONS (department job description, Firefighter II)").
_HEADING = (
    r"[ \t]*(?:#{1,6}[ \t]+[^\n]{1,80}|(?:\*\*)?[^\n:]{1,80}:(?:\*\*)?"
    r"|(?-i:[A-Z][A-Z &/,'-]{2,60})(?:\([^()\n]{0,80}\))?)[ \t]*(?:\n|\Z)"
)
# Where the section ends: a blank line or the next heading.
_SECTION_END = re.compile(rf"\n(?:[ \t]*\n|(?={_HEADING}))")


@cache
def _heading() -> re.Pattern[str]:
    data = measures_section("demand_sections")
    names = either(data.get("headings", ()))
    compared = either(data.get("compared", ()))
    return re.compile(
        rf"^(?=[^\n]*?(?<![\w-])(?:{names})(?![\w-]))(?![^\n]*?(?<![\w-])(?:{compared}))"
        rf"(?={_HEADING})[^\n]*",
        re.IGNORECASE | re.MULTILINE,
    )


@cache
def _keyed_line() -> re.Pattern[str]:
    """A line keyed by the job's demands, its demands after the colon ("Job demands (warehouse
    picker): kneel up to 20 min, stoop frequent")."""
    data = measures_section("demand_sections")
    names = either(data.get("headings", ()))
    compared = either(data.get("compared", ()))
    return re.compile(
        rf"^[ \t*#>-]*(?:{names})(?![\w-])(?:[ \t]*\([^()\n]{{0,40}}\))?[ \t]*:(?:\*\*)?"
        rf"(?![^\n]*?(?<![\w-])(?:{compared}))(?=[^\n]*\d)[^\n]*",
        re.IGNORECASE | re.MULTILINE,
    )


def block_demand_sections(scanner: Scanner, _facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Mark every line under a heading of the job's demands, and the rest of a line keyed by
    them, as the job's (see the module)."""
    text = scanner.text
    for heading in _heading().finditer(text):
        end = _SECTION_END.search(text, heading.end())
        scanner.mark_demands(heading.end(), end.start() if end else len(text))
    for keyed in _keyed_line().finditer(text):
        scanner.mark_demands(keyed.start(), keyed.end())
