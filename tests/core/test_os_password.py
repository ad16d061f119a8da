"""The OS password through the real libpam, against a throwaway service (tests/fakes/pam.py)."""

from __future__ import annotations

import os
import pwd
from pathlib import Path

import pytest

from tests.fakes.pam import pam_service
from tui.core.security.os_password import PamCheck, PamUnavailable, current_user

PASSWORD = "correct horse 🐎 battery"


def test_the_right_password_is_accepted_and_others_refused(tmp_path: Path) -> None:
    check = pam_service(tmp_path, PASSWORD)
    assert check.check(current_user(), PASSWORD)
    assert not check.check(current_user(), "correct horse")
    assert not check.check(current_user(), PASSWORD + " ")
    assert not check.check(current_user(), "")


def test_an_account_the_account_stack_refuses_stays_locked(tmp_path: Path) -> None:
    """A right password is not enough when PAM's account stack says no (expired, locked)."""
    check = pam_service(tmp_path, PASSWORD, account="pam_deny.so")
    assert not check.check(current_user(), PASSWORD)


def test_a_missing_service_is_a_one_line_error(tmp_path: Path) -> None:
    working = pam_service(tmp_path, PASSWORD)
    missing = PamCheck("no-such-service", working.confdir)
    with pytest.raises(PamUnavailable) as caught:
        missing.check(current_user(), PASSWORD)
    message = str(caught.value)
    assert "no-such-service" in message
    assert "\n" not in message


def test_checks_repeat_without_leaking_state(tmp_path: Path) -> None:
    check = pam_service(tmp_path, PASSWORD)
    results = [check.check(current_user(), attempt) for attempt in [PASSWORD, "x"] * 20]
    assert results == [True, False] * 20


def test_the_user_comes_from_the_real_uid_not_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("USER", "someone-else")
    monkeypatch.setenv("LOGNAME", "someone-else")
    assert current_user() == pwd.getpwuid(os.getuid()).pw_name
