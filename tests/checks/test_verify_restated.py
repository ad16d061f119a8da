"""Faithful drafts that restate the note in other words stay clean, and each rule's flawed twin
is still caught: dates a note gives as month/day only, and item scores a note lists under an
instrument's heading."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.verify.items import names_item
from tui.core.checks.verify.verify import Verification, verify


def _unsupported(result: Verification) -> list[object]:
    return [fact.value for fact in result.unsupported]


# -- a day the note writes as "M/D" -------------------------------------------------------------

WEIGHTS = """Patient: Oren Vale
Date: 2031-04-02

O: Ambulated 120 ft with rollator. Weight 171 lb today; 175 lb on 3/28. Pain 4/10.
"""


def test_a_day_written_in_words_is_the_notes_month_and_day() -> None:
    draft = (
        "Walked 120 ft with a rollator. He weighed 171 lb today and 175 lb on March 28. Pain 4/10."
    )
    assert verify(WEIGHTS, draft).clean


def test_a_day_the_note_does_not_give_is_still_caught() -> None:
    draft = (
        "Walked 120 ft with a rollator. He weighed 171 lb today and 175 lb on March 26. Pain 4/10."
    )
    assert _unsupported(verify(WEIGHTS, draft)) == ["March 26"]


def test_a_score_is_never_a_day() -> None:
    """A pain rating of 4/10 does not back an invented April 10."""
    draft = (
        "Walked 120 ft with a rollator. Seen on April 10. "
        "Weight 171 lb; 175 lb on March 28. Pain 4/10."
    )
    assert "April 10" in _unsupported(verify(WEIGHTS, draft))


# -- item scores listed under the instrument's heading ----------------------------------------

SELF_CARE = """Patient: Oren Vale
Date: 2031-04-02

Self-care (FIM):
  Feeding 6
  UE dressing 5
  Bathing 3
Plan: OT 5x/wk.
"""


def test_an_item_table_restating_the_list_is_clean() -> None:
    draft = (
        "| Item (FIM) | Score |\n| --- | --- |\n| Feeding | 6 |\n"
        "| Upper-extremity dressing | 5 |\n| Bathing | 3 |\n"
    )
    assert verify(SELF_CARE, draft).clean


def test_a_changed_item_score_is_caught_though_another_item_has_that_value() -> None:
    draft = (
        "| Item (FIM) | Score |\n| --- | --- |\n| Feeding | 6 |\n"
        "| Upper-extremity dressing | 5 |\n| Bathing | 5 |\n"
    )
    assert 5 in _unsupported(verify(SELF_CARE, draft))


def test_an_abbreviation_names_only_the_words_it_spells() -> None:
    assert names_item(["upper", "extremity", "dressing"], "UE dressing 5")
    assert not names_item(["lower", "extremity", "dressing"], "UE dressing 5")
    assert not names_item(["toileting"], "Plan: OT 5x/wk")


# -- an earlier score the note writes on the instrument's line, unread -------------------------

WALK = """Patient: Oren Vale
Date: 2031-04-02

O: - 5xSTS 13.1 s (best of 2; 15.4 s on 2/20/31).
   - Pain 2/10.
"""


def test_an_earlier_score_on_the_instruments_line_backs_the_draft() -> None:
    draft = "Five times sit to stand 13.1 s, improved from 5xSTS 15.4 s to 13.1 s. Pain 2/10."
    assert verify(WALK, draft).clean


def test_a_score_on_the_line_of_another_instrument_is_not_backing() -> None:
    note = WALK.replace("   - Pain 2/10.", "   - Pain 2/10. TUG 9.6 s; FGA 24, 17.2 s")
    draft = "5xSTS 13.1 s. Pain 2/10. TUG 9.6 s. FGA 24. 5xSTS was 17.2 s at the start."
    assert 17.2 in _unsupported(verify(note, draft))


def test_a_changed_earlier_score_is_still_caught() -> None:
    draft = "Five times sit to stand 13.1 s, improved from 5xSTS 16.4 s to 13.1 s. Pain 2/10."
    assert 16.4 in _unsupported(verify(WALK, draft))


# -- a form of a test named in words ----------------------------------------------------------

DUAL = """Patient: Oren Vale
Date: 2031-04-02

O: TUG 10.2 s. TUG dual task 14.8 s.
"""


def test_a_test_form_said_in_words_carries_its_score() -> None:
    draft = "Timed Up and Go 10.2 seconds; under a dual task it took 14.8 seconds."
    assert verify(DUAL, draft).clean


def test_the_form_dropped_is_still_missing() -> None:
    draft = "Timed Up and Go 10.2 seconds; it took 14.8 seconds while carrying a cup."
    assert 14.8 in [float(f.value) for f in verify(DUAL, draft).missing]


# -- a label the note abbreviates ---------------------------------------------------------------

BIKE = """Patient: Oren Vale
Date: 2031-04-02

O: Bike 10 min at HR 118-124.
"""


def test_a_heart_rate_range_backs_the_draft_spelled_out() -> None:
    assert verify(BIKE, "Bike for 10 minutes at a heart rate of 118 to 124.").clean


def test_a_heart_rate_the_note_lacks_is_caught() -> None:
    assert 128 in _unsupported(verify(BIKE, "Bike for 10 minutes at a heart rate of 128 to 124."))


BREATH = """Patient: Oren Vale
Date: 2031-04-02

S: Dyspnea 4/10 climbing stairs.
"""


def test_shortness_of_breath_is_the_dyspnea_rating() -> None:
    assert verify(BREATH, "Shortness of breath 4/10 climbing stairs.").clean


def test_a_changed_breathlessness_rating_is_caught() -> None:
    result = verify(BREATH, "Short of breath 6/10 climbing stairs.")
    assert 4 in [float(f.value) for f in result.missing]


# -- the number after an instrument's name -------------------------------------------------------

COORDINATION = """Patient: Oren Vale
Date: 2031-04-02

O: Bruininks-Oseretsky not given. Beery VMI standard score 91.
"""


def test_a_score_in_other_words_after_the_name_is_clean() -> None:
    assert verify(COORDINATION, "Beery VMI: a standard score of 91.").clean


def test_a_changed_score_in_other_words_after_the_name_is_caught() -> None:
    assert 97 in _unsupported(verify(COORDINATION, "Beery VMI: a standard score of 97."))


# -- the other side's value given after a measured one ------------------------------------------

SPOKEN = """Patient: Oren Vale
Date: 2031-04-02

O: hip internal rotation on the right is 28 degrees, left is 19. ODI 30%.
"""


def test_the_other_sides_value_backs_the_draft() -> None:
    assert verify(SPOKEN, "Hip internal rotation R 28°, L 19°. ODI 30%.").clean


def test_a_swapped_pair_is_still_caught() -> None:
    result = verify(SPOKEN, "Hip internal rotation R 19°, L 28°. ODI 30%.")
    assert 28 in _unsupported(result)


def test_a_changed_other_side_is_still_caught() -> None:
    assert 21 in _unsupported(verify(SPOKEN, "Hip internal rotation R 28°, L 21°. ODI 30%."))


# -- a side written between two values with units belongs to the next one -----------------------

PINCH = """Patient: Oren Vale
Date: 2031-04-02

O: Key pinch R 6.5 kg L 8 kg
"""


def test_the_side_before_the_second_value_is_its_own() -> None:
    assert verify(PINCH, "Key pinch is 6.5 kg on the right and 8 kg on the left.").clean


def test_swapped_pinch_sides_are_caught() -> None:
    result = verify(PINCH, "Key pinch is 8 kg on the right and 6.5 kg on the left.")
    assert sorted(float(v) for v in _unsupported(result)) == [6.5, 8.0]


# -- a visit and its day before a table of scores -----------------------------------------------

SCORES = """Patient: Oren Vale
Date: 2031-04-02

Scores (SOC 3/6 -> today):
KOOS JR 55.2 -> 63.0
"""


def test_a_visit_and_its_day_is_no_score_the_draft_must_carry() -> None:
    draft = "Since the start of care on March 6 the KOOS JR rose from 55.2 to 63.0."
    assert verify(SCORES, draft).clean
    assert not [f for f in extract_facts(SCORES) if f.kind == "outcome" and f.value == 3]


def test_an_unlisted_score_out_of_its_total_is_still_read() -> None:
    facts = extract_facts("Lawton IADL 5/8; Houghton 7/12\n")
    assert [(f.measure, f.value) for f in facts] == [("Lawton IADL", 5), ("Houghton", 7)]


def test_a_set_up_number_after_the_name_is_no_score() -> None:
    note = "Patient: Oren Vale\nDate: 2031-04-02\n\nO: TUG 14.2 s with rollator.\n"
    assert verify(note, "TUG with a 4-wheeled walker: 14.2 s.").clean
    assert 16.2 in _unsupported(verify(note, "TUG with a 4-wheeled walker: 16.2 s."))


def test_a_score_with_its_unit_attached_is_read_whole() -> None:
    note = "Patient: Oren Vale\nDate: 2031-04-02\n\nO: TUG 14.2s.\n"
    assert verify(note, "TUG 14.2s.").clean
