"""How chartdesk proves itself to a FHIR server: nothing (loopback test servers), a bearer token
kept in a file, or SMART Backend Services.

SMART Backend Services (hl7.org/fhir/smart-app-launch/backend-services.html): the client signs
a short-lived JWT (iss = sub = client_id, aud = the token endpoint, exp at most five minutes
ahead, a fresh jti) with its private key (RS384 for an RSA key, ES384 for a P-384 key), trades
it at the token endpoint for an access token with the client-credentials grant, and keeps that
token until shortly before it expires. Signing uses PyJWT over `cryptography`.

Secrets stay secret: a token or key file that others than its owner may read is refused, as
ssh refuses such a key, and neither ever appears in a reason or a log.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import stat
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Final, Protocol

import httpx2
import jwt
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from tui.core.ehr.delivery import DeliveryFailed
from tui.core.ehr.fhir_http import failure, json_body, send
from tui.core.ehr.fhir_settings import FhirSettings
from tui.core.security.bounded_read import FileRefused, read_bounded

ASSERTION_TYPE: Final = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
ASSERTION_LIFETIME_SECONDS: Final = 300
RENEW_BEFORE_EXPIRY_SECONDS: Final = 30
MAX_SECRET_FILE_BYTES: Final = 64 * 1024


class Auth(Protocol):
    """The Authorization header of the next request, and a way to drop a rejected token."""

    def headers(self, client: httpx2.Client) -> dict[str, str]: ...

    def forget(self) -> bool:
        """Drop a cached token the server rejected; True when a new one can be fetched."""
        ...


class NoAuth:
    """A loopback test server that asks for no credential."""

    def headers(self, client: httpx2.Client) -> dict[str, str]:
        return {}

    def forget(self) -> bool:
        return False


class BearerToken:
    """A token an administrator put in a file (read at every delivery, so a rotated token is
    used at once)."""

    def __init__(self, token_file: Path) -> None:
        self.token_file = token_file

    def headers(self, client: httpx2.Client) -> dict[str, str]:
        token = read_secret(self.token_file, "token_file").decode("utf-8", "replace").strip()
        if not token:
            raise DeliveryFailed(f"token_file {self.token_file} is empty", transient=False)
        return {"Authorization": f"Bearer {token}"}

    def forget(self) -> bool:
        return False


class SmartBackend:
    """SMART Backend Services: a signed assertion traded for an access token, cached until
    shortly before it expires."""

    def __init__(self, settings: FhirSettings, clock: Callable[[], float] = time.time) -> None:
        assert settings.key_file is not None  # FhirSettings requires it for smart
        self.settings = settings
        self.key_file = settings.key_file
        self.clock = clock
        self._token = ""
        self._renew_at = 0.0

    def headers(self, client: httpx2.Client) -> dict[str, str]:
        if not self._token or self.clock() >= self._renew_at:
            self._token, lifetime = self._fetch(client)
            self._renew_at = self.clock() + max(
                lifetime - RENEW_BEFORE_EXPIRY_SECONDS, lifetime / 2
            )
        return {"Authorization": f"Bearer {self._token}"}

    def forget(self) -> bool:
        self._token = ""
        return True

    def assertion(self) -> str:
        """The signed client assertion for one token request."""
        key = _private_key(read_secret(self.key_file, "key_file"), self.key_file)
        algorithm = "RS384" if isinstance(key, rsa.RSAPrivateKey) else "ES384"
        now = int(self.clock())
        claims = {
            "iss": self.settings.client_id,
            "sub": self.settings.client_id,
            "aud": self.settings.token_url,
            "exp": now + ASSERTION_LIFETIME_SECONDS,
            "iat": now,
            "jti": uuid.uuid4().hex,
        }
        kid = self.settings.key_id or thumbprint(key.public_key())
        return jwt.encode(claims, key, algorithm=algorithm, headers={"kid": kid, "typ": "JWT"})

    def _fetch(self, client: httpx2.Client) -> tuple[str, float]:
        what = "SMART token endpoint"
        form = {
            "grant_type": "client_credentials",
            "scope": self.settings.scope,
            "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": self.assertion(),
        }
        request = client.build_request(
            "POST", self.settings.token_url, data=form, headers={"Accept": "application/json"}
        )
        response = send(client, what, request)
        if not response.is_success:
            raise failure(what, response)
        body = json_body(response) or {}
        token = body.get("access_token")
        lifetime = body.get("expires_in", ASSERTION_LIFETIME_SECONDS)
        if not isinstance(token, str) or not token:
            raise DeliveryFailed(f"{what}: answer without an access_token", transient=False)
        if isinstance(lifetime, bool) or not isinstance(lifetime, int | float) or lifetime <= 0:
            lifetime = ASSERTION_LIFETIME_SECONDS
        return token, float(lifetime)


def auth_for(settings: FhirSettings) -> Auth:
    """The Auth that `settings.auth` names."""
    if settings.auth == "bearer":
        assert settings.token_file is not None  # FhirSettings requires it for bearer
        return BearerToken(settings.token_file)
    if settings.auth == "smart":
        return SmartBackend(settings)
    return NoAuth()


def read_secret(path: Path, key: str) -> bytes:
    """The bytes of a token or key file that only its owner may read (mode 0600 or stricter);
    anything else is a permanent failure saying what to fix."""
    try:
        info = os.stat(path)
        if stat.S_IMODE(info.st_mode) & 0o077:
            raise DeliveryFailed(
                f"{key} {path} may be read by others: chmod 600 it", transient=False
            )
        return read_bounded(path, MAX_SECRET_FILE_BYTES)
    except FileNotFoundError:
        raise DeliveryFailed(f"{key} {path} not found", transient=False) from None
    except FileRefused as exc:
        raise DeliveryFailed(f"{key} {path}: {exc}", transient=False) from None
    except OSError as exc:
        raise DeliveryFailed(
            f"{key} {path}: {exc.strerror or type(exc).__name__}", transient=False
        ) from None


def thumbprint(public: rsa.RSAPublicKey | ec.EllipticCurvePublicKey) -> str:
    """The RFC 7638 JWK thumbprint of a public key (the usual `kid`)."""
    members: dict[str, str]
    if isinstance(public, rsa.RSAPublicKey):
        numbers = public.public_numbers()
        members = {"e": _b64_int(numbers.e), "kty": "RSA", "n": _b64_int(numbers.n)}
    else:
        point = public.public_numbers()
        members = {
            "crv": "P-384",
            "kty": "EC",
            "x": _b64_int(point.x, 48),
            "y": _b64_int(point.y, 48),
        }
    canonical = json.dumps(members, separators=(",", ":"), sort_keys=True).encode()
    return _b64(hashlib.sha256(canonical).digest())


def _private_key(pem: bytes, path: Path) -> rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey:
    try:
        key = load_pem_private_key(pem, password=None)
    except (ValueError, TypeError):
        raise DeliveryFailed(
            f"key_file {path} is not an unencrypted PEM private key", transient=False
        ) from None
    if isinstance(key, rsa.RSAPrivateKey) and key.key_size >= 2048:
        return key
    if isinstance(key, ec.EllipticCurvePrivateKey) and isinstance(key.curve, ec.SECP384R1):
        return key
    raise DeliveryFailed(
        f"key_file {path}: SMART needs an RSA key of 2048 bits or more (RS384) "
        "or a P-384 EC key (ES384)",
        transient=False,
    )


def _b64_int(value: int, length: int = 0) -> str:
    size = max(length, (value.bit_length() + 7) // 8)
    return _b64(value.to_bytes(size, "big"))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")
