"""The values a note writes right after an instrument's name, however the name is spelled.

A dictation says "JFLS eight came in at one point nine" for the JFLS-8, a column layout pads
"10MWT comfortable" with spaces up to its values, and a two-column line writes "Kapandji: 8/10 /
10/10" for right and left. Where the note's readers make no score of such values (or take one
for another kind, "10/10" for a pain rating), a draft that restates them must still be backed,
and only by the values in that run: the name, a few words without a digit, then the values. The
name is matched with any separators between its letters and digits ("JFLS-8", "JFLS 8"), and a
run of spaces counts as one character of the gap, so a padded column is read like a typed line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

from tui.core.checks.text.numbers import ANY_NUMBER

# Up to this many characters (a run of spaces or tabs counting as one) without a digit or a
# line break between a name and its first value.
_GAP_CHARACTERS = 25
GAP = rf"(?:[ \t]+(?![ \t])|[^\d\n \t]){{0,{_GAP_CHARACTERS}}}?"
_TOKEN = re.compile(r"[^\W_]+")

# "/" or "out of" between a count and its whole.
_OUT_OF = r"[ \t]*(?:/|out[ \t]+of)[ \t]*"
# After a score out of a whole, the next score out of the same whole, a separator and at most
# a side between ("8/10 / 10/10", "8/10, L 10/10", "17/28 | 22/28").
_SAME_WHOLE_NEXT = re.compile(
    rf"{_OUT_OF}(?P<whole>\d+)[ \t]*(?:[,;|/]|->|\u2192)[ \t]*"
    r"(?:(?:[RL]|right|left|rt|lt)\.?[ \t]*:?[ \t]*)?"
    rf"(?P<count>\d+(?:\.\d+)?)(?={_OUT_OF}(?P=whole)(?!\d))",
    re.IGNORECASE,
)


@cache
def spelled_loosely(name: str) -> str:
    """A pattern for `name` as whole words, any spaces, hyphens or dots between its letter and
    digit runs ("JFLS-8" also as "JFLS 8" or "JFLS8")."""
    tokens = _TOKEN.findall(name)
    body = r"[\s\-.]*".join(re.escape(token) for token in tokens) or re.escape(name)
    return rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])"


@lru_cache(maxsize=256)
def _first_score(name: str) -> re.Pattern[str]:
    return re.compile(rf"{spelled_loosely(name)}{_SCORE_AFTER}", re.IGNORECASE)


# After a name, a gap and then the first score out of a whole.
_SCORE_AFTER = rf"{GAP}(?<![\d.])(?P<count>{ANY_NUMBER.pattern})(?={_OUT_OF}\d)"
_FIRST_AFTER_END = re.compile(_SCORE_AFTER, re.IGNORECASE)


@lru_cache(maxsize=64)
def fraction_run(text: str, name: str, whole: float) -> frozenset[tuple[float, int]]:
    """(count, where it starts) of each score out of `whole` in a run right after a mention of
    `name` (found once a text and name): its first score, then each next score out of the same
    whole."""
    return frozenset(
        _run(text, (m.start("count") for m in _first_score(name).finditer(text)), whole)
    )


def fraction_run_after(
    text: str, ends: Iterable[int], whole: float
) -> frozenset[tuple[float, int]]:
    """The same run after mentions already found (where each name ends)."""
    starts = (m.start("count") for end in ends if (m := _FIRST_AFTER_END.match(text, end)))
    return frozenset(_run(text, starts, whole))


def _run(text: str, starts: Iterable[int], whole: float) -> Iterator[tuple[float, int]]:
    for at in starts:
        count = ANY_NUMBER.match(text, at)
        if count is None:
            continue
        written = _WHOLE_AFTER.match(text, count.end())
        if written is None or float(written.group(1)) != whole:
            continue
        yield float(count.group()), at
        end = count.end()
        while (after := _SAME_WHOLE_NEXT.match(text, end)) is not None:
            yield float(after.group("count")), after.start("count")
            end = after.end("count")


_WHOLE_AFTER = re.compile(rf"{_OUT_OF}(\d+)", re.IGNORECASE)
