"""Lead's fixes after round 13's review: a dynamometer's slash pair in newtons is no angle."""

from tui.core.checks.extract import extract_facts


def test_a_dynamometer_pair_in_newtons_gives_no_angle() -> None:
    facts = extract_facts("Hip abd HHD 120/130 N")
    assert not [fact for fact in facts if fact.kind == "rom"]


def test_a_grip_pair_in_kilograms_is_still_two_loads() -> None:
    facts = extract_facts("Grip R 38/40 kg")
    assert [(fact.kind, fact.value) for fact in facts] == [("strength", 38), ("strength", 40)]
