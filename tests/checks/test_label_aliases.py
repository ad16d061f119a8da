"""One name per motion, whatever words the note or the draft uses (issue 12): the note's
abbreviation and the draft's full name are one fact, two different motions never are."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts
from tui.core.checks.verify.verify import verify

SAME = [
    ("O: L shoulder ext. rot. 35°, int. rot. 50°.", "Objective: left shoulder ER 35°, IR 50°."),
    (
        "O: L shoulder lat rot 35°, med rot 50°.",
        "Objective: left shoulder external rotation 35°, internal rotation 50°.",
    ),
    ("O: R ankle dorsi 6°, PF 35°.", "Objective: right ankle dorsiflexion 6°, plantarflexion 35°."),
    (
        "O: L hip abd. 25°, add. 10°, flex 95.",
        "Objective: left hip abduction 25°, adduction 10°, flexion 95°.",
    ),
    (
        "O: R thumb palmar abd 35°, radial abd 50°.",
        "Objective: right thumb palmar abduction 35°, radial abduction 50°.",
    ),
]
# Twins: the same words with the motions swapped, which verification must catch.
SWAPPED = [
    ("O: L shoulder ext. rot. 35°, int. rot. 50°.", "Objective: left shoulder IR 35°, ER 50°."),
    (
        "O: L shoulder lat rot 35°, med rot 50°.",
        "Objective: left shoulder internal rotation 35°, external rotation 50°.",
    ),
    ("O: L hip abd. 25°, add. 10°.", "Objective: left hip adduction 25°, abduction 10°."),
    (
        "O: R thumb palmar abd 35°, radial abd 50°.",
        "Objective: right thumb radial abduction 35°, palmar abduction 50°.",
    ),
]


@pytest.mark.parametrize(("note", "draft"), SAME, ids=lambda x: x[:30])
def test_a_draft_naming_the_motion_in_other_words_verifies_clean(note: str, draft: str) -> None:
    assert verify(note, draft).clean


@pytest.mark.parametrize(("note", "draft"), SWAPPED, ids=lambda x: x[:30])
def test_a_draft_that_swaps_two_motions_is_caught(note: str, draft: str) -> None:
    assert verify(note, draft).unsupported


def test_an_abbreviation_dot_keeps_the_side_and_joint() -> None:
    """ "R hip abd. 30°": the dot is an abbreviation's, not a sentence end."""
    labels = [f.label for f in extract_facts("R hip abd. 30°, add. 15°, flex 100, ext 10.")]
    assert labels == ["R hip abduction", "R hip adduction", "R hip flexion", "R hip extension"]


def test_a_cue_word_is_not_a_motion() -> None:
    """Twin: "external cueing ... 100 bpm" is a metronome, not external rotation."""
    facts = extract_facts("NMR: external cueing w/ metronome at 100 bpm; internal focus cues.")
    assert [f for f in facts if f.kind == "rom"] == []
