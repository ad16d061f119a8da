"""One HTTP exchange with a FHIR server (or its token endpoint), and what a failed one means.

Failures are classified by type and status, never by message text: a connection that cannot be
made, a timeout, a dropped connection, 5xx, 408 and 429 may succeed later (transient); any other
4xx will not, and its reason is the server's OperationOutcome diagnostics. Redirects are
refused (a redirect could carry a signed note to another host), so a 3xx is permanent too.
"""

from __future__ import annotations

import json
from typing import Any, Final

import httpx2

from tui.core.ehr.delivery import DeliveryFailed
from tui.core.errors import one_line

FHIR_JSON: Final = "application/fhir+json"
TRANSIENT_STATUS: Final = frozenset({408, 425, 429})
MAX_REASON_CHARS: Final = 300


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


def failure(what: str, response: httpx2.Response) -> DeliveryFailed:
    """The DeliveryFailed a non-2xx answer means."""
    status = response.status_code
    if 300 <= status < 400:
        return DeliveryFailed(f"{what}: HTTP {status} redirect refused", transient=False)
    transient = status >= 500 or status in TRANSIENT_STATUS
    detail = diagnostics(response)
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
