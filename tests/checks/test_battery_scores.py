"""Subtest scores of pediatric and school test batteries (issue 12): notes of our own, each with
a twin that must not be read.

A number right after the kind of a score ("raw", "standard score", "SS", "scaled", "composite",
"quotient") is the score of the subtest named before it, labelled with the battery named with
its edition earlier in the paragraph; an age, a percentile or a goal beside it is not a score.
A battery's table print-out (subtest, raw, scale score, percentile, age equivalent) is read the
same way, its percentile and age-equivalent columns left out.
"""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.verify.verify import verify


def _scores(text: str) -> list[tuple[str | None, float, str]]:
    return [
        (f.measure, float(f.value), f.label)  # type: ignore[arg-type]
        for f in extract_facts(text)
        if f.kind == "outcome"
    ]


def test_subtest_scores_named_by_their_kind_are_read_with_their_subtest() -> None:
    text = (
        "Peabody (PDMS-3) today:\n"
        "  Object Control raw 19 / SS 9\n"
        "  Grasping raw score 44, standard score 8\n"
        "Fine motor quotient 88 (21st percentile)."
    )
    found = _scores(text)
    assert [value for _, value, _ in found] == [19, 9, 44, 8, 88]
    assert all(label.startswith("PDMS-3") for _, _, label in found)
    assert "Grasping" in found[3][2]


def test_scaled_and_composite_scores_after_a_battery_with_an_edition() -> None:
    text = "Bayley-III: Language composite 79; Motor scaled 4; Adaptive scaled 9."
    assert [(label.split()[0], v) for _, v, label in _scores(text)] == [
        ("Bayley-III", 79),
        ("Bayley-III", 4),
        ("Bayley-III", 9),
    ]


def test_twin_ages_percentiles_and_goals_beside_subtest_scores_are_not_scores() -> None:
    text = (
        "BOT-2 short form (CA 9;1): standard score 41, 18th percentile, age equivalent 7 y.\n"
        "Goal: standard score above 45 by June."
    )
    assert [value for _, value, _ in _scores(text)] == [41]


def test_twin_a_kind_word_before_a_dose_or_a_date_is_no_score() -> None:
    assert _scores("Composite resin splint 2 mm thick; raw 5/12 notes reviewed.") == []


def test_a_battery_print_out_reads_its_score_columns_only() -> None:
    text = (
        "Subtest\tRaw\tScaled Score\tPercentile\tAge Equivalent\n"
        "Visual Motor\t21\t8\t25\t5:2\n"
        "Graphomotor\t14\t6\t9\t4:8\n"
    )
    assert [value for _, value, _ in _scores(text)] == [21, 8, 14, 6]


def test_subtests_listed_after_a_kind_share_it() -> None:
    text = "Quadrant raw scores: Seeking 41, Avoiding 58, and Registration 37."
    assert [value for _, value, _ in _scores(text)] == [41, 58, 37]
    text = "WPPSI scaled: Block Design 7; Matrix Reasoning 9; Picture Memory scaled 6."
    found = _scores(text)
    assert [value for _, value, _ in found] == [7, 9, 6]
    assert "Picture Memory" in found[2][2]


def test_twin_a_list_of_doses_after_a_kind_is_no_list_of_scores() -> None:
    assert _scores("Raw scores: reps 10, hold 5 s, sets 3.") == []


def test_a_draft_that_moves_a_subtest_score_away_from_its_battery_still_states_it() -> None:
    note = "Results: SPM-2 home T-score 64, vision 61. Classroom total T-score 59."
    draft = "- SPM-2 home T-score 64, vision 61.\n- Classroom total T-score 59."
    assert verify(note, draft).clean


def test_twin_a_changed_subtest_score_in_a_moved_line_is_caught() -> None:
    note = "Results: SPM-2 home T-score 64, vision 61. Classroom total T-score 59."
    draft = "- SPM-2 home T-score 64, vision 61.\n- Classroom total T-score 69."
    result = verify(note, draft)
    assert any(fact.value == 69 for fact in result.unsupported)


def test_a_dimension_named_as_a_percentage_reads_its_score() -> None:
    found = _scores("GMFM-88 Dim B Sitting %: 66.7 (was 60.0)")
    assert [value for _, value, _ in found] == [66.7, 60.0]


def test_twin_a_percentage_of_a_setting_after_an_instrument_is_no_score() -> None:
    assert _scores("GMFM-88 done on mat; treadmill incline %: 5") == []
