"""Round 22 review: a long line of instrument names is read in time linear in its length (a
line judged written in capitals once, not once per name). CPU seconds, never wall seconds."""

from __future__ import annotations

import time

from tests.checks.conftest import facts_in


def _seconds(text: str) -> float:
    started = time.process_time()
    facts_in(text)
    return time.process_time() - started


def test_a_long_line_of_named_scores_stays_linear() -> None:
    row = "Contrast (Pelli-Robson) 1.65 log CS, BlueCross PPO | Rosalind Teague-Mbatha  74F "
    _seconds("warm up " + row)
    short = _seconds("Short: " + row * 120)  # about 10 KB
    long = _seconds("Long: " + row * 480)  # about 40 KB: quadratic was 13 times the short
    assert long < 7 * short + 0.5
