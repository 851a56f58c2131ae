"""Tests for codegen.parser.js: the facts read from the SDK's compiled JavaScript."""

from __future__ import annotations

import tarfile
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codegen.parser.js import (
    JsClass,
    JsErrorStatus,
    JsMethod,
    JsModule,
    JsPageRule,
    JsPageStep,
    JsRequest,
    read_js,
)

SPEC = Path(__file__).resolve().parent.parent / "spec"
UPSTREAM = Path("/work/shared/upstream")
UNPACKED = Path("/tmp/up")


@cache
def spec(rel: str) -> JsModule:
    return read_js((SPEC / rel).read_bytes(), rel)


@cache
def upstream_source(version: str, rel: str) -> bytes | None:
    """A file of a released SDK: unpacked under /tmp/up, else straight from the vendored tgz."""
    unpacked = UNPACKED / version / "package" / rel
    if unpacked.is_file():
        return unpacked.read_bytes()
    tgz = UPSTREAM / f"anthropic-ai-sdk-{version}.tgz"
    if not tgz.is_file():
        return None
    with tarfile.open(tgz) as tar:
        member = tar.extractfile(f"package/{rel}")
        return member.read() if member is not None else None


def one_class(module: JsModule, name: str) -> JsClass:
    matches = [c for c in module.classes if c.name == name]
    assert len(matches) == 1, [c.name for c in module.classes]
    return matches[0]


def method(cls: JsClass, name: str) -> JsMethod:
    matches = [m for m in cls.methods if m.name == name]
    assert len(matches) == 1, [m.name for m in cls.methods]
    return matches[0]


def only_request(m: JsMethod) -> JsRequest:
    assert len(m.requests) == 1, m.requests
    return m.requests[0]


def snippet(body: str, cls: str = "R") -> JsClass:
    """Wrap method source in a resource class, the way Stainless compiles one."""
    src = f"class {cls} extends resource_1.APIResource {{\n{body}\n}}\nexports.{cls} = {cls};\n"
    return one_class(read_js(src.encode(), "snippet.js"), cls)


# --- 0.64.0: resources/messages/batches.js ----------------------------------------------------


@pytest.fixture(scope="module")
def batches() -> JsClass:
    return one_class(spec("resources/messages/batches.js"), "Batches")


def test_batches_class(batches: JsClass) -> None:
    assert batches.base == "APIResource"
    assert [m.name for m in batches.methods] == [
        "create",
        "retrieve",
        "list",
        "delete",
        "cancel",
        "results",
    ]
    assert batches.attached == ()
    assert batches.pos.line == 11 and batches.pos.col == 1


def test_batches_create(batches: JsClass) -> None:
    m = method(batches, "create")
    assert m.params == ("body", "options")
    r = only_request(m)
    assert (r.verb, r.path, r.path_expr, r.page_class) == (
        "post",
        "/v1/messages/batches",
        None,
        None,
    )
    assert r.option_keys == ("body",)
    assert r.body_from == "body" and r.query_from is None
    assert r.headers == () and r.static_headers == () and r.span_route is None
    assert r.pos.line == 41


@pytest.mark.parametrize(
    ("name", "verb", "path"),
    [
        ("retrieve", "get", "/v1/messages/batches/{messageBatchID}"),
        ("delete", "delete", "/v1/messages/batches/{messageBatchID}"),
        ("cancel", "post", "/v1/messages/batches/{messageBatchID}/cancel"),
    ],
)
def test_batches_by_id(batches: JsClass, name: str, verb: str, path: str) -> None:
    m = method(batches, name)
    assert m.params == ("messageBatchID", "options")
    r = only_request(m)
    assert (r.verb, r.path, r.path_expr) == (verb, path, None)
    assert r.option_keys == () and r.body_from is None and r.query_from is None


def test_batches_list(batches: JsClass) -> None:
    m = method(batches, "list")
    assert m.params == ("query", "options")  # `query = {}`: default stripped
    r = only_request(m)
    assert (r.verb, r.path, r.page_class) == ("get", "/v1/messages/batches", "Page")
    assert r.option_keys == ("query",) and r.query_from == "query" and r.body_from is None


def test_batches_results(batches: JsClass) -> None:
    m = method(batches, "results")
    assert m.self_calls == (("retrieve", "batch"),)
    assert m.guards == ("batch.results_url",)
    r = only_request(m)
    assert (r.verb, r.path, r.path_expr) == ("get", None, "batch.results_url")
    assert r.option_keys == ("headers", "stream", "__binaryResponse")
    assert r.headers == (("Accept", None),)
    assert r.static_headers == (("Accept", "application/binary"),)


# --- 0.64.0: messages.js, pagination.js, error.js, client.js -----------------------------------


def test_messages_attaches_batches() -> None:
    messages = one_class(spec("resources/messages/messages.js"), "Messages")
    assert messages.attached == (("batches", "Batches"),)
    create = only_request(method(messages, "create"))
    assert (create.verb, create.path, create.body_from) == ("post", "/v1/messages", "body")
    assert create.option_keys == ("body", "timeout", "stream")
    assert method(messages, "stream").requests == ()


def test_page_rule() -> None:
    module = spec("core/pagination.js")
    assert tuple(replace(r, line=0, col=0) for r in module.page_rules) == (
        JsPageRule(
            cls="Page",
            item_field="data",
            has_more_field="has_more",
            cursors=(
                JsPageStep("before_id", "before_id", "field", "first_id"),
                JsPageStep(None, "after_id", "field", "last_id"),
            ),
        ),
    )
    assert [c.name for c in module.classes] == ["AbstractPage", "PagePromise", "Page"]


def test_error_statuses() -> None:
    statuses = spec("core/error.js").error_statuses
    assert statuses == (
        JsErrorStatus("BadRequestError", 400, "exact"),
        JsErrorStatus("AuthenticationError", 401, "exact"),
        JsErrorStatus("PermissionDeniedError", 403, "exact"),
        JsErrorStatus("NotFoundError", 404, "exact"),
        JsErrorStatus("ConflictError", 409, "exact"),
        JsErrorStatus("UnprocessableEntityError", 422, "exact"),
        JsErrorStatus("RateLimitError", 429, "exact"),
        JsErrorStatus("InternalServerError", 500, "at_least"),
    )
    assert spec("core/error.js").client is None


def test_client_defaults() -> None:
    module = spec("client.js")
    client = module.client
    assert client is not None
    assert client.class_names == ("BaseAnthropic", "Anthropic")
    assert client.base_url == "https://api.anthropic.com"
    assert client.env == (
        ("baseURL", "ANTHROPIC_BASE_URL"),
        ("apiKey", "ANTHROPIC_API_KEY"),
        ("authToken", "ANTHROPIC_AUTH_TOKEN"),
        ("logLevel", "ANTHROPIC_LOG"),
    )
    assert client.auth_header == "X-Api-Key"
    assert ("anthropic-version", "2023-06-01") in client.static_headers
    assert dict(client.static_headers)["Accept"] == "application/json"
    assert "User-Agent" not in dict(client.static_headers)  # computed, not a literal
    assert client.computed_headers == ("platform", "user-agent")
    assert client.max_retries == 2
    assert client.timeout_ms == 600000
    anthropic = one_class(module, "Anthropic")
    assert anthropic.base == "BaseAnthropic"
    assert ("messages", "Messages") in anthropic.attached


CLIENT_JS = """
class Tiny {
    constructor({ baseURL = 'https://x.test', ...opts } = {}) { this.baseURL = baseURL; }
    async buildHeaders({ options, retryCount }) {
        return buildHeaders([{ Accept: 'application/json', %s }, options.headers]);
    }
}
"""


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("", ()),
        ("'User-Agent': this.getUserAgent()", ("user-agent",)),
        ("...(0, detect_platform_1.getPlatformHeaders)()", ("platform",)),
        ("...getPlatformHeaders(), 'user-agent': ua", ("platform", "user-agent")),
        ("...otherHeaders()", ()),
    ],
)
def test_client_computed_headers(extra: str, expected: tuple[str, ...]) -> None:
    client = read_js((CLIENT_JS % extra).encode(), "client.js").client
    assert client is not None
    assert client.computed_headers == expected


def test_resource_files_are_not_clients() -> None:
    assert spec("resources/messages/batches.js").client is None
    assert spec("resources/messages/batches.js").page_rules == ()


# --- 1.0.0: destructured header params and spans ----------------------------------------------


@pytest.fixture(scope="module")
def batches_1_0() -> JsClass:
    source = upstream_source("1.0.0", "resources/messages/batches.js")
    if source is None:
        pytest.skip("@anthropic-ai/sdk 1.0.0 not available")
    return one_class(read_js(source, "batches.js"), "Batches")


def test_1_0_header_destructuring(batches_1_0: JsClass) -> None:
    retrieve = method(batches_1_0, "retrieve")
    assert retrieve.params == ("messageBatchID", "params", "options")
    assert retrieve.destructures == (("params", ("workspace_id",), None),)
    r = only_request(retrieve)
    assert r.path == "/v1/messages/batches/{messageBatchID}"
    assert r.headers == (("anthropic-workspace-id", "workspace_id"),)
    assert r.static_headers == ()
    assert r.span_route == "/v1/messages/batches/{message_batch_id}"
    assert r.option_keys == ("headers", "__span")

    create = method(batches_1_0, "create")
    assert create.destructures == (("params", ("user_profile_id", "workspace_id"), "body"),)
    c = only_request(create)
    assert c.body_from == "body" and c.span_route == "/v1/messages/batches"
    assert c.headers == (
        ("anthropic-user-profile-id", "user_profile_id"),
        ("anthropic-workspace-id", "workspace_id"),
    )

    listed = method(batches_1_0, "list")
    assert listed.destructures == (("params", ("workspace_id",), "query"),)
    assert only_request(listed).query_from == "query"

    results = method(batches_1_0, "results")
    assert results.self_calls == (("retrieve", "batch"),)
    assert results.guards == ("batch.results_url",)
    rr = only_request(results)
    assert rr.headers == (("Accept", None), ("anthropic-workspace-id", "workspace_id"))
    assert rr.static_headers == (("Accept", "application/binary"),)
    assert rr.span_route == "/v1/messages/batches/{message_batch_id}/results"


def test_1_0_client_in_iife() -> None:
    source = upstream_source("1.0.0", "client.js")
    if source is None:
        pytest.skip("@anthropic-ai/sdk 1.0.0 not available")
    client = read_js(source, "client.js").client
    assert client is not None
    assert client.class_names == ("BaseAnthropic", "Anthropic")
    assert ("apiKey", "ANTHROPIC_API_KEY") in client.env  # read inside a ternary in an object
    assert ("logLevel", "ANTHROPIC_LOG") in client.env
    assert client.max_retries == 2  # inside validatePositiveInteger(...)
    assert client.timeout_ms == 600000
    assert client.auth_header is not None


# --- Newer shapes (as in 1.14.0), inline ------------------------------------------------------

NEWER_PAGINATION = """
var AbstractPage = /* @__PURE__ */ (() => {
    class AbstractPage { hasNextPage() { return this.nextPageRequestOptions() != null; } }
    return AbstractPage;
})();
class PageCursor extends AbstractPage {
    getPaginatedItems() { return this.data ?? []; }
    hasNextPage() { return this.nextPageRequestOptions() != null; }
    nextPageRequestOptions() {
        const cursor = this.next_page;
        if (!cursor) { return null; }
        return {
            ...this.options,
            query: { ...(0, values_1.maybeObj)(this.options.query), page: cursor },
        };
    }
}
class TokenPage extends AbstractPage {
    getPaginatedItems() { return this.data ?? []; }
    hasNextPage() { if (this.has_more === false) { return false; } return super.hasNextPage(); }
    nextPageRequestOptions() {
        const cursor = this.next_page;
        if (!cursor) { return null; }
        return { ...this.options, query: { ...this.options.query, page_token: cursor } };
    }
}
"""


def test_newer_page_classes() -> None:
    rules = read_js(NEWER_PAGINATION.encode(), "pagination.js").page_rules
    assert tuple(replace(r, line=0, col=0) for r in rules) == (
        JsPageRule("PageCursor", "data", None, (JsPageStep(None, "page", "field", "next_page"),)),
        JsPageRule(
            "TokenPage", "data", "has_more", (JsPageStep(None, "page_token", "field", "next_page"),)
        ),
    )


def test_status_map_errors() -> None:
    src = """
    var APIError = (() => { class APIError extends AnthropicError {
        static generate(status, errorResponse, message, headers) {
            if (!status || !headers) { return new APIConnectionError({ message }); }
            const errorClass = STATUS_ERROR_CLASSES.get(status);
            if (errorClass) { return new errorClass(status, error, message, headers); }
            if (status >= 500) { return new InternalServerError(status, error, message, headers); }
            return new APIError(status, error, message, headers);
        }
    } return APIError; })();
    const STATUS_ERROR_CLASSES = /* @__PURE__ */ new Map([
        [400, BadRequestError],
        [529, OverloadedError],
    ]);
    """
    assert read_js(src.encode(), "error.js").error_statuses == (
        JsErrorStatus("BadRequestError", 400, "exact"),
        JsErrorStatus("OverloadedError", 529, "exact"),
        JsErrorStatus("InternalServerError", 500, "at_least"),
    )


def test_beta_header_multipart_and_inline_query() -> None:
    cls = snippet("""
    upload(params, options) {
        const { betas, ...body } = params;
        return this._client.post('/v1/files', (0, uploads_1.multipartFormRequestOptions)({
            body,
            ...options,
            headers: (0, headers_1.buildHeaders)([
                { 'anthropic-beta': [...(betas ?? []), 'files-api-2025-04-14'].toString() },
                options?.headers,
            ]),
        }, this._client));
    }
    update(memoryID, params, options) {
        const { view, betas, ...body } = params;
        return this._client.post((0, path_1.path) `/v1/memories/${memoryID}`, {
            query: { view },
            body,
            ...options,
            headers: (0, headers_1.buildHeaders)([
                {
                    ...(betas?.toString() != null ?
                        { 'anthropic-beta': betas?.toString() }
                        : undefined),
                },
                options?.headers,
            ]),
        });
    }
    poll(params = {}, options) {
        const { 'Anthropic-Worker-ID': anthropicWorkerID, ...query } = params ?? {};
        return this._client.getAPIList('/v1/work', (pagination_1.PageCursor), {
            query,
            ...options,
            headers: {
                ...(anthropicWorkerID != null ?
                    { 'Anthropic-Worker-ID': anthropicWorkerID }
                    : undefined),
            },
        });
    }
    """)
    upload = only_request(method(cls, "upload"))
    assert upload.options_wrapper == "multipartFormRequestOptions"
    assert upload.body_from == "body"
    assert upload.headers == (("anthropic-beta", "betas"),)
    assert upload.static_headers == (("anthropic-beta", "files-api-2025-04-14"),)

    update = only_request(method(cls, "update"))
    assert update.path == "/v1/memories/{memoryID}"
    assert update.query_from is None and update.query_fields == ("view",)
    assert update.headers == (("anthropic-beta", "betas"),) and update.static_headers == ()

    poll = method(cls, "poll")
    assert poll.destructures == (("params", ("Anthropic-Worker-ID",), "query"),)
    assert only_request(poll).headers == (("Anthropic-Worker-ID", "Anthropic-Worker-ID"),)
    assert only_request(poll).page_class == "PageCursor"


def test_options_built_in_locals() -> None:
    """Options assembled in local constants (as `Messages.create` does) are followed."""
    cls = snippet("""
    async create(params, options) {
        const { workspace_id, ...body } = params;
        const headers = (0, headers_1.buildHeaders)([
            { ...(workspace_id != null ? { 'anthropic-workspace-id': workspace_id } : undefined) },
        ]);
        const call = this._client._tracer &&
            (0, tracing_1.startApiCallSpan)(this._client, 'x', options, { route: '/v1/things' });
        const request = { body, timeout: 600000, ...options, headers };
        return this._client.put(`/v1/things/${params.id}`, { ...request, __span: call });
    }
    """)
    r = only_request(method(cls, "create"))
    assert r.verb == "put" and r.path == "/v1/things/{params.id}"
    assert r.option_keys == ("body", "timeout", "headers", "__span")
    assert r.headers == (("anthropic-workspace-id", "workspace_id"),)
    assert r.span_route == "/v1/things"


def test_class_fields_and_static_timeout() -> None:
    src = """
    class Client extends Base {
        static DEFAULT_TIMEOUT = 10 * 60 * 1000;
        batches = new API.Batches(this);
        constructor({ baseURL = process.env['X_BASE_URL'], maxRetries = 5 } = {}) {
            super();
            this.baseURL = baseURL ?? 'https://example.test';
        }
    }
    """
    module = read_js(src.encode(), "client.js")
    assert one_class(module, "Client").attached == (("batches", "Batches"),)
    client = module.client
    assert client is not None
    assert client.timeout_ms == 600000
    assert client.max_retries == 5
    assert client.base_url == "https://example.test"
    assert client.env == (("baseURL", "X_BASE_URL"),)


# --- Robustness -------------------------------------------------------------------------------

EMPTY = JsModule(classes=(), page_rules=(), error_statuses=(), client=None)


@pytest.mark.parametrize(
    "source",
    [
        b"",
        b"\xff\xfe\x00class \x00 {",
        b"(" * 20000,
        b"class A { m() { return this._client.get(); } }",
        b"class A { m() { return this._client.getAPIList(); } }",
        b"class { } class B extends (mixin(C)) { get x() { return 1; } }",
        b"class A { m() { if (!" + b"a." * 5000 + b"b) throw 1; } }",
    ],
)
def test_odd_input_never_raises(source: bytes) -> None:
    module = read_js(source, "odd.js")
    assert isinstance(module, JsModule)


def test_unknown_shapes_are_not_reported() -> None:
    cls = snippet("m(x) { return this._client.post(makePath(x), buildOptions(x)); }")
    r = only_request(method(cls, "m"))
    assert r.path is None and r.path_expr == "makePath(x)"
    assert r.option_keys == () and r.headers == () and r.options_wrapper == "buildOptions"
    assert read_js(b"const x = 1;", "x.js") == EMPTY


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    assert isinstance(read_js(data, "fuzz.js"), JsModule)


@cache
def _batches_source() -> bytes:
    return (SPEC / "resources/messages/batches.js").read_bytes()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_truncated_or_spliced_real_file_never_raises(data: st.DataObject) -> None:
    source = _batches_source()
    start = data.draw(st.integers(0, len(source)))
    end = data.draw(st.integers(start, len(source)))
    junk = data.draw(st.binary(max_size=8))
    module = read_js(source[:start] + junk + source[end:], "batches.js")
    for cls in module.classes:
        for m in cls.methods:
            for r in m.requests:
                assert r.verb in ("get", "post", "put", "patch", "delete")


_IDENT = st.from_regex(r"[a-z][A-Za-z0-9_]{0,8}", fullmatch=True).filter(
    lambda s: s not in {"in", "if", "do", "of", "for", "new", "var", "let", "try"}
)
_SEGMENT = st.from_regex(r"[a-z0-9_.-]{1,10}", fullmatch=True)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(_SEGMENT.map(lambda s: ("lit", s)), _IDENT.map(lambda s: ("var", s))),
        min_size=1,
        max_size=6,
    ),
    st.booleans(),
)
def test_path_template_placeholders(parts: list[tuple[str, str]], tagged: bool) -> None:
    """Any `/a/${x}/b` template comes back as `/a/{x}/b`, tagged with `path` or not."""
    template = "".join("/" + (f"${{{v}}}" if kind == "var" else v) for kind, v in parts)
    expected = "".join("/" + (f"{{{v}}}" if kind == "var" else v) for kind, v in parts)
    tag = "(0, path_1.path) " if tagged else ""
    cls = snippet(f"m(options) {{ return this._client.delete({tag}`{template}`, options); }}")
    r = only_request(method(cls, "m"))
    assert (r.verb, r.path, r.path_expr) == ("delete", expected, None)


_HEADER_NAME = st.from_regex(r"[A-Za-z][A-Za-z0-9-]{0,15}", fullmatch=True)
_HEADER_VALUE = st.from_regex(r"[A-Za-z0-9/.,;= -]{0,20}", fullmatch=True)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            _HEADER_NAME,
            st.one_of(
                _HEADER_VALUE.map(lambda v: ("static", v)), _IDENT.map(lambda v: ("param", v))
            ),
        ),
        max_size=6,
        unique_by=lambda h: h[0],
    )
)
def test_header_objects(headers: list[tuple[str, tuple[str, str]]]) -> None:
    """Literal headers and `...(x != null ? { h: x } : undefined)` ones, in source order."""
    entries = []
    for name, (kind, value) in headers:
        if kind == "static":
            entries.append(f"'{name}': '{value}'")
        else:
            entries.append(f"...({value} != null ? {{ '{name}': {value} }} : undefined)")
    obj = "{ " + ", ".join(entries) + " }"
    cls = snippet(
        "m(options) { return this._client.get('/x', "
        f"{{ ...options, headers: (0, headers_1.buildHeaders)([{obj}, options?.headers]) }}); }}"
    )
    r = only_request(method(cls, "m"))
    assert r.headers == tuple(
        (name, None if kind == "static" else value) for name, (kind, value) in headers
    )
    assert r.static_headers == tuple(
        (name, value) for name, (kind, value) in headers if kind == "static"
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(100, 599), st.from_regex(r"[A-Z][A-Za-z]{0,12}Error", fullmatch=True)
        ),
        max_size=8,
        unique_by=lambda e: e[0],
    ),
    st.integers(400, 599),
)
def test_generate_statuses(exact: list[tuple[int, str]], floor: int) -> None:
    """Each `if (status === N) return new X(...)` is an exact rule, in order; `>=` a floor."""
    ifs = "".join(
        f"if (status === {code}) {{ return new {cls}(status); }}\n" for code, cls in exact
    )
    src = (
        "class APIError extends Base { static generate(status, e, m, h) {\n"
        f"{ifs}if (status >= {floor}) {{ return new ServerError(status); }}\n"
        "return new APIError(status); } }"
    )
    statuses = read_js(src.encode(), "error.js").error_statuses
    expected = [JsErrorStatus(cls, code, "exact") for code, cls in exact]
    expected.append(JsErrorStatus("ServerError", floor, "at_least"))
    assert list(statuses) == expected
