"""One reader of carried-names brackets (round 12, LAYOUT): the bracket closing a row names which
of its values were carried from an earlier visit, by anatomy, side or an instrument's name, and
looks back only to its sentence's start or the bracket before it. Each reading has a twin that
must not be read.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in


def _labels(text: str) -> list[tuple[object, str]]:
    return [(fact.value, fact.label) for fact in facts_in(text)]


def test_an_instrument_named_as_carried_is_earlier() -> None:
    text = "Berg 44/56, TUG 12.1 s (TUG carried forward from 3/2)."
    assert _labels(text) == [(44, "Berg"), (12.1, "TUG (previous)")]


def test_a_symptom_the_same_as_last_visit_stays_today() -> None:
    # the rating's label names the joint rated (round 18)
    assert _labels("Knee pain 3/10 with stairs (pain same as last visit).") == [
        (3, "pain with stairs knee")
    ]


def test_brought_forward_marks_the_named_motion() -> None:
    facts = _labels("Shoulder flex 140 deg, abd 120 deg (abd brought forward from 02/11).")
    assert facts == [(140, "shoulder flexion"), (120, "shoulder abduction (previous)")]


def test_a_bracket_names_nothing_before_the_bracket_before_it() -> None:
    text = "Hip abd 4/5, ER 4-/5 (ER carried from IE), flexion 4/5 (abd not retested)."
    assert _labels(text) == [
        ("4", "hip abduction"),
        ("4-", "hip ER (previous)"),
        ("4", "hip flexion"),
    ]
