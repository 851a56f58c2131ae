"""How a page class of the compiled `.js` asks for the next page, read from its own methods.

`nextPageRequestOptions()` (or the older `nextPageInfo()`) returns the next request: the current
options with some query keys (or `params`) replaced, or `null` for none. Each replaced key's value
is read symbolically: a field of the page (`this.last_id`, or one nested in a page field:
`this.result_info?.cursors?.after`), a field of the last or first item
(`data[data.length - 1]?.id`), the current page number plus one (`(query?.page ?? 1) + 1`), or
the current offset plus the items on this page (`offset + length`). `if` tests on the request's
query (`this.options.query?.['before_id']`, `'k' in query`) choose among them. A value, return or
test that is none of these makes the whole rule unreadable (`readable=False`): the caller warns
and the generated page refuses to go past the first page rather than stop there silently.
"""

from __future__ import annotations

from tree_sitter import Node

from codegen.parser.grammar_fields import (
    F_ALTERNATIVE,
    F_ARGUMENT,
    F_CONDITION,
    F_CONSEQUENCE,
    F_FUNCTION,
    F_INDEX,
    F_KEY,
    F_LEFT,
    F_NAME,
    F_OBJECT,
    F_PROPERTY,
    F_RIGHT,
    F_VALUE,
)
from codegen.parser.js.context import JsContext
from codegen.parser.js.facts import JsPageRule, JsPageStep
from codegen.parser.js.tree import field_of, operator, unparen, walk

# A value read symbolically: ("field", name) | ("items",) | ("count",) | ("last", f) |
# ("first", f) | ("query", key, start) | ("page", key, start) | ("offset", key) | ("num", n)
Sym = tuple[object, ...]

RULE_METHODS = ("nextPageRequestOptions", "nextPageInfo", "nextPageParams")


class Unreadable(Exception):
    """The method does something this reader does not model."""


def read_page_rule(ctx: JsContext, cls: Node) -> JsPageRule | None:
    name = ctx.class_name(cls)
    methods = ctx.methods(cls)
    if name is None or not (
        "getPaginatedItems" in methods or any(m in methods for m in RULE_METHODS)
    ):
        return None
    item_field = _read_item_field(ctx, methods.get("getPaginatedItems"))
    has_more = _read_has_more_field(ctx, methods.get("hasNextPage"))
    rule = next((methods[m] for m in RULE_METHODS if m in methods), None)
    steps: tuple[JsPageStep, ...] = ()
    readable = rule is not None
    if rule is not None:
        try:
            steps = _Reader(ctx, item_field).read(rule)
        except (Unreadable, RecursionError):
            readable, steps = False, ()
    return JsPageRule(
        cls=name,
        item_field=item_field,
        has_more_field=has_more,
        cursors=steps,
        readable=readable,
        line=ctx.pos(rule if rule is not None else cls).line,
        col=ctx.pos(rule if rule is not None else cls).col,
    )


def _read_item_field(ctx: JsContext, method: Node | None) -> str | None:
    """``return this.data ?? [];`` -> ``data``."""
    for n in walk(method, into_functions=False) if method is not None else []:
        if n.type != "return_statement" or not n.named_children:
            continue
        expr = unparen(n.named_children[0])
        while (
            expr is not None
            and expr.type == "binary_expression"
            and operator(expr)
            in (
                "??",
                "||",
            )
        ):
            expr = unparen(expr.child_by_field_id(F_LEFT))
        field = ctx.this_field(expr)
        if field is not None:
            return field
    return None


def _read_has_more_field(ctx: JsContext, method: Node | None) -> str | None:
    """``if (this.has_more === false) return false;`` (or ``return this.has_more &&
    super.hasNextPage();``) -> ``has_more``."""
    for n in walk(method, into_functions=False) if method is not None else []:
        if n.type == "return_statement" and n.named_children:
            expr = unparen(n.named_children[0])
            if expr is not None and expr.type == "binary_expression" and operator(expr) == "&&":
                field = ctx.this_field(expr.child_by_field_id(F_LEFT))
                if field is not None and "." not in field:
                    return field
        if n.type != "if_statement":
            continue
        cond = unparen(n.child_by_field_id(F_CONDITION))
        if cond is None:
            continue
        if cond.type == "unary_expression" and operator(cond) == "!":
            field = ctx.this_field(cond.child_by_field_id(F_ARGUMENT))
        elif cond.type == "binary_expression" and operator(cond) in ("===", "=="):
            right = unparen(cond.child_by_field_id(F_RIGHT))
            if right is None or right.type != "false":
                continue
            field = ctx.this_field(cond.child_by_field_id(F_LEFT))
        else:
            continue
        if field is not None and "." not in field and field != "options":
            return field
    return None


class _Reader:
    def __init__(self, ctx: JsContext, item_field: str | None) -> None:
        self.ctx = ctx
        self.item_field = item_field
        self.out: list[JsPageStep] = []

    def read(self, method: Node) -> tuple[JsPageStep, ...]:
        body = field_of(method, "body")
        if body is None:
            raise Unreadable
        self.block(body, None, {}, 0)
        return tuple(self.out)

    # -- statements ------------------------------------------------------------------------------

    def block(self, block: Node, when: str | None, env: dict[str, Sym | None], depth: int) -> None:
        stmts = block.named_children if block.type == "statement_block" else [block]
        self.statements(stmts, when, dict(env), depth)

    def statements(
        self, stmts: list[Node], when: str | None, env: dict[str, Sym | None], depth: int
    ) -> None:
        if depth > 16:
            raise Unreadable
        for i, stmt in enumerate(stmts):
            if stmt.type == "comment" or stmt.type == "empty_statement":
                continue
            if stmt.type in ("lexical_declaration", "variable_declaration"):
                for decl in stmt.named_children:
                    name = decl.child_by_field_id(F_NAME)
                    if decl.type != "variable_declarator" or name is None:
                        continue
                    if name.type != "identifier":
                        raise Unreadable
                    env[self.ctx.text(name)] = self.value(decl.child_by_field_id(F_VALUE), env)
            elif stmt.type == "if_statement":
                test = self.query_test(stmt.child_by_field_id(F_CONDITION), env)
                consequence = stmt.child_by_field_id(F_CONSEQUENCE)
                alternative = stmt.child_by_field_id(F_ALTERNATIVE)
                if test is None and self.returns_options(consequence):
                    raise Unreadable  # a choice this reader cannot follow
                if test is not None and test[1]:
                    # `if (!has(k)) { ... return }` then the rest: the rest is the rule when the
                    # query has k, the branch otherwise (steps are tried in order)
                    if alternative is not None or consequence is None:
                        raise Unreadable
                    saved, self.out = self.out, []
                    self.block(consequence, when, env, depth + 1)
                    absent, self.out = self.out, saved
                    self.statements(stmts[i + 1 :], test[0], dict(env), depth + 1)
                    self.out.extend(absent)
                    return
                if consequence is not None:
                    self.block(consequence, test[0] if test else when, env, depth + 1)
                if alternative is not None and alternative.named_children:
                    self.block(alternative.named_children[0], when, env, depth + 1)
            elif stmt.type == "return_statement":
                self.returned(stmt.named_children[0] if stmt.named_children else None, when, env)
            elif stmt.type == "expression_statement":
                continue
            else:
                raise Unreadable

    def returns_options(self, node: Node | None) -> bool:
        """Does this branch return something other than null (a next page)?"""
        for n in walk(node, into_functions=False) if node is not None else []:
            if n.type == "return_statement" and n.named_children:
                value = unparen(n.named_children[0])
                if value is not None and value.type not in ("null", "undefined"):
                    return True
        return False

    def returned(self, expr: Node | None, when: str | None, env: dict[str, Sym | None]) -> None:
        obj = unparen(expr)
        if obj is None or obj.type in ("null", "undefined"):
            return
        if obj.type != "object":
            raise Unreadable
        found = False
        for entry in obj.named_children:
            if entry.type in ("spread_element", "comment"):
                continue
            key = self.ctx.key(entry.child_by_field_id(F_KEY)) if entry.type == "pair" else None
            if key not in ("query", "params"):
                raise Unreadable  # e.g. a new `path` (a next-page URL)
            query = unparen(entry.child_by_field_id(F_VALUE))
            if query is None or query.type != "object":
                raise Unreadable
            for item in query.named_children:
                if item.type in ("spread_element", "comment"):
                    continue
                if item.type == "pair":
                    param = self.ctx.key(item.child_by_field_id(F_KEY))
                    value = item.child_by_field_id(F_VALUE)
                elif item.type == "shorthand_property_identifier":
                    param, value = self.ctx.text(item), item
                else:
                    raise Unreadable
                sym = self.value(value, env)
                if param is None or sym is None:
                    raise Unreadable
                self.out.append(_step(when, param, sym))
                found = True
        if not found:
            raise Unreadable

    def query_test(self, cond: Node | None, env: dict[str, Sym | None]) -> tuple[str, bool] | None:
        """(query key, negated) an `if` tests for: `this.options.query?.['k']` (maybe
        `!= null`), `'k' in this.options.query`, their negation, or a local holding one;
        None for anything else."""
        cond = unparen(cond)
        if (
            cond is not None
            and cond.type == "binary_expression"
            and operator(cond)
            in (
                "!=",
                "!==",
            )
        ):
            right = unparen(cond.child_by_field_id(F_RIGHT))
            if right is not None and right.type in ("null", "undefined"):
                cond = unparen(cond.child_by_field_id(F_LEFT))
        sym = self.value(cond, env)
        if sym is not None and sym[0] == "query":
            return str(sym[1]), False
        if sym is not None and sym[0] in ("has", "not-has"):
            return str(sym[1]), sym[0] == "not-has"
        return None

    # -- values ----------------------------------------------------------------------------------

    def value(self, node: Node | None, env: dict[str, Sym | None]) -> Sym | None:
        node = unparen(node)
        if node is None:
            return None
        ctx = self.ctx
        if node.type in ("identifier", "shorthand_property_identifier"):
            return env.get(ctx.text(node))
        if node.type == "number":
            try:
                return ("num", int(ctx.text(node)))
            except ValueError:
                return None
        if node.type == "binary_expression":
            return self.binary(node, env)
        if node.type == "unary_expression":
            inner = self.value(node.child_by_field_id(F_ARGUMENT), env)
            op = operator(node)
            if op == "typeof" and inner == ("query-object",):
                return ("typeof-query",)
            if op == "!" and inner is not None and inner[0] in ("has", "not-has", "query"):
                return ("not-has" if inner[0] != "not-has" else "has", inner[1])
            return None
        if node.type == "call_expression":
            fn = ctx.dotted(node.child_by_field_id(F_FUNCTION))
            if fn == "this.getPaginatedItems":
                return ("items",)
            return None
        if node.type == "subscript_expression":
            return self.subscript(node, env)
        if node.type == "member_expression":
            return self.member(node, env)
        return None

    def binary(self, node: Node, env: dict[str, Sym | None]) -> Sym | None:
        op = operator(node)
        if op == "in":
            key = self.ctx.string(node.child_by_field_id(F_LEFT))
            within = self.value(node.child_by_field_id(F_RIGHT), env)
            return ("has", key) if key is not None and within == ("query-object",) else None
        left = self.value(node.child_by_field_id(F_LEFT), env)
        right = self.value(node.child_by_field_id(F_RIGHT), env)
        if op in ("===", "==") and left == ("typeof-query",):
            return ("query-guard",)  # `typeof this.options.query === 'object'`
        if op == "&&" and left == ("query-guard",) and right is not None and right[0] == "has":
            return right
        if op in ("??", "||"):
            if left == ("query-object",):
                return left  # `this.options.query || {}`
            if left is not None and left[0] == "query" and right and right[0] == "num":
                return ("query", left[1], right[1])
            if left is not None and left[0] == "items":
                return left
            return None
        if op == "+" and left is not None and right is not None:
            pair = {left[0]: left, right[0]: right}
            if "query" in pair and "num" in pair and pair["num"][1] == 1:
                return ("page", pair["query"][1], pair["query"][2])
            if "query" in pair and "count" in pair:
                return ("offset", pair["query"][1])
        return None

    def subscript(self, node: Node, env: dict[str, Sym | None]) -> Sym | None:
        obj = self.value(node.child_by_field_id(F_OBJECT), env)
        index = node.child_by_field_id(F_INDEX)
        key = self.ctx.string(index)
        if obj == ("query-object",) and key is not None:
            return ("query", key, None)
        if obj is not None and obj[0] == "field" and key is not None:
            return ("field", f"{obj[1]}.{key}")
        if obj == ("items",):
            idx = self.value(index, env)
            if idx == ("num", 0):
                return ("first-item",)
            inner = unparen(index)
            if inner is not None and inner.type == "binary_expression" and operator(inner) == "-":
                length = self.value(inner.child_by_field_id(F_LEFT), env)
                one = self.value(inner.child_by_field_id(F_RIGHT), env)
                if length == ("count",) and one == ("num", 1):
                    return ("last-item",)
        return None

    def member(self, node: Node, env: dict[str, Sym | None]) -> Sym | None:
        ctx = self.ctx
        dotted = ctx.dotted(node)
        if dotted == "this.options.query":
            return ("query-object",)
        prop = node.child_by_field_id(F_PROPERTY)
        obj = self.value(node.child_by_field_id(F_OBJECT), env)
        name = ctx.text(prop) if prop is not None and prop.type == "property_identifier" else None
        if name is None:
            return None
        if obj is not None:
            if obj == ("query-object",):
                return ("query", name, None)
            if obj == ("items",) and name == "length":
                return ("count",)
            if obj == ("first-item",):
                return ("first", name)
            if obj == ("last-item",):
                return ("last", name)
            if obj[0] == "field":
                return ("field", f"{obj[1]}.{name}")  # `this.result_info?.cursors?.after`
            return None
        field = ctx.this_field(node)
        if field is None or field.startswith("options") or "." in field:
            return None
        if field == self.item_field:
            return ("items",)
        return ("field", field)


def _step(when: str | None, param: str, sym: Sym) -> JsPageStep:
    kind = sym[0]
    if kind == "field":
        return JsPageStep(when, param, "field", str(sym[1]))
    if kind in ("last", "first"):
        return JsPageStep(when, param, f"{kind}_item", str(sym[1]))
    if kind == "page":
        start = sym[2]
        return JsPageStep(
            when, param, "page_number", str(sym[1]), start if isinstance(start, int) else 1
        )
    if kind == "offset":
        return JsPageStep(when, param, "offset", str(sym[1]))
    raise Unreadable
