#!/bin/sh
# Install the FHIR R4 server the tests file notes on: SEKMET (PyPI `sekmet-fhir`, Apache-2.0; a
# FastAPI FHIR R4 server on SQLite with conditional create, token search and a SMART Backend
# Services token endpoint), into its own virtual environment in a cache folder outside the
# repository: $FHIR_SERVER_CACHE, else ~/.cache/chartdesk/fhir-server. Exactly the versions and
# hashes of tests/fhir/server-requirements.txt (regenerate it with pip-compile --generate-hashes
# from server-requirements.in). About 80 s the first time; later runs reuse it.
# Prints one line: the server's `sekmet` command.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
C=${FHIR_SERVER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/chartdesk/fhir-server}
PY=${PYTHON:-python3}
STAMP="$C/venv/.installed-$(sha256sum "$HERE/server-requirements.txt" | cut -c1-16)"
mkdir -p "$C"
# One install at a time: test runs started together wait for the first instead of racing it.
exec 9>"$C/.install.lock"
flock 9
if [ ! -f "$STAMP" ]; then
  rm -rf "$C/venv"
  $PY -m venv "$C/venv" >&2
  "$C/venv/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes \
    -r "$HERE/server-requirements.txt" >&2
  touch "$STAMP"
fi
echo "$C/venv/bin/sekmet"
