"""Two readings found when the round's held-back notes met the merged checks: a capitalised
field label after a rating counts nothing, and an HTML table's heading row heads its columns."""

from tui.core.checks.extract import extract_facts


def _read(text: str) -> list[tuple[str, object, str]]:
    return [(fact.kind, fact.value, fact.label) for fact in extract_facts(text)]


def test_a_field_label_after_a_rating_is_no_counted_noun() -> None:
    assert [(kind, value) for kind, value, _ in _read("Pain: 3/10   Location: L lateral hip")] == [
        ("pain", 3)
    ]


def test_a_counted_noun_still_counts_with_or_without_a_colon() -> None:
    assert _read("Trigger points 4/10 sites: tender") == []
    assert _read("6/10 sites tender to palpation") == []


def test_an_html_heading_row_heads_its_columns_across_thead_and_tbody() -> None:
    text = (
        "<table>\n<thead><tr><th>Test</th><th>Today</th><th>Initial 12/02</th></tr></thead>\n"
        "<tbody>\n<tr><td>Lumbar flexion</td><td>50&deg;</td><td>35&deg;</td></tr>\n"
        "</tbody></table>"
    )
    assert _read(text) == [
        ("rom", 50, "lumbar flexion"),
        ("rom", 35, "lumbar flexion (previous)"),
    ]


def test_an_html_row_of_data_cells_is_no_heading() -> None:
    text = (
        "<table><tr><td>Grip R</td><td>22 kg</td></tr>"
        "<tr><td>Grip L</td><td>30 kg</td></tr></table>"
    )
    labels = [label for _, _, label in _read(text)]
    assert labels and not any("previous" in label for label in labels)
