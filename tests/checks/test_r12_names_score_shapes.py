"""Scores told by their shape: two scores either side of a slash ("QuickDASH 34.1 / 59.1" under a
"(now / IE)" heading, "NPRS 1 / 4" in columns) are no score out of a maximum; a score written
before its instrument at the start of its line or sentence ("3.1 JFLS-20 global (IE 4.6)") is
the instrument's. Each reading has a twin that must not be read that way."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def scores(text: str) -> list[tuple[str | None, object, str | None, bool]]:
    return [
        (fact.measure, fact.value, fact.unit, "previous" in fact.label)
        for fact in extract_facts(text)
        if fact.kind == "outcome"
    ]


# -- two scores either side of a slash ---------------------------------------------------------


def test_decimal_scores_side_by_side_are_two_scores() -> None:
    found = scores("Objective (now / IE):\nQuickDASH 34.1 / 59.1\n")
    assert found == [("QuickDASH", 34.1, None, False), ("QuickDASH", 59.1, None, True)]


def test_a_score_above_the_number_after_its_slash_is_no_fraction() -> None:
    found = scores("LEFS 54 / 38 since the start of care.\n")
    assert [(measure, value) for measure, value, _, _ in found] == [("LEFS", 54), ("LEFS", 38)]


def test_twin_a_score_out_of_its_maximum_is_one_score() -> None:
    assert scores("Berg 52/56 today. FGA 24/30 (eval 17/30).\n") == [
        ("Berg", 52, "/56", False),
        ("FGA", 24, "/30", False),
        ("FGA", 17, "/30", True),
    ]


def test_twin_a_day_written_first_is_no_second_score() -> None:
    found = scores("PRWE 52 on 14/02.\n")
    assert [value for _, value, _, _ in found] == [52]


# -- columns either side of a spaced slash -------------------------------------------------------


def test_spaced_slash_between_numbers_no_whole_of_the_scale_is_two_columns() -> None:
    found = scores("NPRS rest / walking: 1 / 4\nODI 22 / 38\n")
    assert [(measure, value, unit) for measure, value, unit, _ in found] == [
        ("ODI", 22, None),
        ("ODI", 38, None),
    ]
    pain = [fact.value for fact in extract_facts("NPRS rest / walking: 1 / 4\n")]
    assert pain == [1, 4]


def test_twin_unspaced_or_whole_of_the_scale_stays_one_score() -> None:
    assert scores("NDI 12 / 50\nTinetti 9/12\n") == [
        ("NDI", 12, "/50", False),
        ("Tinetti", 9, "/12", False),
    ]


# -- a score before its name ---------------------------------------------------------------------


def test_score_opening_its_line_before_the_name() -> None:
    found = scores("3.1 JFLS-20 global (IE 4.6).\n")
    assert found == [("JFLS-20", 3.1, None, False), ("JFLS-20", 4.6, None, True)]


def test_score_opening_a_bullet_or_sentence_before_a_listed_name() -> None:
    found = scores("- 38 ODI today (eval 52)\nForms done. 14 NDI, down from 22 at eval.\n")
    assert [(m, v, p) for m, v, _, p in found] == [
        ("ODI", 38, False),
        ("ODI", 52, True),
        ("NDI", 14, False),
        ("NDI", 22, True),
    ]


def test_twin_a_count_before_a_name_is_no_score() -> None:
    assert scores("3 PSFS items rated today.\n4 Berg items scored 2 or less.\n") == []


def test_twin_a_count_before_an_unlisted_acronym_is_no_score() -> None:
    assert scores("3 SIJ mobs grade III to the R.\n2 HEP sheets updated.\n") == []


# -- a domain in capitals after an instrument ----------------------------------------------------


def test_domain_in_capitals_spelling_a_motion_is_the_instruments() -> None:
    found = [
        (fact.kind, fact.measure, fact.value, fact.label)
        for fact in extract_facts("PROMIS PF 42 (IE 36). PROMIS UE 38.2 today.\n")
    ]
    assert found == [
        ("outcome", "PROMIS", 42, "PROMIS PF"),
        ("outcome", "PROMIS", 36, "PROMIS PF (previous)"),
        ("outcome", "PROMIS", 38.2, "PROMIS UE"),
    ]


def test_twin_a_motion_with_degrees_or_a_force_is_no_domain() -> None:
    kinds = [
        (fact.kind, fact.value) for fact in extract_facts("PROMIS PF 42 deg\nR ankle PF 38°\n")
    ]
    assert kinds == [("rom", 42), ("rom", 38)]
    assert scores("HHD ER 12.5 kg R\n") == []


def test_score_with_its_maximum_or_unit_before_the_name() -> None:
    found = scores("41/56 Berg (IE 33/56).\n44% ODI (IE 58%).\n")
    assert found == [
        ("Berg", 41, "/56", False),
        ("Berg", 33, "/56", True),
        ("ODI", 44, "%", False),
        ("ODI", 58, "%", True),
    ]


def test_twin_a_fraction_out_of_no_whole_of_the_scale_is_no_score_before_it() -> None:
    assert scores("2/5 DGI\n") == []


def test_twin_a_score_before_a_name_with_a_deadline_is_a_target() -> None:
    assert scores("LTG: 20 ODI by discharge.\n- 80 VISA-A within 12 wks\n") == []
