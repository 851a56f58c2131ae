"""A class method's parameters, destructures, guards, self-calls and the requests it makes: the
destructures say which parameters go to the path, the query, the body or a header."""

from __future__ import annotations

from dataclasses import replace

from tree_sitter import Node

from codegen.parser.grammar_fields import (
    F_ARGUMENT,
    F_BODY,
    F_CONDITION,
    F_CONSEQUENCE,
    F_FUNCTION,
    F_KEY,
    F_LEFT,
    F_NAME,
    F_OBJECT,
    F_PROPERTY,
    F_RIGHT,
    F_VALUE,
)
from codegen.parser.js.context import JsContext
from codegen.parser.js.facts import JsMethod, JsRequest
from codegen.parser.js.path_choices import (
    Declarator,
    declarators,
    read_path_choices,
    read_throw_tests,
    throws,
)
from codegen.parser.js.requests import read_request
from codegen.parser.js.tables import read_warnings
from codegen.parser.js.tree import disjuncts, operator, safe, unparen


def read_method(ctx: JsContext, name: str, node: Node) -> JsMethod:
    body = node.child_by_field_id(F_BODY)
    nodes = ctx.method_nodes(body) if body is not None else []
    # each reader below looks at one kind of node: split by kind once (in order) rather than
    # each reading every node's kind again
    by_kind: dict[str, list[Node]] = {}
    for n in nodes:
        by_kind.setdefault(n.type, []).append(n)
    decls = declarators(by_kind.get("variable_declarator", []))
    ifs = by_kind.get("if_statement", [])
    local_values = _locals_of(ctx, decls)
    renames = safe({}, _renamed_locals, ctx, by_kind.get("pair_pattern", []))
    requests: list[JsRequest] = []
    self_calls = []
    for n in by_kind.get("call_expression", []):
        # requests (`this._client.post(...)`) and self-calls (`this.retrieve(...)`) both
        # start with `this.`: a byte test spares reading every other call
        if not ctx.source.startswith(b"this.", n.start_byte):
            continue
        req = safe(None, read_request, ctx, n, local_values)
        if req is not None:
            if renames and req.headers:
                headers = tuple((h, renames.get(s, s) if s else s) for h, s in req.headers)
                req = replace(req, headers=headers)
            requests.append(req)
            continue
        self_call = _read_self_call(ctx, n)
        if self_call is not None:
            self_calls.append(self_call)
    return JsMethod(
        name=name,
        params=safe((), ctx.params, node),
        destructures=safe((), _destructures, ctx, decls),
        requests=tuple(requests),
        self_calls=tuple(self_calls),
        guards=safe((), _guards, ctx, ifs),
        pos=ctx.pos(node),
        path_choices=safe((), read_path_choices, ctx, decls),
        throw_tests=safe((), read_throw_tests, ctx, ifs),
        warnings=safe((), read_warnings, ctx, ifs),
    )


def _locals_of(ctx: JsContext, decls: list[Declarator]) -> dict[str, Node]:
    """``const name = <expr>`` in a method body, first declaration of each name."""
    out: dict[str, Node] = {}
    for _n, name, value in decls:
        if name is not None and name.type == "identifier" and value is not None:
            out.setdefault(ctx.text(name), value)
    return out


def _destructures(
    ctx: JsContext, decls: list[Declarator]
) -> tuple[tuple[str, tuple[str, ...], str | None], ...]:
    """``const { a, b, ...body } = params ?? {}`` -> ``('params', ('a', 'b'), 'body')``."""
    out: list[tuple[str, tuple[str, ...], str | None]] = []
    for _n, pattern, raw_value in decls:
        value = unparen(raw_value)
        if pattern is None or pattern.type != "object_pattern" or value is None:
            continue
        if value.type == "binary_expression" and operator(value) in ("??", "||"):
            value = unparen(value.child_by_field_id(F_LEFT))
        source = ctx.dotted(value)
        if source is None:
            continue
        names: list[str] = []
        rest: str | None = None
        for prop in pattern.named_children:
            if prop.type == "shorthand_property_identifier_pattern":
                names.append(ctx.text(prop))
            elif prop.type == "object_assignment_pattern":
                left = prop.child_by_field_id(F_LEFT)
                if left is not None:
                    names.append(ctx.text(left))
            elif prop.type == "pair_pattern":
                key = ctx.key(prop.child_by_field_id(F_KEY))
                if key is not None:
                    names.append(key)
            elif prop.type == "rest_pattern" and prop.named_children:
                rest = ctx.text(prop.named_children[0])
        out.append((source, tuple(names), rest))
    return tuple(out)


def _renamed_locals(ctx: JsContext, nodes: list[Node]) -> dict[str, str]:
    """Locals bound under another key: ``{ 'X-Id': xId } = params`` -> ``{'xId': 'X-Id'}``."""
    out: dict[str, str] = {}
    for n in nodes:
        if n.type != "pair_pattern" or n.parent is None or n.parent.type != "object_pattern":
            continue
        key = ctx.key(n.child_by_field_id(F_KEY))
        value = n.child_by_field_id(F_VALUE)
        if key is not None and value is not None and value.type == "identifier":
            out.setdefault(ctx.text(value), key)
    return out


def _read_self_call(ctx: JsContext, call: Node) -> tuple[str, str | None] | None:
    """``const batch = await this.retrieve(id)`` -> ``('retrieve', 'batch')``."""
    fn = unparen(call.child_by_field_id(F_FUNCTION))
    if fn is None or fn.type != "member_expression":
        return None
    obj, prop = fn.child_by_field_id(F_OBJECT), fn.child_by_field_id(F_PROPERTY)
    if obj is None or obj.type != "this" or prop is None or prop.type != "property_identifier":
        return None
    target: str | None = None
    up = call.parent
    while up is not None and up.type in ("await_expression", "parenthesized_expression"):
        up = up.parent
    if up is not None and up.type == "variable_declarator":
        name = up.child_by_field_id(F_NAME)
        if name is not None and name.type == "identifier":
            target = ctx.text(name)
    elif up is not None and up.type == "assignment_expression":
        target = ctx.dotted(up.child_by_field_id(F_LEFT))
    return (ctx.text(prop), target)


def _guards(ctx: JsContext, nodes: list[Node]) -> tuple[str, ...]:
    """Values tested for falsiness/nullness by an ``if`` whose branch throws."""
    out: list[str] = []
    for n in nodes:
        if n.type != "if_statement" or not throws(n.child_by_field_id(F_CONSEQUENCE)):
            continue
        for test in disjuncts(unparen(n.child_by_field_id(F_CONDITION))):
            ref: str | None = None
            if test.type == "unary_expression" and operator(test) == "!":
                ref = ctx.dotted(test.child_by_field_id(F_ARGUMENT))
            elif test.type == "binary_expression" and operator(test) in ("==", "==="):
                right = unparen(test.child_by_field_id(F_RIGHT))
                if right is not None and right.type in ("null", "undefined"):
                    ref = ctx.dotted(test.child_by_field_id(F_LEFT))
            if ref is not None and ref not in out:
                out.append(ref)
    return tuple(out)
