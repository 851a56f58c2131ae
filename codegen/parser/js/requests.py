"""A request's verb, route and options (``this._client.<verb>(path, {...})``, or
``getAPIList`` for a page): the HTTP call itself, which only the ``.js`` shows."""

from __future__ import annotations

import re

from tree_sitter import Node

from codegen.parser.grammar_fields import (
    F_BODY,
    F_FUNCTION,
    F_KEY,
    F_NAME,
    F_OBJECT,
    F_PARAMETER,
    F_PARAMETERS,
    F_PATTERN,
    F_PROPERTY,
    F_VALUE,
)
from codegen.parser.js.context import JsContext
from codegen.parser.js.facts import JsRequest
from codegen.parser.js.headers import read_headers_value
from codegen.parser.js.tree import call_args, safe, unparen, walk

VERBS = frozenset({"get", "post", "put", "patch", "delete"})

_NAME = rb"[A-Za-z_$][\w$]*"
_CLIENT_CALL_RE = re.compile(rb"this\._client\.(" + _NAME + rb")")
# a path template: printable ASCII but for a backtick, a backslash or `${`, and `${name}`s
_PATH_RE = re.compile(
    rb"(?:\(0, " + _NAME + rb"\.path\) ?)?`((?:[\x20-\x23\x25-\x5b\x5d-\x5f\x61-\x7e]|\$(?!\{)"
    rb"|\$\{" + _NAME + rb"\})*)`"
)
_SUBSTITUTION_RE = re.compile(r"\$\{([A-Za-z_$][\w$]*)\}")
# `._thenUnwrap((obj) => obj.result)` right after the call; a parameter so named is no identifier
_NOT_NAMES = frozenset(
    {b"undefined", b"this", b"super", b"null", b"true", b"false", b"await", b"yield"}
)
_UNWRAP_RE = re.compile(
    rb"\._thenUnwrap\(\((" + _NAME + rb")\) => (" + _NAME + rb")((?:\." + _NAME + rb")+)\)"
)


class Options:
    """What ``_read_options`` has gathered so far for one request."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.body_from: str | None = None
        self.query_from: str | None = None
        self.headers: list[tuple[str, str | None]] = []
        self.static_headers: list[tuple[str, str]] = []
        self.span_route: str | None = None
        self.wrapper: str | None = None
        self.query_fields: list[str] = []
        self.body_fields: list[str] = []
        self.header_calls: list[str] = []
        self.flags: list[str] = []
        # `method: 'post'` in a page request's options (`getAPIList` sends GET otherwise)
        self.method: str | None = None


def read_request(ctx: JsContext, call: Node, local_values: dict[str, Node]) -> JsRequest | None:
    fn = call.child_by_field_id(F_FUNCTION)
    m = _CLIENT_CALL_RE.match(ctx.source, call.start_byte) if ctx.fast else None
    if m is not None and fn is not None and fn.end_byte == m.end():
        # the callee is exactly the text `this._client.<name>`
        method: str | None = m[1].decode()
        if method not in VERBS and method != "getAPIList":
            return None
    else:
        fn = unparen(fn)
        if fn is None or fn.type != "member_expression":
            return None
        method = ctx.last_name(fn.child_by_field_id(F_PROPERTY))
        if method not in VERBS and method != "getAPIList":
            return None
        if ctx.dotted(fn.child_by_field_id(F_OBJECT)) != "this._client":
            return None
    args = call_args(call)
    if method == "getAPIList":
        verb, page_class = "get", ctx.last_name(args[1]) if len(args) > 1 else None
        options = args[2] if len(args) > 2 else None
    elif method in VERBS:
        verb, page_class = method, None
        options = args[1] if len(args) > 1 else None
    else:
        return None
    refs: list[str] = []
    path, path_expr = _read_path(ctx, args[0], refs) if args else (None, None)
    opts = Options()
    options = unparen(options)
    if options is not None and options.type == "call_expression":
        inner = call_args(options)
        if inner and unparen(inner[0]) is not None:
            opts.wrapper = ctx.callee(options)
            options = unparen(inner[0])
    if options is not None:
        safe(None, _read_options, ctx, options, local_values, opts, 0)
    unwrap = safe(None, read_unwrap, ctx, call)
    if opts.method is not None and opts.method != "?":
        verb = opts.method  # the page request's own verb (`{ body, method: 'post' }`)
    return JsRequest(
        verb=verb,
        path=path,
        path_expr=path_expr,
        page_class=page_class,
        option_keys=tuple(opts.keys),
        body_from=opts.body_from,
        query_from=opts.query_from,
        headers=tuple(opts.headers),
        static_headers=tuple(opts.static_headers),
        span_route=opts.span_route,
        pos=ctx.pos(call),
        options_wrapper=opts.wrapper,
        query_fields=tuple(opts.query_fields),
        body_fields=tuple(opts.body_fields),
        header_calls=tuple(opts.header_calls),
        flags=tuple(opts.flags),
        unwrap=unwrap or (),
        unwrap_unread=unwrap == (),
        method_unread=opts.method == "?",
        path_refs=tuple(refs),
    )


def read_unwrap(ctx: JsContext, call: Node) -> tuple[str, ...] | None:
    """``<call>._thenUnwrap((obj) => obj.a.b)`` -> ``('a', 'b')``; None when the call's
    promise is not unwrapped; ``()`` when it is, by a callback of another shape."""
    if ctx.fast:
        # a member of the call starts with `.`/`?.`, maybe after spaces or a comment: any other
        # next byte, and it is none; Stainless's own unwrap is read from its text. Both spare
        # `.parent`, which tree-sitter finds by walking down from the root.
        after = ctx.source[call.end_byte : call.end_byte + 1]
        if after and after not in b".?/" and not after.isspace() and after.isascii():
            return None
        m = _UNWRAP_RE.match(ctx.source, call.end_byte)
        if m is not None and m[1] not in _NOT_NAMES:
            return tuple(m[3].decode().split(".")[1:]) if m[1] == m[2] else ()
    member = call.parent
    if member is None or member.type != "member_expression":
        return None
    if ctx.last_name(member.child_by_field_id(F_PROPERTY)) != "_thenUnwrap":
        return None
    outer = member.parent
    args = call_args(outer) if outer is not None and outer.type == "call_expression" else []
    fn = unparen(args[0]) if len(args) == 1 else None
    if fn is None or fn.type != "arrow_function":
        return ()
    param = fn.child_by_field_id(F_PARAMETER)
    if param is None:
        params = fn.child_by_field_id(F_PARAMETERS)
        names = [p for p in params.named_children] if params is not None else []
        param = names[0] if len(names) == 1 else None
        if param is not None and param.type == "required_parameter":
            param = param.child_by_field_id(F_PATTERN)
    body = unparen(fn.child_by_field_id(F_BODY))
    if param is None or param.type != "identifier" or body is None:
        return ()
    dotted = ctx.dotted(body) if body.type == "member_expression" else None
    parts = dotted.split(".") if dotted else []
    if len(parts) < 2 or parts[0] != ctx.text(param) or not all(parts):
        return ()
    return tuple(parts[1:])


def _read_path(ctx: JsContext, node: Node, refs: list[str]) -> tuple[str | None, str | None]:
    """A literal path, or a ``path`...```/plain template as ``/a/{id}``; else its source.
    ``refs`` gets the template's substitutions (``id``), told apart from literal braces."""
    m = _PATH_RE.fullmatch(ctx.source, node.start_byte, node.end_byte) if ctx.fast else None
    if m is not None:
        # `(0, path_1.path) `/a/${id}`` or a plain template of plain text and names: the tree
        # reading below gives each name as written
        pieces = _SUBSTITUTION_RE.split(m[1].decode())
        refs.extend(pieces[1::2])
        return "".join(p if i % 2 == 0 else "{" + p + "}" for i, p in enumerate(pieces)), None
    expr = unparen(node)
    if expr is None:
        return None, ctx.text(node)
    literal = ctx.string(expr)
    if literal is not None:
        return literal, None
    template: Node | None = None
    if expr.type == "template_string":
        template = expr
    elif expr.type == "call_expression" and ctx.callee(expr) == "path":
        args = call_args(expr)
        if len(args) == 1 and args[0].type == "template_string":
            template = args[0]
    if template is not None:
        parts: list[str] = []
        for piece in ctx.template_pieces(template):
            if piece is None:
                return None, ctx.text(expr)
            if isinstance(piece, str):
                parts.append(piece)
            else:
                ref = ctx.dotted(piece)
                refs.append(ref if ref is not None else ctx.text(piece))
                parts.append("{" + refs[-1] + "}")
        return "".join(parts), None
    return None, ctx.text(expr)


def _read_options(
    ctx: JsContext, node: Node | None, local_values: dict[str, Node], opts: Options, depth: int
) -> None:
    """Read the request-options object; spreads of a local object literal are inlined."""
    node = unparen(node)
    if node is None or depth > 8:
        return
    if node.type == "identifier":
        value = local_values.get(ctx.text(node))
        if value is not None:
            _read_options(ctx, value, local_values, opts, depth + 1)
        return
    if node.type != "object":
        return
    for entry in node.named_children:
        if entry.type == "spread_element":
            inner = unparen(entry.named_children[0]) if entry.named_children else None
            if inner is not None and inner.type == "identifier":
                value = unparen(local_values.get(ctx.text(inner)))
                if value is not None and value.type == "object":
                    _read_options(ctx, value, local_values, opts, depth + 1)
            continue
        if entry.type == "shorthand_property_identifier":
            key = ctx.text(entry)
            value_node: Node | None = entry
        elif entry.type == "pair":
            k = ctx.key(entry.child_by_field_id(F_KEY))
            if k is None:
                continue
            key, value_node = k, entry.child_by_field_id(F_VALUE)
        elif entry.type == "method_definition":
            k = ctx.key(entry.child_by_field_id(F_NAME))
            if k is not None and k not in opts.keys:
                opts.keys.append(k)
            continue
        else:
            continue
        if key not in opts.keys:
            opts.keys.append(key)
        value = unparen(value_node)
        if value is None:
            continue
        if key == "body" and value.type in ("identifier", "shorthand_property_identifier"):
            opts.body_from = ctx.text(value)
        elif key == "query" and value.type in ("identifier", "shorthand_property_identifier"):
            opts.query_from = ctx.text(value)
        elif key in ("body", "query") and value.type == "object":
            fields = opts.body_fields if key == "body" else opts.query_fields
            fields.extend(_object_keys(ctx, value))
        elif key == "headers":
            read_headers_value(ctx, value, local_values, opts)
        elif key in ("__binaryResponse", "stream") and value.type == "true":
            opts.flags.append(key)
        elif key == "__span":
            opts.span_route = _span_route(ctx, value, local_values)
        elif key == "method":
            literal = ctx.string(value)
            opts.method = literal.lower() if literal and literal.lower() in VERBS else "?"


def _object_keys(ctx: JsContext, obj: Node) -> list[str]:
    """Keys of an object literal as written (spreads skipped)."""
    out: list[str] = []
    for entry in obj.named_children:
        if entry.type == "shorthand_property_identifier":
            out.append(ctx.text(entry))
        elif entry.type == "pair":
            key = ctx.key(entry.child_by_field_id(F_KEY))
            if key is not None:
                out.append(key)
    return out


def _span_route(ctx: JsContext, value: Node, local_values: dict[str, Node]) -> str | None:
    """``route: '...'`` in the settings given to ``startApiCallSpan``."""
    if value.type in ("identifier", "shorthand_property_identifier"):
        resolved = local_values.get(ctx.text(value))
        if resolved is None:
            return None
        value = resolved
    for n in walk(value, into_functions=False):
        if n.type != "call_expression" or ctx.callee(n) != "startApiCallSpan":
            continue
        for arg in call_args(n):
            arg = unparen(arg) or arg
            if arg.type != "object":
                continue
            for entry in arg.named_children:
                if entry.type == "pair" and ctx.key(entry.child_by_field_id(F_KEY)) == "route":
                    route = ctx.string(entry.child_by_field_id(F_VALUE))
                    if route is not None:
                        return route
    return None
