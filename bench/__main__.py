"""`python -m bench [NAME...]`: run benchmarks (default: all), print tables, update results.json.

A benchmark is any module in this package that defines ``run() -> BenchResult``; add one by
dropping a module here. Exit status 1 when a figure misses its target.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path

from bench.common import RESULTS, BenchResult, print_table, record

_NOT_BENCHMARKS = {"common"}


def available() -> list[str]:
    folder = Path(__file__).parent
    names = [m.name for m in pkgutil.iter_modules([str(folder)])]
    return sorted(n for n in names if not n.startswith("_") and n not in _NOT_BENCHMARKS)


def main(argv: Sequence[str]) -> int:
    names = list(argv) or available()
    unknown = [n for n in names if n not in available()]
    if unknown:
        print(f"bench: unknown benchmark {unknown[0]!r} (have: {', '.join(available())})")
        return 2
    all_ok = True
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        run = getattr(module, "run", None)
        if run is None:
            continue
        result: BenchResult = run()
        print_table(getattr(module, "TITLE", name), result)
        record(name, result)
        all_ok = all_ok and result.ok
    print(f"\nresults: {RESULTS}")
    return 0 if all_ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
