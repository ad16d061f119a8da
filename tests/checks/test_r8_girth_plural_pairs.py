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


def test_perometry_volumes_are_read() -> None:
    note = "O: Perometry L leg 9,850 mL vs R 8,920 mL."
    read = [(f.value, f.unit) for f in extract_facts(note) if f.kind == "other"]
    assert read == [(9850, "mL"), (8920, "mL")]


def test_perometry_twin_a_length_under_a_volume_word_is_no_girth() -> None:
    read = _read("Water displacement not done (open area L shin 2 cm).", "girth")
    assert read == []


def test_marker_rows_are_girths_per_column() -> None:
    note = (
        "Circumference R / L (cm):\n  M1 (MCP)        20.4 / 19.1\n  M2 (wrist)      17.6 / 16.2\n"
    )
    read = _read(note, "girth")
    assert [(v, label.split()[0]) for v, label in read] == [
        (20.4, "R"),
        (19.1, "L"),
        (17.6, "R"),
        (16.2, "L"),
    ]


def test_marker_rows_twin_marker_numbers_are_no_facts() -> None:
    note = "Circumference R / L (cm):\n  M1 (10 cm prox)   24.8 / 22.0\n"
    assert {f.value for f in extract_facts(note)} == {24.8, 22.0}


def test_listed_offsets_before_their_landmark_are_no_girth() -> None:
    read = _read("Forearm girths 5 cm and 12 cm distal to the elbow crease next visit.", "girth")
    assert read == []


def test_single_row_under_a_header_is_read() -> None:
    read = _read("Girths L / R (cm):\n   5 cm   24.6 / 22.1\n", "girth")
    assert [(v, label.split()[0]) for v, label in read] == [(24.6, "L"), (22.1, "R")]


def test_single_row_twin_a_line_of_column_names_then_rows() -> None:
    note = "Circumferences (cm):\n  point    L      R\n  8 cm     22.4   20.1\n"
    assert [v for v, _ in _read(note, "girth")] == [22.4, 20.1]
    assert 8 not in {f.value for f in extract_facts(note)}
