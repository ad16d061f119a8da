"""Five sit-to-stands timed, written without the test's name ("stood from a kitchen chair five
times in 19.6 seconds"), are the 5xSTS score; sets and reps of sit-to-stand are a dose."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _scores(text: str) -> list[tuple[str | None, int | float | str]]:
    return [(f.measure, f.value) for f in extract_facts(text) if f.kind == "outcome"]


def test_five_timed_rises_are_the_five_times_sit_to_stand() -> None:
    assert _scores("Sit-to-stand from the bed 5 times in 19.6 seconds, arms crossed.") == [
        ("5xSTS", 19.6)
    ]
    assert _scores("Chair rises x5 in 12 s today.") == [("5xSTS", 12)]


def test_twin_sets_of_sit_to_stand_are_a_dose() -> None:
    assert _scores("Sit to stand 5 reps x 3 sets, 30 s rest between.") == []
    assert _scores("Sit to stand x5, then 20 s seated break.") == []
