"""The gain of a reflex (vestibular notes, issue 12): a ratio after "gain" is read with its
side; a twin that must not be read for every rule."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _gains(text: str) -> list[tuple[float, str]]:
    return [(float(f.value), f.label) for f in extract_facts(text) if "gain" in f.label]  # type: ignore[arg-type]


def test_a_ratio_after_gain_is_read_with_its_side() -> None:
    found = _gains("vHIT: horizontal canal gain R 0.97, L 0.58 with covert saccades.")
    assert [value for value, _ in found] == [0.97, 0.58]
    assert found[0][1].startswith("R") and found[1][1].startswith("L")
    assert _gains("VOR gain (video HIT) left: .72") == [(0.72, "L VOR gain")]


def test_twin_a_gain_in_points_or_kilograms_is_no_ratio() -> None:
    assert _gains("DHI gain of 12 points; weight gain 0.4 kg since eval.") == []
    assert _gains("Gain 2 for gaze stabilization progression.") == []
