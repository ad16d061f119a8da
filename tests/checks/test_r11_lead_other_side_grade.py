"""A muscle group graded for both sides ("wrist extensors R 4, L 3") gives both grades; the
left one was lost, a silent miss in a spinal-cord grid."""

from tui.core.checks.extract import extract_facts


def _grades(text: str) -> list[tuple[str, object, str]]:
    return [(fact.kind, fact.value, fact.label) for fact in extract_facts(text)]


def test_both_sides_of_a_graded_group_are_read() -> None:
    found = _grades("C7 elbow extensors R 4, L 3")
    assert [(kind, value) for kind, value, _ in found] == [("mmt", "4"), ("mmt", "3")]
    assert found[0][2].startswith("R") and found[1][2].startswith("L")


def test_the_other_side_keeps_its_sign() -> None:
    assert [value for _, value, _ in _grades("hip flexors R 4-, L 3+")] == ["4-", "3+"]


def test_a_count_or_an_angle_after_the_other_side_is_no_grade() -> None:
    assert [value for _, value, _ in _grades("wrist extensors R 4, L 3 reps")] == ["4"]
    found = _grades("hip flexors R 4, L 30 deg")
    assert ("mmt", "30") not in [(kind, str(value)) for kind, value, _ in found]
    assert [kind for kind, _, _ in found].count("mmt") == 1
