"""Ratings a note writes bare after its first one ("6 out of 10 on stairs, 3 sitting") back the
draft's "3/10 sitting"; a bare count on the pain line ("3 flights") backs no rating."""

from __future__ import annotations

from tui.core.checks.verify.verify import verify

_NOTE = (
    "Patient: Test Person\nDate: 2047-02-01\n"
    "Q: Pain now?\n"
    "A: 6 out of 10 on stairs, 3 sitting. Before the fall it was 2 on stairs.\n"
    "PT: Pain 5/10 carrying laundry, 4 flights to her flat.\n"
)


def _draft(sitting: int, carrying: int) -> str:
    return (
        "## Subjective\n"
        f"She reports pain 6/10 on stairs and {sitting}/10 sitting (2/10 on stairs before the "
        f"fall). Pain {carrying}/10 carrying laundry (4 flights to her flat).\n"
    )


def test_bare_ratings_after_the_first_back_the_draft() -> None:
    result = verify(_NOTE, _draft(3, 5))
    assert result.clean, result.to_json()


def test_a_changed_bare_rating_is_caught() -> None:
    result = verify(_NOTE, _draft(4, 5))
    assert [fact.value for fact in result.unsupported] == [4]


def test_a_count_on_the_pain_line_backs_no_rating() -> None:
    result = verify(_NOTE, _draft(3, 4))
    assert 4 in [fact.value for fact in result.unsupported]
