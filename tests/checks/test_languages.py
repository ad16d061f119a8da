"""Measures written in another language (issue 12, voices): a bilingual clinic's "dolor 4/10",
"caminó 200 pies (antes 75 pies)", "tension artérielle 138/84" and its billing totals are read
as an English note's. Each has a twin that must stay words: one "pies" in an English note, a
single word of another language with nothing else of it near."""

from __future__ import annotations

from tui.core.checks.extract import extract_billing, extract_facts
from tui.core.checks.text.numbers import normalize
from tui.core.drafting.dictation import sentences

_HEAD = "Patient: Ines Carvalho Soto\nDate: 2031-08-03\n\n"


def _facts(text: str) -> list[tuple[str, object, str | None]]:
    return [(f.kind, f.value, f.unit) for f in extract_facts(_HEAD + text)]


def test_spanish_distances_with_the_earlier_value_are_read() -> None:
    facts = extract_facts(_HEAD + "Caminó 250 pies con andador (antes 90 pies). Dolor 3/10.")
    walked = [(f.value, "previous" in f.label) for f in facts if f.unit == "ft"]
    assert walked == [(250, False), (90, True)]
    assert ("pain", 3, None) in [(f.kind, f.value, f.unit) for f in facts]


def test_accents_may_be_left_out() -> None:
    assert "BP 126/80" in normalize("Presion arterial 126/80, rodilla derecha 4/10.").text


def test_french_measures_and_totals_are_read() -> None:
    note = _HEAD + (
        "Douleur 5/10 au repos. Tension artérielle 138/84.\n"
        "Exercices thérapeutiques 25 min; entraînement à la marche 13 min.\n"
        "Facturation: 97110 x2, 97116 x1. Temps total minuté 38 min, "
        "temps total de traitement 38 min.\n"
    )
    assert ("pain", 5, None) in _facts(note)
    billing = extract_billing(note)
    assert billing.total_timed_minutes == 38
    assert billing.total_treatment_minutes == 38


def test_a_word_alone_in_an_english_note_stays_a_word() -> None:
    # twin: "pies" baked, with no other Spanish near, is no distance
    text = "Baked 2 pies for the fair. Walked 200 ft to the car."
    assert normalize(text).text == text
    assert [f.value for f in extract_facts(_HEAD + text) if f.unit == "ft"] == [200]


def test_prose_of_another_language_with_no_number_is_left_as_written() -> None:
    # twin: a line with no number is not rewritten, so a draft quoting it matches the note
    text = "Paciente dice que camina mejor y con menos dolor en la rodilla derecha."
    assert normalize(text).text == text


def test_portuguese_measures_are_read_with_or_without_accents() -> None:
    text = "Dor 5/10 no joelho direito. Pressao arterial 128/80. Caminhou 200 pés (antes 80 pés)."
    assert normalize(text).text.startswith("pain 5/10 no knee right. BP 128/80.")
    walked = [
        (f.value, "previous" in f.label) for f in extract_facts(_HEAD + text) if f.unit == "ft"
    ]
    assert walked == [(200, False), (80, True)]


def test_a_dictated_line_drafted_offline_keeps_its_language() -> None:
    # the reading is in English, the draft in the clinician's words (numbers as digits)
    said = sentences("dolor cuatro de diez, caminó 200 pies con andador")
    assert "pies" in " ".join(said) and "ft" not in " ".join(said).split()
