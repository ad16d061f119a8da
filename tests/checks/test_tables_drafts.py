"""Drafts of notes written as tables (issue 12): the offline drafter writes each row as a
sentence that reads back as the same facts, and verification reads a table's cells as the note
means them, so a faithful prose draft passes and a changed value does not."""

from __future__ import annotations

import asyncio

import pytest

from tests.checks.conftest import note_from_text
from tui.core.checks.extract import extract_facts
from tui.core.checks.verify.verify import verify
from tui.core.context import load_context
from tui.core.drafting.offline import OfflineBackend
from tui.core.prompt import build_prompt
from tui.core.resources import example_context
from tui.core.skills.registry import load_registry

CTX = load_context(example_context())
REGISTRY = load_registry()

HEADER = """Patient: Tess Okafor
Date: 2027-03-09
Visit: 9
Discipline: PT
Payer: Aetna
Diagnosis: L TKA, Z96.652
"""

RE_EVAL = (
    HEADER
    + """
S: Stairs easier, still stiff in the mornings. Pain 2/10 today.

O:

| Measure | Eval | Today | Goal |
|---|---|---|---|
| L knee flexion AROM | 84° | 112° | 120° |
| L knee extension AROM | -9° | -3° | 0° |
| KOOS JR | 48.2 | 63.5 | 75 |
| Quad MMT | 3-/5 | 4-/5 | 4+/5 |

| Service | CPT | Min |
|---|---|---|
| Ther ex | 97110 | 25 |
| Gait training | 97116 | 10 |

Total timed 35 min, total treatment 35 min.

A: Flexion gains on track; ext lag closing.
P: 2x/wk x 4 wks.

Billed: 97110 x2, 97116 x1
"""
)

FLOWSHEET = (
    HEADER
    + "\nFlowsheet\n"
    + "Row\tItem\tValue\tUnits\tEntered\n"
    + "1\tPain - current\t3\t0-10\t03/09/2027 09:01\n"
    + "2\tLEFS\t51\t/80\t03/09/2027 09:03\n"
    + "3\tLEFS prior\t37\t/80\t02/09/2027\n"
    + "4\tL knee flexion AROM\t112\tdeg\t03/09/2027 09:06\n"
    + "5\tTher ex\t30\tmin\t03/09/2027 09:40\n"
    + "6\tTotal timed\t30\tmin\t\n"
    + "7\tCharges\t97110 x2\t\u2014\t\n"
)


def _offline(text: str) -> str:
    skill = REGISTRY.get("soap_note")
    assert skill is not None
    prompt = build_prompt(CTX, skill, note_from_text(text))
    return asyncio.run(OfflineBackend().draft(prompt, lambda _t: None)).text


@pytest.mark.parametrize("note", [RE_EVAL, FLOWSHEET], ids=["markdown", "tab-separated"])
def test_the_offline_draft_of_a_table_note_verifies_clean(note: str) -> None:
    draft = _offline(note)
    result = verify(note, draft, CTX.measures)
    assert result.missing == [], [(f.kind, f.value, f.label) for f in result.missing]
    assert result.unsupported == [], [(f.kind, f.value, f.label) for f in result.unsupported]


def test_the_offline_draft_keeps_each_rows_earlier_value_earlier() -> None:
    draft = _offline(RE_EVAL)
    facts = extract_facts(draft, CTX.measures)
    by_value = {fact.value: fact for fact in facts if fact.kind == "rom"}
    assert "previous" in by_value[84].label
    assert "previous" not in by_value[112].label
    assert 120 not in by_value, "a goal is not written as a measurement"


def test_the_offline_draft_of_a_flowsheet_leaves_out_row_numbers_and_entry_times() -> None:
    draft = _offline(FLOWSHEET)
    assert "09:01" not in draft
    assert "Pain - current: 3/10." in draft


FAITHFUL = """S: Stairs easier. Pain 2/10.
O: L knee flexion AROM 112° (84° at eval); extension -3° (was -9° at eval).
KOOS JR 63.5 (48.2 at eval). Quad MMT 4-/5 (3-/5 at eval).
Ther ex 25 min (97110), gait training 10 min (97116); total timed 35 min, total treatment 35 min.
"""


def test_a_faithful_prose_draft_of_a_table_note_passes() -> None:
    result = verify(RE_EVAL, FAITHFUL, CTX.measures)
    assert result.missing == [], [(f.kind, f.value, f.label) for f in result.missing]
    assert result.unsupported == [], [(f.kind, f.value, f.label) for f in result.unsupported]


def test_a_draft_that_changes_a_cell_is_caught() -> None:
    flawed = FAITHFUL.replace("112°", "118°")
    result = verify(RE_EVAL, flawed, CTX.measures)
    assert [fact.value for fact in result.unsupported] == [118]
    assert 112 in [fact.value for fact in result.missing]


def test_a_draft_that_reports_the_goal_as_todays_value_misses_todays_value() -> None:
    flawed = FAITHFUL.replace("KOOS JR 63.5", "KOOS JR 75")
    result = verify(RE_EVAL, flawed, CTX.measures)
    assert 63.5 in [fact.value for fact in result.missing]
