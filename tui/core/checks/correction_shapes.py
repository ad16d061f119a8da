"""The shapes in which a note takes back one of its own values, one home for both readers of
corrections: the words that say a line corrects the record, "NEW, not OLD" and "OLD should read
NEW".

Two readers act on them. The text level (layouts/corrections.py) reads a correction on the lines
a cue opens and puts the new value where the note wrote the old one, so the earlier row reads
right; the fact level (measures/corrections.py) drops the value a correction takes back from the
facts read anywhere else. Both must agree on what a correction looks like, or a value one of them
takes back the other still reads. The words are data (corrections.toml).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files

from tui.core.checks.measures.legends import legend_words
from tui.core.checks.text.alternation import either, whole_words

# A value as a correction writes it: a number, maybe a score's denominator, maybe a unit.
VALUE = (
    r"-?\d{1,4}(?:\.\d{1,2})?(?:/\d{1,3})?"
    r"(?:[ \t]*(?:°|deg(?:rees)?\b|%|kg\b|lbs?\b|cm\b|mm\b|s\b|sec\b|m\b|ft\b|min\b))?"
)
# "3/10, not 5/10", "34%, not 43%", "60° (not 65°)", "60 deg not 65": the value and the one it
# replaces.
NOT_AFTER = re.compile(
    rf"(?<![\w./-])(?P<new>{VALUE})[ \t]*[,(]?[ \t]*not[ \t]+(?P<old>{VALUE})(?!\w|\.\d|/\d)",
    re.IGNORECASE,
)
# How far after "not 7/10" an earlier time may be named ("not 7/10 as at eval").
_EARLIER_REACH = 20


@cache
def _words() -> dict[str, list[str]]:
    text = files("tui.core").joinpath("data", "corrections.toml").read_text(encoding="utf-8")
    return {str(key): [str(word) for word in words] for key, words in tomllib.loads(text).items()}


@cache
def cues() -> re.Pattern[str]:
    """A word that says its line corrects the record ("Correction:", "entered in error")."""
    return whole_words(_words()["cues"])


@cache
def replaced_by() -> str:
    """The words that give a replacing value ("should read", "corrected to"), as a pattern."""
    return either(_words()["replaced_by"])


@cache
def struck_before() -> re.Pattern[str]:
    """A value the author says was struck, then the value that stands ("145° struck; 138°")."""
    words = either(_words()["struck"])
    return re.compile(
        rf"(?<![\w./-])(?P<old>{VALUE})[ \t]*(?:{words})(?![\w-])[ \t]*[;,][ \t]*(?P<new>{VALUE})"
        r"(?!\w|\.\d|/\d)",
        re.IGNORECASE,
    )


@cache
def _earlier() -> re.Pattern[str]:
    words = either(legend_words().get("earlier", ()))
    return re.compile(rf"[^,;.()\n]{{0,{_EARLIER_REACH}}}?(?<![\w-])(?:{words})(?![\w-])", re.I)


def compares_earlier(text: str, at: int) -> bool:
    """An earlier time is named straight after the value "not" takes back ("3/10, not 7/10 as at
    eval"): the value is the earlier one, compared, not taken back."""
    return _earlier().match(text, at) is not None
