"""The suite's slow files run first (tests/conftest.py SLOW_FILES), so neither core idles at
the end of `make test` while the other finishes a long file."""

from __future__ import annotations

import pytest

from tests.conftest import REPO, SLOW_FILES


def test_every_slow_file_named_exists() -> None:
    assert len(set(SLOW_FILES)) == len(SLOW_FILES)
    for path in SLOW_FILES:
        assert (REPO / path).is_file(), path


def test_the_slow_files_are_collected_first(request: pytest.FixtureRequest) -> None:
    """Whatever part of the suite was collected, its slow files lead, longest first."""
    paths = [item.nodeid.partition("::")[0] for item in request.session.items]
    seen = list(dict.fromkeys(paths))
    slow = [path for path in seen if path in SLOW_FILES]
    assert seen[: len(slow)] == slow == [path for path in SLOW_FILES if path in slow]
