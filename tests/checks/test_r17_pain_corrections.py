"""Corrections of a value, typed and spoken (issue 12, round 17): a speaker's hesitation between
"no" and the corrected rating, and a late entry's "the correct score is" after a semicolon, read
by the text level and the fact level as one rewrite. Each rule has the reading it must make and
the readings it must not make."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _values(text: str, kind: str) -> list[object]:
    return [fact.value for fact in extract_facts(text) if fact.kind == kind]


def test_a_hesitation_after_no_keeps_the_last_rating() -> None:
    text = "the pain is 5/10, no, 4/10, no, let me think, 5/10 with bending."
    assert _values(text, "pain") == [5]


def test_a_filler_after_a_spoken_marker_is_no_value() -> None:
    assert _values("grip 20 kg, no wait, um, 22 kg", "strength") == [22]


def test_no_before_words_without_a_number_takes_nothing_back() -> None:
    assert _values("knee flexion 90 degrees, no, let me think about it", "rom") == [90]


def test_the_correct_score_after_a_semicolon_replaces_the_old_one() -> None:
    facts = extract_facts("Berg 41/56; the correct score is 45/56.")
    assert [(f.kind, f.measure, f.value) for f in facts] == [("outcome", "Berg", 45)]


def test_the_correct_value_of_a_timed_test_after_a_semicolon() -> None:
    assert _values("TUG 14.2 s; the correct value is 12.4 s.", "outcome") == [12.4]


def test_should_read_on_its_own_line_still_takes_back_the_earlier_row() -> None:
    text = "R knee flexion 115 deg.\nAddendum: knee flexion 115 should read 105."
    assert _values(text, "rom") == [105]


def test_should_read_in_a_line_keeps_the_new_value() -> None:
    assert _values("knee flex 100 should read 110", "rom") == [110]


def test_not_after_keeps_the_value_it_corrects_to() -> None:
    assert _values("Correction: supination was 60 deg, not 65 deg", "rom") == [60]


def test_a_marker_after_a_semicolon_takes_back_the_clause_before() -> None:
    assert _values("Grip R 14 kg; correction: 16 kg.", "strength") == [16]
    assert _values("Pain 4/10; sorry, 5/10.", "pain") == [5]


def test_a_new_rating_after_a_semicolon_and_a_marker_is_kept_beside_the_first() -> None:
    assert _values("Pain 4/10; actually pain with stairs 6/10", "pain") == [4, 6]


def test_a_correction_naming_the_measure_in_its_own_order_takes_back_the_old_value() -> None:
    assert _values("Grip R 14 kg; correction, the right grip is 16 kg.", "strength") == [16]


def test_a_correction_naming_the_other_side_is_a_new_value() -> None:
    assert _values("Grip R 14 kg, sorry, the left grip is 16 kg.", "strength") == [14, 16]
