"""Round 21, hand therapy: finger-joint grids (space-aligned and Markdown) read per column and
digit, and grip and pinch trials whose unit is written once in the heading or whose run is
shaped like a date; with the twins that must stay unread (an exercise dose or an orthosis's
settings in the same columns, a real date, a muscle grade)."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact
from tui.core.checks.layouts import finger_grids
from tui.core.checks.layouts.slash_loads import headed_run_pieces, slash_load_pieces

GRID = (
    "O:\n"
    "AROM (ext/flex, degrees)\n"
    "              MP       PIP       DIP      TAM\n"
    "  Index R    0/78    -15/82    -10/44     179°   (wk 3: 142°)\n"
    "  Index L    0/88      0/104     0/70     262°\n"
)


def _roms(text: str) -> list[tuple[int | float | str, str]]:
    return [(f.value, f.label) for f in extract_facts(text) if f.kind == "rom"]


def _strengths(text: str) -> list[Fact]:
    return [f for f in extract_facts(text) if f.kind == "strength"]


def test_a_space_aligned_grid_labels_each_cell_with_its_joint_and_digit() -> None:
    roms = _roms(GRID)
    assert (78, "R Index MP flexion AROM") in roms
    assert (15, "R Index PIP extension AROM (deficit)") in roms
    assert (44, "R Index DIP flexion AROM") in roms
    assert (179, "R Index TAM AROM") in roms
    assert (262, "L Index TAM AROM") in roms
    assert (104, "L Index PIP flexion AROM") in roms


def test_a_grid_extension_at_neutral_is_read_as_zero() -> None:
    assert (0, "R Index MP extension AROM") in _roms(GRID)


def test_a_markdown_grid_under_a_motion_caption_is_read_per_joint() -> None:
    text = (
        "R hand PROM, flexion (degrees):\n\n"
        "| Finger | MP | PIP | DIP |\n|---|---|---|---|\n| Ring | 84 | 96 | 61 |\n"
    )
    roms = _roms(text)
    assert (84, "R Ring MP flexion PROM") in roms
    assert (96, "R Ring PIP flexion PROM") in roms
    assert (61, "R Ring DIP flexion PROM") in roms


def test_an_orthosis_grid_of_the_same_shape_is_no_motion() -> None:
    text = (
        "Orthosis setting (degrees):\n\n"
        "| Digit | MCP | PIP |\n|---|---|---|\n| Index | 0/0 | 0/30 |\n"
    )
    assert (30, "Index PIP flexion") not in _roms(text)
    assert not [label for _, label in _roms(text) if "Index" in label]


def test_an_exercise_dose_in_joint_columns_is_no_angle() -> None:
    text = "Blocking exercises      MCP    PIP    DIP\n   reps                  10     15     15\n"
    assert not [value for value, _ in _roms(text) if value in (10, 15)]


def test_a_row_with_more_numbers_than_columns_ends_the_grid() -> None:
    text = "AROM (degrees)\n      MP    PIP\n  Index R   80   95   70\n"
    assert not [label for _, label in _roms(text) if "Index" in label]


def test_a_grid_is_read_once_per_heading_not_once_per_row(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    legend = finger_grids._legend

    def counted(text: str, start: int, *, skip_blank: bool = False) -> str:
        calls.append(start)
        return legend(text, start, skip_blank=skip_blank)

    monkeypatch.setattr(finger_grids, "_legend", counted)
    rows = "".join(f"  Index R    0/{60 + i % 40}    0/90\n" for i in range(400))
    facts = extract_facts("AROM (ext/flex)\n        MP     PIP\n" + rows)
    assert len(calls) == 1
    assert sum(1 for f in facts if f.kind == "rom") == 1600


def test_grip_trials_take_the_unit_their_heading_writes_in_a_bracket() -> None:
    facts = _strengths("Grip (kg) R 31/33/30, L 24/22/25\n")
    assert [(f.value, f.unit, f.label) for f in facts] == [
        (31, "kg", "R grip"),
        (33, "kg", "R grip"),
        (30, "kg", "R grip"),
        (24, "kg", "L grip"),
        (22, "kg", "L grip"),
        (25, "kg", "L grip"),
    ]


def test_grip_by_jamar_position_reads_every_position_and_no_position_number() -> None:
    facts = _strengths("Grip by Jamar position (kg), R: 20 / 26 / 29 / 25 / 18\n")
    assert [f.value for f in facts] == [20, 26, 29, 25, 18]


def test_a_date_shaped_run_of_trials_with_a_unit_is_three_trials() -> None:
    facts = _strengths("Pinch R 5/6/5 lb\n")
    assert [(f.value, f.label) for f in facts] == [(5, "R pinch"), (6, "R pinch"), (5, "R pinch")]


def test_a_date_beside_a_unit_heading_is_left() -> None:
    text = "Next recheck 5/6/37 with the surgeon.\n"
    assert headed_run_pieces(text) == []
    assert not _strengths(text)


def test_a_heading_unit_reaches_no_other_line() -> None:
    assert headed_run_pieces("Grip (kg)\nSeen 5/6/37\n") == []


def test_a_side_legend_leaves_the_pair_to_the_side_readers() -> None:
    assert headed_run_pieces("Grip (kg) R/L 31/24\n") == []


def test_a_pair_over_five_is_still_a_grade_but_a_run_of_three_is_trials() -> None:
    assert slash_load_pieces("Grip 5/5 kg\n") == []
    assert len(slash_load_pieces("Grip 5/6/5 kg\n")) == 2


def _others(text: str) -> list[tuple[int | float | str, str | None, str]]:
    return [(f.value, f.unit, f.label) for f in extract_facts(text) if f.kind == "other"]


def test_a_positive_phalen_is_timed_to_symptoms() -> None:
    assert (35, "s", "L Phalen positive") in _others("Phalen L positive at 35 s; Tinel negative.\n")


def test_a_negative_phalen_time_is_the_tests_length_and_no_fact() -> None:
    assert not _others("Phalen negative at 60 s.\n")


def test_a_scar_height_is_measured_but_a_step_height_is_equipment() -> None:
    assert (2, "mm", "scar height") in _others("Scar 3.1 cm long, scar height 2 mm, pink.\n")
    assert not [v for v, u, _ in _others("Step ups, step height 20 cm.\n") if v == 20]


def test_the_other_sides_pair_in_a_bracket_takes_this_sides_motions() -> None:
    roms = _roms("Wrist AROM R ext 68°, flex 60° (full compared with L 70/64)\n")
    assert (70, "L wrist extension AROM") in roms
    assert (64, "L wrist flexion AROM") in roms


def test_a_bracketed_pair_after_one_angle_or_the_same_side_is_left() -> None:
    assert [v for v, _ in _roms("Wrist ext R 68° (L 70/64)\n")] == [68]
    assert 64 not in [v for v, _ in _roms("Wrist AROM R ext 68°, flex 60° (R 70/64 last wk)\n")]


def test_bracketed_pairs_on_a_long_note_are_found_by_bisection() -> None:
    line = "Wrist AROM R ext 68°, flex 60° (L 70/64). "
    facts = extract_facts("O: " + line * 100 + "\n")
    assert sum(1 for f in facts if f.kind == "rom" and f.label.startswith("L")) == 200


def test_a_headings_own_caption_is_its_legend_not_the_lines_above() -> None:
    text = (
        "- Orthosis: dorsal blocking, MCP 50 deg flex\n- Wound: healed\n"
        "- ROM (active, deg)      MCP   PIP\n- R index              70    80\n"
    )
    roms = _roms(text)
    assert (70, "R index MCP flexion") in roms
    assert (80, "R index PIP flexion") in roms


def test_an_orthosis_caption_on_the_heading_line_is_no_motion() -> None:
    text = "Orthosis angles (deg)   MCP   PIP\n  Index R          50     0\n"
    assert not [label for _, label in _roms(text) if "Index" in label]
