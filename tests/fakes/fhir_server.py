"""A small FHIR R4 server and a SMART Backend Services token endpoint, both real HTTP on
127.0.0.1, for the failure paths a real server will not produce on demand.

`FakeFhir` keeps resources in memory and answers the interactions a `fhir` destination uses:
read, search by ``identifier=system|value`` (token escapes honoured), and create with
``If-None-Exist``. Faults are scripted per request (`fail_next`): an HTTP status with an
OperationOutcome, a redirect, a hang past the client's timeout, or a dropped connection. With
`tokens` set it requires ``Authorization: Bearer`` with one of them. Every request is recorded.

`FakeTokenEndpoint` verifies a SMART client assertion with the client's public key as the spec
says (signature, RS384/ES384, iss = sub = client_id, aud = its own URL, exp at most five minutes
ahead, jti not seen before) and hands out tokens the FHIR fake accepts.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt


@dataclass
class Fault:
    """What the next matching request gets instead of an answer."""

    status: int = 500
    diagnostics: str = "internal error"
    hang: float = 0.0
    drop: bool = False
    location: str = ""
    """A redirect target (with a 3xx status)."""
    method: str = ""
    """Only requests with this method take the fault ("" = any)."""
    body: dict[str, Any] | None = None
    """The body answered (else an OperationOutcome with `diagnostics`)."""


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: dict[str, Any] | None


@dataclass
class FakeFhir:
    """An in-memory FHIR server; `resources[type][id]` is what it holds."""

    tokens: set[str] = field(default_factory=set)
    token_endpoint: FakeTokenEndpoint | None = None
    """With one, the tokens it has issued (and not forgotten) are accepted too."""
    resources: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    honour_if_none_exist: bool = True
    minimal: bool = False
    """Answer a create with an empty body and its Location only (as `Prefer: return=minimal`)."""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._server = _Server(("127.0.0.1", 0), _FhirHandler)
        self._server.fake = self
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/fhir"

    def __enter__(self) -> FakeFhir:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def add(self, resource: dict[str, Any]) -> str:
        """Store `resource` as the server would after a create; returns its id."""
        with self.lock:
            return self._store(resource)

    def patient(self, system: str, mrn: str) -> str:
        return self.add(
            {"resourceType": "Patient", "identifier": [{"system": system, "value": mrn}]}
        )

    def authorised(self, header: str) -> bool:
        accepted = set(self.tokens)
        if self.token_endpoint is not None:
            accepted |= set(self.token_endpoint.issued)
        if not accepted and self.token_endpoint is None:
            return True
        return header in {f"Bearer {token}" for token in accepted}

    def fail_next(self, *faults: Fault) -> None:
        with self.lock:
            self.faults.extend(faults)

    def all(self, resource_type: str) -> list[dict[str, Any]]:
        with self.lock:
            return list(self.resources.get(resource_type, {}).values())

    def creates(self) -> list[Seen]:
        return [s for s in self.seen if s.method == "POST"]

    def _store(self, resource: dict[str, Any]) -> str:
        new_id = uuid.uuid4().hex[:12]
        stored = {**resource, "id": new_id, "meta": {"versionId": "1"}}
        self.resources.setdefault(resource["resourceType"], {})[new_id] = stored
        return new_id

    def _fault(self, method: str) -> Fault | None:
        with self.lock:
            for index, fault in enumerate(self.faults):
                if not fault.method or fault.method == method:
                    return self.faults.pop(index)
        return None

    def search(self, resource_type: str, token: str) -> list[dict[str, Any]]:
        with self.lock:
            return self._matching(resource_type, token)

    def _matching(self, resource_type: str, token: str) -> list[dict[str, Any]]:
        system, value = _split_token(token)
        return [
            r
            for r in self.resources.get(resource_type, {}).values()
            if any(
                i.get("system") == system and i.get("value") == value
                for i in r.get("identifier") or []
            )
        ]


def _split_token(token: str) -> tuple[str, str]:
    """`system|value` with FHIR's backslash escapes undone."""
    parts, current, escaped = [], "", False
    for char in token:
        if escaped:
            current += char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|" and not parts:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return (parts[0], parts[1]) if len(parts) == 2 else ("", parts[0])


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: Any


class _Base(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_json(
        self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/fhir+json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))


def outcome(diagnostics: str, code: str = "processing") -> dict[str, Any]:
    return {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": code, "diagnostics": diagnostics}],
    }


class _FhirHandler(_Base):
    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def _handle(self, method: str) -> None:
        fake: FakeFhir = self.server.fake
        split = urlsplit(self.path)
        raw = self.body() if method == "POST" else b""
        body = json.loads(raw) if raw else None
        query = parse_qs(split.query)
        fake.seen.append(Seen(method, split.path, query, dict(self.headers.items()), body))
        fault = fake._fault(method)
        if fault is not None and self._faulted(fault):
            return
        if not fake.authorised(self.headers.get("Authorization", "")):
            self.send_json(401, outcome("unknown token", "login"))
            return
        parts = [p for p in split.path.split("/") if p][1:]
        if method == "GET" and len(parts) == 1:
            found = fake.search(parts[0], query.get("identifier", [""])[0])
            entries = [{"resource": r, "search": {"mode": "match"}} for r in found]
            bundle = {"resourceType": "Bundle", "type": "searchset", "total": len(found)}
            self.send_json(200, {**bundle, "entry": entries})
        elif method == "GET" and len(parts) == 2:
            resource = fake.resources.get(parts[0], {}).get(parts[1])
            if resource is None:
                self.send_json(404, outcome(f"{parts[0]}/{parts[1]} not found", "not-found"))
            else:
                self.send_json(200, resource)
        elif method == "POST" and len(parts) == 1 and isinstance(body, dict):
            self._create(fake, parts[0], body)
        else:
            self.send_json(400, outcome("unsupported request", "not-supported"))

    def _create(self, fake: FakeFhir, resource_type: str, body: dict[str, Any]) -> None:
        condition = self.headers.get("If-None-Exist", "")
        with fake.lock:
            if condition and fake.honour_if_none_exist:
                token = parse_qs(condition).get("identifier", [""])[0]
                existing = fake._matching(resource_type, token)
                if len(existing) > 1:
                    self.send_json(412, outcome("several resources match If-None-Exist"))
                    return
                if existing:
                    self.send_json(200, existing[0])
                    return
            new_id = fake._store(body)
            stored = fake.resources[resource_type][new_id]
        location = f"{fake.url}/{resource_type}/{new_id}/_history/1"
        if fake.minimal:
            self.send_response(201)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_json(201, stored, {"Location": location})

    def _faulted(self, fault: Fault) -> bool:
        if fault.hang:
            time.sleep(fault.hang)
            return True
        if fault.drop:
            self.close_connection = True
            self.connection.shutdown(2)
            return True
        if fault.location:
            self.send_response(fault.status)
            self.send_header("Location", fault.location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return True
        self.send_json(fault.status, fault.body or outcome(fault.diagnostics))
        return True


@dataclass
class FakeTokenEndpoint:
    """A SMART token endpoint that knows one client and its public key (PEM)."""

    client_id: str
    public_key_pem: bytes
    expires_in: int = 300
    issued: list[str] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, Any]] = field(default_factory=list)
    forms: list[dict[str, str]] = field(default_factory=list)
    jtis: set[str] = field(default_factory=set)
    clock: Callable[[], float] = time.time

    def __post_init__(self) -> None:
        self._server = _Server(("127.0.0.1", 0), _TokenHandler)
        self._server.fake = self
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/auth/token"

    def __enter__(self) -> FakeTokenEndpoint:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def verify(self, form: dict[str, str]) -> str:
        """The reason the request is refused, or "" when it earns a token."""
        if form.get("grant_type") != "client_credentials":
            return "unsupported_grant_type"
        if form.get("client_assertion_type") != (
            "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
        ):
            return "invalid_request"
        assertion = form.get("client_assertion", "")
        try:
            header = jwt.get_unverified_header(assertion)
            claims = jwt.decode(
                assertion,
                self.public_key_pem,
                algorithms=["RS384", "ES384"],
                audience=self.url,
                issuer=self.client_id,
                options={"require": ["exp", "jti", "iss", "sub", "aud"]},
                leeway=60,
            )
        except jwt.PyJWTError:
            return "invalid_client"
        self.headers.append(header)
        self.claims.append(claims)
        if claims["sub"] != self.client_id or not header.get("kid"):
            return "invalid_client"
        if claims["exp"] > self.clock() + 300 + 5 or claims["jti"] in self.jtis:
            return "invalid_client"
        self.jtis.add(claims["jti"])
        return ""


class _TokenHandler(_Base):
    def do_POST(self) -> None:
        fake: FakeTokenEndpoint = self.server.fake
        form = {k: v[0] for k, v in parse_qs(self.body().decode()).items()}
        fake.forms.append(form)
        refused = fake.verify(form)
        if refused:
            self.send_json(400, {"error": refused, "error_description": "assertion refused"})
            return
        token = uuid.uuid4().hex
        fake.issued.append(token)
        answer = {"access_token": token, "token_type": "bearer", "expires_in": fake.expires_in}
        self.send_json(200, {**answer, "scope": form.get("scope", "")})
