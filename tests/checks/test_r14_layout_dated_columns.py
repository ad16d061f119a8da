"""A heading naming this visit's column and a dated or numbered one (round 14, LAYOUT): the
dated column is the earlier visit's, a row's remark after its values keeps the row, and a test
position before a pair moves after it. Twin: two times of one session ("rest / post-exercise")
are no earlier visit.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in


def _read(text: str) -> list[tuple[object, bool]]:
    return [(fact.value, "previous" in fact.label) for fact in facts_in(text)]


def test_a_dated_column_beside_today_is_earlier() -> None:
    text = "T&M (today / PR 03/27):\nBerg 44/56 / 47/56\n6MWT 228 m / 240 m w/ SPC\n"
    assert _read(text) == [(44, False), (47, True), (228, False), (240, True)]


def test_a_position_bracket_before_a_pair_is_moved_after_it() -> None:
    text = "Re-assessment (current | visit 6):\nR ankle DF AROM (knee straight) 8° | 2°\n"
    assert _read(text) == [(8, False), (2, True)]


def test_two_times_of_one_session_are_not_earlier() -> None:
    text = "Vitals (rest / post-exercise):\nSpO2 96% / 92%\n"
    assert _read(text) == [(96, False), (92, False)]
