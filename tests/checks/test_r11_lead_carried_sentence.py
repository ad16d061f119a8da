"""A bracket naming the values carried from an earlier visit marks only its own sentence's
values, and a long line of such brackets is read whole (the look-back stops at the previous
bracket, so the reading stays linear)."""

from tui.core.checks.extract import extract_facts
from tui.core.checks.layouts.value_first import value_first_pieces


def _labels(text: str) -> list[tuple[object, str]]:
    return [(fact.value, fact.label) for fact in extract_facts(text)]


def test_a_carried_bracket_marks_its_own_sentence_only() -> None:
    text = (
        "R ankle PF 30 measured today. Ankle AROM: PF 38, inv 12 "
        "(PF/inv carried from 04/03, not re-measured)."
    )
    found = _labels(text)
    assert (30, "R ankle plantarflexion") in found
    assert all("previous" in label for value, label in found if value in (38, 12))


def test_the_row_a_bracket_closes_keeps_its_own_todays_values() -> None:
    text = "R ankle AROM DF 9°, PF 38°, inversion 20° (PF/inv carried from 04/03, not re-measured)"
    found = dict(_labels(text))
    assert "previous" not in found[9]
    assert "previous" in found[38] and "previous" in found[20]


def test_many_carried_brackets_on_one_line_are_each_read() -> None:
    row = "Ankle AROM PF 38 inv 12 ev 4 (PF/inv/ev carried from 04/03) "
    facts = extract_facts(row * 40)
    assert len(facts) == 120
    assert all("previous" in fact.label for fact in facts)


def test_a_bar_row_of_sides_that_is_no_value_first_row_is_left_alone() -> None:
    assert value_first_pieces("L 5 | R 6 | " * 40) == []
