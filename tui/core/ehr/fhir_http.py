"""The HTTP exchanges of one delivery with a FHIR server (or its token endpoint), and what a
failed one means.

Failures are classified by type and status, never by message text: a connection that cannot be
made, a timeout, a dropped connection, 5xx, 408 and 429 may succeed later (transient); any other
4xx will not, and its reason is the server's OperationOutcome diagnostics. Redirects are
refused (a redirect could carry a signed note to another host), so a 3xx is permanent too.

A server may echo what it was sent in its diagnostics, and a reason is stored and shown beside
the delivery; so diagnostics that repeat the document (a run of three of its words, one of its
numbers, a word of the patient's name or MRN: the rule of
`tui.core.drafting.server_errors.echoes`) are replaced by their FHIR issue codes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import httpx2

from tui.core.drafting.server_errors import echoes
from tui.core.ehr.delivery import DeliveryFailed
from tui.core.errors import one_line

if TYPE_CHECKING:
    from tui.core.ehr.fhir_auth import Auth

FHIR_JSON: Final = "application/fhir+json"
TRANSIENT_STATUS: Final = frozenset({408, 425, 429})
MAX_REASON_CHARS: Final = 300
_ISSUE_CODE: Final = re.compile(r"[a-z][a-z-]{0,39}")


@dataclass(frozen=True)
class Private:
    """What a server's words must not repeat in a reason: the document's text and the
    patient's identifiers (name, MRN)."""

    sent: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()


@dataclass
class FhirSession:
    """One delivery's conversation with a server: its base URL and name, the client, the
    credentials, and what its reasons must not repeat."""

    name: str
    base_url: str
    client: httpx2.Client
    auth: Auth
    private: Private = Private()

    def search(self, resource_type: str, identifier: tuple[str, str]) -> list[str]:
        """The ids of the `resource_type` resources with `identifier` (at most two: enough
        to tell one from several)."""
        what = f"{resource_type} search"
        params = {"identifier": token(identifier), "_count": "2"}
        bundle = json_body(self.exchange(what, "GET", f"/{resource_type}", params))
        if bundle is None or bundle.get("resourceType") != "Bundle":
            raise DeliveryFailed(
                f"{self.name}: {what}: the answer is no FHIR Bundle (is base_url the FHIR base?)",
                transient=False,
            )
        return matches(bundle, resource_type)

    def exchange(
        self,
        what: str,
        method: str,
        path: str,
        params: Mapping[str, str] | None = None,
        *,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx2.Response:
        """One request, sent once more with a new token if the server rejects a cached SMART
        token (revoked, or the server restarted); a non-2xx answer raises DeliveryFailed."""
        label = f"{self.name}: {what}"
        response: httpx2.Response | None = None
        for _attempt in range(2):
            request = self.client.build_request(
                method,
                self.base_url + path,
                params=params,
                content=content,
                headers={**(headers or {}), **self.auth.headers(self.client)},
            )
            response = send(self.client, label, request)
            if response.status_code != 401 or not self.auth.forget():
                break
        assert response is not None
        if not response.is_success:
            raise failure(label, response, self.private)
        return response


def token(identifier: tuple[str, str]) -> str:
    """A FHIR token search value, `system|value`, with the separators a value may hold
    escaped as the search syntax requires."""
    system, value = identifier
    escape = str.maketrans({"\\": "\\\\", "|": "\\|", ",": "\\,", "$": "\\$"})
    return f"{system.translate(escape)}|{value.translate(escape)}"


def matches(bundle: dict[str, Any], resource_type: str) -> list[str]:
    """The ids of a searchset's matches (included resources and outcomes left out)."""
    ids = []
    for entry in bundle.get("entry") or []:
        if not isinstance(entry, dict):
            continue
        resource = entry.get("resource")
        search = entry.get("search")
        mode = search.get("mode", "match") if isinstance(search, dict) else "match"
        if (
            isinstance(resource, dict)
            and resource.get("resourceType") == resource_type
            and mode == "match"
            and isinstance(resource.get("id"), str)
        ):
            ids.append(resource["id"])
    return ids


def new_client(timeout_seconds: float) -> httpx2.Client:
    """A client that never follows a redirect and gives up after `timeout_seconds`."""
    return httpx2.Client(
        follow_redirects=False,
        timeout=httpx2.Timeout(timeout_seconds, connect=min(timeout_seconds, 10.0)),
        headers={"Accept": FHIR_JSON},
    )


def send(client: httpx2.Client, what: str, request: httpx2.Request) -> httpx2.Response:
    """`request` sent; a transport failure (no connection, timeout, dropped) is transient."""
    try:
        return client.send(request)
    except httpx2.TimeoutException as exc:
        raise DeliveryFailed(
            f"{what}: no answer in time ({type(exc).__name__})", transient=True
        ) from exc
    except httpx2.TransportError as exc:
        raise DeliveryFailed(
            f"{what}: not reachable ({type(exc).__name__})", transient=True
        ) from exc


def failure(what: str, response: httpx2.Response, private: Private = Private()) -> DeliveryFailed:
    """The DeliveryFailed a non-2xx answer means."""
    status = response.status_code
    if 300 <= status < 400:
        return DeliveryFailed(f"{what}: HTTP {status} redirect refused", transient=False)
    transient = status >= 500 or status in TRANSIENT_STATUS
    detail = diagnostics(response)
    if detail and echoes(detail, private.sent, private.identifiers):
        codes = issue_codes(response)
        detail = f"{codes or 'error'} (the server's words repeat the document: not shown)"
    reason = f"{what}: HTTP {status}" + (f": {detail}" if detail else "")
    return DeliveryFailed(reason, transient=transient)


def diagnostics(response: httpx2.Response) -> str:
    """The reason an answer gives: the error issues of an OperationOutcome, or an OAuth
    error's code and description; empty when the body says nothing readable."""
    body = json_body(response)
    if body is None:
        return ""
    if body.get("resourceType") == "OperationOutcome":
        issues = [i for i in body.get("issue") or [] if isinstance(i, dict)]
        errors = [i for i in issues if i.get("severity") in ("error", "fatal")] or issues
        texts = [_issue_text(i) for i in errors]
        return _clip("; ".join(t for t in texts if t))
    if isinstance(body.get("error"), str):
        description = body.get("error_description")
        text = body["error"] + (f": {description}" if isinstance(description, str) else "")
        return _clip(text)
    return ""


def issue_codes(response: httpx2.Response) -> str:
    """The FHIR issue codes of an OperationOutcome (a fixed vocabulary: "invalid",
    "processing"…), comma-separated."""
    body = json_body(response) or {}
    issues = body.get("issue") if body.get("resourceType") == "OperationOutcome" else None
    codes = [i.get("code") for i in issues or [] if isinstance(i, dict)]
    return ", ".join(
        dict.fromkeys(c for c in codes if isinstance(c, str) and _ISSUE_CODE.fullmatch(c))
    )


def json_body(response: httpx2.Response) -> dict[str, Any] | None:
    """The body as a JSON object, or None when it is not one."""
    try:
        body = json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        return None
    return body if isinstance(body, dict) else None


def _issue_text(issue: dict[str, Any]) -> str:
    details = issue.get("details")
    text = details.get("text") if isinstance(details, dict) else None
    diagnostic = issue.get("diagnostics")
    if isinstance(diagnostic, str) and diagnostic:
        return diagnostic
    if isinstance(text, str) and text:
        return text
    code = issue.get("code")
    return code if isinstance(code, str) else ""


def _clip(text: str) -> str:
    line = one_line(text)
    return line if len(line) <= MAX_REASON_CHARS else line[: MAX_REASON_CHARS - 1] + "…"
