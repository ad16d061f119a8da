"""Values side by side under a heading that names each column's time (round 13, LAYOUT):
"(today / eval)" makes each row's second value an earlier one, "(IE / today)" the first; a goal
column is a target. Twins: two times of one session ("rest / peak", "pre / post") are both
today's, and modes ("AROM / PROM") are no times.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in


def _read(text: str) -> list[tuple[str, object, bool]]:
    return [(fact.kind, fact.value, "previous" in fact.label) for fact in facts_in(text)]


def test_today_then_eval_columns_make_the_second_value_earlier() -> None:
    text = "Objective (today / eval):\n- R quad 4/5 / 3+/5\n- 6MWT 402 m / 318 m\n"
    assert _read(text) == [
        ("mmt", "4", False),
        ("mmt", "3+", True),
        ("outcome", 402, False),
        ("outcome", 318, True),
    ]


def test_eval_then_today_columns_make_the_first_value_earlier() -> None:
    assert _read("Measures (IE | now):\nTUG 19.6 s | 11.2 s\n") == [
        ("outcome", 19.6, True),
        ("outcome", 11.2, False),
    ]


def test_a_goal_column_is_never_a_measurement() -> None:
    assert _read("Outcomes (today / eval / goal):\n- Berg 46/56 / 39/56 / 50/56\n") == [
        ("outcome", 46, False),
        ("outcome", 39, True),
    ]


def test_a_row_naming_its_own_columns_loses_their_words() -> None:
    assert _read("R ankle DF AROM (today/IE): 8 / -4 deg.\n")[0] == ("rom", 8, False)


def test_two_times_of_one_session_are_both_todays() -> None:
    found = _read("HR (rest / peak): 72 / 118 bpm\nSpO2 (pre / post): 97% / 93%\n")
    assert [value for _, value, _ in found] == [72, 118, 97, 93]
    assert not any(previous for _, _, previous in found)
