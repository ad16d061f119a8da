"""Texting shorthand written out: a note typed on a phone between patients ("elbow bttr!!",
"up to 1.5kg nxt", "tidy up l8r") is drafted in words a chart holds.

Only the forms of texting are written out (``data/offline.toml`` [shorthand]), each a whole
word in lower case as typed: a clinical abbreviation ("pt", "w/", "HEP", "wk") is the chart's
own and stays, and so does a word in capitals, which names something else ("DEF", "PROB").
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.drafting.offline_data import offline_section

# "!!", "?!?": one mark says it.
_MARKS = re.compile(r"([!?])[!?]+")


@cache
def _table() -> tuple[dict[str, str], re.Pattern[str]]:
    words = {str(k): str(v) for k, v in offline_section("shorthand").items()}
    said = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return words, re.compile(rf"(?<![\w/'])(?:{said or '(?!x)x'})(?![\w/'])")


def written_out(text: str) -> str:
    """The text with its texting shorthand in words and its repeated marks as one."""
    words, found = _table()
    return _MARKS.sub(r"\1", found.sub(lambda m: words[m.group()], text))
