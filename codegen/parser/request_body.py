"""How a request's body goes on the wire (`RequestShape.body_kind`), as the `.js` builds it.

The Stainless `.js` runtime decides by the options wrapper (`multipartFormRequestOptions`
always makes a form, `maybeMultipartFormRequestOptions` only when a file is in the body), by
the body's own type (bytes, a blob or a string under a set `Content-Type` go verbatim), and by
the `Content-Type` the method sets (`application/x-www-form-urlencoded` encodes an object as a
form). Everything else is JSON. What this cannot tell statically is a warning.
"""

from __future__ import annotations

from codegen.diagnostics import Diagnostics
from codegen.ir import (
    BINARY_RUNTIME_TYPES,
    BodyKind,
    Location,
    Method,
    Param,
    Primitive,
    RequestShape,
    RuntimeRef,
    TypeRef,
    UnionType,
)
from codegen.ir_walk import non_null_members
from codegen.parser.js import JsRequest

_WRAPPERS: dict[str, BodyKind] = {
    "multipartFormRequestOptions": "multipart",
    "maybeMultipartFormRequestOptions": "maybe-multipart",
}
_FORM = "application/x-www-form-urlencoded"


def _members(t: TypeRef) -> list[TypeRef]:
    return non_null_members(t) if isinstance(t, UnionType) else [t]


def is_raw_body(t: TypeRef) -> bool:
    """A type the `.js` sends verbatim as the whole body: binary runtime types, optionally
    with `string` (`string | ArrayBuffer | Blob`, `Uploadable`)."""
    members = _members(t)
    raw = [m for m in members if isinstance(m, RuntimeRef) and m.name in BINARY_RUNTIME_TYPES]
    text = [m for m in members if isinstance(m, Primitive) and m.name == "string"]
    return bool(raw) and len(raw) + len(text) == len(members)


def _has_file(t: TypeRef) -> bool:
    return any(isinstance(m, RuntimeRef) and m.name in BINARY_RUNTIME_TYPES for m in _members(t))


def read_body_kind(
    request: JsRequest,
    shape: RequestShape,
    method: Method,
    where: str,
    loc: Location,
    diags: Diagnostics,
) -> None:
    """Set `shape.body_kind` / `content_type`; a `Content-Type` the `.js` sets on a form is
    not sent (the form's own, with its boundary, is), with a warning."""
    content_type = next((v for k, v in request.static_headers if k.lower() == "content-type"), None)
    shape.content_type = content_type
    body_param = next((p for p in method.params if p.name == shape.body_param), None)
    body = [p for p in method.params if p.location == "body"]
    kind: BodyKind
    wrapper = request.options_wrapper
    if wrapper in _WRAPPERS:
        kind = _WRAPPERS[wrapper]
    elif wrapper is not None:
        kind = "json"
        diags.warn(
            "request-body-unread",
            f"{where}: the request options go through '{wrapper}()', which is not read; the "
            "body is sent as JSON",
            loc,
        )
    elif body_param is not None and is_raw_body(body_param.type):
        kind = "content"
    elif body_param is not None and _string_under(body_param, content_type):
        kind = "content"  # the `.js` sends a string verbatim when a Content-Type is set
    elif content_type is not None and content_type.lower() == _FORM:
        kind = "urlencoded"
        files = [p.name for p in body if _has_file(p.type)]
        if files:
            kind = "multipart"
            diags.warn(
                "request-body-conflict",
                f"{where}: the .js sends the body as {_FORM}, which cannot carry the file "
                f"param(s) {', '.join(files)} (its encoder drops them); sent as "
                "multipart/form-data",
                loc,
            )
    elif "body" not in request.option_keys and not request.body_fields:
        kind = "none"
    else:
        kind = "json"
    shape.body_kind = kind
    if kind in ("multipart", "maybe-multipart") and content_type is not None:
        told = content_type.lower() == _FORM  # the urlencoded-file warning above says it
        if not told and not content_type.lower().startswith("multipart/form-data"):
            diags.warn(
                "request-body-conflict",
                f"{where}: the .js sets 'Content-Type: {content_type}' on a form body; a form "
                "is sent as multipart/form-data with its boundary, without that header (and a JSON "
                "body as application/json)",
                loc,
            )
        # httpx writes the form's own header, with its boundary
        shape.headers = [h for h in shape.headers if h.name.lower() != "content-type"]


def _string_under(param: Param, content_type: str | None) -> bool:
    members = _members(param.type)
    return (
        content_type is not None
        and bool(members)
        and all(isinstance(m, Primitive) and m.name == "string" for m in members)
    )
