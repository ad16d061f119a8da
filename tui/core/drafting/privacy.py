"""The privacy gate: whether note text may go to the configured model server, and how.

PHI may leave the building only for a model provider the clinic has a BAA with (DESIGN.md,
"Privacy and safety"), so every route to a model is decided here, from context.toml and the
environment, before any request exists. A model server on this machine or on the clinic's own
network keeps PHI inside the building and needs no BAA; anything else is remote and needs
`[privacy] baa_signed = true`, https, and an API key.

ANTHROPIC_API_KEY is only ever sent to a remote route; a local server that wants a key gets the
one in `[model] api_key_file`, so an Anthropic key in someone's shell never crosses the clinic
network in clear text to a plain-http model server.

Only addresses that cannot leave the site count as local: loopback and private-network IP
literals (numeric IPv4 spellings too: ``http://2130706433`` is 127.0.0.1, while
``http://134744072`` and ``http://0x08080808`` are 8.8.8.8 and so remote), ``localhost``,
single-label host names (``http://ollama:11434`` in a compose network) and the private-use
suffixes ``.localhost``, ``.local``, ``.internal``, ``.lan``, ``.home.arpa``. Any other name
counts as remote even when it happens to resolve to a private address today, because DNS can
change without context.toml changing; so does a host that is not a plain name at all, or one
that Python's URL parser and the HTTP client's parser read differently (the client connects to
what its own parser reads). An IPv4-mapped IPv6 address (``[::ffff:127.0.0.1]``) is judged as
the IPv4 address it carries.

The gate judges one address; `tui.core.drafting.transport` makes sure no request ever goes to
any other (redirects are refused and every request's host is checked against the route).
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

import httpx2

from tui.core.context import ClinicContext
from tui.core.drafting.base import DraftingError
from tui.core.errors import ChartdeskError
from tui.core.security.bounded_read import FileRefused, read_bounded

ANTHROPIC_API: Final = "https://api.anthropic.com"
KEY_ENV: Final = "ANTHROPIC_API_KEY"
MAX_KEY_FILE_BYTES: Final = 64 * 1024
LOCAL_SUFFIXES: Final = (".localhost", ".local", ".internal", ".lan", ".home.arpa")
_HOST_NAME: Final = re.compile(r"[a-z0-9_.-]+")
_PRIVATE_NETWORKS: Final = tuple(
    ipaddress.ip_network(net)
    for net in (
        "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16",
        "::1/128", "fc00::/7", "fe80::/10",
    )
)  # fmt: skip
HOW_TO_PROCEED: Final = (
    "To draft, either sign a BAA with the provider and set [privacy] baa_signed = true, "
    "point [model] base_url at a model server inside the clinic (Ollama, llama.cpp), or set "
    '[model] provider = "offline".'
)


class DraftingRefused(DraftingError, ChartdeskError):
    """Drafting was refused before anything was sent; retrying cannot help until config changes.

    It is a DraftingError (the draft fails with this reason) and a ChartdeskError (a command
    reports it as one line and exits 2).
    """

    def __init__(self, message: str) -> None:
        super().__init__(message, transient=False)


@dataclass(frozen=True)
class Route:
    """Where note text goes and with which key. Only `model_route` makes one, after the gate."""

    base_url: str
    api_key: str  # "" = send no credential (a local server without auth)
    model: str
    local: bool

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).netloc


def is_local_url(base_url: str) -> bool:
    """True when `base_url` names this machine or the clinic's private network."""
    host = (url_host(base_url) or "").rstrip(".").lower()
    if not host:
        return False
    try:
        address: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(host)
    except ValueError:
        numeric = _numeric_ipv4(host)
        if numeric is None:
            if not _HOST_NAME.fullmatch(host):
                return False  # not a plain host name: fail closed
            return host == "localhost" or "." not in host or host.endswith(LOCAL_SUFFIXES)
        address = numeric
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return any(address in network for network in _PRIVATE_NETWORKS)


def url_host(url: str) -> str | None:
    """The host of `url` as both the standard library and the HTTP client read it, or None
    when either cannot read it or they disagree (a URL whose host depends on who parses it)."""
    text = url.strip()
    try:
        split = urlsplit(text)
        _ = split.port  # raises for a port that is not a number
        client = httpx2.URL(text)
    except (ValueError, httpx2.InvalidURL):
        return None
    host = split.hostname or ""
    if not host or host != client.host.lower():
        return None
    return host


def _numeric_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The IPv4 address a numeric host spells in the forms resolvers accept, or None.

    ``134744072``, ``0x08080808``, ``010.010.010.010`` and ``8.8`` all reach an IPv4 address
    (the C library's inet_aton rules, which connect() honours), so they are judged as that
    address, never as a dotless single-label name.
    """
    try:
        packed = socket.inet_aton(host)
    except (OSError, ValueError):
        return None
    return ipaddress.IPv4Address(packed)


def key_configured(ctx: ClinicContext, environ: Mapping[str, str] | None = None) -> bool:
    """Whether the clinic set up an API key (a key file in context.toml or the environment)."""
    env = os.environ if environ is None else environ
    return bool(ctx.model.api_key_file.strip() or env.get(KEY_ENV, "").strip())


def model_route(ctx: ClinicContext, environ: Mapping[str, str] | None = None) -> Route:
    """The gate: the route to the configured model server, or DraftingRefused saying why not."""
    env = os.environ if environ is None else environ
    base_url = ctx.model.base_url.strip().rstrip("/")
    if base_url and urlsplit(base_url).scheme not in ("http", "https"):
        raise DraftingRefused(
            f"[model] base_url {base_url!r} is not an http:// or https:// address; "
            "fix it in context.toml."
        )
    model = _model_id(ctx)
    if base_url and is_local_url(base_url):
        key = api_key(ctx, {}) if ctx.model.api_key_file.strip() else ""
        return Route(base_url, key, model, local=True)
    remote = base_url or ANTHROPIC_API
    _check_remote(ctx, remote)
    if not key_configured(ctx, env):
        raise DraftingRefused(
            f"No API key for {urlsplit(remote).netloc}: set {KEY_ENV} in the environment or "
            "[model] api_key_file in context.toml (never the key itself), or use a local model "
            'server via [model] base_url, or set [model] provider = "offline".'
        )
    return Route(remote, api_key(ctx, env), model, local=False)


def _check_remote(ctx: ClinicContext, base_url: str) -> None:
    host = urlsplit(base_url).netloc
    if urlsplit(base_url).scheme != "https":
        raise DraftingRefused(
            f"Not sent: {base_url} is a remote address without https, so note text would cross "
            f"the network unencrypted. Use https://, or a model server on the clinic network. "
            f"{HOW_TO_PROCEED}"
        )
    if not ctx.baa_signed:
        raise DraftingRefused(
            f"Not sent: notes may go to a remote model ({host}) only under a BAA, and "
            f"context.toml has [privacy] baa_signed = false. {HOW_TO_PROCEED}"
        )


def _model_id(ctx: ClinicContext) -> str:
    model = ctx.model.model.strip()
    if not model:
        raise DraftingRefused("No model id: set [model] model in context.toml.")
    return model


def api_key(ctx: ClinicContext, environ: Mapping[str, str] | None = None) -> str:
    """The key: the clinic's key file first, then ANTHROPIC_API_KEY.

    The file wins because it is the clinic's own choice: a key in the shell of whoever runs
    chartdesk may belong to an account that has no BAA. A configured file that cannot be read
    is an error, never a reason to fall back to the environment.
    """
    env = os.environ if environ is None else environ
    configured = ctx.model.api_key_file.strip()
    if not configured:
        return env.get(KEY_ENV, "").strip()
    path = Path(configured).expanduser()
    if not path.is_absolute() and ctx.path is not None:
        path = ctx.path.parent / path
    try:
        key = read_bounded(path, MAX_KEY_FILE_BYTES).decode("utf-8").strip()
    except FileRefused as exc:
        raise DraftingRefused(f"[model] api_key_file {path}: {exc}; fix the path.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DraftingRefused(
            f"[model] api_key_file {path} cannot be read ({exc.__class__.__name__}); "
            "fix the path or the file's permissions."
        ) from exc
    if not key:
        raise DraftingRefused(f"[model] api_key_file {path} is empty; put the API key in it.")
    return key
