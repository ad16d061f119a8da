"""The settings of one `kind = "fhir"` `[[ehr]]` entry, checked before anything is sent.

A FHIR server receives signed notes, so every address that is not this machine must be https
(the server's and the SMART token endpoint's), and a server without authentication is only
accepted on loopback (a test server). The context parser checks the same; the destination
checks again, so a destination built any other way cannot send PHI in clear text.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

from tui.core.drafting.privacy import url_host
from tui.core.errors import ChartdeskError

AUTH_KINDS: Final = ("none", "bearer", "smart")
DEFAULT_SCOPE: Final = (
    "system/Patient.read system/DocumentReference.read system/DocumentReference.write"
)
DEFAULT_TIMEOUT_SECONDS: Final = 30.0
LOINC_CODE: Final = re.compile(r"\d{1,7}-\d")


@dataclass(frozen=True)
class FhirSettings:
    """One FHIR destination's settings, paths resolved against the clinic folder."""

    id: str
    base_url: str
    patient_identifier_system: str
    auth: str = "none"
    token_file: Path | None = None
    client_id: str = ""
    key_file: Path | None = None
    token_url: str = ""
    key_id: str = ""
    """The `kid` of the SMART assertion; by default the key's RFC 7638 thumbprint."""
    scope: str = DEFAULT_SCOPE
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS
    document_types: Mapping[str, str] = field(default_factory=dict)
    """Skill id -> the LOINC document code this server files it under (else the code the
    signed resource carries for the Skill's kind)."""

    def __post_init__(self) -> None:
        where = f"[[ehr]] {self.id!r}"
        _check_address(where, "base_url", self.base_url)
        if self.auth not in AUTH_KINDS:
            raise ChartdeskError(
                f"{where}: auth {self.auth!r} is not one of {', '.join(AUTH_KINDS)}"
            )
        if self.auth == "none" and not is_loopback_url(self.base_url):
            raise ChartdeskError(
                f'{where}: auth = "none" is only for a test server on this machine; '
                "use bearer or smart"
            )
        if not self.patient_identifier_system:
            raise ChartdeskError(
                f"{where}: patient_identifier_system (the MRN's system) is missing"
            )
        if self.auth == "bearer" and self.token_file is None:
            raise ChartdeskError(f'{where}: auth = "bearer" needs token_file')
        if self.auth == "smart":
            missing = [
                name
                for name, value in (
                    ("client_id", self.client_id),
                    ("key_file", self.key_file),
                    ("token_url", self.token_url),
                )
                if not value
            ]
            if missing:
                raise ChartdeskError(f'{where}: auth = "smart" needs {", ".join(missing)}')
            _check_address(where, "token_url", self.token_url)
        for skill, code in self.document_types.items():
            if not LOINC_CODE.fullmatch(code):
                raise ChartdeskError(
                    f"{where}: document_types.{skill} {code!r} is not a LOINC code (like 11506-3)"
                )
        if not 0 < self.timeout_seconds <= 600:
            raise ChartdeskError(f"{where}: timeout_seconds must be between 0 and 600")

    @classmethod
    def from_mapping(cls, settings: Mapping[str, object], clinic_dir: Path) -> FhirSettings:
        """The settings of an `[[ehr]]` table (keys of other kinds and filters are the outbox's
        and are left alone); relative file paths are inside the clinic folder."""
        where = f"[[ehr]] {settings.get('id', '?')!r}"

        def text(key: str, default: str = "") -> str:
            value = settings.get(key, default)
            if not isinstance(value, str):
                raise ChartdeskError(f"{where}: {key} must be a string")
            return value.strip()

        def path(key: str) -> Path | None:
            value = text(key)
            if not value:
                return None
            resolved = Path(value).expanduser()
            return resolved if resolved.is_absolute() else clinic_dir / resolved

        types = settings.get("document_types", {})
        if not isinstance(types, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in types.items()
        ):
            raise ChartdeskError(f"{where}: document_types must map Skill ids to LOINC codes")
        timeout = settings.get("timeout_seconds", DEFAULT_TIMEOUT_SECONDS)
        if isinstance(timeout, bool) or not isinstance(timeout, int | float):
            raise ChartdeskError(f"{where}: timeout_seconds must be a number")
        return cls(
            id=text("id"),
            base_url=text("base_url").rstrip("/"),
            patient_identifier_system=text("patient_identifier_system"),
            auth=text("auth", "none"),
            token_file=path("token_file"),
            client_id=text("client_id"),
            key_file=path("key_file"),
            token_url=text("token_url"),
            key_id=text("key_id"),
            scope=text("scope", DEFAULT_SCOPE),
            timeout_seconds=float(timeout),
            document_types={k.strip(): v.strip() for k, v in types.items()},
        )


def is_loopback_url(url: str) -> bool:
    """True when `url` names this machine: localhost, 127.0.0.0/8 or ::1 (an IPv4-mapped
    address judged as the IPv4 address it carries)."""
    host = (url_host(url) or "").rstrip(".").lower()
    if host == "localhost":
        return True
    try:
        address: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def _check_address(where: str, key: str, url: str) -> None:
    if not url:
        raise ChartdeskError(f"{where}: {key} is missing")
    scheme = urlsplit(url).scheme
    if scheme not in ("http", "https") or url_host(url) is None:
        raise ChartdeskError(f"{where}: {key} {url!r} is not an http(s) address")
    if scheme != "https" and not is_loopback_url(url):
        raise ChartdeskError(
            f"{where}: {key} {url!r} must use https (plain http only on this machine)"
        )
