"""Round 17 (GIRTH): residual-limb girths at a landmark's signed offset ("IT+5 cm  48.5 cm"),
and the earlier girths a dated row or bracket gives for the same positions. Each rule with the
readings it must make and those it must not: the offset is never a value, today's girths are
not earlier, the earlier ones are.
"""

from __future__ import annotations

from tests.checks.test_r13_review_billing import HEADER
from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact


def _facts(body: str) -> list[Fact]:
    return extract_facts(HEADER + body)


def _girths(body: str) -> dict[float, bool]:
    """Each girth's value -> whether its label says it is earlier."""
    return {
        float(fact.value): "previous" in fact.label
        for fact in _facts(body)
        if fact.kind == "girth" and isinstance(fact.value, int | float)
    }


def _values(body: str) -> set[float]:
    return {float(fact.value) for fact in _facts(body) if isinstance(fact.value, int | float)}


SIGNED_CELLS = (
    "Residual limb circumference (tape, from ischial tuberosity):\n"
    "  IT+5 cm  48.5 cm | IT+10 cm  46.0 cm | IT+15 cm  42.5 cm | IT+20 cm  37.0 cm\n"
    "  Residual limb length, IT to distal end: 24 cm.   (02/26: 49.5 / 47.5 / 44.0 / 39.0)\n"
)


def test_signed_offsets_are_positions_and_their_cells_girths() -> None:
    girths = _girths(SIGNED_CELLS)
    for today in (48.5, 46.0, 42.5, 37.0):
        assert girths.get(today) is False
    values = _values(SIGNED_CELLS)
    for offset in (5.0, 10.0, 15.0, 20.0):
        assert offset not in values


def test_a_dated_bracket_after_the_table_holds_the_earlier_girths() -> None:
    girths = _girths(SIGNED_CELLS)
    for earlier in (49.5, 47.5, 44.0, 39.0):
        assert girths.get(earlier) is True


def test_a_dated_bracket_of_another_count_is_not_read_as_earlier_girths() -> None:
    body = SIGNED_CELLS.replace("49.5 / 47.5 / 44.0 / 39.0", "49.5 / 47.5")
    assert 49.5 not in _girths(body)


def test_a_row_named_by_an_earlier_visit_holds_earlier_girths() -> None:
    body = (
        "Residual limb girth (tape, from patellar tendon):\n"
        "  PT-4 cm  31.0 cm | PT-8 cm  29.5 cm | PT-12 cm  27.0 cm\n"
        "  Prior (12/29): 32.0 / 30.5 / 28.0\n"
    )
    girths = _girths(body)
    assert [girths.get(v) for v in (31.0, 29.5, 27.0)] == [False, False, False]
    assert [girths.get(v) for v in (32.0, 30.5, 28.0)] == [True, True, True]
    assert not {4.0, 8.0, 12.0} & _values(body)


def test_glued_offsets_with_a_bracket_of_last_week() -> None:
    body = (
        "Stump circumference measured from the greater trochanter, supine:\n"
        "GT+6cm 51.5cm ; GT+12cm 49.0cm ; GT+18cm 45.5cm\n"
        "(last week 52.5, 50.0, 46.5)\n"
    )
    girths = _girths(body)
    assert [girths.get(v) for v in (51.5, 49.0, 45.5)] == [False, False, False]
    assert [girths.get(v) for v in (52.5, 50.0, 46.5)] == [True, True, True]
    assert not {6.0, 12.0, 18.0} & _values(body)


def test_a_lower_case_word_before_a_dash_is_no_landmark_abbreviation() -> None:
    body = "Circumference - Thigh - 10 cm proximal - Left | 47.0 | cm\nCalf girth | 38.0 | cm\n"
    assert 47.0 in _girths(body)
    assert 10.0 not in _values(body)


def test_a_side_difference_is_no_girth() -> None:
    body = (
        "Circumference measured; swelling 2 cm greater on R.\nFigure-of-8 R 54.0 cm, L 52.0 cm.\n"
    )
    girths = _girths(body)
    assert 54.0 in girths and 52.0 in girths
    assert 2.0 not in girths


def test_values_left_of_their_headings_keep_their_columns() -> None:
    body = (
        "Circumference:        R          L\n"
        "  MCP           19.5       18.9\n"
        "  wrist         16.8       16.0\n"
    )
    facts = [f for f in _facts(body) if f.kind == "girth"]
    sides = {float(f.value): f.label.split()[0] for f in facts if isinstance(f.value, float)}
    assert sides == {19.5: "R", 18.9: "L", 16.8: "R", 16.0: "L"}


def test_a_girth_caption_without_a_unit_gives_centimetres() -> None:
    body = (
        "Girth measurements:\n"
        "Location                 Right      Left\n"
        "Figure-8                 51.0       54.5\n"
        "Mid-calf                 34.0       35.5\n"
    )
    facts = [f for f in _facts(body) if f.kind == "girth"]
    assert {(f.value, f.unit) for f in facts} == {
        (51.0, "cm"),
        (54.5, "cm"),
        (34.0, "cm"),
        (35.5, "cm"),
    }
    assert 8.0 not in _values(body)


def test_an_edema_table_of_grades_takes_no_centimetres() -> None:
    body = (
        "Edema:\n"
        "Location        Right      Left\n"
        "Mid-calf        2+         1+\n"
        "Ankle           1+         trace\n"
    )
    assert not [f for f in _facts(body) if f.kind == "girth"]
