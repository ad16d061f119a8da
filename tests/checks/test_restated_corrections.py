"""A speaker who takes a number back and says the words before it again ("lacks 12, sorry,
lacks 10", "max assist of 2, no wait, mod assist of 2"): the retracted words and number go. A
second value in its own clause after "actually" is kept."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.text.numbers import normalize


def test_correction_that_says_the_words_again_replaces_them() -> None:
    said = "R elbow extension lacks fifteen, I mean lacks twenty degrees, end feel firm."
    assert normalize(said).text == "R elbow extension lacks 20 degrees, end feel firm."
    facts = extract_facts(said)
    assert [abs(f.value) for f in facts if f.kind == "rom" and isinstance(f.value, int)] == [20]


def test_correction_that_changes_a_word_before_the_number() -> None:
    said = "Stand pivot with min assist of one, sorry, contact guard assist of one, to chair."
    assert normalize(said).text == "Stand pivot with contact guard assist of 1, to chair."


def test_twin_a_qualified_value_then_another_is_not_a_correction() -> None:
    said = "Pain three out of ten at rest, actually pain six out of ten on stairs."
    assert [f.value for f in extract_facts(said) if f.kind == "pain"] == [3, 6]
