"""Sides, timepoints, tests and people a value belongs to, each with a twin that must not be
read so: a side written after a value before a slash or a bracket is that value's alone; a
muscle named in capitals the checks do not know is its own item; "pre-admission" and "pre-injury"
are earlier timepoints ("pre-exercise" is not); "was ..., is ..." makes the first value the
earlier one; targets said without the word "goal" are not measurements; a relative's own values
are not the patient's."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in


def _sides(text: str, kind: str) -> list[tuple[object, str]]:
    found = []
    for fact in facts_in(text, kind):
        words = fact.label.split()
        found.append((fact.value, "R" if "R" in words else "L" if "L" in words else ""))
    return found


def _earlier(text: str, kind: str) -> list[tuple[object, bool]]:
    return [(fact.value, "(previous)" in fact.label) for fact in facts_in(text, kind)]


@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        ("Elbow flexion 135° R / 120° L (post-op side).", "rom", [(135, "R"), (120, "L")]),
        ("Wrist ext 45° L (stiff), flexion 60°.", "rom", [(45, "L"), (60, "")]),
        ("Shoulder IR 50° (L) and 70° (R).", "rom", [(50, "L"), (70, "R")]),
        # twin: a side before a bracket holding the value's earlier value names both
        ("Knee flexion 120° L (IE 95°).", "rom", [(120, "L"), (95, "L")]),
        # twin: a pair of sides after a value names no single side
        ("Ankle DF MMT 4/5 R/L.", "mmt", [("4", "")]),
    ],
)
def test_a_side_after_a_value_is_its_own(
    text: str, kind: str, wanted: list[tuple[object, str]]
) -> None:
    assert _sides(text, kind) == wanted


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        ("R: deltoid 5/5, ECU 3/5.", {"3": "ECU"}, {"3": "deltoid"}),
        ("L: glute max 4/5, TFL 3+/5.", {"3+": "TFL"}, {"3+": "glute"}),
        # twin: a known motion after the muscle keeps its own naming
        ("R: quads 4/5, hip abd 4-/5.", {"4-": "abduction"}, {"4-": "quad"}),
    ],
)
def test_a_muscle_named_in_capitals_is_its_own_item(
    text: str, wanted: dict[str, str], unwanted: dict[str, str]
) -> None:
    labels = {str(fact.value): fact.label for fact in facts_in(text, "mmt")}
    for value, word in wanted.items():
        assert word in labels[value]
    for value, word in unwanted.items():
        assert word not in labels[value].lower()


@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        ("6MWT 210 m (pre-hospitalisation 380 m).", "outcome", [(210, False), (380, True)]),
        ("R grip 15 kg, pre-injury 32 kg per pt.", "strength", [(15, False), (32, True)]),
        # twin: a moment of this visit written with "pre-" is no earlier timepoint
        ("SpO2 pre-walk 95%, post-walk 89%.", "other", [(95, False), (89, False)]),
        ("Knee flexion was 95°, is 120°.", "rom", [(95, True), (120, False)]),
        # twin: "was" alone is the tense of the sentence
        ("Timed up and go was 13.0 s with the cane.", "outcome", [(13.0, False)]),
        (
            "Her knee flexion was 90 degrees at the eval and it's 118 degrees now.",
            "rom",
            [(90, True), (118, False)],
        ),
    ],
)
def test_earlier_timepoints_in_other_words(
    text: str, kind: str, wanted: list[tuple[object, bool]]
) -> None:
    assert _earlier(text, kind) == wanted


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        ("TUG 15.2 s. Hoping to reach Berg 52/56 by discharge.", 52),
        ("Berg 44/56. Expected outcome: 10MWT 1.1 m/s in 8 wk.", 1.1),
        ("Gait speed 0.7 m/s. Would like to get 6MWT to 400 m.", 400),
    ],
)
def test_targets_said_in_other_words_are_no_measurements(text: str, unwanted: float) -> None:
    assert unwanted not in [fact.value for fact in facts_in(text)]


def test_hoping_with_no_value_leaves_the_measurements() -> None:
    facts = facts_in("Hoping to return to golf. TUG 11.8 s today.")
    assert 11.8 in [fact.value for fact in facts]


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        (
            "Pt's hip pain 2/10. Daughter (carer) notes her own wrist pain 6/10 from lifting.",
            2,
            6,
        ),
        # twin: a caregiver's report of the patient's value is the patient's
        ("Wife reports his pain 5/10 at night; pt agrees.", 5, None),
    ],
)
def test_a_relatives_own_values_are_not_the_patients(
    text: str, wanted: int, unwanted: int | None
) -> None:
    values = [fact.value for fact in facts_in(text, "pain")]
    assert wanted in values
    assert unwanted is None or unwanted not in values


@pytest.mark.parametrize(
    "text",
    [
        "Mom reports Jonah now ties his own shoes in 45 s.",
        "Wife says he showers on his own 3x/wk.",
    ],
)
def test_own_said_of_the_patient_keeps_the_sentence(text: str) -> None:
    from tui.core.checks.text.other_people import other_people_spans

    assert other_people_spans(text) == ()


@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        ("NDI 22/50 today (34/50 at his first visit).", "outcome", [(22, False), (34, True)]),
        ("Berg 47/56 (39/56 on POD 4).", "outcome", [(47, False), (39, True)]),
        # twin: "from" before a label's colon names where the test was done, not when
        ("Timed up and go from a low sofa: 12.1 s.", "outcome", [(12.1, False)]),
    ],
)
def test_a_bracketed_timepoint_after_a_value(
    text: str, kind: str, wanted: list[tuple[object, bool]]
) -> None:
    assert _earlier(text, kind) == wanted
