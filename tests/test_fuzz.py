"""A bounded sample of `bench/fuzz.py`: mutated real spec files parse or fail with one clean
line; none ends in a traceback, a hang, an unescaped message or a followed link out of the
spec folder. The full run (20,000+ inputs) is a bench: `python bench/fuzz.py --n 20000`."""

from __future__ import annotations

import os

from bench.fuzz import fuzz

SAMPLE = int(os.environ.get("CODEGEN_FUZZ_SAMPLE", "300"))


def test_fuzz_sample_has_no_traceback_or_hang() -> None:
    report = fuzz(seed=9, indices=list(range(SAMPLE)), jobs=2, timeout=30.0, full=False)
    assert sum(report.counts.values()) == SAMPLE
    assert report.failures == 0, report.text(9)
    assert report.counts["success"] and report.counts["clean"]  # both paths were exercised
