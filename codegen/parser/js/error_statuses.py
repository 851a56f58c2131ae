"""The status -> error class table of ``APIError.generate`` (``if`` chains or a status ``Map``),
so the generated client raises the same error class for each status."""

from __future__ import annotations

from tree_sitter import Node

from codegen.parser.grammar_fields import (
    F_BODY,
    F_CONDITION,
    F_CONSEQUENCE,
    F_FUNCTION,
    F_LEFT,
    F_NAME,
    F_OBJECT,
    F_RIGHT,
    F_VALUE,
)
from codegen.parser.js.context import JsContext
from codegen.parser.js.facts import JsErrorStatus
from codegen.parser.js.tree import call_args, disjuncts, operator, safe, unparen, walk


def read_error_statuses(ctx: JsContext, class_nodes: list[Node]) -> tuple[JsErrorStatus, ...]:
    """Status dispatch in ``static generate(status, ...)``: ``if``s and a status ``Map``."""
    out: list[JsErrorStatus] = []
    for cls in class_nodes:
        generate = ctx.methods(cls).get("generate")
        if generate is None:
            continue
        params = ctx.params(generate)
        status = params[0] if params else "status"
        body = generate.child_by_field_id(F_BODY)
        for n in walk(body, into_functions=False) if body is not None else []:
            if n.type == "if_statement":
                out.extend(safe([], _status_if, ctx, n, status))
            elif n.type == "call_expression":
                out.extend(safe([], _status_map, ctx, n, status))
    seen: set[tuple[int, str]] = set()
    unique = []
    for e in out:
        if (e.status, e.match) not in seen:
            seen.add((e.status, e.match))
            unique.append(e)
    return tuple(unique)


def _status_if(ctx: JsContext, stmt: Node, status: str) -> list[JsErrorStatus]:
    cls = _returned_class(ctx, stmt.child_by_field_id(F_CONSEQUENCE))
    if cls is None:
        return []
    out: list[JsErrorStatus] = []
    for test in disjuncts(unparen(stmt.child_by_field_id(F_CONDITION))):
        if test.type != "binary_expression":
            return []
        op = operator(test)
        left, right = (
            unparen(test.child_by_field_id(F_LEFT)),
            test.child_by_field_id(F_RIGHT),
        )
        if left is not None and left.type == "number":  # `400 === status`
            left, right = unparen(right), left
            op = {">=": "<=", "<=": ">=", ">": "<", "<": ">"}.get(op or "", op)
        if left is None or ctx.text(left) != status:
            return []
        value = ctx.number(right)
        if value is None:
            return []
        if op in ("===", "=="):
            out.append(JsErrorStatus(cls=cls, status=value, match="exact"))
        elif op == ">=":
            out.append(JsErrorStatus(cls=cls, status=value, match="at_least"))
        elif op == ">":
            out.append(JsErrorStatus(cls=cls, status=value + 1, match="at_least"))
        else:
            return []
    return out


def _returned_class(ctx: JsContext, branch: Node | None) -> str | None:
    """``return new BadRequestError(...)`` as the (first) statement of an ``if`` branch."""
    if branch is None:
        return None
    stmts = branch.named_children if branch.type == "statement_block" else [branch]
    stmts = [s for s in stmts if s.type != "comment"]
    if not stmts or stmts[0].type != "return_statement" or not stmts[0].named_children:
        return None
    value = unparen(stmts[0].named_children[0])
    if value is None or value.type != "new_expression":
        return None
    return ctx.callee(value)


def _status_map(ctx: JsContext, call: Node, status: str) -> list[JsErrorStatus]:
    """``STATUS_ERROR_CLASSES.get(status)`` with ``const X = new Map([[400, Cls], ...])``."""
    fn = unparen(call.child_by_field_id(F_FUNCTION))
    args = call_args(call)
    if fn is None or fn.type != "member_expression" or ctx.last_name(fn) != "get":
        return []
    if len(args) != 1 or ctx.text(args[0]) != status:
        return []
    table = ctx.dotted(fn.child_by_field_id(F_OBJECT))
    if table is None or "." in table:
        return []
    out: list[JsErrorStatus] = []
    for decl in ctx.root.named_children:
        if decl.type not in ("lexical_declaration", "variable_declaration"):
            continue
        for d in decl.named_children:
            name, value = (
                d.child_by_field_id(F_NAME),
                unparen(d.child_by_field_id(F_VALUE)),
            )
            if name is None or ctx.text(name) != table or value is None:
                continue
            if value.type != "new_expression" or ctx.callee(value) != "Map":
                continue
            entries = call_args(value)
            array = unparen(entries[0]) if entries else None
            for pair in array.named_children if array is not None else []:
                pair = unparen(pair) or pair
                items = pair.named_children if pair.type == "array" else []
                if len(items) != 2:
                    continue
                code, cls = ctx.number(items[0]), ctx.last_name(items[1])
                if code is not None and cls is not None:
                    out.append(JsErrorStatus(cls=cls, status=code, match="exact"))
    return out
