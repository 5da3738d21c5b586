"""Benchmarks: `python benchmarks/run.py SCENARIO [args]` prints one JSON line."""
