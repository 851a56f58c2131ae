"""The fault-injecting HTTP server of `bench/retries.py`.

One stdlib ThreadingHTTPServer on 127.0.0.1, in a thread of the benchmark's process, answers each
attempt with the next `Action` of the current case's script (the last one repeating): a reply,
a connection dropped mid-headers or mid-body, or a reply slower than the client's timeout. It
stamps each request when its headers have arrived, with the retry-count header the client sent,
so that the gaps between attempts are measured as the server saw them.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal, cast

from bench.runtime_server import LocalServer, message_batch_body

BATCH_ID = "msgbatch_01RetryBench000000000000"
BATCH_PATH = f"/v1/messages/batches/{BATCH_ID}"
RETRY_COUNT_HEADER = "x-stainless-retry-count"
SLOW_SECONDS = 3.0

ActionKind = Literal["reply", "drop_headers", "drop_body", "slow"]


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


def _error_body(status: int) -> bytes:
    error = {"type": "error", "error": {"type": "api_error", "message": f"injected {status}"}}
    return json.dumps(error).encode()


BATCH_BODY = message_batch_body(BATCH_ID, 1, None)


class FaultServer(LocalServer):
    """Answers each attempt with the next action of the current script, recording arrivals."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._script: tuple[Action, ...] = (Action(),)
        self._arrivals: list[Arrival] = []
        self.stopping = threading.Event()
        super().__init__(_HTTPServer(self))

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

    def stop(self) -> None:
        self.stopping.set()  # (handlers sleeping in a stall wake up and end)
        super().stop()


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
