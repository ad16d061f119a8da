"""A split's floors checked on figures pooled from parts scored by different test files.

`make test` runs each test file on one worker (`--dist loadfile`), so a split scored in one
test keeps one core busy for its whole length: the corpus alone (over 1,400 notes) was the
suite's straggler. The corpus is scored in two halves by note name, one a file; each half
leaves its tally in the session's shared temporary folder, and the half that finds the other's
tally there pools both (score.pooled: the same counts as one scoring of the whole) and checks
the floors on the pooled figures, as one test of the whole corpus did. The floors are held on
the whole split only, never on a half.

Every run checks them once at least: each half writes its tally before it looks for the other's,
so the half that finishes last finds both; a half whose partner is not in the session (a run of
one file, a deselected test) scores the other half itself.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from tests.eval.corpus import Case, cases
from tests.eval.floors import assert_figures_at_floors
from tests.eval.score import Tally, pooled, score

PARTS = 2


def part_of(split: str, index: int) -> tuple[Case, ...]:
    """The notes of one part of `split`: the `index`-th of PARTS runs of its notes in name
    order, so every note is in exactly one part."""
    every = cases(split)
    return every[len(every) * index // PARTS : len(every) * (index + 1) // PARTS]


def assert_part_at_floors(
    split: str, index: int, request: pytest.FixtureRequest, temporary: pytest.TempPathFactory
) -> None:
    """Score part `index` of `split` and, once every part's tally is at hand, check the split's
    floors on the pooled figures (see the module's docstring)."""
    folder = _shared_folder(request, temporary)
    _leave(folder / _tally_name(split, index), score(part_of(split, index)))
    tallies: list[Tally] = []
    for other in range(PARTS):
        found = _left(folder / _tally_name(split, other))
        if found is None and _selected(request, split, other):
            return  # that part is still being scored: it pools the tallies when it is done
        tallies.append(found if found is not None else score(part_of(split, other)))
    assert_figures_at_floors(split, pooled(tallies).figures())


# The file of each part's test, whose one test of the corpus is named PART_TEST.
PART_FILES = ("tests/eval/test_floors.py", "tests/eval/test_floors_corpus_second.py")
PART_TEST = "test_no_figure_of_the_corpus_falls_below_its_floor"


def _selected(request: pytest.FixtureRequest, split: str, index: int) -> bool:
    """True when the test of that part runs in this session (every worker collects them all)."""
    assert split == "corpus", split  # the one split scored in parts
    wanted = f"{PART_FILES[index]}::{PART_TEST}"
    return any(item.nodeid == wanted for item in request.session.items)


def _shared_folder(request: pytest.FixtureRequest, temporary: pytest.TempPathFactory) -> Path:
    """The session's temporary folder every worker sees: a worker's own folder lies in the
    folder of the run that started it (pytest-xdist), a single process's is its own."""
    base = temporary.getbasetemp()
    folder = base.parent if hasattr(request.config, "workerinput") else base
    shared = folder / "pooled-tallies"
    shared.mkdir(exist_ok=True)
    return shared


def _tally_name(split: str, index: int) -> str:
    return f"{split}-{index}-of-{PARTS}.pickle"


def _leave(path: Path, tally: Tally) -> None:
    """Write a tally whole or not at all (written aside, then renamed into place), so the other
    part never reads half a file."""
    aside = path.with_name(f"{path.name}.{os.getpid()}.part")
    aside.write_bytes(pickle.dumps(tally))
    os.replace(aside, path)


def _left(path: Path) -> Tally | None:
    if not path.exists():
        return None
    found = pickle.loads(path.read_bytes())
    assert isinstance(found, Tally)
    return found
