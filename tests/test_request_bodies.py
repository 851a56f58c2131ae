"""Request bodies of every kind the `.js` builds (`RequestShape.body_kind`): a param's bytes or
text as the whole body under the method's Content-Type (cloudflare's `r2.buckets.objects.upload`,
`vectorize.indexes.insert`), a form always (`multipartFormRequestOptions`) or only when a file
is given (`maybeMultipartFormRequestOptions`), an urlencoded object, a whole JSON body sent even
when empty, and none. Read from the `.js`, emitted from the IR, sent by the runtime, and checked
over real HTTP, sync and async, by the generated tests and by a scenario written here."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, run_generated_tests

from codegen.cache import Caches
from codegen.config import load_config
from codegen.parser import RouteConfig, parse_spec
from codegen.pipeline import generate

# each method: (.d.ts declaration, params interface, .js definition)
METHODS = {
    "uploadRaw": (
        "uploadRaw(objectKey: string, body: string | ArrayBuffer | ArrayBufferView | Blob | "
        "DataView, params: BatchUploadRawParams, options?: RequestOptions): APIPromise<MessageBatch>;",
        "export interface BatchUploadRawParams {\n    bucket: string;\n}\n",
        """uploadRaw(objectKey, body, params, options) {
        const { bucket } = params;
        return this._client.put(path_1.path `/v1/buckets/${bucket}/objects/${objectKey}`, {
            body: body,
            ...options,
            headers: (0, headers_1.buildHeaders)([{ 'Content-Type': 'application/octet-stream' }, options?.headers]),
        });
    }""",
    ),
    "insert": (
        "insert(params: BatchInsertParams, options?: RequestOptions): APIPromise<MessageBatch>;",
        "export interface BatchInsertParams {\n    body: Uploadable;\n    mode?: string;\n}\n",
        """insert(params, options) {
        const { body, mode } = params;
        return this._client.post('/v1/vectors/insert', {
            query: { mode },
            body: body,
            ...options,
            headers: (0, headers_1.buildHeaders)([{ 'Content-Type': 'application/x-ndjson' }, options?.headers]),
        });
    }""",
    ),
    "form": (
        "form(params: BatchFormParams, options?: RequestOptions): APIPromise<MessageBatch>;",
        "export interface BatchFormParams {\n    name: string;\n    level?: number;\n}\n",
        """form(params, options) {
        const { ...body } = params;
        return this._client.put('/v1/values', (0, uploads_1.multipartFormRequestOptions)({
            body, ...options }, this._client));
    }""",
    ),
    "maybeForm": (
        "maybeForm(params: BatchMaybeFormParams, options?: RequestOptions): APIPromise<MessageBatch>;",
        "export interface BatchMaybeFormParams {\n    note: string;\n    files?: Array<Uploadable>;\n}\n",
        """maybeForm(params, options) {
        const { ...body } = params;
        return this._client.put('/v1/scripts', (0, uploads_1.maybeMultipartFormRequestOptions)({
            body,
            ...options,
            headers: (0, headers_1.buildHeaders)([{ 'Content-Type': 'application/javascript' }, options?.headers]),
        }, this._client));
    }""",
    ),
    "encoded": (
        "encoded(params: BatchEncodedParams, options?: RequestOptions): APIPromise<MessageBatch>;",
        "export interface BatchEncodedParams {\n    name: string;\n    tags?: Array<string>;\n}\n",
        """encoded(params, options) {
        const { ...body } = params;
        return this._client.post('/v1/logos', {
            body,
            ...options,
            headers: (0, headers_1.buildHeaders)([
                { 'Content-Type': 'application/x-www-form-urlencoded' }, options?.headers]),
        });
    }""",
    ),
    "bulkEdit": (
        "bulkEdit(params: BatchBulkEditParams, options?: RequestOptions): APIPromise<MessageBatch>;",
        "export interface BatchBulkEditParams {\n    body: { [key: string]: unknown };\n}\n",
        """bulkEdit(params, options) {
        const { body } = params;
        return this._client.patch('/v1/operations', { body: body, ...options });
    }""",
    ),
}
KINDS = {
    "uploadRaw": "content",
    "insert": "content",
    "form": "multipart",
    "maybeForm": "maybe-multipart",
    "encoded": "urlencoded",
    "bulkEdit": "json",
    "list": "none",
}


def bodies_project(root: Path) -> Path:
    """pyproject, templates and spec/ of the repo, with a method of each body kind."""
    project = root / "project"
    project.mkdir()
    shutil.copy(REPO / "pyproject.toml", project)
    shutil.copytree(REPO / "spec", project / "spec")
    shutil.copytree(REPO / "templates", project / "templates")
    dts = project / "spec" / "resources" / "messages" / "batches.d.ts"
    text = dts.read_text().replace(
        'import { APIResource } from "../../core/resource.js";',
        'import { APIResource } from "../../core/resource.js";\n'
        'import { type Uploadable } from "../../core/uploads.js";',
        1,
    )
    method = "    list(query?: BatchListParams"
    text = text.replace(method, "".join(f"    {d}\n" for d, _, _ in METHODS.values()) + method)
    dts.write_text(text + "\n" + "".join(p for _, p, _ in METHODS.values()))
    js = project / "spec" / "resources" / "messages" / "batches.js"
    text = js.read_text().replace(
        'const path_1 = require("../../internal/utils/path.js");',
        'const path_1 = require("../../internal/utils/path.js");\n'
        'const uploads_1 = require("../../internal/uploads.js");',
        1,
    )
    at = "    list(query = {}, options) {"
    js.write_text(text.replace(at, "".join(f"    {j}\n" for _, _, j in METHODS.values()) + at))
    return project


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("bodies")
    project = bodies_project(root)
    config = load_config(project / "pyproject.toml", {"out": project / "out"})
    build = generate(config, Caches(root / "cache"), jobs=1)
    return project / "out", build.warnings


def test_body_kinds_are_read_from_the_js(tmp_path: Path) -> None:
    spec = parse_spec(bodies_project(tmp_path) / "spec", RouteConfig())
    (batches,) = [r for r in spec.resources if r.path == "messages.batches"]
    methods = {m.name: m for m in batches.methods}
    kinds = {name: methods[name].request.body_kind for name in KINDS}  # type: ignore[union-attr]
    assert kinds == KINDS
    raw = methods["uploadRaw"]
    assert raw.request is not None and raw.request.body_param == "body"
    assert raw.request.content_type == "application/octet-stream"
    (body,) = [p for p in raw.params if p.location == "body"]
    assert body.positional and body.required
    # the DOM buffer types are the runtime's, no unresolved refs; the positional body is a
    # param, not an untyped params object
    codes = [(d.code, d.message) for d in spec.diagnostics if d.severity == "warning"]
    assert not [c for c in codes if c[0] in ("unresolved-ref", "untyped-params")], codes
    # a form under the .js's own non-form Content-Type: the form's is sent, with a warning
    (conflict,) = [m for c, m in codes if c == "request-body-conflict"]
    assert "maybeForm" in conflict and "application/javascript" in conflict
    maybe = methods["maybeForm"].request
    assert maybe is not None and maybe.content_type == "application/javascript"
    assert not [h for h in maybe.headers if h.name.lower() == "content-type"]


def test_methods_send_each_kind(generated: tuple[Path, list[str]]) -> None:
    out, warnings = generated
    assert [w for w in warnings if "request-body-conflict" in w], warnings
    resource = (out / "anthropic_batches" / "resources" / "messages" / "batches.py").read_text()
    assert "body: str | FileTypes," in resource  # the raw positional body
    assert 'body_kind="content",' in resource and 'body_kind="multipart",' in resource
    assert 'body_kind="maybe-multipart",' in resource and 'body_kind="urlencoded",' in resource
    tests = (out / "tests" / "test_messages_batches.py").read_text()
    # the oracle: exact bytes for raw and urlencoded bodies, `{}` for an empty whole body
    assert 'raw=b"body",' in tests and 'raw=b"example file content",' in tests
    assert 'raw=b"name=name&tags=tags",' in tests
    result = run_generated_tests(out, "tests/test_messages_batches.py")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    for name in ("upload_raw", "insert", "form", "maybe_form", "encoded", "bulk_edit"):
        assert f"test_{name}_async" in tests
    # a positional raw body after the path id: hostile ids still go in the id's place
    assert "def test_upload_raw_refuses_an_id_that_would_change_the_route(" in tests


SCENARIO = '''
"""Written by tests/test_request_bodies.py: each body kind on the wire, over real HTTP."""
import asyncio
import http.server
import json
import threading

from anthropic_batches import Anthropic, AsyncAnthropic

seen = []


class Handler(http.server.BaseHTTPRequestHandler):
    def _any(self):
        size = int(self.headers.get("content-length") or 0)
        seen.append((self.command, self.path, self.headers.get("content-type"), self.rfile.read(size)))
        body = json.dumps({"id": "b", "type": "message_batch"}).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_PUT = do_PATCH = _any

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{server.server_address[1]}"


def calls(b):
    return [
        lambda: b.upload_raw("k/1", b"\\x00raw\\xff", bucket="bk"),
        lambda: b.upload_raw("k", "text", bucket="bk"),
        lambda: b.insert(body=("v.ndjson", b'{"id": 1}\\n', "application/x-ndjson"), mode="m"),
        lambda: b.form(name="n"),
        lambda: b.maybe_form(note="x"),
        lambda: b.maybe_form(note="x", files=[b"F1"]),
        lambda: b.encoded(name="a b", tags=["t1", "t2"]),
        lambda: b.bulk_edit(body={}),
    ]


def check(log):
    raw, text, ndjson, form, maybe_json, maybe_form, encoded, bulk = log
    assert raw == ("PUT", "/v1/buckets/bk/objects/k%2F1", "application/octet-stream", b"\\x00raw\\xff"), raw
    assert text[2:] == ("application/octet-stream", b"text"), text
    assert ndjson[1:] == ("/v1/vectors/insert?mode=m", "application/x-ndjson", b'{"id": 1}\\n'), ndjson
    assert form[2].startswith("multipart/form-data; boundary="), form
    assert b'name="name"' in form[3] and b"\\r\\n\\r\\nn\\r\\n" in form[3], form
    assert maybe_json[2:] == ("application/json", b'{"note": "x"}'), maybe_json
    assert maybe_form[2].startswith("multipart/form-data; boundary="), maybe_form
    assert b'name="files[]"' in maybe_form[3] and b"F1" in maybe_form[3], maybe_form
    assert encoded[2:] == ("application/x-www-form-urlencoded", b"name=a+b&tags=t1&tags=t2"), encoded
    assert bulk[2:] == ("application/json", b"{}"), bulk


with Anthropic(api_key="k", base_url=url, max_retries=0) as client:
    for call in calls(client.messages.batches):
        call()
check(seen)
sync = list(seen)
seen.clear()


async def main():
    async with AsyncAnthropic(api_key="k", base_url=url, max_retries=0) as client:
        for call in calls(client.messages.batches):
            await call()


asyncio.run(main())
check(seen)
assert [s[:3] for s in seen[:3]] == [s[:3] for s in sync[:3]]
print("ok")
'''


def test_each_kind_on_the_wire(generated: tuple[Path, list[str]], tmp_path: Path) -> None:
    out, _ = generated
    script = tmp_path / "scenario.py"
    script.write_text(SCENARIO)
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(out), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-3000:]


def test_what_cannot_be_modelled_is_a_warning(tmp_path: Path) -> None:
    """Options passed through a function not read, and a file in an urlencoded body."""
    project = bodies_project(tmp_path)
    js = project / "spec" / "resources" / "messages" / "batches.js"
    js.write_text(
        js.read_text().replace("uploads_1.multipartFormRequestOptions", "x_1.wrapOptions")
    )
    dts = project / "spec" / "resources" / "messages" / "batches.d.ts"
    dts.write_text(
        dts.read_text().replace("    tags?: Array<string>;\n", "    logo?: Uploadable;\n")
    )
    spec = parse_spec(project / "spec", RouteConfig())
    (batches,) = [r for r in spec.resources if r.path == "messages.batches"]
    methods = {m.name: m.request for m in batches.methods}
    assert methods["form"] is not None and methods["form"].body_kind == "json"
    assert methods["encoded"] is not None and methods["encoded"].body_kind == "multipart"
    warned = {d.code: d for d in spec.diagnostics if d.code.startswith("request-body")}
    unread = warned["request-body-unread"]
    assert "'wrapOptions()'" in unread.message and unread.loc.file.endswith("batches.js")
    assert unread.loc.line > 0 and unread.loc.col > 0
    (conflict,) = [
        d for d in spec.diagnostics if d.code == "request-body-conflict" and "encoded" in d.message
    ]
    assert "logo" in conflict.message and "multipart/form-data" in conflict.message
