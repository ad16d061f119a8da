"""Grids of an instrument's items (round 12, LAYOUT): under a heading naming an instrument scored
per item and its time points, each row's scores are the item's, the earlier ones previous, and a
goal column's are targets. Each reading has a twin that must not be read: scores whose time the
layout does not say, and items under a heading of goals.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in


def _outcomes(text: str) -> list[tuple[object, str]]:
    return [(fact.value, fact.label) for fact in facts_in(text, "outcome")]


def test_an_arrowed_fim_grid_gives_each_item_and_its_admission_score() -> None:
    text = "FIM (admit -> today):\n Transfers toilet   2 -> 3\n Stairs   1 -> 2\n"
    assert _outcomes(text) == [
        (2, "FIM Transfers toilet (previous)"),
        (3, "FIM Transfers toilet"),
        (1, "FIM Stairs (previous)"),
        (2, "FIM Stairs"),
    ]


def test_a_drawn_arrow_and_bullets_read_the_same() -> None:
    text = "FIM, admission \u2192 discharge:\n- Eating: 4 \u2192 6\n"
    assert _outcomes(text) == [(4, "FIM Eating (previous)"), (6, "FIM Eating")]


def test_a_goal_column_is_never_a_score() -> None:
    text = "FIM (SOC / today / goal):\n Tub transfer   1  2  5\n"
    assert _outcomes(text) == [(1, "FIM Tub transfer (previous)"), (2, "FIM Tub transfer")]


def test_one_score_a_line_with_the_earlier_in_brackets() -> None:
    text = "PSFS today:\n  Gardening - 4 (initial 1)\n  Stairs 7\n"
    assert _outcomes(text) == [
        (4, "PSFS Gardening"),
        (1, "PSFS Gardening (previous)"),
        (7, "PSFS Stairs"),
    ]


def test_two_scores_with_no_time_points_are_not_read() -> None:
    assert _outcomes("FIM:\n Bed/chair transfer    3   5\n") == []


def test_items_under_a_heading_of_goals_are_targets() -> None:
    assert _outcomes("PSFS goals at 8 weeks:\n  Fastening bra  9\n") == []


def test_a_total_beyond_an_item_ends_the_grid() -> None:
    text = "FIM (admit -> today):\n Stairs  1 -> 2\nMotor FIM total 38 -> 55.\n"
    labels = [label for _, label in _outcomes(text)]
    assert "FIM Stairs" in labels
    assert not any("total" in label and "Stairs" in label for label in labels)


def test_a_sentence_naming_the_instrument_heads_no_grid() -> None:
    assert _outcomes("Discussed COPM with pt\nReturn to work 3 days/wk\n") == []
