"""Verify on instruments scored item by item (OASIS, Section GG, FIM): a draft that gives an
item another item's value is caught; a draft that words the items differently is clean."""

from __future__ import annotations

from tui.core.checks.verify.verify import verify

_NOTE = (
    "HH PT SOC\n"
    "M1800 Grooming: 1\n"
    "M1810 Current ability to dress upper body: 1\n"
    "M1850 Transferring: 2\n"
    "M1860 Ambulation/locomotion: 3\n"
)


def test_an_item_given_another_items_value_is_unsupported() -> None:
    draft = (
        "OASIS: M1800 grooming 1; M1810 upper body dressing 1; M1850 transferring 2; "
        "M1860 ambulation 1."
    )
    result = verify(_NOTE, draft)
    assert [f.value for f in result.unsupported] == [1]
    assert [f.value for f in result.missing] == [3]


def test_twin_items_worded_differently_are_the_same_items() -> None:
    draft = (
        "OASIS: M1800 grooming 1; M1810 dressing of the upper body 1; "
        "M1850 transfers 2; M1860 ambulation/locomotion 3."
    )
    assert verify(_NOTE, draft).clean
