"""Synthetic patients' notes in a real clinic folder and store (no drafting needed: episodes
read notes and their measures)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tui.core.service import ClinicService

Drop = Callable[..., Path]


def note_text(
    day: str,
    visit: int | None,
    skill: str,
    body: str,
    *,
    patient: str = "Dana Whitfield",
    mrn: str = "480221",
    dob: str = "1961-03-14",
    diagnosis: str = "R knee OA, M17.11",
    discipline: str = "PT",
) -> str:
    lines = [f"Patient: {patient}"]
    lines += [f"MRN: {mrn}"] if mrn else []
    lines += [f"DOB: {dob}"] if dob else []
    lines += [f"Date: {day}"] + ([f"Visit: {visit}"] if visit is not None else [])
    lines += [f"Discipline: {discipline}", "Payer: Medicare"]
    lines += [f"Diagnosis: {diagnosis}"] if diagnosis else []
    lines += [f"Skill: {skill}"]
    return "\n".join(lines) + "\n\n" + body


@pytest.fixture
def service(clinic_dir: Path) -> Iterator[ClinicService]:
    svc = ClinicService.open(clinic_dir)
    yield svc
    svc.close()


@pytest.fixture
def drop(service: ClinicService) -> Drop:
    """Write a note into the inbox and record it."""
    count = [0]

    def write(day: str, visit: int | None, skill: str, body: str, **header: str) -> Path:
        count[0] += 1
        path = service.clinic.paths.inbox / f"{day}_n{count[0]}.txt"
        path.write_text(note_text(day, visit, skill, body, **header), encoding="utf-8")
        result = service.ingest(path)
        assert result.status == "drafted", result.reason
        return path

    return write


EVAL = (
    "LEFS 38/80. Pain 6/10 with stairs. R knee flexion AROM 100°. MMT R quad 4-/5. TUG 14.2 s.\n"
    "Goals: STG 4 wks - LEFS ≥ 50, pain ≤ 3/10. "
    "LTG 8 wks - TUG < 11 s; walk 1 mile independently.\n"
    "Plan: 2x/wk x 8 wks.\n"
)
DAILY = "Pain 5/10. R knee flexion AROM 108°. Ther ex 30 min.\nBilled: 97110 x2\n"
PROGRESS = "LEFS 49/80. Pain 3/10. R knee flexion AROM 118°. MMT R quad 4/5. TUG 12.0 s.\n"
DISCHARGE = "LEFS 62/80. Pain 1/10. R knee flexion AROM 125°. MMT R quad 4+/5. TUG 10.1 s.\n"


def knee_episode(drop: Drop, **header: str) -> None:
    """Evaluation, a daily note, the progress report and the discharge of one knee episode."""
    drop("2026-10-01", 1, "pt_initial_eval", EVAL, **header)
    drop("2026-10-08", 3, "soap_note", DAILY, **header)
    drop("2026-10-29", 10, "progress_report", PROGRESS, **header)
    drop("2026-11-20", 16, "discharge_summary", DISCHARGE, **header)
