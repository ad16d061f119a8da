"""Punctuation a dictation says aloud ("comma", "period", "new paragraph"), from one data file
(``data/spoken_marks.toml``) that both readers use: the offline drafter writes the words as
marks, and the checks know a spoken mark is never part of a test's name."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class SpokenMarks:
    """Each mark with the words said for it, and the words before one that make it a noun."""

    marks: dict[str, tuple[str, ...]]
    noun_before: dict[str, frozenset[str]]

    @property
    def single_words(self) -> frozenset[str]:
        """The marks said as one word ("colon", "dash"), lower case: the words that can end
        or split a name written in a sentence."""
        return frozenset(
            said.lower() for words in self.marks.values() for said in words if " " not in said
        )

    def said_in(self, words: list[str]) -> bool:
        """True when a spoken mark is among `words` as punctuation, not as a noun: "road test
        period recommend" holds one, "after the trial period" does not."""
        single = self.single_words
        for index, word in enumerate(words):
            said = word.lower()
            if said not in single:
                continue
            before = words[index - 1].lower() if index else ""
            if before not in self.noun_before.get(said, frozenset()):
                return True
        return False


@cache
def spoken_marks() -> SpokenMarks:
    text = files("tui.core").joinpath("data", "spoken_marks.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)
    marks = {
        str(mark): tuple(str(word) for word in said)
        for mark, said in table.get("marks", {}).items()
    }
    nouns = {
        str(word): frozenset(str(w).lower() for w in before)
        for word, before in table.get("noun_before", {}).items()
    }
    return SpokenMarks(marks, nouns)
