"""Round 21, INSTR: instruments, their subscales and results. A subscale written after its
instrument's name names the measure ("FAAM ADL", "FABQ physical activity ... work"); a "Total"
row under an instrument's heading is that instrument's score; a heading in capitals before a
name is no instrument ("COGNITION: BIMS 13/15"); a percent restating a score over its maximum
is no second fact; a run of condition times is one time per condition; a standard score in
prose takes the instrument's name. Each rule with its twin."""

from __future__ import annotations

import time

import pytest

from tests.checks.conftest import facts_in


def _outcomes(text: str) -> list[tuple[str | None, float | int | str]]:
    return [(f.measure, f.value) for f in facts_in(text, "outcome")]


# -- subscale names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FAAM ADL 82%, FAAM Sport 56%.", [("FAAM-ADL", 82), ("FAAM-Sport", 56)]),
        ("FABQ physical activity 11/24, work 19/42.", [("FABQ-PA", 11), ("FABQ-W", 19)]),
        ("FAAM-ADL 71% (was 60% at eval).", [("FAAM-ADL", 71), ("FAAM-ADL", 60)]),
    ],
)
def test_subscale_names_the_measure(text: str, expected: list[tuple[str, int]]) -> None:
    assert _outcomes(text) == expected


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("FAAM 71%.", "FAAM"),  # no subscale written: the instrument's own name
        ("FABQ 40/96.", "FABQ"),
        ("FAAM administrative 71%.", "FAAM"),  # a word that starts like a subscale is none
    ],
)
def test_no_subscale_keeps_the_name(text: str, measure: str) -> None:
    assert [m for m, _ in _outcomes(text)] == [measure]


# -- a Total row under its instrument ------------------------------------------------------------

_SCIM = (
    "SCIM III (today, then IRF discharge in brackets):\n"
    "  Self-care                              15/20   (11/20)\n"
    "  Respiration and sphincter management   33/40   (29/40)\n"
    "  Total                                  73/100  (57/100)\n"
)


def test_total_row_is_the_instruments_score() -> None:
    totals = [f for f in facts_in(_SCIM, "outcome") if "Total" in f.label]
    assert [(f.measure, f.value) for f in totals] == [("SCIM III", 73), ("SCIM III", 57)]
    assert "previous" in totals[1].label and "previous" not in totals[0].label


def test_total_after_a_blank_line_takes_no_earlier_instrument() -> None:
    text = "Berg 41/56.\n\nExercise log:\n  Total 5/7\n"
    assert ("Berg", 5) not in _outcomes(text)


# -- a heading before a name ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["COGNITION: BIMS 13/15   [x] follows 2-step cmds", "BIMS 13/15 (per nursing 01/22)."],
)
def test_bims_is_the_instrument(text: str) -> None:
    assert _outcomes(text) == [("BIMS", 13)]


# -- a percent restating a score ------------------------------------------------------------------


@pytest.mark.parametrize("text", ["NDI 18/50 = 36% today.", "NDI 14/50 (28%)."])
def test_restated_percent_is_no_second_fact(text: str) -> None:
    facts = facts_in(text)
    assert [(f.kind, f.measure) for f in facts] == [("outcome", "NDI")]


def test_percent_that_differs_is_kept() -> None:
    text = "NDI 18/50 = 52% at intake."
    assert any(f.value == 52 for f in facts_in(text))


# -- condition times ------------------------------------------------------------------------------


def test_slash_run_of_seconds_is_one_time_per_condition() -> None:
    facts = facts_in("mCTSIB 30/30/12/8 s.")
    assert [(f.kind, f.value, f.unit) for f in facts] == [
        ("other", 30, "s"),
        ("other", 30, "s"),
        ("other", 12, "s"),
        ("other", 8, "s"),
    ]


def test_score_over_its_maximum_stays_a_score() -> None:
    assert _outcomes("DHI 42/100.") == [("DHI", 42)]


# -- a standard score in prose --------------------------------------------------------------------


def test_standard_score_in_prose_takes_the_name() -> None:
    text = (
        "On the Beery VMI she earned a standard score of 91, compared with 80 at her "
        "evaluation in January."
    )
    assert _outcomes(text) == [("Beery VMI", 91), ("Beery VMI", 80)]


def test_unnamed_score_with_no_named_neighbour_stays_unnamed() -> None:
    assert all(m != "Beery VMI" for m, _ in _outcomes("Her standard score was 91."))


# -- speed ----------------------------------------------------------------------------------------


def _seconds(text: str) -> float:
    """CPU seconds, not wall seconds: a busy machine's other processes do not count."""
    started = time.process_time()
    facts_in(text)
    return time.process_time() - started


def test_long_line_of_totals_stays_linear() -> None:
    """Each total looks back a bounded reach: four times the line costs about four times
    (each text is new, so no cached reading answers it)."""
    row = "Berg 41/56, Total 51/100, NDI 18/50 = 36%, "
    _seconds("warm up " + row)
    short = _seconds("Short: " + row * 100)
    long = _seconds("Long: " + row * 400)
    assert long < 10 * short + 1.0


# -- rows of two values under a legend ------------------------------------------------------------

_AMS = (
    "Active Movement Scale, L (0-7; today / visit 1 on 01/13):\n"
    "  shoulder abduction 4 / 2\n"
    "  wrist/finger extension 7 / 6\n"
)


def test_scale_rows_under_a_legend_are_item_scores() -> None:
    facts = facts_in(_AMS)
    assert [(f.kind, f.value, "previous" in f.label) for f in facts] == [
        ("outcome", 4, False),
        ("outcome", 2, True),
        ("outcome", 7, False),
        ("outcome", 6, True),
    ]


def test_range_rows_under_the_same_legend_stay_angles() -> None:
    text = "Shoulder ROM, R (today / visit 2):\n  flexion 150 / 120\n  ER 45 / 30\n"
    assert {f.kind for f in facts_in(text)} == {"rom"}


def test_grade_rows_under_mmt_are_no_subscales() -> None:
    text = "MMT (today / IE):\n  hip abd 4/5 (3/5)\n  knee ext 5/5 (4/5)\n"
    assert {f.kind for f in facts_in(text)} == {"mmt"}


# -- tone rows ------------------------------------------------------------------------------------


def test_grades_under_an_ashworth_heading_are_no_muscle_grades() -> None:
    text = (
        "Modified Ashworth (pre-injection 27/12 -> today)\n"
        "  L ankle PF, knee extended ...... 3  -> 1+\n"
        "  L toe flexors .................. 2  -> 1\n"
        "  L knee flexors ................. 1+ -> 1+   (not injected)\n"
    )
    assert facts_in(text, "mmt") == []


def test_grades_under_a_strength_heading_stay_muscle_grades() -> None:
    text = "Strength (today):\n  L toe flexors 4/5\n  L knee flexors 4+/5\n"
    assert [f.value for f in facts_in(text, "mmt")] == ["4", "4+"]


# -- dictation ------------------------------------------------------------------------------------


def test_thats_up_from_is_the_earlier_score() -> None:
    text = "Fugl-Meyer upper extremity motor 38 out of 66, that's up from 31 at the evaluation."
    facts = facts_in(text, "outcome")
    assert [(f.value, "previous" in f.label) for f in facts] == [(38, False), (31, True)]


def test_hesitation_between_speeds() -> None:
    text = "10 meter walk, comfortable speed 0.68 m/s, um, fast 0.91."
    assert [(f.measure, f.value) for f in facts_in(text, "outcome")] == [
        ("10MWT", 0.68),
        ("10MWT", 0.91),
    ]


# -- battery scores said with "was" ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("His motor coordination supplemental score was 79 (was 72).", [79, 72]),
        ("Her visual perception standard score was 96 (was 88).", [96, 88]),
        ("The standard score is 15 points below the mean.", []),
    ],
)
def test_score_kind_then_was(text: str, expected: list[int]) -> None:
    assert [f.value for f in facts_in(text, "outcome")] == expected


def test_percent_of_a_count_is_kept() -> None:
    """A count over its whole is no score: its percent is the reading ("letters 17/24 = 71%")."""
    text = "Handwriting: letters formed correctly 17/24 = 71% of trials today."
    dropped = [f for f in facts_in("NDI 18/50 = 36% today.") if f.unit == "%"]
    assert dropped == []
    assert all(f.kind != "outcome" or f.value != 17 for f in facts_in(text))
