"""Round 18 review B: wrong readings the merged rules made on lines no engineer wrote, each
with the near-misses the fixed rule must still refuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.eval.score import CTX
from tui.core.checks.extract import extract_facts
from tui.core.intake.notes import parse_note_text


def _read(text: str) -> list[tuple[str, str, object]]:
    return [(f.kind, f.label, f.value) for f in extract_facts(text, CTX.measures)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the help the patient needed, between the reading and "needed" (refused_readings)
        ("Amb 150 ft min A needed.", 150),
        ("Gait 300 ft CGA required on turns.", 300),
        ("SpO2 89% O2 needed.", 89),
    ],
)
def test_a_need_after_words_of_help_keeps_the_reading(text: str, value: int) -> None:
    assert value in [v for _, _, v in _read(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Reading speed 65 wpm; ~80 wpm needed for school.",
        "Reading speed 46 wpm (72 wpm is the speed required).",
        "Gait speed 0.6 m/s; 1.0 m/s required for community.",
    ],
)
def test_twin_a_need_right_after_its_unit_is_a_reference(text: str) -> None:
    values = [v for _, _, v in _read(text)]
    assert 80 not in values and 72 not in values and 1.0 not in values


def test_a_share_of_sets_is_the_patients_own() -> None:
    assert 80 in [v for _, _, v in _read("Completed 80% of 3 sets.")]
    assert 75 not in [v for _, _, v in _read("Train at 75% of 168 bpm.")]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # the side after the rating is the side rated; the side of the reading before is not
        ("SLR R 60, L 75 (pain 5/10 R).", "pain R"),
        ("Heel raises R 8, L 20 (pain 4/10 R).", "pain R"),
        ("Grip R 20 kg, L 30 kg (pain 3/10 L wrist).", "pain L wrist"),
    ],
)
def test_a_pain_ratings_side_said_after_it_is_not_doubled(text: str, label: str) -> None:
    assert [lab for kind, lab, _ in _read(text) if kind == "pain"] == [label]


def test_twin_a_side_before_the_rating_still_labels_it() -> None:
    # the joint of the clause before the semicolon is not carried over (review A: "L shoulder
    # pain 3/10; neck pain 2/10"); the side said in the rating's own clause is kept
    assert ("pain", "pain R", 5) in _read("Shoulder flex R 120, L 170; pain R 5/10.")
    assert ("pain", "pain hip R", 6) in [
        (k, lab.replace(" at worst", ""), v)
        for k, lab, v in _read("Reports R hip pain 6/10 at worst.")
    ]


@pytest.mark.parametrize(
    "text",
    ["Daughter averages 8000 steps/day.", "Her husband walks 6,000 steps per day with her."],
)
def test_a_relations_own_step_count_is_not_the_patients(text: str) -> None:
    assert not [v for k, _, v in _read(text) if k == "other"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Daughter reports avg 3,000 steps/day.", 3000),
        ("Per daughter, pt averages 3,000 steps/day.", 3000),
        ("Dad's phone shows 3200 steps/day.", 3200),
        ("Step counter: avg 2,140 steps/day.", 2140),
    ],
)
def test_twin_a_relation_telling_the_patients_count_keeps_it(text: str, value: int) -> None:
    assert value in [v for _, _, v in _read(text)]


BODY = "\n\nS: Pt reports knee better.\nO: knee flex 0-120.\nA: progressing.\nP: continue.\n"


def _note(head: str) -> tuple[str, int | None]:
    note = parse_note_text(Path("n.txt"), "Therapy note\n" + head + BODY, "x")
    return note.payer, note.visit


def test_a_semicolon_parts_header_fields() -> None:
    assert _note("Payer: self-pay; Visit 8") == ("self-pay", 8)


def test_a_keyed_visit_is_a_number_never_a_frequency() -> None:
    assert _note("Visit: 3x/week x 4 weeks")[1] is None
    assert _note("Visit: 3 per week")[1] is None
    assert _note("Visit: #4 of 12 | Payer: Aetna") == ("Aetna", 4)
    assert _note("Pt: D. Reyes | Visit 3 | Payer: BlueCross") == ("BlueCross", 3)


@pytest.mark.parametrize(
    "text", ["Friend's 6MWT 500 m.", "Husband's 5xSTS 11 s.", "Daughter's 30s CST 14 reps."]
)
def test_a_relations_possessive_owns_a_test_named_with_digits(text: str) -> None:
    assert not _read(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mom's report: 6MWT 300 m.", 300),
        ("With husband's help 6MWT 250 m.", 250),
        ("Pt's 6MWT 320 m.", 320),
        ("Daughter's 2 kids visit; pt amb 100 ft.", 100),
    ],
)
def test_twin_a_test_told_through_a_relation_stays_the_patients(text: str, value: int) -> None:
    assert value in [v for _, _, v in _read(text)]


def test_a_letters_divider_under_its_date_and_addressee_keeps_the_note() -> None:
    from tui.core.drafting.email_furniture import email_body

    letter = (
        "Date: 03/12/2102\nTo: Dr. Okafor\nRe: J. Doe\n\nS: knee better, pain 3/10.\n--\n"
        "O: knee flex 0-120.\nA: progressing.\nP: cont 2x/wk.\n"
    )
    assert "O: knee flex 0-120." in email_body(letter)
    assert "P: cont 2x/wk." in email_body(letter)
    mail = "From: a@b.example\nDate: 1/2\n\nS: pain 2/10\n--\nC. Reyes, PT | Fax 555-0194\n"
    assert "Fax" not in email_body(mail) and "S: pain 2/10" in email_body(mail)


def test_a_notice_given_to_the_patient_is_the_notes() -> None:
    from tui.core.drafting.email_furniture import email_body

    text = "HIPAA notice given to pt; pt verbalized understanding.\nO: gait 200 ft.\n"
    assert email_body(text) == text
    notice = "S: ok.\n\nCONFIDENTIALITY NOTICE: This fax may contain PHI.\nCall 555-0100.\n"
    assert "CONFIDENTIALITY" not in email_body(notice) and "S: ok." in email_body(notice)


@pytest.mark.parametrize(
    "text",
    [
        "Calf raises R 10 L 14 on 3/2; today R 14 L 18.",
        "Heel raises R 10, L 14 at eval; now R 16, L 20.",
        "Heel raises R 10, L 14 last visit.",
    ],
)
def test_a_pair_of_counts_dated_after_it_is_earlier(text: str) -> None:
    found = {(lab, v) for k, lab, v in _read(text) if k == "other" and v in (10, 14)}
    assert found == {("R calf raises (previous)", 10), ("L calf raises (previous)", 14)} or (
        found == {("R heel raises (previous)", 10), ("L heel raises (previous)", 14)}
    )


@pytest.mark.parametrize(
    "text", ["Heel raises R 8, L 20 today.", "Heel raises R 20, L 27 (prior 12, 15)."]
)
def test_twin_a_pair_not_dated_is_todays(text: str) -> None:
    labels = {lab for k, lab, v in _read(text) if k == "other" and v in (8, 20, 27)}
    assert labels and all("previous" not in lab for lab in labels)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Above cutoff, Berg 44/56.", 44),
        ("Below norms, grip 18 kg.", 18),
        ("Benchmark met, gait 1.1 m/s.", 1.1),
        ("Heart rate 128 at ventilatory threshold.", 128),
    ],
)
def test_a_verdict_on_the_reference_keeps_the_patients_number(text: str, value: object) -> None:
    assert value in [v for _, _, v in _read(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Age-predicted max HR 172.", 172),
        ("6MWT 320 m; norms 450 m.", 450),
        ("Berg 41/56, cut-off 45.", 45),
        ("Gait speed 0.62 m/s, below 0.8 m/s threshold.", 0.8),
    ],
)
def test_twin_a_reference_named_before_or_after_stays_refused(text: str, value: object) -> None:
    assert value not in [v for _, _, v in _read(text)]
