"""Times of a task or a sign written without a test's name (issue 12, round 8): both directions
of a task timed, the latency and duration of a positional test's nystagmus, a time held out of
the test's ceiling. Twins: a dose in seconds, a change, a duration with no sign named and the
ceiling itself are never read."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts

READ = [
    ("Bus steps (3 steps, 1 rail): up in 21 s, down in 26 s, CGA.", [21, 26]),
    ("Stairs: ascended in 48 s, descended in 39 s, SBA.", [48, 39]),
    ("Playground ladder: up 12 s / down 15 s with CGA.", [12, 15]),
    ("L Dix-Hallpike: upbeating torsional nystagmus, latency 5 s, duration 25 s.", [5, 25]),
    ("After a latency of 3 seconds she had nystagmus lasting 20 seconds.", [3, 20]),
    ("mCTSIB cond 4 (foam, EC): 18 s of 30 s, 2 trials.", [18]),
]
NOT_READ = [
    ("Step-ups 20 s on, 20 s rest x 4 rounds.", 20),
    ("TUG down 3 s since eval.", 3),
    ("HEP: hold stretch duration 30 s x 3.", 30),
    ("Feet together on foam: 14 s of 30 s.", 30),
]


@pytest.mark.parametrize(("line", "values"), READ, ids=lambda x: str(x)[:24])
def test_a_measured_time_is_read(line: str, values: list[float]) -> None:
    read = [fact.value for fact in extract_facts(line) if fact.unit == "s"]
    assert read == values


@pytest.mark.parametrize(("line", "value"), NOT_READ, ids=lambda x: str(x)[:24])
def test_twin_a_dose_a_change_or_a_ceiling_is_not(line: str, value: float) -> None:
    assert value not in [fact.value for fact in extract_facts(line)]
