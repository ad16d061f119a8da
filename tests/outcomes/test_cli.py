"""`chartdesk episode` and `chartdesk outcomes`: the headless contract (JSON, CSV, exit 2)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.outcomes.conftest import DAILY, EVAL, Drop, knee_episode
from tui.cli import main
from tui.core.service import ClinicService


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_episode_json(
    service: ClinicService, drop: Drop, clinic_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    knee_episode(drop)
    code, out, err = run(capsys, "episode", "Whitfield, Dana", "--clinic", str(clinic_dir),
                         "--json")  # fmt: skip
    assert code == 0, err
    [patient] = json.loads(out)["patients"]
    [episode] = patient["episodes"]
    assert episode["status"] == "discharged" and episode["primary_measure"] == "LEFS"
    assert episode["primary_mcid_met"] is True
    lefs = next(m for m in episode["measures"] if m["measure"] == "LEFS")
    assert [v["value"] for v in lefs["values"]] == [38, 49, 62]
    assert lefs["change"] == {"baseline": 38, "current": 62, "change": 24, "improvement": 24,
                              "threshold": 9, "basis": "MCID", "met": True}  # fmt: skip
    assert {g["status"] for g in episode["goals"]} >= {"met"}
    assert patient["to_confirm"] == []


def test_episode_text_and_confirmation(
    service: ClinicService, drop: Drop, clinic_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drop("2026-10-01", 1, "pt_initial_eval", EVAL)
    drop("2026-10-08", 3, "soap_note", DAILY, mrn="", dob="")
    code, out, _ = run(capsys, "episode", "Dana Whitfield", "--clinic", str(clinic_dir), "--json")
    pending = json.loads(out)["patients"][0]["to_confirm"]
    assert code == 0 and len(pending) == 1
    a, b = pending[0]["a"]["id"], pending[0]["b"]["id"]
    code, out, _ = run(capsys, "episode", "Dana Whitfield", "--clinic", str(clinic_dir))
    assert "To confirm" in out and f"--same {a} {b}" in out
    code, out, _ = run(capsys, "episode", "Dana Whitfield", "--clinic", str(clinic_dir),
                       "--same", a, b, "--json")  # fmt: skip
    patients = json.loads(out)["patients"]
    assert code == 0 and len(patients) == 1 and patients[0]["to_confirm"] == []
    assert "LEFS: 2026-10-01 38/80" in run(capsys, "episode", "480221", "--clinic",
                                           str(clinic_dir))[1]  # fmt: skip


def test_episode_of_nobody_is_one_line_exit_2(
    clinic_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "episode", "Nobody Here", "--clinic", str(clinic_dir))
    assert code == 2 and out == "" and err.count("\n") == 1 and "Nobody Here" in err


def test_outcomes_json_and_csv(
    service: ClinicService, drop: Drop, clinic_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    knee_episode(drop)
    knee_episode(drop, patient="Omar Siddiqui", mrn="510001", dob="1970-01-01")
    args = ("outcomes", "--from", "2026-11-01", "--to", "2026-11-30", "--clinic", str(clinic_dir))
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    data = json.loads(out)
    clinic = data["groups"][0]
    assert clinic["group_by"] == "clinic" and clinic["episodes"] == 2
    assert clinic["reached_mcid"] == 2 and clinic["share_reached"] == 1.0
    assert clinic["visits_per_episode"] == 16 and clinic["change_per_visit"] == {"LEFS": 1.5}
    assert {g["group"] for g in data["groups"] if g["group_by"] == "region"} == {"lower extremity"}
    code, out, _ = run(capsys, *args, "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["group"] == "all" and rows[0]["reached_mcid"] == "2"
    code, out, _ = run(capsys, "outcomes", "--from", "2026-12-01", "--to", "2026-12-31",
                       "--clinic", str(clinic_dir), "--json")  # fmt: skip
    assert json.loads(out)["groups"][0]["episodes"] == 0


@pytest.mark.parametrize(
    "dates", [("2026-13-01", "2026-12-31"), ("2026-12-31", "2026-01-01"), ("soon", "2026-01-01")]
)
def test_outcomes_bad_dates_exit_2(
    dates: tuple[str, str], clinic_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "outcomes", "--from", dates[0], "--to", dates[1], "--clinic",
                         str(clinic_dir))  # fmt: skip
    assert code == 2 and out == "" and err.count("\n") == 1


def test_a_clinic_instrument_in_context_toml_is_validated(
    clinic_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    context = clinic_dir / "context.toml"
    context.write_text(
        context.read_text() + '\n[[instruments]]\nname = "VISA-A"\nmin = 0\nmax = 100\n'
        'direction = "better"\n'
    )
    code, _, err = run(capsys, "skills", "check", "--clinic", str(clinic_dir))
    assert code == 2
    assert "instruments[0].direction" in err and "instruments[0].mcid" in err


def test_a_confirmation_needs_two_identity_ids(
    clinic_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "episode", "Dana Whitfield", "--clinic", str(clinic_dir),
                         "--same", "abc", "Dana")  # fmt: skip
    assert code == 2 and out == "" and "two identity ids" in err and err.count("\n") == 1


def test_change_per_visit_is_on_the_instrument_s_own_scale(
    service: ClinicService, drop: Drop, clinic_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One episode writes NDI in %, the other out of 50: the same change, the same figure."""
    neck = {"diagnosis": "Cervicalgia, M54.2"}
    people = (("Ana Lima", "900001", "NDI 44%", "NDI 24%"),
              ("Ben Ode", "900002", "NDI 22/50", "NDI 12/50"))  # fmt: skip
    for who, mrn, first, last in people:
        header = {"patient": who, "mrn": mrn, **neck}
        drop("2026-10-01", 1, "pt_initial_eval", f"{first}. Neck pain 6/10 turning.\n", **header)
        drop("2026-11-05", 10, "discharge_summary", f"{last}. Neck pain 2/10 turning.\n", **header)
    args = ("outcomes", "--from", "2026-11-01", "--to", "2026-11-30", "--clinic", str(clinic_dir))
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    clinic = json.loads(out)["groups"][0]
    assert clinic["reached_mcid"] == 2 and clinic["change_per_visit"] == {"NDI": 1.0}
