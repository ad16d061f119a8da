"""The evidence gate (measures/evidence.py): a score under an instrument the tables do not
list is a fact only when the shape of its name and the mark with its number are evidence
enough; otherwise its number is listed as unclassified, never guessed. One must-read and one
must-not-read example per evidence class, in words of our own; verification still questions a
draft's "NAME number" that the note lacks, however weak the name."""

from __future__ import annotations

from datetime import date

import pytest

from tui.core.checks.extract import extract_candidates, extract_facts, extract_unclassified
from tui.core.checks.facts import Fact
from tui.core.checks.measures.evidence import evidence_of, note_date
from tui.core.checks.verify.verify import verify

HEADER = "Patient: Test Person\nDate: 2031-04-10\n\n"


def _facts(line: str) -> list[tuple[str | None, object, str | None]]:
    return [(f.measure, f.value, f.unit) for f in extract_facts(HEADER + line + "\n")]


def _left_out(line: str) -> list[object]:
    """Values read as guesses but left unclassified: in the candidates, listed as
    unclassified, not among the facts."""
    text = HEADER + line + "\n"
    facts = extract_facts(text)
    weak = [f for f in extract_candidates(text) if f not in facts]
    unclassified = {item.value for item in extract_unclassified(text)}
    assert all(f.value in unclassified for f in weak)
    return [f.value for f in weak]


@pytest.mark.parametrize(
    ("line", "fact"),
    [
        ("HAGOS 71 today.", ("HAGOS", 71, None)),  # an acronym
        ("SIS-16 52.", ("SIS-16", 52, None)),  # a versioned acronym
        ("KOS-ADLS 67 at intake.", ("KOS-ADLS", 67, None)),  # versioned by a word
        ("Jebsen-Taylor 58 s.", ("Jebsen-Taylor", 58, "s")),  # a hyphenated proper name
        ("Nottingham 31/40.", ("Nottingham", 31, "/40")),  # Title Case with a denominator
        ("Rapid Sit Walk 9.4 s.", ("Rapid Sit Walk", 9.4, "s")),  # Title Case with a unit
        ("stork test 3/4.", ("stork test", 3, "/4")),  # lower case, but a test noun
        (
            "CB 14/20.",
            ("CB", 14, "/20"),
        ),  # two capitals with a denominator (not "OU 20/40": acuity)
        ("SFA 9/12.", ("SFA", 9, "/12")),  # a date's shape, months from the note's date
        ("Nottingham 4/12.", ("Nottingham", 4, "/12")),  # a proper name keeps its denominator
        ("SARA 12 at intake.", ("SARA", 12, None)),  # twin of a dose's unit after the number
        ("WORC at intake 48.", ("WORC", 48, None)),  # twin of a noun that owns the number
        ("Scores today: PRQ 12.", ("PRQ", 12, None)),  # twin of a line headed as labs
        ("Tele HRR 88 today.", ("HRR", 88, None)),  # twin of a vital's unit
    ],
)
def test_a_guess_with_evidence_enough_is_a_fact(
    line: str, fact: tuple[str, object, str | None]
) -> None:
    assert _facts(line) == [fact]
    assert _left_out(line) == []


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("ABIs 0.9 bilat.", 0.9),  # a plural abbreviation: things counted, not a test
        ("MDs 2 on the team.", 2),
        ("HipScore 40 today.", 40),  # words glued together
        ("BFRx4 30 s.", 30),  # a dose written onto the name
        ("CI 4.5", 4.5),  # two capitals and a bare number
        ("R pterygoid 2/3.", 2),  # a muscle with a small denominator: a grade, not a test
        ("HJQ 4/18 w/ surgeon.", 4),  # an acronym, then a month and day 8 days after the note
        ("Tele HRR 88 bpm.", 88),  # a vital's unit after the number
        ("re-test WORC at cycle 5.", 5),  # a noun the number counts, right before it
    ],
)
def test_a_guess_without_evidence_is_unclassified(line: str, value: object) -> None:
    assert _facts(line) == []
    assert _left_out(line) == [value]


def test_a_drug_dose_is_known_and_neither_a_fact_nor_unclassified() -> None:
    # a drug's unit after the number: the rules know it is a dose (measures/not_measured.py,
    # round 20), so it is no longer left for a reviewer as a number of unknown meaning
    line = "Epidural PCEA 0.6 mg per hr."
    assert _facts(line) == []
    assert _left_out(line) == []


def test_a_line_headed_as_labs_holds_results_not_scores() -> None:
    line = "Labs today: PRQ 12 and XZT 30."
    assert _facts(line) == []
    assert _left_out(line) == [12, 30]


def test_a_known_laboratory_value_is_neither_a_score_nor_unclassified() -> None:
    line = "Labs today: CRP 12 and ESR 30."
    assert _facts(line) == []
    assert _left_out(line) == []


def test_a_fraction_near_the_notes_date_is_evidence_against_an_acronym() -> None:
    fact = Fact("outcome", 4, unit="/21", measure="PCLR")
    assert evidence_of(fact, (), date(2031, 4, 10)).mark == "date"
    assert evidence_of(fact, (), date(2031, 9, 10)).mark == "denominator"
    assert evidence_of(fact, (), None).mark == "denominator"


def test_a_proper_name_with_its_edition_is_a_versioned_name() -> None:
    """ "Bayley-III" and "Vineland-3" name a test's edition, as "PFDI-20" does;
    a lower-case word and a number glued by a hyphen does not."""
    for name in ("Bayley-III", "Vineland-3", "Peabody-2"):
        assert evidence_of(Fact("outcome", 79, measure=name), ()).name == "versioned", name
    assert evidence_of(Fact("outcome", 79, measure="post-2"), ()).name != "versioned"


def test_a_listed_instrument_is_never_gated() -> None:
    fact = Fact("outcome", 4, unit="/18", measure="Berg")
    assert evidence_of(fact, (), date(2031, 4, 10)).name == "known"
    assert _facts("Berg 4/18 with max assist.") == [("Berg", 4, "/18")]


def test_the_notes_date_is_read_from_its_header_in_either_order() -> None:
    assert note_date("Patient: A\nDate: 2031-04-10\n") == date(2031, 4, 10)
    assert note_date("Name: A\nDOS: 4/10/2031\n") == date(2031, 4, 10)
    assert note_date("No header here, 4/10/2031 in a sentence.") is None


def test_verify_questions_a_weak_name_the_note_lacks() -> None:
    note = HEADER + "S: feels steadier.\nO: HAGOS 71. Gait steady.\n"
    draft = "## Objective\nHAGOS 71. HipScore 40.\n"
    result = verify(note, draft)
    assert [(f.measure, f.value) for f in result.unsupported] == [("HipScore", 40)]


def test_verify_accepts_a_weak_name_the_note_writes_too() -> None:
    note = HEADER + "O: HipScore 40 today. HAGOS 71.\n"
    draft = "## Objective\nHipScore 40 today. HAGOS 71.\n"
    assert verify(note, draft).clean


@pytest.mark.parametrize(
    ("line", "read", "left"),
    [
        ("Whirlpool 102 deg x 8 min.", [], [102]),  # no motion, joint or range noun
        ("Elbow flexion 102 deg.", [102], []),  # its twin with a motion
        ("Fluidotherapy 110 deg F x 10 min.", [], [110]),
        ("Supine on wedge 30 deg, SLR 70 deg.", [70], []),  # a range noun ("SLR")
    ],
)
def test_a_range_of_motion_needs_a_motion_joint_or_range_noun(
    line: str, read: list[object], left: list[object]
) -> None:
    text = HEADER + line + "\n"
    assert [f.value for f in extract_facts(text) if f.kind == "rom"] == read
    assert _left_out(line) == left


def test_a_weak_reading_a_draft_copies_from_its_note_is_supported() -> None:
    """Hypothesis found a table note that did not verify against itself: the draft's guesses
    are questioned, and a guess only the note's gate had left out ("L 95°", no motion) was
    reported as invented."""
    note = HEADER + "R knee flexion AROM 95°\nL 95°\n"
    assert verify(note, note).clean
    # twin: the same weak reading with a value the note lacks is still questioned
    assert not verify(note, HEADER + "R knee flexion AROM 95°\nL 105°\n").clean
