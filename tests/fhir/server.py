"""The real FHIR R4 server the tests file notes on: SEKMET (`sekmet-fhir` on PyPI), installed by
`install_server.sh` into a cache folder and run here as its own process on 127.0.0.1.

It keeps its resources in SQLite under the test's folder, so a server stopped and started again
(the "server down, then back" tests) still holds what it had. Its simulator (which answers
orders as a lab or a payer would) is off: these tests want a plain FHIR store.
"""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx2

HERE = Path(__file__).resolve().parent
INSTALL = HERE / "install_server.sh"
START_SECONDS = 90.0


class ServerUnavailable(Exception):
    """The server could not be installed (no package registry) or did not start."""


def install() -> Path:
    """The `sekmet` command, installed or found in the cache (ServerUnavailable if the
    registry cannot be reached for a first install)."""
    try:
        done = subprocess.run(
            ["sh", str(INSTALL)], capture_output=True, text=True, timeout=900, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise ServerUnavailable("installing sekmet-fhir took over 15 minutes") from exc
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = [line for line in done.stderr.splitlines() if "WARNING" not in line][-3:]
        raise ServerUnavailable("cannot install sekmet-fhir: " + " / ".join(tail))
    return Path(lines[-1])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class FhirServer:
    """One SEKMET server process; `smart_clients` (client_id -> public key PEM path) turns on
    SMART Backend Services and requires its tokens on every FHIR request."""

    admin_token = "test-admin-token"
    """A static bearer token the server also accepts when SMART is on (to read back)."""

    def __init__(
        self, command: Path, folder: Path, smart_clients: dict[str, Path] | None = None
    ) -> None:
        self.command = command
        self.folder = folder
        self.port = free_port()
        self.smart_clients = smart_clients or {}
        self.process: subprocess.Popen[bytes] | None = None
        self.started_in = 0.0

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"{self.root}/fhir"

    @property
    def token_url(self) -> str:
        return f"{self.root}/auth/token"

    def start(self) -> FhirServer:
        self.folder.mkdir(parents=True, exist_ok=True)
        settings = self.folder / "settings.yaml"
        settings.write_text(self._settings(), encoding="utf-8")
        log = (self.folder / "server.log").open("ab")
        began = time.monotonic()
        self.process = subprocess.Popen(
            [str(self.command), "serve", "-c", str(settings)],
            cwd=self.folder,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        while time.monotonic() - began < START_SECONDS:
            if self.process.poll() is not None:
                raise ServerUnavailable(f"sekmet exited with {self.process.returncode}")
            try:
                if httpx2.get(f"{self.url}/metadata", timeout=2).status_code == 200:
                    self.started_in = time.monotonic() - began
                    return self
            except httpx2.TransportError:
                pass
            time.sleep(0.2)
        self.stop()
        raise ServerUnavailable(f"sekmet did not answer within {START_SECONDS:.0f} s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def get(self, path: str, **params: str) -> dict[str, Any]:
        """A FHIR GET on the server, as a test reads it back (with a token when SMART is on)."""
        headers = {"Accept": "application/fhir+json", **self._auth()}
        response = httpx2.get(f"{self.url}{path}", params=params, headers=headers, timeout=30)
        response.raise_for_status()
        body: dict[str, Any] = response.json()
        return body

    def post(self, resource: dict[str, Any]) -> str:
        """Create `resource` as another system would (a registered patient); its id."""
        response = httpx2.post(
            f"{self.url}/{resource['resourceType']}",
            json=resource,
            headers={"Content-Type": "application/fhir+json", **self._auth()},
            timeout=30,
        )
        response.raise_for_status()
        return str(response.json()["id"])

    def search(self, resource_type: str, identifier: str) -> list[dict[str, Any]]:
        bundle = self.get(f"/{resource_type}", identifier=identifier, _count="50")
        return [e["resource"] for e in bundle.get("entry") or []]

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.admin_token}"} if self.smart_clients else {}

    def _settings(self) -> str:
        lines = [
            f"base_url: {self.url}",
            "host: 127.0.0.1",
            f"port: {self.port}",
            f"data_dir: {self.folder / 'data'}",
            "log_inbound: false",
            "simulator:",
            "  enabled: false",
            "validation:",
            "  inbound: strict",
        ]
        if self.smart_clients:
            lines += [
                "server_auth:",
                "  types: [smart, bearer]",
                f"  tokens: [{self.admin_token}]",
                "  token_lifetime: 300",
                "  smart_clients:",
            ]
            for client_id, public_key in self.smart_clients.items():
                lines += [
                    f"    - client_id: {client_id}",
                    f"      public_key_path: {public_key}",
                    "      scopes: system/*.*",
                ]
        return "\n".join(lines) + "\n"
