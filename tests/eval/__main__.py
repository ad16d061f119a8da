"""`make eval`: the checks scored on the corpus and the held-out notes.

python -m tests.eval            # both splits, figures and per-kind / per-code tables
python -m tests.eval --misses   # also every miss, false fact and trap, note by note
"""

from __future__ import annotations

import argparse
import time

from tests.eval.corpus import SPLITS, cases
from tests.eval.floors import check_floors, write_floors
from tests.eval.score import Tally, score


def _pct(value: float) -> str:
    return f"{100 * value:5.1f} %"


def _report(split: str, tally: Tally, seconds: float) -> list[str]:
    figures = tally.figures()
    lines = [f"== {split}: {tally.notes} notes ({seconds:.1f} s)", ""]
    lines.append("facts     kind       expected  recall   found  false")
    for kind in sorted(set(tally.expected) | set(tally.found)):
        expected = tally.expected[kind]
        recall = tally.recalled[kind] / expected if expected else 1.0
        lines.append(
            f"          {kind:<10} {expected:>8}  {_pct(recall)} {tally.found[kind]:>6} "
            f"{tally.false[kind]:>6}"
        )
    lines.append(
        f"          all        {sum(tally.expected.values()):>8}  {_pct(figures['fact_recall'])} "
        f"{sum(tally.found.values()):>6} {sum(tally.false.values()):>6}  "
        f"({figures['false_facts_per_100']:.2f} false per 100 found)"
    )
    traps = ", ".join(f"{name} {count}" for name, count in sorted(tally.traps.items()))
    lines += [
        "",
        f"traps     {int(figures['trap_violations'])} taken" + (f": {traps}" if traps else ""),
    ]
    lines += ["", "findings  code                           tp  fp  fn  precision  recall"]
    for code in sorted(set(tally.finding_tp) | set(tally.finding_fp) | set(tally.finding_fn)):
        tp, fp, fn = tally.finding_tp[code], tally.finding_fp[code], tally.finding_fn[code]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        lines.append(
            f"          {code:<30} {tp:>2}  {fp:>2}  {fn:>2}  {_pct(precision)}  {_pct(recall)}"
        )
    lines.append(
        f"          all{'':<27}                 {_pct(figures['finding_precision'])}  "
        f"{_pct(figures['finding_recall'])}   (line errors {tally.finding_line_errors})"
    )
    lines.append(
        f"billing   {tally.billing_right}/{tally.billing_fields} fields right "
        f"({_pct(figures['billing_fields_right'])}): totals, billed units, units allowed"
    )
    flaws = ", ".join(
        f"{kind} {tally.flaws_caught[kind]}/{count}" for kind, count in sorted(tally.flaws.items())
    )
    lines += [
        "",
        f"verify    faithful drafts clean {tally.faithful_clean}/{tally.faithful}; "
        f"offline drafts clean {tally.offline_clean}/{tally.offline_drafts}",
        f"          flaws caught {sum(tally.flaws_caught.values())}/{sum(tally.flaws.values())}"
        + (f" ({flaws})" if flaws else ""),
        "",
        f"offline   {tally.section_right}/{tally.section_lines} lines in the right section "
        f"({_pct(figures['offline_sections_right'])}); fillers kept {tally.absent_kept}",
        "",
    ]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.eval")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("--split", choices=SPLITS, action="append")
    parser.add_argument(
        "--write-floors", action="store_true", help="raise floors.toml to today's figures"
    )
    args = parser.parse_args()
    failed = False
    reached: dict[str, dict[str, float]] = {}
    for split in args.split or SPLITS:
        start = time.perf_counter()
        tally = score(cases(split))
        seconds = time.perf_counter() - start
        print("\n".join(_report(split, tally, seconds)))
        if args.misses:
            print("\n".join(f"  - {miss}" for miss in tally.misses) + "\n")
        reached[split] = tally.figures()
        below = check_floors(split, tally.figures())
        for problem in below:
            print(f"BELOW FLOOR ({split}): {problem}")
        failed = failed or bool(below)
    if args.write_floors:
        write_floors(reached)
        print(f"floors written for {', '.join(reached)}")
        return 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
