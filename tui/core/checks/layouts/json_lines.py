"""A JSON export pasted into a note, read line by line as the key=value lines it stands for.

An EHR's JSON export writes each field as '"key": value' and a record as '{"name": "TUG",
"value_s": 19.4, "prior_s": 26.0}'; read as prose, quotes and braces part every key from its
value and a record's fields run together. Each line that is one JSON member or one JSON record
is written as a note's line: '"subjective": "Pt states ..."' as "subjective: Pt states ...", a
member holding a record as "vitals: bp=132/70 hr=84 weight_lb=141.2", and a record naming
itself as its name, its result and its other fields ("TUG: 19.4 s prior_s=26.0"), which the
layout readers then read as a run of keys (keyed.py: units in snake keys, a "prior" key an
earlier value). A key that only bounds a score ("max": 28, markup.toml json_bound_keys) is the
result's denominator, never a value. Only lines holding '":' are looked at, and each is parsed
by the json module; a line that is not JSON stays as written.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tui.core.checks.layouts.fhir_entries import fhir_entry
from tui.core.checks.tables import keyed_units
from tui.core.checks.text.pieces import Piece

_MEMBER = '":'
# a member or a record, maybe listed as a bullet (a draft lists a pasted export's lines)
_LINE = re.compile(
    r'^(?P<indent>[ \t]*(?:[-*\u2022][ \t]+)?)(?:"(?P<key>[^"\n]{1,60})"[ \t]*:[ \t]*)?'
    r"(?P<value>[\[{\"].*?|[^\s].*?)[ \t]*,?[ \t]*$"
)
_NAME_KEYS = ("name", "test", "measure", "item")
# The field holding a named record's result ("value_s", "total", "score")
_RESULT = re.compile(r"(?:value|total|score|result)(?:_[a-z]+)?", re.IGNORECASE)


def json_line_pieces(text: str, bound_keys: frozenset[str]) -> list[Piece]:
    """Rewrites for every line of the text that is one JSON member or record."""
    pieces: list[Piece] = []
    at = text.find(_MEMBER)
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        written = _line(text[start:end].rstrip("\r"), bound_keys)
        if written is not None:
            pieces.append(Piece(start, end, written, start, end))
        at = text.find(_MEMBER, end)
    return pieces


def _line(line: str, bound_keys: frozenset[str]) -> str | None:
    """One line as a note writes it, or None when it is no JSON member or record."""
    found = _LINE.match(line)
    if found is None or not line[len(found.group("indent")) :].startswith(('"', "{")):
        return None
    try:
        value: Any = json.loads(found.group("value"))
    except ValueError:
        return None
    indent = found.group("indent")
    key = found.group("key")
    entry = fhir_entry(value) if key is None and isinstance(value, dict) else None
    if entry is not None:
        return indent + entry
    if isinstance(value, dict):
        return indent + _record(key, value, bound_keys)
    if key is None or isinstance(value, list):
        return None
    return f"{indent}{key}: {_plain(value)}"


def _record(key: str | None, record: dict[str, Any], bound_keys: frozenset[str]) -> str:
    """A record as its name, its result and a run of its other fields ("TUG: 19.4 s
    device=FWW prior_s=26.0"); a bound of the score is its denominator ("17/28")."""
    named = next((name for name in _NAME_KEYS if isinstance(record.get(name), str)), None)
    head = key or (record[named] if named else "")
    result = next((field for field in record if _RESULT.fullmatch(field)), None) if head else None
    bound = next((record[f] for f in record if f.lower() in bound_keys), None)
    written = [_result(result, record[result], bound)] if result is not None else []
    written += [
        f"{field}={_pair_value(value)}"
        for field, value in record.items()
        if field not in (named, result)
        and field.lower() not in bound_keys
        and not isinstance(value, dict | list)
        and _pair_value(value)
    ]
    return f"{head}: {' '.join(written)}" if head else " ".join(written)


def _result(field: str, value: Any, bound: Any) -> str:
    """A record's result written after its name: its unit from the field's name ("value_s":
    " s"), or the score's bound as its denominator."""
    unit_word = field.partition("_")[2].lower()
    unit = keyed_units().get(unit_word, "") if unit_word else ""
    if not unit and isinstance(bound, int | float) and not isinstance(bound, bool):
        unit = f"/{bound:g}"
    return f"{_plain(value)}{unit}"


def _plain(value: Any) -> str:
    return "" if value is None else str(value)


def _pair_value(value: Any) -> str:
    """A value in a key=value run: one word (spaces would end the pair)."""
    return re.sub(r"\s+", "_", _plain(value).strip())
