"""One reader of corrections (issue 12, round 10): the text level and the fact level read a
correction from the same words and shapes (checks/correction_shapes.py, corrections.toml), so a
line either of them takes for a correction both take for one. Each reading has its twin."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts

NOTE = "O: Berg Balance Scale 41/56.\nR knee flexion AROM 105°.\n\n"


def readings(text: str, kind: str) -> set[tuple[int | float | str, str]]:
    return {(fact.value, fact.label) for fact in extract_facts(text) if fact.kind == kind}


def test_a_typo_line_reads_the_new_value_in_the_original_row() -> None:
    # "typo" was a cue only the fact level knew: the row now keeps its words (AROM) too
    text = NOTE + "Transcription typo: R knee flexion 115°, not 105°.\n"
    assert readings(text, "rom") == {(115, "R knee flexion AROM")}


def test_not_without_a_cue_takes_back_only_its_own_value() -> None:
    # the twin: no cue on the line, so the earlier row's 105° stays as written
    text = NOTE + "R knee flexion 115°, not 105°.\n"
    assert {value for value, _ in readings(text, "rom")} == {105, 115}


def test_should_be_on_a_correction_line_takes_the_old_value_back() -> None:
    # "should be" was a shape only the text level knew
    text = NOTE + "Correction: Berg above should be 44/56.\n"
    assert {value for value, _ in readings(text, "outcome")} == {44}


def test_should_be_without_a_cue_takes_nothing_back() -> None:
    # the twin: a line that corrects nothing leaves the earlier score
    text = NOTE + "Berg should be 44/56 by discharge.\n"
    assert 41 in {value for value, _ in readings(text, "outcome")}
