"""Draft verification: faithful drafts are clean, flawed drafts show what changed."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.checks.conftest import DRAFTS, SAMPLES, SYNTHETIC, sample_text
from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact
from tui.core.checks.measures.results import result_counts
from tui.core.checks.verify.verify import dates_in, quantities, verify
from tui.core.intake.notes import read_note

PAIRS = {
    "whitfield_faithful.md": SAMPLES["2026-11-02_whitfield-dana_soap.txt"],
    "whitfield_table.md": SAMPLES["2026-11-02_whitfield-dana_soap.txt"],
    "okafor_faithful.md": SAMPLES["2026-11-03_okafor-james_soap.txt"],
    "reyes_faithful.md": SAMPLES["2026-11-04_reyes-marisol_soap.txt"],
    "lindqvist_faithful.md": SAMPLES["2026-11-05_lindqvist-ola_ot-eval.txt"],
    "brandt_faithful.md": SAMPLES["2026-11-06_brandt-theo_handwriting.md"],
    "nakamura_faithful.md": SAMPLES["2026-11-06_nakamura-ken_soap.txt"],
    "baptiste_faithful.md": SYNTHETIC / "2026-12-02_baptiste-lena_soap.txt",
    "garcia_faithful.md": SYNTHETIC / "2026-12-07_garcia-luis_soap.txt",
    "evans_faithful.md": SYNTHETIC / "2026-12-05_evans-ruth_ot.txt",
    "chen_faithful.md": SYNTHETIC / "2026-12-03_chen-wei_soap.txt",
    "owens_faithful.md": SYNTHETIC / "2026-12-15_owens-kate_eval.txt",
    "moore_faithful.md": SYNTHETIC / "2026-12-13_moore-eli_soap.txt",
}


def _pair(draft_name: str) -> tuple[str, str]:
    note = PAIRS[draft_name].read_text(encoding="utf-8")
    return note, (DRAFTS / draft_name).read_text(encoding="utf-8")


def _describe(facts: list[Fact]) -> list[tuple[str, object]]:
    return [(fact.kind, fact.value) for fact in facts]


@pytest.mark.parametrize("draft_name", sorted(PAIRS))
def test_faithful_model_style_drafts_verify_clean(draft_name: str) -> None:
    note, draft = _pair(draft_name)
    result = verify(note, draft)
    assert result.missing == []
    assert result.unsupported == []
    assert result.clean and result.count == 0


ALL_NOTES = sorted(SAMPLES.values()) + sorted(SYNTHETIC.iterdir())


@pytest.mark.parametrize("path", ALL_NOTES, ids=lambda p: p.name)
def test_a_draft_listing_every_rendered_fact_verifies_clean(path: Path) -> None:
    note = path.read_text(encoding="utf-8")
    lines = [fact.render() for fact in extract_facts(note)]
    lines += [count.render() for count in result_counts(note)]  # "1 fall", "3/5 trials"
    draft = "Drafted without a language model.\n" + "\n".join(f"- {line}" for line in lines)
    result = verify(note, draft)
    assert _describe(result.missing) == []
    assert _describe(result.unsupported) == []


@pytest.mark.parametrize("path", ALL_NOTES, ids=lambda p: p.name)
def test_the_note_itself_verifies_clean_against_itself(path: Path) -> None:
    note = path.read_text(encoding="utf-8")
    assert verify(note, note).clean


@pytest.mark.parametrize("path", sorted(SYNTHETIC.iterdir()), ids=lambda p: p.name)
def test_offline_drafts_of_synthetic_notes_verify_clean(path: Path) -> None:
    offline = pytest.importorskip("tui.core.drafting.offline")
    from tui.core.context import load_context
    from tui.core.intake.notes import read_note
    from tui.core.prompt import build_prompt
    from tui.core.resources import example_context
    from tui.core.skills.registry import load_registry

    ctx = load_context(example_context())
    registry = load_registry()
    note = read_note(path)
    skill = registry.resolve(note.skill) or registry.get("soap_note")
    assert skill is not None
    prompt = build_prompt(ctx, skill, note)
    draft = asyncio.run(offline.OfflineBackend().draft(prompt, lambda _t: None)).text
    result = verify(note.body, draft, ctx.measures)
    assert _describe(result.missing) == []
    assert _describe(result.unsupported) == []


PARAPHRASES = [
    ("R knee AROM 5-102 deg", "knee flexion AROM 0–102°", ("rom", 102)),
    ("pain 4/10 at worst, 2/10 now", "Pain: 4/10 at worst, 2/10 currently", ("pain", 2)),
    ("Oswestry today was thirty four percent", "ODI 34%", ("outcome", 34)),
    ("MMT R quads 4-/5", "MMT right quadriceps 4-/5", ("mmt", "4-")),
    ("MMT R quads 4-/5", "right quadriceps strength 4−/5", ("mmt", "4-")),
    ("ther ex 26 min: quad sets", "therapeutic exercise (97110) 26 minutes", ("service", 26)),
    ("R knee flex AROM 118", "R knee flexion 0-118°", ("rom", 118)),
    ("about six out of ten", "pain 6/10", ("pain", 6)),
    ("QuickDASH 43.2 (eval 61.4)", "QuickDASH improved from 61.4 to 43.2", ("outcome", 61.4)),
    (
        "COPM: dressing P 5 S 4",
        "COPM dressing: performance 5/10, satisfaction 4/10",
        ("outcome", 4),
    ),
    ("Grip: R 28 lb", "right grip 28 pounds", ("strength", 28)),
    ("Edema: figure-8 R 47.5 cm", "figure-of-eight edema R 47.5 cm", ("girth", 47.5)),
    ("legibility (56%)", "legibility 56 percent", ("other", 56)),
]


@pytest.mark.parametrize(("note", "draft", "fact"), PARAPHRASES, ids=[p[1] for p in PARAPHRASES])
def test_paraphrases_count_as_carried(note: str, draft: str, fact: tuple[str, object]) -> None:
    result = verify(note, draft)
    assert fact not in _describe(result.missing)
    assert result.unsupported == []


def test_header_like_numbers_in_the_note_are_supported() -> None:
    note = sample_text("2026-11-02_whitfield-dana_soap.txt")
    draft = (
        "Visit 4 on 11/02/2026 (Nov 2, 2026). Dx M17.11, surgery 10/06/2026. "
        'Plan 2x/wk; mini squats 2x10; step ups 4". Billed 97110 x2, 97116 x1, 97010 x1. '
        "Total timed 38 min, total treatment time 48 min; 3 timed units."
    )
    assert verify(note, draft).unsupported == []


def test_reference_values_goals_and_sums_a_model_adds_are_not_flagged() -> None:
    note = sample_text("2026-11-02_whitfield-dana_soap.txt")
    draft = (
        "TUG 13.8 s (>13.5 s indicates fall risk; normal is under 10 s). LEFS 38/80 (47.5%). "
        "3 timed units billed, 4 units total. About 4 weeks post-op. "
        "Goal: knee flexion 120\u00b0 in 3 weeks."
    )
    assert verify(note, draft).unsupported == []


def test_a_blood_pressure_reading_must_match() -> None:
    assert verify("BP 128/82", "Blood pressure 128 over 82.").clean
    result = verify("BP 128/82", "BP 138/82")
    assert _describe(result.missing) == [("other", "128/82")]
    assert _describe(result.unsupported) == [("other", "138/82")]


def test_a_dropped_item_score_is_missing() -> None:
    note, draft = _pair("lindqvist_faithful.md")
    result = verify(
        note, draft.replace("handwriting: performance 3, satisfaction 3", "handwriting")
    )
    assert ("outcome", 3) in _describe(result.missing)


def test_dates_are_not_judged_against_a_note_body_without_its_header() -> None:
    note = read_note(SAMPLES["2026-11-02_whitfield-dana_soap.txt"])
    draft = "Date of service: 2026-11-02. Pain 4/10 at worst, 2/10 now."
    assert _describe(verify(note.body, draft).unsupported) == []
    wrong = draft.replace("2026-11-02", "2026-11-03")
    assert _describe(verify(note.text, wrong).unsupported) == [("other", "2026-11-03")]


def test_computed_changes_are_supported() -> None:
    note = "ODI 34% (was 42% at eval). QuickDASH 43.2 (eval 61.4). knee flex 102° (was 95°)."
    draft = "ODI improved 8 points (19%). QuickDASH improved 18.2 points. Flexion gained 7°."
    assert verify(note, draft).unsupported == []


FLAWS = [
    # (replace in the faithful Whitfield draft, expected missing, expected unsupported)
    ("Pain: 4/10 at worst", "Pain: 5/10 at worst", [("pain", 4)], [("pain", 5)]),
    ("- TUG 13.8 seconds.\n", "", [("outcome", 13.8)], []),
    ("- LEFS 38/80.\n", "- LEFS 38/80.\n- Berg 45/56.\n", [], [("outcome", 45)]),
    ("26 minutes", "30 minutes", [("service", 26)], [("service", 30)]),
    ("right hip abduction 4/5", "right hip abduction 4+/5", [("mmt", "4")], [("mmt", "4+")]),
    ("PROM knee flexion 108°", "PROM knee flexion 110°", [("rom", 108)], [("rom", 110)]),
    ("Total treatment time: 48", "Total treatment time: 52", [], [("other", 52)]),
    ("Date of service: 2026-11-02", "Date of service: 2026-11-03", [], [("other", "2026-11-03")]),
    ("Quadriceps lag of 5° with straight leg raise.", "", [], []),
    ("Right knee AROM 5–102°", "Right knee AROM 5–112°", [("rom", 102)], [("rom", 112)]),
    ("TUG 13.8 seconds", "TUG 13.8 seconds, 6MWT 280 m", [], [("outcome", 280)]),
    (
        "Cold pack to right knee, 10 minutes",
        "Cold pack to right knee, 15 minutes",
        [("service", 10)],
        [("service", 15)],
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "missing", "unsupported"), FLAWS, ids=[f[1][:30] for f in FLAWS]
)
def test_flawed_drafts_show_the_changed_facts(
    old: str, new: str, missing: list[tuple[str, object]], unsupported: list[tuple[str, object]]
) -> None:
    note, draft = _pair("whitfield_faithful.md")
    assert old in draft
    result = verify(note, draft.replace(old, new))
    for fact in missing:
        assert fact in _describe(result.missing)
    assert _describe(result.unsupported) == unsupported


def test_dropping_a_voice_note_service_is_missing() -> None:
    note, draft = _pair("okafor_faithful.md")
    flawed = draft.replace(" Unattended electrical stimulation with heat (97014) 15 minutes.", "")
    result = verify(note, flawed)
    assert ("service", 15) in _describe(result.missing)
    assert [f.cpt for f in result.missing] == ["97014"]


def test_changing_an_odi_score_is_caught() -> None:
    note, draft = _pair("okafor_faithful.md")
    result = verify(note, draft.replace("34% today", "32% today"))
    assert ("outcome", 34) in _describe(result.missing)
    assert ("outcome", 32) in _describe(result.unsupported)


def test_an_mmt_grade_is_a_string_so_4_minus_is_not_4() -> None:
    result = verify("MMT R quads 4-/5", "MMT R quads 4/5")
    assert _describe(result.missing) == [("mmt", "4-")]
    assert _describe(result.unsupported) == [("mmt", "4")]


def test_unsupported_spans_point_into_the_draft() -> None:
    note, draft = _pair("whitfield_faithful.md")
    flawed = draft.replace("TUG 13.8 seconds", "TUG 12.1 seconds")
    (fact,) = verify(note, flawed).unsupported
    assert flawed[fact.span[0] : fact.span[1]].startswith("12.1")


def test_to_json_shape() -> None:
    data = verify("pain 4/10", "pain 5/10").to_json()
    assert set(data) == {"missing", "unsupported"}
    assert data["missing"][0]["kind"] == "pain" and data["missing"][0]["span"] == [5, 9]
    assert data["unsupported"][0]["value"] == 5


def test_empty_and_odd_texts() -> None:
    assert verify("", "").clean
    assert verify("pain 4/10", "").to_json()["missing"][0]["value"] == 4
    assert verify("", "LEFS 38/80").to_json()["unsupported"][0]["value"] == 38


def test_quantities_and_dates() -> None:
    kinds = [(q.unit_class, q.value) for q in quantities("4/10, 102°, 28 lb, 12 min, 56%")]
    assert kinds == [("ratio10", 4), ("deg", 102), ("weight", 28), ("minutes", 12), ("pct", 56)]
    assert (2026, 11, 2) in dates_in("Nov 2, 2026")
    assert (2026, 11, 2) in dates_in("11/02/26")
    assert (2026, 11, 2) in dates_in("2026-11-02")
    assert dates_in("4/10") == set()
