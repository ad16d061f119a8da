"""A tag in brackets that opens a line and says it was carried over from an earlier note
("[carried forward from 01/20] Berg 39/56.", "(copied from last visit, 10/06) Pain 4/10. ODI
36%."): every value of the line is an earlier one (issue 12, round 9). Twins: a tag that says the
line was measured today, and the lines after the tagged one."""

from __future__ import annotations

from tests.checks.label_reading import earlier_by_value

_HEADER = "Patient: Test Person\nDate: 2044-10-08\n\n"


def test_a_carried_forward_tag_labels_its_line() -> None:
    text = "[carried forward from 01/20] Berg 39/56.\n[new today]\nBerg 42/56.\n"
    assert earlier_by_value(_HEADER + text, "outcome") == {39: True, 42: False}


def test_a_copied_tag_labels_every_sentence_of_its_line() -> None:
    text = (
        "(copied from last visit, 10/06) Pain 4/10 with lifting. ODI 36%.\n"
        "(re-measured today) Pain 3/10 with lifting. ODI 30%.\n"
    )
    assert earlier_by_value(_HEADER + text, "outcome") == {36: True, 30: False}
    assert earlier_by_value(_HEADER + text, "pain") == {4: True, 3: False}


def test_a_word_of_this_visit_after_the_tag_ends_it() -> None:
    text = "(carried over from 10/01) ODI 36%, today ODI 30%.\n"
    assert earlier_by_value(_HEADER + text, "outcome") == {36: True, 30: False}
