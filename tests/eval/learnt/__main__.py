"""`make learn`: build the table, measure leave-one-split-out, train on every development set
and write tui/core/data/learnt_weights.json.

python -m tests.eval.learnt            # folds report, then the shipped weights
python -m tests.eval.learnt --no-folds # the shipped weights only
python -m tests.eval.learnt --notes    # also each vetoed reading of each fold
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from tests.eval.learnt.folds import FOLDS, THRESHOLDS, leave_one_out
from tests.eval.learnt.table import build
from tests.eval.learnt.train import train, write

WEIGHTS = Path(__file__).resolve().parents[3] / "tui" / "core" / "data" / "learnt_weights.json"


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.eval.learnt")
    parser.add_argument("--no-folds", action="store_true", help="skip leave-one-split-out")
    parser.add_argument("--notes", action="store_true", help="list each vetoed reading")
    parser.add_argument("--fold", action="append", choices=FOLDS, help="measure only these")
    parser.add_argument("--out", type=Path, default=WEIGHTS, help="where to write the weights")
    args = parser.parse_args()
    rows = build()
    origins = Counter((row.origin, row.right) for row in rows)
    print("rows", len(rows), dict(sorted(origins.items())))
    if not args.no_folds:
        for split, result in leave_one_out(rows, args.fold or FOLDS).items():
            print(f"== {split} (trained without it)")
            for threshold, figures in result.items():
                name = "off " if threshold is None else f"{threshold:.2f}"
                print(f"  {name}  {figures.line()}")
            if args.notes:
                print("\n".join(f"    {note}" for note in result[min(THRESHOLDS)].notes))
    write(train(rows), args.out)
    print(f"weights written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
