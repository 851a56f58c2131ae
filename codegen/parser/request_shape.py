"""What a request is beyond its route: the headers the `.js` sets, a param sent as the whole
body, the response flags, and the request options not modelled (`RequestShape`)."""

from __future__ import annotations

from codegen.diagnostics import Diagnostics
from codegen.ir import HeaderValue, Location, Method, RequestShape, Resource
from codegen.parser.js import JsMethod, JsRequest
from codegen.parser.request_body import read_body_kind

# request options the model covers; `__span`/`__qualifiers` feed tracing and middleware only
_OPTIONS_READ = frozenset(
    {"body", "query", "headers", "stream", "__binaryResponse", "__span", "__qualifiers"}
)


def request_shape(
    diags: Diagnostics, resource: Resource, method: Method, request: JsRequest, js: JsMethod | None
) -> RequestShape:
    """Headers, whole-body param and flags of the request the `.js` sends."""
    loc = Location(method.loc.file.replace(".d.ts", ".js"), request.pos.line, request.pos.col)
    where = f"{resource.name}.{method.name}"
    names = {p.name for p in method.params}
    constants = dict(reversed(request.static_headers))  # the first literal of each name
    shape = RequestShape(
        binary="__binaryResponse" in request.flags,
        stream="stream" in request.flags,
        multipart=request.options_wrapper == "multipartFormRequestOptions",
        unwrap=list(request.unwrap),
    )
    if request.unwrap_unread and method.response.kind == "model":
        diags.warn(
            "unwrap-unread",
            f"{where}: the response is unwrapped by a callback ('_thenUnwrap') that is not "
            "read; the method returns the whole response body cast to its result type",
            loc,
        )
    for header, src in request.headers:
        key = param_key(src, js) if src else None
        if key is not None and key not in names:
            diags.warn(
                "header-source",
                f"{where}: header '{header}' comes from '{src}', which is no param of the "
                "method; only its constant part is sent",
                loc,
            )
            key = None
        if key is None and header not in constants:
            continue
        if not any(h.name == header for h in shape.headers):
            shape.headers.append(HeaderValue(header, key, constants.get(header)))
    for call in request.header_calls:
        diags.warn(
            "header-helper",
            f"{where}: headers also come from '{call}()', which is not read; what it adds "
            "beyond the header params is not sent",
            loc,
        )
    _report_options(request, where, loc, diags)
    kind = method.response.kind
    if shape.binary != (kind == "binary") and not (shape.binary and kind == "jsonl"):
        diags.warn(
            "binary-mismatch",
            f"{where}: the .js {'asks' if shape.binary else 'does not ask'} for a binary "
            f"response but the .d.ts returns {kind}; the .d.ts is followed",
            loc,
        )
    if shape.stream and kind not in ("sse", "jsonl"):
        diags.warn(
            "stream-mismatch",
            f"{where}: the .js streams the response but the .d.ts returns {kind}; the .d.ts "
            "is followed",
            loc,
        )
    if request.body_from and request.body_from in names and js is not None:
        rests = {rest for _, _, rest in js.destructures if rest}
        if request.body_from not in rests:
            shape.body_param = request.body_from
    read_body_kind(request, shape, method, where, loc, diags)
    return shape


def _report_options(request: JsRequest, where: str, loc: Location, diags: Diagnostics) -> None:
    """Request options the model does not cover; a `method` option is the verb when literal."""
    if request.method_unread:
        diags.warn(
            "request-option",
            f"{where}: the request's 'method' option is not a literal verb; the request "
            f"is sent as {request.verb.upper()}",
            loc,
        )
    for key in request.option_keys:
        if key not in _OPTIONS_READ and key != "method":
            diags.info(
                "request-option",
                f"{where}: request option '{key}' is not modelled; the client's own "
                "setting applies",
                loc,
            )


def param_key(src: str, js: JsMethod | None) -> str:
    """A header's source as a params key: `params.betas` (the method's params argument) -> `betas`."""
    head, _, rest = src.partition(".")
    if rest and js is not None and head in js.params:
        return rest
    return src
