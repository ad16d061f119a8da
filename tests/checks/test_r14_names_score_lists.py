"""Scores listed beside their instruments: paired by "respectively" each value is its own
instrument's, in order, and a pair of sides or of a dose gives no score; an instrument's part
scored in the next clause is that instrument's, named by a part noun ("Work module") or, after
a part's score, by what the questionnaire scores ("function"), while a rating word after a
listed instrument's plain score is no part (twins both ways)."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _outcomes(text: str) -> list[tuple[str | None, object, str]]:
    return [
        (fact.measure, fact.value, fact.label)
        for fact in extract_facts(text)
        if fact.kind == "outcome"
    ]


def test_each_value_is_its_own_instruments() -> None:
    assert _outcomes("Berg and TUG were 41/56 and 14.2 s respectively.\n") == [
        ("Berg", 41, "Berg"),
        ("TUG", 14.2, "TUG"),
    ]
    found = _outcomes("FGA, DGI and 5xSTS came in at 21/30, 19/24, and 13.1 s, respectively.\n")
    assert [(measure, value) for measure, value, _ in found] == [
        ("FGA", 21),
        ("DGI", 19),
        ("5xSTS", 13.1),
    ]


def test_an_earlier_bracket_is_paired_the_same_way() -> None:
    found = _outcomes("PRWE and QuickDASH were 31 and 27.3 respectively (eval 58 and 52.3).\n")
    assert ("PRWE", 58, "PRWE (previous)") in found
    assert ("QuickDASH", 52.3, "QuickDASH (previous)") in found
    assert all(value != 58 for measure, value, _ in found if measure == "QuickDASH")


def test_sides_or_a_dose_respectively_give_no_score() -> None:
    assert _outcomes("R and L grip 24 and 41 kg respectively.\n") == []
    assert _outcomes("Sets and reps were 3 and 10 respectively.\n") == []


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
