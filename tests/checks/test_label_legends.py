"""Values written as a list with a legend that names each position: sides ("Measurements (R /
L):" over rows, "grip 52/38 lb R/L", "(R | L): 4/5 | 5/5") and timepoints ("(then/now)",
"initial vs current"); a timepoint word before a list holds for every value of it. Twins: a
legend of trials or motions names no side or timepoint, a grade or a rating out of its maximum
is one value, and a legend is read only in its own block."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in


def _read(text: str, kind: str) -> list[tuple[object, str, bool]]:
    """Each fact of a kind as (value, side, earlier)."""
    found = []
    for fact in facts_in(text, kind):
        words = fact.label.split()
        side = "R" if "R" in words else "L" if "L" in words else ""
        found.append((fact.value, side, "(previous)" in fact.label))
    return found


@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        (
            "Strength (Lt / Rt):\n  Grip dynamometer: 24.5 kg / 18.0 kg\n"
            "  3-point pinch: 5.5 kg / 4.0 kg\n",
            "strength",
            [(24.5, "L", False), (18.0, "R", False), (5.5, "L", False), (4.0, "R", False)],
        ),
        (
            "Elbow flexion AROM: 130° / 145°\nBlock two (R / L):\n",
            "rom",
            [(130, "", False), (145, "", False)],
        ),
        (
            "Pinch (R / L):\n\nKey pinch: 6.0 kg / 7.5 kg\n",
            "strength",
            [(6.0, "", False), (7.5, "", False)],
        ),
    ],
)
def test_a_heading_legend_names_the_sides_of_its_block_only(
    text: str, kind: str, wanted: list[tuple[object, str, bool]]
) -> None:
    assert _read(text, kind) == wanted


@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        ("Grip 61/44 lbs R/L today.", "strength", [(61, "R", False), (44, "L", False)]),
        ("Shoulder abd AROM 160/95 deg L/R.", "rom", [(160, "L", False), (95, "R", False)]),
        (
            "Key muscles (L | R): hip flexors 4/5 | 3+/5",
            "mmt",
            [("4", "L", False), ("3+", "R", False)],
        ),
        # twin: a grade out of its maximum is one value, not a list
        ("Wrist ext MMT 4/5 R, 5/5 L.", "mmt", [("4", "R", False), ("5", "L", False)]),
    ],
)
def test_a_legend_after_or_before_a_list_names_each_value(
    text: str, kind: str, wanted: list[tuple[object, str, bool]]
) -> None:
    assert _read(text, kind) == wanted


@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        ("Hip flexion (before/after): 100° / 115°.", "rom", [(100, "", True), (115, "", False)]),
        (
            "Shoulder ER at eval vs today: 20° vs 45°.",
            "rom",
            [(20, "", True), (45, "", False)],
        ),
        (
            "Ankle DF R / L: initial -4° / 2°, now 8° / 10°.",
            "rom",
            [(4, "R", True), (2, "L", True), (8, "R", False), (10, "L", False)],
        ),
        # twin: a legend of motions names no timepoint
        ("Hip flex / ext (deg): 105° / 10°.", "rom", [(105, "", False), (10, "", False)]),
        # twin: trials name no side; the row's own side holds for the list
        (
            "Trials (1st / 2nd):\n  Grip L: 20.0 kg / 21.5 kg\n",
            "strength",
            [(20.0, "L", False), (21.5, "L", False)],
        ),
    ],
)
def test_a_timepoint_legend_or_word_before_a_list(
    text: str, kind: str, wanted: list[tuple[object, str, bool]]
) -> None:
    assert _read(text, kind) == wanted
