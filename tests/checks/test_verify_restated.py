"""Faithful drafts that restate the note in other words stay clean, and each rule's flawed twin
is still caught: dates a note gives as month/day only, and item scores a note lists under an
instrument's heading."""

from __future__ import annotations

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
