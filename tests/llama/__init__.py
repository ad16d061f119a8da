"""The real-server test, `make e2e-llama` (see `tests.llama.e2e`); not part of `make test`."""
