"""Property tests for tables (issue 12): whatever a pasted table holds (ragged rows, empty
cells, stray pipes and tabs, unit cells with no value), reading never raises, every fact's span
points at its value in the note, and a note verifies against itself."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.checks.extract import extract_billing, extract_facts
from tui.core.checks.layouts.mdtables import linearize
from tui.core.checks.text.numbers import normalize
from tui.core.checks.verify.verify import verify

HEADINGS = [
    "Measure", "Eval", "Today", "Goal", "Initial", "Current", "SOC", "30-day", "DC", "10/02",
    "R", "L", "AROM R", "PROM L", "Units", "Unit", "Min", "Time", "Code", "Row", "Entered",
    "Change", "Norm", "Date", "Visit", "Grade", "Notes", "", "Score (0-10)",
]  # fmt: skip
CELLS = [
    "R knee flexion AROM", "Pain", "LEFS", "Grip R (lb)", "Quad MMT", "Ther ex", "97110",
    "Total", "95°", "118", "-5", "4-", "/5", "deg", "kg", "0-10", "%", "3/10", "32/80", "—",
    "NT", "WNL", "", "12", "8 min continuous", "3x10", "2/03", "Eval", "Today", "0.8 m/s",
    "**23**", "x2", "Figure-8 girth", "54.5 cm", "30 sec sit to stand", "MSWS-12",
    "10 m walk (m/s)", "0.95", "6MWT",
]  # fmt: skip

cells = st.lists(st.sampled_from(CELLS), min_size=1, max_size=6)
pipe_table = st.tuples(
    st.lists(st.sampled_from(HEADINGS), min_size=1, max_size=6),
    st.lists(cells, min_size=1, max_size=6),
    st.booleans(),
).map(
    lambda parts: "\n".join(
        [
            "| " + " | ".join(parts[0]) + " |",
            *(["|" + "---|" * len(parts[0])] if parts[2] else []),
            *("| " + " | ".join(row) + " |" for row in parts[1]),
        ]
    )
)
tab_table = st.tuples(
    st.lists(st.sampled_from(HEADINGS), min_size=1, max_size=6), st.lists(cells, max_size=6)
).map(lambda parts: "\n".join(["\t".join(parts[0]), *("\t".join(row) for row in parts[1])]))
notes = st.lists(
    st.one_of(pipe_table, tab_table, st.sampled_from(["Objective:", "Billed: 97110 x2", ""])),
    max_size=4,
).map("\n".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes)
def test_reading_a_table_never_raises_and_spans_hold_their_values(text: str) -> None:
    assert isinstance(linearize(text), str)
    for fact in extract_facts(text):
        start, end = fact.span
        assert 0 <= start < end <= len(text)
        written = normalize(text[start:end]).text
        value = str(fact.minutes if fact.kind == "service" else fact.value)
        digits = value.rstrip("+-").lstrip("-")
        assert digits in written or digits.rstrip("0").rstrip(".") in written, (fact, written)
    billing = extract_billing(text)
    assert all(units >= 1 for units in billing.billed.values())


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes)
def test_a_table_note_verifies_against_itself(text: str) -> None:
    result = verify(text, text)
    assert result.missing == []
    assert result.unsupported == []
