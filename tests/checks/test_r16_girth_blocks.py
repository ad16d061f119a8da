"""Round 16 (GIRTH): a girth heading names the kind of the landmark rows under it
(layouts/girth_blocks.py). Each rule with the readings it must make and those it must not: the
landmark and its distance are never values, each value has its own side (written before it, its
column's, its place in the heading's legend, or the heading's one side), a column of no side (a
difference) holds no girth, and a row in another unit (a volume, a percent excess) ends the block.
"""

from __future__ import annotations

from tests.checks.test_r13_review_billing import HEADER
from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact


def _facts(body: str) -> list[Fact]:
    return extract_facts(HEADER + body)


def _girths(body: str) -> list[tuple[float, str]]:
    """Each girth as (value, sides its label names)."""
    found = []
    for fact in _facts(body):
        if fact.kind == "girth":
            words = fact.label.split()
            sides = "".join(side for side in ("R", "L") if side in words)
            found.append((float(fact.value), sides))
    return found


def _values(body: str) -> list[float]:
    return [float(fact.value) for fact in _facts(body) if isinstance(fact.value, int | float)]


LANDMARK_ROWS = (
    "O: Circumference, from medial malleolus, tape every 4 cm; key points:\n"
    "  Ankle (0 cm): L 24.6 cm, R 22.1 cm\n"
    "  12 cm: L 31.8 cm, R 27.0 cm\n"
    "  24 cm (mid-calf): L 40.2 cm, R 35.9 cm\n"
)


def test_rows_under_a_girth_heading_are_girths_with_their_sides() -> None:
    assert _girths(LANDMARK_ROWS) == [
        (24.6, "L"),
        (22.1, "R"),
        (31.8, "L"),
        (27.0, "R"),
        (40.2, "L"),
        (35.9, "R"),
    ]


def test_a_rows_landmark_distance_is_never_a_value() -> None:
    values = _values(LANDMARK_ROWS)
    for distance in (0, 4, 12, 24):
        assert distance not in values


def test_twin_rows_at_a_distance_written_with_an_at_sign() -> None:
    body = (
        "O: Girth - serial tape, 0 = ulnar styloid, every 10 cm proximal\n"
        "  @ 0 cm     R 17.9   L 16.2\n"
        "  @ 10 cm    R 23.6   L 21.0\n"
    )
    assert _girths(body) == [(17.9, "R"), (16.2, "L"), (23.6, "R"), (21.0, "L")]
    assert 10 not in _values(body) and 0 not in _values(body)


def test_a_heading_name_from_the_data_opens_a_block() -> None:
    body = (
        "O: Limb measurements (cm):\n"
        "  MTP heads - L 25.2, R 24.0\n"
        "  Figure-of-8 ankle - L 57.5, R 54.1\n"
        "  15 cm below knee jt line - L 41.6, R 38.3\n"
    )
    assert _girths(body) == [
        (25.2, "L"),
        (24.0, "R"),
        (57.5, "L"),
        (54.1, "R"),
        (41.6, "L"),
        (38.3, "R"),
    ]
    assert not {8, 15} & set(_values(body))


def test_columns_named_by_a_header_line_give_each_value_its_side() -> None:
    body = (
        "O: GIRTH (cm), 0 = superior pole of patella, - distal / + proximal\n"
        "      Right   Left\n"
        "-30   33.8    30.2\n"
        "0     43.1    40.6\n"
        "+10   49.7    47.0\n"
    )
    assert _girths(body) == [
        (33.8, "R"),
        (30.2, "L"),
        (43.1, "R"),
        (40.6, "L"),
        (49.7, "R"),
        (47.0, "L"),
    ]
    assert not {-30, 30, 10} & set(_values(body))


def test_twin_a_pipe_table_whose_diff_column_is_no_girth() -> None:
    body = (
        "O: Edema measurements\n"
        "Site | Right (cm) | Left (cm) | Diff (cm)\n"
        "MCP | 19.0 | 20.4 | 1.4\n"
        "10 cm prox to olecranon | 29.5 | 32.6 | 3.1\n"
    )
    assert _girths(body) == [(19.0, "R"), (20.4, "L"), (29.5, "R"), (32.6, "L")]
    assert 10 not in _values(body)


def test_a_legend_in_the_heading_gives_each_place_its_side() -> None:
    body = (
        "O: Hand edema, R (involved) / L:\n"
        "  Figure-of-8: 46.2 / 43.8 cm\n"
        "  Web space: 21.5 / 20.0 cm\n"
    )
    assert _girths(body) == [(46.2, "R"), (43.8, "L"), (21.5, "R"), (20.0, "L")]
    assert 8 not in _values(body)


def test_twin_one_side_in_the_heading_is_every_rows_side() -> None:
    body = (
        "O: Circumferences L UE for pressure garment (cm), from wrist crease:\n"
        "  wrist crease ... 12.6\n"
        "  5 cm ... 14.1\n"
        "  10 cm ... 16.3\n"
    )
    assert _girths(body) == [(12.6, "L"), (14.1, "L"), (16.3, "L")]
    assert not {5, 10} & set(_values(body))


def test_a_volume_row_ends_the_block_and_is_no_girth() -> None:
    body = (
        LANDMARK_ROWS
        + "Limb volume (truncated cone, 0-24 cm): L 7120 mL, R 5985 mL. Excess 19.0%.\n"
    )
    girths = [value for value, _ in _girths(body)]
    assert 7120 not in girths and 5985 not in girths and 19.0 not in girths
    assert 24 not in _values(body)  # the table's mark named again: a position


def test_a_difference_between_the_sides_is_no_row() -> None:
    body = (
        "O: Effusion - circumferential:\n"
        "  mid-patella: R 45.5 cm | L 41.0 cm\n"
        "  R > L by 4.5 cm at mid-patella.\n"
    )
    assert _girths(body) == [(45.5, "R"), (41.0, "L")]
    body = "O: Limb measurements (cm):\n  calf - L 41.6, R 38.3\n  L > R by 3.3 cm at the calf.\n"
    assert 3.3 not in [value for value, _ in _girths(body)]


def test_words_after_a_rows_values_start_another_clause() -> None:
    body = "O: Edema measurements\n\nMCP: Right 19.0 cm, Left 20.4 cm, change of 1.4 cm.\n"
    assert _girths(body) == [(19.0, "R"), (20.4, "L")]


def test_a_line_with_its_own_girth_word_is_no_row_of_the_block() -> None:
    body = (
        "- Hand edema, R (involved) / L:\n"
        "- Wrist crease: 17.1 / 16.4 cm\n"
        "- Digit circumference R at PIP: D4 7.1 cm, D5 6.3 cm (L D4 6.4 cm, D5 5.8 cm).\n"
    )
    girths = _girths(body)
    assert (17.1, "R") in girths and (16.4, "L") in girths
    assert (6.3, "L") not in girths  # the digit line names its own sides


def test_a_heading_with_a_value_of_its_own_opens_no_block() -> None:
    body = "O: Calf girth R 38.5 cm, L 36.0 cm.\n  Knee flex 0-95 deg.\n"
    assert (95.0, "") not in _girths(body)
    body = "O: Swelling reduced.\nGrip R 22.5 kg, L 30.1 kg.\n"
    assert _girths(body) == []


def test_a_side_written_after_its_value_is_that_values() -> None:
    body = "O: Calf circumference\n  +10 cm: 36.2 (R) 34.0 (L)\n  +20 cm: 40.1 R, 38.5 L\n"
    assert _girths(body) == [(36.2, "R"), (34.0, "L"), (40.1, "R"), (38.5, "L")]
    assert not {10, 20} & set(_values(body))


def test_a_column_headed_by_an_earlier_time_holds_earlier_girths() -> None:
    body = (
        "Circumferential measurements (cm), every 4 cm from ulnar styloid:\n"
        "  point      L (inv)   R      L at eval\n"
        "  0 cm        17.2    15.9    18.6\n"
        "  8 cm        22.4    20.1    24.9\n"
    )
    earlier = [f.value for f in _facts(body) if f.kind == "girth" and "previous" in f.label]
    assert earlier == [18.6, 24.9]
    assert _girths(body)[:2] == [(17.2, "L"), (15.9, "R")]


def test_a_heading_that_opens_no_block_keeps_its_own_numbers() -> None:
    body = "O: Knee girth 42 cm L, 40 cm R.\nKnee flex 0-95.\n"
    assert (42.0, "L") in _girths(body) and (40.0, "R") in _girths(body)


def test_a_sentence_naming_a_swelling_is_no_heading() -> None:
    body = (
        "Pain: denies. C/o bilat ankle swelling; 2+ pitting edema bilat ankles.\nGait: 40 ft x2.\n"
    )
    assert _girths(body) == []
    body = (
        "Reason: new L knee swelling and decline in function.\nInterval hx: LEFS 41 at visit 6.\n"
    )
    assert _girths(body) == []


def test_twin_a_heading_opened_by_its_girth_word_or_ended_by_a_colon() -> None:
    rows = "  MTP: R 24.0, L 25.2\n  ankle: R 22.1, L 24.6\n"
    expected = [(24.0, "R"), (25.2, "L"), (22.1, "R"), (24.6, "L")]
    assert _girths("O: Girth, tape at 0 and 10 cm from floor\n" + rows) == expected
    assert _girths("Re-measured both feet for the new garment, tape in cm:\n" + rows) == []
    assert _girths("Re-measured both feet for the new garment, girth in cm:\n" + rows) == expected


def test_words_between_a_landmark_and_its_value_make_no_row() -> None:
    body = (
        "--- PEROMETER 400NT PRINTOUT ---\n"
        "Measured 24-Jan 09:12   Operator: MLA   Segment: wrist to 40 cm\n"
    )
    assert _girths(body) == []


def test_a_read_out_tables_bracketed_column_names_before_values() -> None:
    body = (
        "Objective comparison\n"
        "                      Visit 1        Today\n"
        "L hip abd MMT         3/5            4/5\n"
        "Residual limb circ \n"
        "  (10 cm below MTP)   32.5 cm        30.8 cm\n"
    )
    girths = {f.value: f.label for f in _facts(body) if f.kind == "girth"}
    assert "previous" in girths[32.5] and "previous" not in girths[30.8]
    assert 10 not in _values(body)


def test_a_row_that_is_the_difference_of_an_earlier_rows_sides_is_no_girth() -> None:
    body = (
        "O: Girth measurements:\n"
        "  Joint line            R 41.0 cm    L 38.5 cm\n"
        "  10 cm above patella   R 46.5 cm    L 47.0 cm\n"
        "  Difference at joint line 2.5 cm\n"
    )
    assert 2.5 not in [value for value, _ in _girths(body)]
    assert len(_girths(body)) == 4


def test_twin_a_column_of_differences_under_a_header_naming_no_difference() -> None:
    body = (
        "O: Edema measurements\n"
        "Location        Right   Left   Difference\n"
        "Ankle fig-8     52.0    49.5   2.5\n"
        "Mid-calf        36.5    35.0   1.5\n"
    )
    assert _girths(body) == [(52.0, "R"), (49.5, "L"), (36.5, "R"), (35.0, "L")]


def test_a_figure_of_8_abbreviated_is_a_girths_name_never_a_value() -> None:
    body = (
        "O: Edema measurements (cm)\n"
        "Site             Today    Eval\n"
        "R ankle fig-8    52.1     54.0\n"
    )
    assert 8 not in _values(body)
    assert (52.1, "R") in _girths(body)
