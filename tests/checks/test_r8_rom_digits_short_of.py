"""Range of motion read as a clinician does (issue 12, round 8): a deficit said after its angle
("R 40 deg short of full knee ext") is a deficit, never a flexion of 40; the fingers named after a
joint ("band across MCP 2-3") are digits, never a range. Twins: a range starting at 0, "short
arc quads" and "short of goal" keep their readings."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _rom(line: str) -> list[tuple[float, bool]]:
    return [
        (fact.value, "deficit" in fact.label)  # type: ignore[misc]
        for fact in extract_facts(line)
        if fact.kind == "rom"
    ]


def test_a_deficit_said_after_its_angle_is_a_deficit() -> None:
    line = "Popliteal angle R 40 deg short of full knee ext, L 30 deg short."
    assert _rom(line) == [(40, True), (30, True)]
    assert _rom("Knees: R stops 20° shy of full extension, L 15° from full extension.") == [
        (20, True),
        (15, True),
    ]


def test_twin_short_arc_and_short_of_goal_are_no_deficit() -> None:
    assert _rom("Knee flexion 120° short arc quads x10.") == [(120, False)]
    assert (10, True) not in _rom("Knee flex 95°, 10° short of goal.")


def test_fingers_after_a_joint_are_digits() -> None:
    assert _rom("O) Scar: hypertrophic band across MCP 2-3, blanching.") == []
    assert _rom("Scar thickened over PIP 4-5, mild adherence.") == []


def test_twin_a_range_from_zero_is_read() -> None:
    assert (85, False) in _rom("MCP 0-85, PIP 10-95.")
