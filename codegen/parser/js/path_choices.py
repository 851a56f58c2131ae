"""Locals chosen by which value is given, and the guards that throw around them: a route such as
cloudflare's ``/${accountOrZone}/${accountOrZoneId}/custom_csrs`` takes its first segments from

    const { accountOrZone, accountOrZoneId } = account_id
        ? { accountOrZone: 'accounts', accountOrZoneId: account_id }
        : { accountOrZone: 'zones', accountOrZoneId: zone_id };

after ``if (!account_id && !zone_id) throw ...`` and ``if (account_id && zone_id) throw ...``.
What is read here is what the code says; whether it is a route is for the caller to decide."""

from __future__ import annotations

from tree_sitter import Node

from codegen.parser.grammar_fields import (
    F_ALTERNATIVE,
    F_ARGUMENT,
    F_CONDITION,
    F_CONSEQUENCE,
    F_NAME,
    F_VALUE,
)
from codegen.parser.js.context import JsContext
from codegen.parser.js.facts import JsPathChoice
from codegen.parser.js.tree import operands, operator, unparen

# a method's `variable_declarator` with its name and value, read once for every reader
Declarator = tuple[Node, Node | None, Node | None]


def declarators(nodes: list[Node]) -> list[Declarator]:
    return [(n, n.child_by_field_id(F_NAME), n.child_by_field_id(F_VALUE)) for n in nodes]


def read_path_choices(ctx: JsContext, decls: list[Declarator]) -> tuple[JsPathChoice, ...]:
    """Every ``const { a, b } = x ? {...} : ...`` of a method body (``decls``), in order."""
    out: list[JsPathChoice] = []
    for n, pattern, raw_value in decls:
        value = unparen(raw_value)
        if pattern is None or pattern.type != "object_pattern" or value is None:
            continue
        if value.type != "ternary_expression":
            continue
        names = tuple(
            ctx.text(p)
            for p in pattern.named_children
            if p.type == "shorthand_property_identifier_pattern"
        )
        branches = _branches(ctx, value)
        readable = (
            branches is not None
            and len(names) == len(pattern.named_children)
            and all({local for local, _, _ in values} == set(names) for _, values in branches)
        )
        out.append(JsPathChoice(names, branches or (), readable, ctx.pos(n)))
    return tuple(out)


def _branches(
    ctx: JsContext, node: Node
) -> tuple[tuple[str | None, tuple[tuple[str, str, str], ...]], ...] | None:
    """``x ? A : y ? B : C`` -> ``(('x', A), ('y', B), (None, C))``; None for another shape."""
    out: list[tuple[str | None, tuple[tuple[str, str, str], ...]]] = []
    current: Node | None = node
    while current is not None and current.type == "ternary_expression":
        test = ctx.dotted(current.child_by_field_id(F_CONDITION))
        values = ctx.object_entries(current.child_by_field_id(F_CONSEQUENCE))
        if test is None or values is None:
            return None
        out.append((test, values))
        current = unparen(current.child_by_field_id(F_ALTERNATIVE))
    last = ctx.object_entries(current)
    if last is None:
        return None
    out.append((None, last))
    return tuple(out)


def read_throw_tests(ctx: JsContext, nodes: list[Node]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``if (!a && !b) throw`` -> ``('none', ('a', 'b'))``; ``if (a && b) throw`` -> ``('all',
    ('a', 'b'))``: the method refuses a call where none / all of those values are given."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for n in nodes:
        if n.type != "if_statement" or not throws(n.child_by_field_id(F_CONSEQUENCE)):
            continue
        terms = operands(n.child_by_field_id(F_CONDITION), "&&")
        negated = [
            ctx.dotted(t.child_by_field_id(F_ARGUMENT))
            if t.type == "unary_expression" and operator(t) == "!"
            else None
            for t in terms
        ]
        plain = [ctx.dotted(t) for t in terms]
        if len(terms) > 1 and all(negated):
            out.append(("none", tuple(x for x in negated if x)))
        elif len(terms) > 1 and all(plain):
            out.append(("all", tuple(x for x in plain if x)))
    return tuple(out)


def throws(branch: Node | None) -> bool:
    """Whether an ``if`` branch is (or directly contains) a ``throw``."""
    if branch is None:
        return False
    if branch.type == "throw_statement":
        return True
    return branch.type == "statement_block" and any(
        s.type == "throw_statement" for s in branch.named_children
    )
