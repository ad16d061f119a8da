"""Round 15, how a number is tied to the scale it is the result of: a faces scale is a pain
rating, each with its twin."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _read(text: str) -> list[tuple[str, object]]:
    return [(fact.kind, fact.value) for fact in extract_facts(text)]


def test_a_faces_scale_score_is_a_pain_rating() -> None:
    assert _read("No c/o pain (FACES 0).\n") == [("pain", 0)]
    assert _read("Wong-Baker 4/10 after session.\n") == [("pain", 4)]
    assert _read("FPS-R 2 at rest.\n") == [("pain", 2)]


def test_faces_as_a_word_or_another_scale_stays_what_it_is() -> None:
    assert ("pain", 30) not in _read("Faces the wall for 30 s standing balance.\n")
    assert ("pain", 2) not in _read("Pt faces 2 steps to enter home.\n")
    assert _read("FLACC 3/10 during ROM.\n") == [("pain", 3)]
