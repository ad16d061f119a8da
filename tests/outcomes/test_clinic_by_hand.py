"""A clinic of six patients' episodes written in varied styles (typed bullets, dictation,
Markdown tables and front matter, EHR exports, a note named only by its file name), built
through the real service and store, compared with what a therapist computed by hand
(clinic_by_hand/expected.toml, written before the code ran on these notes): the timelines,
the change since the evaluation and its MCID decision, the goals, and the findings."""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import unmark_examples
from tui.core.clinic import init_clinic
from tui.core.intake.notes import read_note
from tui.core.outcomes.episodes import Episode, Series
from tui.core.service import ClinicService, PatientEpisodes

HERE = Path(__file__).parent / "clinic_by_hand"
EXPECTED = tomllib.loads((HERE / "expected.toml").read_text(encoding="utf-8"))
NONE = "none"  # the expectation's word for "no value" (TOML has no null)


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClinicService]:
    """The notes dropped into a new clinic's inbox in date order and recorded, as `watch`
    would."""
    root = init_clinic(tmp_path_factory.mktemp("by-hand") / "clinic").root
    unmark_examples(root)
    service = ClinicService.open(root)
    for source in sorted((HERE / "notes").iterdir()):
        target = service.clinic.paths.inbox / source.name
        shutil.copyfile(source, target)
        result = service.ingest(target)
        assert result.status == "drafted", (source.name, result.reason)
    yield service
    service.close()


def _patient(service: ClinicService, expected: dict[str, Any]) -> PatientEpisodes:
    found = service.patient_episodes(expected["query"])
    matching = [p for p in found if expected["label"] in p.patient.label]
    assert len(matching) == 1, [p.patient.label for p in found]
    return matching[0]


def _optional(value: Any) -> Any:
    return None if value == NONE else value


def _series(episode: Episode, name: str) -> Series:
    named = {series.name: series for series in episode.series}
    assert name in named, f"{name!r} not among {sorted(named)}"
    return named[name]


def _measure_rows(episode: Episode, expected: dict[str, Any]) -> list[tuple[Any, ...]]:
    """(name, values, change, threshold, basis, met) of each expected measure, as built."""
    rows = []
    for name, *_rest in expected["measures"]:
        series = _series(episode, name)
        values = [[point.day.isoformat(), point.value] for point in series.points]
        found = series.change()
        threshold = series.threshold()
        rows.append((
            name,
            values,
            NONE if found is None else round(found.delta, 2),
            -1 if threshold is None else round(threshold[0], 2),
            "" if threshold is None else threshold[1],
            NONE if found is None or found.met is None else found.met,
        ))  # fmt: skip
    return rows


def _expected_rows(expected: dict[str, Any]) -> list[tuple[Any, ...]]:
    rows = []
    for name, values, delta, threshold, basis, met in expected["measures"]:
        values = [[day, pytest.approx(value, abs=0.01)] for day, value in values]
        delta = delta if delta == NONE else pytest.approx(delta, abs=0.01)
        rows.append((name, values, delta, pytest.approx(threshold, abs=0.01), basis, met))
    return rows


PATIENTS = EXPECTED["patient"]


@pytest.mark.parametrize(
    "expected", PATIENTS, ids=[f"{p['query']} ({p['label']})" for p in PATIENTS]
)
def test_timelines_and_mcid_decisions_match_the_hand_computation(
    clinic: ClinicService, expected: dict[str, Any]
) -> None:
    found = _patient(clinic, expected)
    assert len(found.ambiguities) == expected["to_confirm"]
    assert len(found.episodes) == len(expected["episode"])
    for episode, wanted in zip(found.episodes, expected["episode"], strict=True):
        assert episode.diagnosis_code == wanted["diagnosis_code"]
        assert ("discharged" if episode.discharged else "open") == wanted["status"]
        assert [[v.day.isoformat(), v.role] for v in episode.visits] == wanted["visits"]
        assert episode.primary == wanted["primary"]
        primary = episode.primary_series()
        change = primary.change() if primary else None
        assert (change.met if change else None) == _optional(wanted["primary_met"])
        assert _measure_rows(episode, wanted) == _expected_rows(wanted)
        for name, grades, steps in wanted["grades"]:
            series = _series(episode, name)
            assert [p.text for p in series.points] == grades
            assert series.grade_change() == steps
        statuses = [(g.goal.text, g.status) for g in episode.goals]
        assert len(statuses) == len(wanted["goals"]), statuses
        for (text, status), (start, wanted_status) in zip(statuses, wanted["goals"], strict=True):
            assert text.startswith(start) and status == wanted_status, (text, status)


@pytest.mark.parametrize("file_name", sorted(EXPECTED["findings"]))
def test_findings_match_the_hand_computation(clinic: ClinicService, file_name: str) -> None:
    note = read_note(clinic.clinic.paths.inbox / file_name)
    found = sorted(clinic.episode_findings(note), key=lambda f: f.code)
    wanted = sorted(EXPECTED["findings"][file_name], key=lambda item: item[0])
    assert [f.code for f in found] == [item[0] for item in wanted], [f.message for f in found]
    for finding, (code, *named) in zip(found, wanted, strict=True):
        if code == "GOAL_NOT_MEASURABLE":
            goal, gaps = named
            assert goal in finding.message and f"has no {gaps}." in finding.message
        else:
            for name in named:
                assert name in finding.message, (name, finding.message)
