"""Benchmarks. `python -m bench` (see `bench/__main__.py`) runs them all and prints one table of
ratios measured in the same run; each script also runs on its own (`python bench/parse.py ...`)."""
