"""Client auth: which header each credential option fills, with its prefix (``Bearer ``), so the
generated client authenticates as the official one does; credentials resolved at run time are
counted, not modelled."""

from __future__ import annotations

from tree_sitter import Node

from codegen.parser.grammar_fields import F_FUNCTION, F_KEY, F_VALUE
from codegen.parser.js.context import JsContext
from codegen.parser.js.facts import JsPos
from codegen.parser.js.tree import call_args, unparen, walk


def auth_header(ctx: JsContext, clients: list[Node]) -> str | None:
    """The header ``apiKeyAuth()`` sets from the API key, spelled as written."""
    for method_name in ("apiKeyAuth", "authHeaders"):
        for cls in clients:
            method = ctx.methods(cls).get(method_name)
            for n in walk(method, into_functions=False) if method is not None else []:
                if n.type != "pair":
                    continue
                value = n.child_by_field_id(F_VALUE)
                if value is not None and "apiKey" in ctx.text(value):
                    key = ctx.key(n.child_by_field_id(F_KEY))
                    if key is not None:
                        return key
    return None


def auth_schemes(ctx: JsContext, clients: list[Node]) -> tuple[tuple[str, str, str, str], ...]:
    """``authHeaders()`` -> ``buildHeaders([await this.bearerAuth(o), await this.apiKeyAuth(o)])``
    and each such method's ``{ Authorization: `Bearer ${this.authToken}` }``; or the header
    pairs written in ``authHeaders()`` itself. Only the last ``buildHeaders`` of method calls
    counts: earlier returns serve credentials the client resolves at run time."""
    methods: dict[str, Node] = {}
    for cls in clients:
        for name, node in ctx.methods(cls).items():
            methods.setdefault(name, node)
    auth = methods.get("authHeaders")
    if auth is None:
        return ()
    order: list[str] = []
    for n in walk(auth, into_functions=False):
        if n.type != "call_expression" or ctx.callee(n) != "buildHeaders":
            continue
        args = call_args(n)
        array = unparen(args[0]) if args else None
        calls = [_this_call(ctx, e) for e in (array.named_children if array else [])]
        if calls and all(calls):
            order = [c for c in calls if c]
    out: list[tuple[str, str, str, str]] = []
    for method in [methods[m] for m in order if m in methods] or [auth]:
        for n in walk(method, into_functions=False):
            scheme = _auth_pair(ctx, n) if n.type == "pair" else None
            if scheme is not None and scheme not in out:
                out.append(scheme)
    return tuple(out)


def _auth_method(ctx: JsContext, clients: list[Node]) -> Node | None:
    return next((m for c in clients if (m := ctx.methods(c).get("authHeaders"))), None)


def auth_position(ctx: JsContext, clients: list[Node]) -> JsPos | None:
    method = _auth_method(ctx, clients)
    return ctx.pos(method) if method is not None else None


def auth_other(ctx: JsContext, clients: list[Node]) -> int:
    """``buildHeaders`` calls in ``authHeaders()`` beside the one that merges the schemes."""
    method = _auth_method(ctx, clients)
    calls = [
        n
        for n in (walk(method, into_functions=False) if method is not None else [])
        if n.type == "call_expression" and ctx.callee(n) == "buildHeaders"
    ]
    return max(len(calls) - 1, 0)


def _this_call(ctx: JsContext, element: Node) -> str | None:
    """``await this.apiKeyAuth(opts)`` -> ``apiKeyAuth``."""
    node = unparen(element)
    if node is not None and node.type == "await_expression" and node.named_children:
        node = unparen(node.named_children[0])
    if node is None or node.type != "call_expression":
        return None
    name = ctx.this_field(node.child_by_field_id(F_FUNCTION))
    return name if name is not None and "." not in name else None


def _auth_pair(ctx: JsContext, pair: Node) -> tuple[str, str, str, str] | None:
    """``'X-Api-Key': this.apiKey`` or ``Authorization: `Bearer ${this.apiKey}```."""
    header = ctx.key(pair.child_by_field_id(F_KEY))
    value = unparen(pair.child_by_field_id(F_VALUE))
    if header is None or value is None:
        return None
    option = ctx.this_field(value)
    if option is not None:
        return (option, header, "", "") if "." not in option else None
    if value.type != "template_string":
        return None
    parts: list[str | None] = []
    for piece in ctx.template_pieces(value):
        if isinstance(piece, str):
            parts.append(piece)
            continue
        field = ctx.this_field(piece) if piece is not None else None
        if field is None or "." in field or option is not None:
            return None
        option = field
        parts.append(None)
    if option is None:
        return None
    cut = parts.index(None)
    prefix = "".join(p for p in parts[:cut] if p is not None)
    suffix = "".join(p for p in parts[cut + 1 :] if p is not None)
    return (option, header, prefix, suffix)
