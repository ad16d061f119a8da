"""Tables whose result column comes after other columns ("| Grip, Jamar pos 2 | TRIES 3 | R 39 kg
/ L 44 kg |"): the row's test names the result, a count of trials, a test position or a scale's
maximum between them is never a value. Each reading has a twin that must not be read."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact


def _facts(text: str) -> list[Fact]:
    return extract_facts(text)


def _read(text: str) -> list[tuple[str, float | int | str]]:
    return [(fact.kind, fact.value) for fact in _facts(text)]


_PRINT = (
    "ITEM                      | TRIES | RESULT                 | NOTES\n"
    "Grip, Jamar pos 3         | 3     | R 31 kg / L 38 kg      | even effort\n"
    "Key pinch                 | 2     | R 7.5 kg / L 8.5 kg    | pain-free\n"
)


def test_a_result_after_a_count_of_trials_is_the_tests() -> None:
    strength = [(f.value, f.label.split()[0]) for f in _facts(_PRINT) if f.kind == "strength"]
    assert strength == [(31, "R"), (38, "L"), (7.5, "R"), (8.5, "L")]


def test_a_result_after_a_count_twin_the_count_is_no_value() -> None:
    assert not {3, 2} & {value for _, value in _read(_PRINT)}


def test_a_score_after_trials_is_the_instruments() -> None:
    note = (
        "| Test | Condition | Trials | Score |\n|---|---|---|---|\n"
        "| Mini-BESTest | ON meds | 1 | 21/28 |\n| FGA | ON meds | 2 | 18/30 |\n"
    )
    outcomes = [(f.measure, f.value) for f in _facts(note) if f.kind == "outcome"]
    assert outcomes == [("Mini-BESTest", 21), ("FGA", 18)]


def test_a_result_column_of_words_twin_reads_nothing() -> None:
    note = (
        "| Task | Reps | Result |\n|---|---|---|\n"
        "| Single-leg hop | 3 | symmetric landing |\n| Tuck jump | 10 | soft landing |\n"
    )
    assert _read(note) == []


def test_a_test_position_column_is_no_range_of_motion() -> None:
    note = (
        "Hand-held dynamometry (kg), make test:\n\n"
        "| Muscle | Position | Reps | Result |\n|---|---|---|---|\n"
        "| Knee extensors | sitting, knee 90° | 3 | L 18.6 kg / R 27.9 kg |\n"
    )
    read = _read(note)
    assert ("rom", 90) not in read
    assert [value for kind, value in read if kind == "strength"] == [18.6, 27.9]


def test_a_scales_maximum_beside_its_score_is_left_out() -> None:
    note = (
        "| Scale | Max | Score |\n|---|---|---|\n"
        "| Berg | 56 | 44 |\n| ABC | 100% | 62% |\n| DGI | 24 | 17 |\n"
    )
    assert [value for kind, value in _read(note) if kind == "outcome"] == [44, 62, 17]


def test_a_maximum_twin_without_a_score_column_is_the_best_trial() -> None:
    note = "| Trial | 1 | 2 | Max |\n|---|---|---|---|\n| Grip R (kg) | 28 | 30 | 30 |\n"
    assert 30 in [fact.value for fact in _facts(note) if fact.kind == "strength"]


def test_a_measured_column_beside_an_eval_column_is_todays() -> None:
    note = "Test\tDevice\tMeasured\tEval\nTUG\tRW\t16.8 s\t22.4 s\nBerg\t--\t41/56\t33/56\n"
    found = [(f.measure, f.value, "previous" in f.label) for f in _facts(note)]
    assert found == [
        ("TUG", 16.8, False),
        ("TUG", 22.4, True),
        ("Berg", 41, False),
        ("Berg", 33, True),
    ]
