"""Verification compares side, joint, motion and muscle where both the note and the draft name
one: a value moved to the other side or another motion is unsupported, while a draft that
names less (or a generic name for a specific one) is not a false alarm."""

from __future__ import annotations

import pytest

from tui.core.checks.verify.verify import verify

NOTE = (
    "O: R shoulder AROM flex 150° (L 175°), abd 140° (L 170°), ER 60°, IR 45°.\n"
    "Grip R 22 kg, L 25 kg. Single-leg stance R 6 s.\n"
)


def _unsupported(draft: str) -> list[tuple[str, object]]:
    return [(fact.kind, fact.value) for fact in verify(NOTE, draft).unsupported]


@pytest.mark.parametrize(
    "draft",
    [
        "Right shoulder AROM: flexion 150° (left 175°); abduction 140° on the right (left 170°); "
        "ER 60°, IR 45°. Grip 22 kg on the right and 25 kg on the left. Single-leg stance 6 s.",
        # less said is no false alarm: no sides, a generic motion for a specific one
        "Shoulder flexion 150° and 175°, abduction 140° and 170°, rotation 60° and 45°. "
        "Grip 22 kg and 25 kg. Single-leg stance 6 s.",
    ],
)
def test_faithful_wordings_are_supported(draft: str) -> None:
    assert _unsupported(draft) == []


@pytest.mark.parametrize(
    ("draft", "value"),
    [
        ("Right shoulder abduction 140°; left abduction 140°.", 140),  # side moved
        ("Right shoulder external rotation 45°.", 45),  # motion moved (IR -> ER)
        ("Grip 25 kg on the right.", 25),  # the other side's value
        ("Single-leg stance 12 s on the left.", 12),  # no such number with seconds in the note
    ],
)
def test_a_value_moved_to_another_side_or_motion_is_unsupported(draft: str, value: object) -> None:
    assert value in [found for _, found in _unsupported(draft)]
