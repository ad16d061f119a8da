"""Recording floors rounds only the splits measured, and rounds them without float noise."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.eval import floors


def test_a_ceiling_of_exactly_a_hundredth_is_not_raised_by_float_noise() -> None:
    assert floors._bound("false_facts_per_100", 0.28) == 0.28
    assert floors._bound("false_facts_per_100", 0.2801) == 0.29
    assert floors._bound("fact_recall", 0.957) == 0.957
    assert floors._bound("fact_recall", 0.9579) == 0.957


def test_splits_not_measured_keep_their_floors_as_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "floors.toml"
    path.write_text(
        "[corpus]\nfalse_facts_per_100 = 0.28\n\n[heldout]\nfact_recall = 0.9\n", encoding="utf-8"
    )
    monkeypatch.setattr(floors, "FLOORS", path)
    floors.write_floors({"heldout": {"fact_recall": 0.93333}})
    assert floors.floors("corpus") == {"false_facts_per_100": 0.28}
    assert floors.floors("heldout") == {"fact_recall": 0.933}
