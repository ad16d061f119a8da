"""The HTTP client for one gated route: it talks to that one server and nowhere else.

The privacy gate (`privacy.model_route`) judges one address; this client makes sure no request
ever goes to any other. It never follows a redirect, refuses any request whose scheme, host or
port differ from the route's before it is sent (every hop is judged, whoever follows), and
ignores proxy variables for a local route, so note text for a server in the building never
detours through a proxy. Probes of the server (`server_info`) use it too.
"""

from __future__ import annotations

from typing import Any

import anthropic
import httpx2

from tui.core.drafting.base import DraftingError
from tui.core.drafting.privacy import Route, url_host


class RouteViolation(DraftingError, anthropic.AnthropicError):
    """A request for an address other than the gated route was stopped before it was sent.

    An AnthropicError too, so the SDK passes it on as it is instead of retrying it as a
    connection error.
    """

    def __init__(self, host: str, route: Route) -> None:
        super().__init__(
            f"Not sent: a request to {host or 'an unreadable address'} was refused, because "
            f"the privacy gate allows {route.host} only. Check [model] base_url.",
            transient=False,
        )


def http_client(
    route: Route, timeout: httpx2.Timeout | float, ssl: Any = None
) -> httpx2.AsyncClient:
    """The HTTP client for `route` (see the module doc)."""
    allowed = _origin(httpx2.URL(route.base_url))

    async def same_origin(request: httpx2.Request) -> None:
        if _origin(request.url) != allowed:
            raise RouteViolation(url_host(str(request.url)) or "", route)

    return anthropic.DefaultAsyncHttpxClient(
        verify=ssl if ssl is not None else True,
        timeout=timeout,
        trust_env=not route.local,
        follow_redirects=False,
        event_hooks={"request": [same_origin]},
    )


def _origin(url: httpx2.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port
