"""A transcript that says its decimals and pressures aloud ("twelve point six seconds", "one
forty over ninety") is a dictation, so its framing goes; typed notes with "point" in their words
are not."""

from __future__ import annotations

from tui.core.drafting.dictation import is_dictated


def test_spoken_decimal_or_pressure_marks_a_dictation() -> None:
    assert is_dictated("Gait speed was zero point eight meters per second on the walkway.")
    assert is_dictated("Blood pressure one forty over ninety sitting.")


def test_twin_typed_points_are_no_dictation() -> None:
    assert not is_dictated("Point tenderness over L ASIS; 5 point scale used; at this point ok.")
    assert not is_dictated("BP 140/90 sitting, TUG 12.6 s.")
