"""Fixtures of the FHIR destination tests: a clinic that signs, the small fake FHIR server,
SMART keys, and the real FHIR server (installed once per machine, started per test module)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from tests.fakes.fhir_server import FakeFhir
from tests.fhir.server import FhirServer, ServerUnavailable, install
from tui.core.service import ClinicService


@pytest.fixture
def service(clinic_dir: Path) -> ClinicService:
    return ClinicService.open(clinic_dir)


@pytest.fixture
def fake_fhir() -> Iterator[FakeFhir]:
    with FakeFhir() as server:
        yield server


def write_key(folder: Path, kind: str = "rsa") -> tuple[Path, Path]:
    """A new private key (mode 0600) and its public key, as PEM files in `folder`."""
    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
    if kind == "rsa":
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    else:
        key = ec.generate_private_key(ec.SECP384R1())
    private = folder / f"{kind}-private.pem"
    public = folder / f"{kind}-public.pem"
    private.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    private.chmod(0o600)
    public.write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return private, public


@pytest.fixture(scope="session")
def sekmet_command() -> Path:
    """The real server's command; the tests that need it skip, saying why, only when it
    cannot be installed (no package registry on a first run)."""
    try:
        return install()
    except ServerUnavailable as exc:
        pytest.skip(f"real FHIR server unavailable: {exc}")


@pytest.fixture(scope="module")
def real_fhir(
    sekmet_command: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[FhirServer]:
    """One real server for a test module (each test files its own patients and documents)."""
    server = FhirServer(sekmet_command, tmp_path_factory.mktemp("fhir-server")).start()
    yield server
    server.stop()


@pytest.fixture
def own_fhir(sekmet_command: Path, tmp_path: Path) -> Iterator[FhirServer]:
    """A real server of the test's own, for a test that stops and starts it."""
    server = FhirServer(sekmet_command, tmp_path / "fhir-server")
    yield server
    server.stop()
