"""Round 17, verification and offline drafts: a boxed form label keeps its colon, a count's event
stays on its own line, and a service read from a clock range is carried by the same range."""

from __future__ import annotations

from tui.core.checks.measures.results import result_counts
from tui.core.checks.verify.verify import verify
from tui.core.drafting.form_fields import filled_in

# -- a form's field name in its own column before a box -----------------------------------------


def test_a_label_before_a_ticked_box_keeps_a_colon() -> None:
    line = "PAIN    [X] Yes  Location: low back  Intensity (0-10): 5"
    assert filled_in(line) == "PAIN: Yes  Location: low back  Intensity (0-10): 5"


def test_the_pain_of_a_boxed_label_is_read_in_the_draft() -> None:
    note = "PAIN    [X] Yes  Location: low back  Intensity (0-10): 5  Acceptable level: 3\n"
    assert verify(note, "- " + filled_in(note.strip()) + "\n").clean


def test_a_label_with_its_colon_is_left_as_written() -> None:
    assert filled_in("Visit type: [X] Routine [ ] Recert") == "Visit type: Routine"


def test_a_value_before_a_box_is_no_label() -> None:
    # twin: a value (a number) before the box is what the options follow, not a field name
    assert filled_in("Pain 3/10   [x] at rest") == "Pain 3/10; at rest"


# -- a count and its event ----------------------------------------------------------------------


def test_a_number_closing_a_line_counts_no_event_opening_the_next() -> None:
    assert result_counts("Acceptable level: 3\nFALLS since last visit: 0\n") == []


def test_a_count_and_its_event_on_one_line_is_read() -> None:
    assert [count.value for count in result_counts("Reports 3 falls since last visit.")] == [3]


# -- a service timed by a clock range ------------------------------------------------------------

NOTE = (
    "STEADY STEPS GROUP BALANCE CLASS - ROSTER      Wed 03/10/2065 10:00-10:45\n"
    "Each participant billed: group therapy 97150 x1.\n"
)


def test_a_clocked_service_is_carried_by_the_same_range() -> None:
    draft = "## Objective\n- ROSTER      Wed 03/10/2065 10:00-10:45\n## Billing\n- 97150 x1.\n"
    assert verify(NOTE, draft).missing == []


def test_a_changed_range_leaves_the_service_missing() -> None:
    draft = "## Objective\n- ROSTER      Wed 03/10/2065 10:00-10:40\n## Billing\n- 97150 x1.\n"
    assert [fact.value for fact in verify(NOTE, draft).missing if fact.kind == "service"] == [45]
