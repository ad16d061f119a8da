"""A side or a timepoint written once for a group of values: a limb named with its side ("RUE",
"LLE", "B UE"), a heading line over a block, an arrow joining two readings, a legend of three
timepoints, a bracket naming the earlier assessment a value came from. Each rule with its twin."""

from __future__ import annotations

from tests.checks.conftest import facts_in, one_fact


def test_a_limb_named_with_its_side_gives_the_side() -> None:
    text = "LLE grossly 4+/5. RUE: elbow flex 4/5, wrist ext 3+/5\nL UE shoulder abd 150°\n"
    assert "L" in one_fact(text, "mmt", "4+").label.split()
    assert "R" in one_fact(text, "mmt", "4").label.split()
    assert "R" in one_fact(text, "mmt", "3+").label.split()
    assert "L" in one_fact(text, "rom", 150).label.split()


def test_both_limbs_name_no_single_side() -> None:
    """The twin: "BLE", "B UE" are both sides, never R or L alone."""
    for text in ("BLE grossly 4-/5.\n", "B UE 4-/5 throughout.\n", "bilat LE 4-/5\n"):
        words = one_fact(text, "mmt", "4-").label.split()
        assert "R" not in words and "L" not in words


def test_a_side_in_an_order_line_does_not_reach_the_next_sentence() -> None:
    """The twin: a limb in an order ("WBAT RLE.") names nothing after its sentence."""
    words = one_fact("WBAT RLE. Knee flex 95°.\n", "rom", 95).label.split()
    assert "R" not in words


def test_a_heading_line_names_the_side_and_joint_of_its_block() -> None:
    text = "Left knee:\n- flex 118°\n- quad 4/5\n\nROM (RUE)\nshoulder flex 120°\n"
    label = one_fact(text, "rom", 118).label
    assert label.startswith("L knee")
    assert one_fact(text, "mmt", "4").label.startswith("L")
    assert one_fact(text, "rom", 120).label.startswith("R shoulder")


def test_a_heading_block_ends_at_a_blank_line_or_a_sided_line() -> None:
    """The twins: a blank line ends the block, a line with a side of its own starts another
    list, a midline joint takes no side, and a sentence is no heading."""
    text = "RLE:\n  hip flex 4/5\n  Trunk flex 30°\n\nKnee flex 110°\n"
    assert one_fact(text, "mmt", "4").label.startswith("R")
    assert "R" not in one_fact(text, "rom", 30).label.split()
    assert "R" not in one_fact(text, "rom", 110).label.split()
    text = "Right:\nL knee flex 120°\next 0°\n"
    assert "R" not in one_fact(text, "rom", 0).label.split()
    text = "Pt reports L knee pain today:\nflex 118°\n"
    assert "L" not in one_fact(text, "rom", 118).label.split()


def test_a_side_after_the_later_value_of_an_arrow_is_the_earlier_values_too() -> None:
    for text in ("Knee flex 95 -> 110 L\n", "Knee flex 95->110° (L)\n", "DF 2° → 9° L\n"):
        facts = facts_in(text, "rom")
        assert len(facts) == 2 and all("L" in fact.label.split() for fact in facts)
        assert "(previous)" in facts[0].label and "(previous)" not in facts[1].label


def test_an_arrow_takes_no_side_from_a_value_with_its_own() -> None:
    """The twin: a side before the later value ("95 -> R 110") or a later value's side after
    a clause mark is the later value's alone."""
    facts = facts_in("Knee flex 95 -> 110, R 130.\n", "rom")
    assert "R" not in facts[0].label.split()


def test_of_two_later_items_in_a_legend_only_the_last_is_today() -> None:
    text = "ROM (IE / re-eval / today):\nL knee flex 78° / 96° / 112°\n"
    earlier = {fact.value: "(previous)" in fact.label for fact in facts_in(text, "rom")}
    assert earlier == {78: True, 96: True, 112: False}


def test_a_re_evaluation_alone_in_a_legend_is_today() -> None:
    """The twin: "re-eval" with no later item after it is this visit's."""
    text = "ROM (IE / re-eval):\nL knee flex 78° / 112°\n"
    earlier = {fact.value: "(previous)" in fact.label for fact in facts_in(text, "rom")}
    assert earlier == {78: True, 112: False}


def test_a_bracket_naming_the_assessment_a_value_came_from_makes_it_earlier() -> None:
    text = "Beery VMI 82 (from annual review 01/2063), not retested today.\n"
    assert "(previous)" in one_fact(text, "outcome", 82).label
    text = "BOT-2 fine motor 41 (from IEP testing).\n"
    assert "(previous)" in one_fact(text, "outcome", 41).label


def test_a_bracket_of_where_a_rating_was_reported_is_not_earlier() -> None:
    """The twin: a source of today's value ("per report", "from pt") is no earlier visit."""
    assert "(previous)" not in one_fact("Pain 6/10 (per report).\n", "pain", 6).label
    assert "(previous)" not in one_fact("Grip 20 kg (from standing).\n", "strength", 20).label


def test_a_heading_with_a_pair_of_sides_is_a_legend_not_a_side_heading() -> None:
    """The twin: "AROM, L / R" names each value's side in order; no one side heads the rows."""
    text = "AROM, L / R:\n- Flexion 132° / 170°\n"
    assert one_fact(text, "rom", 132).label.split()[0] == "L"
    assert one_fact(text, "rom", 170).label.split()[0] == "R"


def test_a_limb_after_a_joints_values_names_the_whole_limb() -> None:
    """The limb's value takes no joint or motion from the clause before it."""
    label = one_fact("RLE: hip flex 4/5, knee ext 4+/5; LLE 5/5.\n", "mmt", "5").label
    assert label.split()[0] == "L" and "knee" not in label and "extension" not in label


def test_a_heading_above_a_markdown_table_names_its_rows() -> None:
    text = "### Right knee\n| Motion | AROM |\n|---|---|\n| Flexion | 118° |\n"
    assert one_fact(text, "rom", 118).label.startswith("R knee flexion")


def test_an_interval_before_this_visit_in_a_legend_is_an_earlier_visit() -> None:
    text = "Shoulder flex R (IE | 6 wk | now): 70° | 112° | 141°\n"
    earlier = {fact.value: "(previous)" in fact.label for fact in facts_in(text, "rom")}
    assert earlier == {70: True, 112: True, 141: False}


def test_intervals_alone_in_a_legend_name_no_time() -> None:
    """The twin: with no item of this visit after them, intervals say nothing of when."""
    text = "Shoulder flex R (wk 2 / wk 4): 70° / 112°\n"
    assert all("(previous)" not in fact.label for fact in facts_in(text, "rom"))


def test_a_limb_word_in_title_case_is_a_name() -> None:
    """The twin: "Rue" is a person; "RUE" and "rue" are the right arm."""
    assert one_fact("Rue 4/5 per her mother.\n", "mmt", "4").label.split()[0] != "R"
    assert one_fact("rue 4/5\n", "mmt", "4").label.split()[0] == "R"


def test_a_capital_b_opening_its_clause_before_a_joint_is_both_sides() -> None:
    for text in ("B knees: flex 125°.\n", "- B shoulders flex 125°\n"):
        label = one_fact(text, "rom", 125).label
        assert "bilateral" in label and label.split()[0] not in ("R", "L")


def test_a_b_that_ends_a_name_or_grades_is_no_side() -> None:
    """The twins: "Plan B knee flex" and "Grade B, knee flex" name no side."""
    assert "bilateral" not in one_fact("Plan B knee flex 90°\n", "rom", 90).label
    assert "bilateral" not in one_fact("Grade B, knee flex 100°\n", "rom", 100).label


def test_a_latin_side_before_a_value_is_its_side() -> None:
    text = "Hip IR dx 30°, sin 22°.\n"
    assert one_fact(text, "rom", 30).label.split()[0] == "R"
    assert one_fact(text, "rom", 22).label.split()[0] == "L"


def test_a_diagnosis_written_dx_is_no_side() -> None:
    """The twin: "dx" before words, not a value, names no side."""
    label = one_fact("Knee dx with OA in 2060, flex 100°.\n", "rom", 100).label
    assert "R" not in label.split()


def test_a_side_after_a_hands_dominance_is_the_values() -> None:
    text = "Grip 22 kg non-dom L, 30 kg dom R\n"
    assert one_fact(text, "strength", 22).label.split()[0] == "L"
    assert one_fact(text, "strength", 30).label.split()[0] == "R"


def test_dominance_without_a_side_names_none() -> None:
    """The twin: "dominant hand" names no side."""
    assert one_fact("Grip 22 kg dominant hand.\n", "strength", 22).label == "grip"


def test_a_plural_joint_is_no_joint_measured() -> None:
    """The twin of "B knees": "Ankles 1+ pitting edema" grades an edema, it measures no ankle."""
    assert facts_in("Ankles 1+ pitting edema bilat.\n", "rom") == []


def test_a_leg_joints_heading_names_no_grip_under_it() -> None:
    """Review: 'Right knee:' over 'Grip 25 kg' read 'R knee grip'; a grip is the hand's, so a
    leg joint's heading names neither its side nor its joint. An arm joint's heading names the
    side only ('R elbow:' over a pain-free grip)."""
    assert one_fact("Right knee:\nHip flex 100\nGrip 25 kg\n", "strength", 25).label == "grip"
    elbow = one_fact("R elbow:\nPain-free grip 20 kg\n", "strength", 20).label.split()
    assert "R" in elbow and "elbow" not in elbow
    assert "L" in one_fact("Left hip\nHip flex 100\n", "rom", 100).label.split()


def test_a_hands_dominance_after_a_value_sided_before_keeps_that_side() -> None:
    """Review: 'L grip 25 kg dom R' read the right grip (main: the left); the side before the
    value in its own clause is the value's, the dominance after it describes the patient."""
    assert one_fact("L grip 25 kg dom R\n", "strength", 25).label.split()[0] == "L"
    assert one_fact("Grip 30 kg dom R hand; L 25 kg\n", "strength", 30).label.split()[0] == "R"
