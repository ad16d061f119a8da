"""Fact extraction: synthetic notes (typed and voice), traps that must not be taken, spans."""

from __future__ import annotations

from typing import Any

import pytest

from tests.checks.conftest import SYNTHETIC, found, synthetic_text
from tui.core.checks.extract import extract_billing, extract_facts
from tui.core.checks.text.numbers import normalize

P = "pain"


def f(kind: str, value: Any, **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "value": value, **extra}


# Expected facts per synthetic note (what a reader must find), and facts that must NOT appear.
NOTES: dict[str, dict[str, Any]] = {
    "2026-12-01_avery-sam_soap.txt": {
        "facts": [
            f(P, 3),
            f(P, 6),
            f("rom", 110),
            f("rom", 3),
            f("rom", 118),
            f("mmt", "4"),
            f("mmt", "4+"),
            f("mmt", "4-"),
            f("other", 300, unit="ft"),
            f("service", 30, cpt="97110"),
            f("service", 10, cpt="97116"),
            f("service", 10, cpt="97010"),
        ],
        "absent": [f(P, 6.0, label="fatigue"), f("service", 10, cpt="97110")],
        "billing": (40, 50, {"97110": 2, "97116": 1, "97010": 1}),
    },
    "2026-12-02_baptiste-lena_soap.txt": {
        "facts": [
            f(P, 5),
            f(P, 8),
            f("other", 3, unit="/10"),
            f("outcome", 28, measure="NDI"),
            f("rom", 60),
            f("rom", 70),
            f("rom", 40),
            f("strength", 52, unit="lb"),
            f("strength", 60, unit="lb"),
            f("service", 12, cpt="97140"),
            f("service", 23, cpt="97110"),
            f("service", 15, cpt="97012"),
        ],
        "absent": [f(P, 3)],
        "billing": (35, 50, {"97140": 1, "97110": 2, "97012": 1}),
    },
    "2026-12-03_chen-wei_soap.txt": {
        "facts": [
            f(P, 4),
            f("outcome", 30, measure="ODI"),
            f("outcome", 46, measure="ODI"),
            f("rom", 60),
            f("rom", 15),
            f("outcome", 13.5, measure="5xSTS"),
            f("service", 20, cpt="97110"),
            f("service", 10, cpt="97112"),
            f("service", 8, cpt="97140"),
        ],
        "absent": [f("rom", 30), f("other", 6)],
        "billing": (38, 38, {"97110": 1, "97112": 1, "97140": 1}),
    },
    "2026-12-04_diaz-maria_soap.txt": {
        "facts": [
            f(P, 2),
            f("rom", 15),
            f("rom", 45),
            f("rom", 20),
            f("rom", 10),
            f("other", 12, unit="s"),
            f("other", 30, unit="s"),
            f("service", 25, cpt="97110"),
            f("service", 15, cpt="97530"),
        ],
        "absent": [f("service", 20)],
        "billing": (40, 40, {"97110": 2, "97530": 1}),
    },
    "2026-12-05_evans-ruth_ot.txt": {
        "facts": [
            f("strength", 12),
            f("strength", 48),
            f("strength", 4),
            f("rom", 100),
            f("rom", 10),
            f("mmt", "3+"),
            f("mmt", "4-"),
            f("outcome", 5, measure="FIM"),
            f("outcome", 4, measure="FIM"),
            f("outcome", 3, measure="FIM"),
            f("service", 25, cpt="97535"),
            f("service", 15, cpt="97112"),
            f("service", 10, cpt="97018"),
        ],
        "absent": [],
        "billing": (40, 50, {"97535": 2, "97112": 1, "97018": 1}),
    },
    "2026-12-06_fox-daniel_soap.txt": {
        "facts": [
            f(P, 7),
            f(P, 3),
            f("outcome", 45.5, measure="QuickDASH"),
            f("outcome", 4.3, measure="PSFS"),
            f("rom", 150),
            f("rom", 140),
            f("rom", 70),
            f("rom", 50),
            f("mmt", "4-"),
            f("mmt", "4"),
            f("service", 8, cpt="97035"),
        ],
        "absent": [f("other", 100), f("outcome", 45.5, measure="DASH")],
        "billing": (28, 28, {"97110": 1, "97140": 1, "97035": 1}),
    },
    "2026-12-07_garcia-luis_soap.txt": {
        "facts": [
            f("other", 7, unit="/10"),
            f("outcome", 44, measure="Berg"),
            f("outcome", 40, measure="Berg"),
            f("outcome", 15.2, measure="TUG"),
            f("outcome", 0.8, measure="10MWT"),
            f("outcome", 55, measure="ABC"),
            f("service", 20, cpt="97116"),
            f("service", 18, cpt="97112"),
        ],
        "absent": [f(P, 7), f("other", 1)],
        "billing": (38, 38, {"97116": 2, "97112": 1}),
    },
    "2026-12-08_hill-ava_soap.txt": {
        "facts": [],
        "absent": [f("service", 8)],
        "billing": (30, 30, {"97110": 2}),
    },
    "2026-12-09_ito-ken_soap.txt": {
        "facts": [
            f(P, 5),
            f(P, 2),
            f("rom", 95),
            f("rom", 10),
            f("rom", 25),
            f("outcome", 41, measure="LEFS"),
            f("service", 15, cpt="97116"),
        ],
        "absent": [],
        "billing": (40, 40, {"97110": 1, "97140": 1, "97116": 2}),
    },
    "2026-12-11_kim-joon_soap.txt": {
        "facts": [f(P, 4), f("strength", 40), f("strength", 85), f("rom", 60)],
        "absent": [f("strength", 2), f("other", 3)],
        "billing": (20, 20, {"97110": 1, "97140": 1}),
    },
    "2026-12-13_moore-eli_soap.txt": {
        "facts": [
            f(P, 1),
            f("rom", 135),
            f("girth", 40.5, unit="cm"),
            f("girth", 41.0),
            f("outcome", 72, measure="Kujala"),
        ],
        "absent": [f("girth", 1)],
        "billing": (45, 45, {"97110": 2, "97112": 1}),
    },
    "2026-12-14_nguyen-tam_school.md": {
        "facts": [f("outcome", 88, measure="Beery VMI"), f("other", 60, unit="%")],
        "absent": [f("other", 4), f("other", 8), f("other", 30)],
        "billing": (None, None, {}),
    },
    "2026-12-15_owens-kate_eval.txt": {
        "facts": [
            f(P, 6),
            f(P, 2),
            f("rom", 140),
            f("rom", 30),
            f("rom", 10),
            f("mmt", "4-"),
            f("mmt", "4"),
            f("mmt", "5"),
            f("outcome", 68, measure="Kujala"),
            f("outcome", 52, measure="LEFS"),
            f("service", 15, cpt="97110"),
        ],
        "absent": [f("other", 38), f("other", 30), f("other", 10)],
        "billing": (15, 55, {"97162": 1, "97110": 1}),
    },
    "2026-12-17_quinn-rob_soap.txt": {
        "facts": [
            f(P, 6),
            f("service", 20, cpt="97110"),
            f("service", 10, cpt="97116"),
            f("service", 15, cpt="97014"),
        ],
        "absent": [f("other", 20), f("service", 20, cpt="97116")],
        "billing": (30, 45, {"97110": 1, "97116": 1, "97014": 2}),
    },
    "2026-12-18_rossi-gina_soap.txt": {
        "facts": [f(P, 4), f("rom", 118), f("rom", 2), f("service", 25, cpt="97110")],
        "absent": [f(P, 2)],
        "billing": (25, 25, {"97110": 2}),
    },
}


def _fmt(expected: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in expected.items() if k != "label"}


def test_there_are_at_least_fifteen_synthetic_notes() -> None:
    assert len(list(SYNTHETIC.iterdir())) >= 15
    assert len(NOTES) >= 15


@pytest.mark.parametrize("name", sorted(NOTES))
def test_synthetic_note_facts(name: str) -> None:
    facts = extract_facts(synthetic_text(name))
    spec = NOTES[name]
    assert [e for e in spec["facts"] if not found(facts, e)] == []
    for absent in spec["absent"]:
        label = absent.get("label")
        clash = [x for x in facts if found([x], _fmt(absent))]
        if label:
            clash = [x for x in clash if label in x.label or label == "goal"]
        assert clash == [], absent


@pytest.mark.parametrize("name", sorted(NOTES))
def test_synthetic_note_billing(name: str) -> None:
    billing = extract_billing(synthetic_text(name))
    timed, treatment, billed = NOTES[name]["billing"]
    assert billing.stated_timed_minutes == timed
    assert billing.total_treatment_minutes == treatment
    assert dict(billing.billed) == billed


# -- traps and phrasings ---------------------------------------------------------------------

PHRASES: list[tuple[str, list[dict[str, Any]], list[dict[str, Any]]]] = [
    ("fatigue 6/10 after the session", [f("other", 6, unit="/10")], [f(P, 6)]),
    ("pain 3/10, fatigue 6/10", [f(P, 3), f("other", 6)], [f(P, 6)]),
    ("rated 6/10 fatigue at end of day", [f("other", 6)], [f(P, 6)]),
    ("RPE 13/20, RPE 6/10", [f("other", 6)], [f(P, 6), f(P, 13)]),
    ("his back is about a six out of ten", [f(P, 6)], []),
    ("pain 4-5/10 with walking", [f(P, 4), f(P, 5)], []),
    ("pain decreased from 7/10 to 4/10", [f(P, 7), f(P, 4)], []),
    ("NPRS 7/10 at worst (eval 9/10)", [f(P, 7), f(P, 9)], []),
    ("pain level 5/10", [f(P, 5)], []),
    ("pain 2", [f(P, 2)], []),
    ("pain for 3 weeks", [], [f(P, 3)]),
    ("ther ex: bike 10 min, SLR 3x10", [], [f("service", 10), f("other", 10)]),
    ("- bike 10 min\n- chin tucks 3x10", [], [f("service", 10)]),
    ("chin tucks 3x10, 3 sets of 10 reps, heel raises x10, UT stretch 3x30s", [], []),
    ("Date of surgery 10/06/2026, DOB 04/17/1958, MRN 480221, seen 11/2/26", [], []),
    ("Patient: Jo Ray\nMRN: 123456\nDOB: 1950-01-01\nVisit: 4\n", [], []),
    ("Pt is 2 wks post-op, 67 y/o, seen 3 times this week, 2x/wk", [], []),
    ('step ups 6" 2x12, 10 pound box', [], []),
    (
        "AROM L sh flex 0-138°, abd 0-115°, ER 52°, IR to L3",
        [f("rom", 138), f("rom", 115), f("rom", 52)],
        [f("rom", 3), f("rom", 0)],
    ),
    ("knee flexion to about one hundred ten degrees", [f("rom", 110)], [f("rom", 100)]),
    ("shoulder abduction to about one hundred twenty degrees", [f("rom", 120)], []),
    ("shoulder flexion zero to one hundred twenty degrees", [f("rom", 120)], [f("rom", 0)]),
    ("R knee ext -3°, flex 125°", [f("rom", 3), f("rom", 125)], []),
    ("knee AROM lacks 10° ext", [f("rom", 10)], []),
    ("AROM knee flex 95° → 105°", [f("rom", 95), f("rom", 105)], []),
    ("scaption to 90 w/ 1#, elevation >90", [], [f("rom", 90)]),
    ("MMT R quads 4-/5, R hip abd 4/5", [f("mmt", "4-"), f("mmt", "4")], []),
    (
        "MMT L sh ER 3+/5, IR 4/5, abd 4\u2212/5. mid trap 3+/5.",
        [f("mmt", "3+"), f("mmt", "4"), f("mmt", "4-")],
        [],
    ),
    ("quad strength was four minus out of five", [f("mmt", "4-")], []),
    ("MMT: hip abd R 4+, L 5", [f("mmt", "4+"), f("mmt", "5")], []),
    ("hip flexion 4/5 bilat", [f("mmt", "4")], [f("rom", 4)]),
    (
        "Oswestry today was thirty four percent, was forty two at eval",
        [f("outcome", 34, measure="ODI"), f("outcome", 42, measure="ODI")],
        [],
    ),
    (
        "LEFS 42/80 (was 30/80). Berg Balance Scale: 41/56.",
        [
            f("outcome", 42, measure="LEFS"),
            f("outcome", 30, measure="LEFS"),
            f("outcome", 41, measure="Berg"),
        ],
        [f("outcome", 80), f("outcome", 56)],
    ),
    (
        "Quick DASH 30.5; DASH 40",
        [f("outcome", 30.5, measure="QuickDASH"), f("outcome", 40, measure="DASH")],
        [],
    ),
    (
        "COPM P 4.2 / S 3.8",
        [f("outcome", 4.2, measure="COPM"), f("outcome", 3.8, measure="COPM")],
        [],
    ),
    (
        "PSFS: stairs 3, walking 4, avg 3.5",
        [f("outcome", 3, measure="PSFS"), f("outcome", 3.5, measure="PSFS")],
        [],
    ),
    ("six minute walk test three hundred ten meters", [f("outcome", 310, measure="6MWT")], []),
    (
        "5x sit to stand 14.2 s; Timed Up and Go: 12 seconds",
        [f("outcome", 14.2, measure="5xSTS"), f("outcome", 12, measure="TUG")],
        [],
    ),
    ("TUG 14.2 sec (13.5 s cutoff)", [f("outcome", 14.2)], [f("outcome", 13.5)]),
    ("grip strength R 28#, L 65#", [f("strength", 28), f("strength", 65)], []),
    (
        "Grip (dynamometer, pos 2): R 28 lb, L 65 lb",
        [f("strength", 28), f("strength", 65)],
        [f("strength", 2)],
    ),
    ("walked 150 feet with rolling walker", [f("other", 150, unit="ft")], []),
    ("Edema: figure-8 R 47.5 cm, L 45.0 cm", [f("girth", 47.5), f("girth", 45.0)], [f("girth", 8)]),
    ("US 8 min 1.0 W/cm2 100%", [f("service", 8, cpt="97035")], [f("other", 100)]),
    ("STG: AROM flex 150 by 2 wks; LTG: grip R ≥45 lb", [], [f("rom", 150), f("strength", 45)]),
    ("IEP goal for legibility 80% on copied sentences", [], [f("other", 80)]),
    (
        "twenty minutes of gait training then fifteen minutes of manual therapy",
        [f("service", 20, cpt="97116"), f("service", 15, cpt="97140")],
        [],
    ),
    (
        "Therapeutic exercise: 3 sets of 10 squats, 15 min total",
        [f("service", 15, cpt="97110")],
        [f("service", 10)],
    ),
    (
        "I did manual therapy, central PA glides L4 L5 grade three, about fifteen minutes.",
        [f("service", 15, cpt="97140")],
        [f("other", 3)],
    ),
    (
        "Then he did unattended e-stim with heat for fifteen minutes.",
        [f("service", 15, cpt="97014")],
        [],
    ),
    (
        "Ther ex x 25 min; 97112 - 10 min",
        [f("service", 25, cpt="97110"), f("service", 10, cpt="97112")],
        [],
    ),
    ("ice 15 min after exercise if swelling", [], [f("service", 15)]),
    (
        "BP 128/82, HR 88 bpm, SpO2 97%",
        [f("other", "128/82", unit="mmHg"), f("other", 88, unit="bpm"), f("other", 97, unit="%")],
        [f(P, 8), f("mmt", "2")],
    ),
    ("pain is about a four today", [f(P, 4)], []),
    ("cuts on the line 8/10 trials, 3/5 trials with cues", [], [f(P, 8), f("mmt", "3")]),
    ("swelling 3/10, headache 5/10", [f("other", 3), f(P, 5)], [f(P, 3)]),
    ("his pain's like a 6", [f(P, 6)], []),
    ("R knee flex 120 (normal 135)", [f("rom", 120)], [f("rom", 135)]),
    ("LEFS 38/80 (47.5%)", [f("outcome", 38, measure="LEFS")], [f("outcome", 47.5)]),
    ("US 1 MHz 1.0 W/cm2 x 8 min", [f("service", 8, cpt="97035")], [f("other", 1.0)]),
    ("Therapeutic exercise \u2014 26 min", [f("service", 26, cpt="97110")], []),
    ("Manual therapy (GH glides, soft tissue): 9 min", [f("service", 9, cpt="97140")], []),
    ("Gait training (12 min)", [f("service", 12, cpt="97116")], []),
    (
        "15 min ther ex, then 10 min of NMR",
        [f("service", 15, cpt="97110"), f("service", 10, cpt="97112")],
        [],
    ),
    ("bike 10 min ther ex 20 min", [f("service", 20, cpt="97110")], [f("service", 10)]),
    ("he can sit through a whole movie now, about ninety minutes", [], [f("service", 90)]),
]


@pytest.mark.parametrize(("text", "present", "absent"), PHRASES, ids=[p[0][:40] for p in PHRASES])
def test_phrases(text: str, present: list[dict[str, Any]], absent: list[dict[str, Any]]) -> None:
    facts = extract_facts(text)
    assert [e for e in present if not found(facts, e)] == [], facts
    assert [a for a in absent if found(facts, a)] == [], facts


def test_dates_mrns_and_doses_give_no_facts_at_all() -> None:
    text = "MRN 480221. DOB 1958-04-17. Surgery 10/06/2026. 3x10, 2x/wk x 6 wks, visit 4 of 12."
    assert extract_facts(text) == []


def test_billed_lines_in_several_forms() -> None:
    assert dict(extract_billing("Billed: 97110 x2, 97116 x1, 97010 x1").billed) == {
        "97110": 2, "97116": 1, "97010": 1,
    }  # fmt: skip
    voice = "Billed 97140 times one, 97530 times two, 97014 times one."
    assert dict(extract_billing(voice).billed) == {"97140": 1, "97530": 2, "97014": 1}
    assert dict(extract_billing("Billed: 97110 (2 units), 97140 (1 unit)").billed) == {
        "97110": 2, "97140": 1,
    }  # fmt: skip
    assert dict(extract_billing("CPT: 97110-GP x 2 units, 97140 x1").billed) == {
        "97110": 2, "97140": 1,
    }  # fmt: skip
    assert dict(extract_billing("Billing:\n- 97110 x2\n- 97530 x1\n").billed) == {
        "97110": 2, "97530": 1,
    }  # fmt: skip
    assert dict(extract_billing("no charges today").billed) == {}
    assert dict(extract_billing("Billing: TE x2, GT x1").billed) == {"97110": 2, "97116": 1}
    assert dict(extract_billing("Units billed: 97110 - 2, 97140-59 - 1").billed) == {
        "97110": 2, "97140": 1,
    }  # fmt: skip
    assert dict(extract_billing("CPT 97110 x 2u").billed) == {"97110": 2}


def test_zero_units_are_written_but_not_billed() -> None:
    """ "97110 x0" (a code struck from today's bill) bills nothing; found by hypothesis."""
    assert dict(extract_billing("Billed: 97110 x0, 97116 x1").billed) == {"97116": 1}
    assert dict(extract_billing("Billing: TE x0, GT x2").billed) == {"97116": 2}
    assert dict(extract_billing("G0283=0").billed) == {}


def test_totals_in_several_forms() -> None:
    billing = extract_billing("Total timed minutes 35. Total treatment time fifty minutes.")
    assert (billing.stated_timed_minutes, billing.stated_treatment_minutes) == (35, 50)
    billing = extract_billing("Timed code treatment minutes: 38\nTotal time: 48 min")
    assert (billing.stated_timed_minutes, billing.stated_treatment_minutes) == (38, 48)
    billing = extract_billing("Total Timed Code Treatment Time: 25 minutes. Session length: 45 min")
    assert (billing.stated_timed_minutes, billing.stated_treatment_minutes) == (25, 45)


def test_billing_summary_to_json() -> None:
    data = extract_billing("ther ex 26 min\ngait training 12 min\nBilled: 97110 x2").to_json()
    assert data["total_timed_minutes"] is None  # the note states no total
    assert data["documented_timed_minutes"] == 38  # the per-code minutes add up to it
    assert data["billed"] == {"97110": 2}
    assert [s["cpt"] for s in data["services"]] == ["97110", "97116"]


def test_clinic_measure_names_are_found() -> None:
    text = "Mini-BESTest 22/28, FOTO 55"
    facts = extract_facts(text, ["Mini-BESTest"])
    assert found(facts, f("outcome", 22, measure="Mini-BESTest"))
    assert found(facts, f("outcome", 55, measure="FOTO"))


def test_fact_to_json_omits_unset_keys() -> None:
    pain = extract_facts("pain 4/10")[0].to_json()
    assert pain == {"kind": "pain", "value": 4, "label": "pain", "span": [5, 9]}
    service = extract_facts("ther ex 26 min")[0].to_json()
    assert service["cpt"] == "97110" and service["minutes"] == 26 and service["unit"] == "min"


def test_spans_map_back_through_spelled_numbers() -> None:
    text = "shoulder abduction to about one hundred twenty degrees"
    (fact,) = extract_facts(text)
    assert text[fact.span[0] : fact.span[1]].startswith("one hundred twenty")
    assert "120" in normalize(text[fact.span[0] : fact.span[1]]).text


def test_rendered_facts_read_back_as_the_same_facts() -> None:
    for path in sorted(SYNTHETIC.iterdir()):
        for fact in extract_facts(path.read_text(encoding="utf-8")):
            again = extract_facts(fact.render())
            assert any(
                other.kind in (fact.kind, "pain") and str(other.value) == str(fact.value)
                for other in again
            ), (path.name, fact, again)


@pytest.mark.parametrize("text", ["ODI 34%, down from 52%", "QuickDASH 41 (IE 59)"])
def test_an_earlier_score_is_written_with_one_pair_of_brackets(text: str) -> None:
    """The offline drafter's measurement list once printed "ODI 52% ((previous))" (issue 12)."""
    earlier = [fact for fact in extract_facts(text) if "previous" in fact.label]
    assert earlier
    for fact in earlier:
        line = fact.render()
        assert "((" not in line and line.endswith("(previous)")
        again = extract_facts(line)
        assert [(g.kind, g.value, g.label) for g in again] == [(fact.kind, fact.value, fact.label)]


@pytest.mark.parametrize(
    ("text", "measure", "value"),
    [
        ("PRWE 34 (was 61 at IE).", "PRWE", 34),
        ("VISA-A 62 ((previous)) -> 71 today", "VISA-A", 71),
        ("GMFM-66 score 58.2", "GMFM-66", 58.2),
        ("T25FW 7.8 s, MFIS 44", "T25FW", 7.8),
        ("Mini-BESTest 22/28", "Mini-BESTest", 22),
    ],
)
def test_instruments_not_in_the_tables_are_read_under_the_name_written(
    text: str, measure: str, value: float
) -> None:
    """A score on an instrument chartdesk does not know is still a score (issue 12)."""
    assert found(extract_facts(text), f("outcome", value, measure=measure))


@pytest.mark.parametrize(
    "text",
    ["R knee AROM 0-118 deg, SLR 3x10", "HR 72, BP 120/80, RPE 13", "LB dressing mod A, UE 4/5"],
)
def test_abbreviations_that_are_not_instruments_give_no_outcome(text: str) -> None:
    assert not [fact for fact in extract_facts(text) if fact.kind == "outcome"]
