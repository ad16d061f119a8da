"""Round 16 review (b): wrong readings the round's new rules made, each with its twin.

A repetition maximum names the most a patient lifted once; a load said after it with other
words between ("then 3 sets at 45 kg", "from 5 reps at 80 kg") is a training load, never a
second maximum, while the other side's maximum ("R 30 kg, L 25 kg") still is one.
"""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts
from tui.core.drafting.placement import _chained_clauses


def _strengths(text: str) -> list[tuple[str, object, str | None]]:
    return [(f.label, f.value, f.unit) for f in extract_facts(text) if f.kind == "strength"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bench 1RM 60 kg, then 3 sets at 45 kg.", [("bench 1rm", 60, "kg")]),
        ("Estimated 1RM 95 kg from 5 reps at 80 kg.", [("estimated 1rm", 95, "kg")]),
        ("Squat 1RM 100 kg, worked at 70 kg afterwards.", [("squat 1rm", 100, "kg")]),
    ],
)
def test_a_load_after_a_maximum_with_words_between_is_training(
    text: str, expected: list[tuple[str, object, str | None]]
) -> None:
    assert _strengths(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Single-leg press 1RM R 62 kg, L 55 kg.",
        "Single-leg press 1RM right 62 kg / left 55 kg.",
    ],
)
def test_each_sides_maximum_is_still_read(text: str) -> None:
    assert _strengths(text) == [
        ("R single leg press 1rm", 62, "kg"),
        ("L single leg press 1rm", 55, "kg"),
    ]


def test_a_maximum_with_its_earlier_load_keeps_both() -> None:
    assert _strengths("Leg press 1RM 140 kg (was 110 kg).") == [
        ("leg press 1rm", 140, "kg"),
        ("leg press 1rm (previous)", 110, "kg"),
    ]


# -- an offline draft parts a run-on into clauses, never a list said with "and" ----------------


def test_a_list_said_with_and_between_its_items_stays_one_sentence() -> None:
    listed = "she reports pain with stairs, and squatting, and kneeling, and running, and driving"
    assert _chained_clauses(listed) == [listed]
    home = "HEP: bridges, and clamshells, and side planks, and calf raises, and walking daily"
    assert _chained_clauses(home) == [home]
    # twin: clauses of their own in the same chain are still parted
    run_on = (
        "her knee feels better, and her flexion was 112, and we did ther ex, and plan is squats"
    )
    assert _chained_clauses(run_on) == [
        "her knee feels better",
        "her flexion was 112",
        "we did ther ex",
        "plan is squats",
    ]


# -- a side said once after a sentence's values; "all right" is the word "alright" -------------


def _rom_labels(text: str) -> list[str]:
    return [f.label for f in extract_facts(text) if f.kind == "rom"]


def test_all_right_at_a_sentences_end_is_no_side() -> None:
    assert _rom_labels("Knee flexion 120 and extension 0, all right.") == [
        "knee flexion",
        "knee extension",
    ]
    # twins: the side said of them all, with "side" or as a letter, still names it
    assert _rom_labels("Wrist: rad dev 16, uln dev 27 - all right side.") == [
        "R wrist radial deviation",
        "R wrist ulnar deviation",
    ]
    assert _rom_labels("Forearm pronation 80° / supination 72°, all R.") == [
        "R forearm pronation",
        "R forearm supination",
    ]
