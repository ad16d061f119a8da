"""Round 20 (DRAFT): an offline draft keeps the line a block's values are read under. A nested
export's key over its keys, a service record's code over its minutes, a heading naming the
columns of the item rows set in under it, a goals key over its targets: placed one by one,
those lines would lose what the checks read them by. Such a block stays together, written as
the note wrote it (set back to the margin, an export's quotes gone), and its facts read the same
in the draft. Near misses: ordinary lines, and lines set in that read the same one by one, are
still placed line by line."""

from __future__ import annotations

from tests.placing import PROGRESS, SOAP
from tui.core.checks.verify.verify import verify
from tui.core.drafting.markup import as_text
from tui.core.drafting.placement import place_items, split_items


def _draft(note: str, sections: tuple[str, ...] = SOAP) -> tuple[dict[str, list[str]], str]:
    placed = place_items(split_items(note), sections)
    text = "\n".join(
        line
        for section in sections
        for line in [f"## {section}", "", *(f"\n{item}\n" for item in placed[section]), ""]
    )
    return placed, text


def _clean(note: str, sections: tuple[str, ...] = SOAP) -> tuple[dict[str, list[str]], str]:
    placed, text = _draft(note, sections)
    result = verify(note, text, ())
    assert result.clean, (result, text)
    return placed, text


def test_a_nested_key_stays_over_its_keys_without_quotes() -> None:
    note = (
        "objective:\n"
        "  mmt:\n"
        "    hip_abd:\n"
        '      R: "4-"\n'
        '      L: "3+"\n'
        "  grip_kg:\n"
        "    R: 18.5\n"
        "    L: 30\n"
        'assessment: "Hip abductor weakness persists."\n'
    )
    placed, text = _clean(note)
    assert "mmt:\n  hip_abd:\n    R: 4-\n    L: 3+" in placed["Objective"]
    assert "grip_kg:\n  R: 18.5\n  L: 30" in placed["Objective"]
    assert '"' not in "".join(placed["Objective"]) and "{" not in text


def test_a_block_goes_whole_to_one_section() -> None:
    # its rows alone would scatter ("current: 2" reads nothing): the block is not split
    note = "objective:\n  pain:\n    current: 2\n    worst_24h: 6\n    goal: 1\n"
    placed, _ = _clean(note)
    blocks = [item for lines in placed.values() for item in lines if item.startswith("pain:")]
    assert blocks == ["pain:\n  current: 2\n  worst_24h: 6\n  goal: 1"]


def test_a_service_record_keeps_its_code_with_its_minutes() -> None:
    note = (
        "treatment:\n"
        '  - code: "97530"\n'
        "    name: therapeutic activities\n"
        "    mins: 18\n"
        '  - code: "97110"\n'
        "    name: therapeutic exercise\n"
        "    mins: 15\n"
    )
    placed, _ = _clean(note)
    written = [item for lines in placed.values() for item in lines]
    assert any("code: 97530" in item and "mins: 18" in item for item in written)
    assert any("code: 97110" in item and "mins: 15" in item for item in written)


def test_item_rows_stay_under_the_heading_naming_their_columns() -> None:
    note = (
        "GG0170 Mobility (today / discharge goal)\n"
        "  D Sit to stand .............. 04 / 06\n"
        "  F Toilet transfer ........... 03 / 05\n"
        "\n"
        "Vitals: BP 132/78, HR 84.\n"
    )
    placed, _ = _clean(note, PROGRESS)
    written = [item for lines in placed.values() for item in lines]
    assert any(item.startswith("GG0170 Mobility") and "Sit to stand" in item for item in written)


def test_a_goals_key_keeps_its_targets_out_of_todays_values() -> None:
    note = (
        "measured:\n"
        "  pain_with_lifting: 3\n"
        "  six_mwt_m: 455\n"
        "goals:\n"
        "  six_mwt_m: 500\n"
        "  pain_with_lifting: 1\n"
    )
    placed, _ = _clean(note)
    written = [item for lines in placed.values() for item in lines]
    assert "goals:\n  six_mwt_m: 500\n  pain_with_lifting: 1" in written


def test_ordinary_lines_still_go_to_their_sections() -> None:
    # near miss: lines set in that read the same one by one are placed line by line
    note = (
        "Subjective:\n"
        "  Pt reports knee pain 3/10 today.\n"
        "Objective:\n"
        "  Knee flexion AROM 118 deg.\n"
        "Plan:\n"
        "  Continue HEP.\n"
    )
    placed, _ = _clean(note)
    assert placed["Subjective"] == ["Pt reports knee pain 3/10 today."]
    assert placed["Objective"] == ["Knee flexion AROM 118 deg."]
    assert placed["Plan"] == ["Continue HEP."]


def test_a_merged_heading_cell_keeps_the_columns_under_it() -> None:
    # a pasted HTML table's cell spanning two columns: written with an empty cell after it, so
    # the second row's sides stay under their dates, as the checks read the note

    note = (
        "Objective:\n<table>\n"
        '<tr><th rowspan="2">Landmark</th><th colspan="2">Girth (cm) 05/27</th>'
        '<th colspan="2">Girth (cm) 06/17</th></tr>\n'
        "<tr><th>L</th><th>R</th><th>L</th><th>R</th></tr>\n"
        "<tr><td>MCP</td><td>20.4</td><td>19.6</td><td>20.0</td><td>19.6</td></tr>\n"
        "<tr><td>Wrist</td><td>17.8</td><td>16.2</td><td>17.1</td><td>16.2</td></tr>\n"
        "</table>\nPlan: continue.\n"
    )
    text = as_text(note)
    assert "| Landmark | Girth (cm) 05/27 |  | Girth (cm) 06/17 |  |" in text
    _, draft = _draft(text)
    assert verify(note, draft, ()).clean


def test_a_cell_spanning_no_columns_is_written_alone() -> None:

    note = (
        "<table>\n<tr><th>Test</th><th>Score</th></tr>\n"
        "<tr><td>TUG</td><td>15.1 s</td></tr>\n</table>\n"
    )
    assert "| TUG | 15.1 s |" in as_text(note)


def test_records_written_flat_stay_under_their_heading() -> None:
    note = (
        "## Services\n"
        "- Cpt: 97112\n"
        "- Label: neuromuscular re-education\n"
        "- Minutes: 16\n"
        "\n"
        "Billed: 97112 x1.\n"
    )
    placed, text = _clean(note)
    assert "Services:\n- Cpt: 97112\n- Label: neuromuscular re-education\n- Minutes: 16" in [
        item for lines in placed.values() for item in lines
    ]
    assert "## Services" not in text


def test_a_part_heading_over_its_lines_is_no_block() -> None:
    # near miss: "## Objective" names a part; its lines go one by one
    note = "## Objective\n- Knee flexion AROM 118 deg.\n- TUG 12.4 s.\n"
    placed, _ = _clean(note)
    assert placed["Objective"] == ["Knee flexion AROM 118 deg.", "TUG 12.4 s."]


def test_rows_under_a_line_opening_a_part_are_no_block() -> None:
    # near miss: "O:" opens the part the lines after the rows are in, so the rows stay lines
    note = (
        "S: Hand feels stiff; pain 3/10 with gripping.\n"
        "O: Circumference (tape):\n"
        "  MCP heads R 19.4 cm / L 20.6 cm\n"
        "  Wrist crease R 16.1 cm / L 17.0 cm\n"
        "Wrist ext 48°, flex 42°.\n"
    )
    placed, _ = _clean(note)
    assert "Wrist ext 48°, flex 42°." in placed["Objective"]
    assert not any("\n" in item for lines in placed.values() for item in lines)


def test_goal_lines_under_a_label_naming_parts_are_placed_one_by_one() -> None:
    note = (
        "Assessment / goal status:\n"
        " 1. T25FW < 8.0 s -- MET.\n"
        " 2. ABC > 67% -- progressing (61%).\n"
    )
    placed, _ = _draft(note, PROGRESS)
    assert not any("\n" in item for lines in placed.values() for item in lines)
