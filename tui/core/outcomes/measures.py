"""Every measure of one note, as rows of a timeline: outcome scores, pain ratings, ranges of
motion and muscle grades (by side, joint and motion), grip and gait measures. They come from
the fact extractor the checks use, so a timeline reads a note exactly as verification does.

Values a note gives for an earlier visit ("NDI 14/50, eval 26/50", or a Markdown table's
"Initial" column beside its "Today" one) belong to that visit, which the store holds itself,
so they are left out; so are goals (the extractor never reads them as measurements).
Each series is named so that the same measure on two visits lands in one row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, NamedTuple

from tui.core.checks.facts import Fact

KINDS: Final = ("outcome", "pain", "rom", "mmt", "strength")
PREVIOUS: Final = "(previous)"
_PAIN_WORDS: Final = re.compile(r"^(?:pain|nprs|nrs|vas)\b[\s:]*", re.IGNORECASE)
_TABLE_ROW: Final = re.compile(r"^\s*\|(.*)\|\s*$")
_RULE_ROW: Final = re.compile(r"^[\s|:\-]+$")
# A table column holding an earlier visit's values ("Initial 09/01", "Eval", "Baseline").
_EARLIER_COLUMN: Final = re.compile(
    r"\b(?:initial|eval(?:uation)?|IE|baseline|prior|previous|prev|last|SOC|admission|pre)\b",
    re.IGNORECASE,
)


class Measurement(NamedTuple):
    """One measure on one visit. `value` is the number (None for a muscle grade, whose
    `text` is the grade: "4-" and "4" are different findings, not numbers to subtract).
    A tuple in the store's column order, so a report reads thousands without cost."""

    series: str  # the row of the timeline: "LEFS", "Pain", "R knee flexion", "MMT R hip abd"
    kind: str  # outcome | pain | rom | mmt | strength
    instrument: str  # the instruments-table name ("LEFS", "pain", "grip"), or ""
    value: float | None
    text: str
    unit: str


def note_measurements(text: str, measures: Sequence[str] = ()) -> list[Measurement]:
    """The measures a note states for its own visit, first reading of each series only."""
    from tui.core.checks.extract import extract_facts  # the clinical tables, on first use

    found: list[Measurement] = []
    seen: set[str] = set()
    for fact in extract_facts(current_columns(text), measures):
        if fact.kind not in KINDS or PREVIOUS in fact.label:
            continue
        item = _measurement(fact, seen)
        if item is not None and item.series not in seen:
            seen.add(item.series)
            found.append(item)
    return found


def current_columns(text: str) -> str:
    """The note with each Markdown table that has a column of earlier values ("| Measure |
    Initial 09/01 | Today |") cut to the measure and its latest column, one "LEFS 49/80" line
    per row (header and rule rows left blank, so lines keep their numbers); other tables
    and lines as written."""
    out: list[str] = []
    keep: int | None = None
    in_table = False
    for line in text.split("\n"):
        row = _TABLE_ROW.match(line)
        if row is None:
            in_table, keep = False, None
            out.append(line)
            continue
        cells = [cell.strip() for cell in row.group(1).split("|")]
        if not in_table:
            in_table, keep = True, _latest_column(cells)
            out.append("" if keep is not None else line)
        elif keep is None:
            out.append(line)
        elif _RULE_ROW.match(line):
            out.append("")
        else:
            out.append(f"{cells[0]} {cells[keep] if keep < len(cells) else ''}".rstrip())
    return "\n".join(out)


def _latest_column(header: Sequence[str]) -> int | None:
    """The rightmost column of current values of a table whose header names a column of
    earlier values; None for a table without one."""
    earlier = {i for i, cell in enumerate(header) if i and _EARLIER_COLUMN.search(cell)}
    current = [i for i in range(1, len(header)) if i not in earlier]
    return current[-1] if earlier and current else None


def _measurement(fact: Fact, seen: set[str]) -> Measurement | None:
    label = " ".join(fact.label.split())
    number = fact.value if isinstance(fact.value, int | float) else None
    text = str(fact.value)
    if fact.kind == "outcome":
        series = label or (fact.measure or "")
        return Measurement(series, "outcome", fact.measure or series, number, text, fact.unit or "")
    if fact.kind == "pain":
        qualifier = _PAIN_WORDS.sub("", label).strip()
        series = "Pain" if "Pain" not in seen or not qualifier else f"Pain ({qualifier})"
        return Measurement(series, "pain", "pain", number, text, "/10")
    if fact.kind == "rom":
        return Measurement(label or "ROM", "rom", "", number, text, "°")
    if fact.kind == "mmt":
        return Measurement(f"MMT {label}".strip(), "mmt", "", None, text, "/5")
    instrument = "grip" if "grip" in label.lower() else ""
    return Measurement(label or "strength", "strength", instrument, number, text, fact.unit or "")


_GRADES: Final = ("0", "1", "2-", "2", "2+", "3-", "3", "3+", "4-", "4", "4+", "5-", "5")


def grade_rank(grade: str) -> int | None:
    """A muscle grade's place on the scale (4- below 4 below 4+), to say whether it rose."""
    plain = grade.replace("−", "-").strip()
    return _GRADES.index(plain) if plain in _GRADES else None
