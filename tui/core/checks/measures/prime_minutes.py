"""A prime after a walk is feet ("gait 150'", "amb 40' x2"), except in a note that logs each
service on its own line as a name, its minutes with a prime, and a bracketed description
("TherEx 20' (bridges ...)", "NMR 15' (quadruped ...)"): there "Gait 12' (log-roll ...)" written
the same way is the gait training's minutes.

Only the lines holding a number with a prime are looked at (found by the prime), so no pass tries
every position of the note.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.core.checks.text.lexicon import service_matcher

_PRIME = re.compile(r"\d'")
# A line opening with a label ("Tx:") at most, then a name, its minutes and a description.
_SERVICE_LINE = re.compile(
    r"[ \t]*(?:[-*\u2022][ \t]*)?(?:[A-Za-z]{1,12}[ \t]*:[ \t]*)?"
    r"(?P<name>[A-Za-z][A-Za-z .'/&-]{0,30}?)[ \t]+(?P<minutes>\d{1,2})'[ \t]*(?:\(|$)",
    re.MULTILINE,
)
_WALKING = re.compile(r"\b(?:amb\w*|walk\w*|distance|gait)\b", re.IGNORECASE)


def primed_service_line(text: str, prime_at: int) -> bool:
    """True when the prime at `prime_at` closes the minutes of a service line shaped like the
    note's other service lines whose primes are minutes."""
    line = _service_line(text, prime_at)
    return line is not None and _logs_minutes_with_primes(text)


def _service_line(text: str, prime_at: int) -> re.Match[str] | None:
    start = text.rfind("\n", 0, prime_at) + 1
    found = _SERVICE_LINE.match(text, start)
    if found is None or found.end("minutes") != prime_at:
        return None
    return found if service_matcher().pattern.fullmatch(found.group("name").strip()) else None


@lru_cache(maxsize=4)
def _logs_minutes_with_primes(text: str) -> bool:
    """Some other service line gives minutes with a prime after a name that is no walk."""
    for prime in _PRIME.finditer(text):
        line = _service_line(text, prime.start() + 1)
        if line is not None and not _WALKING.search(line.group("name")):
            return True
    return False


# A walk's distance with a prime earlier in the sentence: the primes after it are feet too
# ("Gait 30' w/ RW, then 45' after seated rest").
_WALKED_PRIME = re.compile(r"\b(?:amb\w*|walk\w*|distance|gait)\W*\d+(?:\.\d+)?'", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[\n;]|\.(?!\d)")


def walked_before(text: str, start: int) -> bool:
    """True when a distance walked is written with a prime earlier in the sentence of `start`:
    a prime there is feet as well, not minutes, unless a service is named in between."""
    line_start = text.rfind("\n", 0, start) + 1
    breaks = list(_SENTENCE_BREAK.finditer(text, line_start, start))
    walked = list(_WALKED_PRIME.finditer(text, breaks[-1].end() if breaks else line_start, start))
    # "Gait 150', TherEx 20'": a service named in between has minutes of its own
    return bool(walked) and service_matcher().pattern.search(text, walked[-1].end(), start) is None
