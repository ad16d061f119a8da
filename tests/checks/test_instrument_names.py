"""Instrument names, versions and scale bounds (issue 12): notes of our own, each with a twin that
must not be read.

A written-out name is the instrument its abbreviation names; a version scored on another range
is its own instrument; an unknown acronym is still an instrument under the name written. The
bounds of a scale (its maximum, a cutoff, "(of 132)", "/28 not done") are never scores, and an
earlier value written beside the current one is kept as an earlier one.
"""

from __future__ import annotations

import tomllib
from importlib.resources import files

import pytest

from tui.core.checks.extract import extract_facts
from tui.core.checks.names import names_instrument, resolve
from tui.core.checks.tables import measure_defs
from tui.core.checks.verify.verify import verify
from tui.core.outcomes.instruments import builtin_instruments

Score = tuple[str, float, bool]  # measure, value, earlier


def outcomes(text: str) -> list[Score]:
    """Each instrument score of a note: its measure, value and whether it is an earlier one."""
    return [
        (fact.measure or "", float(fact.value), fact.label.endswith("(previous)"))  # type: ignore[arg-type]
        for fact in extract_facts(text)
        if fact.kind in ("outcome", "pain") and fact.measure
    ]


NOTES: list[tuple[str, list[Score]]] = [
    (  # a dictation: the written-out name, in lower case, with spelled-out numbers
        "okay so this is for visit six. objective. the dizziness handicap inventory came in at "
        "forty-four, it was fifty eight at the evaluation. functional gait assessment twenty out "
        "of thirty.",
        [("DHI", 44, False), ("DHI", 58, True), ("FGA", 20, False)],
    ),
    (  # a short form is its own instrument, not a subscale of the long one
        "O: KOOS JR 64.3 (interval score), was 52.1 at IE. KOOS pain subscale 67.",
        [("KOOS JR", 64.3, False), ("KOOS JR", 52.1, True), ("KOOS", 67, False)],
    ),
    (
        "Functional status: HOOS-JR 70.4; LEFS 51/80 (was 40/80).",
        [("HOOS JR", 70.4, False), ("LEFS", 51, False), ("LEFS", 40, True)],
    ),
    (  # versions on the same range are the same instrument
        "Outcome measures: Modified Oswestry 34% (eval 48%). NDI 18% (was 30%).",
        [("ODI", 34, False), ("ODI", 48, True), ("NDI", 18, False), ("NDI", 30, True)],
    ),
    (
        "Quick DASH 40.9 today; qDASH at SOC 61.4. NRS 3/10 with lifting.",
        [("QuickDASH", 40.9, False), ("QuickDASH", 61.4, True), ("NPRS", 3, False)],
    ),
    (
        "Balance: Mini BESTest 19/28 (last PR 15/28). Berg balance scale 47/56, cutoff 45.",
        [("Mini-BESTest", 19, False), ("Mini-BESTest", 15, True), ("Berg", 47, False)],
    ),
    (
        "Tests: lower extremity functional scale 58, neck disability index 12%, timed up and go "
        "11.8 sec, six minute walk test 402 m.",
        [("LEFS", 58, False), ("NDI", 12, False), ("TUG", 11.8, False), ("6MWT", 402, False)],
    ),
    (  # bounds of the scale beside the scores
        "PCSS 18 (of 132), down from 36 on 9/2. Tinetti /28 not done - pt fatigued. DGI 17, "
        "max 24. LEFS 49 out of 80 (MCID 9).",
        [("PCSS", 18, False), ("PCSS", 36, True), ("DGI", 17, False), ("LEFS", 49, False)],
    ),
    (  # Section GG codes with a leading zero and a level's words after them
        "Section GG self-care: eating 06, toileting hygiene 04 - supervision, upper body "
        "dressing 03 (was 01 on 9/30), lower body dressing 02.",
        [
            ("Section GG", 6, False), ("Section GG", 4, False), ("Section GG", 3, False),
            ("Section GG", 1, True), ("Section GG", 2, False),
        ],
    ),
    (
        "NDI 26% (was 40%). ODI 28 (prev 44). LEFS 55, up from 37.",
        [
            ("NDI", 26, False), ("NDI", 40, True), ("ODI", 28, False), ("ODI", 44, True),
            ("LEFS", 55, False), ("LEFS", 37, True),
        ],
    ),
    (  # a line typed in capitals
        "OBJ: PT AMBULATED IN CLINIC, TOLERATED WELL.\nBERG 44/56  TUG 13.1 SEC  DHI 30 (WAS 52)",
        [("Berg", 44, False), ("TUG", 13.1, False), ("DHI", 30, False), ("DHI", 52, True)],
    ),
    (  # a date heading the earlier value, or after it
        "ODI 36% (eval 8/12: 50%). NDI 22% (11/50) - was 34% at eval 8/3.",
        [("ODI", 36, False), ("ODI", 50, True), ("NDI", 22, False), ("NDI", 34, True)],
    ),
    (  # a dual-task TUG is another test than the TUG; counting by threes is no score
        "TUG 12.2 s; TUG dual task (counting backward by 3s) 16.9 s.",
        [("TUG", 12.2, False), ("TUG-cognitive", 16.9, False)],
    ),
    (  # acronyms the table does not list are read under the name written
        "PRWE 52 (was 71), VISA-P 64, FAAM ADL 72%.",
        [("PRWE", 52, False), ("PRWE", 71, True), ("VISA-P", 64, False), ("FAAM-ADL", 72, False)],
    ),
    (
        "Tinetti POMA: balance 10/16, gait 9/12, total 19/28 (SOC 5/2: 14/28).",
        [
            ("Tinetti", 10, False), ("Tinetti", 9, False), ("Tinetti", 19, False),
            ("Tinetti", 14, True),
        ],
    ),
    (  # timed tests by their other names
        "30 second sit to stand 9 reps; FTSST 14.2 s; 10 meter walk 0.9 m/s; 2 minute walk 120 m.",
        [
            ("30s chair stand", 9, False), ("5xSTS", 14.2, False), ("10MWT", 0.9, False),
            ("2MWT", 120, False),
        ],
    ),
    (
        "the patient-rated wrist evaluation came in at fifty two, ICIQ-UI SF 9 (was 14).",
        [("PRWE", 52, False), ("ICIQ-UI SF", 9, False), ("ICIQ-UI SF", 14, True)],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("note", "expected"), NOTES)
def test_each_instrument_is_read_under_its_one_name(note: str, expected: list[Score]) -> None:
    assert outcomes(note) == expected


# The twins: numbers beside instrument names that are not scores of this visit.
TWINS: list[tuple[str, list[float]]] = [
    ("Goal: DHI under 30 by week 8; DHI cutoff 16 for mild handicap.", [30, 16]),
    ("Reference: Berg max 56, fall-risk cutoff 45; LEFS MCID 9, max 80.", [56, 45, 9, 80]),
    ("PCSS total possible 132 (of 132). Tinetti /28 not attempted.", [132, 28]),
    ("Transfers ModI, bed mobility ModI x2 trials. Gait 200 ft ModI with SPC.", [2, 200]),
    ("A: PRWE -19 since eval; grip 55% of uninvolved side.", [19, 55]),
    ("Medical hx: R CTR 2011, L TKA 2019.", [2011, 2019]),
    ("Walked 1/2 mile on the track Sunday.", [1, 2]),
    ("PFM Modified Oxford 3/5 (eval 2/5); endurance 7 s hold.", [7]),
    ("HA 3/10 at rest, 5/10 after screens.", [3, 5]),
    ("Tinetti total 18/28 today.", [28]),
    ("Plan: CIMT-modified protocol 3 h/day at home, 2x/wk.", [3]),
    ("Ambulated 2 min walk on treadmill; walked 10 m walk with cues.", [2, 10]),
]


@pytest.mark.parametrize(("note", "values"), TWINS)
def test_bounds_changes_and_codes_are_not_scores(note: str, values: list[float]) -> None:
    found = [value for measure, value, _ in outcomes(note) if measure not in ("NPRS",)]
    assert not set(found) & set(values), outcomes(note)


def test_modi_is_only_the_oswestry_as_written() -> None:
    """ "mODI" is the modified Oswestry; "ModI" (modified independent) is a level of assist."""
    assert outcomes("mODI 30%.") == [("ODI", 30, False)]
    assert outcomes("Sit to stand ModI 30 s.") == []


def test_a_headache_rating_is_pain_not_an_instrument() -> None:
    facts = extract_facts("HA 3/10 at rest, 5/10 after screens.")
    assert [(fact.kind, fact.value) for fact in facts] == [("pain", 3), ("pain", 5)]


@pytest.mark.parametrize(
    ("note", "draft"),
    [
        (
            "okay so objective. dizziness handicap inventory today forty-six, it was sixty two "
            "at the eval.",
            "DHI 46 (62 at evaluation).",
        ),
        ("DHI 46 (62 at eval).", "Dizziness Handicap Inventory 46; 62 at evaluation."),
        ("Modified Oswestry 40% today (eval 52%).", "ODI 40% (52% at evaluation)."),
        ("Mini BESTest 17/28.", "Mini-BESTest 17/28."),
        ("DHI 46 (was 62).", "Dizziness handicap inventory improved by 16 points to 46 (62)."),
    ],
)
def test_a_draft_and_its_note_may_spell_an_instrument_differently(note: str, draft: str) -> None:
    assert verify(note, draft).clean


@pytest.mark.parametrize(
    ("note", "draft"),
    [
        ("dizziness handicap inventory forty-six today", "DHI 48."),
        ("KOOS JR 61.2", "KOOS 61.2."),  # the short form is not the long one
        ("TUG cognitive 16.9 s", "TUG 16.9 s."),
    ],
)
def test_another_value_or_another_instrument_is_caught(note: str, draft: str) -> None:
    assert not verify(note, draft).clean


def test_the_resolver_names_a_written_name_or_keeps_it() -> None:
    assert resolve("dizziness handicap inventory") == "DHI"
    assert resolve("Quick DASH") == "QuickDASH"
    assert resolve("KOOS Jr.") == "KOOS JR"
    assert resolve("VISA-A") == "VISA-A"  # not listed: its own instrument
    assert names_instrument("the Neck Disability Index fell", "NDI")
    assert not names_instrument("the Oswestry fell", "NDI")


def test_every_alias_names_one_instrument() -> None:
    seen: dict[str, str] = {}
    for measure in measure_defs():
        for alias in measure.aliases:
            key = alias.replace(" ", "").replace("-", "").lower()
            assert seen.setdefault(key, measure.name) == measure.name, alias
            assert resolve(alias) == measure.name, alias


def test_the_names_live_in_instruments_toml_only() -> None:
    """One table: measures.toml holds vocabulary, not instruments (a branch that adds a
    [measures] entry there must move it to instruments.toml)."""
    data = files("tui.core") / "data"
    measures = tomllib.loads((data / "measures.toml").read_text(encoding="utf-8"))
    assert "measures" not in measures


def test_the_outcomes_table_keeps_the_instruments_with_a_change_figure() -> None:
    table = builtin_instruments()
    assert {"LEFS", "ODI", "NDI", "pain", "grip"} <= set(table)
    assert "DHI" not in table and "KOOS JR" not in table  # names and ranges only
    assert table["NDI"].high == 50 and table["NDI"].percent_of == 50


def test_an_instrument_s_subscales_are_its_items() -> None:
    """Words that end a run of scores elsewhere ("pain") name an instrument's own subscales."""
    facts = extract_facts("HOOS: pain 65, symptoms 60, ADL 71, QOL 38. WOMAC stiffness 3.")
    assert [(fact.label, fact.value) for fact in facts] == [
        ("HOOS pain", 65), ("HOOS symptoms", 60), ("HOOS ADL", 71), ("HOOS QOL", 38),
        ("WOMAC stiffness", 3),
    ]  # fmt: skip
    facts = extract_facts("PRWE 38 (pain 20, function 18), initial 66.")
    assert [(fact.label, fact.value) for fact in facts] == [
        ("PRWE", 38), ("PRWE pain", 20), ("PRWE function", 18), ("PRWE (previous)", 66),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "note", ["KOOS 58, pain 4/10 on stairs.", "ODI 30%, pain 4/10 sitting.", "NDI 20, pain 4/10."]
)
def test_a_rating_after_a_score_is_pain_not_a_subscale(note: str) -> None:
    assert [(fact.kind, fact.value) for fact in extract_facts(note)][-1] == ("pain", 4)


def test_a_legend_says_which_brackets_hold_the_earlier_values() -> None:
    note = (
        "Discharge status (eval values in square brackets):\n- QuickDASH 9 [52]\n"
        "- ODI 12 (of 100)\n"
    )
    assert outcomes(note) == [("QuickDASH", 9, False), ("QuickDASH", 52, True), ("ODI", 12, False)]
    twin = "Discharge status:\n- QuickDASH 9 [52]\n"  # no legend: nothing says 52 is earlier
    assert ("QuickDASH", 52, True) not in outcomes(twin)


@pytest.mark.parametrize(
    "note",
    [
        "Section GG mobility: sit to stand 04, walk 10 feet 04, walk 150 feet 02 (was 01).",
        "GG0170 mobility\n- Walk 50 feet with two turns: 03\n- 12 steps: 01\n",
        "| GG item | SOC | Today |\n|---|---|---|\n| Walk 150 feet | 01 | 03 |\n"
        "| 4 steps | 01 | 02 |\n",
    ],
)
def test_the_numbers_in_section_gg_item_names_are_not_distances(note: str) -> None:
    facts = extract_facts(note)
    assert not [fact for fact in facts if fact.unit in ("ft", "steps") or fact.kind == "other"]
    assert all(fact.value in range(1, 7) for fact in facts if fact.measure == "Section GG")


def test_a_walk_that_is_no_gg_item_keeps_its_distance() -> None:
    facts = extract_facts("Walk 150 feet - 2 rests needed. Pt walked 50 ft x3 with RW.")
    distances = [(fact.value, fact.unit) for fact in facts if fact.kind == "other"]
    assert distances == [(150, "ft"), (50, "ft")]
