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
import threading
import time
import tracemalloc
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

OURS = "anthropic_batches"
THEIRS = "anthropic"
PACKAGES = (OURS, THEIRS)
API_KEY = "sk-ant-bench-0000"
BATCH_PREFIX = "/v1/messages/batches/"
RETRIEVE_ID = "msgbatch_013Zva2CMHLNnXjNJJKqJ2EF"
WARM_ID = "msgbatch_01WarmUpResults00000000"
RESULTS_ID = "msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d"
WARM_LINES = 500
CHUNK_BYTES = 64 * 1024
MB = 1024 * 1024
MEMORY_LIMIT_MB = 20.0
IMPORT_TARGET = 0.3
CHILD_TIMEOUT = 900.0

Row = dict[str, Any]


class BenchError(Exception):
    """The benchmark cannot run (a package missing, a child failing)."""


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


# -- the server ---------------------------------------------------------------------------------

_TEXT = (
    "Here is a concise summary of the quarterly report. Revenue grew 12% year over year, "
    "driven mainly by the subscription business, while operating costs stayed flat. The "
    "company expects similar growth next quarter, with risks from currency movements and "
    "a slower enterprise sales cycle.\n\nKey figures:\n- Revenue: $4.2M\n- Operating margin: "
    "18%\n- Net new customers: 310"
)


def _line_parts() -> tuple[bytes, bytes, bytes]:
    """One results line as three pieces around its custom_id and message id."""
    line = {
        "custom_id": "\x00CID\x00",
        "result": {
            "type": "succeeded",
            "message": {
                "id": "\x00MID\x00",
                "type": "message",
                "role": "assistant",
                "model": "claude-sonnet-4-5-20250929",
                "content": [{"type": "text", "text": _TEXT, "citations": None}],
                "stop_reason": "end_turn",
                "stop_sequence": None,
                "container": None,
                "stop_details": None,
                "usage": {
                    "input_tokens": 1834,
                    "cache_creation_input_tokens": 0,
                    "cache_read_input_tokens": 1536,
                    "cache_creation": {
                        "ephemeral_5m_input_tokens": 0,
                        "ephemeral_1h_input_tokens": 0,
                    },
                    "output_tokens": 96,
                    "server_tool_use": None,
                    "service_tier": "batch",
                },
            },
        },
    }
    text = json.dumps(line, separators=(",", ":"))
    head, rest = text.split('"\\u0000CID\\u0000"')
    middle, tail = rest.split('"\\u0000MID\\u0000"')
    return head.encode(), middle.encode(), tail.encode() + b"\n"


class BenchServer:
    """Serves batches registered with `add_batch`; everything else is a 404 error body."""

    def __init__(self) -> None:
        self._batches: dict[str, int] = {}
        self._parts = _line_parts()
        self._httpd = _HTTPServer(self)
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def add_batch(self, batch_id: str, lines: int) -> None:
        self._batches[batch_id] = lines

    def lines_of(self, batch_id: str) -> int | None:
        return self._batches.get(batch_id)

    def batch_body(self, batch_id: str, lines: int) -> bytes:
        batch = {
            "id": batch_id,
            "type": "message_batch",
            "processing_status": "ended",
            "request_counts": {
                "processing": 0,
                "succeeded": lines,
                "errored": 0,
                "canceled": 0,
                "expired": 0,
            },
            "created_at": "2025-10-02T09:14:07.281926Z",
            "expires_at": "2025-10-03T09:14:07.281926Z",
            "ended_at": "2025-10-02T09:31:52.774113Z",
            "archived_at": None,
            "cancel_initiated_at": None,
            "results_url": f"{self.url}{BATCH_PREFIX}{batch_id}/results",
        }
        return json.dumps(batch).encode()

    def result_chunks(self, lines: int) -> Any:
        """The JSONL body in chunks of about CHUNK_BYTES, made as they are sent."""
        head, middle, tail = self._parts
        buffer: list[bytes] = []
        size = 0
        for i in range(lines):
            line = b'%s"req-%08d"%s"msg_01Bench%013d"%s' % (head, i, middle, i, tail)
            buffer.append(line)
            size += len(line)
            if size >= CHUNK_BYTES:
                yield b"".join(buffer)
                buffer, size = [], 0
        if buffer:
            yield b"".join(buffer)

    def start(self) -> BenchServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, owner: BenchServer) -> None:
        super().__init__(("127.0.0.1", 0), _make_handler(owner))


def _make_handler(server: BenchServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as the real API
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            path = self.path.split("?", 1)[0]
            batch_id = path.removeprefix(BATCH_PREFIX)
            streamed = batch_id.endswith("/results")
            batch_id = batch_id.removesuffix("/results")
            lines = server.lines_of(batch_id) if path.startswith(BATCH_PREFIX) else None
            try:
                if lines is None or "/" in batch_id:
                    self._send_json(404, _error_body(f"No batch at {path}"))
                elif streamed:
                    self._send_stream(server.result_chunks(lines))
                else:
                    self._send_json(200, server.batch_body(batch_id, lines))
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        def _send_json(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("request-id", "req_011CTbenchmark0000000000")
            self.end_headers()
            self.wfile.write(body)

        def _send_stream(self, chunks: Any) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/binary")
            self.send_header("Transfer-Encoding", "chunked")
            self.send_header("request-id", "req_011CTbenchmark0000000001")
            self.end_headers()
            for chunk in chunks:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")

    return Handler


def _error_body(message: str) -> bytes:
    error = {"type": "error", "error": {"type": "not_found_error", "message": message}}
    return json.dumps(error).encode()


# -- the children -------------------------------------------------------------------------------

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


# -- the parent ---------------------------------------------------------------------------------


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
