"""A normal, non-editable install carries the built-in Skills and the example context."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        cwd=out,
    )
    return next(out.glob("chartdesk-*.whl"))


def test_wheel_contains_skills_and_context(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "tui/_data/context.toml" in names
    assert "tui/_data/skills/soap_note.toml" in names
    assert "tui/core/data/offline.toml" in names
    assert not any(name.startswith("tests/") for name in names)


def test_installed_wheel_finds_builtin_skills(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(target)
    subprocess.run(
        [
            target / "bin" / "python",
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
    )
    site = next((target / "lib").glob("python*/site-packages"))
    # Dependencies come from the test environment; the package itself only from the wheel.
    deps = sysconfig.get_paths()["purelib"]
    env = {**os.environ, "PYTHONPATH": deps}
    env.pop("CHARTDESK_CLINIC", None)
    chartdesk = target / "bin" / "chartdesk"
    check = subprocess.run(
        [chartdesk, "skills", "check"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    assert "Skills OK" in check.stdout
    listing = subprocess.run(
        [chartdesk, "skills", "list", "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    paths = [skill["path"] for skill in json.loads(listing.stdout)["skills"]]
    assert paths and all(path.startswith(str(site)) for path in paths)
