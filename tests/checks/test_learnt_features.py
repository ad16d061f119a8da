"""The learnt second opinion's features: the structure around a number, on short strings."""

from __future__ import annotations

from tui.core.checks.learnt.features import Layout, features, number_at


def _of(text: str, number: str, kind: str = "rom", nth: int = 0) -> list[str]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(number, start + 1)
    return features(Layout.of(text), kind, (start, start + len(number)))


def test_a_range_end_and_its_start() -> None:
    text = "Plan:\n- knee flexion 90-45 deg x 10\n"
    assert "s=range_end" in _of(text, "45")
    assert "s=range_start" in _of(text, "90")
    assert "s=range_end" not in _of(text, "90")


def test_a_count_of_a_total_and_a_slash_pair() -> None:
    assert "k=rom|s=of_m" in _of("Student PT, rotation 2 of 3\n", "2")
    assert "s=slash_num" in _of("Berg 41/56\n", "41", "outcome")
    assert "s=slash_den" in _of("Berg 41/56\n", "56", "outcome")
    assert "s=of_m" not in _of("flexion 120 deg\n", "120")


def test_a_table_cell_and_the_row_it_heads() -> None:
    text = "| Test | Today | Prev |\n| TUG | 12.4 s | 15.0 s |\n"
    found = _of(text, "15.0", "outcome")
    assert {"c:cell=3", "c:first=tug", "col=1"} <= set(found)
    assert "c:cell=2" in _of(text, "12.4", "outcome")


def test_the_section_is_the_last_heading_above() -> None:
    text = "OBJECTIVE\nflexion 120\nGoals:\nflexion 130\n"
    assert "sec=objective" in _of(text, "120")
    assert "sec=goals" in _of(text, "130")


def test_digits_beside_the_number_are_folded() -> None:
    assert "b2=00 -" in _of("flex 90-45\n", "45")


def test_the_number_of_a_reading_is_its_value_inside_its_span() -> None:
    text = "R knee flex 0-115 deg"
    assert number_at(text, (0, len(text)), 115) == (14, 17)
    assert number_at(text, (0, len(text)), -5) == (14, 17)  # no such token: the last one
