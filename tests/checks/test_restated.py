"""An earlier value said after today's without naming the measure again (issue 12, voices):
"fingertips to floor 22 cm, it was 38 at the evaluation". Twins: "it was" with no timepoint
after the number, and a value with nothing read before it, stay unread."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts

_HEAD = "Patient: Tobiah Lennox\nDate: 2031-08-07\n\n"


def _facts(text: str) -> list[tuple[str, object, str | None, bool]]:
    return [(f.kind, f.value, f.unit, "previous" in f.label) for f in extract_facts(_HEAD + text)]


def test_it_was_n_at_the_evaluation_is_the_earlier_value_of_the_value_before() -> None:
    said = "fingertips to floor is twenty two centimeters, it was thirty eight at the evaluation."
    assert _facts(said) == [("other", 22, "cm", False), ("other", 38, "cm", True)]
    said = "TUG 12.1 s today. It was 15.4 at the initial evaluation."
    assert _facts(said) == [("outcome", 12.1, "s", False), ("outcome", 15.4, "s", True)]


def test_it_was_without_a_timepoint_is_not_an_earlier_value() -> None:
    assert _facts("walked 300 ft, that was 3 times.") == [("other", 300, "ft", False)]
    assert _facts("pain 3/10, it was 20 minutes after the walk.") == [("pain", 3, None, False)]


def test_it_was_with_no_value_before_is_not_read() -> None:
    assert _facts("It was 38 at the evaluation.") == []


def test_the_other_side_said_after_a_sided_value_is_that_measure_on_that_side() -> None:
    facts = extract_facts(_HEAD + "SLR on the left is sixty five degrees, right is eighty.")
    assert [(f.kind, f.value) for f in facts] == [("rom", 65), ("rom", 80)]
    assert facts[1].label.startswith("R") and "L" not in facts[1].label.split()
    grip = extract_facts(_HEAD + "grip on the right is 22 kg, left is 30.")
    assert [(f.value, f.unit) for f in grip] == [(22, "kg"), (30, "kg")]


def test_the_other_side_with_no_number_or_a_time_is_not_read() -> None:
    # twins: "left is fine", "left is 2 weeks behind"
    assert _facts("pain in the right knee 4/10, left is fine.") == [("pain", 4, None, False)]
    assert [f.value for f in extract_facts(_HEAD + "R knee flex 110, left is 2 weeks behind.")] == [
        110
    ]
