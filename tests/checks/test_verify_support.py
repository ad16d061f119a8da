"""Support per fact: a note's value is carried only by the draft's value of the same fact, and a
draft's value is supported only by the note's. Each rule has a faithful draft that must be
clean and a flawed twin that must be caught."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.verify.instrument_spellings import WordIndex, names_in, same_instrument
from tui.core.checks.verify.verify import Verification, dates_in, verify


def _missing(result: Verification) -> list[float]:
    return [float(fact.value) for fact in result.missing if not isinstance(fact.value, str)]


def _unsupported(result: Verification) -> list[object]:
    return [fact.value for fact in result.unsupported]


# -- a dropped value is not carried by the same number written for something else -------------

ENDURANCE = """Patient: Ama Osei
Date: 2027-10-11

O: Side plank endurance 31 s (was 12 s). Oswestry 31%.
"""


def test_a_timed_value_is_carried_by_its_own_time() -> None:
    draft = "Side plank endurance 31 s (12 s before). ODI 31%."
    assert verify(ENDURANCE, draft).clean


def test_a_dropped_time_is_missing_though_the_draft_writes_the_number_as_a_percent() -> None:
    result = verify(ENDURANCE, "Side plank endurance improved from 12 s. ODI 31%.")
    assert 31 in _missing(result)


SHOULDER = """Patient: Ama Osei
Date: 2027-10-11

O: R shoulder flexion 150°. L shoulder abduction 150°.
"""


def test_both_angles_written_are_carried() -> None:
    assert verify(SHOULDER, "Right shoulder flexion 150°; left shoulder abduction 150°.").clean


def test_a_dropped_angle_is_missing_though_another_motion_has_the_same_value() -> None:
    result = verify(SHOULDER, "Left shoulder abduction 150°.")
    assert [fact.label for fact in result.missing] == ["R shoulder flexion"]


# -- instruments the tables do not list ----------------------------------------------------------

STROKE = """Patient: Ama Osei
Date: 2027-10-11

O: SIS hand domain 44. Grip R 44 lb. POSAS observer 28/60.
Ther ex 28 min.
"""


def test_an_unlisted_instrument_spelled_out_in_the_draft_is_carried() -> None:
    draft = (
        "Stroke Impact Scale hand domain 44. Grip right 44 lb. POSAS observer scale 28/60.\n"
        "Therapeutic exercise 28 min."
    )
    assert verify(STROKE, draft).clean


def test_a_dropped_unlisted_score_is_missing_though_the_number_is_elsewhere() -> None:
    draft = (
        "The Stroke Impact Scale was reviewed. Grip right 44 lb. POSAS observer 28/60.\n"
        "Therapeutic exercise 28 min."
    )
    result = verify(STROKE, draft)
    assert [fact.measure for fact in result.missing] == ["SIS"]


def test_a_changed_unlisted_score_is_unsupported_under_any_spelling() -> None:
    draft = (
        "Stroke Impact Scale hand domain 44. Grip right 44 lb. POSAS observer scale 26/60.\n"
        "Therapeutic exercise 28 min."
    )
    assert 26 in _unsupported(verify(STROKE, draft))


def test_names_of_one_unlisted_instrument() -> None:
    assert same_instrument("Vancouver", "Vancouver Scar Scale")
    assert same_instrument("TVPS", "Test of Visual Perceptual Skills")
    assert same_instrument("VORx1", "VOR x1")
    assert not same_instrument("POSAS", "PSFS")
    assert not same_instrument("Scar", "Vancouver Scar Scale")
    assert names_in("Dynamic visual acuity: 3 lines lost", "DVA")
    assert not names_in("reaching with a 3 kg box", "DVA")


# -- a number given the unit of its sentence -----------------------------------------------------

REACH = """Patient: Ama Osei
Date: 2027-10-11

O: tip-to-crease distance 3.5 cm today, last visit it was 5.
"""


def test_a_bare_earlier_value_supports_it_with_the_unit_of_its_sentence() -> None:
    assert verify(REACH, "Tip to distal palmar crease 3.5 cm (5 cm last visit).").clean


def test_a_changed_earlier_value_with_that_unit_is_unsupported() -> None:
    result = verify(REACH, "Tip to distal palmar crease 3.5 cm (6 cm last visit).")
    assert 6 in _unsupported(result)


# -- a change is said with change words, not a word that holds "point" ---------------------------

GAIT = """Patient: Ama Osei
Date: 2027-10-11

O: TUG 12.1 s with a quad cane (was 19.5 s at eval).
"""


def test_a_value_beside_a_single_point_cane_is_no_change() -> None:
    assert verify(GAIT, "TUG 12.1 s with a single-point cane, from 19.5 s at evaluation.").clean
    flawed = "TUG 7.4 s with a single-point cane, from 19.5 s at evaluation."
    assert 7.4 in _unsupported(verify(GAIT, flawed))  # 19.5 - 12.1, but not called a change


def test_a_change_in_points_is_still_a_change() -> None:
    note = "Patient: Ama Osei\nDate: 2027-10-11\n\nO: LEFS 52/80 (was 40/80 at eval).\n"
    assert verify(note, "LEFS 52/80, up 12 points from 40/80 at evaluation.").clean
    assert 13 in _unsupported(verify(note, "LEFS 52/80, up 13 points from 40/80 at evaluation."))


# -- days said in words ----------------------------------------------------------------------------

SAID = """Patient: Ama Osei
Date: 2027-10-11

Okay so the MRI from the third of September was clear, follow-up on October the twenty-first.
"""


def test_days_said_in_words_are_dates() -> None:
    assert (0, 9, 3) in dates_in("the third of September")
    assert (2027, 10, 21) in dates_in("October the twenty-first, 2027")
    assert (0, 5, 12) in dates_in("on the 12th of May")


def test_a_day_said_in_words_supports_the_draft_date_and_a_changed_day_is_caught() -> None:
    assert verify(SAID, "MRI of September 3 was clear; follow-up October 21.").clean
    result = verify(SAID, "MRI of September 4 was clear; follow-up October 21.")
    assert [fact.label for fact in result.unsupported] == ["date not in the note"]


def test_the_word_index_finds_a_name_where_a_sentence_search_does() -> None:
    text = "Head impulse positive. Dynamic visual acuity improved. VOR x1 tolerated 60 s."
    index = WordIndex(text)
    for name in ("DVA", "Dynamic visual acuity", "VORx1", "VOR", "Vancouver", "DHI", "TUG"):
        assert index.names(name) == names_in(text, name), name
    assert WordIndex("Timed Up and Go 9.8 s").names("TUG")


# -- a form of a test the note names only as the test --------------------------------------------

DUAL_TASK = """Patient: Ama Osei
Date: 2027-10-11

Timed up and go nine point eight seconds, with the dual task (animals) it was thirteen point two.
"""


def test_a_score_on_a_form_of_the_test_is_supported_by_the_notes_sentence_about_the_test() -> None:
    assert verify(DUAL_TASK, "TUG 9.8 s; TUG dual task 13.2 s.").clean


def test_a_changed_score_on_the_form_of_the_test_is_unsupported() -> None:
    assert 14.2 in _unsupported(verify(DUAL_TASK, "TUG 9.8 s; TUG dual task 14.2 s."))


def test_digits_said_after_point_include_oh() -> None:
    note = (
        "Patient: Ama Osei\nDate: 2027-10-11\n\nGait speed one point oh four meters per second.\n"
    )
    assert verify(note, "Gait speed 1.04 m/s.").clean
    assert 1.4 in _unsupported(verify(note, "Gait speed 1.4 m/s."))


# -- a range in brackets after a range is a range, not a scale's bounds ---------------------------

THUMB = """Patient: Ama Osei
Date: 2027-10-11

R thumb, AROM (PROM):
  MP  0-40 (0-55)
  IP  0-50 (0-70)
Pain 3 (0-10) with pinch.
"""


def test_a_bracketed_range_after_a_range_is_read_and_a_scale_is_not() -> None:
    found = {(fact.kind, fact.value) for fact in extract_facts(THUMB)}
    assert {("rom", 40), ("rom", 55), ("rom", 50), ("rom", 70), ("pain", 3)} <= found
    assert not {value for kind, value in found if value == 10}


def test_passive_ranges_in_brackets_are_carried_and_checked() -> None:
    draft = "Right thumb AROM (PROM): MP 0-40° (0-55°); IP 0-50° (0-70°). Pain 3/10 with pinch."
    assert verify(THUMB, draft).clean
    flawed = draft.replace("(0-70°)", "(0-75°)")
    assert 75 in _unsupported(verify(THUMB, flawed))


# -- a value of no kind is backed by the number where the note says what it is of -----------------

TIRED = """Patient: Ama Osei
Date: 2027-10-11

O: Walked 300 ft with 7 standing rests. Fatigue 4/10 after walking.
"""


def test_a_rating_of_no_kind_is_supported_by_its_own_sentence() -> None:
    assert verify(TIRED, "Walked 300 ft with 7 standing rests; fatigue 4/10 afterwards.").clean


def test_a_changed_rating_is_not_supported_by_the_same_number_counting_something_else() -> None:
    result = verify(TIRED, "Walked 300 ft with 7 standing rests; fatigue 7/10 afterwards.")
    assert 7 in _unsupported(result)
