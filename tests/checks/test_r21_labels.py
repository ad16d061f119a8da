"""Round 21, LABELS: an earlier time a heading or a legend names, carried to every value it
covers. A time-pair heading dated with a year or after a scale's range, rows ending on a remark,
names ending in a digit and cells holding side pairs; a legend's bracket holding a list or a
remark; an instrument heading's domain lines with today's and the earlier value; a Section GG
table whose value column is headed "Code"; OASIS items under a dated column. Each with the twin
that must not be read so (a session's two times, a goal column, a bracket of goals)."""

from __future__ import annotations

import time

from tests.checks.conftest import facts_in
from tui.core.checks.layouts import time_pairs


def _labels(text: str, kind: str | None = None) -> list[tuple[object, str]]:
    return [(fact.value, fact.label) for fact in facts_in(text, kind)]


def _previous(text: str, kind: str | None = None) -> dict[object, bool]:
    return {fact.value: fact.label.endswith("(previous)") for fact in facts_in(text, kind)}


# -- a time-pair heading with a dated column ----------------------------------------------------

DATED = """Tests and measures (Dec 04 2123 | today)
  T25FW (avg of 2)           6.8 s     | 8.9 s (trials 9.1 and 8.7)
  MFIS                       38        | 44
  Mini-BESTest              22/28      | 18/28
  L hip flexion MMT          4/5       | 3+/5
"""


def test_a_dated_column_beside_today_makes_its_values_previous() -> None:
    found = _previous(DATED)
    assert found[6.8] and not found[8.9]
    assert found[38] and not found[44]
    assert found[22] and not found[18]
    assert found["4"] and not found["3+"]


def test_a_heading_naming_a_session_s_two_times_makes_nothing_previous() -> None:
    text = "Vitals (rest | post-walk)\n  HR   74 bpm  | 102 bpm\n  SpO2  97 %  | 95 %\n"
    assert not any(label.endswith("(previous)") for _, label in _labels(text))


def test_a_goal_column_is_no_reading() -> None:
    text = "Balance (today | goal)\n  TUG   11.4 s   | 10.0 s\n  FGA   19/30    | 22/30\n"
    values = [value for value, _ in _labels(text, "outcome")]
    assert 11.4 in values and 19 in values
    assert 10.0 not in values and 22 not in values


def test_a_cell_between_bars_holds_a_side_pair_of_its_column() -> None:
    text = "Measures (Oct 12 2134 | today)\n  9HPT R / L   22.0 / 26.4 s  | 24.1 / 31.6 s\n"
    found = _previous(text, "outcome")
    assert found[22.0] and found[26.4]
    assert not found[24.1] and not found[31.6]


def test_a_row_of_two_values_without_a_time_heading_is_left_as_written() -> None:
    text = "Tests and measures (Dec 04 2123)\n  MFIS   38 | 44\n"
    assert not any(label.endswith("(previous)") for _, label in _labels(text))


# -- the scale's range before the columns, a domain list under an instrument heading -------------

AMS = """Active Movement Scale, L (0-7; today / visit 1 on 01/13):
  shoulder abduction 4 / 2
  shoulder ER 2 / 0
  wrist/finger extension 7 / 6
"""


def test_domain_lines_read_today_and_the_earlier_visit() -> None:
    found = _labels(AMS, "outcome")
    assert (4, "Active Movement Scale shoulder abduction") in found
    assert (2, "Active Movement Scale shoulder abduction (previous)") in found
    assert (0, "Active Movement Scale shoulder ER (previous)") in found
    assert (7, "Active Movement Scale wrist/finger extension") in found
    assert (6, "Active Movement Scale wrist/finger extension (previous)") in found


def test_a_session_pair_under_an_instrument_heading_gives_no_previous() -> None:
    text = "Toddler Arm Use Scale (parent report, 0-4; pre / post):\n  reaching 2 / 3\n"
    assert not any(label.endswith("(previous)") for _, label in _labels(text))


def test_a_scale_range_alone_in_the_bracket_is_no_time_heading() -> None:
    text = "Active Movement Scale, L (0-7):\n  shoulder abduction 4\n  shoulder ER 2\n"
    assert not any(label.endswith("(previous)") for _, label in _labels(text))


# -- a legend's bracket holding a list or a remark ----------------------------------------------

LEGEND = """Findings today (eval 11/20/2134 in brackets):
  Pain 1/10 at rest, 3/10 on stairs [5/10, 7/10]
  TUG 9.4 s [13.8 s with walker]
  30 s chair stand 11 reps [6 reps using arms]
"""


def test_every_value_of_a_legend_s_bracket_list_is_previous() -> None:
    found = _previous(LEGEND, "pain")
    assert found == {1: False, 3: False, 5: True, 7: True}


def test_a_value_with_a_remark_in_a_legend_s_bracket_is_previous() -> None:
    found = _previous(LEGEND, "outcome")
    assert found[13.8] and not found[9.4]
    assert found[6] and not found[11]


def test_a_bracket_of_goals_holds_no_earlier_value() -> None:
    text = "Findings today (goals in brackets):\n  TUG 9.1 s [8.0 s without device]\n"
    assert not any(label.endswith("(previous)") for _, label in _labels(text, "outcome"))


def test_a_remark_bracket_without_a_legend_stays_as_written() -> None:
    text = "Objective:\n  TUG 9.4 s [13.8 s with walker]\n"
    assert not any(label.endswith("(previous)") for _, label in _labels(text, "outcome"))


# -- item names: a Section GG code column, OASIS items under dated columns ----------------------

GG = """#### Section GG - Self-Care (admission performance)

| Item | {heading} | Comment |
|---|---|---|
| GG0130A Eating | 04 | supervision |
| GG0130B Oral hygiene | 03 | partial |
"""


def test_a_gg_table_s_code_column_keeps_each_item_s_name() -> None:
    for heading in ("Code", "Rating", "Score"):
        found = _labels(GG.format(heading=heading), "outcome")
        assert found == [(4, "Section GG Eating"), (3, "Section GG Oral hygiene")], heading


def test_a_billing_table_s_code_column_still_bills() -> None:
    text = "| Service | Code | Minutes |\n|---|---|---|\n| Ther ex | 97110 | 23 |\n"
    assert [(f.cpt, f.minutes) for f in facts_in(text, "service")] == [("97110", 23)]


OASIS = """FUNCTIONAL ITEMS                       SOC 01/08/2124     ROC today
  M1830 Bathing                              2                4
  M1400 Dyspnea                              1                2
"""


def test_oasis_items_keep_their_names_and_no_column_words() -> None:
    found = _labels(OASIS, "outcome")
    assert (2, "OASIS Bathing (previous)") in found
    assert (4, "OASIS Bathing") in found
    assert (1, "OASIS Dyspnea (previous)") in found
    assert (2, "OASIS Dyspnea") in found


# -- work stays linear on a long line ------------------------------------------------------------


def test_a_long_bar_row_is_matched_in_linear_time() -> None:
    heading = "Tests (Dec 04 2123 | today)\n"
    short = heading + "  TUG  " + "1 | " * 500 + "2\n"
    long = heading + "  TUG  " + "1 | " * 4000 + "2\n"
    # CPU seconds, with a floor well above the clock's grain: a busy machine's other processes
    # and a millisecond's jitter must not decide a test of growth
    start = time.process_time()
    time_pairs.time_pair_pieces(short)
    small = time.process_time() - start
    start = time.process_time()
    time_pairs.time_pair_pieces(long)
    large = time.process_time() - start
    assert large < max(small, 0.01) * 40


# -- a muscle named in the singular, or before the test's name -----------------------------------


def test_a_muscle_named_in_the_singular_or_before_mmt_names_the_grade() -> None:
    text = "L hip abductor MMT 4+/5; L hip extensor 4/5\nElbow flexors MMT: 4/5"
    assert [fact.label for fact in facts_in(text, "mmt")] == [
        "L hip abductor",
        "L hip extensor",
        "elbow flexors",
    ]


def test_an_extensor_lag_stays_a_lag_not_a_grade() -> None:
    found = facts_in("Extensor lag 10 deg", None)
    assert [(fact.kind, fact.value) for fact in found] == [("other", 10)]


def test_a_prose_row_with_a_bracket_is_left_as_written() -> None:
    text = (
        "Measures today vs initial: ATRS 88 vs 31; single leg heel raises R 22 vs 0 (L 28); "
        "ankle DF R 14° vs -10°.\n"
    )
    assert time_pairs.time_pair_pieces(text) == []
