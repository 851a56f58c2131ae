"""Runtime benchmark: the generated `anthropic_batches` package against the official `anthropic`.

Both packages talk to ONE local HTTP server that this script starts (stdlib ThreadingHTTPServer on
127.0.0.1, in a thread of this process). It serves `GET /v1/messages/batches/{id}` (a MessageBatch
with every field of the official SDK's model) and the batch's `results_url`, which streams N JSON
Lines of succeeded MessageBatchIndividualResponse objects, each with a full Message, generated
lazily in 64 KiB chunks so that the server never holds them all.

Every client-side figure is measured in a fresh child interpreter, alternating the two packages
(ours first in even rounds, theirs first in odd ones), so that neither shares a GIL, caches or
allocations with the other or with the server:

1. import time, measured inside the child with `time.perf_counter` around the import (interpreter
   start-up excluded); also import + `Anthropic(...)` + `.messages.batches` (the official SDK
   defers some imports to the client and its resources), and + the first `retrieve`. Median of K;
2. calls/s of `client.messages.batches.retrieve(id)` (sync client, max_retries=0, warmed up);
3. items/s of iterating `client.messages.batches.results(id)` over N lines, each item checked to
   be the parsed model; then, in another child per package (tracemalloc slows allocation down),
   the tracemalloc peak above the memory in use when `results()` is called.

Usage: python bench/runtime.py [--quick] [--json]

The server is in `bench/runtime_server.py`, the children's code in `bench/runtime_child.py`.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import math
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.runtime_child import (  # noqa: E402
    _IMPORT_CHILD,
    API_KEY,
    RESULTS_ID,
    RETRIEVE_ID,
    WARM_ID,
    BenchError,
    _child_main,
)
from bench.runtime_server import BenchServer  # noqa: E402

OURS = "anthropic_batches"
THEIRS = "anthropic"
PACKAGES = (OURS, THEIRS)
WARM_LINES = 500
MEMORY_LIMIT_MB = 20.0
IMPORT_TARGET = 0.3
CHILD_TIMEOUT = 900.0

Row = dict[str, Any]


@dataclass(frozen=True)
class Params:
    import_runs: int
    calls: int
    warmup_calls: int
    lines: int
    rounds: int

    @classmethod
    def for_mode(cls, quick: bool) -> Params:
        if quick:
            return cls(import_runs=3, calls=200, warmup_calls=20, lines=2_000, rounds=1)
        return cls(import_runs=7, calls=2_000, warmup_calls=200, lines=100_000, rounds=5)


def _child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANTHROPIC_")}
    for name in ("NO_PROXY", "no_proxy"):
        env[name] = ",".join(filter(None, [env.get(name, ""), "127.0.0.1", "localhost"]))
    return env


def _run_child(argv: list[str]) -> dict[str, Any]:
    try:
        done = subprocess.run(
            [sys.executable, *argv],
            capture_output=True,
            text=True,
            env=_child_env(),
            timeout=CHILD_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as err:
        raise BenchError(f"child timed out after {CHILD_TIMEOUT:.0f}s: {argv[:4]}") from err
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = "\n".join(done.stderr.strip().splitlines()[-15:])
        raise BenchError(f"child {argv[:4]} failed (exit {done.returncode}):\n{tail}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def _bench_child(kind: str, package: str, base_url: str, params: Params) -> dict[str, Any]:
    argv = [os.path.abspath(__file__), "--child", kind, "--package", package]
    argv += ["--base-url", base_url, "--n", str(params.calls), "--warmup", str(params.warmup_calls)]
    return _run_child(argv)


def _orders(count: int) -> list[tuple[str, str]]:
    """Alternate which package goes first, round by round."""
    return [PACKAGES if i % 2 == 0 else PACKAGES[::-1] for i in range(count)]


def require_packages() -> None:
    """Fail clearly when either package cannot be imported by this interpreter."""
    missing = [p for p in PACKAGES if importlib.util.find_spec(p) is None]
    if missing:
        raise BenchError(
            f"not importable by {sys.executable}: {', '.join(missing)}. Install both into the "
            "same environment, e.g. `pip install ./generated anthropic`."
        )


def _row(
    figure: str, ours: float, theirs: float, unit: str, target: str, ok: bool | None, **detail: Any
) -> Row:
    ratio = ours / theirs if theirs else float("inf")
    return {
        "figure": figure,
        "ours": ours,
        "theirs": theirs,
        "unit": unit,
        "ratio": ratio,
        "target": target,
        "ok": ok,
        "detail": detail,
    }


def _import_rows(base_url: str, params: Params) -> list[Row]:
    times: dict[str, dict[str, list[float]]] = {
        p: {"import": [], "client": [], "first_call": []} for p in PACKAGES
    }
    # Round 0 warms the OS page cache and writes any missing .pyc files; it is not counted.
    for round_no, order in enumerate(_orders(params.import_runs + 1)):
        for package in order:
            code = _IMPORT_CHILD.format(
                package=package, api_key=API_KEY, base_url=base_url, batch_id=RETRIEVE_ID
            )
            result = _run_child(["-c", code])
            if round_no:
                for key, seconds in result.items():
                    times[package][key].append(seconds * 1000)

    def row(key: str, figure: str, targeted: bool) -> Row:
        ours, theirs = times[OURS][key], times[THEIRS][key]
        ratio = statistics.median(ours) / statistics.median(theirs)
        return _row(
            figure,
            statistics.median(ours),
            statistics.median(theirs),
            "ms (median)",
            f"<= {IMPORT_TARGET}x" if targeted else "report",
            ratio <= IMPORT_TARGET if targeted else None,
            ours_min=min(ours),
            theirs_min=min(theirs),
            runs=len(ours),
        )

    return [
        row("import", "import", True),
        row("client", "import + Anthropic() + .messages.batches", True),
        row("first_call", "... + first retrieve()", False),
    ]


def _retrieve_rows(base_url: str, params: Params) -> list[Row]:
    rates: dict[str, list[float]] = {p: [] for p in PACKAGES}
    cpu_ms: dict[str, list[float]] = {p: [] for p in PACKAGES}
    for order in _orders(params.rounds):
        for package in order:
            result = _bench_child("retrieve", package, base_url, params)
            if result["missing_fields"]:
                missing = result["missing_fields"]
                raise BenchError(f"{package}: MessageBatch fields not sent: {missing}")
            rates[package].append(result["calls"] / result["seconds"])
            cpu_ms[package].append(1000 * result["cpu_seconds"] / result["calls"])
    ours, theirs = max(rates[OURS]), max(rates[THEIRS])
    return [
        _row(
            f"retrieve() x{params.calls}, sync",
            ours,
            theirs,
            "calls/s (best)",
            ">= 1.0x",
            ours >= theirs,
            ours_all=rates[OURS],
            theirs_all=rates[THEIRS],
        ),
        # The client process's own CPU time per call: its overhead, less sensitive to load.
        _row(
            "retrieve() client CPU per call",
            min(cpu_ms[OURS]),
            min(cpu_ms[THEIRS]),
            "ms (best)",
            "report",
            None,
            ours_all=cpu_ms[OURS],
            theirs_all=cpu_ms[THEIRS],
        ),
    ]


def _results_rows(base_url: str, params: Params) -> list[Row]:
    rates: dict[str, list[float]] = {p: [] for p in PACKAGES}
    for order in _orders(params.rounds):
        for package in order:
            result = _bench_child("results", package, base_url, params)
            if result["items"] != params.lines:
                raise BenchError(f"{package}: {result['items']} results items, not {params.lines}")
            rates[package].append(result["items"] / result["seconds"])
    memory: dict[str, dict[str, Any]] = {}
    for package in PACKAGES:
        memory[package] = _bench_child("memory", package, base_url, params)
    ours_peak, theirs_peak = memory[OURS]["peak_mb"], memory[THEIRS]["peak_mb"]
    ours_rate, theirs_rate = max(rates[OURS]), max(rates[THEIRS])
    return [
        _row(
            f"results() over {params.lines:,} lines",
            ours_rate,
            theirs_rate,
            "items/s (best)",
            ">= 1.0x",
            ours_rate >= theirs_rate,
            ours_all=rates[OURS],
            theirs_all=rates[THEIRS],
        ),
        _row(
            "results() tracemalloc peak above start",
            ours_peak,
            theirs_peak,
            "MB",
            f"ours < {MEMORY_LIMIT_MB:.0f} MB",
            ours_peak < MEMORY_LIMIT_MB,
            ours_growth_after_1000_items_mb=memory[OURS]["growth_after_settle_mb"],
            theirs_growth_after_1000_items_mb=memory[THEIRS]["growth_after_settle_mb"],
            ours_max_rss_mb=memory[OURS]["max_rss_mb"],
            theirs_max_rss_mb=memory[THEIRS]["max_rss_mb"],
        ),
    ]


def run(quick: bool = False) -> list[Row]:
    """Measure every figure for both packages against one local server; one row per figure."""
    require_packages()
    params = Params.for_mode(quick)
    with BenchServer() as server:
        server.add_batch(RETRIEVE_ID, params.lines)
        server.add_batch(WARM_ID, WARM_LINES)
        server.add_batch(RESULTS_ID, params.lines)
        rows = _import_rows(server.url, params)
        rows.extend(_retrieve_rows(server.url, params))
        rows.extend(_results_rows(server.url, params))
    return rows


def _fmt(value: float) -> str:
    if math.isnan(value) or abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.2f}" if abs(value) >= 1 else f"{value:.3f}"


def format_table(rows: list[Row]) -> str:
    header = ("figure", "ours", "theirs", "unit", "ours/theirs", "target", "result")
    body = [
        (
            row["figure"],
            _fmt(row["ours"]),
            _fmt(row["theirs"]),
            row["unit"],
            f"{row['ratio']:.2f}x",
            row["target"],
            "-" if row["ok"] is None else ("PASS" if row["ok"] else "FAIL"),
        )
        for row in rows
    ]
    widths = [max(len(line[i]) for line in (header, *body)) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        for line in (header, *body)
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small N (for tests)")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    kinds = ("retrieve", "results", "memory")
    parser.add_argument("--child", choices=kinds, help=argparse.SUPPRESS)
    parser.add_argument("--package", help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--warmup", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child_main(args)
        return 0
    try:
        rows = run(quick=args.quick)
    except BenchError as err:
        print(f"bench/runtime.py: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print(format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
