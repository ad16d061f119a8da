"""Earlier values told by the layout they are written in (tui/core/checks/measures/attribution.py,
carried.py, columns.py, aligned.py): a copied block under a marker written in square brackets,
a bracket opened by a month and a colon, a table column headed by an earlier timepoint with a
date in it, a dated column repeating a side, and a list of values after an earlier-timepoint
word. Each class has a twin that must stay this visit's."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in, one_fact


def _label(text: str, kind: str, value: object) -> str:
    return one_fact(text, kind, value).label


_BRACKET_COPY = (
    "Daily note, visit 9.\n"
    "[Pulled forward from the note of 03/04/2027 - no edits]\n"
    "Seated program done. Pain 4/10 after. Vitals: BP 138/84, HR 81.\n"
    "[end of copied text]\n"
    "Today: BP 124/76, HR 70. Pain 2/10.\n"
)
_BRACKET_REMARK = (
    "Daily note, visit 9.\n[pt arrived 10 min late]\nVitals: BP 138/84, HR 81. Pain 4/10.\n"
)


@pytest.mark.parametrize(
    ("kind", "value", "previous"),
    [
        ("other", "138/84", True),
        ("other", 81, True),
        ("pain", 4, True),
        ("other", "124/76", False),
        ("other", 70, False),
        ("pain", 2, False),
    ],
)
def test_a_marker_in_square_brackets_opens_a_copied_block(
    kind: str, value: object, previous: bool
) -> None:
    assert ("previous" in _label(_BRACKET_COPY, kind, value)) is previous


@pytest.mark.parametrize(("kind", "value"), [("other", "138/84"), ("other", 81), ("pain", 4)])
def test_a_bracketed_remark_that_copies_nothing_opens_no_block(kind: str, value: object) -> None:
    assert "previous" not in _label(_BRACKET_REMARK, kind, value)


def test_a_bracket_opened_by_a_month_and_a_colon_holds_an_earlier_value() -> None:
    text = "Balance: Berg 47/56 (Sept: 39/56), no device.\n"
    assert "previous" in _label(text, "outcome", 39)
    assert "previous" not in _label(text, "outcome", 47)


def test_a_bracket_with_a_side_is_no_timepoint() -> None:
    text = "Hip abduction MMT 4/5 (R), 4+/5 (L) in sidelying; 6 weeks post-op.\n"
    grades = {fact.value: fact.label for fact in facts_in(text) if fact.kind == "mmt"}
    assert "previous" not in grades["4"]
    assert "previous" not in grades["4+"]


def test_the_week_since_surgery_dates_this_visit() -> None:
    text = "(Wk 6 post-op) R knee flexion AROM 112°, extension -3°. Pain 3/10.\n"
    assert "previous" not in _label(text, "rom", 112)
    assert "previous" not in _label(text, "pain", 3)


_DATED_BASELINE = (
    "| Task | Starting point (Aug 2027) | This session |\n"
    "|---|---|---|\n"
    "| Buttons on a shirt (s) | 95 s | 61 s |\n"
    "| Knee flexion AROM R | 92° | 118° |\n"
)


def test_a_baseline_column_with_a_date_holds_earlier_values() -> None:
    text = _DATED_BASELINE.replace("Starting point", "Baseline")
    assert "previous" in _label(text, "rom", 92)
    assert "previous" not in _label(text, "rom", 118)


def test_a_dated_column_that_names_no_earlier_timepoint_stays_as_it_was() -> None:
    # "Starting point (Aug 2027)" is not a word for an earlier value: the last dated column
    # reads as this visit's, exactly as before
    assert "previous" not in _label(_DATED_BASELINE, "rom", 118)


_SIDES_AND_WEEK = (
    "| Elbow AROM | Left (operated) | Right | Left at week 3 |\n"
    "|---|---|---|---|\n"
    "| Flexion | 128° | 145° | 104° |\n"
)


def test_a_dated_column_that_repeats_a_side_holds_that_sides_earlier_values() -> None:
    assert "previous" in _label(_SIDES_AND_WEEK, "rom", 104)
    assert "previous" not in _label(_SIDES_AND_WEEK, "rom", 128)
    assert "previous" not in _label(_SIDES_AND_WEEK, "rom", 145)


def test_a_dated_column_beside_dated_columns_only_is_still_the_latest() -> None:
    text = "| Elbow AROM | Week 3 | Week 7 |\n|---|---|---|\n| L flexion | 104° | 128° |\n"
    assert "previous" in _label(text, "rom", 104)
    assert "previous" not in _label(text, "rom", 128)


def test_a_list_of_sides_after_an_earlier_timepoint_is_earlier_for_every_side() -> None:
    text = (
        "| Test | Initial | Now |\n|---|---|---|\n"
        "| Knee ext MMT R / L | 3+/5 / 4-/5 | 4/5 / 5/5 |\n"
    )
    grades = {fact.value: fact.label for fact in facts_in(text) if fact.kind == "mmt"}
    assert "previous" in grades["3+"]
    assert "previous" in grades["4-"]
    assert "previous" not in grades["4"]
    assert "previous" not in grades["5"]


_PRINTED = (
    "CLINIC FLOWSHEET (plain-text print)\n"
    "PARAMETER                 RESULT      LAST VISIT   COMMENT\n"
    "Knee flexion AROM R       118°        102°         end-range pain\n"
    "Berg Balance Scale        47/56       41/56\n"
    "Pain (NRS)                2/10        5/10         after stairs\n"
)
# The same lines with no heading that names a time: read as written, nothing made earlier.
_SPACED_PROSE = (
    "Exercises done today, in this order:\n"
    "Knee flexion AROM R       118°        after warm-up\n"
    "Berg Balance Scale        47/56       no device\n"
)


@pytest.mark.parametrize(
    ("kind", "value", "previous"),
    [
        ("rom", 118, False),
        ("rom", 102, True),
        ("outcome", 47, False),
        ("outcome", 41, True),
        ("pain", 2, False),
        ("pain", 5, True),
    ],
)
def test_a_fixed_width_print_reads_its_earlier_column(
    kind: str, value: object, previous: bool
) -> None:
    assert ("previous" in _label(_PRINTED, kind, value)) is previous


@pytest.mark.parametrize(("kind", "value"), [("rom", 118), ("outcome", 47)])
def test_spaced_lines_without_a_timed_heading_stay_this_visits(kind: str, value: object) -> None:
    assert "previous" not in _label(_SPACED_PROSE, kind, value)


def test_values_set_apart_by_bars_pair_with_a_list_of_sides() -> None:
    text = "Hip abd MMT R/L: 4/5 | 3+/5 today. Pinch R/L 6 | 4 kg.\n"
    grades = {fact.value: fact.label for fact in facts_in(text) if fact.kind == "mmt"}
    assert grades == {"4": "R hip abduction", "3+": "L hip abduction"}
    pinch = {fact.value: fact.label for fact in facts_in(text) if fact.kind == "strength"}
    assert pinch == {6: "R pinch", 4: "L pinch"}


def test_a_bar_after_a_single_grade_pairs_nothing() -> None:
    # one grade, then a bar and a rating: no list of sides to pair with
    text = "Hip abd MMT 4/5 | pain 3/10 with resisted abduction.\n"
    assert "R" not in one_fact(text, "mmt", "4").label.split()
    assert one_fact(text, "pain", 3).kind == "pain"
