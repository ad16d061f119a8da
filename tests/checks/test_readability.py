"""Readability grade, jargon, hard sentences and plain-language swaps."""

from __future__ import annotations

import pytest

from tui.core.checks.handouts.readability import fk_grade, plain_language, readability, syllables


def test_simple_text_grades_low_and_clinical_text_grades_high() -> None:
    easy = "Lie on your back. Bend one knee. Hold for five seconds. Do this ten times."
    hard = (
        "Perform bilateral isometric quadriceps contractions in supine, maintaining "
        "dorsiflexion, while avoiding contraindicated compensatory hip abduction."
    )
    assert fk_grade(easy) < 6 < fk_grade(hard)
    assert readability(easy).hard_sentences == []
    assert readability(hard).hard_sentences == [hard]


def test_grade_follows_the_formula() -> None:
    # 6 words, 1 sentence; syllables: the(1) cat(1) sat(1) on(1) the(1) mat(1) = 6
    assert fk_grade("The cat sat on the mat.") == round(0.39 * 6 + 11.8 * 1 - 15.59, 1)
    assert syllables("exercise") == 3
    assert syllables("") == 0


def test_empty_text() -> None:
    result = readability("")
    assert result.grade == 0.0 and result.jargon == [] and result.hard_sentences == []


def test_jargon_lists_each_term_once_with_its_plain_words() -> None:
    result = readability("Edema in the scapula. More edema. Bilateral ankle dorsiflexion.")
    assert result.jargon == [
        {"term": "edema", "suggest": "swelling"},
        {"term": "scapula", "suggest": "shoulder blade"},
        {"term": "bilateral", "suggest": "both sides"},
        {"term": "dorsiflexion", "suggest": "pulling your toes up"},
    ]
    data = result.to_json()
    assert set(data) >= {"grade", "jargon"}


def test_clinic_swaps_add_to_the_built_in_table() -> None:
    result = readability("Use the theraband for edema.", {"theraband": "stretchy band"})
    assert {"term": "theraband", "suggest": "stretchy band"} in result.jargon
    assert {"term": "edema", "suggest": "swelling"} in result.jargon


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Edema is normal.", "Swelling is normal."),
        ("reduce edema", "reduce swelling"),
        ("EDEMA", "SWELLING"),
        (
            "Lie supine with the lumbar spine flat.",
            "Lie lying on your back with the lower back flat.",
        ),
        ("the scapula and scapulae", "the shoulder blade and shoulder blades"),
        ("edematous tissue", "edematous tissue"),
    ],
)
def test_plain_language_keeps_case_and_word_boundaries(text: str, plain: str) -> None:
    assert plain_language(text) == plain


def test_plain_language_with_a_clinic_table() -> None:
    assert plain_language("Theraband rows", {"Theraband": "stretchy band"}) == "Stretchy band rows"
