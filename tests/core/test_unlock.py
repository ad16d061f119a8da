"""What the lock screen accepts: the clinic PIN, the OS password (real PAM), both, or neither."""

from __future__ import annotations

import os
import pwd
from pathlib import Path

import pytest

from tests.fakes.pam import pam_service
from tui.core.context import load_context, parse_context
from tui.core.errors import ConfigError
from tui.core.resources import example_context
from tui.core.security.os_password import DEFAULT_SERVICE, current_user
from tui.core.security.pin import set_pin
from tui.core.security.unlock import OS_PASSWORD, PIN, Unlocker

PASSWORD = "tr0ub4dor&3"
CLINIC_PIN = "2468"
FAST_KDF = 2**10


@pytest.fixture
def state(tmp_path: Path) -> Path:
    folder = tmp_path / "state"
    folder.mkdir()
    return folder


def test_pin_and_os_password_both_unlock(tmp_path: Path, state: Path) -> None:
    set_pin(state, CLINIC_PIN, n=FAST_KDF)
    unlocker = Unlocker(state, pam_service(tmp_path / "pam", PASSWORD), current_user())
    assert unlocker.methods() == (PIN, OS_PASSWORD)
    assert unlocker.check(CLINIC_PIN) == PIN
    assert unlocker.check(PASSWORD) == OS_PASSWORD
    assert unlocker.check("1357") is None
    assert unlocker.check("") is None


def test_without_a_pin_only_the_os_password(tmp_path: Path, state: Path) -> None:
    unlocker = Unlocker(state, pam_service(tmp_path / "pam", PASSWORD), current_user())
    assert unlocker.methods() == (OS_PASSWORD,)
    assert unlocker.check(PASSWORD) == OS_PASSWORD
    assert unlocker.check(CLINIC_PIN) is None


def test_os_password_turned_off_leaves_the_pin(state: Path) -> None:
    set_pin(state, CLINIC_PIN, n=FAST_KDF)
    unlocker = Unlocker(state, None, current_user())
    assert unlocker.methods() == (PIN,)
    assert "os_password = false" in unlocker.why_no_os_password()
    assert unlocker.check(CLINIC_PIN) == PIN
    assert unlocker.check(PASSWORD) is None


def test_neither_means_no_way_in(state: Path) -> None:
    assert Unlocker(state, None, current_user()).methods() == ()


def test_the_clinic_settings_build_the_unlocker(tmp_path: Path, state: Path) -> None:
    context = load_context(example_context())
    unlocker = Unlocker.for_clinic(state, context)
    assert unlocker.os_password is not None
    assert unlocker.os_password.service == DEFAULT_SERVICE
    assert unlocker.user == current_user()

    source = example_context().read_text(encoding="utf-8")
    off = parse_context(tmp_path / "context.toml", source.replace(
        "os_password = true", "os_password = false").replace(
        'pam_service = "chartdesk"', 'pam_service = "system-auth"'))  # fmt: skip
    assert Unlocker.for_clinic(state, off).os_password is None
    assert off.pam_service == "system-auth"


@pytest.mark.parametrize("bad", ['"../../etc/shadow"', '"two words"', '""', "true"])
def test_a_bad_pam_service_is_located(tmp_path: Path, bad: str) -> None:
    source = example_context().read_text(encoding="utf-8")
    broken = source.replace('pam_service = "chartdesk"', f"pam_service = {bad}")
    with pytest.raises(ConfigError) as caught:
        parse_context(Path("clinic/context.toml"), broken)
    line = next(i for i, text in enumerate(broken.splitlines(), 1) if "pam_service =" in text)
    assert str(caught.value).startswith(f"clinic/context.toml:{line}: lock.pam_service:")


def test_a_uid_without_an_account_falls_back_to_the_pin(
    state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Containers often run as a uid with no passwd entry: no OS password, and no crash."""
    unmapped = 54321
    with pytest.raises(KeyError):
        pwd.getpwuid(unmapped)
    monkeypatch.setattr(os, "getuid", lambda: unmapped)
    unlocker = Unlocker.for_clinic(state, load_context(example_context()))
    assert (unlocker.user, unlocker.os_password) == ("", None)
    assert unlocker.why_no_os_password() == "user id 54321 has no account name"
