"""A written-out instrument whose name joins its words with "of", "and" or "for": "Freezing
of Gait Questionnaire 11/24", "Sense of Coherence Scale 58/91", "Impact of Event Scale 24/88".

The reader of written-out test names drops a name with such a word in it (most are a
sentence's words: "range of motion test"), so the score after it is left unread. A clinician
reads the name as one: it opens with a capital, ends in a test noun, and its score follows
straight after (a colon at most between). The score is read under the name as written, with
the same checks as any instrument's (a unit, a dose or a date after it is no score). The nouns
and connectors are data (score_shapes.toml [glosses], measures.toml test_nouns).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.instruments import measure_named
from tui.core.checks.measures.scores import read_scores
from tui.core.checks.measures.shape_words import gloss_nouns, words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner


@cache
def _connected() -> re.Pattern[str]:
    joins = either(sorted(words("glosses", "connectors") & {"of", "and", "for", "&"}))
    nouns = either(sorted(gloss_nouns()))
    return re.compile(
        rf"(?<![\w'-])(?P<name>(?-i:[A-Z])[\w'-]*(?:[ \t]+[A-Za-z][\w'-]*){{0,2}}[ \t]+(?:{joins})"
        rf"(?:[ \t]+[A-Za-z][\w'-]*){{1,3}}?[ \t]+(?:{nouns}))(?P<lead>[ \t]*:?[ \t]*)(?=\d)",
        re.IGNORECASE,
    )


def _trimmed(written: str) -> str:
    """The name without the sentence's words before it ("Today the"), or "" when a word of
    it other than a connector is not capitalised ("Range of motion test" is no name)."""
    joins = words("glosses", "connectors")
    parts = written.split()
    while parts and (parts[0].casefold() in _SENTENCE_WORDS or not parts[0][0].isupper()):
        parts = parts[1:]
    if len(parts) < 3 or any(
        not part[0].isupper() for part in parts[:-1] if part.casefold() not in joins
    ):
        return ""
    return " ".join(parts)


# Words of the sentence that stand before a name ("Today the Sense of Coherence Scale").
_SENTENCE_WORDS = frozenset({"today", "the", "a", "an", "his", "her", "their", "on", "in", "at"})


def read_connected_names(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Read the score straight after a written-out name joined by "of" or "and"."""
    text = scanner.text
    for found in _connected().finditer(text):
        name = _trimmed(found.group("name"))
        if not name or not scanner.free(found.end(), found.end() + 1):
            continue
        _, sentence_end = scanner.sentence(found.end())
        read_scores(scanner, facts, measure_named(name), found.end(), sentence_end)
