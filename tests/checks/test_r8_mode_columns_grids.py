"""Prints whose columns are modes of one motion ("ROM L D3 (deg; ext/flex)   AROM   PROM") with
one row per joint: each slash pair is read in the order the heading gives, a minus sign after
the slash kept, and a list of labels nearer the values (a row's own "sup/pron") names them
rather than the heading's. Each reading has a twin that must not be read: doses or words under
the same modes."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _roms(text: str) -> list[tuple[float | int | str, str]]:
    return [(fact.value, fact.label) for fact in extract_facts(text) if fact.kind == "rom"]


_HAND = (
    "ROM L D3 (deg; ext/flex)   AROM       PROM\n"
    "  MP                       0/85       0/90\n"
    "  PIP                      -25/80     -10/95\n"
)


def test_a_grid_of_modes_reads_each_pair_in_the_headings_order() -> None:
    read = _roms(_HAND)
    assert [value for value, _ in read] == [0, 85, 0, 90, 25, 80, 10, 95]
    assert all("PIP" in label for _, label in read[4:])
    assert ["deficit" in label for _, label in read[4:]] == [True, False, True, False]
    assert ["AROM" in label for _, label in read] == [True, True, False, False] * 2


def test_a_grid_of_modes_twin_doses_under_the_modes_are_no_angles() -> None:
    note = (
        "Exercise              AROM        PROM\n"
        "  Wall walks          2 x 10      --\n"
        "  Table slides        --          2 x 15\n"
    )
    assert _roms(note) == []


def test_a_minus_sign_after_the_slash_is_kept() -> None:
    read = _roms("R elbow flex/ext AROM 128/-20, PROM 136/-12.")
    assert [value for value, _ in read] == [128, 20, 136, 12]
    assert ["extension" in label and "deficit" in label for _, label in read] == [
        False,
        True,
        False,
        True,
    ]


def test_the_nearer_list_of_labels_names_the_values() -> None:
    read = _roms("R elbow/forearm (deg; flex/ext) Forearm sup/pron; AROM 70/75, PROM 80/80.")
    assert [label.split()[2] for _, label in read] == [
        "supination",
        "pronation",
        "supination",
        "pronation",
    ]


def test_words_under_the_modes_twin_read_nothing() -> None:
    note = (
        "Segment / motion        AROM          PROM\n"
        "  Flexion               WNL           --\n"
        "  L4-L5 PA glide        --            hypomobile, painful\n"
    )
    assert _roms(note) == []
