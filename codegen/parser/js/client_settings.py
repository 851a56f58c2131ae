"""Client settings the ``.d.ts`` does not carry: base URL, environment variables, fixed headers,
retries and timeout, read from the class whose constructor handles ``baseURL``."""

from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from codegen.parser.grammar_fields import (
    F_CONDITION,
    F_INDEX,
    F_KEY,
    F_LEFT,
    F_NAME,
    F_OBJECT,
    F_PROPERTY,
    F_RIGHT,
    F_VALUE,
)
from codegen.parser.js.auth import auth_header, auth_other, auth_position, auth_schemes
from codegen.parser.js.context import JsContext
from codegen.parser.js.facts import JsClientDefaults
from codegen.parser.js.tree import call_args, of_types, operator, safe, unparen, walk

# what `base_url`, `env`, `max_retries` and `timeout` look at in a client class
CLIENT_NODE_TYPES = (
    "binary_expression",
    "object_assignment_pattern",
    "assignment_pattern",
    "call_expression",
    "subscript_expression",
    "member_expression",
)


def read_client(ctx: JsContext, class_nodes: list[Node]) -> JsClientDefaults | None:
    """Client defaults, if some class's constructor handles ``baseURL``."""
    clients = [c for c in class_nodes if _handles_base_url(ctx, c)]
    if not clients:
        return None
    names = tuple(n for n in (ctx.class_name(c) for c in class_nodes) if n is not None)
    nodes = [n for c in clients for n in of_types(c, CLIENT_NODE_TYPES)]
    environments, default_env = safe(((), None), read_environments, ctx, nodes)
    base_url = safe(None, _base_url, ctx, nodes)
    # read once for both the literal and the computed headers
    header_objects = safe(list[Node](), _header_list, ctx, clients)
    if base_url is None and default_env is not None:
        base_url = dict(environments).get(default_env)
    return JsClientDefaults(
        class_names=tuple(dict.fromkeys(names)),
        base_url=base_url,
        env=safe((), _env, ctx, nodes),
        auth_header=safe(None, auth_header, ctx, clients),
        static_headers=safe((), _client_headers, ctx, header_objects),
        computed_headers=safe((), _computed_headers, ctx, header_objects),
        max_retries=safe(None, _max_retries, ctx, nodes),
        timeout_ms=safe(None, _timeout, ctx, clients, nodes),
        auth=safe((), auth_schemes, ctx, clients),
        auth_pos=safe(None, auth_position, ctx, clients),
        auth_other=safe(0, auth_other, ctx, clients),
        environments=environments,
        default_environment=default_env,
        handlers=tuple(n for n in (ctx.class_name(c) for c in clients) if n is not None),
    )


def _handles_base_url(ctx: JsContext, cls: Node) -> bool:
    ctor = ctx.methods(cls).get("constructor")
    if ctor is None or b"baseURL" not in ctx.source[ctor.start_byte : ctor.end_byte]:
        return False
    return any(
        n.type
        in (
            "identifier",
            "shorthand_property_identifier",
            "shorthand_property_identifier_pattern",
            "property_identifier",
        )
        and ctx.text(n) == "baseURL"
        for n in walk(ctor)
    )


def _base_url(ctx: JsContext, nodes: list[Node]) -> str | None:
    """``baseURL || `https://api.anthropic.com``` (or ``??``, or a parameter default)."""
    for n in nodes:
        if n.type == "binary_expression" and operator(n) in ("||", "??"):
            left, right = n.child_by_field_id(F_LEFT), n.child_by_field_id(F_RIGHT)
        elif n.type in ("object_assignment_pattern", "assignment_pattern"):
            left, right = n.child_by_field_id(F_LEFT), n.child_by_field_id(F_RIGHT)
        else:
            continue
        name = ctx.dotted(left) or (ctx.text(left) if left is not None else None)
        if name is None or name.split(".")[-1] != "baseURL":
            continue
        value = ctx.string(right)
        if value is not None:
            return value
    return None


def read_environments(
    ctx: JsContext, nodes: list[Node]
) -> tuple[tuple[tuple[str, str], ...], str | None]:
    """Named environments: ``MAP[options.environment || 'production']`` in the client, where
    ``MAP`` is a module-level ``const`` object of string literals. Anything else reads none."""
    for n in nodes:
        if n.type != "subscript_expression":
            continue
        obj = unparen(n.child_by_field_id(F_OBJECT))
        index = unparen(n.child_by_field_id(F_INDEX))
        if obj is None or obj.type != "identifier" or index is None:
            continue
        if index.type != "binary_expression" or operator(index) not in ("||", "??"):
            continue
        option = ctx.last_name(index.child_by_field_id(F_LEFT))
        default = ctx.string(index.child_by_field_id(F_RIGHT))
        if option != "environment" or default is None:
            continue
        table = _const_object(ctx, ctx.text(obj))
        if table and default in dict(table):
            return table, default
    return (), None


def _const_object(ctx: JsContext, name: str) -> tuple[tuple[str, str], ...]:
    """``const NAME = { key: 'literal', ... }`` at the top of the module; every value a string."""
    for decl in ctx.root.named_children:
        if decl.type not in ("lexical_declaration", "variable_declaration"):
            continue
        for d in decl.named_children:
            value = unparen(d.child_by_field_id(F_VALUE))
            if d.type != "variable_declarator" or value is None or value.type != "object":
                continue
            if ctx.text(d.child_by_field_id(F_NAME) or d) != name:
                continue
            pairs: list[tuple[str, str]] = []
            for pair in value.named_children:
                key = ctx.key(pair.child_by_field_id(F_KEY)) if pair.type == "pair" else None
                url = ctx.string(pair.child_by_field_id(F_VALUE)) if key else None
                if key is None or url is None:
                    return ()
                pairs.append((key, url))
            return tuple(pairs)
    return ()


def _env(ctx: JsContext, nodes: list[Node]) -> tuple[tuple[str, str], ...]:
    """Option -> environment variable, from each ``readEnv('X')`` and where its value goes."""
    out: list[tuple[str, str]] = []
    for n in nodes:
        var = _env_read(ctx, n)
        if var is None:
            continue
        option = _env_target(ctx, n)
        if option is not None and (option, var) not in out:
            out.append((option, var))
    return tuple(out)


def _env_read(ctx: JsContext, node: Node) -> str | None:
    if node.type == "call_expression" and ctx.callee(node) == "readEnv":
        args = call_args(node)
        return ctx.string(args[0]) if args else None
    if node.type in ("subscript_expression", "member_expression"):
        obj = unparen(node.child_by_field_id(F_OBJECT))
        # cheap test first: a full `dotted` on every member node would be quadratic
        if obj is None or obj.type != "member_expression" or ctx.last_name(obj) != "env":
            return None
        if ctx.dotted(obj) != "process.env":
            return None
        if node.type == "subscript_expression":
            return ctx.string(node.child_by_field_id(F_INDEX))
        return ctx.last_name(node)
    return None


def _env_target(ctx: JsContext, node: Node) -> str | None:
    """Climb from the read through ``??``, ``?:``, calls... to the option it initialises."""
    child, up = node, node.parent
    while up is not None:
        kind = up.type
        if kind in ("object_assignment_pattern", "assignment_pattern"):
            left = up.child_by_field_id(F_LEFT)
            return ctx.text(left) if left is not None and left != child else None
        if kind == "pair":
            value = up.child_by_field_id(F_VALUE)
            return ctx.key(up.child_by_field_id(F_KEY)) if value == child else None
        if kind == "assignment_expression":
            left = up.child_by_field_id(F_LEFT)
            if left is None or left == child:
                return None
            target = ctx.dotted(left)
            return target.split(".")[-1] if target is not None else None
        if kind == "ternary_expression" and up.child_by_field_id(F_CONDITION) == child:
            return None
        if kind not in (
            "binary_expression",
            "parenthesized_expression",
            "ternary_expression",
            "arguments",
            "call_expression",
            "await_expression",
            "as_expression",
            "non_null_expression",
        ):
            return None
        child, up = up, up.parent
    return None


def _header_objects(ctx: JsContext, clients: list[Node]) -> Iterator[Node]:
    """The object literals a client merges into every request's headers: those passed to
    ``buildHeaders([...])`` in its request-building methods, or returned by ``defaultHeaders``."""
    for cls in clients:
        methods = ctx.methods(cls)
        for method_name in ("buildHeaders", "buildRequest", "defaultHeaders"):
            method = methods.get(method_name)
            for n in walk(method, into_functions=False) if method is not None else []:
                if n.type == "call_expression" and ctx.callee(n) == "buildHeaders":
                    args = call_args(n)
                    array = unparen(args[0]) if args else None
                    if array is not None and array.type == "array":
                        yield from (e for e in array.named_children if e.type == "object")
                elif n.type == "return_statement" and method_name == "defaultHeaders":
                    ret = unparen(n.named_children[0]) if n.named_children else None
                    if ret is not None and ret.type == "object":
                        yield ret


def _header_list(ctx: JsContext, clients: list[Node]) -> list[Node]:
    return list(_header_objects(ctx, clients))


def _client_headers(ctx: JsContext, objects: list[Node]) -> tuple[tuple[str, str], ...]:
    """Literal headers every request gets: the objects passed to ``buildHeaders([...])``."""
    out: dict[str, str] = {}
    for obj in objects:
        for pair in obj.named_children:
            if pair.type != "pair":
                continue
            key = ctx.key(pair.child_by_field_id(F_KEY))
            value = ctx.string(pair.child_by_field_id(F_VALUE))
            if key is not None and value is not None:
                out.setdefault(key, value)
    return tuple(out.items())


def _computed_headers(ctx: JsContext, objects: list[Node]) -> tuple[str, ...]:
    """What every request gets beyond literals: ``user-agent`` when a ``User-Agent`` key is set
    (``this.getUserAgent()``), ``platform`` when ``...getPlatformHeaders()`` is spread in (the
    ``X-Stainless-*`` platform headers of ``internal/detect-platform.js``)."""
    found: list[str] = []
    for obj in objects:
        for member in obj.named_children:
            if member.type == "pair":
                key = ctx.key(member.child_by_field_id(F_KEY))
                if key is not None and key.lower() == "user-agent":
                    found.append("user-agent")
            elif member.type == "spread_element" and member.named_children:
                call = unparen(member.named_children[0])
                if call is not None and ctx.callee(call) == "getPlatformHeaders":
                    found.append("platform")
    return tuple(sorted(set(found)))


def _max_retries(ctx: JsContext, nodes: list[Node]) -> int | None:
    """``options.maxRetries ?? 2`` (not ``this.maxRetries``) or a ``maxRetries = 2`` default."""
    for n in nodes:
        if n.type == "binary_expression" and operator(n) in ("??", "||"):
            left = ctx.dotted(n.child_by_field_id(F_LEFT))
            if left is None or left.startswith("this.") or left.split(".")[-1] != "maxRetries":
                continue
        elif n.type in ("object_assignment_pattern", "assignment_pattern"):
            left_node = n.child_by_field_id(F_LEFT)
            if left_node is None or ctx.text(left_node) != "maxRetries":
                continue
        else:
            continue
        value = ctx.number(n.child_by_field_id(F_RIGHT))
        if value is not None:
            return value
    return None


def _assignments_around(ctx: JsContext, word: bytes) -> list[Node]:
    """The assignments enclosing some occurrence of ``word``, in pre-order: a superset of those
    whose target's last name is ``word``, found without querying the whole file."""
    found: dict[tuple[int, int], Node] = {}
    at = ctx.source.find(word)
    while at >= 0:
        node = ctx.root.descendant_for_byte_range(at, at + len(word))
        while node is not None:
            if node.type == "assignment_expression":
                found[(node.start_byte, node.end_byte)] = node
            node = node.parent
        at = ctx.source.find(word, at + 1)
    return [found[k] for k in sorted(found, key=lambda k: (k[0], -k[1]))]


def _timeout(ctx: JsContext, clients: list[Node], nodes: list[Node]) -> int | None:
    """``X.DEFAULT_TIMEOUT = 600000`` / ``static DEFAULT_TIMEOUT = ...``; else ``?? <ms>``."""
    for cls in clients:
        for member in ctx.members(cls):
            if member.type in ("public_field_definition", "field_definition"):
                name = member.child_by_field_id(F_NAME) or member.child_by_field_id(F_PROPERTY)
                if ctx.key(name) == "DEFAULT_TIMEOUT":
                    value = ctx.number(member.child_by_field_id(F_VALUE))
                    if value is not None:
                        return value
    for n in _assignments_around(ctx, b"DEFAULT_TIMEOUT"):
        left = unparen(n.child_by_field_id(F_LEFT))
        if left is None or left.type != "member_expression":
            continue
        if ctx.last_name(left) == "DEFAULT_TIMEOUT":
            value = ctx.number(n.child_by_field_id(F_RIGHT))
            if value is not None:
                return value
    for n in nodes:
        if n.type == "binary_expression" and operator(n) in ("??", "||"):
            ref = ctx.dotted(n.child_by_field_id(F_LEFT))
            if ref is not None and not ref.startswith("this.") and ref.endswith(".timeout"):
                value = ctx.number(n.child_by_field_id(F_RIGHT))
                if value is not None:
                    return value
    return None
