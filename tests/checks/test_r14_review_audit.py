"""Round 14 review (AUDIT, LEARN): a test named with the activity a service trains ("walk
test", "stair test") is no service, while the activity joined to the name stays the title
("gait/stairs 8 min"); the learnt table's older trees are written whole or not at all."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.checks.test_r13_review_billing import minutes
from tests.eval.learnt import table


def test_a_test_named_with_the_trained_activity_is_no_service() -> None:
    assert minutes("Gait/walk test 6 min, 320 m\n") == {}
    assert minutes("Gait & stair testing 3 min\n") == {}
    assert minutes("Gait test 6 min, 320 m\n") == {}


def test_twin_the_activity_joined_to_the_name_is_still_the_title() -> None:
    assert minutes("Ther ex 15 min, gait/stairs 8 min, total 23 min\n") == {
        "97110": 15,
        "97116": 8,
    }
    assert minutes("Gait/stair training 10 min\n") == {"97116": 10}
    assert minutes("TherEx/stretching 14' (hamstring, bridges)\n") == {"97110": 14}


def test_a_failed_archive_leaves_no_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table, "CACHE", tmp_path)
    stale = tmp_path / "trees" / ("0" * 12)
    stale.mkdir(parents=True)  # an empty folder an older failed run left
    with pytest.raises(SystemExit, match="full git history"):
        table._old_tree("0" * 40)
    assert not (stale / "tui").exists()
    assert [path.name for path in (tmp_path / "trees").iterdir()] == ["0" * 12]


def test_twin_a_complete_tree_is_renamed_into_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(table, "CACHE", tmp_path)
    commit = subprocess.run(
        ["git", "-C", str(table.REPO), "rev-parse", "HEAD"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (tmp_path / "trees" / commit[:12]).mkdir(parents=True)  # incomplete: no tui/
    tree = table._old_tree(commit)
    assert (tree / "tui" / "__init__.py").is_file()
    assert [path.name for path in (tmp_path / "trees").iterdir()] == [commit[:12]]
