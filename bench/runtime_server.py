"""The local HTTP server of `bench/runtime.py`, one for both packages.

A stdlib ThreadingHTTPServer on 127.0.0.1 in a thread of the benchmark's process: a full
MessageBatch for `GET /v1/messages/batches/{id}`, and its results as JSON Lines made lazily in
chunks, so that a long stream costs the server no memory and both clients read the same bytes.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

BATCH_PREFIX = "/v1/messages/batches/"
CHUNK_BYTES = 64 * 1024

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


def message_batch_body(batch_id: str, succeeded: int, results_url: str | None) -> bytes:
    """An ended MessageBatch as the API sends it (also the retry bench's reply)."""
    batch = {
        "id": batch_id,
        "type": "message_batch",
        "processing_status": "ended",
        "request_counts": {
            "processing": 0,
            "succeeded": succeeded,
            "errored": 0,
            "canceled": 0,
            "expired": 0,
        },
        "created_at": "2025-10-02T09:14:07.281926Z",
        "expires_at": "2025-10-03T09:14:07.281926Z",
        "ended_at": "2025-10-02T09:31:52.774113Z",
        "archived_at": None,
        "cancel_initiated_at": None,
        "results_url": results_url,
    }
    return json.dumps(batch).encode()


class LocalServer:
    """An HTTP server on 127.0.0.1 (a free port), served from a daemon thread while entered;
    the bench servers share this lifecycle and differ in what they answer."""

    def __init__(self, httpd: ThreadingHTTPServer) -> None:
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


class BenchServer(LocalServer):
    """Serves batches registered with `add_batch`; everything else is a 404 error body."""

    def __init__(self) -> None:
        self._batches: dict[str, int] = {}
        self._parts = _line_parts()
        super().__init__(_HTTPServer(self))

    def add_batch(self, batch_id: str, lines: int) -> None:
        self._batches[batch_id] = lines

    def lines_of(self, batch_id: str) -> int | None:
        return self._batches.get(batch_id)

    def batch_body(self, batch_id: str, lines: int) -> bytes:
        return message_batch_body(batch_id, lines, f"{self.url}{BATCH_PREFIX}{batch_id}/results")

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
