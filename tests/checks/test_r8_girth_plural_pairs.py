"""Girth notes read whole: a plural heading ("Circumferences", "Girths", "Volumes") opens a
girth region like the singular, a tape spacing after its number ("10 cm marks") is no girth, and
a pair of centimetres after a list of sides is a girth per side, never a knee angle."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _read(text: str, kind: str) -> list[tuple[float | int | str, str]]:
    return [(f.value, f.label) for f in extract_facts(text) if f.kind == kind]


def test_plural_heading_opens_offset_rows() -> None:
    note = (
        "O: Circumferences (cm) from ulnar styloid, L / R:\n"
        "     0 cm   17.9 / 16.0\n"
        "     10 cm  24.1 / 21.3\n"
    )
    read = _read(note, "girth")
    assert [v for v, _ in read] == [17.9, 16.0, 24.1, 21.3]
    assert [label.split()[0] for _, label in read] == ["L", "R", "L", "R"]


def test_plural_heading_twin_offsets_are_no_facts() -> None:
    note = "O: Circumferences (cm) from ulnar styloid, L / R:\n     0 cm   17.9 / 16.0\n"
    values = {f.value for f in extract_facts(note)}
    assert 0 not in values


def test_tape_marks_after_the_spacing_are_no_girth() -> None:
    read = _read("Re-measure girths at the same 10 cm marks on Friday.", "girth")
    assert read == []


def test_tape_marks_twin_a_girth_at_a_mark_is_read() -> None:
    read = _read("Girths at 10 cm marks: R 31.2 cm, L 29.0 cm.", "girth")
    assert [v for v, _ in read] == [31.2, 29.0]


def test_plural_volumes_are_volumes_not_girths() -> None:
    note = "Volumes were 530 mL L at initial eval."
    assert [(f.value, f.unit) for f in extract_facts(note) if f.kind == "other"] == [(530, "mL")]
    assert _read(note, "girth") == []


def test_side_pair_in_cm_is_a_girth_per_side() -> None:
    note = "Knee girth mid-patella left / right: 41.5 / 37.0 cm."
    assert [(v, label.split()[0]) for v, label in _read(note, "girth")] == [
        (41.5, "L"),
        (37.0, "R"),
    ]
    assert _read(note, "rom") == []


def test_side_pair_twin_without_a_girth_word_is_no_girth() -> None:
    read = _read("Y-balance anterior reach, left / right: 58 / 64 cm.", "girth")
    assert read == []
