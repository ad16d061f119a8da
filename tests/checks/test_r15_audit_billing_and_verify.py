"""Round 15 (AUDIT): a percentage of no measure is a score's percent of maximum only where its
sentence names the score; a size one side exceeds the other by is no girth; two service names;
a sets-by-reps dose backs no load; a rating out of ten the note never writes is caught wherever
the draft writes it. Each reading with a twin."""

from __future__ import annotations

from tests.checks.test_r13_review_billing import HEADER, minutes
from tui.core.checks.extract import extract_facts
from tui.core.checks.verify.verify import verify

SCORES = HEADER + "O: LEFS 74/80. Y-balance anterior reach L 62 cm, R 65 cm.\n"
SAID = "LEFS 74/80. Y-balance anterior reach left 62 cm, right 65 cm."


def test_a_percent_of_no_measure_is_no_score_over_its_maximum() -> None:
    flawed = SAID + " Single-leg hop for distance left 92% of right."
    assert 92 in [fact.value for fact in verify(SCORES, flawed).unsupported]
    flawed = SAID + " Symmetry on the triple hop 92 %."
    assert 92 in [fact.value for fact in verify(SCORES, flawed).unsupported]


def test_twin_a_percent_beside_its_score_is_the_score_over_its_maximum() -> None:
    assert verify(SCORES, SAID).clean
    assert verify(SCORES, "LEFS 74/80 (92% of the maximum). " + SAID[12:]).unsupported == []


def _girths(body: str) -> list[float]:
    return [f.value for f in extract_facts(HEADER + body) if f.kind == "girth"]


def test_a_size_one_side_exceeds_the_other_by_is_no_girth() -> None:
    assert 1.9 not in _girths("A: Edema still 1.2-1.9 cm over L at each landmark.\n")
    assert 2 not in _girths("O: edema L hand 2 cm more than R.\n")
    assert 1.5 not in _girths("O: thigh girth 1.5 cm larger than the uninvolved side.\n")


def test_twin_a_girth_over_a_landmark_is_a_girth() -> None:
    assert 16.0 in _girths("O: circumference 16.0 cm over L wrist crease.\n")
    assert _girths("O: girth R 41.5 cm, L 43.0 cm.\n") == [41.5, 43.0]


def test_self_management_training_and_moist_heat_name_their_codes() -> None:
    assert minutes("Tx: self-mgmt training 20 min (activity diary, pacing).\n") == {"97535": 20}
    assert minutes("Tx: self-management training 12 min.\n") == {"97535": 12}
    assert minutes("MH 10' R hip, post\n") == {"97010": 10}


def test_twin_the_known_names_keep_their_codes() -> None:
    assert minutes("Tx: self-care training 15 min.\n") == {"97535": 15}
    assert minutes("MHP 10 min to low back.\n") == {"97010": 10}


DOSED = HEADER + "S: Shoulder pain 4/10.\nO: band ER 3x10, wall walks.\nTherEx 30 min.\n"


def test_a_sets_by_reps_dose_backs_no_load() -> None:
    flawed = "Shoulder pain 4/10. Therapeutic exercise 30 min. Continue with 3 kg rows."
    assert 3 in [fact.value for fact in verify(DOSED, flawed).unsupported]


def test_twin_a_load_the_note_writes_is_backed() -> None:
    note = DOSED.replace("band ER 3x10", "rows 3x10 @ 3 kg")
    draft = "Shoulder pain 4/10. Rows 3x10 with 3 kg. Therapeutic exercise 30 min."
    assert verify(note, draft).unsupported == []


RATED = HEADER + "S: Neck pain 2/10.\nTherapeutic exercise 24 min, chin tucks.\n"


def test_a_rating_the_note_never_writes_is_caught_in_a_service_line() -> None:
    flawed = "Neck pain 2/10. Therapeutic exercise 24 min at RPE 6/10, chin tucks."
    assert 6 in [fact.value for fact in verify(RATED, flawed).unsupported]


def test_twin_a_rating_the_note_writes_is_backed() -> None:
    note = RATED.replace("chin tucks.", "chin tucks, RPE 6/10.")
    draft = "Neck pain 2/10. Therapeutic exercise 24 min at RPE 6/10, chin tucks."
    assert verify(note, draft).unsupported == []


def test_twin_a_dose_copied_from_the_note_is_backed_whatever_unit_its_run_lends() -> None:
    note = HEADER + "O: single leg squat 3 x 10 to 60 deg without valgus.\n"
    draft = "Single leg squat 3 x 10 to 60 deg without valgus."
    assert verify(note, draft).unsupported == []
    note = HEADER + "O: LAQ 90-30° 3 x 12, 4# ankle weight.\n"
    assert verify(note, "LAQ 90-30° 3 x 12, 4# ankle weight.").unsupported == []
