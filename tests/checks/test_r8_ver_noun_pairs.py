"""A number both texts write beside the same noun ("2 asymmetries" and "asymmetries 2") is the
same statement however the draft's reader labels it; another number beside that noun, or a
common count such as "10 reps", is not backed that way."""

from __future__ import annotations

from tui.core.checks.verify.noun_pairs import same_noun
from tui.core.checks.verify.verify import verify

_NOTE = (
    "Patient: Test Person\nDate: 2047-02-01\n"
    " - HINE global score 58/78 (optimal for 3 mo CA >= 67); asymmetries 2.\n"
)


def _draft(count: int) -> str:
    return (
        "## Tests and Measures\n"
        "- HINE global score 58/78 (optimal for 3 months corrected age is 67 or more); "
        f"{count} asymmetries.\n"
    )


def test_the_same_number_beside_the_same_noun_is_backed() -> None:
    result = verify(_NOTE, _draft(2))
    assert result.clean, result.to_json()


def test_another_number_beside_the_noun_is_caught() -> None:
    result = verify(_NOTE, _draft(4))
    assert [fact.value for fact in result.unsupported] == [4]


def test_a_word_that_says_nothing_of_the_value_pairs_nothing() -> None:
    text = "walked 10 times"
    assert not same_noun(text, (7, 9), 10.0, "times 10")
    assert same_noun("2 asymmetries", (0, 1), 2.0, "asymmetries 2")
