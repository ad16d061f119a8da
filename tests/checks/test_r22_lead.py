"""Round 22, the lead's merge: two shapes of one long line that read in exponential or quadratic
time (and overflowed the stack), found by timing lines of repeated pieces. Times are CPU
seconds, so a busy machine's other processes cannot fail them."""

from __future__ import annotations

import time

from tui.core.checks.extract import extract_facts

HEADER = "Patient: Long Line\nDate: 2027-01-01\n\nO: "


def _cpu(text: str) -> float:
    start = time.process_time()
    extract_facts(text)
    return time.process_time() - start


def test_a_list_of_side_pairs_with_units_and_no_bracket_reads_in_linear_time() -> None:
    # each pair's optional unit was backtracked into: 11 pairs took 4.6 s, each two more x16
    small = _cpu(HEADER + "R 22 kg, L 24 kg, " * 500)
    large = _cpu(HEADER + "R 22 kg, L 24 kg, " * 2_000)
    assert large < 2.0
    assert large < 8 * max(small, 0.01)


def test_a_line_of_side_pairs_asks_a_bounded_number_of_earlier_pairs() -> None:
    # every value asked the pair before it, which asked the one before it: quadratic, and a
    # RecursionError at about 700 pairs
    small = _cpu(HEADER + "right 120 deg, left 110 deg, " * 350)
    large = _cpu(HEADER + "right 120 deg, left 110 deg, " * 1_400)
    assert large < 8 * max(small, 0.05)


def test_an_earlier_pair_still_gives_the_next_pair_its_time() -> None:
    facts = extract_facts(HEADER + "Knee flex at eval R 95°, L 130°.\n")
    labels = {fact.value: fact.label for fact in facts if fact.kind == "rom"}
    assert "previous" in labels[95]
    assert "previous" in labels[130]


def test_side_pairs_with_an_earlier_bracket_keep_their_sides() -> None:
    facts = extract_facts(HEADER + "Grip R 22 kg, L 24 kg (was 18, 20)\n")
    found = {(fact.value, fact.label) for fact in facts if fact.kind == "strength"}
    assert (18, "R grip (previous)") in found
    assert (20, "L grip (previous)") in found


def test_a_long_run_of_spaces_after_a_value_reads_in_about_linear_time() -> None:
    # the dated-value, header-date and side-tail patterns split a run of blanks every way among
    # their blank pieces: cubic (1,000 spaces before a date: 54 s)
    small = _cpu(HEADER + "Berg 41/56" + " " * 250 + "01/02/2027\n")
    large = _cpu(HEADER + "Berg 41/56" + " " * 1_000 + "01/02/2027\n")
    assert large < 3.0
    assert large < 20 * max(small, 0.05)


def test_a_value_dated_another_day_is_still_earlier() -> None:
    text = "Patient: A\nDate: 2027-03-01\n\nO: Berg 41/56 on 01/02/2027, TUG 14 s (2027-01-15)\n"
    labels = {fact.value: fact.label for fact in extract_facts(text)}
    assert "previous" in labels[41]
    assert "previous" in labels[14]


def test_a_sentence_ending_in_a_bare_goal_tag_is_a_goal() -> None:
    for text in (
        "Ambulate 500 ft with SPC independently (goal).",
        "R knee flex 120 deg (LTG)",
        "Knee ext lacks 4 deg (short-term goal).",
    ):
        assert extract_facts(HEADER + text + "\n") == [], text


def test_a_goal_bracket_holding_more_than_the_tag_leaves_todays_value() -> None:
    for text, value in (
        ("Ambulated 300 ft with SPC and CGA (goal met).", 300),
        ("Walked 150 ft x 2 with RW (goal 300 ft).", 150),
        ("LEFS 62/80 (goal by d/c: 87/100).", 62),
    ):
        assert [fact.value for fact in extract_facts(HEADER + text + "\n")] == [value], text
