"""A rating scale's range names the scale, never a rating (measures/scale_bounds.py); the rating
beside it is read, and a rating's own range or a joint's range stays what it was."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _read(text: str) -> list[tuple[str, object]]:
    return [(fact.kind, fact.value) for fact in extract_facts(text)]


def test_a_line_naming_the_scale_holds_no_rating() -> None:
    assert _read("Pain Scale: NPRS 0-10\n") == []
    assert _read("Pain Assessment Tool: Numeric Rating Scale 0-10\n") == []


def test_the_rating_after_a_scale_heading_is_read() -> None:
    assert _read("Dizziness (0-10): 4\n") == [("other", 4)]
    assert _read("Nausea 0 to 10: 2 after VOR\n") == [("other", 2)]
    assert _read("NPRS (0-10): 4\n") == [("pain", 4)]


def test_a_rating_placed_on_the_scale_is_read() -> None:
    facts = extract_facts("Fatigue rated 6 on a 0-10 scale.\n")
    assert [(fact.kind, fact.value, fact.unit) for fact in facts] == [("other", 6, "/10")]


def test_a_borg_range_in_brackets_is_no_value() -> None:
    assert _read("RPE 13 (Borg 6-20) at end of bout.\n") == [("other", 13)]


def test_a_visual_scale_is_read_past_its_length() -> None:
    facts = extract_facts("Pain VAS 0-100 mm: 38 mm today (52 mm at IE).\n")
    assert [(fact.kind, fact.value, fact.label) for fact in facts] == [
        ("pain", 38, "pain VAS"),
        ("pain", 52, "pain VAS (previous)"),
    ]


def test_twins_a_rating_range_and_a_joint_range_stay() -> None:
    assert _read("Pain 2-3/10 at rest.\n") == [("pain", 2), ("pain", 3)]
    assert ("rom", 112) in _read("R knee AROM 0-112°.\n")
    assert _read("Dyspnea 0-10: 3 min\n") == []
