"""Shared fixtures: paths to the shared samples and fresh clinic folders."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tui.core.security.pin import has_pin, set_pin
from tui.core.service import ClinicService
from tui.core.signing.signers import Signer

# Property tests draw the same examples on every run of `make test`, so CI on a clean clone
# cannot fail on an example no run before it drew; `make fuzz` draws new ones.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("CHARTDESK_HYPOTHESIS", "repeatable"))

REPO = Path(__file__).resolve().parents[1]
DEMO_NOTES = REPO / "tui" / "core" / "data" / "demo"
SHARED_SAMPLES = REPO.parent / "shared" / "samples"
# The files that take longest, longest first. `make test` hands whole files to its workers in
# collection order (`--dist loadfile`), so a long file collected last kept one core busy while
# the other idled; these go first and the many short files fill both cores at the end. A file
# missing from this list only runs in its usual place (test_slow_files_first checks the paths).
SLOW_FILES = (
    "tests/eval/test_floors.py",
    "tests/eval/test_floors_corpus_second.py",
    "tests/eval/test_floors_heldout.py",
    "tests/eval/test_floors_heldout_even.py",
    "tests/core/test_cli_escapes.py",
    "tests/core/test_bounded_reads.py",
    "tests/ui/test_snapshots.py",
    "tests/ui/test_skills_screen.py",
    "tests/fhir/test_fhir_destination.py",
    "tests/checks/test_anchored.py",
    "tests/checks/test_word_index.py",
    "tests/checks/test_r8_perf_number_runs.py",
    "tests/checks/test_cli.py",
    "tests/ui/test_keys.py",
    "tests/checks/test_verify.py",
)
# The shared samples when shared/ lies beside the repo (CI, sessions); else the repo's copies
# (the demo notes hold the six samples, and tests/checks/data holds expected.json).
SAMPLE_NOTES = SHARED_SAMPLES / "notes" if SHARED_SAMPLES.is_dir() else DEMO_NOTES
EXPECTED_JSON = (
    SHARED_SAMPLES / "expected.json"
    if SHARED_SAMPLES.is_dir()
    else REPO / "tests" / "checks" / "data" / "expected.json"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow files' tests first (SLOW_FILES, longest first), every other test in its
    collected order; within a file the order is kept."""
    rank = {path: place for place, path in enumerate(SLOW_FILES)}
    items.sort(key=lambda item: rank.get(item.nodeid.partition("::")[0], len(SLOW_FILES)))


@pytest.fixture(scope="session", autouse=True)
def audit_keys(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Audit-log keys and anchors in a folder of the test session, never the user's config
    folder; set in the environment, so the commands tests start use it too."""
    folder = tmp_path_factory.mktemp("audit-keys")
    before = os.environ.get("CHARTDESK_AUDIT_KEYS")
    os.environ["CHARTDESK_AUDIT_KEYS"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("CHARTDESK_AUDIT_KEYS", None)
    else:
        os.environ["CHARTDESK_AUDIT_KEYS"] = before


def sample_notes() -> list[Path]:
    """The sample notes (see SAMPLE_NOTES)."""
    return sorted(p for p in SAMPLE_NOTES.iterdir() if p.name[:4].isdigit())


@pytest.fixture
def clinic_dir(tmp_path: Path) -> Path:
    """A new clinic whose sample clinicians sign (as a clinic that replaced them would)."""
    from tui.core.clinic import init_clinic

    root = init_clinic(tmp_path / "clinic").root
    unmark_examples(root)
    return root


def unmark_examples(root: Path) -> None:
    """Take `example = true` off the clinicians of a clinic's context.toml (`init` marks the
    samples, and signing refuses a clinician still marked)."""
    context = root / "context.toml"
    context.write_text(_unmarked(context.read_text(encoding="utf-8")), encoding="utf-8")


@functools.cache
def _unmarked(text: str) -> str:
    """`text` with no clinician marked `example`; cached, as nearly every clinic a test makes
    starts from the same example context and tomlkit's parse is most of a clinic's set-up."""
    import tomlkit

    document = tomlkit.parse(text)
    for clinician in document.get("clinicians") or []:
        if "example" in clinician:
            del clinician["example"]
    return tomlkit.dumps(document)


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `chartdesk` as a user would (its own process), without a clinic from the env."""
    env = {k: v for k, v in os.environ.items() if k != "CHARTDESK_CLINIC"}
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


TEST_PIN = "4321"


def signer(service: ClinicService, key: str = "arivera") -> Signer:
    """The clinician `key` authenticated to sign, by a signing PIN set for the test (with a
    cheap scrypt cost: the PIN's strength is not what these tests are about)."""
    state = service.clinic.paths.state
    if not has_pin(state, key):
        set_pin(state, TEST_PIN, n=2**4, clinician=key)
    return service.authenticate(key, TEST_PIN)
