"""The note's index built once for every draft checked against it, and the shared pieces that
replaced code written twice (the part of a line at a position, the matchers' name patterns)."""

from __future__ import annotations

import re

from tui.core.checks.text.lexicon import _cased, _longest_first, build_measure_matcher
from tui.core.checks.verify import verify as verifying
from tui.core.checks.verify.lines import part_at, sentence_at

_NOTE = "TUG 12.4 s today. Berg 48/56. Pain 3/10 at rest."


def test_note_index_is_built_once_per_note() -> None:
    verifying._note_index.cache_clear()
    first = verifying.verify(_NOTE, "TUG 12.4 s. Berg 48/56. Pain 3/10.")
    second = verifying.verify(_NOTE, "TUG 12.4 s. Berg 46/56. Pain 3/10.")
    info = verifying._note_index.cache_info()
    assert (info.misses, info.hits) == (1, 1)
    assert first.clean
    assert [fact.value for fact in second.unsupported] == [46]
    assert [fact.value for fact in second.missing] == [48]


def test_another_note_or_other_measures_build_another_index() -> None:
    verifying._note_index.cache_clear()
    verifying.verify(_NOTE, "TUG 12.4 s.")
    verifying.verify(_NOTE + " ", "TUG 12.4 s.")
    verifying.verify(_NOTE, "TUG 12.4 s.", ["Foo Scale"])
    assert verifying._note_index.cache_info().misses == 3


def test_a_checked_draft_leaves_the_note_index_as_built() -> None:
    verifying._note_index.cache_clear()
    verifying.verify(_NOTE, "TUG 12.4 s. Berg 40/56. Pain 3/10.")
    index = verifying._note_index(_NOTE, ())
    again = type(index).read(_NOTE, ())
    assert index.facts == again.facts and index.by_value == again.by_value
    assert index.topics == again.topics and index.numbers == again.numbers


def test_part_at_cuts_its_line_at_the_stops() -> None:
    text = "first line\nBerg 48/56; TUG 12.4 s. Pain 3/10\nlast"
    at = text.index("TUG")
    assert part_at(text, at, re.compile(r";|\.(?!\d)")) == " TUG 12.4 s."
    assert sentence_at(text, at) == "Berg 48/56; TUG 12.4 s."
    assert part_at(text, text.index("Pain"), re.compile(r"\.(?!\d)")) == " Pain 3/10"


def test_names_longest_first_and_cased() -> None:
    assert _longest_first([(3, "TUG"), (13, "TUG cognitive"), (4, "Berg")]) == (
        "TUG cognitive|Berg|TUG"
    )
    assert _cased("PT", True) == "PT"
    assert _cased("Berg", False) == "(?i:Berg)"


def test_measure_matcher_prefers_the_longer_name() -> None:
    matcher = build_measure_matcher(("Foo Test", "Foo Test Short"))
    found = matcher.pattern.search("Foo Test Short 12")
    assert found is not None and found.group() == "Foo Test Short"
    assert matcher.measure("foo test") is not None
