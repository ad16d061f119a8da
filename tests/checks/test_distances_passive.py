"""Distances and passive ranges (issue 12), on notes of our own, each with a twin that must
read the other way: a prime heading a list of services is minutes, one after a walk is feet; a
distance a load was moved is the task's, a distance walked is the patient's; a bracketed range
after an active one is passive where the note says so, and left alone where it does not."""

from __future__ import annotations

from tui.core.checks.extract import extract_billing, extract_facts

_PRIME_LIST = (
    "Tx: Ther ex 18' (clamshells, bridges 3x10)\n"
    "    Neuro re-ed 10' (tandem stance on foam)\n"
    "    Gait 14' (curb and ramp practice w/ SPC)\n"
    "A: good tolerance.\n"
)


def test_a_prime_in_a_list_of_services_is_minutes_of_gait() -> None:
    minutes = {fact.cpt: fact.minutes for fact in extract_billing(_PRIME_LIST).services}
    assert minutes.get("97116") == 14, minutes
    assert not [fact for fact in extract_facts(_PRIME_LIST) if fact.unit == "ft"]


def test_a_prime_after_a_walk_in_a_sentence_stays_feet() -> None:
    note = "O: Gait 45' w/ SPC and CGA, one standing rest.\nTher ex 18' (bridges).\n"
    feet = [fact.value for fact in extract_facts(note) if fact.unit == "ft"]
    assert feet == [45]
    assert "97116" not in {fact.cpt for fact in extract_billing(note).services}


def test_the_distance_a_load_was_moved_is_the_tasks() -> None:
    note = (
        "Work sim: carried 20 lb box 30 ft x 3; pushed loaded cart 40 m; sled pull 15 m at 25 kg."
    )
    read = [fact.value for fact in extract_facts(note)]
    assert not {30, 40, 15} & set(read), read


def test_a_distance_walked_before_the_task_is_read() -> None:
    note = "Gait: walked 220 ft pushing a grocery cart, then amb 150 ft w/o device."
    feet = [fact.value for fact in extract_facts(note) if fact.unit == "ft"]
    assert feet == [220, 150]


def test_bracketed_passive_ranges_under_a_heading_are_prom() -> None:
    note = "R ring finger, active (passive):\n  MCP 0-70 (0-88)\n  PIP -10-80 (0-98)\n"
    prom = {fact.value: fact.label for fact in extract_facts(note) if "PROM" in fact.label}
    assert set(prom) == {88, 98}, prom
    assert "MCP" in prom[88] and "PIP" in prom[98]


def test_a_bracket_marked_passive_on_its_line_is_prom() -> None:
    facts = extract_facts("L shoulder flex AROM 0-120 (P 0-150), abd 0-95.")
    assert [(f.value, "PROM" in f.label) for f in facts if f.value == 150] == [(150, True)]


def test_a_bracket_with_no_word_of_passive_motion_is_left_alone() -> None:
    """ "(0-135)" may be the earlier range or the other side: never guessed to be passive."""
    note = "Elbow, active:\n  flex 0-120 (0-135)\nPain 3 (0-10) at end range."
    read = [fact.value for fact in extract_facts(note)]
    assert 135 not in read and 10 not in read, read
