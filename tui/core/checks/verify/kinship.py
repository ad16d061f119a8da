"""Two readings of one value that the note's and the draft's readers gave different kinds.

"Lat excursion R 8 mm" reads as a range of motion and the draft's "Lateral excursion: right
8 mm" as a value of no kind; "MIO 34 mm (v1 27 mm)" leaves 27 mm a value of no kind and the
draft's "Maximal incisal opening ... (27 mm at visit 1)" reads it as an opening. The value is the
same fact when the number and its unit agree, one reading has no kind of its own, their labels
name no different side, joint or motion, and their sentences say what the value is of in a
common word or in an abbreviation one spells with the other's initials ("MIO"). A value of no
kind with a unit is otherwise backed by the same quantity anywhere in the note; where every
reading of that quantity in the note has another side or motion, it is not.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.verify.lines import sentence_at
from tui.core.checks.verify.verify_words import verify_data

_WORDS = re.compile(r"[A-Za-z]+")
_ACRONYM = re.compile(r"^[A-Z]{3,5}$")


@cache
def _not_descriptive() -> frozenset[str]:
    data = verify_data()
    words = data.get("descriptions", {}).get("not_descriptive", [])
    return frozenset(str(word).lower() for word in words)


def describing_words(sentence: str) -> list[str]:
    """The words of a sentence that can say what a value is of, in order, lower case."""
    stop = _not_descriptive()
    return [
        word.lower()
        for word in _WORDS.findall(sentence)
        if len(word) > 2 and word.lower() not in stop
    ]


def same_subject(text: str, at: int, other_text: str, other_at: int) -> bool:
    """True when the sentence at `at` in `text` and the one at `other_at` in `other_text`
    share a describing word, or one writes an abbreviation the other's words spell."""
    one = sentence_at(text, at)
    other = sentence_at(other_text, other_at)
    first, second = describing_words(one), describing_words(other)
    if set(first) & set(second):
        return True
    return _spells(one, second) or _spells(other, first)


def _spells(sentence: str, words: list[str]) -> bool:
    """An abbreviation in `sentence` whose letters are the initials of consecutive `words`."""
    for acronym in (w for w in _WORDS.findall(sentence) if _ACRONYM.match(w)):
        letters = acronym.lower()
        initials = "".join(word[0] for word in words)
        if len(letters) > 1 and letters in initials:
            return True
    return False
