"""A muscle whose short name holds "max" or "glut" ("glut max 4-/5") keeps its grade: the "max"
is part of the name, not a test's maximum, and "glut" names the gluteal muscles."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def test_a_muscle_named_max_keeps_its_grade() -> None:
    facts = extract_facts("R glut med 4/5, glut max 4-/5.\n")
    assert [(fact.value, fact.label) for fact in facts] == [
        ("4", "R gluteus medius"),
        ("4-", "R gluteus maximus"),
    ]


def test_a_tests_maximum_is_still_no_score() -> None:
    assert extract_facts("Berg max 56.\n") == []
