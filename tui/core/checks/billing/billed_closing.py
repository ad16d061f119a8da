"""A sentence that closes by naming what it was billed as ("Stair practice with rail, cues for
step-to, 12 min -- billed 97116.", "Epley R x2, 10 min incl. post-maneuver check -- billed
95992.", "Multilayer bandaging 15 min (billed as manual therapy)"): the sentence's one minutes
value is that code's time, whatever the words before it call the work.

A sentence with two minutes values or more does not say which is the code's, and gives none;
minutes dosed for home ("walk 20 min daily") are no one's. A service named in words must be
introduced as what the time was billed as ("billed as", "charged under") and close the sentence
or its bracket, so "billed" in passing names nothing. Found by the verbs of billing.toml
[billed_as], so no pass tries every position.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from tui.core.checks.billing.code_minutes import CodeMinutes
from tui.core.checks.tables import billing_section
from tui.core.checks.text.lexicon import Led, led

_MINUTES = re.compile(r"(?<![\w.])(\d{1,3})[ \t]*(?:min(?:ute)?s?\b|mins\b)", re.IGNORECASE)
# How far back the sentence is read: a sentence with no end stays linear.
_SENTENCE_MOST = 400
# A full stop before a word in lower case closes an abbreviation ("incl.", "approx."), not the
# sentence: the sentence goes on.
_GOES_ON = re.compile(r"[ \t]*[a-z]")
_HOME_DOSE = re.compile(r"\b(?:daily|a day|per day|/day|HEP|home)\b", re.IGNORECASE)
# What may follow the code: the end of the sentence or its bracket; a name may also close its
# clause ("bandaging 15 min, billed as manual therapy, short-stretch layers").
_CODE_CLOSES = re.compile(r"[ \t]*(?:[.;)]|$)", re.MULTILINE)
_NAME_CLOSES = re.compile(r"[ \t]*(?:[.;),]|-[ \t]|\u2013|\u2014|$)", re.MULTILINE)
_CODE = re.compile(r"(?:9\d{4}|G\d{4})(?!\d)", re.IGNORECASE)

# A service named at a position: where its name ends and its code, or None.
NameAt = Callable[[int], tuple[int, str] | None]


@cache
def _closing() -> Led:
    section = billing_section("billed_as")
    verbs = [str(verb) for verb in section.get("verbs", [])]
    links = [str(link) for link in section.get("links", [])]
    verb = "|".join(re.escape(word) for word in verbs)
    link = "|".join(re.escape(word) for word in links)
    pattern = re.compile(
        rf"\b(?:{verb})(?:[ \t]+(?P<link>{link}))?[ \t]+(?:CPT[ \t]*)?", re.IGNORECASE
    )
    return led(pattern, *(re.escape(word) for word in verbs))


def billed_closing(
    text: str, sentence_start: Callable[[int], int], name_at: NameAt | None = None
) -> list[CodeMinutes]:
    """The sentences of `text` that close on "billed CODE" (or "billed as NAME", a service
    name that `name_at` reads) with one minutes value before it; `sentence_start` gives where
    the sentence holding a position opens."""
    found = []
    for closing in _closing().finditer(text):
        named = _billed_code(text, closing, name_at)
        if named is None:
            continue
        code, end = named
        earliest = max(0, closing.start() - _SENTENCE_MOST)
        floor = max(text.rfind("\n", earliest, closing.start()) + 1, earliest)
        opening = max(sentence_start(closing.start()), floor)
        while opening > floor and _GOES_ON.match(text, opening):
            opening = max(sentence_start(opening - 1), floor)  # "10 min incl. post-maneuver"
        said = text[opening : closing.start()]
        minutes = list(_MINUTES.finditer(text, opening, closing.start()))
        if len(minutes) != 1 or _HOME_DOSE.search(said):
            continue
        found.append(
            CodeMinutes(
                code=code,
                minutes=int(minutes[0].group(1)),
                start=minutes[0].start(1),
                minutes_start=minutes[0].start(1),
                minutes_end=minutes[0].end(),
                end=end,
            )
        )
    return found


def _billed_code(
    text: str, closing: re.Match[str], name_at: NameAt | None
) -> tuple[str, int] | None:
    """The code the billing words name and where it ends: a code, or a service's name after
    "as"/"under"; either must close its sentence, clause or bracket."""
    code = _CODE.match(text, closing.end())
    if code is not None:
        closed = _CODE_CLOSES.match(text, code.end()) is not None
        return (code.group().upper(), code.end()) if closed else None
    if not closing.group("link") or name_at is None:
        return None
    named = name_at(closing.end())
    if named is None or _NAME_CLOSES.match(text, named[0]) is None:
        return None
    return named[1], named[0]
