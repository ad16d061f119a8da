"""Round 16 (LAYOUT): a table's heading over two rows, a heading spanning its sub-columns
(Markdown, tab-separated, space-aligned and HTML with colspan and rowspan): each value takes its
side, its mode and its time from its own two headings, never a neighbour's. Each with a twin,
and the rows that are no sub-heading."""

from __future__ import annotations

from tests.checks.test_r13_review_billing import HEADER
from tui.core.checks.extract import extract_facts
from tui.core.checks.layouts.columns import columns
from tui.core.checks.layouts.grids import grids


def _read(body: str) -> dict[object, str]:
    return {f.value: f.label for f in extract_facts(HEADER + body) if f.kind in ("rom", "girth")}


def test_markdown_measures_over_sides_with_visits_down() -> None:
    body = (
        "O:\n\n| Visit | Knee flexion | | Knee extension | |\n|---|---|---|---|---|\n"
        "| | L | R | L | R |\n| IE 03/01 | 139 | 92 | 0 | -7 |\n| Today | 138 | 124 | 0 | -2 |\n"
    )
    labels = _read(body)
    assert labels[124].split()[0] == "R" and "previous" not in labels[124]
    assert labels[92].startswith("R") and "previous" in labels[92]
    assert labels[139].startswith("L") and "previous" in labels[139]


def test_twin_tabbed_times_over_modes() -> None:
    body = (
        "O: Cervical ROM (deg)\nMotion\tNorm\tIE 04/08\t\tToday\t\tGoal\n"
        "\t\tAROM\tPROM\tAROM\tPROM\t\nFlexion\t50\t27\t41\t43\t47\t50\n"
        "Extension\t60\t21\t34\t46\t53\t55\n"
    )
    labels = _read(body)
    assert "AROM" in labels[43] and "PROM" not in labels[43] and "previous" not in labels[43]
    assert "PROM" in labels[41] and "previous" in labels[41]
    assert 60 not in labels and 55 not in labels  # a norm, a goal


def test_twin_space_aligned_dates_over_sides() -> None:
    body = (
        "O:\nShoulder ROM (deg)      Eval 12/04          Today\n"
        "                        R         L         R         L\n"
        "Flexion AROM            91        166       141       166\n"
        "Abduction AROM          72        171       127       171\n"
    )
    labels = _read(body)
    assert labels[141].startswith("R") and "previous" not in labels[141]
    assert labels[91].startswith("R") and "previous" in labels[91]
    assert labels[127].startswith("R") and "previous" not in labels[127]


def test_html_colspan_and_rowspan() -> None:
    body = (
        'O:\n<table>\n<tr><th rowspan="2">Site</th><th colspan="2">Girth (cm) 05/27</th>'
        '<th colspan="2">Girth (cm) 06/17</th></tr>\n<tr><th>L</th><th>R</th><th>L</th>'
        "<th>R</th></tr>\n<tr><td>Wrist</td><td>17.9</td><td>16.3</td><td>17.2</td>"
        "<td>16.4</td></tr>\n<tr><td>Elbow</td><td>28.4</td><td>26.2</td><td>27.1</td>"
        "<td>26.3</td></tr>\n</table>\n"
    )
    labels = _read(body)
    assert labels[17.2].startswith("L") and "previous" not in labels[17.2]
    assert labels[16.4].startswith("R") and "previous" not in labels[16.4]
    assert labels[17.9].startswith("L") and "previous" in labels[17.9]


def test_a_row_of_words_under_a_heading_that_spans_nothing_is_a_row() -> None:
    text = "| Test | Result | Note |\n|---|---|---|\n| | done | seated |\n| TUG | 11 s | ok |\n"
    heading = [cell.text for cell in grids(text)[0].rows[0]]
    assert heading == ["Test", "Result", "Note"]


def test_a_sub_row_holding_a_number_is_a_row() -> None:
    text = "| Motion | Eval | |\n|---|---|---|\n| | 45 | 50 |\n| Flex | 90 | 95 |\n"
    heading = [cell.text for cell in grids(text)[0].rows[0]]
    assert heading == ["Motion", "Eval", ""]


def test_today_beside_re_eval_makes_re_eval_earlier() -> None:
    roles = [column.role for column in columns(["Test", "IE", "Re-eval", "Today"], 0)]
    assert roles == ["label", "prior", "prior", "current"]


def test_twin_re_eval_alone_is_this_visit() -> None:
    roles = [column.role for column in columns(["Test", "IE", "Re-eval"], 0)]
    assert roles == ["label", "prior", "current"]
