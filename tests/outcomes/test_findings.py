"""The episode findings on notes that should raise them and notes that should not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.outcomes.conftest import DAILY, EVAL, PROGRESS, Drop, knee_episode
from tui.cli import main
from tui.core.intake.notes import read_note
from tui.core.outcomes.findings import EPISODE_FINDING_CODES
from tui.core.service import ClinicService


def codes(service: ClinicService, path: Path) -> list[str]:
    return [f.code for f in service.episode_findings(read_note(path))]


def messages(service: ClinicService, path: Path) -> list[str]:
    return [f.message for f in service.episode_findings(read_note(path))]


def test_measurable_goals_raise_nothing(service: ClinicService, drop: Drop) -> None:
    assert codes(service, drop("2026-10-01", 1, "pt_initial_eval", EVAL)) == []


@pytest.mark.parametrize(
    ("goal", "gap"),
    [
        ("STG: improve function", "measure, target and date"),
        ("LTG 6 wks - walk better", "target"),
        ("STG: pain < 3/10", "date"),
        ("LTG by 2026-12-01 - be at 45/80", "measure"),
    ],
)
def test_an_unmeasurable_goal_says_what_it_lacks(
    service: ClinicService, drop: Drop, goal: str, gap: str
) -> None:
    path = drop("2026-10-01", 1, "pt_initial_eval", f"LEFS 38/80. Pain 6/10.\nGoals:\n{goal}\n")
    found = service.episode_findings(read_note(path))
    assert [f.code for f in found] == ["GOAL_NOT_MEASURABLE"]
    assert f"has no {gap}." in found[0].message
    assert found[0].line == read_note(path).text.splitlines().index(goal) + 1


def test_goals_of_a_daily_note_are_not_judged(service: ClinicService, drop: Drop) -> None:
    path = drop("2026-10-08", 3, "soap_note", DAILY + "Goal: feel better\n")
    assert codes(service, path) == []


def test_a_report_s_goal_status_lines_are_not_new_goals(service: ClinicService, drop: Drop) -> None:
    drop("2026-10-01", 1, "pt_initial_eval", EVAL)
    path = drop("2026-10-29", 10, "progress_report",
                PROGRESS + "Goal status:\nSTG 1: LEFS ≥ 50 - progressing\n")  # fmt: skip
    assert codes(service, path) == []


def test_an_outcome_taken_at_evaluation_must_be_repeated(
    service: ClinicService, drop: Drop
) -> None:
    drop("2026-10-01", 1, "pt_initial_eval", EVAL)
    path = drop("2026-10-29", 10, "progress_report", "LEFS 49/80. Pain 3/10 with stairs.\n")
    assert codes(service, path) == ["OUTCOME_NOT_REASSESSED"]
    assert messages(service, path)[0].startswith("TUG was taken at the evaluation (2026-10-01)")


def test_repeated_outcomes_and_daily_notes_raise_nothing(
    service: ClinicService, drop: Drop
) -> None:
    knee_episode(drop)
    daily = drop("2026-11-02", 12, "soap_note", "Pain 2/10 after a long walk.\n")
    assert codes(service, daily) == []
    report = drop("2026-11-05", 13, "progress_report", PROGRESS.replace("49", "55"))
    assert "OUTCOME_NOT_REASSESSED" not in codes(service, report)


def test_no_measure_improved_names_the_stalled_ones(service: ClinicService, drop: Drop) -> None:
    drop("2026-10-01", 1, "pt_initial_eval", EVAL)
    flat = "LEFS 38/80. Pain 7/10. R knee flexion AROM 100°. MMT R quad 4-/5. TUG 14.9 s.\n"
    path = drop("2026-10-29", 10, "progress_report", flat)
    assert codes(service, path) == ["NO_MEASURABLE_PROGRESS"]
    message = messages(service, path)[0]
    assert message.startswith("No measurable progress since 2026-10-01 (evaluation)")
    for name in ("LEFS", "Pain", "R knee flexion AROM", "MMT R quadriceps", "TUG"):
        assert name in message


def test_one_measure_beyond_its_mdc_is_progress(service: ClinicService, drop: Drop) -> None:
    drop("2026-10-01", 1, "pt_initial_eval", EVAL)
    some = "LEFS 38/80. Pain 7/10. R knee flexion AROM 100°. MMT R quad 4-/5. TUG 13.0 s.\n"
    assert codes(service, drop("2026-10-29", 10, "progress_report", some)) == []


def test_changes_within_measurement_error_are_not_progress(
    service: ClinicService, drop: Drop
) -> None:
    """Every measure a little better, none beyond its MDC (else MCID), 5° of range or two
    plus/minus steps of a muscle grade: stalled, each with its change and threshold."""
    drop("2026-10-01", 1, "pt_initial_eval", EVAL)
    some = "LEFS 45/80. Pain 5/10. R knee flexion AROM 104°. MMT R quad 4/5. TUG 13.3 s.\n"
    path = drop("2026-10-29", 10, "progress_report", some)
    assert codes(service, path) == ["NO_MEASURABLE_PROGRESS"]
    message = messages(service, path)[0]
    for stalled in ("LEFS 38/80 to 45/80 (MDC 9)", "Pain 6/10 to 5/10 (MCID 2)",
                    "R knee flexion AROM 100° to 104° (under 5°)", "MMT R quadriceps 4-/5 to 4/5",
                    "TUG 14.2 s to 13.3 s (MDC 1.1 s)"):  # fmt: skip
        assert stalled in message


@pytest.mark.parametrize(
    ("old", "new", "progress"),
    [
        ("R knee flexion AROM 100°", "R knee flexion AROM 104°", False),
        ("R knee flexion AROM 100°", "R knee flexion AROM 105°", True),  # 5° of range
        ("MMT R quad 4-/5", "MMT R quad 4/5", False),
        ("MMT R quad 4-/5", "MMT R quad 4+/5", True),  # two plus/minus steps
        ("NDI 44%", "NDI 24%", False),  # 20 % better: beyond the MCID (15 %), not the MDC (20.4)
        ("NDI 44%", "NDI 23%", True),
    ],
)
def test_progress_thresholds_without_and_with_a_unit(
    service: ClinicService, drop: Drop, old: str, new: str, progress: bool
) -> None:
    evaluation = "NDI 44%. R knee flexion AROM 100°. MMT R quad 4-/5.\n"
    drop("2026-10-01", 1, "pt_initial_eval", evaluation)
    path = drop("2026-10-29", 10, "progress_report", evaluation.replace(old, new))
    assert ("NO_MEASURABLE_PROGRESS" not in codes(service, path)) is progress


def test_a_measure_at_the_best_end_of_its_scale_is_not_judged(
    service: ClinicService, drop: Drop
) -> None:
    drop("2026-10-01", 1, "pt_initial_eval", "LEFS 80/80. Pain 0/10.\n")
    assert (
        codes(service, drop("2026-10-29", 10, "progress_report", "LEFS 80/80. Pain 0/10.\n")) == []
    )


def test_progress_is_read_over_the_last_reporting_period(
    service: ClinicService, drop: Drop
) -> None:
    """Better than at the evaluation, but no better than at the last report: stalled."""
    drop("2026-10-01", 1, "pt_initial_eval", EVAL)
    drop("2026-10-29", 10, "progress_report", PROGRESS)
    path = drop("2026-12-03", 20, "progress_report", PROGRESS.replace("118", "117"))
    assert codes(service, path) == ["NO_MEASURABLE_PROGRESS"]
    assert "since 2026-10-29 (progress report)" in messages(service, path)[0]


def test_the_codes_are_listed() -> None:
    assert EPISODE_FINDING_CODES == (
        "GOAL_NOT_MEASURABLE",
        "OUTCOME_NOT_REASSESSED",
        "NO_MEASURABLE_PROGRESS",
    )


def test_the_sign_gate_and_audit_command_carry_them(
    service: ClinicService, drop: Drop, clinic_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.core.intake.pipeline import draft_queued

    drop("2026-10-01", 1, "pt_initial_eval", EVAL)
    path = drop("2026-10-29", 10, "progress_report", "LEFS 49/80. Pain 3/10 with stairs.\n")
    draft_queued(service, owner="test")
    report = next(d for d in service.drafts() if d.skill == "progress_report")
    checks = service.check_version(report.id)
    assert "OUTCOME_NOT_REASSESSED" in [f["code"] for f in checks["findings"]]
    assert main(["audit", str(path), "--clinic", str(clinic_dir), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)["notes"][0]["findings"]
    assert "OUTCOME_NOT_REASSESSED" in [f["code"] for f in found]
