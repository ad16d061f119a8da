"""A note that is slow to check never holds up other drafts (the pipeline's checks executor).

A real slow check, not a stand-in: a long note (the evaluation corpus's notes one after the
other) takes the checks well past a small budget. Its draft is stored ready with its checks
pending ("checking…") and they are stored when they finish; a short note queued after it is
drafted, checked and ready meanwhile.

The same is then shown without depending on how fast the checks are: the real checks of one
note are held until the test lets them go, so that note is as slow as a check can be, and the
other note must be drafted (and, with a second check worker, checked) while they are held.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tests.intake.conftest import SETTLE, configure, running_pipeline, wait_until
from tui.core.clinic import init_clinic
from tui.core.intake.notes import parse_note_bytes
from tui.core.prompt import Prompt
from tui.core.records.store import DraftResult
from tui.core.service import ClinicService

CORPUS = Path(__file__).resolve().parents[1] / "eval" / "corpus"
LONG_NOTE_CHARS = 150_000
BUDGET_SECONDS = 0.3


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    root = init_clinic(tmp_path / "clinic").root
    configure(root, intake={"settle_seconds": SETTLE, "rescan_seconds": 30})
    return root


def _long_note() -> bytes:
    bodies = [
        parse_note_bytes(path, path.read_bytes()).body.strip()
        for path in sorted(CORPUS.glob("*.txt"))
    ]
    text = "Patient: Long Note\nDate: 2027-06-30\nVisit: 5\nDiscipline: PT\nPayer: Aetna\n\n"
    index = 0
    while len(text) < LONG_NOTE_CHARS:
        text += f"\n\n--- Entry {index + 1} ---\n{bodies[index % len(bodies)]}"
        index += 1
    return text.encode()


SHORT_NOTE = (
    b"Patient: Short Note\nDate: 2027-06-30\nVisit: 3\nDiscipline: PT\nPayer: Aetna\n\n"
    b"S: R knee pain 3/10 after stairs.\nO: R knee flexion AROM 118 deg.\n"
    b"Ther ex 25 min with cues for quad control.\nA: Progressing.\nP: Continue 2x/wk.\n"
    b"Total timed 25 min. Total treatment time 25 min.\nBilled: 97110 x2\n"
)


def _queue(root: Path, name: str, data: bytes) -> int:
    service = ClinicService.open(root)
    try:
        path = root / "inbox" / name
        path.write_bytes(data)
        result = service.ingest(path)
        assert result.draft_id is not None, result.reason
        return result.draft_id
    finally:
        service.close()


async def test_a_slow_check_does_not_hold_up_a_draft_queued_after_it(clinic: Path) -> None:
    slow = _queue(clinic, "2027-06-30_long-note_soap.txt", _long_note())
    quick = _queue(clinic, "2027-06-30_short-note_soap.txt", SHORT_NOTE)
    seen: dict[str, float] = {}
    async with running_pipeline(
        clinic,
        watch=False,
        concurrency=2,
        poll_seconds=0.02,
        check_budget_seconds=BUDGET_SECONDS,
        check_workers=2,
    ) as run:
        store = run.service.store

        def checks_of(draft_id: int) -> dict[str, object] | None:
            version = store.latest_version(draft_id)
            return None if version is None else store.version_checks(draft_id, version.n)

        def watch() -> bool:
            now = time.monotonic()
            if "slow ready" not in seen and run.service.draft(slow).status == "ready":
                seen["slow ready"] = now
                seen["slow checked when ready"] = float(checks_of(slow) is not None)
            if "quick ready" not in seen and run.service.draft(quick).status == "ready":
                seen["quick ready"] = now
            if "slow checked" not in seen and checks_of(slow) is not None:
                seen["slow checked"] = now
            return {"slow ready", "quick ready", "slow checked"} <= seen.keys()

        await wait_until(watch, timeout=120, step=0.01)
        await wait_until(lambda: checks_of(quick) is not None, timeout=30)
        slow_checks = checks_of(slow)
    assert seen["quick ready"] < seen["slow checked"], seen
    assert seen["slow ready"] < seen["slow checked"], seen
    assert seen["slow checked when ready"] == 0.0, "the slow draft waited for its checks"
    assert slow_checks is not None and "missing" in slow_checks and "findings" in slow_checks


async def test_checks_within_the_budget_are_stored_with_the_draft(clinic: Path) -> None:
    quick = _queue(clinic, "2027-06-30_short-note_soap.txt", SHORT_NOTE)
    async with running_pipeline(clinic, watch=False, check_budget_seconds=30) as run:
        await wait_until(lambda: run.service.draft(quick).status == "ready", timeout=30)
        version = run.service.store.latest_version(quick)
        assert version is not None
        checks = run.service.store.version_checks(quick, version.n)
    assert checks is not None and checks["missing"] == [] and checks["unsupported"] == []


HELD_NOTE = SHORT_NOTE.replace(b"Patient: Short Note", b"Patient: Held Note")
# Only a guard against a hung suite: the test releases the held checks itself.
HOLD_LIMIT_SECONDS = 120.0


class _HeldChecks:
    """The service's real checks, held for one patient's note until `release`."""

    def __init__(self, patient: str) -> None:
        self.patient = patient
        self.started = threading.Event()
        self.release = threading.Event()

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real = ClinicService.check

        def check(service: ClinicService, prompt: Prompt, result: DraftResult) -> dict[str, Any]:
            if prompt.note.patient == self.patient:
                self.started.set()
                self.release.wait(HOLD_LIMIT_SECONDS)
            return real(service, prompt, result)

        monkeypatch.setattr(ClinicService, "check", check)


@pytest.mark.parametrize("check_workers", [1, 2])
async def test_a_check_that_does_not_finish_holds_up_no_other_draft(
    clinic: Path, monkeypatch: pytest.MonkeyPatch, check_workers: int
) -> None:
    held = _HeldChecks("Held Note")
    held.install(monkeypatch)
    slow = _queue(clinic, "2027-06-30_held-note_soap.txt", HELD_NOTE)
    quick = _queue(clinic, "2027-06-30_short-note_soap.txt", SHORT_NOTE)
    try:
        async with running_pipeline(
            clinic,
            watch=False,
            concurrency=1,
            poll_seconds=0.02,
            check_budget_seconds=BUDGET_SECONDS,
            check_workers=check_workers,
        ) as run:
            store = run.service.store

            def checks_of(draft_id: int) -> dict[str, object] | None:
                version = store.latest_version(draft_id)
                return None if version is None else store.version_checks(draft_id, version.n)

            # one draft at a time, the held note first: the short note is drafted only after
            # the held one is stored, so the pipeline must not wait for the held checks
            await wait_until(lambda: run.service.draft(quick).status == "ready", timeout=60)
            assert held.started.is_set()
            assert run.service.draft(slow).status == "ready"
            assert checks_of(slow) is None, "the held checks were stored before their release"
            if check_workers > 1:  # a second worker checks the short note meanwhile
                await wait_until(lambda: checks_of(quick) is not None, timeout=60)
                assert checks_of(slow) is None
            held.release.set()
            await wait_until(lambda: checks_of(slow) is not None, timeout=60)
            await wait_until(lambda: checks_of(quick) is not None, timeout=60)
            slow_checks, quick_checks = checks_of(slow), checks_of(quick)
    finally:
        held.release.set()
    assert slow_checks is not None and "missing" in slow_checks and "findings" in slow_checks
    assert quick_checks is not None and quick_checks["missing"] == []
