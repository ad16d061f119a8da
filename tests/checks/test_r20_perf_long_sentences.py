"""Round 20: two readers of the round looked back over a whole sentence or line for every value
in it, so one long sentence of ratings or trials cost its length once per value (bench/checks.py:
a 40 KB line of 'pain 3/10, ' grew 10x from 10 KB). Counted, not timed: the sentence is searched
for a full mark once; a run's first trial, now looked for only within reach of the value, is still
found at the end of a long line."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.measures import full_marks, trial_runs
from tui.core.checks.measures.trial_runs import run_first

HEADER = "Patient: Bench Long\nDate: 2027-06-30\n\nO: "


def test_a_long_sentence_of_ratings_is_searched_for_a_full_mark_once() -> None:
    full_marks._full_mark_in.cache_clear()
    extract_facts(HEADER + "pain 3/10, " * 400 + "\n")
    info = full_marks._full_mark_in.cache_info()
    assert info.misses <= 2
    assert info.hits >= 300


def test_a_runs_first_trial_is_found_and_the_look_back_is_bounded() -> None:
    text = "Previous visit grip L 12/14/13 lb"
    later = text.index("14")
    assert run_first(text, (0, len(text)), later) == (text.index("12"), text.index("12") + 2)
    long_line = "trial 1 8 s, " * 2000 + "grip L 12/14/13 lb"
    later = long_line.rindex("14")
    first = run_first(long_line, (0, len(long_line)), later)
    assert first == (long_line.rindex("12"), long_line.rindex("12") + 2)
    assert later - first[0] <= trial_runs._RUN_REACH
