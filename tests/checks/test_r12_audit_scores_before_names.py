"""verify: a score the note writes before the instrument's name ("3.1 JFLS-20 global") backs the
draft's score written name first; a number that counts something, or sits inside a phrase,
before the name backs nothing."""

from __future__ import annotations

from tui.core.checks.verify.scores_before_names import written_before_name
from tui.core.checks.verify.verify import verify


def test_a_score_opening_its_line_before_the_name() -> None:
    assert written_before_name("S: ok\n42 LEFS (IE 30).", [6], "LEFS")
    assert written_before_name("- 24/50 NDI (IE 31/50)", [2], "NDI")
    assert written_before_name("He scored 49 on the Berg today.", [10], "Berg")


def test_a_number_inside_a_phrase_or_counting_items_is_no_score() -> None:
    assert not written_before_name("Week 6 LEFS 52, IE 38.", [5], "LEFS")
    assert not written_before_name("3 ODI items skipped; ODI 36% today.", [0], "ODI")


def test_a_faithful_draft_of_a_value_first_score_is_clean_and_a_changed_one_is_caught() -> None:
    note = "S: knee better.\n42 LEFS (IE 30).\n"
    assert verify(note, "LEFS 42 (30 at the initial evaluation).").clean
    assert not verify(note, "LEFS 46 (30 at the initial evaluation).").clean


def test_the_week_before_a_name_backs_no_score_of_it() -> None:
    note = "S: jogging.\nWeek 6 LEFS 52, IE 38.\n"
    assert not verify(note, "LEFS 6 at week 6 (38 at the initial evaluation).").clean
