"""Pain ratings under keys that name pain and the circumstance it was rated in: an export's
snake-case keys ("pain_at_rest: 2", "\"pain_worst_24h\": 7", "nprs_walk=6") and a form's
fields ("Pain worst this week: 6", "- Pain with stairs: 4").

The readers of prose took "pain N" only after words that lead to a rating ("pain level 4"), so
a key's words of when or with what left its rating unread. A key opening on a pain scale's word
and going on in words of when or with what is read like "pain worst week 6"; a key with a word
that makes its value something else (measures.toml [pain_keys] not_rating: "pain_goal",
"pain_free_reps", "pain_scale", "pain_threshold_kg", "pain_duration_weeks") is left alone, and
so is a value over ten or one a unit follows. Words of an earlier visit ([pain_keys] earlier:
"pain_prev", "pain_at_eval") make the rating an earlier one. One pass over the text: linear.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

# The scanner's text writes most keys' underscores and quotes as spaces ("pain worst 24h: 7"),
# some as written ('{"pain_at_rest": 2'), so the key is read as words joined either way at the
# start of a line (or after a brace or comma of an export), up to four after the scale's word.
_KEY = re.compile(
    r"(?:^|[{,])[ \t]*(?:[-*][ \t]*)?\"?(?P<key>(?:pain|nprs|nrs)(?:[ \t_]+[A-Za-z0-9]+){1,4})"
    r"\"?[ \t]*[:=][ \t]*\"?(?P<value>\d{1,2}(?:\.\d)?)(?![\d.])"
    r"(?P<over>[ \t]*/[ \t]*10(?!\d))?\"?[ \t]*(?=[,;}\]#]|$)",
    re.IGNORECASE | re.MULTILINE,
)


@cache
def _word_set(name: str) -> re.Pattern[str]:
    listed = either(measures_section("pain_keys").get(name, ()))
    return re.compile(rf"(?:{listed})\Z", re.IGNORECASE)


def names_no_rating(word: str) -> bool:
    """Whether one word of a pain key makes its value something other than a rating ("goal",
    "meds", "duration"): the one table ([pain_keys] not_rating) both readers of pain keys,
    this one for exports and keyed_fields.py for form fields, consult."""
    return _word_set("not_rating").match(word) is not None


def read_pain_keys(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each free rating under a snake-case key naming pain, labelled with the key's words."""
    earlier = _word_set("earlier")
    for match in _KEY.finditer(scanner.text):
        start, end = match.span("value")
        if scanner.in_header(start) or not scanner.free(start, end):
            continue
        parts = match.group("key").replace("_", " ").split()[1:]
        if any(names_no_rating(part) for part in parts):
            continue  # "pain_goal: 1", "pain_free_reps: 12": no rating
        value = to_number(match.group("value"))
        if value > 10:
            continue
        previous = " (previous)" if any(earlier.match(part) for part in parts) else ""
        span = (start, match.end("over")) if match.group("over") else (start, end)
        scanner.emit(facts, "pain", value, span, labels.join("pain", " ".join(parts)) + previous)
