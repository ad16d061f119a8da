"""A small schema checker for TOML files that reports problems as ``FILE:LINE: field: problem``.

tomllib gives values but no positions, so `key_lines` scans the source once to map dotted key
paths to line numbers. The schema is declared as data (`Field` and `Table`), which keeps
context.toml and Skill validation readable and their error messages uniform.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_TABLE = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(
    r"^\s*((?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'))*)\s*="
)
# tomllib ends every message with where it stopped: "(at line L, column C)" or "(at end of
# document)". Only that suffix is the position: a message may itself contain the words "end of
# document" ("Expected newline or end of document after a statement").
_AT_LINE = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_AT_END = re.compile(r"\s*\(at end of document\)$")
# What a string left open at the end of the document opened with, by tomllib's message.
_OPENERS: dict[str, tuple[str, ...]] = {
    "Unterminated string": ('"""', '"'),
    "Expected \"'''\"": ("'''",),
    'Expected "\'"': ("'",),
}

Validator = Callable[[Any], str | None]


@dataclass(frozen=True)
class Problem:
    """One validation problem, located in a file."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


@dataclass(frozen=True)
class Field:
    """One key of a table: its type(s), whether it is required, and an optional value check."""

    types: tuple[type, ...]
    required: bool = False
    check: Validator | None = None
    items: tuple[type, ...] = ()


@dataclass(frozen=True)
class Table:
    """A table with known keys; `values` describes every value of a free-keyed table."""

    fields: Mapping[str, Field | Table] = field(default_factory=dict)
    required: bool = False
    values: Field | Table | None = None
    array: bool = False


def _split_key(raw: str) -> list[str]:
    parts = re.findall(r"\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_-]+)", raw)
    return [a or b or c for a, b, c in parts]


def key_lines(source: str) -> dict[str, int]:
    """Map dotted key paths (arrays of tables indexed as ``name.N``) to 1-based line numbers."""
    lines: dict[str, int] = {}
    prefix: list[str] = []
    array_counts: dict[str, int] = {}
    in_multiline: str | None = None
    for number, text in enumerate(source.splitlines(), start=1):
        if in_multiline:
            if text.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        table = _TABLE.match(text)
        if table:
            parts = _split_key(table.group(2))
            base = ".".join(parts)
            if table.group(1) == "[[":
                index = array_counts.get(base, 0)
                array_counts[base] = index + 1
                parts = [*parts, str(index)]
                lines.setdefault(base, number)
            prefix = parts
            lines.setdefault(".".join(prefix), number)
            continue
        key = _KEY.match(text)
        if key:
            path = ".".join([*prefix, *_split_key(key.group(1))])
            lines.setdefault(path, number)
            rest = text[key.end() :]
            for quote in ('"""', "'''"):
                if rest.count(quote) == 1:
                    in_multiline = quote
    return lines


def line_of(lines: Mapping[str, int], path: str) -> int:
    """The line of `path`, or of its nearest enclosing table, or 1."""
    parts = path.split(".")
    while parts:
        found = lines.get(".".join(parts))
        if found:
            return found
        parts.pop()
    return 1


def syntax_position(message: str, source: str) -> tuple[int, int, str]:
    """Line, column (both from 1) and the bare message of a tomllib error on `source`.

    "At end of document" is the end of the text, except for a string left open: tomllib only
    finds out at the end, but the place to fix is where the string opened (the last opening
    quote of its kind, since nothing after it closes it)."""
    at = _AT_LINE.search(message)
    if at:
        return int(at.group(1)), int(at.group(2)), message[: at.start()]
    at_end = _AT_END.search(message)
    bare = message[: at_end.start()] if at_end else message
    index = len(source)
    if at_end:
        for opener in _OPENERS.get(bare, ()):
            found = source.rfind(opener)
            if found >= 0:
                index = found
                break
    line = source.count("\n", 0, index) + 1
    return line, index - (source.rfind("\n", 0, index) + 1) + 1, bare


def parse_toml(path: Path, source: str) -> dict[str, Any]:
    """Parse TOML text; a syntax error becomes a ConfigError-ready Problem via ValueError."""
    try:
        return tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        line, _column, message = syntax_position(str(exc), source)
        problem = Problem(str(path), line, "syntax", message.strip().lower())
        raise TomlSyntaxError(problem) from exc


class TomlSyntaxError(ValueError):
    """A TOML file that does not parse; carries its located Problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def type_name(types: tuple[type, ...]) -> str:
    names = {str: "string", int: "integer", float: "number", bool: "true/false", list: "array"}
    names |= {dict: "table"}
    return " or ".join(names.get(t, t.__name__) for t in types)


def _is_type(value: Any, types: tuple[type, ...]) -> bool:
    if isinstance(value, bool):
        return bool in types
    if float in types and isinstance(value, int):
        return True
    return isinstance(value, types)


def validate(
    data: Mapping[str, Any], schema: Table, file: str, lines: Mapping[str, int], prefix: str = ""
) -> list[Problem]:
    """Check `data` against `schema`; unknown keys, wrong types and missing keys are Problems."""
    problems: list[Problem] = []

    def problem(path: str, message: str) -> None:
        problems.append(Problem(file, line_of(lines, path), path, message))

    for key, spec in schema.fields.items():
        path = f"{prefix}{key}"
        if key not in data:
            if spec.required:
                problem(prefix.rstrip(".") or path, f"missing required field '{key}'")
            continue
        problems.extend(_check_value(data[key], spec, file, lines, path))
    for key, value in data.items():
        path = f"{prefix}{key}"
        if key in schema.fields:
            continue
        if schema.values is None:
            problem(path, "unknown field")
        else:
            problems.extend(_check_value(value, schema.values, file, lines, path))
    return problems


def _check_value(
    value: Any, spec: Field | Table, file: str, lines: Mapping[str, int], path: str
) -> list[Problem]:
    if isinstance(spec, Table):
        if spec.array:
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                return [Problem(file, line_of(lines, path), path, "expected an array of tables")]
            found: list[Problem] = []
            for index, item in enumerate(value):
                found += validate(item, spec, file, lines, f"{path}.{index}.")
            return found
        if not isinstance(value, dict):
            return [Problem(file, line_of(lines, path), path, "expected a table")]
        return validate(value, spec, file, lines, f"{path}.")
    if not _is_type(value, spec.types):
        return [
            Problem(
                file,
                line_of(lines, path),
                path,
                f"expected {type_name(spec.types)}, got {type(value).__name__}",
            )
        ]
    if spec.items and isinstance(value, list):
        for item in value:
            if not _is_type(item, spec.items):
                return [
                    Problem(
                        file,
                        line_of(lines, path),
                        path,
                        f"expected an array of {type_name(spec.items)}",
                    )
                ]
    if spec.check is not None:
        message = spec.check(value)
        if message:
            return [Problem(file, line_of(lines, path), path, message)]
    return []


def one_of(*choices: str) -> Validator:
    """A check that a string is one of `choices`."""

    def check(value: Any) -> str | None:
        return None if value in choices else f"must be one of {', '.join(choices)}"

    return check


def in_range(low: float, high: float) -> Validator:
    """A check that a number lies within [low, high]."""

    def check(value: Any) -> str | None:
        return None if low <= value <= high else f"must be between {low:g} and {high:g}"

    return check


def full_match(pattern: str, what: str) -> Validator:
    """A check that a string matches `pattern` entirely; `what` names what it must be."""
    compiled = re.compile(pattern)

    def check(value: Any) -> str | None:
        return None if compiled.fullmatch(value) else f"must be {what}"

    return check
