"""A number joined by a hyphen to an acronym is part of an instrument's name, never a value.

"Recheck DF and BOT-2 balance" was read as dorsiflexion of -2 (a deficit): the hyphen of the
name taken for a minus. Twins: a minus before a value, a range, and a number with its maximum
after the hyphen ("VAS-7/10") keep their readings.
"""

import pytest

from tui.core.checks.extract import extract_facts


@pytest.mark.parametrize(
    "text",
    [
        "Recheck DF and BOT-2 balance in 4 wks.",
        "Reassess knee flex and SF-36 at next visit.",
        "Hip abd and PHQ-9 screen today.",
    ],
)
def test_a_hyphen_in_an_instrument_name_is_no_minus(text: str) -> None:
    assert extract_facts(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "value", "label"),
    [
        ("SF-36 PCS 42", "outcome", 42, "SF-36 PCS"),
        ("knee ext -5 deg", "rom", 5, "knee extension (deficit)"),
        ("R knee 5-120", "rom", 120, "R knee flexion"),
        ("VAS-7/10 today", "pain", 7, "NPRS"),
    ],
)
def test_a_minus_and_a_range_keep_their_readings(
    text: str, kind: str, value: float, label: str
) -> None:
    assert (kind, value, label) in [(f.kind, f.value, f.label) for f in extract_facts(text)]
