"""Pain ratings and named tests in shapes the readers missed or misread (issue 12, round 18):
a table row named "Pain /10" or only "Pain", "N of 10" after pain, a pain list with no colon,
a pain scale's ratings each with its circumstance, fractions over ten that count, a test's total
after its conditions, a walk test written in seconds, a load's unit under an instrument's column,
bracketed and dotted dates, a form's pain line, change words, spoken decimals said again, month
and year fractions. Each rule has the reading it must make and the near-misses it must refuse
(loads, reps, dates, targets, counts, other people's values)."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact


def _facts(text: str, kind: str) -> list[Fact]:
    return [fact for fact in extract_facts(text) if fact.kind == kind]


def _values(text: str, kind: str) -> list[object]:
    return [fact.value for fact in _facts(text, kind)]


# -- table rows named by pain ------------------------------------------------------------------


def test_a_row_named_with_its_slashed_scale_is_rated() -> None:
    text = "Vitals       | Pre     | Mid     | Post\nPain /10     | 2       | 3       | 2\n"
    assert _values(text, "pain") == [2, 3, 2]


def test_a_row_named_only_pain_holds_ratings() -> None:
    text = "Measure | Eval | Today\nPain | 6 | 2\n"
    assert _values(text, "pain") == [6, 2]


@pytest.mark.parametrize(
    "row",
    ["Pain episodes | 3 | 1", "Pain-free walk | 10 | 20", "Pain meds (doses) | 2 | 1"],
)
def test_a_row_counting_or_measuring_something_else_is_no_rating(row: str) -> None:
    assert _values(f"Measure | Eval | Today\n{row}\n", "pain") == []


def test_a_captions_slashed_scale_gives_no_row_its_unit() -> None:
    text = (
        "Measures by visit (degrees for ROM; MMT /5):\n\n"
        "| Visit | Knee flexion | Quad MMT |\n|---|---|---|\n| Today | 130 | 4 |\n"
    )
    assert 130 in _values(text, "rom")
    assert 130 not in _values(text, "mmt")


# -- "N of 10" after pain -----------------------------------------------------------------------


def test_of_ten_after_pain_is_a_rating() -> None:
    text = "S: Pain there is 3 of 10 when he walk long time, 6 of 10 at night."
    assert _values(text, "pain") == [3, 6]


def test_of_ten_said_again_after_a_move() -> None:
    assert _values("S: Pain went from 7 of 10 to 3 of 10.", "pain") == [7, 3]


@pytest.mark.parametrize(
    "text",
    [
        "Visit 3 of 10. Pain low.",
        "Pain-free on 8 of 10 days.",
        "Pain with 3 of 10 attempts.",
        "Pain on session 3 of 10.",
        "Pain 4 of 10 good days.",
        "Knee pain, fatigue 6 of 10.",
        "Completed 8 of 10 step-ups.",
    ],
)
def test_of_ten_that_counts_is_no_rating(text: str) -> None:
    assert _values(f"S: {text}", "pain") == []


# -- pain lists and a pain scale's circumstances -----------------------------------------------


def test_a_pain_list_with_no_colon() -> None:
    text = "S: Pain at rest 2, on walking 5 and at night 6."
    assert _values(text, "pain") == [2, 5, 6]


@pytest.mark.parametrize(
    "text", ["Pain: sets 3, reps 10.", "Pain with 2 sets, 10 reps.", "Pain in 2 knees, 3 flares."]
)
def test_a_dose_or_a_count_under_the_pain_word_is_no_rating(text: str) -> None:
    assert _values(f"S: {text}", "pain") == []


def test_a_pain_scales_ratings_each_with_its_circumstance() -> None:
    assert _values("S: NPRS 2 at rest, 6 with stairs.", "pain") == [2, 6]


@pytest.mark.parametrize(
    "text",
    [
        "NPRS 2 at rest, 6 reps with band.",
        "NPRS 2 at rest, 30 with stairs.",
        "NPRS 2 at rest, 45 min with stairs.",
    ],
)
def test_a_dose_after_a_pain_scale_is_no_rating(text: str) -> None:
    assert _values(f"S: {text}", "pain") == [2]


# -- fractions over ten that count ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Copying 10 lowercase letters: 6/10 legible, 4/10 touched baseline (last month 3/10).",
        "Tactile bin: found 10/10 w/ 1 verbal cue.",
        "Monofilament 5.07: absent 8/10 B feet.",
    ],
)
def test_a_fraction_that_counts_is_no_pain(text: str) -> None:
    assert _values(f"O: {text}", "pain") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Pain absent 0/10 today.", 0),
        ("Completed 4/10 pain after.", 4),
        ("Sensation intact; pain 3/10 with walking.", 3),
    ],
)
def test_a_pain_word_keeps_the_rating(text: str, value: int) -> None:
    assert _values(f"S: {text}", "pain") == [value]


# -- a test's total after its conditions; a walk test in seconds ---------------------------------


def test_a_total_after_the_conditions_is_the_tests_score() -> None:
    text = "O: mCTSIB: cond 1 30 s, cond 2 30 s, cond 3 30 s, cond 4 22 s (total 112/120)."
    assert _values(text, "outcome") == [112]
    assert _values(text, "other") == [30, 30, 30, 22]


@pytest.mark.parametrize(
    "text",
    [
        "mCTSIB cond 4 18 s, total 3 falls.",
        "mCTSIB cond 1 30 s, cond 4 12 s; total trials 4.",
        "mCTSIB cond 4 18 s (goal total 110/120).",
    ],
)
def test_no_total_score_of_counts_or_goals(text: str) -> None:
    assert _values(f"O: {text}", "outcome") == []


def test_a_walk_test_in_seconds_is_its_result() -> None:
    facts = _facts("O: 10 meter walk test 9.8 seconds.", "outcome")
    assert [(fact.value, fact.unit, fact.measure) for fact in facts] == [(9.8, "s", "10MWT")]


def test_a_walk_tests_speed_beside_its_time_is_the_same_result() -> None:
    assert _values("O: 10 metre walk test took 11.2 seconds (0.89 m/s).", "outcome") == [11.2]


@pytest.mark.parametrize(
    "text",
    [
        "Gait training: 10 m walk x 4 laps with 2 min rest.",
        "10MWT practice 3 x 30 s.",
        "Goal: 10MWT under 10 s.",
        "10MWT 150 s.",
        "10MWT 9 min.",
    ],
)
def test_no_walk_test_result_from_doses_goals_or_other_units(text: str) -> None:
    assert _values(f"O: {text}", "outcome") == []


# -- a load is no outcome --------------------------------------------------------------------------


def test_an_fce_columns_forces_are_no_outcome() -> None:
    text = (
        "Date: 05/20/2099\n\n"
        "Material handling              Initial FCE 03/25/2099     Re-test today\n"
        "Push, peak force               55 lbf                     80 lbf\n"
        "Pull, peak force               210 N                      285 N\n"
    )
    assert _values(text, "outcome") == []


@pytest.mark.parametrize("load", ["55 lbf", "21 kgf", "142 N", "30 pounds"])
def test_an_instruments_number_with_a_load_unit_is_no_score(load: str) -> None:
    assert _values(f"O: PRWE {load}.", "outcome") == []


# -- dated values ---------------------------------------------------------------------------


def test_a_bracketed_whole_date_of_another_day_makes_it_earlier() -> None:
    text = "Date: 05/08/2099\nO: Berg 41/56 (04/10/2099); TUG 12 s (05/08/2099).\n"
    labels = {fact.value: fact.label for fact in _facts(text, "outcome")}
    assert "previous" in labels[41]
    assert "previous" not in labels[12]


def test_a_bracket_without_a_year_is_no_date() -> None:
    text = "Date: 05/08/2099\nS: Pain 3/10 (4/10 with stairs).\n"
    assert all("previous" not in fact.label for fact in _facts(text, "pain"))


def test_a_dotted_day_in_a_note_of_dotted_dates() -> None:
    text = (
        "Patient: A B, MRN 1, date 26.05.2099, Payer: Medicare\n"
        "Gait: 10 meter walk test 9,8 seconds (without AFO 13,4 seconds on 12.05).\n"
    )
    labels = {fact.value: fact.label for fact in _facts(text, "outcome")}
    assert "previous" in labels[13.4]
    assert "previous" not in labels[9.8]


def test_a_dotted_number_in_a_note_of_slashed_dates_is_no_date() -> None:
    text = "Date: 05/26/2099\nO: 10MWT 9.8 s (13.4 s on 12.05).\n"
    assert all("previous" not in fact.label for fact in _facts(text, "outcome"))


def test_a_month_over_a_year_is_a_date_not_a_score() -> None:
    text = "Date: 02/23/2103\nO: AIMS raw score 48; last 10/2102 raw 41.\n"
    assert _values(text, "outcome") == [48, 41]


def test_a_spoken_earlier_score_keeps_its_decimal() -> None:
    text = "O: TUG 9.4 s. Previously it was 13.1 at the eval.\n"
    facts = _facts(text, "outcome")
    assert [fact.value for fact in facts] == [9.4, 13.1]
    assert "previous" in facts[1].label


def test_a_rating_named_by_its_kind_before_its_earlier_time() -> None:
    facts = _facts("S: Pain 2/10 walking. Was 6/10 average at eval.", "pain")
    assert [(fact.value, "previous" in fact.label) for fact in facts] == [(2, False), (6, True)]


def test_a_visit_numbered_after_a_rating_is_no_count() -> None:
    facts = _facts("S: Elbow pain 4/10 (was 6/10 visit 1).", "pain")
    assert [(fact.value, "previous" in fact.label) for fact in facts] == [(4, False), (6, True)]


# -- a form's pain line, change words, sides ----------------------------------------------------


def test_a_forms_pain_line_rates_in_a_later_field() -> None:
    text = "PAIN    [X] Yes   [ ] No     Site: R calf    Intensity (0-10): 4\n"
    assert _values(text, "pain") == [4]


@pytest.mark.parametrize(
    "line",
    [
        "PAIN    [X] Yes   [ ] No     Site: R calf    Duration (wks): 4",
        "FALLS    Count: 2     Severity: 3",
    ],
)
def test_other_fields_of_a_form_are_no_pain(line: str) -> None:
    assert _values(f"{line}\n", "pain") == []


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("PDQ-39 24, change 6 points.", 24),
        ("PDQ-39 31 (change 7 points since eval).", 31),
        ("LEFS 58, \u0394 12 from intake.", 58),
        ("Mini-BESTest 21/28, difference 4 points.", 21),
    ],
)
def test_a_change_after_a_score_is_no_score(text: str, score: int) -> None:
    assert _values(f"O: {text}", "outcome") == [score]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Pain at dressing change 3/10.", "pain", 3),
        ("Pain 3/10, no change 4/10 at rest.", "pain", 4),
        ("Perometer: relative volume change 5.6%.", "other", 5.6),
    ],
)
def test_a_change_named_as_a_measure_keeps_its_value(text: str, kind: str, value: float) -> None:
    assert value in _values(f"O: {text}", kind)


def test_a_pain_rating_carries_the_side_of_the_part() -> None:
    facts = _facts("S: R shoulder pain 5/10 with transfers. L shoulder 3/10 at rest.", "pain")
    assert [(fact.value, fact.label.split()[-1]) for fact in facts] == [(5, "R"), (3, "L")]


# -- a note title's words, a protocol's course ---------------------------------------------------


def test_a_note_titles_word_is_no_instrument() -> None:
    assert _values("ACUTE CARE PT - DAILY                        4 West, bed 12\n", "outcome") == []


def test_the_course_a_walk_test_walks_is_no_score() -> None:
    text = "Date: 02/08/2103\nO: Gait speed 0.41 m/s (4 m walk). 6MWT 320 m (was 280 m).\n"
    assert _values(text, "outcome") == [0.41, 320, 280]
