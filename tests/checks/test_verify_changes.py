"""Verification without loopholes: a changed value does not pass because it happens to be the
difference of two unrelated values of the note, a change the draft states must be one, and a
score on an instrument chartdesk does not know is still checked."""

from __future__ import annotations

import pytest

from tui.core.checks.verify.verify import verify

NOTE = """Patient: Bo Lindqvist
Date: 2027-08-03

S: R wrist ache 5/10 lifting a kettle, 2/10 at rest.
O: PRWE 34/100 (was 52 at eval). Grip R 18 kg, L 30 kg. Wrist ext 45 deg, flex 60 deg.
Walked 300 ft w/o device. HR 78.
Ther ex 25 min w/ cues; manual 10 min. Total timed 35 min, total 35 min.
Billed: 97110 x2, 97140 x1
"""


def unsupported(draft: str) -> list[float]:
    return [float(fact.value) for fact in verify(NOTE, draft).unsupported]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "draft",
    [
        "PRWE 34/100, improved by 18 points since the evaluation.",
        "Pain down by 3 points with rest.",
        "PRWE 34/100 (52 at eval), a 35% improvement.",
        "Wrist extension 45 deg, flexion 60 deg; grip R 18 kg, L 30 kg.",
    ],
)
def test_faithful_drafts_and_true_changes_are_clean(draft: str) -> None:
    assert unsupported(draft) == []


@pytest.mark.parametrize(
    ("draft", "value"),
    [
        ("PRWE improved by 17 points.", 17),  # the change is 18
        ("Pain down by 4 points.", 4),  # the change is 3
        ("Pain improved to 3/10 with lifting.", 3),  # 5 - 2 is a change, not the pain now
        ("Wrist flexion improved by 15 deg.", 15),  # 60 - 45: flexion against extension
        ("Walked 12 ft farther, improved.", 12),  # 30 - 18 is grip, not distance
        ("PRWE 43/100 today.", 43),  # an instrument the tables do not know, value changed
    ],
)
def test_changed_values_are_unsupported(draft: str, value: float) -> None:
    assert value in unsupported(draft)


VISUAL_MOTOR = (
    "Patient: Kit Rowe\nDate: 2027-08-04\n\nVisual motor:\n"
    " - tracing: 5/8 shapes traced within 1/4 in\n - cutting: circle within 1/2 in\n"
)


def test_a_score_the_note_writes_beside_its_name_supports_the_same_score() -> None:
    """The note's reader leaves "tracing: 5/8" unclassified; a draft that reads it as a score
    of "Tracing" is faithful, and the same draft with another score is not."""
    assert verify(VISUAL_MOTOR, "- Tracing: 5/8 shapes traced within 1/4 in.").clean
    changed = verify(VISUAL_MOTOR, "- Tracing: 6/8 shapes traced within 1/4 in.")
    assert [fact.value for fact in changed.unsupported] == [6]


SCORES = (
    "Patient: Rey Ortega\nDate: 2027-08-05\n\n"
    "O: KOOS 30, NDI 24%, FABQ-PA 12, SF-36 PCS 40.\n"
    "10MWT comfortable 0.92 m/s | fast 1.30 m/s\n"
)


@pytest.mark.parametrize(
    ("draft", "value"),
    [
        ("NDI 30%.", 30),  # KOOS 30 is 30 % of its maximum, not NDI's
        ("FABQ-PA 36.", 36),  # the 36 of SF-36 is no FABQ-PA score
        ("10MWT fast 1.40 m/s.", 1.4),
    ],
)
def test_scores_are_supported_by_their_own_measure_only(draft: str, value: float) -> None:
    assert value in [float(f.value) for f in verify(SCORES, draft).unsupported]  # type: ignore[arg-type]


def test_each_qualified_value_of_a_measure_supports_itself() -> None:
    assert verify(SCORES, "10MWT: comfortable 0.92 m/s, fast 1.30 m/s.").unsupported == []


def test_an_instrument_chartdesk_does_not_know_is_the_same_whatever_its_case() -> None:
    note = "Dictated. objective colon four square step test twelve point two seconds.\n"
    assert verify(note, "Four Square Step Test 12.2 seconds.\n").unsupported == []
    # twin: the same name with another value is still questioned
    assert verify(note, "Four Square Step Test 14.2 seconds.\n").unsupported != []
