"""A note arriving is read once per text however many checks ask (issue 12, speed): the offline
drafter, verification of its draft and the audit share each reading of the note's text and body,
and the drafter and the audit (the body without and with the clinic's measure names) share the
passes that do not use those names."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.checks.test_r14_perf_one_reading import counted_cache
from tests.core.conftest import drafted
from tui.core.checks import extract
from tui.core.service import ClinicService


def test_each_text_of_a_note_is_read_once_from_arrival_to_review(
    service: ClinicService, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: Counter[object] = Counter()
    for name in ("_base", "_general", "_read"):
        monkeypatch.setattr(
            extract, name, counted_cache(calls, name, getattr(extract, name).__wrapped__)
        )
    draft_id = drafted(service)
    service.gate(draft_id)  # what the review screen asks: the stored checks, no reading again
    note = service.stored_note(service.draft(draft_id).note_id)
    assert calls and set(calls.values()) == {1}, "a text read twice"
    body_reads = [key for key in calls if key[0] == "_read" and key[1] == note.body]
    assert len(body_reads) == 2  # the drafter's and the audit's
    assert calls[("_general", note.body)] == 1  # the passes both share, run once
