"""The words of instruments' results read after the scores (instrument_results.toml): the
subscales that name a measure of their own and the words of a total row."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

_DATA = Path(__file__).resolve().parent.parent.parent / "data" / "instrument_results.toml"


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(_DATA.read_text(encoding="utf-8"))


@cache
def subscale_names() -> dict[str, dict[str, str]]:
    """Instrument -> {subscale as written: the measure it names}."""
    table: dict[str, dict[str, str]] = _data().get("subscale_names", {})
    return table


@cache
def total_words() -> frozenset[str]:
    """The names of a row that holds the instrument's own score, lower case."""
    return frozenset(word.lower() for word in _data()["totals"]["words"])


def total_reach() -> int:
    """How far back a total row looks for its instrument's earlier score, in characters."""
    reach: int = _data()["totals"]["reach"]
    return reach


@cache
def not_table_instruments() -> frozenset[str]:
    """Names in capitals heading rows of fractions that name no instrument ("MMT", "ADL")."""
    return frozenset(word.upper() for word in _data()["subscale_rows"]["not_instruments"])


@cache
def rating_wholes() -> frozenset[int]:
    """Maxima of a grade or a rating: a table of rows over these alone holds no subscales."""
    return frozenset(int(whole) for whole in _data()["subscale_rows"]["rating_wholes"])
