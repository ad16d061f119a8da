"""A charge made on another day, said on a billing line, is no charge of this note
(checks.billing.billed_codes)."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_billing


@pytest.mark.parametrize(
    ("text", "billed"),
    [
        (
            "Charges: PT eval already billed 03/16. Today: 97530 ther act x 2 units (32 min).",
            {"97530": 2},
        ),
        ("Eval billed on 3/16. Billed today: 97110 x2 (25 min).", {"97110": 2}),
    ],
)
def test_the_days_charges_are_read(text: str, billed: dict[str, int]) -> None:
    found = extract_billing(text)
    assert dict(found.billed) == billed and not found.unreadable


@pytest.mark.parametrize(
    ("text", "billed"),
    [
        ("Billed: 97110 x2, 97140 x1", {"97110": 2, "97140": 1}),
        ("Billed: 97110 x2 (already billed units reviewed), 97140 x1", {"97110": 2, "97140": 1}),
        ("Charges: eval already billed 03/16.\nS: pain 2/10 with stairs\n", {}),
    ],
)
def test_twins(text: str, billed: dict[str, int]) -> None:
    assert dict(extract_billing(text).billed) == billed
