"""A scripted HTTP server on 127.0.0.1 for the runtime's unit tests: each request gets the next
scripted reply (status, headers, body sent in the given chunks, or a body cut short), and is
recorded, so the tests see what the runtime really sent and how it reads what really arrives."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: object = None
    """JSON-encoded unless bytes; a list of bytes is sent as those chunks, flushed one by one."""
    headers: dict[str, str] = field(default_factory=dict)
    cut_short: bool = False
    """Announce a longer body than is sent, then drop the connection."""
    delay: float = 0.0
    """Seconds to wait after the headers, before the body."""

    def chunks(self) -> list[bytes]:
        if isinstance(self.body, list) and all(isinstance(c, bytes) for c in self.body):
            return list(self.body)
        if isinstance(self.body, bytes):
            return [self.body]
        return [b"" if self.body is None else json.dumps(self.body).encode()]


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class Script:
    """The replies still to send (the last one repeats) and the requests received."""

    def __init__(self, replies: list[Reply]) -> None:
        self.replies = replies
        self.seen: list[Seen] = []
        self.lock = threading.Lock()

    def next(self, seen: Seen) -> Reply:
        with self.lock:
            self.seen.append(seen)
            return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _reply(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        seen = Seen(
            self.command,
            self.path,
            {k.lower(): v for k, v in self.headers.items()},
            self.rfile.read(length),
        )
        reply = self.server.script.next(seen)
        chunks = reply.chunks()
        self.send_response(reply.status)
        headers = {"content-type": "application/json", **reply.headers}
        for name, value in headers.items():
            self.send_header(name, value)
        total = sum(map(len, chunks))
        self.send_header("content-length", str(total + 10 if reply.cut_short else total))
        self.end_headers()
        self.wfile.flush()
        time.sleep(reply.delay)
        try:
            for chunk in chunks:
                self.wfile.write(chunk)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)
        self.close_connection = True

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _reply


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    script: Script


@contextmanager
def serve(*replies: Reply) -> Iterator[tuple[str, Script]]:
    """(base URL, script) of a server answering with `replies` in order."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.script = Script(list(replies))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.script
    finally:
        server.shutdown()
        server.server_close()
