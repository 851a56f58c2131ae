"""The peer suite's stand-in for the official tests' mock server (Prism, on 127.0.0.1:4010).

Every route of the IR (`codegen.parser.parse_spec`) is served with a body synthesised from the
route's response type: JSON for models and pages, server-sent events when the request asks to
stream, JSONL for follow-URL results, bytes for binary downloads. Every request is logged
(method, path, query, headers, parsed body) under the tag last posted to `/__peer/tag`, so the
runner can tell which test or call sent it without touching the request itself.
"""

from __future__ import annotations

import json
import re
import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from codegen.ir import (
    Alias,
    ArrayType,
    Declaration,
    IntersectionType,
    LiteralType,
    Method,
    ObjectType,
    PageClass,
    Primitive,
    RecordType,
    Ref,
    Spec,
    TupleType,
    TypeRef,
    UnionType,
)
from codegen.ir_walk import all_fields

DATETIME = "2024-08-20T18:37:24.100435Z"
TAG_PATH = "/__peer/tag"
BINARY_BODY = b"peer-suite binary body\n"
_MAX_DEPTH = 40  # a safety stop: `seen` already ends every cycle


def _is_null(t: TypeRef) -> bool:
    return isinstance(t, Primitive) and t.name == "null"


DATE = "2024-08-20"


def _looks_datetime(name: str, doc: str) -> str | None:
    """The sample of a timestamp-like string field: RFC 3339 in its doc (what the generator
    reads) or an `*_at` name gives a datetime, a `*_date` name a date; None for plain text."""
    if name.endswith("_date"):
        return DATE
    return DATETIME if "RFC 3339" in " ".join(doc.split()) or name.endswith("_at") else None


class Synth:
    """JSON values of IR types: every required field, optional ones near the top, the first
    non-null member of each union, literals as written; a type met again inside itself stops."""

    def __init__(self, decls: dict[str, Declaration]) -> None:
        self.decls = decls

    def value(
        self, t: TypeRef | None, name: str = "", depth: int = 0, when: str | None = None,
        seen: frozenset[str] = frozenset(),
    ) -> Any:
        if t is None or depth > _MAX_DEPTH:
            return None
        if isinstance(t, Primitive):
            return self._primitive(t, name, when)
        if isinstance(t, LiteralType):
            return t.value
        if isinstance(t, ArrayType):
            return [] if depth >= 4 else [self.value(t.item, name, depth + 1, when, seen)]
        if isinstance(t, TupleType):
            return [self.value(i, name, depth + 1, when, seen) for i in t.items]
        if isinstance(t, RecordType):
            return {"key": self.value(t.value, "value", depth + 1, None, seen)}
        if isinstance(t, UnionType):
            members = [m for m in t.members if not _is_null(m)]
            return self.value(members[0], name, depth, when, seen) if members else None
        if isinstance(t, ObjectType):
            return {
                f.name: self.value(f.type, f.name, depth + 1, _looks_datetime(f.name, f.doc.text),
                                   seen)
                for f in t.fields if not f.optional or depth < 2
            }
        if isinstance(t, IntersectionType):
            out: dict[str, Any] = {}
            for m in t.members:
                part = self.value(m, name, depth, when, seen)
                if isinstance(part, dict):
                    out.update(part)
            return out
        if isinstance(t, Ref):
            return self._ref(t, name, depth, when, seen)
        return {}

    @staticmethod
    def _primitive(t: Primitive, name: str, when: str | None) -> Any:
        if t.name == "string":
            return when or name or "string"
        if t.name in ("number", "integer"):
            return 1
        if t.name == "boolean":
            return True
        if t.name == "object":
            return {}
        return None if t.name == "null" else "unknown"

    def _ref(
        self, t: Ref, name: str, depth: int, when: str | None, seen: frozenset[str]
    ) -> Any:
        decl = self.decls.get(t.target) if t.target else None
        if decl is None or decl.id in seen:
            return {}
        inside = seen | {decl.id}
        if isinstance(decl, Alias):
            return self.value(decl.type, name, depth, when, inside)
        return {
            f.name: self.value(f.type, f.name, depth + 1, _looks_datetime(f.name, f.doc.text),
                               inside)
            for f in all_fields(decl.id, self.decls)
            if not f.optional or depth < 2
        }

    def page(self, page: PageClass, item: TypeRef | None) -> dict[str, Any]:
        """One page holding one item, with every cursor empty so that no next page is asked for."""
        body: dict[str, Any] = {}
        for f in page.fields:
            if f.name == page.item_field:
                body[f.name] = [self.value(item, "", 1)]
            elif f.name == page.has_more_field or (
                isinstance(f.type, Primitive) and f.type.name == "boolean"
            ):
                body[f.name] = False
            else:
                body[f.name] = None
        return body

    def events(self, item: TypeRef | None) -> list[tuple[str, Any]]:
        """(event name, data) for every member of an event union that names its `type`."""
        t = item
        while isinstance(t, Ref) and isinstance(self.decls.get(t.target or ""), Alias):
            decl = self.decls[t.target or ""]
            assert isinstance(decl, Alias)
            t = decl.type
        members = t.members if isinstance(t, UnionType) else [item] if item else []
        out = []
        for m in members:
            data = self.value(m, "", 1)
            kind = data.get("type") if isinstance(data, dict) else None
            if isinstance(kind, str) and kind != "error":
                out.append((kind, data))
        return out


@dataclass
class RouteEntry:
    verb: str
    pattern: re.Pattern[str]
    literal: int
    resource: str
    method: Method


def route_table(spec: Spec) -> list[RouteEntry]:
    """Every method with a path, most literal path first, so `/batches/count` beats `/{id}`."""
    out: list[RouteEntry] = []
    for res in spec.resources:
        for m in res.methods:
            if m.route is None or m.route.path is None:
                continue
            parts = re.split(r"(\{[^}]+\})", m.route.path)
            regex = "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts)
            literal = sum(len(p) for p in parts if not p.startswith("{"))
            out.append(RouteEntry(m.route.verb.upper(), re.compile(f"^{regex}$"), literal,
                                  res.path, m))
    out.sort(key=lambda e: -e.literal)
    return out


def follow_paths(spec: Spec) -> dict[tuple[str, str], tuple[str, Method]]:
    """(resource, `via` method) -> (URL field, follow method): the via's reply points back here."""
    out: dict[tuple[str, str], tuple[str, Method]] = {}
    for res in spec.resources:
        for m in res.methods:
            if m.route is not None and m.route.follow is not None:
                out[(res.path, m.route.follow.via)] = (m.route.follow.url_field, m)
    return out


def _summarise_body(ctype: str, raw: bytes) -> Any:
    if not raw:
        return None
    if "json" in ctype:
        try:
            return json.loads(raw)
        except ValueError:
            return {"<invalid json>": raw[:200].decode("latin-1")}
    if "multipart/form-data" in ctype:
        text = raw.decode("latin-1")
        parts = []
        for head in re.findall(r"Content-Disposition:[^\r\n]*(?:\r?\n[^\r\n]+)*", text,
                               re.IGNORECASE):
            name = re.search(r'name="([^"]*)"', head)
            filename = re.search(r'filename="([^"]*)"', head)
            part_type = re.search(r"Content-Type: *([^\r\n]+)", head, re.IGNORECASE)
            parts.append((name.group(1) if name else "?")
                         + (f" filename={filename.group(1)!r}" if filename else "")
                         + (f" type={part_type.group(1)}" if part_type else ""))
        return {"<multipart>": sorted(parts)}
    return {"<raw>": raw[:200].decode("latin-1")}


class _QuietServer(ThreadingHTTPServer):
    """A client that closes its connection early (a stream test's `response.close()`) is normal."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class PeerMock:
    """A threaded HTTP server on 127.0.0.1 that answers every IR route and logs each request."""

    def __init__(self, spec: Spec, port: int = 4010) -> None:
        self.spec = spec
        self.synth = Synth(spec.declarations)
        self.routes = route_table(spec)
        self.follows = follow_paths(spec)
        self.pages = {p.name: p for p in spec.pages}
        self.tag = ""
        self.log: list[dict[str, Any]] = []
        self.unmatched = 0
        self._lock = threading.Lock()
        self.server = _QuietServer(("127.0.0.1", port), self._handler())
        self.port = self.server.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"

    def start(self) -> PeerMock:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def take(self, prefix: str) -> list[dict[str, Any]]:
        """The logged requests whose tag starts with `prefix` (a run label)."""
        with self._lock:
            return [r for r in self.log if r["tag"].startswith(prefix)]

    def reply(
        self, verb: str, path: str, query: list[tuple[str, str]], body: Any
    ) -> tuple[int, str, bytes]:
        for follow_base, (_field, method) in self._follow_routes():
            if verb == "GET" and re.fullmatch(follow_base, path):
                lines = [json.dumps(self.synth.value(method.response.type, "", 1))]
                return 200, "application/x-jsonl", ("\n".join(lines) + "\n").encode()
        hits = [e for e in self.routes if e.verb == verb and e.pattern.match(path)]
        if hits:
            # a beta and a GA resource may share a route: `?beta=true` (sent by beta methods)
            # picks the beta one, its absence the other
            beta = ("beta", "true") in query
            best = [e for e in hits if e.literal == hits[0].literal]
            pick = next((e for e in best if e.resource.startswith("beta.") == beta), best[0])
            return self._answer(pick, path, body)
        self.unmatched += 1
        return 404, "application/json", json.dumps(
            {"type": "error", "error": {"type": "not_found_error", "message": path}}).encode()

    def _follow_routes(self) -> list[tuple[str, tuple[str, Method]]]:
        out = []
        for e in self.routes:
            hit = self.follows.get((e.resource, e.method.name))
            if hit is not None:
                out.append((e.pattern.pattern[1:-1] + "/" + hit[1].name, hit))
        return out

    def _answer(self, e: RouteEntry, path: str, body: Any) -> tuple[int, str, bytes]:
        resp = e.method.response
        wants_stream = isinstance(body, dict) and body.get("stream") is True
        if resp.stream_item is not None and (wants_stream or resp.kind == "sse"):
            chunks = [f"event: {k}\ndata: {json.dumps(d)}\n\n" for k, d in
                      self.synth.events(resp.stream_item or resp.type)]
            return 200, "text/event-stream", "".join(chunks).encode()
        if resp.kind == "sse":
            chunks = [f"event: {k}\ndata: {json.dumps(d)}\n\n" for k, d in
                      self.synth.events(resp.type)]
            return 200, "text/event-stream", "".join(chunks).encode()
        if resp.kind == "binary":
            return 200, "application/octet-stream", BINARY_BODY
        if resp.kind == "page" and resp.page in self.pages:
            data = self.synth.page(self.pages[resp.page], resp.type)
            return 200, "application/json", json.dumps(data).encode()
        if resp.kind == "jsonl":
            line = json.dumps(self.synth.value(resp.type, "", 1))
            return 200, "application/x-jsonl", (line + "\n").encode()
        if resp.type is None or resp.kind == "void":
            return 204, "application/json", b""
        data = self.synth.value(resp.type, "", 0)
        hit = self.follows.get((e.resource, e.method.name))
        if hit is not None and isinstance(data, dict):
            data[hit[0]] = f"{self.base_url}{path}/{hit[1].name}"
        return 200, "application/json", json.dumps(data).encode()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        mock = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length) if length else b""
                url = urlsplit(self.path)
                if url.path == TAG_PATH:
                    mock.tag = raw.decode()
                    self._send(204, "text/plain", b"")
                    return
                headers = {k.lower(): v for k, v in self.headers.items()}
                body = _summarise_body(headers.get("content-type", ""), raw)
                with mock._lock:
                    mock.log.append({
                        "tag": mock.tag, "method": self.command, "path": url.path,
                        "query": sorted(parse_qsl(url.query, keep_blank_values=True)),
                        "headers": headers, "body": body,
                    })
                query = parse_qsl(url.query, keep_blank_values=True)
                status, ctype, out = mock.reply(self.command, url.path, query, body)
                self._send(status, ctype, out)

            def _send(self, status: int, ctype: str, out: bytes) -> None:
                self.send_response(status)
                self.send_header("content-type", ctype)
                self.send_header("content-length", str(len(out)))
                self.send_header("request-id", "req_peer")
                if self.headers.get("connection", "").lower() == "close":
                    self.close_connection = True
                self.end_headers()
                if out:
                    self.wfile.write(out)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

        return Handler
