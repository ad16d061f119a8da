"""Charges in an HL7 v2 interface message pasted into a note: each financial-transaction segment
("FT1|1|||20320303||CG|97112^Neuromuscular reeducation|||2|...") names its code and its
quantity in fixed fields. Which segment and fields is data (billing.toml [hl7]), read by
position, never by the text around them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from tui.core.checks.tables import billing_section

_CODE = re.compile(r"^(?:9\d{4}|G\d{4}|[0-8]\d{4}|[A-V]\d{4})$", re.IGNORECASE)


@dataclass(frozen=True)
class Hl7Charge:
    """One transaction segment's code and units, and where its line is."""

    code: str
    units: int
    start: int
    end: int


@cache
def _layout() -> tuple[str, int, int, int]:
    section = billing_section("hl7")
    return (
        str(section.get("segment", "FT1")),
        int(section.get("code_field", 7)),
        int(section.get("quantity_field", 10)),
        int(section.get("most_units", 12)),
    )


def hl7_charges(text: str) -> Iterator[Hl7Charge]:
    """Each transaction segment that names a code and a whole quantity; a segment whose fields
    hold neither is left alone."""
    segment, code_field, quantity_field, most = _layout()
    for line in re.finditer(rf"^{re.escape(segment)}\|[^\n]*", text, re.MULTILINE):
        fields = line.group().split("|")
        if len(fields) <= max(code_field, quantity_field):
            continue
        code = fields[code_field].split("^", 1)[0].strip().upper()
        quantity = fields[quantity_field].strip()
        if not _CODE.match(code) or not quantity.isdigit() or not 0 <= int(quantity) <= most:
            continue
        yield Hl7Charge(code, int(quantity), line.start(), line.end())
