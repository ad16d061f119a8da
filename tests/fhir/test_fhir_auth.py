"""Authentication of the `fhir` destination: a bearer token from a file, and SMART Backend
Services against a local token endpoint that verifies the assertion with the public key."""

from __future__ import annotations

import base64
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.fakes.fhir_server import FakeFhir, FakeTokenEndpoint
from tests.fhir.conftest import write_key
from tests.fhir.parcels import MRN_SYSTEM, WHITFIELD_MRN, Signed, note, sign
from tui.core.ehr.delivery import DeliveryFailed
from tui.core.ehr.fhir import FhirDestination
from tui.core.ehr.fhir_auth import SmartBackend, thumbprint
from tui.core.ehr.fhir_settings import FhirSettings
from tui.core.service import ClinicService


@pytest.fixture
def signed(service: ClinicService) -> Signed:
    return sign(service, note(), "a.txt")[1]


@pytest.fixture
def guarded() -> Iterator[FakeFhir]:
    """A FHIR server that answers only requests with one of its tokens."""
    with FakeFhir(tokens={"s3cret-token"}) as server:
        server.patient(MRN_SYSTEM, WHITFIELD_MRN)
        yield server


def bearer(server: FakeFhir, clinic: Path, token_file: str) -> FhirDestination:
    return FhirDestination.from_settings(
        {
            "id": "hospital",
            "base_url": server.url,
            "patient_identifier_system": MRN_SYSTEM,
            "auth": "bearer",
            "token_file": token_file,
        },
        clinic,
    )


def test_a_bearer_token_is_read_from_its_file(
    service: ClinicService, guarded: FakeFhir, signed: Signed
) -> None:
    clinic = service.clinic.paths.root
    secrets = clinic / "secrets"
    secrets.mkdir()
    (secrets / "ehr.token").write_text("s3cret-token\n")
    (secrets / "ehr.token").chmod(0o600)
    remote = bearer(guarded, clinic, "secrets/ehr.token").deliver(signed.parcel)
    assert remote in guarded.resources["DocumentReference"]
    assert {s.headers["Authorization"] for s in guarded.seen} == {"Bearer s3cret-token"}


def test_a_missing_or_open_token_file_is_a_clear_permanent_failure(
    service: ClinicService, guarded: FakeFhir, signed: Signed
) -> None:
    clinic = service.clinic.paths.root
    target = bearer(guarded, clinic, "secrets/ehr.token")
    with pytest.raises(DeliveryFailed, match=r"token_file .*ehr\.token not found") as missing:
        target.deliver(signed.parcel)
    assert not missing.value.transient
    (clinic / "secrets").mkdir()
    (clinic / "secrets" / "ehr.token").write_text("s3cret-token")
    (clinic / "secrets" / "ehr.token").chmod(0o644)
    with pytest.raises(DeliveryFailed, match="may be read by others: chmod 600") as open_file:
        target.deliver(signed.parcel)
    assert "s3cret" not in open_file.value.reason
    assert guarded.seen == []


def test_a_wrong_bearer_token_is_refused_for_good(
    service: ClinicService, guarded: FakeFhir, signed: Signed
) -> None:
    token = service.clinic.paths.root / "wrong.token"
    token.write_text("not-the-token")
    token.chmod(0o600)
    with pytest.raises(DeliveryFailed, match="HTTP 401") as failed:
        bearer(guarded, service.clinic.paths.root, str(token)).deliver(signed.parcel)
    assert not failed.value.transient
    assert "not-the-token" not in failed.value.reason


def smart(
    server: FakeFhir, endpoint: FakeTokenEndpoint, key: Path, clinic: Path
) -> FhirDestination:
    return FhirDestination.from_settings(
        {
            "id": "hospital",
            "base_url": server.url,
            "patient_identifier_system": MRN_SYSTEM,
            "auth": "smart",
            "client_id": "chartdesk",
            "key_file": str(key),
            "token_url": endpoint.url,
        },
        clinic,
    )


@pytest.mark.parametrize(("kind", "algorithm"), [("rsa", "RS384"), ("ec", "ES384")])
def test_smart_backend_services_signs_an_assertion_the_endpoint_verifies(
    service: ClinicService, tmp_path: Path, signed: Signed, kind: str, algorithm: str
) -> None:
    private, public = write_key(tmp_path, kind)
    with (
        FakeTokenEndpoint("chartdesk", public.read_bytes()) as endpoint,
        FakeFhir() as server,
    ):
        server.patient(MRN_SYSTEM, WHITFIELD_MRN)
        server.token_endpoint = endpoint
        target = smart(server, endpoint, private, service.clinic.paths.root)
        remote = target.deliver(signed.parcel)
        assert remote in server.resources["DocumentReference"]
        assert target.deliver(signed.parcel) == remote
    assert len(endpoint.issued) == 1, "the token is cached until it expires"
    header, claims, form = endpoint.headers[0], endpoint.claims[0], endpoint.forms[0]
    assert header["alg"] == algorithm and header["kid"]
    assert claims["iss"] == claims["sub"] == "chartdesk"
    assert claims["aud"] == endpoint.url
    assert 0 < claims["exp"] - claims["iat"] <= 300
    assert form["grant_type"] == "client_credentials"
    assert "system/DocumentReference.write" in form["scope"]


def test_an_expired_token_is_renewed_and_a_rejected_one_refetched_once(
    service: ClinicService, tmp_path: Path, signed: Signed
) -> None:
    private, public = write_key(tmp_path)
    now = [time.time()]
    with (
        FakeTokenEndpoint(
            "chartdesk", public.read_bytes(), expires_in=60, clock=lambda: now[0]
        ) as endpoint,
        FakeFhir() as server,
    ):
        server.patient(MRN_SYSTEM, WHITFIELD_MRN)
        settings = FhirSettings.from_mapping(
            {
                "id": "hospital",
                "base_url": server.url,
                "patient_identifier_system": MRN_SYSTEM,
                "auth": "smart",
                "client_id": "chartdesk",
                "key_file": str(private),
                "token_url": endpoint.url,
            },
            tmp_path,
        )
        target = FhirDestination(settings, SmartBackend(settings, clock=lambda: now[0]))
        server.token_endpoint = endpoint
        target.deliver(signed.parcel)
        assert len(endpoint.issued) == 1
        now[0] += 31  # past renewal (60 s lifetime, renewed 30 s early)
        target.deliver(signed.parcel)
        assert len(endpoint.issued) == 2
        endpoint.issued.clear()  # the server forgets its tokens (restarted)
        target.deliver(signed.parcel)
        assert len(endpoint.issued) == 1, "one new token after the 401, then success"


def test_a_token_endpoint_that_refuses_is_permanent_and_one_that_is_down_transient(
    service: ClinicService, tmp_path: Path, signed: Signed
) -> None:
    private, _public = write_key(tmp_path)
    (tmp_path / "other").mkdir()
    _other_private, other_public = write_key(tmp_path / "other", "ec")
    with (
        FakeTokenEndpoint("chartdesk", other_public.read_bytes()) as endpoint,
        FakeFhir() as server,
    ):
        target = smart(server, endpoint, private, service.clinic.paths.root)
        with pytest.raises(DeliveryFailed, match="HTTP 400: invalid_client") as refused:
            target.deliver(signed.parcel)
        assert not refused.value.transient
        assert server.seen == []
    with pytest.raises(DeliveryFailed, match="SMART token endpoint: not reachable") as down:
        target.deliver(signed.parcel)
    assert down.value.transient


def test_a_key_that_smart_does_not_allow_is_named(
    service: ClinicService, tmp_path: Path, signed: Signed
) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = tmp_path / "p256.pem"
    key.write_bytes(
        ec.generate_private_key(ec.SECP256R1()).private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key.chmod(0o600)
    with FakeTokenEndpoint("chartdesk", b"") as endpoint, FakeFhir() as server:
        target = smart(server, endpoint, key, service.clinic.paths.root)
        with pytest.raises(DeliveryFailed, match="P-384 EC key") as failed:
            target.deliver(signed.parcel)
    assert not failed.value.transient
    assert endpoint.forms == []


def test_the_kid_is_the_rfc_7638_thumbprint() -> None:
    """The example of RFC 7638, section 3.1."""
    n = (
        "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_B"
        "JECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_F"
        "DW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4"
        "vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"
    )
    modulus = int.from_bytes(base64.urlsafe_b64decode(n + "=" * (-len(n) % 4)), "big")
    public = rsa.RSAPublicNumbers(65537, modulus).public_key()
    assert thumbprint(public) == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
