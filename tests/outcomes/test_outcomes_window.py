"""Which episodes `chartdesk outcomes --from --to` counts (those whose discharge falls in the
window, each judged from its own evaluation however long ago) and what it reads for them (each
patient's notes from their previous discharge of that discipline, no further back)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.outcomes.conftest import DAILY, EVAL, Drop
from tui.core.records.store import EpisodeNote
from tui.core.service import ClinicService

WINDOW = (date(2026, 11, 1), date(2026, 11, 30))


def episode(drop: Drop, days: tuple[str, str, str], lefs: tuple[int, int], **header: str) -> None:
    """An evaluation, a daily note and a discharge on these days, LEFS first and last."""
    drop(days[0], 1, "pt_initial_eval", EVAL.replace("LEFS 38/80", f"LEFS {lefs[0]}/80"),
         **header)  # fmt: skip
    drop(days[1], 2, "soap_note", DAILY, **header)
    drop(days[2], 3, "discharge_summary", f"LEFS {lefs[1]}/80. Pain 2/10.\n", **header)


@pytest.fixture
def read(service: ClinicService, monkeypatch: pytest.MonkeyPatch) -> list[EpisodeNote]:
    """The notes the report reads, as the store hands them over."""
    seen: list[EpisodeNote] = []
    original = service.store.notes_from

    def spy(*args: object, **kwargs: object) -> list[EpisodeNote]:
        found = original(*args, **kwargs)  # type: ignore[arg-type]
        seen.extend(found)
        return found

    monkeypatch.setattr(service.store, "notes_from", spy)
    return seen


def test_an_episode_counts_when_its_discharge_is_in_the_window(
    service: ClinicService, drop: Drop
) -> None:
    episode(drop, ("2026-09-01", "2026-09-10", "2026-10-31"), (30, 50))  # the day before
    episode(drop, ("2026-11-02", "2026-11-10", "2026-12-01"), (30, 50),
            patient="Omar Siddiqui", mrn="510001")  # the day after  # fmt: skip
    episode(drop, ("2026-10-01", "2026-10-15", "2026-11-01"), (30, 45),
            patient="Lena Park", mrn="510002")  # on the first day  # fmt: skip
    episode(drop, ("2026-11-05", "2026-11-12", "2026-11-30"), (30, 35),
            patient="Ray Ortiz", mrn="510003")  # on the last day  # fmt: skip
    found = service.discharged_episodes(*WINDOW)
    assert sorted((e.start.isoformat(), e.end.isoformat()) for e in found) == [
        ("2026-10-01", "2026-11-01"),
        ("2026-11-05", "2026-11-30"),
    ]


def test_an_episode_begun_years_before_is_judged_from_its_evaluation(
    service: ClinicService, drop: Drop, read: list[EpisodeNote]
) -> None:
    episode(drop, ("2023-01-10", "2023-02-01", "2023-03-01"), (20, 30))  # an older episode
    episode(drop, ("2024-06-01", "2025-06-01", "2026-11-20"), (38, 62))
    [found] = service.discharged_episodes(*WINDOW)
    assert (found.start, found.end) == (date(2024, 6, 1), date(2026, 11, 20))
    assert found.evaluated and found.primary == "LEFS"
    lefs = found.primary_series()
    assert lefs is not None and [p.value for p in lefs.points] == [38, 62]
    # Read from the previous discharge on: the older episode's first notes are not read.
    assert min(note.day for note in read) == "2023-03-01"


def test_a_patient_with_no_discharge_before_is_read_from_the_first_note(
    service: ClinicService, drop: Drop, read: list[EpisodeNote]
) -> None:
    drop("2022-05-01", 1, "soap_note", DAILY)  # a note before any evaluation
    episode(drop, ("2024-06-01", "2025-06-01", "2026-11-20"), (38, 62))
    [found] = service.discharged_episodes(*WINDOW)
    assert min(note.day for note in read) == "2022-05-01"
    assert (found.start, len(found.visits)) == (date(2022, 5, 1), 4)  # the daily note opens it
