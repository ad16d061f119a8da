"""Two loads parted by a slash with one unit after them (round 13, LAYOUT): one value per
handle position or trial, each a load in that unit. Twins: a fraction of a pound, a pressure,
a score over its maximum and a pair under a heading of sides are read as before.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in


def _read(text: str) -> list[tuple[str, object, str | None, str]]:
    return [(fact.kind, fact.value, fact.unit, fact.label) for fact in facts_in(text)]


def test_a_load_per_handle_position_is_two_loads() -> None:
    assert _read("Grip (Jamar, positions 2 and 3): R 38/40 kg.\n") == [
        ("strength", 38, "kg", "R grip"),
        ("strength", 40, "kg", "R grip"),
    ]


def test_a_fraction_of_a_pound_is_no_pair_of_loads() -> None:
    assert _read("SLR with 1/2 lb cuff weight.\n") == []


def test_a_pair_under_sides_keeps_its_sides() -> None:
    assert _read("Grip R/L 38/44 kg.\n") == [
        ("strength", 38, "kg", "R grip"),
        ("strength", 44, "kg", "L grip"),
    ]


def test_a_pressure_and_a_score_stay_one_value() -> None:
    assert [(kind, value) for kind, value, _, _ in _read("BP 118/76. Berg 45/56.\n")] == [
        ("other", "118/76"),
        ("outcome", 45),
    ]
