"""Rests taken during a timed walk are a count, never the test's score (issue 12, neuro
notes); a twin that must be read."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _values(text: str) -> list[float]:
    return [float(f.value) for f in extract_facts(text) if f.kind in ("outcome", "other")]  # type: ignore[arg-type]


def test_rests_during_a_walk_test_are_no_score() -> None:
    assert _values("2MWT: 88 m w/ 2 seated rest breaks.") == [88]
    assert 1 not in _values("He managed 230 m on the 6MWT with 1 standing rest at 4 min.")


def test_twin_a_test_scored_after_with_is_still_read() -> None:
    assert _values("6MWT with rollator 310 m.") == [310]
