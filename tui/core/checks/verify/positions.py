"""A joint and motion named on a value's line besides the one its label took.

A measurement taken in a position names a second joint in brackets: "Ankle DF (knee ext) L
12°", "Shoulder ER (in 90 abd) R 62°". A reader may take the bracketed position for the label
("L knee extension"), and the draft that writes "ankle dorsiflexion with the knee extended,
left 12°" then seems to name another motion. Two readings of one value are one fact when one
reading's joint and motion were taken from brackets on its line and the other's are named on
that same line before the value. A position may also be written as an angle after a word that
introduces it ("ER at 45° abd", "IR in 90 deg of abduction"; the words in data/verify.toml).
Sides must still agree, and a line that lists motions without brackets or a position angle ("ER
60°, IR 45°") gives no such leeway, so a value moved to another motion is caught.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.verify.lines import line_at
from tui.core.checks.verify.verify_words import verify_data

_BRACKETED = re.compile(r"\(([^()]*)\)")


def _stretch(text: str, fact: Fact) -> str:
    line, start = line_at(text, fact.span[0])
    return line[: max(0, fact.span[0] - start)]


@lru_cache(maxsize=1024)
def _named(stretch: str) -> frozenset[tuple[str, str]]:
    return frozenset(
        (part, name.lower())
        for _, part, name in labels.mentions(stretch)
        if part in ("joint", "motion")
    )


@lru_cache(maxsize=1024)
def _bracketed(stretch: str) -> frozenset[tuple[str, str]]:
    """The joints and motions a stretch names as a position: in brackets, or after a position
    angle ("at 45° abd")."""
    return frozenset().union(
        *(_named(m.group(1)) for m in _BRACKETED.finditer(stretch)),
        *(_named(m.group(1)) for m in _angled().finditer(stretch)),
    )


@cache
def _angled() -> re.Pattern[str]:
    """A position given as an angle: an introducing word, the angle, the words it names."""
    data = verify_data()
    words = data.get("positions", {}).get("introducers", [])
    return re.compile(
        rf"\b(?:{'|'.join(re.escape(str(word)) for word in words) or '(?!)'})[ \t]+"
        r"\d+(?:\.\d+)?[ \t]*(?:\u00b0|deg\w*)?[ \t]*(?:of[ \t]+)?([A-Za-z][A-Za-z \t]*)",
        re.IGNORECASE,
    )


def _parts(fact: Fact) -> frozenset[tuple[str, str]]:
    parts = labels.parts_of(fact.label)
    return frozenset(
        (part, name.lower())
        for part, name in (("joint", parts.joint), ("motion", parts.motion))
        if name
    )


# The words right after a value, to the end of its clause ("5° of extension", "10° ext lag").
_AFTER = re.compile(r"[^,;.\n()]{0,30}")


def named_after(fact: Fact, text: str, other: Fact) -> bool:
    """True when the motion of `other` (and its joint, where it names one) is named right
    after `fact`'s value, in its clause ("lacking 5° of extension": the 5° is extension's,
    whatever motion the reader took from earlier in the sentence); a joint not named there is
    the one `fact`'s label names."""
    wanted = _parts(other)
    if not any(part == "motion" for part, _ in wanted):
        return False
    match = _AFTER.match(text, fact.span[1])
    named = _named(match.group()) if match else frozenset()
    motions = {name for part, name in named if part == "motion"}
    if len(motions) != 1:
        return False
    joints = {name for part, name in named if part == "joint"} or {
        name for part, name in _parts(fact) if part == "joint"
    }
    return all(
        (name in motions) if part == "motion" else (not joints or name in joints)
        for part, name in wanted
    )


def position_reading(fact: Fact, text: str, other: Fact) -> bool:
    """True when `fact`'s joint and motion come from brackets (or a position angle) on its line
    in `text` and `other`'s motion, and its joint unless the line names no joint, are named on
    that line before the value."""
    own, wanted = _parts(fact), _parts(other)
    stretch = _stretch(text, fact)
    if not own or not wanted or not own <= _bracketed(stretch):
        return False
    named = _named(stretch)
    # a joint the line leaves to its heading ("hip AROM" above "IR at 90° flex") is no other
    unnamed = (
        set()
        if any(part == "joint" for part, _ in named)
        else {item for item in wanted if item[0] == "joint"}
    )
    return bool(wanted & named) and wanted <= named | unnamed


# Two names paired by a slash ("Radial / ulnar dev", "ER / IR"), and the values paired the same
# way after them ("15° / 25°").
_NAME_PAIR = re.compile(r"([A-Za-z][A-Za-z \t]*?)[ \t]*/[ \t]*([A-Za-z][A-Za-z \t]*)")
_UNIT = r"[ \t]*(?:\u00b0|deg\w*)?[ \t]*"
_PAIRED_AFTER = re.compile(rf"{_UNIT}/[ \t]*\d")
_PAIRED_BEFORE = re.compile(rf"\d{_UNIT}/[ \t]*$")
_LETTERS = re.compile(r"[a-z]+")


def paired_reading(fact: Fact, text: str, other: Fact) -> bool:
    """True when `fact`'s value is one of a slash-paired pair ("15° / 25°") after two motions
    paired the same way on its line ("Radial / ulnar dev"), and `other`'s motion is the one in
    the value's place: a reader may give both values the pair's last-named motion."""
    own, wanted = labels.parts_of(fact.label).motion, labels.parts_of(other.label).motion
    if not own or not wanted or own.lower() == wanted.lower():
        return False
    stretch = _stretch(text, fact)
    pairs = list(_NAME_PAIR.finditer(stretch))
    if not pairs:
        return False
    if _PAIRED_AFTER.match(text, fact.span[1]):
        place = 1
    elif _PAIRED_BEFORE.search(text[max(0, fact.span[0] - 12) : fact.span[0]]):
        place = 2
    else:
        return False
    pair = pairs[-1]
    return _names_motion(pair.group(place), wanted, own) and _names_motion(
        pair.group(3 - place), own, wanted
    )


def _names_motion(written: str, motion: str, other: str) -> bool:
    """True when `written` names `motion`, in full or by the words that set it apart from
    `other` ("radial" for radial deviation beside ulnar deviation)."""
    if ("motion", motion.lower()) in _named(written):
        return True
    said = set(_LETTERS.findall(written.lower()))
    own = set(_LETTERS.findall(motion.lower())) - set(_LETTERS.findall(other.lower()))
    return bool(own) and own <= said
