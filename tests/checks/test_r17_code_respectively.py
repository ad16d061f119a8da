"""The shared pieces of the "respectively" readers: cutting a list into items, pairing by place."""

from __future__ import annotations

import re

from tui.core.checks.text.respectively import RESPECTIVELY, in_order, list_items

_JOIN = re.compile(r"[ \t]*,[ \t]*|[ \t]+and[ \t]+")


def test_list_items_cuts_at_each_join() -> None:
    text = "x Berg, TUG and FGA y"
    items = list_items(_JOIN, text, 2, 19)
    assert [text[a:b] for a, b in items] == ["Berg", "TUG", "FGA"]


def test_list_items_without_join_is_one_item() -> None:
    assert list_items(_JOIN, "Berg", 0, 4) == [(0, 4)]


def test_list_items_stays_inside_its_span() -> None:
    text = "a and b and c"
    assert [text[a:b] for a, b in list_items(_JOIN, text, 0, 7)] == ["a", "b"]


def test_in_order_pairs_by_place() -> None:
    assert in_order(["Berg", "TUG"], [41, 14.2]) == [("Berg", 41), ("TUG", 14.2)]


def test_in_order_refuses_lists_of_other_lengths() -> None:
    assert in_order(["Berg", "TUG", "FGA"], [41, 14.2]) == []
    assert in_order(["R"], [22, 18]) == []


def test_respectively_is_a_whole_word() -> None:
    assert RESPECTIVELY.search("41 and 14 s, Respectively.")
    assert RESPECTIVELY.search("41 and 14 s respectively)")
    assert not RESPECTIVELY.search("irrespectively of")
    assert not RESPECTIVELY.search("respectivelyness")
