"""Round 20, EXPORTS: structured exports read as a clinician reads them: a YAML value's quotes
are the export's, a service record's code owns its minutes, a key naming a norm or a goal holds
no patient value, a pain key with its circumstance holds a rating, and a nested key that names
only a side or a time is read under its parents' names (each rule with its near miss)."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in, labels_of, one_fact
from tui.core.checks.extract import extract_billing

# -- quoted values ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ('vitals:\n  bp: "128/76"\n', "other", "128/76"),
        ('mmt:\n  r_supraspinatus: "4-/5"\n', "mmt", "4-"),
        ('vitals:\n  spo2: "97%"\n', "other", 97),
    ],
)
def test_quoted_reading_is_read(text: str, kind: str, value: object) -> None:
    one_fact(text, kind, value)


def test_quoted_phrase_keeps_its_quotes() -> None:
    # a sentence in quotes: its numbers are words of the sentence, no reading
    assert not facts_in('subjective:\n  notes: "walked 2 blocks to church"\n')


# -- service records -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "treatment:\n  - code: 97530\n    name: therapeutic activities\n    mins: 18\n",
        '  {\n    "cpt": "97530",\n    "minutes": 18\n  }\n',
        "## Billing\n- Cpt: 97530\n- Label: therapeutic activities\n- Minutes: 18\n",
        "services:\n  - {cpt: 97530, minutes: 18}\n",
        '[{"cpt": "97530", "minutes": 18}]\n',
    ],
)
def test_record_code_owns_its_minutes(text: str) -> None:
    services = extract_billing(text).services
    assert [(s.cpt, s.minutes) for s in services] == [("97530", 18)]


def test_record_without_code_is_no_service() -> None:
    # a home program's record: minutes of an exercise, no code
    assert not extract_billing("program:\n  - name: bike\n    minutes: 15\n").services


def test_record_with_units_only_has_no_minutes() -> None:
    assert not extract_billing("charges:\n  - cpt: 97110\n    units: 2\n").services
    assert not extract_billing("charges:\n  - {cpt: 97110, units: 2}\n").services


def test_flattened_records_with_minutes_first_are_left() -> None:
    # minutes before the first code: which code they belong to is not said
    text = "- Minutes: 24\n- Cpt: 97110\n- Minutes: 13\n- Cpt: 97112\n"
    assert not extract_billing(text).services


def test_zero_minute_record_is_no_service() -> None:
    text = "services:\n  - cpt: 97116\n    minutes: 0\n    note: not performed\n"
    assert not extract_billing(text).services


# -- reference keys --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tests:\n  thirty_sec_chair_stand_norm_reps: 12\n",
        "TUG cutoff: 13.5 s",
        "strength:\n  r_grip_predicted_kg: 31\n",
        "pain_goal: 2",
        "grip_norm_kg:\n  R: 41\n  L: 41\n",
    ],
)
def test_reference_key_holds_no_value(text: str) -> None:
    assert not facts_in(text)


def test_measured_key_beside_reference_key_is_read() -> None:
    text = "tests:\n  thirty_sec_chair_stand_reps: 10\n  thirty_sec_chair_stand_norm_reps: 12\n"
    assert [f.value for f in facts_in(text, "outcome")] == [10]


# -- pain keys -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "words"),
    [
        ("subjective:\n  pain_worst_week: 6\n", 6, "worst week"),
        ("Pain at rest: 1", 1, "at rest"),
        ("Pain with prolonged sitting: 5", 5, "prolonged sitting"),
        ('  "pain_stairs": 6,\n', 6, "stairs"),
    ],
)
def test_pain_key_with_circumstance_is_pain(text: str, value: int, words: str) -> None:
    assert words in one_fact(text, "pain", value).label


@pytest.mark.parametrize(
    "text",
    [
        "Pain meds taken today: 2",
        "pain_med_doses_per_day: 2",
        "Pain-free walking: 20",
        "Pain interference: 6",
        "Pain episodes this week: 3",
        "Pain limit during exercise: 4",
    ],
)
def test_pain_key_of_something_else_is_no_pain(text: str) -> None:
    assert not facts_in(text, "pain")


def test_flowsheet_pain_row_earlier_columns_are_previous() -> None:
    text = (
        "| Row | 2125-01-02 | 2125-01-09 |\n|---|---|---|\n| Pain with stairs | 6 | 3 |\n"
        "| Knee flexion AROM | 100° | 112° |\n"
    )
    assert labels_of(text, "pain") == {6: "pain with stairs (previous)", 3: "pain with stairs"}


# -- nested keys -----------------------------------------------------------------------------


def test_side_child_is_read_under_its_parents() -> None:
    text = "objective:\n  mmt:\n    hip_abd:\n      R: 4-\n      L: 3+\n"
    assert labels_of(text, "mmt") == {4: "R hip abduction", 3: "L hip abduction"} or {
        f.value for f in facts_in(text, "mmt")
    } == {"4-", "3+"}


def test_snake_parent_gives_its_unit() -> None:
    text = "grip_kg:\n  R: 18.5\n  L: 30\n"
    assert {(f.value, f.unit) for f in facts_in(text, "strength")} == {(18.5, "kg"), (30, "kg")}


def test_circumstance_child_of_pain_is_pain() -> None:
    assert {f.value for f in facts_in("pain:\n  current: 2\n  worst_24h: 6\n", "pain")} == {2, 6}


def test_child_naming_its_own_measure_is_not_renamed() -> None:
    # "visits:" over "completed: 6": no side, time or circumstance, no rating of visits
    assert not facts_in("visits:\n  completed: 6\n  scheduled: 12\n")


def test_totals_children_are_the_session_totals() -> None:
    billing = extract_billing("totals:\n  timed_minutes: 33\n  treatment_minutes: 40\n")
    assert (billing.stated_timed_minutes, billing.stated_treatment_minutes) == (33, 40)


# -- lower-case keys of instruments kept to their capitals -----------------------------------


def test_lower_case_export_key_names_its_instrument() -> None:
    fact = one_fact("self_report:\n  pdi: 28/70\n", "outcome", 28)
    assert fact.measure == "PDI"


def test_lower_case_word_in_prose_is_no_instrument() -> None:
    # not a key of its own line: prose keeps the capitals rule
    assert not facts_in("Asked about the pdi form: 28 questions", "outcome")
