"""Reference values and aims are no measurements, and a value dated in its own bracket is an
earlier one. Each rule has a twin the rule must leave alone."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in, one_fact


def _values(text: str) -> list[object]:
    return [fact.value for fact in facts_in(text)]


@pytest.mark.parametrize(
    ("text", "reference", "measured"),
    [
        ("5xSTS 13.1 s, just under the 15 s fall-risk cut-off.", 15, 13.1),
        ("Gait speed 0.74 m/s, short of the 0.8 m/s community threshold.", 0.8, 0.74),
        ("DGI 20/24; she sits above the 19 cutpoint now.", 19, 20),
        ("10MWT 1.21 m/s, past the 1.2 m/s safe street crossing threshold.", 1.2, 1.21),
    ],
)
def test_a_value_before_cut_off_words_is_a_reference(
    text: str, reference: float, measured: float
) -> None:
    values = _values(text)
    assert reference not in values
    assert measured in values


@pytest.mark.parametrize(
    ("text", "aim", "measured"),
    [
        ("Aim: 30 s STS 12 reps by discharge. 30 s STS 8 reps today.", 12, 8),
        ("Aiming for 120° knee flexion in 3/52; flexion 104° today.", 120, 104),
    ],
)
def test_an_aim_is_a_target(text: str, aim: int, measured: int) -> None:
    values = _values(text)
    assert aim not in values
    assert measured in values


def test_the_aims_in_capitals_is_an_infant_scale_not_an_aim() -> None:
    assert 41 in _values("AIMS 41 (prone 14, supine 9).")


@pytest.mark.parametrize(
    ("text", "kind", "value", "previous"),
    [
        ("NDI 18/50 (Ax 31/50).", "outcome", 31, True),
        ("NDI 18/50 (Ax 31/50).", "outcome", 18, False),
        ("IA NPRS 8/10; today 4/10.", "pain", 8, True),
        ("IA NPRS 8/10; today 4/10.", "pain", 4, False),
        ("Kujala 74 (61 on 02/03), improving.", "outcome", 61, True),
        ("Kujala 74 (61 on 02/03), improving.", "outcome", 74, False),
        ("Shoulder flexion 150° (128° - 1/28).", "rom", 128, True),
        ("Pain 3/10 (on 3/2).", "pain", 3, False),
    ],
)
def test_initial_assessment_and_dated_brackets(
    text: str, kind: str, value: object, previous: bool
) -> None:
    assert ("previous" in one_fact(text, kind, value).label) is previous
