"""Round 18 merge mends: a pain label's joint from its own sentence; a quote ends a sentence."""

from __future__ import annotations

import pytest

from tests.eval.score import CTX
from tui.core.checks.extract import extract_facts


def _labels(text: str, kind: str) -> list[tuple[object, str]]:
    return [(f.value, f.label) for f in extract_facts(text, CTX.measures) if f.kind == kind]


@pytest.mark.parametrize(
    "text",
    [
        'S: "My knee won\'t let me bend." Pain R thigh 3/10 w/ LB dressing.\n',
        "S: My knee will not bend. Pain R thigh 3/10 w/ LB dressing.\n",
    ],
)
def test_a_joint_of_the_sentence_before_is_not_the_pain_ratings(text: str) -> None:
    [(value, label)] = _labels(text, "pain")
    assert value == 3
    assert "knee" not in label
    assert label.endswith("R")


@pytest.mark.parametrize(
    ("text", "joint"),
    [
        ("Left shoulder pain 3/10.\n", "shoulder"),
        ("Pain R elbow 4/10\n", "elbow"),
        ("Neck pain 4/10 today\n", "cervical"),
    ],
)
def test_a_joint_in_the_ratings_own_sentence_names_it(text: str, joint: str) -> None:
    [(_, label)] = _labels(text, "pain")
    assert joint in label


def test_a_closing_quote_after_a_full_stop_ends_the_sentence() -> None:
    read = _labels('Pt said "the left one is worse." R knee flex 110.\n', "rom")
    assert read == [(110, "R knee flexion")]
