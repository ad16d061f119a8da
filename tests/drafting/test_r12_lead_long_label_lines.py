"""A line is a label only when it is short: a long run of blanks after a label's words is not
one (and is not matched, so it cannot make the pattern try every split of the blanks)."""

from tui.core.drafting import placement


def test_a_short_label_stands_alone() -> None:
    for line in ("Objective", "**Examination**", "Goal status:", "Goals --", "OBJECTIVE ~"):
        assert placement._stands_alone(line)


def test_a_label_then_a_long_run_of_blanks_and_words_is_no_label() -> None:
    assert not placement._stands_alone("Objective" + " " * 5000 + "x")
    assert not placement._stands_alone("Pt walked 20 ft")
