"""Verification that does not lean on the extractor being right: a draft value is backed where
the note writes it in the same context (the run after an instrument's name, a position angle, a
slash pair, the same anatomy words, a service line's words), and each such backing has a twin
where the draft's value changed or moved and must still be reported."""

from __future__ import annotations

import pytest

from tui.core.checks.verify.verify import Verification, verify


def _values(facts: list[object]) -> list[object]:
    return [getattr(fact, "value", None) for fact in facts]


def _unsupported(note: str, draft: str) -> list[object]:
    return _values(verify(note, draft).unsupported)


def _missing(note: str, draft: str) -> list[object]:
    return _values(verify(note, draft).missing)


def _clean(result: Verification) -> bool:
    return result.clean


# -- the run of values after an instrument's name ---------------------------------------------

SPOKEN_SCALE = (
    "Subjective colon the PSEQ ten came in at forty one, it was twenty eight at intake. "
    "Objective colon lumbar flexion forty degrees.\n"
)


def test_an_unlisted_scale_said_with_its_number_in_words_backs_the_draft() -> None:
    draft = "PSEQ-10 41 (28 at intake). Lumbar flexion 40°."
    assert _unsupported(SPOKEN_SCALE, draft) == []


def test_a_changed_score_on_that_scale_is_still_unsupported() -> None:
    draft = "PSEQ-10 45 (28 at intake). Lumbar flexion 40°."
    assert 45 in _unsupported(SPOKEN_SCALE, draft)


PADDED = (
    "Measure                      IE        now\n"
    "10MWT fast pace with cane            0.61  ->  0.84 m/s\n"
)


def test_a_padded_column_run_backs_the_score_after_its_arrow() -> None:
    assert (
        _unsupported(
            PADDED, "10MWT at a fast pace with the cane 0.84 m/s (0.61 m/s at evaluation)."
        )
        == []
    )


def test_a_padded_column_run_does_not_back_a_number_it_never_writes() -> None:
    assert 0.94 in _unsupported(
        PADDED, "10MWT at a fast pace with the cane 0.94 m/s (0.61 m/s at evaluation)."
    )


PAIRED_WHOLES = "  Kapandji (R / L): 6/10 / 9/10\nPain 2/10 after splinting.\n"


def test_the_second_score_out_of_the_same_whole_is_the_instrument_s() -> None:
    draft = "Kapandji 6/10 on the right and 9/10 on the left. Pain 2/10 after splinting."
    assert _unsupported(PAIRED_WHOLES, draft) == []


def test_a_score_out_of_another_whole_after_a_word_is_not_in_the_run() -> None:
    note = "Kapandji 6/10, pain 8/10 after splinting.\n"
    draft = "Kapandji 6/10 on the right and 8/10 on the left. Pain 8/10 after splinting."
    assert 8 in _unsupported(note, draft)


# -- services named in the note's words --------------------------------------------------------

SERVICES = (
    "Treatment:\n"
    "  97535 kitchen safety and meal preparation training, L hand neglect cues 22 min\n"
    "  97110 shoulder AAROM with pulleys 9 min\n"
    "Billing: 97535 x2, 97110 x1\n"
)


def test_a_service_the_draft_names_in_the_note_s_words_carries_its_minutes() -> None:
    draft = (
        "Kitchen safety and meal preparation training with cues for left-sided neglect, 22 min. "
        "Shoulder active-assisted range of motion with pulleys, 9 min.\n"
        "Billing: 97535 x2, 97110 x1"
    )
    assert _missing(SERVICES, draft) == []


def test_a_service_line_dropped_from_the_draft_is_still_missing() -> None:
    draft = (
        "Shoulder active-assisted range of motion with pulleys, 9 min.\nBilling: 97535 x2, 97110 x1"
    )
    assert 22 in _missing(SERVICES, draft)


def test_minutes_in_a_sentence_about_something_else_do_not_carry_a_service() -> None:
    draft = (
        "Walked 22 min outdoors with her daughter. "
        "Shoulder active-assisted range of motion with pulleys, 9 min.\n"
        "Billing: 97535 x2, 97110 x1"
    )
    assert 22 in _missing(SERVICES, draft)


# -- position angles and slash pairs -----------------------------------------------------------

POSITION = (
    "| Motion (AROM) | IE L | Today L | R |\n|---|---|---|---|\n"
    "| IR at 90° abd | 15° | 40° | 70° |\n| Abduction | 80° | 120° | 170° |\n"
)


def test_a_motion_measured_at_a_position_angle_is_the_motion_s() -> None:
    draft = (
        "Left internal rotation with the arm at 90° of abduction 40° (15° at evaluation; right "
        "70°). Left abduction 120° (80° at evaluation; right 170°)."
    )
    assert _clean(verify(POSITION, draft))


def test_a_value_moved_to_abduction_is_unsupported_despite_the_position_angle() -> None:
    draft = (
        "Internal rotation at 90° of abduction 30° right, 55° left. Flexion 150° right, 55° left."
    )
    assert 55 in _unsupported(POSITION, draft)


SLASH_PAIRS = "Wrist AROM R / L:\n  Radial / ulnar deviation   12° / 30°   18° / 38°\n"


@pytest.mark.parametrize(
    "draft",
    [
        "Right wrist radial deviation 12°, ulnar deviation 30°; left 18° and 38°.",
        "Wrist ulnar deviation 30° right, 38° left; radial deviation 12° right, 18° left.",
    ],
)
def test_slash_paired_values_belong_to_the_motions_in_the_same_places(draft: str) -> None:
    assert _unsupported(SLASH_PAIRS, draft) == []


def test_a_value_swapped_within_a_slash_pair_is_unsupported() -> None:
    draft = "Right wrist radial deviation 30°, ulnar deviation 30°; left 18° and 38°."
    assert 30 in _unsupported(SLASH_PAIRS, draft)


# -- a value written the same after the same anatomy words -------------------------------------

GRADES = "MMT: R hip flex 4/5, R hip abd 3+/5 in available range; L 5/5 throughout\n"


def test_a_grade_after_the_same_side_and_motion_is_the_note_s() -> None:
    draft = (
        "Right hip flexion 4/5 and right hip abduction 3+/5 within the available range; left "
        "5/5 throughout."
    )
    assert _clean(verify(GRADES, draft))


def test_a_grade_moved_to_the_other_motion_is_unsupported() -> None:
    draft = (
        "Right hip flexion 3+/5 and right hip abduction 3+/5 within the available range; left "
        "5/5 throughout."
    )
    assert "4" in _missing(GRADES, draft)


# -- dates and counts of none -------------------------------------------------------------------


def test_a_day_of_a_named_month_in_the_draft_is_no_measurement() -> None:
    note = "Hx: skin graft to the R forearm 02/14/2031. Wrist extension 40°.\n"
    draft = "Skin graft to the right forearm on 14 February. Wrist extension 40°."
    assert _unsupported(note, draft) == []


def test_a_changed_angle_beside_a_spelled_date_is_still_unsupported() -> None:
    note = "Hx: skin graft to the R forearm 02/14/2031. Wrist extension 40°.\n"
    draft = "Skin graft to the right forearm on 14 February. Wrist extension 45°."
    assert 45 in _unsupported(note, draft)


ZERO = "S: 0 falls since last visit; 2 near-falls on the stairs.\n"


def test_none_of_a_thing_in_words_carries_a_count_of_zero() -> None:
    draft = "No falls since the last visit; 2 near-falls on the stairs."
    assert _missing(ZERO, draft) == []


def test_a_count_other_than_zero_is_not_carried_by_a_no() -> None:
    note = "S: 1 fall since last visit; 2 near-falls on the stairs.\n"
    draft = "No falls since the last visit; 2 near-falls on the stairs."
    assert 1 in _missing(note, draft)


# -- a spoken correction ------------------------------------------------------------------------

SPOKEN_GRIP = (
    "Objective, grip right twenty, wait no, twenty two kilograms, left thirty kilograms.\n"
)


def test_a_number_taken_back_with_wait_no_is_not_the_note_s() -> None:
    assert _clean(verify(SPOKEN_GRIP, "Grip 22 kg right, 30 kg left."))


def test_the_taken_back_number_in_a_draft_is_unsupported() -> None:
    assert 20 in _unsupported(SPOKEN_GRIP, "Grip 20 kg right, 30 kg left.")


# -- the earlier and today's values swapped, one half unread ------------------------------------

GRID = (
    "| Measure | IE | Today | Goal |\n|---|---|---|---|\n"
    "| LEFS | 31 | 52 | 65 |\n| Knee flexion | 95° | 118° | 125° |\n"
)


def test_earlier_and_today_s_values_in_their_order_are_clean() -> None:
    draft = (
        "LEFS improved from 31 at the initial visit to 52 (goal 65). Knee flexion 118° (95° at "
        "the initial visit; goal 125°)."
    )
    assert _clean(verify(GRID, draft))


def test_today_s_value_given_as_earlier_reports_the_earlier_one_as_today_s() -> None:
    draft = (
        "LEFS improved from 52 at the initial visit to 31 (goal 65). Knee flexion 118° (95° at "
        "the initial visit; goal 125°)."
    )
    assert _unsupported(GRID, draft) == [31]
