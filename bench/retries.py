"""Retry benchmark: the generated `anthropic_batches` clients against a fault-injecting server.

Real sleeps, real sockets: one stdlib ThreadingHTTPServer on 127.0.0.1 runs in a thread of this
process and answers `GET /v1/messages/batches/{id}` from a per-case script (one action per
attempt, the last one repeating). It stamps every request with `time.monotonic()` when its
headers have arrived, and records the `x-stainless-retry-count` header the client sent, so the
gaps between attempts are measured as the server saw them. Every case runs with the sync
`Anthropic` and the async `AsyncAnthropic` client (a fresh client per case):

1. a 500 on every attempt, for max_retries 0..3: attempts == max_retries + 1,
   InternalServerError, retry-count headers 0..max_retries, each gap within the backoff bounds;
2. `retry-after: 1` / `retry-after-ms: 250` on a 429, then 200: one retry after that long;
   `x-should-retry: false` on a 500: no retry; `x-should-retry: true` on a 400: retried;
3. the connection dropped mid-headers or mid-body: APIConnectionError after max_retries + 1
   attempts; a response slower than the timeout (0.5 s, the server sleeps 3 s): APITimeoutError,
   with the total elapsed time bounded by the timeouts plus the backoff.

The runtime's backoff (`BaseClient._calculate_retry_timeout` in _base_client.py), with n the
number of retries already taken: delay = min(0.5 * 2**n, 8.0) * (1 - 0.25 * random()), i.e. in
(0.75 * d, d] for the documented d = 0.5 s * 2**n capped at 8 s; a `retry-after-ms` (else
`retry-after`: seconds or an HTTP date) in (0, 60] s replaces it. A gap passes when it lies in
[low - 5 ms, high + slack] (slack 0.15 s unless --slack).

Usage: python bench/retries.py [--json] [--slack SECONDS]   (exit 1 if any check fails)

The server is in `bench/retries_server.py`, the cases and the schedule in `bench/retries_cases.py`.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import itertools
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.retries_cases import INITIAL_DELAY, MAX_DELAY, Case, cases  # noqa: E402
from bench.retries_server import BATCH_ID, RETRY_COUNT_HEADER, Arrival, FaultServer  # noqa: E402

GENERATED = Path(__file__).resolve().parent.parent / "generated"
PACKAGE = "anthropic_batches"
API_KEY = "sk-ant-bench-0000"
EARLY = 0.005
"""A gap may come this much before its lower bound (clock granularity)."""
SLACK = 0.15
"""Default allowance above an upper bound, per gap: scheduling, connecting, parsing."""
Row = dict[str, Any]


def load_sdk() -> ModuleType:
    if str(GENERATED) not in sys.path:
        sys.path.insert(0, str(GENERATED))
    return importlib.import_module(PACKAGE)


def _client_kwargs(base_url: str, case: Case) -> dict[str, Any]:
    kwargs: dict[str, Any] = {
        "api_key": API_KEY,
        "base_url": base_url,
        "max_retries": case.max_retries,
    }
    if case.timeout is not None:
        kwargs["timeout"] = case.timeout
    return kwargs


def _describe(result: object) -> str:
    if getattr(result, "id", None) == BATCH_ID:
        return type(result).__name__
    return f"unexpected {result!r}"


def call_sync(sdk: Any, base_url: str, case: Case) -> tuple[str, float]:
    """The outcome (result or exception class name) and the wall-clock time of one retrieve."""
    with sdk.Anthropic(**_client_kwargs(base_url, case)) as client:
        start = time.monotonic()
        try:
            outcome = _describe(client.messages.batches.retrieve(BATCH_ID))
        except Exception as err:
            outcome = type(err).__name__
        return outcome, time.monotonic() - start


async def call_async(sdk: Any, base_url: str, case: Case) -> tuple[str, float]:
    async with sdk.AsyncAnthropic(**_client_kwargs(base_url, case)) as client:
        start = time.monotonic()
        try:
            outcome = _describe(await client.messages.batches.retrieve(BATCH_ID))
        except Exception as err:
            outcome = type(err).__name__
        return outcome, time.monotonic() - start


@dataclass
class Checker:
    slack: float
    failures: list[str] = field(default_factory=list)

    def row(
        self, mode: str, case: Case, outcome: str, elapsed: float, arrivals: list[Arrival]
    ) -> Row:
        times = [a.time for a in arrivals]
        measured = [later - earlier for earlier, later in itertools.pairwise(times)]
        gaps: list[Row] = []
        for i, gap in enumerate(measured):
            spec = case.gaps[i] if i < len(case.gaps) else None
            ok = spec is not None and spec.low - EARLY <= gap <= spec.high + self.slack
            gaps.append(
                {
                    "seconds": round(gap, 4),
                    "expected": spec.label if spec else None,
                    "low": spec.low if spec else None,
                    "high": spec.high if spec else None,
                    "ok": ok,
                }
            )
        retry_counts = [a.retry_count for a in arrivals]
        elapsed_low = sum(g.low for g in case.gaps) + case.last_attempt
        elapsed_high = sum(g.high for g in case.gaps) + case.last_attempt
        checks = {
            "attempts": len(arrivals) == case.attempts,
            "outcome": outcome == case.outcome,
            "retry_count": retry_counts == [str(i) for i in range(case.attempts)],
            "gaps": all(g["ok"] for g in gaps),
            "elapsed": elapsed_low - EARLY
            <= elapsed
            <= elapsed_high + self.slack * (len(case.gaps) + 1),
        }
        for name, ok in checks.items():
            if not ok:
                self.failures.append(f"{mode} / {case.name}: {name}")
        return {
            "client": mode,
            "case": case.name,
            "attempts": len(arrivals),
            "expected_attempts": case.attempts,
            "outcome": outcome,
            "expected_outcome": case.outcome,
            "retry_counts": retry_counts,
            "gaps": gaps,
            "elapsed": round(elapsed, 4),
            "elapsed_low": round(elapsed_low, 4),
            "elapsed_high": round(elapsed_high, 4),
            "checks": checks,
            "ok": all(checks.values()),
        }


def _runtime_constants(checker: Checker) -> Row:
    base = importlib.import_module(f"{PACKAGE}._base_client")
    found = {
        "INITIAL_RETRY_DELAY": getattr(base, "INITIAL_RETRY_DELAY", None),
        "MAX_RETRY_DELAY": getattr(base, "MAX_RETRY_DELAY", None),
        "MAX_RETRY_AFTER": getattr(base, "MAX_RETRY_AFTER", None),
    }
    if (found["INITIAL_RETRY_DELAY"], found["MAX_RETRY_DELAY"]) != (INITIAL_DELAY, MAX_DELAY):
        checker.failures.append(f"runtime constants {found} differ from the documented schedule")
    return found


def run(slack: float = SLACK) -> dict[str, Any]:
    """Run every case with both clients; `ok` is False if any check failed."""
    sdk = load_sdk()
    checker = Checker(slack)
    constants = _runtime_constants(checker)
    rows: list[Row] = []
    started = time.monotonic()
    with FaultServer() as server:
        for mode in ("sync", "async"):
            for case in cases():
                server.load(case.script)
                if mode == "sync":
                    outcome, elapsed = call_sync(sdk, server.url, case)
                else:
                    outcome, elapsed = asyncio.run(call_async(sdk, server.url, case))
                rows.append(checker.row(mode, case, outcome, elapsed, server.arrivals()))
    return {
        "package": PACKAGE,
        "retry_count_header": RETRY_COUNT_HEADER,
        "jitter_formula": (
            "delay = min(0.5 * 2**n, 8.0) * (1 - 0.25 * random()), n = retries taken, "
            "random() in [0, 1) -> (0.75*d, d]; retry-after-ms / retry-after in (0, 60] s wins"
        ),
        "tolerance": {"early": EARLY, "slack_per_gap": slack},
        "runtime_constants": constants,
        "rows": rows,
        "total_seconds": round(time.monotonic() - started, 2),
        "failures": checker.failures,
        "ok": not checker.failures,
    }


# -- output -------------------------------------------------------------------------------------


def _gap_text(gap: Row) -> str:
    mark = "" if gap["ok"] else "!"
    if gap["low"] is None:
        return f"{gap['seconds']:.3f}!(unexpected)"
    if gap["low"] == gap["high"]:
        return f"{gap['seconds']:.3f}{mark}[={gap['low']:.3f}]"
    return f"{gap['seconds']:.3f}{mark}[{gap['low']:.3f},{gap['high']:.3f}]"


def table(result: dict[str, Any]) -> str:
    lines = [
        f"backoff: {result['jitter_formula']}",
        f"gap check: [low - {EARLY:g}, high + {result['tolerance']['slack_per_gap']:g}] s; "
        f"elapsed check: [low - {EARLY:g}, high + slack * attempts] s",
        f"attempt number header: {result['retry_count_header']}",
        f"{'client':<6} {'case':<36} {'att':<5} {'outcome':<20} {'retry#':<8} "
        f"{'elapsed s [bounds]':<21} gaps s [bounds]",
    ]
    for row in result["rows"]:
        mark = (
            ""
            if row["ok"]
            else "  FAIL:" + ",".join(name for name, ok in row["checks"].items() if not ok)
        )
        elapsed = f"{row['elapsed']:.3f}[{row['elapsed_low']:.2f},{row['elapsed_high']:.2f}]"
        gaps = " ".join(_gap_text(g) for g in row["gaps"]) or "-"
        retry_counts = ",".join(str(c) for c in row["retry_counts"])
        lines.append(
            f"{row['client']:<6} {row['case']:<36} "
            f"{row['attempts']}/{row['expected_attempts']:<3} {row['outcome']:<20} "
            f"{retry_counts:<8} {elapsed:<21} {gaps}{mark}"
        )
    failures: list[str] = result["failures"]
    general = [f for f in failures if " / " not in f]
    verdict = "all checks passed" if result["ok"] else f"FAILED: {len(failures)} check(s)"
    verdict += "".join(f"; {f}" for f in general)
    lines.append(f"total {result['total_seconds']:.1f} s; {verdict}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--slack", type=float, default=SLACK, help="seconds allowed above each upper bound"
    )
    args = parser.parse_args(argv)
    result = run(slack=args.slack)
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
