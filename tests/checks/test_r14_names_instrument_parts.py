"""An instrument's part scored after its score, in the next clause, is that instrument's: named
by a part noun ("Work module") or, after a part's score, by what the questionnaire scores
("function"). A rating word after a listed instrument's plain score is no part (twin)."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _outcomes(text: str) -> list[tuple[str | None, object, str]]:
    return [
        (fact.measure, fact.value, fact.label)
        for fact in extract_facts(text)
        if fact.kind == "outcome"
    ]


def test_a_part_noun_names_the_instruments_part() -> None:
    assert _outcomes("QuickDASH 29.5; Work module 43.8\n") == [
        ("QuickDASH", 29.5, "QuickDASH"),
        ("QuickDASH", 43.8, "QuickDASH Work module"),
    ]
    assert ("PROMIS-29", 58, "PROMIS-29 pain interference domain") in _outcomes(
        "PROMIS-29 42, pain interference domain 58\n"
    )


def test_after_a_parts_score_what_it_scores_names_the_next_part() -> None:
    found = _outcomes("BCTQ symptom scale 2.1, function 2.4.\n")
    assert ("BCTQ", 2.4, "BCTQ function") in found


def test_a_rating_word_after_a_plain_score_is_no_part() -> None:
    assert _outcomes("Berg 45/56, confidence 60%.\n") == [("Berg", 45, "Berg")]
