"""Benchmarks for `make bench`: each module here with a `run()` is one section of results.json."""
