"""Round 21 review: wrong readings a probe found, each with near-miss twins that must stay read
(a difference between sides, a French girth, a limb's test position, a joint's norm)."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in


def _read(text: str) -> set[tuple[str, float]]:
    return {(f.kind, float(f.value)) for f in facts_in(text) if isinstance(f.value, int | float)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a difference between the sides, named before it: no grip, no range, no girth
        ("Difference R vs L grip 6 kg", 6),
        ("Side-to-side difference in knee flexion: 15 degrees", 15),
        ("Calf girth differential 2.5 cm", 2.5),
        ("Ankle figure-8 R 50 cm; L 53 cm (Diff 3 cm)", 3),
        # a limb's test position, never a range
        ("Hip ER measured in prone with knee bent 90: 40 deg", 90),
        ("Elbow flex 140, forearm supination 80 (elbow at 90)", 90),
        # a joint's norm
        ("Normal knee flexion is 135 deg", 135),
        ("Expected shoulder flexion 180°", 180),
    ],
)
def test_not_read(text: str, value: float) -> None:
    assert value not in {v for _, v in _read(text)}


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Grip difference: R 22 kg, L 28 kg", "strength", 22),
        ("No difference in knee flexion: R 120°, L 118°", "rom", 120),
        ("Ankle figure-8 R 50 cm; L 53 cm (Diff 3 cm)", "girth", 53),
        ("Hip ER measured in prone with knee bent 90: 40 deg", "rom", 40),
        ("Elbow flex 140, forearm supination 80 (elbow at 90)", "rom", 80),
        ("Shoulder flexion within normal limits 170°", "rom", 170),
        ("Knee flex 120°, normal end feel", "rom", 120),
        ("Knee flexion R 120 with knee bent fully", "rom", 120),
        # a French girth (a note with enough French words to be read as French)
        ("Douleur 4/10 au repos.\nPérimètre cuisse gauche 45 cm", "girth", 45),
        ("Douleur 4/10 au repos.\nTour de mollet droit 36,5 cm", "girth", 36.5),
        ("Douleur 4/10 au repos.\nCirconférence cheville gauche 24 cm", "girth", 24),
    ],
)
def test_read(text: str, kind: str, value: float) -> None:
    assert (kind, value) in _read(text)
