"""A bracketed timepoint word with a value after it is that value's column cue, never an
annotation of the value before it: in "(NOW) 3/5, (BEFORE) 2/5" the 3/5 is this visit's. The
twin: the same word closing a value ("42 ((prior))") still marks that value earlier."""

from __future__ import annotations

import pytest

from tests.checks.conftest import one_fact


@pytest.mark.parametrize(
    ("text", "kind", "value", "previous"),
    [
        ("Hip abd MMT: (CURRENT) 4/5, (PRIOR) 3/5; glute med.", "mmt", "4", False),
        ("Hip abd MMT: (CURRENT) 4/5, (PRIOR) 3/5; glute med.", "mmt", "3", True),
        ("NDI: (this visit) 14, (baseline) 26.", "outcome", 14, False),
        ("NDI 14, 26 (baseline).", "outcome", 26, True),
        ("NDI 26 ((prior)), 14 now.", "outcome", 26, True),
    ],
)
def test_a_bracketed_word_before_a_value_is_its_cue(
    text: str, kind: str, value: object, previous: bool
) -> None:
    assert ("previous" in one_fact(text, kind, value).label) is previous
