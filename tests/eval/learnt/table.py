"""The training table of the learnt second opinion, built from the development sets.

Each row is one reading of a number with its features and whether it is right:
- the rules' readings today (right when the set expects or allows them, false otherwise);
- numbers a set says must not be read as a kind (`must_not` with a kind), aligned to the note's
  number tokens of that value that no expected fact has and the rules leave alone: false;
- false readings that older commits made of sets written after them (the honest negatives:
  readings made before the rules were tuned on those notes), read once and cached outside the
  repository.
heldout34 and heldout36 are blind and never read.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

from tests.eval.corpus import SPLITS, Case, cases
from tests.eval.score import CTX, matches
from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact
from tui.core.checks.learnt import opinion
from tui.core.checks.learnt.features import NUMBER, Layout, features, number_at

BLIND = frozenset({"heldout34", "heldout36"})
DEVELOPMENT = tuple(split for split in SPLITS if split not in BLIND)
REPO = Path(__file__).resolve().parents[3]
CACHE = Path(os.environ.get("LEARN_CACHE", Path.home() / ".cache" / "chartdesk-learn"))

# Sets no start commit up to round 19 was tuned on: heldout26 (blind in round 19), heldout27
# (blind in round 20), heldout28 (written at the start of round 19), heldout29 (blind in round
# 21), heldout30 (written at the start of round 20), heldout31 (blind in round 22), heldout32
# (written at the start of round 21), heldout33 (written at the start of round 22) and heldout35
# (written at the start of round 23).
FRESH = (
    "heldout26",
    "heldout27",
    "heldout28",
    "heldout29",
    "heldout30",
    "heldout31",
    "heldout32",
    "heldout33",
    "heldout35",
)


def _written(first: int, last: int) -> tuple[str, ...]:
    """heldout<first> .. heldout<last>, the numbered sets written one after another."""
    return tuple(f"heldout{n}" for n in range(first, last + 1))


# Each round's start commit and the sets written after it (blind to it when it read them).
OLDER: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("r9", "08e70ba1097f7f102cda792cf21590adbd7ec90e", (*_written(13, 25), *FRESH)),
    ("r10", "6e94cf388e2f8c34189d5bacf3c6d14f0d7e9ecd", (*_written(15, 25), *FRESH)),
    ("r11", "96267c8715dd3fc70e9ba256da8d96e886c577ed", (*_written(16, 25), *FRESH)),
    ("r12", "31a5986839e8eaf967ea3f470695c6dbe6adc993", (*_written(17, 25), *FRESH)),
    ("r13", "539187e113accd68e5b02947374c578868e05dce", (*_written(18, 25), *FRESH)),
    ("r14", "38f1541b6a4dd43989e759aa4f5dcf8561a8a4f3", (*_written(19, 25), *FRESH)),
    ("r15", "c57d10e6686320ab37e74fa562d0450838831bb1", (*_written(20, 25), *FRESH)),
    ("r16", "0857201889feec39b3ef09919c63ad28d142e175", (*_written(21, 25), *FRESH)),
    ("r17", "f33f3a7a1b30ec906a7c5f5a40a23c52fb3a6f6f", (*_written(22, 25), *FRESH)),
    ("r18", "3de76992b9219579b8177c633d748a5d348612a9", (*_written(23, 25), *FRESH)),
    ("r19", "4c0d075eb2f015512b7cd0cf5c9b68007f57e151", ("heldout23", *FRESH)),
    (
        "r20",
        "3630a075403cb6e4d5ede8c4ef9a43511a2c2b9a",
        tuple(split for split in FRESH if split != "heldout28"),  # tuned on in round 19
    ),
    (
        "r21",
        "83d967b5563664b71f6d80ca81c9e4a01db2d809",
        ("heldout27", "heldout29", "heldout31", "heldout32", "heldout33", "heldout35"),
    ),
    ("r22", "c97e3103aa055ba04f1ad5bea4a4de524d4f2bc5", ("heldout31", "heldout33", "heldout35")),
    ("r23", "2d2cd3e8cd1e7470806826297121d03d1c60c175", ("heldout31", "heldout35")),
)


@dataclass(frozen=True)
class Row:
    """One reading, its features and whether the sets say it is right."""

    split: str
    note: str
    origin: str  # rules | must_not | older
    right: bool
    kind: str
    value: float | int | str
    number: tuple[int, int]
    features: tuple[str, ...]


def allowed(case: Case) -> list[dict[str, Any]]:
    """What a reading may match: the expected facts and the optional ones."""
    return [*case.facts(), *case.expect.get("optional", [])]


def without_veto(text: str) -> list[Fact]:
    """Every reading the rules make of a text with the learnt veto off."""
    off = opinion.Settings(enabled=False, veto_above=1.0, kinds=frozenset())
    with mock.patch.object(opinion, "settings", lambda: off):
        return extract_facts(text, CTX.measures)


def rules_readings(text: str) -> list[Fact]:
    """The rules' non-service readings of a text with the learnt veto off."""
    return [fact for fact in without_veto(text) if fact.kind != "service"]


def _row(case: Case, layout: Layout, origin: str, right: bool, fact: Fact) -> Row:
    number = number_at(case.text, fact.span, fact.value)
    return Row(
        split=case.split,
        note=case.name,
        origin=origin,
        right=right,
        kind=fact.kind,
        value=fact.value,
        number=number,
        features=tuple(features(layout, fact.kind, number)),
    )


def _must_not(case: Case, layout: Layout, read: set[tuple[int, int]]) -> Iterator[Row]:
    """The note's numbers a `must_not` with a kind names, where no expected fact has the value
    and the rules read nothing there."""
    values = {
        float(want["value"])
        for want in allowed(case)
        if isinstance(want.get("value"), int | float) and not isinstance(want.get("value"), bool)
    }
    seen: set[tuple[int, int, str]] = set()
    for trap in case.expect.get("must_not", []):
        value, kind = trap.get("value"), trap.get("kind")
        if not isinstance(value, int | float) or not kind or float(value) in values:
            continue
        for token in NUMBER.finditer(case.text):
            span = token.span()
            if abs(float(token.group()) - float(value)) > 1e-9 or span in read:
                continue
            if (span[0], span[1], str(kind)) in seen:
                continue
            seen.add((span[0], span[1], str(kind)))
            fact = Fact(kind=str(kind), value=value, span=span)
            yield _row(case, layout, "must_not", False, fact)


def _older(case: Case, layout: Layout, old: list[dict[str, Any]], known: set[Any]) -> Iterator[Row]:
    """An older commit's false readings of the note that today's rules do not also make."""
    wanted = allowed(case)
    for item in old:
        fact = Fact(
            kind=item["kind"],
            value=item["value"],
            unit=item["unit"],
            measure=item["measure"],
            label=item["label"],
            span=(item["span"][0], item["span"][1]),
        )
        if item.get("length") != len(case.text) or any(matches(fact, want) for want in wanted):
            continue
        row = _row(case, layout, "older", False, fact)
        key = (row.number, row.kind)
        if key not in known:
            known.add(key)
            yield row


def older_readings() -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Every older commit's readings by (split, note), read once and cached in CACHE."""
    found: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for name, commit, splits in OLDER:
        path = CACHE / f"{name}-{commit[:12]}-{_splits_key(splits)}.jsonl"
        if not path.exists():
            _read_with(commit, splits, path)
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            found.setdefault((item["split"], item["note"]), []).append(item)
    return found


def _splits_key(splits: Sequence[str]) -> str:
    """A short key of the split list, so a cache made for fewer sets is never read for more."""
    return hashlib.sha256("\n".join(splits).encode()).hexdigest()[:8]


def _read_with(commit: str, splits: Sequence[str], out: Path) -> None:
    """Extract `splits` with the tree of `commit` (unpacked once into CACHE)."""
    tree = _old_tree(commit)
    script = Path(__file__).with_name("old_readings.py")
    partial = out.with_suffix(".part")
    sets = str(REPO / "tests" / "eval")
    env = {**os.environ, "PYTHONPATH": str(tree)}
    subprocess.run([sys.executable, str(script), str(partial), sets, *splits], check=True, env=env)
    partial.rename(out)


def _old_tree(commit: str) -> Path:
    """The tree of `commit` unpacked in CACHE/trees: written to a temporary folder beside it
    and renamed into place only once complete, so a failed `git archive` (a shallow clone
    lacks the older commits) leaves nothing a later run would take for the tree and import
    today's tui through instead. A folder without tui/ (left by an older run) is rebuilt."""
    tree = CACHE / "trees" / commit[:12]
    if (tree / "tui").is_dir():
        return tree
    tree.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=tree.parent, prefix=f".{commit[:12]}-") as temporary:
        unpacked = Path(temporary) / "tree"
        unpacked.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", commit, "tui", "context.toml", "skills"],
            capture_output=True,
        )
        if archive.returncode != 0:
            raise SystemExit(
                f"make learn needs the full git history: `git archive {commit[:12]}` failed "
                f"({archive.stderr.decode(errors='replace').strip()}); run `git fetch "
                "--unshallow` in a shallow clone"
            )
        subprocess.run(["tar", "-x", "-C", str(unpacked)], input=archive.stdout, check=True)
        if not (unpacked / "tui").is_dir():
            raise SystemExit(f"the tree of {commit[:12]} has no tui/: {tree} not written")
        if tree.exists():
            shutil.rmtree(tree)  # an incomplete folder an older run left
        unpacked.rename(tree)
    return tree


def build(splits: Sequence[str] = DEVELOPMENT) -> list[Row]:
    """Every row of the given development splits, in split and note order."""
    older = older_readings()
    rows: list[Row] = []
    for split in splits:
        assert split not in BLIND, split
        for case in cases(split):
            layout = Layout.of(case.text)
            wanted = allowed(case)
            facts = rules_readings(case.text)
            read = set()
            known: set[Any] = set()
            for fact in facts:
                row = _row(case, layout, "rules", any(matches(fact, w) for w in wanted), fact)
                read.add(row.number)
                known.add((row.number, row.kind))
                rows.append(row)
            rows.extend(_must_not(case, layout, read))
            rows.extend(_older(case, layout, older.get((split, case.name), []), known))
    return rows
