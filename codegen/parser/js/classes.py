"""Classes of the file: name, base, methods, and the sub-resources each attaches to itself
(``this.batches = new Batches(...)``), which wire ``client.messages.batches``."""

from __future__ import annotations

from tree_sitter import Node

from codegen.parser.grammar_fields import F_LEFT, F_NAME, F_PROPERTY, F_RIGHT, F_VALUE
from codegen.parser.js.context import JsContext
from codegen.parser.js.facts import JsClass, JsMethod
from codegen.parser.js.methods import read_method
from codegen.parser.js.tree import field_of, has_anon, safe, unparen


def read_class(ctx: JsContext, node: Node) -> JsClass | None:
    name = ctx.class_name(node)
    if name is None:
        return None
    methods: list[JsMethod] = []
    for method_name, method in ctx.methods(node).items():
        if method_name == "constructor":
            continue
        read = safe(None, read_method, ctx, method_name, method)
        if read is not None:
            methods.append(read)
    return JsClass(
        name=name,
        base=safe(None, _class_base, ctx, node),
        methods=tuple(methods),
        attached=safe((), _attached, ctx, node),
        pos=ctx.pos(node),
    )


def _class_base(ctx: JsContext, node: Node) -> str | None:
    for heritage in node.named_children:
        if heritage.type != "class_heritage":
            continue
        for clause in heritage.named_children:
            if clause.type == "extends_clause":
                return ctx.last_name(clause.child_by_field_id(F_VALUE))
        # plain-JS grammars put the expression straight under the heritage
        named = heritage.named_children
        return ctx.last_name(named[0]) if named else None
    return None


def _attached(ctx: JsContext, cls: Node) -> tuple[tuple[str, str], ...]:
    """Sub-resources: ``this.batches = new X.Batches(...)`` in the constructor, or a field."""
    out: list[tuple[str, str]] = []
    for member in ctx.members(cls):
        if member.type in ("public_field_definition", "field_definition"):
            if has_anon(member, "static"):
                continue
            value = unparen(member.child_by_field_id(F_VALUE))
            name = ctx.key(member.child_by_field_id(F_NAME) or member.child_by_field_id(F_PROPERTY))
            if name is not None and value is not None and value.type == "new_expression":
                target = ctx.callee(value)
                if target is not None:
                    out.append((name, target))
    ctor = ctx.methods(cls).get("constructor")
    body = field_of(ctor, "body")
    if body is not None:
        for stmt in body.named_children:
            expr = stmt.named_children[0] if stmt.type == "expression_statement" else None
            if expr is None or expr.type != "assignment_expression":
                continue
            field = ctx.this_field(expr.child_by_field_id(F_LEFT))
            value = unparen(expr.child_by_field_id(F_RIGHT))
            if field is None or "." in field or value is None:
                continue
            if value.type == "new_expression":
                target = ctx.callee(value)
                if target is not None:
                    out.append((field, target))
    return tuple(out)
