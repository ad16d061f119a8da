"""A `fhir` destination's settings: https for every address off this machine, no server
without authentication except on loopback, and each auth kind's required keys, each refused
with one line naming the entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.ehr.fhir import FhirDestination
from tui.core.ehr.fhir_settings import FhirSettings, is_loopback_url
from tui.core.errors import ChartdeskError

BASE = {"id": "hospital", "kind": "fhir", "patient_identifier_system": "urn:oid:1.2.3"}


def build(tmp_path: Path, **settings: object) -> FhirDestination:
    return FhirDestination.from_settings({**BASE, **settings}, tmp_path)


@pytest.mark.parametrize(
    ("settings", "problem"),
    [
        ({"base_url": "http://fhir.example.org/r4", "auth": "bearer", "token_file": "t"},
         "must use https"),
        ({"base_url": "http://10.0.0.5/fhir", "auth": "bearer", "token_file": "t"},
         "must use https"),
        ({"base_url": "https://fhir.example.org/r4"}, 'auth = "none" is only for a test server'),
        ({"base_url": "ftp://127.0.0.1/fhir"}, "is not an http(s) address"),
        ({"base_url": ""}, "base_url is missing"),
        ({"base_url": "https://fhir.example.org/r4", "auth": "bearer"}, "needs token_file"),
        ({"base_url": "https://fhir.example.org/r4", "auth": "smart", "client_id": "c"},
         "needs key_file, token_url"),
        ({"base_url": "https://fhir.example.org/r4", "auth": "smart", "client_id": "c",
          "key_file": "k.pem", "token_url": "http://auth.example.org/token"},
         "token_url 'http://auth.example.org/token' must use https"),
        ({"base_url": "https://fhir.example.org/r4", "auth": "basic"}, "is not one of"),
        ({"base_url": "http://127.0.0.1:8080/fhir", "patient_identifier_system": ""},
         "patient_identifier_system"),
        ({"base_url": "http://127.0.0.1:8080/fhir", "timeout_seconds": "soon"},
         "timeout_seconds must be a number"),
        ({"base_url": 8080}, "base_url must be a string"),
        ({"base_url": "http://127.0.0.1/fhir", "document_types": {"soap_note": "SOAP"}},
         "document_types.soap_note 'SOAP' is not a LOINC code"),
    ],
)  # fmt: skip
def test_bad_settings_are_refused_with_one_line(
    tmp_path: Path, settings: dict[str, object], problem: str
) -> None:
    with pytest.raises(ChartdeskError) as refused:
        build(tmp_path, **settings)
    message = str(refused.value)
    assert problem in message
    assert message.startswith("[[ehr]] 'hospital'")
    assert "\n" not in message


def test_the_constructor_enforces_https_too(tmp_path: Path) -> None:
    with pytest.raises(ChartdeskError, match="must use https"):
        FhirSettings(
            id="x",
            base_url="http://fhir.example.org",
            patient_identifier_system="urn:oid:1",
            auth="bearer",
            token_file=tmp_path / "t",
        )


def test_good_settings_resolve_paths_in_the_clinic(tmp_path: Path) -> None:
    destination = build(
        tmp_path,
        base_url="https://fhir.example.org/r4/",
        auth="smart",
        client_id="chartdesk",
        key_file="secrets/ehr-key.pem",
        token_url="https://auth.example.org/token",
        skills=["soap_note"],
    )
    assert destination.id == "hospital"
    assert destination.settings.base_url == "https://fhir.example.org/r4"
    assert destination.settings.key_file == tmp_path / "secrets" / "ehr-key.pem"


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8080/fhir", True),
        ("http://127.8.9.10/fhir", True),
        ("http://localhost/fhir", True),
        ("http://[::1]:8080/fhir", True),
        ("http://[::ffff:127.0.0.1]/fhir", True),
        ("http://10.0.0.5/fhir", False),
        ("http://fhir/fhir", False),
        ("http://127.0.0.1.example.org/fhir", False),
        ("http://127.0.0.1@example.org/fhir", False),
    ],
)
def test_only_this_machine_is_loopback(url: str, loopback: bool) -> None:
    assert is_loopback_url(url) is loopback
