"""A workload in METs bracketed after a reading is an earlier one by the words every reader
shares for an earlier time (legends.toml), not a list of the METs reader's own."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _labels(text: str) -> list[tuple[object, str]]:
    return [(fact.value, fact.label) for fact in extract_facts(text) if fact.unit == "METs"]


def test_an_earlier_workload_in_a_bracket_is_previous() -> None:
    for note in (
        "Est METs 4.6 on treadmill (2.9 at program entry).\n",
        "METs 5.0 (2.6 on admission).\n",
        "Arm ergometer est. 3.2 METs (IE 2.5).\n",
        "METs 4.0 (pre 3.1).\n",
    ):
        found = _labels(note)
        assert len(found) == 2 and "previous" in found[1][1], note
        assert "previous" not in found[0][1], note


def test_a_bracket_that_says_how_it_was_found_is_no_earlier_value() -> None:
    assert _labels("METs 4.1 (estimated).\n") == [(4.1, "METs")]
