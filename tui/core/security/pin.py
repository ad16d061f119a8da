"""The clinic PIN that unlocks an idle review session.

The PIN is short, so it is stored only as an scrypt hash (a slow, memory-hard KDF: guessing
every 6-digit PIN offline costs hours instead of milliseconds) with a random salt, in
``.chartdesk/pin`` (mode 0600). Checking uses a constant-time comparison.

The lock screen also takes the OS password where PAM can check it (tui.core.security.unlock); a PIN
works everywhere, including containers and jump hosts without a usable PAM stack.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from tui.core.clinic import ensure_private_dir, write_private
from tui.core.errors import ChartdeskError
from tui.core.security.bounded_read import FileRefused, read_bounded

PIN_FILE: Final = "pin"
SIGNING_PINS: Final = "signing-pins"
MIN_LENGTH: Final = 4
MAX_LENGTH: Final = 64
# scrypt cost: N=2**15, r=8 takes ~32 MiB and ~0.1 s per check on a small machine; fine for
# one unlock, ruinous for a brute-force run over the PIN space.
SCRYPT_N: Final = 2**15
SCRYPT_R: Final = 8
SCRYPT_P: Final = 1
_MAXMEM: Final = 128 * 1024 * 1024
MAX_PIN_FILE_BYTES: Final = 4096


@dataclass(frozen=True)
class PinRecord:
    """What is stored: KDF parameters, salt and hash (hex); never the PIN."""

    salt: str
    hash: str
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    def to_json(self) -> dict[str, object]:
        return {
            "kdf": "scrypt",
            "n": self.n,
            "r": self.r,
            "p": self.p,
            "salt": self.salt,
            "hash": self.hash,
        }


def pin_path(state_dir: Path, clinician: str = "") -> Path:
    """The clinic PIN's file, or with `clinician` (an id) that clinician's signing PIN."""
    if clinician:
        return state_dir / SIGNING_PINS / f"{clinician}.json"
    return state_dir / PIN_FILE


def pin_problem(pin: str) -> str:
    """Why a PIN is not acceptable ("" when it is)."""
    if len(pin) < MIN_LENGTH:
        return f"the PIN needs at least {MIN_LENGTH} characters"
    if len(pin) > MAX_LENGTH:
        return f"the PIN has at most {MAX_LENGTH} characters"
    if pin != pin.strip():
        return "the PIN cannot start or end with a space"
    return ""


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=32)


def set_pin(state_dir: Path, pin: str, *, n: int = SCRYPT_N, clinician: str = "") -> PinRecord:
    """Hash and store a new clinic PIN, or a clinician's signing PIN (replacing any previous
    one)."""
    problem = pin_problem(pin)
    if problem:
        raise ChartdeskError(problem)
    salt = secrets.token_bytes(16)
    record = PinRecord(salt.hex(), _derive(pin, salt, n, SCRYPT_R, SCRYPT_P).hex(), n=n)
    data = json.dumps(record.to_json(), sort_keys=True).encode("utf-8")
    path = pin_path(state_dir, clinician)
    ensure_private_dir(path.parent)
    write_private(path, data)
    return record


def clear_pin(state_dir: Path, clinician: str = "") -> bool:
    """Remove the clinic PIN (or a clinician's signing PIN); True if there was one."""
    try:
        pin_path(state_dir, clinician).unlink()
    except FileNotFoundError:
        return False
    return True


def load_pin(state_dir: Path, clinician: str = "") -> PinRecord | None:
    """The stored record, or None when no PIN is set (or the file is unreadable)."""
    try:
        data = json.loads(read_bounded(pin_path(state_dir, clinician), MAX_PIN_FILE_BYTES))
        return PinRecord(
            salt=str(data["salt"]),
            hash=str(data["hash"]),
            n=int(data["n"]),
            r=int(data["r"]),
            p=int(data["p"]),
        )
    except (OSError, FileRefused, ValueError, KeyError, TypeError):
        return None


def has_pin(state_dir: Path, clinician: str = "") -> bool:
    return load_pin(state_dir, clinician) is not None


def check_pin(state_dir: Path, pin: str, clinician: str = "") -> bool:
    """True when `pin` matches the stored PIN (slow on purpose; call it off the UI thread)."""
    record = load_pin(state_dir, clinician)
    if record is None or not pin or len(pin) > MAX_LENGTH:
        return False
    try:
        derived = _derive(pin, bytes.fromhex(record.salt), record.n, record.r, record.p)
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(derived.hex(), record.hash)
