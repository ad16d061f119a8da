"""Named tests' results, round 16 (issue 12, OUTCOME): each rule with the reading it must make
and the readings it must not.

A lab value after a score is no item of the test (words between two scores are whole words:
"INR" is no "in" and "R"); a version written "17-item" is no counter; a score after a comma and
another name is that name's; a result said before the test's name in words; a cut-off in the
bracket is no score; a pain scale's range is both its ends; a test named with its protocol's
time after its words; a dose is no score; a count's protocol time is no second score.
"""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _read(text: str) -> list[tuple[str, str | None, object]]:
    return [(f.kind, f.measure, f.value) for f in extract_facts(text)]


def _values(text: str) -> list[object]:
    return [f.value for f in extract_facts(text)]


def test_lab_value_after_a_score_is_no_score() -> None:
    for line in (
        "Berg 45 INR 2.1",
        "Berg 45, INR 2.1 this morning.",
        "Scored 45 on the Berg, INR 2.1.",
    ):
        read = _read(line)
        assert ("outcome", "Berg", 45) in read, line
        assert 2.1 not in [value for kind, _, value in read if kind == "outcome"], line


def test_twin_earlier_score_after_in_words_still_reads() -> None:
    assert 39 in _values("Berg 45, was 39 in Jan.")


def test_version_in_items_is_no_counter() -> None:
    read = _read("TSK 17-item 35, FABQ-PA 14")
    assert ("outcome", "TSK", 35) in read
    assert ("outcome", "TSK", 14) not in read
    assert 17 not in [value for _, _, value in read]


def test_twin_version_in_brackets() -> None:
    assert ("outcome", "TSK", 35) in _read("TSK (17-item) 35")


def test_score_after_a_comma_and_another_name_is_that_names() -> None:
    read = _read("TSK pending, FABQ-PA 14")
    assert ("outcome", "TSK", 14) not in read
    assert any(kind == "outcome" and value == 14 for kind, _, value in read)


def test_result_said_before_the_name_in_words() -> None:
    assert ("outcome", "TUG", 13.8) in _read("She took 13.8 seconds to complete the TUG.")
    assert ("outcome", "6MWT", 262) in _read("Walked 262 m on the six minute walk test.")
    assert ("outcome", "10MWT", 0.8) in _read("Pt walked 0.8 m/s on the 10 meter walk test.")


def test_twin_distance_not_before_a_test_stays_a_distance() -> None:
    read = _read("Walked 262 m on the track with a rollator.")
    assert not any(kind == "outcome" for kind, _, _ in read)


def test_cut_off_in_the_bracket_is_no_score() -> None:
    read = _read("Mini-BESTest 17/28 (cut-off for falls 19/28).")
    assert ("outcome", "Mini-BESTest", 17) in read
    assert 19 not in _values("Mini-BESTest 17/28 (cut-off for falls 19/28).")
    assert 45 not in _values("Berg 41/56 (threshold 45)")


def test_pain_scale_range_is_both_ends() -> None:
    assert [v for k, _, v in _read("Low back pain NPRS 2-4 most days.") if k == "pain"] == [2, 4]
    assert [v for k, _, v in _read("VAS 3-5 today") if k == "pain"] == [3, 5]


def test_twin_range_of_an_outcome_is_not_split() -> None:
    assert 3 not in _values("Berg 3-5 min to complete")


def test_protocol_time_after_the_tests_words() -> None:
    read = _read("Sit to stand 30 s: 11 reps (norm for age 12-17).")
    assert ("outcome", "30s chair stand", 11) in read
    assert not any(value in (30, 12, 17) for _, _, value in read)
    assert ("outcome", "30s chair stand", 10) in _read("30-sec chair rise, arms crossed: 10 reps.")


def test_dose_is_no_score() -> None:
    assert _read("sit to stand 30 s x 5 reps for LE strengthening") == []
    assert _read("Ther ex: 30 s sit to stand 3x10") == []


def test_count_in_a_protocol_time() -> None:
    read = _read("Box and Block: R 48 blocks, L 61 blocks in 60 sec.")
    assert [v for _, m, v in read if m == "Box and Block"] == [48, 61]
