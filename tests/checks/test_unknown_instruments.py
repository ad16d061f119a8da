"""Instruments chartdesk does not list (issue 12, INST): read by notation, under the name written.

Notes of our own, with instruments none of the evaluation sets use, each with a twin that must
not be read: a name in Title Case with a test's unit after its number ("Figure of Eight Walk
9.4 s"), an acronym with subtests in milliseconds or its subscales listed by acronym, errors and
scale scores beside a result, a scale's legend words, and falls said with their verb.
"""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts
from tui.core.checks.measures.results import missing_counts, result_counts
from tui.core.checks.names import instrument_key
from tui.core.checks.text.numbers import normalize
from tui.core.checks.verify.verify import verify

Read = tuple[str, float, str | None, str]  # measure, value, unit, label


def outcomes(text: str) -> list[Read]:
    """Every instrument score of a text: measure, value, unit and label."""
    return [
        (fact.measure or "", float(fact.value), fact.unit, fact.label)  # type: ignore[arg-type]
        for fact in extract_facts(text)
        if fact.kind == "outcome"
    ]


NOTES: list[tuple[str, list[Read]]] = [
    (  # a test named in Title Case, with its errors in a bracket
        "Executive screen: Color Trails 1 52 s, Color Trails 2 118 s (3 errors).",
        [
            ("Color Trails 1", 52, "s", "Color Trails 1"),
            ("Color Trails 2", 118, "s", "Color Trails 2"),
            ("Color Trails 2", 3, "errors", "Color Trails 2 errors"),
        ],
    ),
    (  # parts of a test named before a colon are that test's parts
        "Cognition: Oral Trails: Part A 29 s, Part B 71 s (1 error).",
        [
            ("Oral Trails", 29, "s", "Oral Trails Part A"),
            ("Oral Trails", 71, "s", "Oral Trails Part B"),
            ("Oral Trails", 1, "errors", "Oral Trails Part B errors"),
        ],
    ),
    (  # the twin: a heading that names a domain gives no name to a test of its own
        "Balance: Figure of Eight Walk 9.4 s, Oral Trails B 71 s.",
        [
            ("Figure of 8 Walk", 9.4, "s", "Figure of 8 Walk"),
            ("Oral Trails B", 71, "s", "Oral Trails B"),
        ],
    ),
    (  # a name with a number word in it, and an earlier result in inches
        "Balance: Figure of Eight Walk 9.4 s. Multi Directional Reach 7 in (was 4 in).",
        [
            ("Figure of 8 Walk", 9.4, "s", "Figure of 8 Walk"),
            ("Multi Directional Reach", 7, "in", "Multi Directional Reach"),
            ("Multi Directional Reach", 4, "in", "Multi Directional Reach (previous)"),
        ],
    ),
    (  # a time in milliseconds, which the modality rules keep for settings elsewhere
        "Cognition: Clinical Reaction Time 236 ms, SDMT 41.",
        [
            ("Clinical Reaction Time", 236, "ms", "Clinical Reaction Time"),
            ("SDMT", 41, None, "SDMT"),
        ],
    ),
    (  # an acronym's subtests, each timed, and a category "of" its whole
        "Vision: DEM vertical time 41 s, horizontal time 58 s. CTSIB-M 90 s. ImPACT visual "
        "motor speed 33.2, reaction time 640 ms (class 2 of 4).",
        [
            ("DEM", 41, "s", "DEM vertical time"),
            ("DEM", 58, "s", "DEM horizontal time"),
            ("CTSIB-M", 90, "s", "CTSIB-M"),
            ("ImPACT", 33.2, None, "ImPACT visual motor speed"),
            ("ImPACT", 640, "ms", "ImPACT reaction time"),
            ("ImPACT", 2, "/4", "ImPACT class"),
        ],
    ),
    (  # subscales listed by acronym after a colon are the instrument's, each its own fact
        "Pelvic: PFIQ-7: UIQ 38, CRAIQ 19 and POPIQ 10. Sleep: ISI 12.",
        [
            ("PFIQ-7", 38, None, "PFIQ-7 UIQ"),
            ("PFIQ-7", 19, None, "PFIQ-7 CRAIQ"),
            ("PFIQ-7", 10, None, "PFIQ-7 POPIQ"),
            ("ISI", 12, None, "ISI"),
        ],
    ),
    (  # a subtest written out after an acronym is the acronym's
        "Fine motor: MABC-2 Manual Dexterity standard score 6.",
        [("MABC-2", 6, None, "MABC-2 Manual Dexterity")],
    ),
    (  # an instrument named in brackets before a colon: the sites are its items
        "Skin: graft (Patient Scar Assessment): L forearm 21/40, dorsum 17/40.",
        [
            ("Patient Scar Assessment", 21, "/40", "Patient Scar Assessment L forearm"),
            ("Patient Scar Assessment", 17, "/40", "Patient Scar Assessment dorsum"),
        ],
    ),
    (  # a table row read as a line: the score after the column's heading
        "| Test | Score |\n|---|---|\n| MABC-2 Ball Skills standard score | 9 |\n",
        [("MABC-2", 9, None, "MABC-2 Ball Skills")],
    ),
]


@pytest.mark.parametrize(("note", "expected"), NOTES)
def test_an_unknown_instrument_is_read_under_the_name_written(
    note: str, expected: list[Read]
) -> None:
    assert outcomes(note) == expected


# The twins: capitals, units and acronyms that are no instrument's result.
TWINS = [
    "HEP: Side Plank 30 s; Bird Dog 30 s each side.",
    "Ther ex: Wall Sits 45 s x3, Heel Raises 2x15.",
    "Rest Breaks 30 s between sets; Recumbent Bike 8 min.",
    "Seen in Room B 12 at 10:30 on 3/14/2027; Follow Up in 2 wks.",
    "Meds: Baclofen 10 mg TID, Gabapentin 300 mg. L4-5 fusion 2019, C5-6 ACDF.",
    "NMES 50 Hz, pulse 300 ms, 10 s on / 50 s off.",
    "Objective 30 s walk deferred. CPT 97750 x2.",
    "Knee Flexion 30 s hold at end range.",
    "Transfers (Min A): sit to stand 3/4 trials. Gait (RW): 150 ft x2.",
    "| Exercise | Dose |\n|---|---|\n| Side Plank | 30 s |\n",
]


@pytest.mark.parametrize("note", TWINS)
def test_the_twins_give_no_instrument_score(note: str) -> None:
    assert outcomes(note) == []


def test_a_list_ends_where_a_listed_instrument_starts() -> None:
    """After a subscale list, a listed instrument is its own (LEFS is never a PFIQ-7 part)."""
    read = outcomes("Outcomes: PFIQ-7: UIQ 38, CRAIQ 19, LEFS 61/80.")
    assert ("LEFS", 61, "/80", "LEFS") in read
    assert all(label != "PFIQ-7 LEFS" for *_, label in read)


def test_legend_words_are_no_items() -> None:
    """ "avg", "mean" and "was" say which figure of the scale it is, not an item's name."""
    read = outcomes("PSFS mean 6.3 (was 2.7) - kneeling 5, stairs 7, lifting 7.")
    labels = [label for *_, label in read]
    assert labels == ["PSFS", "PSFS (previous)", "PSFS kneeling", "PSFS stairs", "PSFS lifting"]


def test_a_note_name_and_its_longer_draft_name_are_one_instrument() -> None:
    assert instrument_key("Vancouver") == instrument_key("Vancouver Scar Scale")
    assert instrument_key("Color Trails 1") != instrument_key("Color Trails 2")
    note = "Scar: hypertrophic, Vancouver 6/13. Plan: silicone sheet."
    faithful = "Scar hypertrophic; Vancouver Scar Scale 6/13. Plan silicone sheeting."
    assert verify(note, faithful).clean


def test_an_unknown_instrument_score_the_note_lacks_is_unsupported() -> None:
    note = "Cognition: Color Trails 2 118 s (3 errors). Vision: DEM vertical time 41 s."
    changed = "Color Trails 2 was 98 s with 3 errors; DEM vertical time 41 s."
    invented = "Color Trails 2 118 s with 3 errors; DEM vertical time 41 s; Color Trails 1 60 s."
    assert 98 in [fact.value for fact in verify(note, changed).unsupported]
    assert 60 in [fact.value for fact in verify(note, invented).unsupported]


def test_falls_said_with_the_verb_are_counted_as_falls() -> None:
    note = "S: Pt fell three times since the last visit; nearly fell twice on the stairs."
    counts = [(count.value, count.noun) for count in result_counts(note)]
    assert counts == [(3, "falls"), (2, "near-falls")]
    draft = normalize("Reports 3 falls since the last visit and 2 near-falls on the stairs.")
    assert missing_counts(note, draft) == []
    said = normalize("She fell 3 times since the last visit and nearly fell twice on stairs.")
    assert missing_counts("Reports 3 falls and 2 near-falls since the last visit.", said) == []


def test_falls_the_draft_changes_are_missing() -> None:
    note = "S: Pt fell three times since the last visit."
    draft = normalize("Pt fell twice since last visit.")
    assert [fact.value for fact in missing_counts(note, draft)] == [3]


def test_a_goal_or_a_fall_without_a_count_is_no_count() -> None:
    """The twin: falls in a goal, a fall with no count, and "fell behind"."""
    assert result_counts("Goal: no falls x 3 months.\nPt fell on ice years ago.") == []
    assert result_counts("Pt fears she fell behind at work.") == []


def test_a_spoken_full_stop_ends_a_tests_sentence_before_any_score() -> None:
    """A dictation says its full stops: the number after "period" belongs to the next sentence
    ("within three blocks" is advice, not the test's score); with no mark between, the name
    and its score are read."""
    advice = "then the community walk test period advise outdoor walking within three blocks"
    assert [f.value for f in extract_facts(advice)] == []
    scored = "community walk test thirty eight seconds period advise outdoor walking"
    assert [(f.value, f.unit) for f in extract_facts(scored)] == [(38, "s")]
    trial = "after the trial period the stair test forty one seconds"
    assert [f.value for f in extract_facts(trial)] == [41]


@pytest.mark.parametrize(
    "note",
    [
        "Bloodwork drawn 3/14, within limits.",
        "Sutures removed 2/9; wound closed.",
        "Cast off since 11/30, weight bearing as tolerated.",
        "CT 10/2: no fracture.",
        "Brace issued 4/22, wearing days only.",
    ],
)
def test_a_month_and_day_after_what_happened_is_no_score(note: str) -> None:
    """A date written as a fraction after the thing that happened is no unlisted test's
    score."""
    assert [f for f in extract_facts(note) if f.kind == "outcome"] == []


@pytest.mark.parametrize(
    ("note", "name"),
    [("Gillette 7/12 today.", "Gillette"), ("Kessler Rating 9/12.", "Kessler Rating")],
)
def test_a_score_that_could_be_a_date_after_a_tests_name_is_read(note: str, name: str) -> None:
    scores = [(f.value, f.label) for f in extract_facts(note) if f.kind == "outcome"]
    assert scores and scores[0][1] == name, scores
