"""Benchmarks: a deterministic data generator and timed scenarios, each against a baseline
measured in the same run (see benchmarks/RESULTS.md and `python benchmarks/run.py --help`)."""
