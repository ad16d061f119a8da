"""The scorer reads a label word written short or long as one word (label_words.toml): "DF" in an
expectation is met by "dorsiflexion", a side by R or "right"; another motion or side is not."""

from __future__ import annotations

from tests.eval.score import _label_problems
from tui.core.checks.facts import Fact


def _fact(label: str) -> Fact:
    return Fact(kind="rom", value=12, span=(0, 2), label=label)


def test_a_short_word_is_met_by_its_long_form() -> None:
    assert _label_problems(_fact("L ankle dorsiflexion"), {"label_has": ["DF", "left"]}) == []


def test_twin_another_motion_or_side_is_not_the_word() -> None:
    problems = _label_problems(_fact("R ankle dorsiflexion"), {"label_has": ["PF", "left"]})
    assert problems == ["label lacks 'PF'", "label lacks 'left'"]


def test_a_forbidden_side_is_forbidden_in_either_form() -> None:
    assert _label_problems(_fact("left knee flexion"), {"label_not": ["L"]}) == ["label has 'L'"]
    assert _label_problems(_fact("Lateral reach"), {"label_not": ["L"]}) == []


def test_a_wrist_deviation_and_a_breathing_rate_are_met_by_their_long_forms() -> None:
    assert _label_problems(_fact("L wrist radial deviation AROM"), {"label_has": ["RD"]}) == []
    assert _label_problems(_fact("L wrist ulnar deviation"), {"label_has": ["RD"]}) == [
        "label lacks 'RD'"
    ]
    assert _label_problems(_fact("respiratory rate"), {"label_has": ["RR"]}) == []
