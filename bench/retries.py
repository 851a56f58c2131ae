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
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import itertools
import json
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType, TracebackType
from typing import Any, Literal, Self, cast

GENERATED = Path(__file__).resolve().parent.parent / "generated"
PACKAGE = "anthropic_batches"
API_KEY = "sk-ant-bench-0000"
BATCH_ID = "msgbatch_01RetryBench000000000000"
BATCH_PATH = f"/v1/messages/batches/{BATCH_ID}"
RETRY_COUNT_HEADER = "x-stainless-retry-count"

# The documented schedule, checked against the runtime rather than read from it.
INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
JITTER = 0.25
EARLY = 0.005
"""A gap may come this much before its lower bound (clock granularity)."""
SLACK = 0.15
"""Default allowance above an upper bound, per gap: scheduling, connecting, parsing."""
TIMEOUT = 0.5
SLOW_SECONDS = 3.0

ActionKind = Literal["reply", "drop_headers", "drop_body", "slow"]
Row = dict[str, Any]


# -- the server ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    """What the server does with one attempt."""

    kind: ActionKind = "reply"
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Arrival:
    time: float
    retry_count: str | None


def _batch_body() -> bytes:
    batch = {
        "id": BATCH_ID,
        "type": "message_batch",
        "processing_status": "ended",
        "request_counts": {
            "processing": 0,
            "succeeded": 1,
            "errored": 0,
            "canceled": 0,
            "expired": 0,
        },
        "created_at": "2025-10-02T09:14:07.281926Z",
        "expires_at": "2025-10-03T09:14:07.281926Z",
        "ended_at": "2025-10-02T09:31:52.774113Z",
        "archived_at": None,
        "cancel_initiated_at": None,
        "results_url": None,
    }
    return json.dumps(batch).encode()


def _error_body(status: int) -> bytes:
    error = {"type": "error", "error": {"type": "api_error", "message": f"injected {status}"}}
    return json.dumps(error).encode()


BATCH_BODY = _batch_body()


class FaultServer:
    """Answers each attempt with the next action of the current script, recording arrivals."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._script: tuple[Action, ...] = (Action(),)
        self._arrivals: list[Arrival] = []
        self.stopping = threading.Event()
        self._httpd = _HTTPServer(self)
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def load(self, script: tuple[Action, ...]) -> None:
        with self._lock:
            self._script = script
            self._arrivals = []

    def arrivals(self) -> list[Arrival]:
        with self._lock:
            return list(self._arrivals)

    def take(self, arrival: Arrival) -> Action:
        with self._lock:
            index = min(len(self._arrivals), len(self._script) - 1)
            self._arrivals.append(arrival)
            return self._script[index]

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, bench: FaultServer) -> None:
        self.bench = bench
        super().__init__(("127.0.0.1", 0), _Handler)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        arrival = Arrival(time.monotonic(), self.headers.get(RETRY_COUNT_HEADER))
        bench = cast(_HTTPServer, self.server).bench
        action = bench.take(arrival)
        try:
            if action.kind == "drop_headers":
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: applic")
                self.close_connection = True
            elif action.kind == "drop_body":
                head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                head += f"Content-Length: {len(BATCH_BODY)}\r\n\r\n"
                self.wfile.write(head.encode() + BATCH_BODY[: len(BATCH_BODY) // 2])
                self.close_connection = True
            else:
                if action.kind == "slow":
                    self.close_connection = True
                    if bench.stopping.wait(SLOW_SECONDS):
                        return
                self._reply(action)
            self.wfile.flush()
        except OSError:  # the client gave up (timeout) and closed its end
            self.close_connection = True

    def _reply(self, action: Action) -> None:
        body = BATCH_BODY if action.status < 300 else _error_body(action.status)
        self.send_response(action.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in action.headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


# -- the cases ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gap:
    """The expected wait before one retry, as a closed interval before tolerance."""

    label: str
    low: float
    high: float


def backoff(retries_taken: int, offset: float = 0.0, what: str = "") -> Gap:
    delay = min(INITIAL_DELAY * 2.0**retries_taken, MAX_DELAY)
    label = f"{what}backoff({retries_taken})={delay:g}s"
    return Gap(label, offset + delay * (1 - JITTER), offset + delay)


def fixed(seconds: float, label: str) -> Gap:
    return Gap(label, seconds, seconds)


@dataclass(frozen=True)
class Case:
    name: str
    script: tuple[Action, ...]
    max_retries: int
    attempts: int
    outcome: str
    gaps: tuple[Gap, ...]
    timeout: float | None = None
    last_attempt: float = 0.0
    """The least time the last attempt takes (the timeout, for a slow server)."""


def cases() -> list[Case]:
    err500 = Action(status=500)
    found: list[Case] = [
        Case(
            f"500 always, max_retries={n}",
            (err500,),
            max_retries=n,
            attempts=n + 1,
            outcome="InternalServerError",
            gaps=tuple(backoff(i) for i in range(n)),
        )
        for n in (0, 1, 2, 3)
    ]
    found += [
        Case(
            "429 retry-after: 1, then 200",
            (Action(status=429, headers=(("retry-after", "1"),)), Action()),
            max_retries=2,
            attempts=2,
            outcome="MessageBatch",
            gaps=(fixed(1.0, "retry-after=1s"),),
        ),
        Case(
            "429 retry-after-ms: 250, then 200",
            (Action(status=429, headers=(("retry-after-ms", "250"),)), Action()),
            max_retries=2,
            attempts=2,
            outcome="MessageBatch",
            gaps=(fixed(0.25, "retry-after-ms=250"),),
        ),
        Case(
            "500 x-should-retry: false",
            (Action(status=500, headers=(("x-should-retry", "false"),)),),
            max_retries=2,
            attempts=1,
            outcome="InternalServerError",
            gaps=(),
        ),
        Case(
            "400 x-should-retry: true, then 200",
            (Action(status=400, headers=(("x-should-retry", "true"),)), Action()),
            max_retries=2,
            attempts=2,
            outcome="MessageBatch",
            gaps=(backoff(0),),
        ),
        Case(
            "dropped mid-headers, max_retries=2",
            (Action(kind="drop_headers"),),
            max_retries=2,
            attempts=3,
            outcome="APIConnectionError",
            gaps=(backoff(0), backoff(1)),
        ),
        Case(
            "dropped mid-body, max_retries=2",
            (Action(kind="drop_body"),),
            max_retries=2,
            attempts=3,
            outcome="APIConnectionError",
            gaps=(backoff(0), backoff(1)),
        ),
        Case(
            f"slow {SLOW_SECONDS:g}s, timeout={TIMEOUT:g}, max_retries=2",
            (Action(kind="slow"),),
            max_retries=2,
            attempts=3,
            outcome="APITimeoutError",
            gaps=tuple(backoff(i, TIMEOUT, f"{TIMEOUT:g}s+") for i in range(2)),
            timeout=TIMEOUT,
            last_attempt=TIMEOUT,
        ),
    ]
    return found


# -- running ------------------------------------------------------------------------------------


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
