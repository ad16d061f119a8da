"""Words of another language written as an English note writes them, so a bilingual note
("Dolor 4/10", "caminó 200 pies", "Tiempo cronometrado total 39 min") is read by the same
readers as an English one. A language is read only in a note that holds enough different
words of it: a single "pies" in an English note stays a word. The words are data
(``data/languages.toml``), one table per language; accents may be left out.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import Led, led
from tui.core.checks.text.pieces import Piece

_DIGIT = re.compile(r"\d")
# Letters a writer may type without their accent.
_PLAIN = str.maketrans("áàâäãéèêëíìîïóòôöõúùûüñç", "aaaaaeeeeiiiiooooouuuunc")


@dataclass(frozen=True)
class _Language:
    enough: int
    english: dict[str, str]
    """Each word or phrase, lower case and without accents, and its English."""
    pattern: Led
    sides: dict[str, str]
    """Each side letter as written ("G", "D") and its English letter ("L", "R")."""
    side_pattern: re.Pattern[str] | None


# Where a side letter stands as a side: before a value, maybe after a colon or a comparison
# ("G 56,5 cm", "D : 12 cm", "G >= 20 reps"), or before the colon that ends a heading ("cheville
# G :"). Elsewhere a capital letter alone is an initial or a list's mark.
_SIDE_AFTER = r"(?=[ \t]*(?:[:=<>~\u2264\u2265][ \t]*)?\d|[ \t]*:)"


def _side_pattern(sides: dict[str, str]) -> re.Pattern[str] | None:
    """The language's side letters, matched as written (case matters: "d" is no side)."""
    if not sides:
        return None
    letters = either(re.escape(letter) for letter in sorted(sides, key=len, reverse=True))
    return re.compile(rf"(?<![\w'\u2019.-])(?:{letters})(?![\w'\u2019.-]){_SIDE_AFTER}")


def _plain(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower().translate(_PLAIN))


def _spelled(word: str) -> str:
    """A word or phrase as a pattern that takes it with or without its accents."""
    parts = []
    for ch in word.lower():
        plain = ch.translate(_PLAIN)
        if ch == " ":
            parts.append(r"[ \t]+")
        elif plain != ch:
            parts.append(f"[{ch}{plain}]")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


@cache
def _languages() -> tuple[_Language, ...]:
    text = files("tui.core").joinpath("data", "languages.toml").read_text(encoding="utf-8")
    found = []
    for table in tomllib.loads(text).values():
        words = {str(k): str(v) for k, v in table.get("words", {}).items()}
        ordered = sorted(words, key=len, reverse=True)
        pattern = re.compile(
            rf"(?<!\w)(?:{'|'.join(_spelled(w) for w in ordered)})(?!\w)", re.IGNORECASE
        )
        firsts = sorted({_spelled(w.split()[0]) for w in words}, key=len, reverse=True)
        english = {_plain(w): e for w, e in words.items()}
        sides = {str(k): str(v) for k, v in table.get("sides", {}).items()}
        found.append(
            _Language(
                int(table.get("enough", 3)),
                english,
                led(pattern, *firsts),
                sides,
                _side_pattern(sides),
            )
        )
    return tuple(found)


def translated(text: str) -> list[Piece]:
    """Pieces writing each word of another language on a line with a number as its English:
    every such word of a text holding `enough` different ones, else those on a line holding
    two."""
    pieces: list[Piece] = []
    for language in _languages():
        found = [m for m in language.pattern.finditer(text) if _with_number(text, m.start())]
        if not found:
            continue
        keys = [_plain(m.group()) for m in found]
        if len(set(keys)) < language.enough:
            found, keys = _paired(text, found, keys)
        else:
            pieces += _side_pieces(text, language)
        pieces += [
            Piece(m.start(), m.end(), language.english[key], m.start(), m.end())
            for m, key in zip(found, keys, strict=True)
        ]
    pieces.sort(key=lambda piece: piece.start)
    kept: list[Piece] = []
    for piece in pieces:
        if not kept or piece.start >= kept[-1].end:
            kept.append(piece)
    return kept


def _side_pieces(text: str, language: _Language) -> list[Piece]:
    """The language's side letters as English ones ("G 56,5 cm" is "L 56,5 cm"), read only in
    a note written in the language (enough of its words): in an English note "D" is no side."""
    if language.side_pattern is None:
        return []
    return [
        Piece(m.start(), m.end(), language.sides[m.group()], m.start(), m.end())
        for m in language.side_pattern.finditer(text)
    ]


def _with_number(text: str, at: int) -> bool:
    """True when the line holding `at` holds a digit: only words beside numbers are read (a
    line of prose in another language says nothing the readers take)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return _DIGIT.search(text, start, len(text) if end < 0 else end) is not None


def _paired(
    text: str, found: list[re.Match[str]], keys: list[str]
) -> tuple[list[re.Match[str]], list[str]]:
    """The words on a line with another word of the same language: "caminó 200 pies" is
    Spanish where "baked 2 pies" is not."""
    lines: dict[int, set[str]] = {}
    for match, key in zip(found, keys, strict=True):
        lines.setdefault(text.rfind("\n", 0, match.start()), set()).add(key)
    kept = [
        (m, k)
        for m, k in zip(found, keys, strict=True)
        if len(lines[text.rfind("\n", 0, m.start())]) >= 2
    ]
    return [m for m, _ in kept], [k for _, k in kept]
