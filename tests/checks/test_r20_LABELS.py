"""Round 20, LABELS: where a side or an earlier time sits relative to the value it names.

Runs of trials written with slashes, a side letter between two scores, digit-by-digit readings,
rates with an earlier value, a long table under one legend, a worded range's earlier value and
the first visit said before a measure's name; each with the near miss that must not be read so.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in, one_fact


def _sides(text: str, kind: str) -> list[tuple[float, str]]:
    return [
        (float(fact.value), fact.label)
        for fact in facts_in(text, kind)
        if isinstance(fact.value, int | float)
    ]


def test_side_before_a_run_of_trials_names_every_trial() -> None:
    found = _sides("Grip R 28/30/27 kg, L 30/32/31 kg", "strength")
    assert [label.split()[0] for _, label in found] == ["R", "R", "R", "L", "L", "L"]


def test_side_after_a_run_of_trials_names_every_trial() -> None:
    found = _sides("Lateral pinch 6.5/7.0/6.0 kg R, 5.5/6.0/5.5 kg L", "strength")
    assert [label.split()[0] for _, label in found] == ["R", "R", "R", "L", "L", "L"]


def test_pair_of_sides_after_two_values_is_one_side_each() -> None:
    # near miss: "(L/R)" is a legend, never one side for both values
    found = dict(_sides("Tip pinch 3.0/4.5 kg (L/R)", "strength"))
    assert found[3.0].startswith("L") and found[4.5].startswith("R")


def test_earlier_words_before_a_run_hold_for_every_trial() -> None:
    found = _sides("Previous visit grip L 12/14/13 lb.", "strength")
    assert len(found) == 3
    assert all("(previous)" in label and label.startswith("L") for _, label in found)


def test_earlier_bracketed_run_takes_the_side_of_the_value_before() -> None:
    found = _sides("Grip R 28/30/27 kg (eval 20/22/21 kg)", "strength")
    earlier = [label for value, label in found if value in (20, 22, 21)]
    assert len(earlier) == 3
    assert all(label.startswith("R") and "(previous)" in label for label in earlier)
    today = [label for value, label in found if value in (28, 30, 27)]
    assert all("(previous)" not in label for label in today)


def test_side_letter_between_two_scores_is_no_litre() -> None:
    found = dict(_sides("Box and Blocks R 45 L 52", "outcome"))
    assert found == {45.0: "Box and Block R", 52.0: "Box and Block L"}


def test_litres_of_oxygen_stay_litres() -> None:
    # near miss: an L after a number with no score after it is litres, no score
    facts = facts_in("6MWT 288 m on 2 L O2 via NC.", "outcome")
    assert [fact.value for fact in facts] == [288]


def test_monofilament_reading_is_its_own_digits() -> None:
    text = "Semmes-Weinstein R: thumb 2.83, index 3.61, long 4.31, small 3.22."
    labels = {fact.value: fact.label for fact in facts_in(text, "other")}
    assert labels[2.83] == "Semmes-Weinstein R thumb"
    assert labels[3.61] == "Semmes-Weinstein R index"
    assert labels[4.31] == "Semmes-Weinstein R long"
    assert labels[3.22] == "Semmes-Weinstein R small"


def test_rate_with_an_earlier_rate_in_brackets_is_previous() -> None:
    text = "Far-point copying: 21 letters/min (last month 14 letters/min)."
    assert "(previous)" in one_fact(text, "other", 14).label
    assert "(previous)" not in one_fact(text, "other", 21).label


def test_rate_after_the_start_of_a_period_is_today() -> None:
    # near miss: "since last month" opens a period; the rate after it is this visit's
    text = "Since last month: near-point copying 26 letters/min."
    assert "(previous)" not in one_fact(text, "other", 26).label


def test_legend_names_the_last_rows_of_a_long_table() -> None:
    rows = "\n".join(f" Item {n} score            {n}/30     | {n + 1}/30" for n in range(1, 11))
    text = (
        "Objective (today | initial 01/06/2130):\n"
        f"{rows}\n"
        " Fatigue after walk       5/10       | 7/10\n"
    )
    assert "(previous)" in one_fact(text, "other", 7).label
    assert "(previous)" not in one_fact(text, "other", 5).label


def test_table_after_a_blank_line_takes_no_legend() -> None:
    # near miss: a blank line ends the block; the next block's own legend names two times of day
    text = (
        "Measures (today | eval):\n TUG   10.4 s | 13.9 s\n\n"
        "Home log (morning | evening):\n Dyspnea on stairs      3/10       | 5/10\n"
    )
    assert "(previous)" not in one_fact(text, "other", 5).label


def test_worded_range_keeps_its_words_for_its_earlier_value_and_other_side() -> None:
    labels = dict(_sides("SLR R 62 deg (eval 41 deg), L 80 deg.", "rom"))
    assert labels == {62.0: "R SLR", 41.0: "R SLR (previous)", 80.0: "L SLR"}


def test_first_visit_before_a_name_makes_its_score_earlier() -> None:
    text = "Saw him 8x in ICU: at first visit MRC sum 22/60. MRC sum 40/60 today."
    assert "(previous)" in one_fact(text, "outcome", 22).label
    assert "(previous)" not in one_fact(text, "outcome", 40).label
