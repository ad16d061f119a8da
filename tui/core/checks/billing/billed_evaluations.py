"""An evaluation billed in words, not by its code ("moderate complexity PT eval x1", "OT
re-eval x1", "PT eval (high complexity) x1"): the code follows from the discipline and, for an
initial evaluation, the complexity written on the same charge. A charge that names neither
cannot be given a code and bills nothing here (the words and codes are data, billing.toml
[evaluation_billed])."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

# What may stand between the evaluation's name and its count: a bracketed or dashed aside.
_ASIDE = re.compile(
    r"[ \t]*(?:\([^()\n]{1,40}\)|[-\u2013\u2014:][ \t]*[A-Za-z][A-Za-z \t-]{0,30}?)"
    r"(?=[ \t]*(?:x|\*|\(|\d))",
    re.IGNORECASE,
)
_CLAUSE_OPENS = re.compile(r"[,;\n]")


@dataclass(frozen=True)
class _Table:
    codes: dict[str, dict[str, dict[str, str]]]
    disciplines: tuple[tuple[str, re.Pattern[str]], ...]
    complexities: tuple[tuple[str, re.Pattern[str]], ...]


@cache
def _table() -> _Table:
    text = files("tui.core").joinpath("data", "billing.toml").read_text(encoding="utf-8")
    data: dict[str, Any] = tomllib.loads(text).get("evaluation_billed", {})

    def words(key: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return tuple(
            (str(name), re.compile(rf"(?<![A-Za-z])(?:{'|'.join(found)})(?![A-Za-z])", re.I))
            for name, found in data.get(key, {}).items()
        )

    codes = {str(kind): dict(value) for kind, value in data.get("codes", {}).items()}
    return _Table(codes, words("disciplines"), words("complexities"))


def aside_end(text: str, pos: int) -> int:
    """Where an aside after an evaluation's name ends ("(moderate complexity)"), else `pos`."""
    found = _ASIDE.match(text, pos)
    return found.end() if found else pos


def evaluation_code(text: str, start: int, end: int, kind: str) -> str | None:
    """The code of the evaluation `kind` ("@evaluation") charged in text[start:end], read from
    the discipline and complexity written in the charge's clause; None when either is missing."""
    opened = start
    for mark in _CLAUSE_OPENS.finditer(text, start, end):
        opened = mark.end()
    clause = text[opened:end]
    table = _table()
    by_discipline = table.codes.get(kind, {})
    discipline = next((name for name, found in table.disciplines if found.search(clause)), None)
    if discipline is None or discipline not in by_discipline:
        return None
    codes = by_discipline[discipline]
    if "any" in codes:
        return str(codes["any"])
    complexity = next((name for name, found in table.complexities if found.search(clause)), None)
    return None if complexity is None else codes.get(complexity)
