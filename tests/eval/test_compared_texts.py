"""The notes the fast-path tests compare with the plain scan (corpus.compared_texts): a fixed
sample holding part of every set, or every note when asked."""

from __future__ import annotations

import pytest

from tests.eval.corpus import SAMPLE_EVERY, SPLITS, cases, compared_texts


def test_the_sample_holds_part_of_every_set_and_the_same_notes_each_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CHARTDESK_EVAL_NOTES", raising=False)
    monkeypatch.delenv("CHARTDESK_HYPOTHESIS", raising=False)
    every = sum(len(cases(split)) for split in SPLITS)
    sample = compared_texts()
    assert sample == compared_texts()
    assert every / (2 * SAMPLE_EVERY) <= len(sample) < every
    for split in SPLITS:
        texts = {case.text for case in cases(split)}
        assert max(texts, key=len) in compared_texts([split])


@pytest.mark.parametrize(
    ("name", "value"), [("CHARTDESK_EVAL_NOTES", "all"), ("CHARTDESK_HYPOTHESIS", "explore")]
)
def test_every_note_is_compared_when_asked(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    assert len(compared_texts()) == sum(len(cases(split)) for split in SPLITS)
