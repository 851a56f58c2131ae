"""The client side of `bench/runtime.py`, run in fresh child interpreters.

Each child imports one package and measures it alone (no GIL, cache or allocation shared with
the other package or the server): `_IMPORT_CHILD` (import time, run with `python -c`), or
`python bench/runtime.py --child retrieve|results|memory` (`_child_main`). The batch ids and the
key the children use are here, as is the error that stops the benchmark.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
import tracemalloc
from typing import Any

API_KEY = "sk-ant-bench-0000"
RETRIEVE_ID = "msgbatch_013Zva2CMHLNnXjNJJKqJ2EF"
WARM_ID = "msgbatch_01WarmUpResults00000000"
RESULTS_ID = "msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d"
MB = 1024 * 1024


class BenchError(Exception):
    """The benchmark cannot run (a package missing, a child failing)."""


# Run with `python -c`, so that nothing but `time` is imported before the package.
_IMPORT_CHILD = """\
import time
t0 = time.perf_counter()
import {package} as sdk
t1 = time.perf_counter()
client = sdk.Anthropic(api_key={api_key!r}, base_url={base_url!r}, max_retries=0)
batches = client.messages.batches
t2 = time.perf_counter()
batch = batches.retrieve({batch_id!r})
t3 = time.perf_counter()
assert batch.processing_status == "ended", batch
import json, sys
sys.stdout.write(json.dumps({{"import": t1 - t0, "client": t2 - t0, "first_call": t3 - t0}}))
"""


def _client(package: str, base_url: str) -> Any:
    sdk = importlib.import_module(package)
    return sdk.Anthropic(api_key=API_KEY, base_url=base_url, max_retries=0)


def _model_class(package: str, name: str) -> Any:
    """`name` from `package.types`, or from `package.types.messages` (the official layout)."""
    found = getattr(importlib.import_module(f"{package}.types"), name, None)
    if found is None:
        found = getattr(importlib.import_module(f"{package}.types.messages"), name)
    return found


def _child_retrieve(package: str, base_url: str, calls: int, warmup: int) -> dict[str, Any]:
    client = _client(package, base_url)
    batches = client.messages.batches
    batch_cls = _model_class(package, "MessageBatch")
    for _ in range(warmup):
        batches.retrieve(RETRIEVE_ID)
    good = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(calls):
        batch = batches.retrieve(RETRIEVE_ID)
        good += batch.processing_status == "ended"
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    client.close()
    if not isinstance(batch, batch_cls) or good != calls:
        raise BenchError(f"{package}: retrieve returned {type(batch)!r} ({good}/{calls} good)")
    missing = sorted(set(batch_cls.model_fields) - set(batch.model_fields_set))
    return {"seconds": seconds, "cpu_seconds": cpu, "calls": calls, "missing_fields": missing}


def _child_results(package: str, base_url: str, measure_memory: bool) -> dict[str, Any]:
    client = _client(package, base_url)
    batches = client.messages.batches
    item_cls = _model_class(package, "MessageBatchIndividualResponse")
    message_cls = _model_class(package, "Message")

    def consume(batch_id: str, on_item: Any = None) -> tuple[int, int]:
        count = bad = 0
        for item in batches.results(batch_id):
            count += 1
            message = getattr(getattr(item, "result", None), "message", None)
            if not (isinstance(item, item_cls) and isinstance(message, message_cls)):
                bad += 1
            if on_item is not None:
                on_item(count)
        return count, bad

    consume(WARM_ID)  # schemas, adapters, connection: steady state before measuring
    out: dict[str, Any] = {}
    if measure_memory:
        settle = 1_000
        marks: dict[str, int] = {}

        def on_item(count: int) -> None:
            if count == settle:
                marks["current"], marks["peak"] = tracemalloc.get_traced_memory()
                tracemalloc.reset_peak()

        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        start = time.perf_counter()
        count, bad = consume(RESULTS_ID, on_item)
        seconds = time.perf_counter() - start
        _, last_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        early_peak = marks.get("peak", last_peak)
        out["peak_mb"] = (max(early_peak, last_peak) - base) / MB
        # Growth once the stream is flowing: a leak shows here, a one-off cost does not.
        out["growth_after_settle_mb"] = (last_peak - marks.get("current", base)) / MB
    else:
        start = time.perf_counter()
        count, bad = consume(RESULTS_ID)
        seconds = time.perf_counter() - start
    client.close()
    if bad:
        raise BenchError(f"{package}: {bad} of {count} results items were not parsed models")
    out.update(seconds=seconds, items=count, max_rss_mb=_max_rss_mb())
    return out


def _max_rss_mb() -> float:
    try:
        import resource
    except ImportError:  # not on Windows
        return float("nan")
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child_main(args: argparse.Namespace) -> None:
    if args.child == "retrieve":
        result = _child_retrieve(args.package, args.base_url, args.n, args.warmup)
    else:
        result = _child_results(args.package, args.base_url, args.child == "memory")
    sys.stdout.write(json.dumps(result) + "\n")
