"""One rule for a key's slash series (tui/core/checks/layouts/keyed.py): the values after the
colon are one per label of the key ("R/L", "L/R") or one reading in parts (a blood pressure),
and the key's unit follows the whole series, never one number of it."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts


@pytest.mark.parametrize(
    ("line", "wanted"),
    [
        ("Tip pinch R/L (lb): 9/14", {("strength", 9, "R"), ("strength", 14, "L")}),
        ("Ankle DF L/R (deg): 6/14", {("rom", 6, "L"), ("rom", 14, "R")}),
    ],
)
def test_a_keyed_pair_of_sides_is_read_per_side(
    line: str, wanted: set[tuple[str, int, str]]
) -> None:
    found = {
        (fact.kind, fact.value, side)
        for fact in extract_facts(line)
        for side in ("R", "L")
        if side in fact.label.split()
    }
    assert wanted <= found


@pytest.mark.parametrize(
    ("line", "pressure"),
    [("Standing BP (mmHg): 104/66", "104/66"), ("Post-walk BP (mmHg) = 150 / 88", "150/88")],
)
def test_a_keyed_blood_pressure_stays_one_reading(line: str, pressure: str) -> None:
    facts = extract_facts(line)
    assert [fact.value for fact in facts if fact.unit == "mmHg"] == [pressure]
    assert not [fact for fact in facts if fact.kind in ("strength", "rom")]
