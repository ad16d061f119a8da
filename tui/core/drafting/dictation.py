"""Turning a dictated note into statements a therapist can edit: framing and fillers removed,
spoken punctuation made into marks, numbers written as digits, one sentence per statement.

The patterns are data (``data/offline.toml`` [dictation]); the numbers come from the same
normaliser the checks use, so the draft states each value exactly as the checks read it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from tui.core.checks.numbers import normalize

_SPOKEN_MARKS = (
    (re.compile(r"\s+(?:full stop|period)\b[ \t]*", re.IGNORECASE), ". "),
    (re.compile(r"\s+comma\b[ \t]*", re.IGNORECASE), ", "),
    (re.compile(r"\s+new (?:line|paragraph)\b[ \t]*", re.IGNORECASE), ". "),
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
_MIN_SPOKEN_MARKS = 3


@dataclass(frozen=True)
class _Rules:
    markers: tuple[re.Pattern[str], ...]
    framing: tuple[re.Pattern[str], ...]
    fillers: tuple[re.Pattern[str], ...]


@cache
def _rules() -> _Rules:
    text = files("tui.core").joinpath("data", "offline.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text).get("dictation", {})

    def compiled(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in table.get(key, ()))

    return _Rules(compiled("markers"), compiled("framing"), compiled("fillers"))


def is_dictated(text: str) -> bool:
    """True when a note reads as a transcript (a transcript label, fillers, spoken marks)."""
    return any(pattern.search(text) for pattern in _rules().markers)


def sentences(line: str) -> list[str]:
    """A dictated line as clean sentences: no framing, no fillers, numbers as digits."""
    if len(re.findall(r"\b(?:period|comma)\b", line, re.IGNORECASE)) >= _MIN_SPOKEN_MARKS:
        for pattern, mark in _SPOKEN_MARKS:
            line = pattern.sub(mark, line)
    digits = normalize(line).text
    kept = []
    for sentence in _SENTENCE_END.split(digits):
        cleaned = clean(sentence)
        if cleaned:
            kept.append(cleaned)
    return kept


def clean(sentence: str) -> str:
    """One sentence without fillers, or "" when it only frames the recording."""
    text = sentence.strip()
    for _ in range(4):
        before = text
        for pattern in _rules().fillers:
            text = pattern.sub("", text).strip(" ,")
        text = re.sub(r"\s{2,}", " ", text)
        if text == before:
            break
    bare = text.rstrip(".!? ").strip()
    if not bare or any(pattern.search(bare) for pattern in _rules().framing):
        return ""
    return bare[0].upper() + bare[1:] + ("" if bare[-1] in ".!?" else ".")
