"""Headers a request sets, by wire name, with the parameter each comes from: a header
parameter's wire name (``anthropic-beta``) is spelled only here, not in the ``.d.ts``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tree_sitter import Node

from codegen.parser.grammar_fields import (
    F_CONDITION,
    F_CONSEQUENCE,
    F_FUNCTION,
    F_KEY,
    F_LEFT,
    F_OBJECT,
    F_RIGHT,
    F_VALUE,
)
from codegen.parser.js.context import JsContext
from codegen.parser.js.tree import call_args, operator, unparen

if TYPE_CHECKING:
    from codegen.parser.js.requests import Options


def read_headers_value(
    ctx: JsContext, value: Node, local_values: dict[str, Node], opts: Options
) -> None:
    if value.type in ("identifier", "shorthand_property_identifier"):
        resolved = unparen(local_values.get(ctx.text(value)))
        if resolved is None or resolved.type == "identifier":
            return
        value = resolved
    if value.type == "object":
        _read_header_object(ctx, value, None, opts, 0)
    elif value.type == "call_expression" and ctx.callee(value) == "buildHeaders":
        args = call_args(value)
        array = unparen(args[0]) if args else None
        if array is not None and array.type == "array":
            for element in array.named_children:
                element = unparen(element) or element
                if element.type == "object":
                    _read_header_object(ctx, element, None, opts, 0)
                elif element.type == "call_expression":
                    opts.header_calls.append(ctx.callee(element) or ctx.text(element))
    elif value.type == "call_expression":
        opts.header_calls.append(ctx.callee(value) or ctx.text(value))


def _read_header_object(
    ctx: JsContext, obj: Node, condition: str | None, opts: Options, depth: int
) -> None:
    """Header entries; under ``...(x != null ? {...} : undefined)`` they come from ``x``."""
    if depth > 8:
        return
    for entry in obj.named_children:
        if entry.type == "spread_element":
            inner = unparen(entry.named_children[0]) if entry.named_children else None
            if inner is None:
                continue
            cond_node: Node | None = None
            branch: Node | None = None
            if inner.type == "ternary_expression":
                cond_node = inner.child_by_field_id(F_CONDITION)
                branch = unparen(inner.child_by_field_id(F_CONSEQUENCE))
            elif inner.type == "binary_expression" and operator(inner) == "&&":
                cond_node = inner.child_by_field_id(F_LEFT)
                branch = unparen(inner.child_by_field_id(F_RIGHT))
            elif inner.type == "object":
                branch = inner
            if branch is not None and branch.type == "object":
                ref = _source_ref(ctx, cond_node) if cond_node is not None else condition
                _read_header_object(ctx, branch, ref, opts, depth + 1)
            continue
        if entry.type == "shorthand_property_identifier":
            _add_header(opts, ctx.text(entry), condition or ctx.text(entry))
            continue
        if entry.type != "pair":
            continue
        name = ctx.key(entry.child_by_field_id(F_KEY))
        value = unparen(entry.child_by_field_id(F_VALUE))
        if name is None or value is None:
            continue
        literal = ctx.string(value)
        if literal is not None:
            _add_header(opts, name, condition)
            if condition is None:
                opts.static_headers.append((name, literal))
            continue
        ref = _source_ref(ctx, value)
        if ref is None and condition is None:
            continue
        _add_header(opts, name, ref or condition)
        fixed = _array_literals(ctx, value)
        if fixed:
            opts.static_headers.append((name, ",".join(fixed)))


def _add_header(opts: Options, name: str, ref: str | None) -> None:
    if (name, ref) not in opts.headers:
        opts.headers.append((name, ref))


def _array_literals(ctx: JsContext, value: Node) -> list[str]:
    """The string elements of ``[...(betas ?? []), 'a', 'b'].toString()``."""
    if value.type == "call_expression":
        fn = unparen(value.child_by_field_id(F_FUNCTION))
        if fn is not None and fn.type == "member_expression":
            value = unparen(fn.child_by_field_id(F_OBJECT)) or value
    if value.type != "array":
        return []
    return [s for s in (ctx.string(e) for e in value.named_children) if s is not None]


def _source_ref(ctx: JsContext, node: Node | None) -> str | None:
    """The parameter an expression's value comes from: ``betas?.toString()`` -> ``betas``."""
    node = unparen(node)
    for _ in range(32):
        if node is None:
            return None
        if node.type in ("identifier", "member_expression"):
            return ctx.dotted(node)
        if node.type == "binary_expression" and operator(node) in (
            "??",
            "||",
            "!=",
            "!==",
        ):
            node = unparen(node.child_by_field_id(F_LEFT))
        elif node.type == "call_expression":
            fn = unparen(node.child_by_field_id(F_FUNCTION))
            args = call_args(node)
            if fn is not None and fn.type == "member_expression" and not args:
                if ctx.last_name(fn) not in ("toString", "join"):
                    return None
                node = unparen(fn.child_by_field_id(F_OBJECT))
            elif fn is not None and fn.type == "identifier" and ctx.text(fn) == "String":
                node = unparen(args[0]) if len(args) == 1 else None
            else:
                return None
        elif node.type == "array":
            spreads = [c for c in node.named_children if c.type == "spread_element"]
            if len(spreads) != 1 or not spreads[0].named_children:
                return None
            node = unparen(spreads[0].named_children[0])
        else:
            return None
    return None
