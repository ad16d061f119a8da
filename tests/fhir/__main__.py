"""`python -m tests.fhir [--port N] [--data DIR] [--patient MRN ...]`: the tests' real FHIR
server (SEKMET) in the foreground on 127.0.0.1, for trying a clinic's `[[ehr]]` entry by hand;
its resources are kept in DIR between runs. Ctrl-C stops it."""

from __future__ import annotations

import argparse
import signal
import tempfile
import time
from pathlib import Path

from tests.fhir.parcels import MRN_SYSTEM
from tests.fhir.server import FhirServer, ServerUnavailable, install


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fhir")
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--data", type=Path, help="where it keeps its resources")
    parser.add_argument(
        "--patient",
        action="append",
        default=[],
        metavar="MRN",
        help=f"register a patient with this MRN (system {MRN_SYSTEM})",
    )
    args = parser.parse_args(argv)
    try:
        server = FhirServer(install(), args.data or Path(tempfile.mkdtemp(prefix="fhir-")))
    except ServerUnavailable as exc:
        print(exc)
        return 2
    if args.port:
        server.port = args.port
    server.start()
    for mrn in args.patient:
        server.post(
            {"resourceType": "Patient", "identifier": [{"system": MRN_SYSTEM, "value": mrn}]}
        )
    print(
        f"FHIR R4 server at {server.url} (data in {server.folder}), started in "
        f"{server.started_in:.1f} s. In context.toml:\n"
    )
    print(
        f'[[ehr]]\nid = "local-fhir"\nkind = "fhir"\nbase_url = "{server.url}"\nauth = "none"\n'
        f'patient_identifier_system = "{MRN_SYSTEM}"\n',
        flush=True,
    )
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        while server.process is not None and server.process.poll() is None:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


def _interrupt(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    raise SystemExit(main())
