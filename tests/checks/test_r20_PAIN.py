"""Round 20, PAIN: numbers near pain that are not the patient's pain, each rule with its twin.
An instrument's pain domain (SRS-22r) is its score; an unnamed full 10/10 and its list are
successes, not pain; a month and day after "delivered" or "dispensed" is a date; a pain VAS in
cm is a pain rating where pain is named; a key naming pain and when is a rating unless its
words make it a goal, a count or a scale."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in, labels_of, one_fact


def _pains(text: str) -> list[float]:
    return [float(fact.value) for fact in facts_in(text, "pain")]  # type: ignore[arg-type]


# -- an instrument's pain domain ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "SRS-22r total 3.9 (pain 3.6, self-image 3.1)",
        "SRS-22: function 4.2, pain 3.6, mental health 4.0",
        "Scoliosis Research Society-22 pain 3.6, function 4.0",
    ],
)
def test_srs_pain_domain_is_the_instruments_score(text: str) -> None:
    assert one_fact(text, "outcome", 3.6).measure == "SRS-22r"
    assert 3.6 not in _pains(text)


def test_pain_beside_an_srs_score_is_still_pain() -> None:
    # twin: the patient's own rating after the instrument's sentence
    assert _pains("SRS-22r 4.1. Back pain 3/10 after school.") == [3.0]


# -- an unnamed full 10/10 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Grasp release: at table 10/10, at shoulder height 7/10, overhead 3/10.",
        "Terminal device opening at waist 10/10, at mouth 8/10, behind back 4/10.",
        "Feeding: spoon to mouth 10/10, cup 6/10 with spill.",
    ],
)
def test_unnamed_full_marks_and_their_list_are_no_pain(text: str) -> None:
    assert _pains(text) == []


@pytest.mark.parametrize(
    ("text", "pains"),
    [
        ("L knee 10/10 at worst, 4/10 now.", [10.0, 4.0]),
        ("Knee: 10/10 this morning, 6/10 now.", [10.0, 6.0]),
        ("Pain 10/10 on arrival, 7/10 after ice.", [10.0, 7.0]),
        ("Pain:\n- rest 3/10, worst 10/10", [3.0, 10.0]),
        ("Back is a 6/10 after sitting.", [6.0]),
    ],
)
def test_full_marks_named_pain_stay_pain(text: str, pains: list[float]) -> None:
    assert _pains(text) == pains


# -- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Socket delivered 02/10, wearing daily.",
        "Custom insoles dispensed 05/10; wearing daily.",
        "Since 06/10 no giving way.",
        "Orthosis fabricated 4/10 and adjusted today.",
    ],
)
def test_a_day_something_was_handed_over_is_no_rating(text: str) -> None:
    assert _pains(text) == []


def test_pain_after_a_delivered_date_is_read() -> None:
    assert _pains("Brace delivered 03/10; knee pain 2/10 with stairs.") == [2.0]


# -- VAS in cm ------------------------------------------------------------------------------------


def test_pain_vas_in_cm() -> None:
    fact = one_fact("Pain VAS (CHAQ) 2.4 cm / 10 cm; global VAS 1.8 cm / 10 cm.", "pain", 2.4)
    assert fact.unit == "cm"
    assert _pains("Pain VAS (CHAQ) 2.4 cm / 10 cm; global VAS 1.8 cm / 10 cm.") == [2.4]


@pytest.mark.parametrize(
    "text",
    ["Fatigue VAS 6.0 cm.", "Parent global VAS 2.0 cm / 10 cm.", "Wound 3 cm; VAS 4 cm"],
)
def test_a_vas_in_cm_that_names_no_pain_is_no_pain(text: str) -> None:
    assert _pains(text) == []


def test_line_length_before_the_vas_is_no_value() -> None:
    text = "Pain on 10 cm VAS 3.7 cm today."
    assert _pains(text) == [3.7]
    assert all(fact.value != 10 for fact in facts_in(text))


# -- keys naming pain -----------------------------------------------------------------------------


def test_snake_keys_naming_pain_and_when() -> None:
    text = (
        'Visit export\n{"pain_at_rest": 2,\n "pain_with_activity": 5,\n "pain_worst_24h": 7,\n'
        ' "pain_goal": 1,\n "pain_free_reps": 12,\n "pain_days": 4}'
    )
    assert labels_of(text, "pain") == {
        2.0: "pain at rest",
        5.0: "pain with activity",
        7.0: "pain worst 24h",
    }


def test_yaml_keys_and_an_earlier_key() -> None:
    text = "subjective:\n  pain_worst_week: 6\n  pain_prev: 5\n  pain_scale: NPRS 0-10\n"
    found = labels_of(text, "pain")
    assert found[6.0] == "pain worst week"
    assert "previous" in found[5.0]
    assert 10.0 not in found and 0.0 not in found


@pytest.mark.parametrize(
    "text",
    [
        "Pain goal: 2",
        "pain_acceptable: 3",
        "Pain free walking: 20 min",
        "Pain duration weeks: 6",
        "Pain sites: 3",
    ],
)
def test_keys_whose_words_make_no_rating(text: str) -> None:
    assert _pains(text) == []


# -- a pain domain after a dash or semicolon ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("SRS-22r mean 3.9 -- function 4.2, pain 3.6, self-image 3.1.", 3.6),
        ("SRS-22r 3.9; pain 3.6", 3.6),
        ("KOOS 60 -- pain 55, symptoms 70", 55),
    ],
)
def test_pain_domain_after_a_dash_is_the_instruments(text: str, value: float) -> None:
    assert one_fact(text, "outcome", value).label.endswith("pain")
    assert _pains(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("SPADI 40; back pain 6 today", 6), ("KOOS 60, fatigue 4, pain 5", 5), ("LEFS 52, pain 3", 3)],
)
def test_a_rating_beside_an_instrument_stays_pain(text: str, value: float) -> None:
    assert _pains(text) == [value]


# -- a pain scale's scores stop at another thing rated --------------------------------------------


@pytest.mark.parametrize(
    "text", ["VAS dyspnoea 2/10 after walk", "NPRS, fatigue 2/10", "Obs: pain 3/10 VAS, SOB 2/10."]
)
def test_another_thing_rated_after_a_pain_scale_is_no_pain(text: str) -> None:
    assert 2.0 not in _pains(text)
    assert one_fact(text, "other", 2).unit == "/10"


def test_a_pain_scale_before_another_rating_keeps_its_own() -> None:
    assert _pains("NPRS 4/10, fatigue 2/10") == [4.0]


@pytest.mark.parametrize(
    "text", ["Satisfied with progress 8/10.", "Confident on stairs 8/10 with one rail."]
)
def test_satisfied_and_confident_rate_no_pain(text: str) -> None:
    assert _pains(text) == []
