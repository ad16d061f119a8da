"""What every benchmark returns, and how `make bench` prints and records it."""

from __future__ import annotations

import json
import os
import platform
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).with_name("results.json")


@dataclass(frozen=True)
class Row:
    """One line of the printed table: a figure, its target, and whether it met it."""

    metric: str
    value: str
    target: str = ""
    ok: bool | None = None


@dataclass
class BenchResult:
    """A benchmark's figures (written to results.json under its section) and its table."""

    figures: dict[str, Any]
    rows: list[Row] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(row.ok is not False for row in self.rows)


def print_table(title: str, result: BenchResult) -> None:
    headers = ("metric", "value", "target", "")
    lines = [
        (row.metric, row.value, row.target, {True: "ok", False: "MISSED", None: ""}[row.ok])
        for row in result.rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    for line in lines:
        print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }


def record(section: str, result: BenchResult, path: Path = RESULTS) -> None:
    """Merge one section into results.json (other sections are kept), atomically."""
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    data[section] = {
        **result.figures,
        "ok": result.ok,
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
    }
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)
