"""Earlier values named by the visit they were taken at: a heading or line that sets today
against a numbered visit ("NOW VS VISIT 10", "this week vs week 4"), a bracket opened by an
earlier visit's place ("(1st visit 52%)"), a sentence opened by an earlier word that restates
the measure before it ("ODI 24%. Previous 36%."), and the same in a bilingual note ("antes /
ahora", "(visita 5: 98°)"). Twins: today's value stays unlabelled, "R vs L" pairs sides, a
"1st trial" is today's, and "Prior to exercise" is today's rest."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in
from tests.checks.label_reading import earlier_by_value


@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        (
            "OBJECTIVE (NOW VS VISIT 10):\nMINI-BESTEST 18/28 VS 14/28.\n"
            "TUG 12.9 SEC VS 15.6 SEC. TUG COGNITIVE 17.2 SEC VS 22.4 SEC.\n",
            "outcome",
            {18: False, 14: True, 12.9: False, 15.6: True, 17.2: False, 22.4: True},
        ),
        (
            "Measures this week vs week 4:\n  Berg 49/56 vs 41/56\n  DHI 28 vs 52.\n",
            "outcome",
            {49: False, 41: True, 28: False, 52: True},
        ),
    ],
)
def test_today_set_against_a_numbered_visit(
    text: str, kind: str, wanted: dict[object, bool]
) -> None:
    assert earlier_by_value(text, kind) == wanted


def test_sides_set_against_each_other_are_not_earlier() -> None:
    assert earlier_by_value("Grip R vs L: 24 kg vs 19 kg.\n", "strength") == {
        24: False,
        19: False,
    }


@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        ("NDI 36% (1st visit 52%).\n", "outcome", {36: False, 52: True}),
        ("Back pain 3/10 today (second session: 6/10).\n", "pain", {3: False, 6: True}),
        ("Lumbar flexion 50 deg (the first visit: 30 deg).\n", "rom", {50: False, 30: True}),
    ],
)
def test_a_bracket_opened_by_an_earlier_visits_place(
    text: str, kind: str, wanted: dict[object, bool]
) -> None:
    assert earlier_by_value(text, kind) == wanted


def test_a_bracketed_first_try_is_todays() -> None:
    assert earlier_by_value("Pain 3/10 (1st rep 5/10).\n", "pain") == {3: False, 5: False}


@pytest.mark.parametrize(
    ("text", "measure", "today", "earlier"),
    [
        ("Modified ODI (returned today): 30%. Prior 42% (visit 1).\n", "ODI", 30, 42),
        ("ODI 24%. Previous 36%.\n", "ODI", 24, 36),
        ("Walked 300 ft. Previously 150 ft.\n", None, 300, 150),
        ("QuickDASH 27.3. Previously 45.5.\n", "QuickDASH", 27.3, 45.5),
        ("Grip 22 kg. Initially 14 kg (visit 1).\n", None, 22, 14),
    ],
)
def test_a_sentence_opened_by_an_earlier_word_restates_the_measure_before_it(
    text: str, measure: str | None, today: int, earlier: int
) -> None:
    facts = {fact.value: fact for fact in facts_in(text)}
    assert facts[earlier].measure == facts[today].measure == measure
    assert facts[earlier].kind == facts[today].kind
    assert "(previous)" in facts[earlier].label
    assert "(previous)" not in facts[today].label


def test_a_sentence_opened_by_an_earlier_word_about_something_else_restates_nothing() -> None:
    """The twin: "Previous 2 sessions missed" counts sessions; no earlier QuickDASH."""
    assert earlier_by_value("QuickDASH 27.3. Previous 2 sessions missed.\n") == {27.3: False}


def test_a_value_after_a_comma_and_an_earlier_word_is_the_earlier_one() -> None:
    """ "ER now 50°, previously 35°": the words lead the 35, not the 50."""
    assert earlier_by_value("ER now 50°, previously 35°.\n", "rom") == {50: False, 35: True}
    assert earlier_by_value("Pain 6/10 at eval.\n", "pain") == {6: True}


def test_a_sentence_of_todays_rest_is_not_restated_as_earlier() -> None:
    """The twin: "Prior to exercise 72 bpm" is today's heart rate before exercise."""
    found = earlier_by_value("HR 84 bpm. Prior to exercise 72 bpm.\n")
    assert found.get(72) is not True
    assert found[84] is False


def test_a_bilingual_note_names_its_earlier_values_in_its_own_words() -> None:
    text = (
        "Paciente refiere dolor de rodilla 4/10. Camina con bastón.\n"
        "Flexión rodilla der (antes / ahora): 95° / 118°.\n"
        "Flexión rodilla izq AROM 0-112° (visita 5: 98°).\n"
    )
    assert earlier_by_value(text, "rom") == {95: True, 118: False, 112: False, 98: True}
    labels = {fact.value: fact.label for fact in facts_in(text, "rom")}
    assert labels[118].startswith("R ") and labels[112].startswith("L ")


def test_a_label_naming_both_times_orders_the_values_after_it() -> None:
    """ "Initial -> discharge:" says which value is which (the arrow does); it does not make
    today's discharge value an earlier one. Twin: "Initial:" alone dates its values."""
    assert earlier_by_value("Initial -> discharge: ODI 48% -> 18%.\n", "outcome") == {
        48: True,
        18: False,
    }
    assert earlier_by_value("Initial: ODI 48%.\n", "outcome") == {48: True}


def test_an_earlier_visit_named_by_its_place_before_a_value() -> None:
    assert earlier_by_value("ABC: first visit 45%, today 78%.\n", "outcome") == {
        45: True,
        78: False,
    }
