"""A month or a date written straight after a value dates it: another day than the visit's is
an earlier value ("TUG 13.9 s in January", "ODI 46% on 3/5", "5/10 at his January
evaluation", "17 kg on 14/02"). Twins: the visit's own date (either way round), a test position
or a side after the value, and a numeric "date" that is a count ("on 3/5 trials")."""

from __future__ import annotations

import pytest

from tests.checks.label_reading import earlier_by_value

_HEADER = "Patient: Test Person\nDate: 2044-04-02\n\n"


def _earlier(text: str, kind: str) -> dict[object, bool]:
    """The reading of a text written on the visit of 2 April 2044."""
    return earlier_by_value(_HEADER + text, kind)


@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        ("TUG 10.2 s today; TUG 13.9 s in January.\n", "outcome", {10.2: False, 13.9: True}),
        ("LEFS 61/80 (48/80 in Jan 2044).\n", "outcome", {61: False, 48: True}),
        ("Pain 2/10 walking, 5/10 at his January evaluation.\n", "pain", {2: False, 5: True}),
        ("ODI 32% today (46% on 3/5).\n", "outcome", {32: False, 46: True}),
        ("Grip R 24 kg (17 kg on 14/02).\n", "strength", {24: False, 17: True}),
        (
            "Copying 12 letters per minute, it was 8 letters per minute in February.\n",
            "other",
            {12: False, 8: True},
        ),
        ("Pain 1/10 at rest, 6/10 in early March.\n", "pain", {1: False, 6: True}),
        ("Tinetti 19/28 today; 14/28 at her visit on 3/19.\n", "outcome", {19: False, 14: True}),
        (
            "TUG 11.6 s, slower than the 13.0 s he walked at his January re-evaluation.\n",
            "outcome",
            {11.6: False, 13.0: True},
        ),
    ],
)
def test_a_value_dated_another_day_is_earlier(
    text: str, kind: str, wanted: dict[object, bool]
) -> None:
    assert _earlier(text, kind) == wanted


@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        ("Berg 52/56 on 4/2.\n", "outcome", {52: False}),
        ("PRWE 31 on 02/04.\n", "outcome", {31: False}),
        ("Pain 3/10 in sitting, 6/10 on reaching overhead.\n", "pain", {3: False, 6: False}),
        ("R shoulder flexion AROM 150° in standing.\n", "rom", {150: False}),
        ("Berg 52/56 in April.\n", "outcome", {52: False}),
    ],
)
def test_the_visits_day_and_positions_stay_current(
    text: str, kind: str, wanted: dict[object, bool]
) -> None:
    assert _earlier(text, kind) == wanted


def test_without_a_visit_date_nothing_is_dated() -> None:
    assert earlier_by_value("TUG 13.9 s in January.\n") == {13.9: False}
