"""Facts read from the compiled ``.js`` files of a Stainless-generated TypeScript SDK.

The ``.d.ts`` declarations say what a method accepts and returns, but not how it talks to the
API: the HTTP verb, the path template, which parameters go to the body, the query or a header,
which page class a list uses, how a page finds the next one, which status maps to which error,
and the client's defaults. Those live only in the compiled JavaScript, so this module reads it.

It recognises the shapes Stainless emits and nothing more. Anything else is not reported rather
than guessed at, and ``read_js`` never raises: the caller compares what it got with what it needs
and reports the gaps.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import ParamSpec, TypeVar

import tree_sitter_typescript
from tree_sitter import Language, Node, Parser, Query, QueryCursor

__all__ = [
    "JsClass",
    "JsClientDefaults",
    "JsErrorStatus",
    "JsMethod",
    "JsModule",
    "JsPageRule",
    "JsPageStep",
    "JsPos",
    "JsRequest",
    "read_js",
]


# --- Results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class JsPos:
    """1-based line and column (in characters) of a node, for diagnostics."""

    line: int
    col: int


@dataclass(frozen=True)
class JsRequest:
    """One ``this._client.<verb>(...)`` or ``this._client.getAPIList(...)`` call in a method.

    ``headers`` lists every header the call sets, in source order, with the expression that feeds
    it (``None`` for a literal, whose value is in ``static_headers``). A header such as
    ``'anthropic-beta': [...(betas ?? []), 'x-2025'].toString()`` is both: it is in ``headers``
    with its source ``'betas'`` and in ``static_headers`` with the literals joined by ``,``.
    A header source that is a renamed destructured local (``{ 'X-Id': xId } = params``) is given
    as the params key (``'X-Id'``), like ``JsMethod.destructures``.

    Beyond the brief's fields: ``options_wrapper`` names a function the options object is passed
    through first (``'multipartFormRequestOptions'`` for an upload); ``query_fields`` /
    ``body_fields`` are the keys of an inline object literal given as ``query`` / ``body``
    (``query: { view }`` -> ``('view',)``), where ``query_from`` / ``body_from`` are ``None``.
    """

    verb: str
    path: str | None
    path_expr: str | None
    page_class: str | None
    option_keys: tuple[str, ...]
    body_from: str | None
    query_from: str | None
    headers: tuple[tuple[str, str | None], ...]
    static_headers: tuple[tuple[str, str], ...]
    span_route: str | None
    pos: JsPos
    options_wrapper: str | None = None
    query_fields: tuple[str, ...] = ()
    body_fields: tuple[str, ...] = ()
    # functions the headers come from that are not read here (``messagesCreateHeaders(...)``)
    header_calls: tuple[str, ...] = ()
    # ``__binaryResponse: true`` / ``stream: true`` in the options (a literal ``true`` only)
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class JsMethod:
    """A class method with the facts its body shows about the HTTP call(s) it makes."""

    name: str
    params: tuple[str, ...]
    destructures: tuple[tuple[str, tuple[str, ...], str | None], ...]
    requests: tuple[JsRequest, ...]
    self_calls: tuple[tuple[str, str | None], ...]
    guards: tuple[str, ...]
    pos: JsPos


@dataclass(frozen=True)
class JsClass:
    """A class declaration, its methods, and the sub-resources it attaches to itself."""

    name: str
    base: str | None
    methods: tuple[JsMethod, ...]
    attached: tuple[tuple[str, str], ...]
    pos: JsPos


@dataclass(frozen=True)
class JsPageStep:
    """When the current request's query has ``when_query_has`` (``None``: otherwise), the next
    request sets query ``param`` from ``source``: ``field`` (the page's ``field``),
    ``last_item``/``first_item`` (that item's ``field``), ``page_number`` (query ``field``, or
    ``start``, plus one) or ``offset`` (query ``field``, or 0, plus the items on this page)."""

    when_query_has: str | None
    param: str
    source: str
    field: str
    start: int = 0


@dataclass(frozen=True)
class JsPageRule:
    """How one page class reads its items and asks for the next page (see ``js_pages``).
    ``readable`` is False when its next-page method does something not modelled; ``line``/``col``
    locate that method."""

    cls: str
    item_field: str | None
    has_more_field: str | None
    cursors: tuple[JsPageStep, ...]
    readable: bool = True
    line: int = 0
    col: int = 0


@dataclass(frozen=True)
class JsErrorStatus:
    """A status (``exact``) or status floor (``at_least``) that ``APIError.generate`` maps."""

    cls: str
    status: int
    match: str


@dataclass(frozen=True)
class JsClientDefaults:
    """Defaults of the client class: base URL, environment variables, auth and fixed headers."""

    class_names: tuple[str, ...]
    base_url: str | None
    env: tuple[tuple[str, str], ...]
    auth_header: str | None
    static_headers: tuple[tuple[str, str], ...]
    max_retries: int | None
    timeout_ms: int | None
    # (option, header, prefix, suffix) per scheme, in the order ``authHeaders()`` merges them
    auth: tuple[tuple[str, str, str, str], ...] = ()
    # where ``authHeaders()`` is, and how many of its ``buildHeaders`` calls are not the schemes'
    # (credentials resolved at run time: a key function, a token cache)
    auth_pos: JsPos | None = None
    auth_other: int = 0


@dataclass(frozen=True)
class JsModule:
    """Everything read from one file; each part is empty when the file has none of it."""

    classes: tuple[JsClass, ...]
    page_rules: tuple[JsPageRule, ...]
    error_statuses: tuple[JsErrorStatus, ...]
    client: JsClientDefaults | None


# --- Entry point -------------------------------------------------------------------------------

_VERBS = frozenset({"get", "post", "put", "patch", "delete"})
_T = TypeVar("_T")
_P = ParamSpec("_P")
_EMPTY = JsModule(classes=(), page_rules=(), error_statuses=(), client=None)


def read_js(source: bytes, file: str) -> JsModule:
    """Read the facts of one compiled ``.js`` file; never raises (odd input gives fewer facts).

    ``file`` only names the input; it is not opened.
    """
    del file  # positions are returned bare; the caller owns the file name
    try:
        tree = Parser(_language()).parse(source)
    except Exception:
        return _EMPTY
    ctx = _Ctx(source, tree.root_node)
    class_nodes = _safe(list[Node](), ctx.class_nodes)
    classes = tuple(c for c in (_safe(None, ctx.read_class, n) for n in class_nodes) if c)
    page_rules = tuple(r for r in (_safe(None, ctx.read_page_rule, n) for n in class_nodes) if r)
    errors = _safe((), ctx.read_error_statuses, class_nodes)
    client = _safe(None, ctx.read_client, class_nodes)
    return JsModule(classes=classes, page_rules=page_rules, error_statuses=errors, client=client)


_LANGUAGE: list[Language] = []


def _language() -> Language:
    """The TypeScript grammar, built once: compiled JS is (nearly) a subset of TypeScript."""
    if not _LANGUAGE:
        _LANGUAGE.append(Language(tree_sitter_typescript.language_typescript()))
    return _LANGUAGE[0]


def _safe(default: _T, fn: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
    """Run one extraction; any failure (including deep recursion) just drops that fact."""
    try:
        return fn(*args, **kwargs)
    except Exception:
        return default


# --- Small node helpers ------------------------------------------------------------------------


def _walk(node: Node, *, into_functions: bool = True) -> Iterator[Node]:
    """Pre-order descendants (``node`` included), iteratively so deep input cannot overflow."""
    stack = [node]
    while stack:
        cur = stack.pop()
        yield cur
        if not into_functions and cur is not node and cur.type in _FUNCTION_TYPES:
            continue
        stack.extend(reversed(cur.children))


def _of_types(node: Node, types: tuple[str, ...]) -> list[Node]:
    """Descendants of ``node`` (included) of the given types, in pre-order.

    Same nodes as filtering ``_walk(node)``, but matched by a tree-sitter query in C: walking
    every node in Python was the parser's largest cost on big trees.
    """
    found = QueryCursor(_type_query(types)).captures(node).get("n", [])
    return sorted(found, key=lambda n: (n.start_byte, -n.end_byte))


_QUERIES: dict[tuple[str, ...], Query] = {}


def _type_query(types: tuple[str, ...]) -> Query:
    if types not in _QUERIES:
        pattern = "[" + " ".join(f"({t})" for t in types) + "] @n"
        _QUERIES[types] = Query(_language(), pattern)
    return _QUERIES[types]


_METHOD_NODE_TYPES = ("call_expression", "variable_declarator", "pair_pattern", "if_statement")
# what `base_url`, `env`, `max_retries` and `timeout` look at in a client class
_CLIENT_NODE_TYPES = (
    "binary_expression",
    "object_assignment_pattern",
    "assignment_pattern",
    "call_expression",
    "subscript_expression",
    "member_expression",
)
_CLASS_NODE_TYPES = ("class_declaration", "class", "abstract_class_declaration")


_FUNCTION_TYPES = frozenset(
    {"function_declaration", "function_expression", "function", "arrow_function", "class_body"}
)


def _field(node: Node | None, name: str) -> Node | None:
    return node.child_by_field_name(name) if node is not None else None


def _unparen(node: Node | None) -> Node | None:
    """Strip parentheses and TypeScript-only wrappers that do not change the value."""
    while node is not None and node.type in (
        "parenthesized_expression",
        "non_null_expression",
        "as_expression",
        "satisfies_expression",
    ):
        inner = [c for c in node.named_children if c.type != "comment"]
        if not inner:
            return None
        node = inner[0]
    return node


def _args(call: Node) -> list[Node]:
    """The argument expressions of a call (a tagged template has the template as its only one)."""
    args = call.child_by_field_name("arguments")
    if args is None:
        return []
    if args.type == "template_string":
        return [args]
    return [a for a in args.named_children if a.type != "comment"]


def _operator(node: Node) -> str | None:
    op = node.child_by_field_name("operator")
    if op is not None:
        return op.type
    for child in node.children:
        if not child.is_named:
            return child.type
    return None


def _has_anon(node: Node, *words: str) -> bool:
    return any(not c.is_named and c.type in words for c in node.children)


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_ESCAPE_RE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|.)", re.S)


def _unescape(raw: str) -> str:
    def one(m: re.Match[str]) -> str:
        s = m.group(1)
        if s.startswith("u{"):
            return _chr(int(s[2:-1], 16))
        if s[0] in "ux" and len(s) > 1:
            return _chr(int(s[1:], 16))
        if s in ("\n", "\r\n", "\r", "\u2028", "\u2029"):
            return ""
        return _ESCAPES.get(s, s)

    return _ESCAPE_RE.sub(one, raw)


def _chr(code: int) -> str:
    return chr(code) if 0 <= code <= 0x10FFFF else "\ufffd"


def _num(node: Node | None, ctx: _Ctx) -> int | None:
    """An integer from a number literal or simple arithmetic on them (``10 * 60 * 1000``)."""
    node = _unparen(node)
    if node is None:
        return None
    if node.type == "number":
        text = ctx.text(node).replace("_", "").lower()
        try:
            if text.startswith(("0x", "0o", "0b")):
                return int(text, 0)
            value = float(text)
        except ValueError:
            return None
        return int(value) if value.is_integer() else None
    if node.type == "binary_expression":
        left, right = _num(_field(node, "left"), ctx), _num(_field(node, "right"), ctx)
        op = _operator(node)
        if left is None or right is None:
            return None
        if op == "*":
            return left * right
        if op == "+":
            return left + right
        if op == "-":
            return left - right
    return None


# --- The reader --------------------------------------------------------------------------------


class _Ctx:
    """Source text and tree of one file, with the readers that need both."""

    def __init__(self, source: bytes, root: Node) -> None:
        self.source = source
        self.root = root
        self._file_nodes: list[Node] | None = None
        self._methods: dict[tuple[int, int], dict[str, Node]] = {}
        self._method_nodes: list[Node] | None = None
        self._method_starts: list[int] = []

    # -- basic text ------------------------------------------------------------------------------

    def text(self, node: Node) -> str:
        return self.source[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def pos(self, node: Node) -> JsPos:
        line_start = node.start_byte - node.start_point[1]
        col = len(self.source[max(line_start, 0) : node.start_byte].decode("utf-8", "replace"))
        return JsPos(line=node.start_point[0] + 1, col=col + 1)

    def string(self, node: Node | None) -> str | None:
        """Value of a string literal or a template with no substitutions; else ``None``."""
        node = _unparen(node)
        if node is None or node.type not in ("string", "template_string"):
            return None
        parts: list[str] = []
        for child in node.named_children:
            if child.type == "string_fragment":
                parts.append(self.text(child))
            elif child.type == "escape_sequence":
                parts.append(_unescape(self.text(child)))
            elif child.type == "comment":
                continue
            else:
                return None
        return "".join(parts)

    def key(self, node: Node | None) -> str | None:
        """The name of an object key or class member name, as written."""
        if node is None:
            return None
        if node.type in ("property_identifier", "identifier", "shorthand_property_identifier"):
            return self.text(node)
        if node.type in ("string", "number"):
            return self.string(node) if node.type == "string" else self.text(node)
        if node.type == "computed_property_name":
            inner = node.named_children
            return self.string(inner[0]) if inner else None
        return None

    def last_name(self, node: Node | None) -> str | None:
        """``resource_1.APIResource`` -> ``APIResource``; ``(pagination_1.Page)`` -> ``Page``."""
        node = _unparen(node)
        if node is None:
            return None
        if node.type in ("identifier", "type_identifier", "property_identifier"):
            return self.text(node)
        if node.type == "member_expression":
            return self.last_name(node.child_by_field_name("property"))
        if node.type == "sequence_expression":  # `(0, path_1.path)`
            named = node.named_children
            return self.last_name(named[-1]) if named else None
        return None

    def callee(self, call: Node) -> str | None:
        """The called function's name: ``(0, headers_1.buildHeaders)(...)`` -> ``buildHeaders``."""
        if call.type not in ("call_expression", "new_expression"):
            return None
        fn = call.child_by_field_name("function") or call.child_by_field_name("constructor")
        return self.last_name(fn)

    def dotted(self, node: Node | None) -> str | None:
        """``batch.results_url`` / ``this.options?.query`` as a plain dotted name, else ``None``."""
        parts: list[str] = []
        node = _unparen(node)
        while node is not None and node.type == "member_expression":
            prop = node.child_by_field_name("property")
            if prop is None or prop.type != "property_identifier":
                return None
            parts.append(self.text(prop))
            node = _unparen(node.child_by_field_name("object"))
        if node is None or node.type not in ("identifier", "this", "property_identifier"):
            return None
        parts.append(self.text(node))
        return ".".join(reversed(parts))

    def this_field(self, node: Node | None) -> str | None:
        """``this.last_id`` -> ``last_id`` (``this.a.b`` -> ``a.b``), else ``None``."""
        name = self.dotted(node)
        if name is None or not name.startswith("this."):
            return None
        return name[len("this.") :]

    def source_ref(self, node: Node | None) -> str | None:
        """The parameter an expression's value comes from: ``betas?.toString()`` -> ``betas``."""
        node = _unparen(node)
        for _ in range(32):
            if node is None:
                return None
            if node.type in ("identifier", "member_expression"):
                return self.dotted(node)
            if node.type == "binary_expression" and _operator(node) in (
                "??",
                "||",
                "!=",
                "!==",
            ):
                node = _unparen(node.child_by_field_name("left"))
            elif node.type == "call_expression":
                fn = _unparen(node.child_by_field_name("function"))
                args = _args(node)
                if fn is not None and fn.type == "member_expression" and not args:
                    if self.last_name(fn) not in ("toString", "join"):
                        return None
                    node = _unparen(fn.child_by_field_name("object"))
                elif fn is not None and fn.type == "identifier" and self.text(fn) == "String":
                    node = _unparen(args[0]) if len(args) == 1 else None
                else:
                    return None
            elif node.type == "array":
                spreads = [c for c in node.named_children if c.type == "spread_element"]
                if len(spreads) != 1 or not spreads[0].named_children:
                    return None
                node = _unparen(spreads[0].named_children[0])
            else:
                return None
        return None

    # -- classes ---------------------------------------------------------------------------------

    def class_nodes(self) -> list[Node]:
        """Every named class in the file, in source order (also those inside an IIFE)."""
        return [
            n
            for n in self.file_nodes()
            if n.type in _CLASS_NODE_TYPES and self.class_name(n) is not None
        ]

    def class_name(self, node: Node) -> str | None:
        name = node.child_by_field_name("name")
        if name is not None:
            return self.text(name)
        parent = node.parent
        if parent is not None and parent.type == "variable_declarator":
            var = parent.child_by_field_name("name")
            if var is not None and var.type == "identifier":
                return self.text(var)
        return None

    def class_base(self, node: Node) -> str | None:
        for heritage in node.named_children:
            if heritage.type != "class_heritage":
                continue
            for clause in heritage.named_children:
                if clause.type == "extends_clause":
                    return self.last_name(clause.child_by_field_name("value"))
            # plain-JS grammars put the expression straight under the heritage
            named = heritage.named_children
            return self.last_name(named[0]) if named else None
        return None

    def members(self, cls: Node) -> list[Node]:
        body = cls.child_by_field_name("body")
        return body.named_children if body is not None else []

    def methods(self, cls: Node) -> dict[str, Node]:
        """Plain methods by name (no accessors, no computed or private names), first one wins.

        Asked for several times per class (methods, constructor, page and client rules): once."""
        key = (cls.start_byte, cls.end_byte)
        if key not in self._methods:
            self._methods[key] = self._read_methods(cls)
        return self._methods[key]

    def _read_methods(self, cls: Node) -> dict[str, Node]:
        out: dict[str, Node] = {}
        for member in self.members(cls):
            if member.type != "method_definition" or _has_anon(member, "get", "set"):
                continue
            name = member.child_by_field_name("name")
            if name is None or name.type != "property_identifier":
                continue
            out.setdefault(self.text(name), member)
        return out

    def file_nodes(self) -> list[Node]:
        """Every class and method-level node of the file, from one query run."""
        if self._file_nodes is None:
            self._file_nodes = _of_types(self.root, _CLASS_NODE_TYPES + _METHOD_NODE_TYPES)
        return self._file_nodes

    def method_nodes(self, body: Node) -> list[Node]:
        """The nodes of `_METHOD_NODE_TYPES` inside `body`, in pre-order: one query per file,
        sliced per method by byte range (a query per method costs more than the matching)."""
        if self._method_nodes is None:
            self._method_nodes = [n for n in self.file_nodes() if n.type in _METHOD_NODE_TYPES]
            self._method_starts = [n.start_byte for n in self._method_nodes]
        lo = bisect.bisect_left(self._method_starts, body.start_byte)
        hi = bisect.bisect_left(self._method_starts, body.end_byte)
        return [n for n in self._method_nodes[lo:hi] if n.end_byte <= body.end_byte]

    def read_class(self, node: Node) -> JsClass | None:
        name = self.class_name(node)
        if name is None:
            return None
        methods: list[JsMethod] = []
        for method_name, method in self.methods(node).items():
            if method_name == "constructor":
                continue
            read = _safe(None, self.read_method, method_name, method)
            if read is not None:
                methods.append(read)
        return JsClass(
            name=name,
            base=_safe(None, self.class_base, node),
            methods=tuple(methods),
            attached=_safe((), self.attached, node),
            pos=self.pos(node),
        )

    def attached(self, cls: Node) -> tuple[tuple[str, str], ...]:
        """Sub-resources: ``this.batches = new X.Batches(...)`` in the constructor, or a field."""
        out: list[tuple[str, str]] = []
        for member in self.members(cls):
            if member.type in ("public_field_definition", "field_definition"):
                if _has_anon(member, "static"):
                    continue
                value = _unparen(member.child_by_field_name("value"))
                name = self.key(
                    member.child_by_field_name("name") or member.child_by_field_name("property")
                )
                if name is not None and value is not None and value.type == "new_expression":
                    target = self.callee(value)
                    if target is not None:
                        out.append((name, target))
        ctor = self.methods(cls).get("constructor")
        body = _field(ctor, "body")
        if body is not None:
            for stmt in body.named_children:
                expr = stmt.named_children[0] if stmt.type == "expression_statement" else None
                if expr is None or expr.type != "assignment_expression":
                    continue
                field = self.this_field(expr.child_by_field_name("left"))
                value = _unparen(expr.child_by_field_name("right"))
                if field is None or "." in field or value is None:
                    continue
                if value.type == "new_expression":
                    target = self.callee(value)
                    if target is not None:
                        out.append((field, target))
        return tuple(out)

    # -- methods ---------------------------------------------------------------------------------

    def read_method(self, name: str, node: Node) -> JsMethod:
        body = node.child_by_field_name("body")
        nodes = self.method_nodes(body) if body is not None else []
        local_values = self.local_values(nodes)
        renames = _safe({}, self.renames, nodes)
        requests: list[JsRequest] = []
        self_calls = []
        for n in nodes:
            if n.type != "call_expression":
                continue
            # requests (`this._client.post(...)`) and self-calls (`this.retrieve(...)`) both
            # start with `this.`: a byte test spares reading every other call
            if self.source[n.start_byte : n.start_byte + 5] != b"this.":
                continue
            req = _safe(None, self.read_request, n, local_values)
            if req is not None:
                if renames and req.headers:
                    headers = tuple((h, renames.get(s, s) if s else s) for h, s in req.headers)
                    req = replace(req, headers=headers)
                requests.append(req)
                continue
            self_call = self.self_call(n)
            if self_call is not None:
                self_calls.append(self_call)
        return JsMethod(
            name=name,
            params=_safe((), self.params, node),
            destructures=_safe((), self.destructures, nodes),
            requests=tuple(requests),
            self_calls=tuple(self_calls),
            guards=_safe((), self.guards, nodes),
            pos=self.pos(node),
        )

    def params(self, method: Node) -> tuple[str, ...]:
        """Names of identifier parameters, defaults stripped; destructured ones are skipped."""
        params = method.child_by_field_name("parameters")
        out: list[str] = []
        for param in params.named_children if params is not None else []:
            pattern: Node | None = param
            if param.type in ("required_parameter", "optional_parameter"):
                pattern = param.child_by_field_name("pattern")
            if pattern is not None and pattern.type == "assignment_pattern":
                pattern = pattern.child_by_field_name("left")
            if pattern is not None and pattern.type == "rest_pattern":
                pattern = pattern.named_children[0] if pattern.named_children else None
            if pattern is not None and pattern.type == "identifier":
                out.append(self.text(pattern))
        return tuple(out)

    def local_values(self, nodes: list[Node]) -> dict[str, Node]:
        """``const name = <expr>`` in a method body, first declaration of each name."""
        out: dict[str, Node] = {}
        for n in nodes:
            if n.type != "variable_declarator":
                continue
            name, value = n.child_by_field_name("name"), n.child_by_field_name("value")
            if name is not None and name.type == "identifier" and value is not None:
                out.setdefault(self.text(name), value)
        return out

    def destructures(
        self, nodes: list[Node]
    ) -> tuple[tuple[str, tuple[str, ...], str | None], ...]:
        """``const { a, b, ...body } = params ?? {}`` -> ``('params', ('a', 'b'), 'body')``."""
        out: list[tuple[str, tuple[str, ...], str | None]] = []
        for n in nodes:
            if n.type != "variable_declarator":
                continue
            pattern, value = n.child_by_field_name("name"), _unparen(n.child_by_field_name("value"))
            if pattern is None or pattern.type != "object_pattern" or value is None:
                continue
            if value.type == "binary_expression" and _operator(value) in ("??", "||"):
                value = _unparen(value.child_by_field_name("left"))
            source = self.dotted(value)
            if source is None:
                continue
            names: list[str] = []
            rest: str | None = None
            for prop in pattern.named_children:
                if prop.type == "shorthand_property_identifier_pattern":
                    names.append(self.text(prop))
                elif prop.type == "object_assignment_pattern":
                    left = prop.child_by_field_name("left")
                    if left is not None:
                        names.append(self.text(left))
                elif prop.type == "pair_pattern":
                    key = self.key(prop.child_by_field_name("key"))
                    if key is not None:
                        names.append(key)
                elif prop.type == "rest_pattern" and prop.named_children:
                    rest = self.text(prop.named_children[0])
            out.append((source, tuple(names), rest))
        return tuple(out)

    def renames(self, nodes: list[Node]) -> dict[str, str]:
        """Locals bound under another key: ``{ 'X-Id': xId } = params`` -> ``{'xId': 'X-Id'}``."""
        out: dict[str, str] = {}
        for n in nodes:
            if n.type != "pair_pattern" or n.parent is None or n.parent.type != "object_pattern":
                continue
            key = self.key(n.child_by_field_name("key"))
            value = n.child_by_field_name("value")
            if key is not None and value is not None and value.type == "identifier":
                out.setdefault(self.text(value), key)
        return out

    def self_call(self, call: Node) -> tuple[str, str | None] | None:
        """``const batch = await this.retrieve(id)`` -> ``('retrieve', 'batch')``."""
        fn = _unparen(call.child_by_field_name("function"))
        if fn is None or fn.type != "member_expression":
            return None
        obj, prop = fn.child_by_field_name("object"), fn.child_by_field_name("property")
        if obj is None or obj.type != "this" or prop is None or prop.type != "property_identifier":
            return None
        target: str | None = None
        up = call.parent
        while up is not None and up.type in ("await_expression", "parenthesized_expression"):
            up = up.parent
        if up is not None and up.type == "variable_declarator":
            name = up.child_by_field_name("name")
            if name is not None and name.type == "identifier":
                target = self.text(name)
        elif up is not None and up.type == "assignment_expression":
            target = self.dotted(up.child_by_field_name("left"))
        return (self.text(prop), target)

    def guards(self, nodes: list[Node]) -> tuple[str, ...]:
        """Values tested for falsiness/nullness by an ``if`` whose branch throws."""
        out: list[str] = []
        for n in nodes:
            if n.type != "if_statement" or not _throws(n.child_by_field_name("consequence")):
                continue
            for test in _disjuncts(_unparen(n.child_by_field_name("condition"))):
                ref: str | None = None
                if test.type == "unary_expression" and _operator(test) == "!":
                    ref = self.dotted(test.child_by_field_name("argument"))
                elif test.type == "binary_expression" and _operator(test) in ("==", "==="):
                    right = _unparen(test.child_by_field_name("right"))
                    if right is not None and right.type in ("null", "undefined"):
                        ref = self.dotted(test.child_by_field_name("left"))
                if ref is not None and ref not in out:
                    out.append(ref)
        return tuple(out)

    # -- requests --------------------------------------------------------------------------------

    def read_request(self, call: Node, local_values: dict[str, Node]) -> JsRequest | None:
        fn = _unparen(call.child_by_field_name("function"))
        if fn is None or fn.type != "member_expression":
            return None
        method = self.last_name(fn.child_by_field_name("property"))
        if method not in _VERBS and method != "getAPIList":
            return None
        if self.dotted(fn.child_by_field_name("object")) != "this._client":
            return None
        args = _args(call)
        if method == "getAPIList":
            verb, page_class = "get", self.last_name(args[1]) if len(args) > 1 else None
            options = args[2] if len(args) > 2 else None
        elif method in _VERBS:
            verb, page_class = method, None
            options = args[1] if len(args) > 1 else None
        else:
            return None
        path, path_expr = self.path(args[0]) if args else (None, None)
        opts = _Options()
        options = _unparen(options)
        if options is not None and options.type == "call_expression":
            inner = _args(options)
            if inner and _unparen(inner[0]) is not None:
                opts.wrapper = self.callee(options)
                options = _unparen(inner[0])
        if options is not None:
            _safe(None, self.read_options, options, local_values, opts, 0)
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
            pos=self.pos(call),
            options_wrapper=opts.wrapper,
            query_fields=tuple(opts.query_fields),
            body_fields=tuple(opts.body_fields),
            header_calls=tuple(opts.header_calls),
            flags=tuple(opts.flags),
        )

    def path(self, node: Node) -> tuple[str | None, str | None]:
        """A literal path, or a ``path`...```/plain template as ``/a/{id}``; else its source."""
        expr = _unparen(node)
        if expr is None:
            return None, self.text(node)
        literal = self.string(expr)
        if literal is not None:
            return literal, None
        template: Node | None = None
        if expr.type == "template_string":
            template = expr
        elif expr.type == "call_expression" and self.callee(expr) == "path":
            args = _args(expr)
            if len(args) == 1 and args[0].type == "template_string":
                template = args[0]
        if template is not None:
            parts: list[str] = []
            for piece in self.template_pieces(template):
                if piece is None:
                    return None, self.text(expr)
                if isinstance(piece, str):
                    parts.append(piece)
                else:
                    ref = self.dotted(piece)
                    parts.append("{" + (ref if ref is not None else self.text(piece)) + "}")
            return "".join(parts), None
        return None, self.text(expr)

    def template_pieces(self, template: Node) -> list[str | Node | None]:
        """A template string's text (escapes undone) and its `${...}` expressions, in order;
        None for a substitution that is not exactly one expression."""
        pieces: list[str | Node | None] = []
        for child in template.named_children:
            if child.type == "string_fragment":
                pieces.append(self.text(child))
            elif child.type == "escape_sequence":
                pieces.append(_unescape(self.text(child)))
            elif child.type == "template_substitution":
                inner = [c for c in child.named_children if c.type != "comment"]
                pieces.append(inner[0] if len(inner) == 1 else None)
        return pieces

    def read_options(
        self, node: Node | None, local_values: dict[str, Node], opts: _Options, depth: int
    ) -> None:
        """Read the request-options object; spreads of a local object literal are inlined."""
        node = _unparen(node)
        if node is None or depth > 8:
            return
        if node.type == "identifier":
            value = local_values.get(self.text(node))
            if value is not None:
                self.read_options(value, local_values, opts, depth + 1)
            return
        if node.type != "object":
            return
        for entry in node.named_children:
            if entry.type == "spread_element":
                inner = _unparen(entry.named_children[0]) if entry.named_children else None
                if inner is not None and inner.type == "identifier":
                    value = _unparen(local_values.get(self.text(inner)))
                    if value is not None and value.type == "object":
                        self.read_options(value, local_values, opts, depth + 1)
                continue
            if entry.type == "shorthand_property_identifier":
                key = self.text(entry)
                value_node: Node | None = entry
            elif entry.type == "pair":
                k = self.key(entry.child_by_field_name("key"))
                if k is None:
                    continue
                key, value_node = k, entry.child_by_field_name("value")
            elif entry.type == "method_definition":
                k = self.key(entry.child_by_field_name("name"))
                if k is not None and k not in opts.keys:
                    opts.keys.append(k)
                continue
            else:
                continue
            if key not in opts.keys:
                opts.keys.append(key)
            value = _unparen(value_node)
            if value is None:
                continue
            if key == "body" and value.type in ("identifier", "shorthand_property_identifier"):
                opts.body_from = self.text(value)
            elif key == "query" and value.type in ("identifier", "shorthand_property_identifier"):
                opts.query_from = self.text(value)
            elif key in ("body", "query") and value.type == "object":
                fields = opts.body_fields if key == "body" else opts.query_fields
                fields.extend(self.object_keys(value))
            elif key == "headers":
                self.read_headers_value(value, local_values, opts)
            elif key in ("__binaryResponse", "stream") and value.type == "true":
                opts.flags.append(key)
            elif key == "__span":
                opts.span_route = self.span_route(value, local_values)

    def object_keys(self, obj: Node) -> list[str]:
        """Keys of an object literal as written (spreads skipped)."""
        out: list[str] = []
        for entry in obj.named_children:
            if entry.type == "shorthand_property_identifier":
                out.append(self.text(entry))
            elif entry.type == "pair":
                key = self.key(entry.child_by_field_name("key"))
                if key is not None:
                    out.append(key)
        return out

    def read_headers_value(
        self, value: Node, local_values: dict[str, Node], opts: _Options
    ) -> None:
        if value.type in ("identifier", "shorthand_property_identifier"):
            resolved = _unparen(local_values.get(self.text(value)))
            if resolved is None or resolved.type == "identifier":
                return
            value = resolved
        if value.type == "object":
            self.read_header_object(value, None, opts, 0)
        elif value.type == "call_expression" and self.callee(value) == "buildHeaders":
            args = _args(value)
            array = _unparen(args[0]) if args else None
            if array is not None and array.type == "array":
                for element in array.named_children:
                    element = _unparen(element) or element
                    if element.type == "object":
                        self.read_header_object(element, None, opts, 0)
                    elif element.type == "call_expression":
                        opts.header_calls.append(self.callee(element) or self.text(element))
        elif value.type == "call_expression":
            opts.header_calls.append(self.callee(value) or self.text(value))

    def read_header_object(
        self, obj: Node, condition: str | None, opts: _Options, depth: int
    ) -> None:
        """Header entries; under ``...(x != null ? {...} : undefined)`` they come from ``x``."""
        if depth > 8:
            return
        for entry in obj.named_children:
            if entry.type == "spread_element":
                inner = _unparen(entry.named_children[0]) if entry.named_children else None
                if inner is None:
                    continue
                cond_node: Node | None = None
                branch: Node | None = None
                if inner.type == "ternary_expression":
                    cond_node = inner.child_by_field_name("condition")
                    branch = _unparen(inner.child_by_field_name("consequence"))
                elif inner.type == "binary_expression" and _operator(inner) == "&&":
                    cond_node = inner.child_by_field_name("left")
                    branch = _unparen(inner.child_by_field_name("right"))
                elif inner.type == "object":
                    branch = inner
                if branch is not None and branch.type == "object":
                    ref = self.source_ref(cond_node) if cond_node is not None else condition
                    self.read_header_object(branch, ref, opts, depth + 1)
                continue
            if entry.type == "shorthand_property_identifier":
                self.add_header(opts, self.text(entry), condition or self.text(entry))
                continue
            if entry.type != "pair":
                continue
            name = self.key(entry.child_by_field_name("key"))
            value = _unparen(entry.child_by_field_name("value"))
            if name is None or value is None:
                continue
            literal = self.string(value)
            if literal is not None:
                self.add_header(opts, name, condition)
                if condition is None:
                    opts.static_headers.append((name, literal))
                continue
            ref = self.source_ref(value)
            if ref is None and condition is None:
                continue
            self.add_header(opts, name, ref or condition)
            fixed = self.array_literals(value)
            if fixed:
                opts.static_headers.append((name, ",".join(fixed)))

    def add_header(self, opts: _Options, name: str, ref: str | None) -> None:
        if (name, ref) not in opts.headers:
            opts.headers.append((name, ref))

    def array_literals(self, value: Node) -> list[str]:
        """The string elements of ``[...(betas ?? []), 'a', 'b'].toString()``."""
        if value.type == "call_expression":
            fn = _unparen(value.child_by_field_name("function"))
            if fn is not None and fn.type == "member_expression":
                value = _unparen(fn.child_by_field_name("object")) or value
        if value.type != "array":
            return []
        return [s for s in (self.string(e) for e in value.named_children) if s is not None]

    def span_route(self, value: Node, local_values: dict[str, Node]) -> str | None:
        """``route: '...'`` in the settings given to ``startApiCallSpan``."""
        if value.type in ("identifier", "shorthand_property_identifier"):
            resolved = local_values.get(self.text(value))
            if resolved is None:
                return None
            value = resolved
        for n in _walk(value, into_functions=False):
            if n.type != "call_expression" or self.callee(n) != "startApiCallSpan":
                continue
            for arg in _args(n):
                arg = _unparen(arg) or arg
                if arg.type != "object":
                    continue
                for entry in arg.named_children:
                    if (
                        entry.type == "pair"
                        and self.key(entry.child_by_field_name("key")) == "route"
                    ):
                        route = self.string(entry.child_by_field_name("value"))
                        if route is not None:
                            return route
        return None

    # -- pagination ------------------------------------------------------------------------------

    def read_page_rule(self, cls: Node) -> JsPageRule | None:
        from codegen.parser.js_pages import read_page_rule

        return read_page_rule(self, cls)

    def item_field(self, method: Node | None) -> str | None:
        """``return this.data ?? [];`` -> ``data``."""
        for n in _walk(method, into_functions=False) if method is not None else []:
            if n.type != "return_statement" or not n.named_children:
                continue
            expr = _unparen(n.named_children[0])
            while (
                expr is not None
                and expr.type == "binary_expression"
                and _operator(expr)
                in (
                    "??",
                    "||",
                )
            ):
                expr = _unparen(expr.child_by_field_name("left"))
            field = self.this_field(expr)
            if field is not None:
                return field
        return None

    def has_more_field(self, method: Node | None) -> str | None:
        """``if (this.has_more === false) return false;`` (or ``return this.has_more &&
        super.hasNextPage();``) -> ``has_more``."""
        for n in _walk(method, into_functions=False) if method is not None else []:
            if n.type == "return_statement" and n.named_children:
                expr = _unparen(n.named_children[0])
                if (
                    expr is not None
                    and expr.type == "binary_expression"
                    and _operator(expr) == "&&"
                ):
                    field = self.this_field(expr.child_by_field_name("left"))
                    if field is not None and "." not in field:
                        return field
            if n.type != "if_statement":
                continue
            cond = _unparen(n.child_by_field_name("condition"))
            if cond is None:
                continue
            if cond.type == "unary_expression" and _operator(cond) == "!":
                field = self.this_field(cond.child_by_field_name("argument"))
            elif cond.type == "binary_expression" and _operator(cond) in ("===", "=="):
                right = _unparen(cond.child_by_field_name("right"))
                if right is None or right.type != "false":
                    continue
                field = self.this_field(cond.child_by_field_name("left"))
            else:
                continue
            if field is not None and "." not in field and field != "options":
                return field
        return None

    # -- errors ----------------------------------------------------------------------------------

    def read_error_statuses(self, class_nodes: list[Node]) -> tuple[JsErrorStatus, ...]:
        """Status dispatch in ``static generate(status, ...)``: ``if``s and a status ``Map``."""
        out: list[JsErrorStatus] = []
        for cls in class_nodes:
            generate = self.methods(cls).get("generate")
            if generate is None:
                continue
            params = self.params(generate)
            status = params[0] if params else "status"
            body = generate.child_by_field_name("body")
            for n in _walk(body, into_functions=False) if body is not None else []:
                if n.type == "if_statement":
                    out.extend(_safe([], self.status_if, n, status))
                elif n.type == "call_expression":
                    out.extend(_safe([], self.status_map, n, status))
        seen: set[tuple[int, str]] = set()
        unique = []
        for e in out:
            if (e.status, e.match) not in seen:
                seen.add((e.status, e.match))
                unique.append(e)
        return tuple(unique)

    def status_if(self, stmt: Node, status: str) -> list[JsErrorStatus]:
        cls = self.returned_class(stmt.child_by_field_name("consequence"))
        if cls is None:
            return []
        out: list[JsErrorStatus] = []
        for test in _disjuncts(_unparen(stmt.child_by_field_name("condition"))):
            if test.type != "binary_expression":
                return []
            op = _operator(test)
            left, right = (
                _unparen(test.child_by_field_name("left")),
                test.child_by_field_name("right"),
            )
            if left is not None and left.type == "number":  # `400 === status`
                left, right = _unparen(right), left
                op = {">=": "<=", "<=": ">=", ">": "<", "<": ">"}.get(op or "", op)
            if left is None or self.text(left) != status:
                return []
            value = _num(right, self)
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

    def returned_class(self, branch: Node | None) -> str | None:
        """``return new BadRequestError(...)`` as the (first) statement of an ``if`` branch."""
        if branch is None:
            return None
        stmts = branch.named_children if branch.type == "statement_block" else [branch]
        stmts = [s for s in stmts if s.type != "comment"]
        if not stmts or stmts[0].type != "return_statement" or not stmts[0].named_children:
            return None
        value = _unparen(stmts[0].named_children[0])
        if value is None or value.type != "new_expression":
            return None
        return self.callee(value)

    def status_map(self, call: Node, status: str) -> list[JsErrorStatus]:
        """``STATUS_ERROR_CLASSES.get(status)`` with ``const X = new Map([[400, Cls], ...])``."""
        fn = _unparen(call.child_by_field_name("function"))
        args = _args(call)
        if fn is None or fn.type != "member_expression" or self.last_name(fn) != "get":
            return []
        if len(args) != 1 or self.text(args[0]) != status:
            return []
        table = self.dotted(fn.child_by_field_name("object"))
        if table is None or "." in table:
            return []
        out: list[JsErrorStatus] = []
        for decl in self.root.named_children:
            if decl.type not in ("lexical_declaration", "variable_declaration"):
                continue
            for d in decl.named_children:
                name, value = (
                    d.child_by_field_name("name"),
                    _unparen(d.child_by_field_name("value")),
                )
                if name is None or self.text(name) != table or value is None:
                    continue
                if value.type != "new_expression" or self.callee(value) != "Map":
                    continue
                entries = _args(value)
                array = _unparen(entries[0]) if entries else None
                for pair in array.named_children if array is not None else []:
                    pair = _unparen(pair) or pair
                    items = pair.named_children if pair.type == "array" else []
                    if len(items) != 2:
                        continue
                    code, cls = _num(items[0], self), self.last_name(items[1])
                    if code is not None and cls is not None:
                        out.append(JsErrorStatus(cls=cls, status=code, match="exact"))
        return out

    # -- client ----------------------------------------------------------------------------------

    def read_client(self, class_nodes: list[Node]) -> JsClientDefaults | None:
        """Client defaults, if some class's constructor handles ``baseURL``."""
        clients = [c for c in class_nodes if self.handles_base_url(c)]
        if not clients:
            return None
        names = tuple(n for n in (self.class_name(c) for c in class_nodes) if n is not None)
        nodes = [n for c in clients for n in _of_types(c, _CLIENT_NODE_TYPES)]
        return JsClientDefaults(
            class_names=tuple(dict.fromkeys(names)),
            base_url=_safe(None, self.base_url, nodes),
            env=_safe((), self.env, nodes),
            auth_header=_safe(None, self.auth_header, clients),
            static_headers=_safe((), self.client_headers, clients),
            max_retries=_safe(None, self.max_retries, nodes),
            timeout_ms=_safe(None, self.timeout, clients, nodes),
            auth=_safe((), self.auth_schemes, clients),
            auth_pos=_safe(None, self.auth_position, clients),
            auth_other=_safe(0, self.auth_other, clients),
        )

    def handles_base_url(self, cls: Node) -> bool:
        ctor = self.methods(cls).get("constructor")
        if ctor is None or b"baseURL" not in self.source[ctor.start_byte : ctor.end_byte]:
            return False
        return any(
            n.type
            in (
                "identifier",
                "shorthand_property_identifier",
                "shorthand_property_identifier_pattern",
                "property_identifier",
            )
            and self.text(n) == "baseURL"
            for n in _walk(ctor)
        )

    def base_url(self, nodes: list[Node]) -> str | None:
        """``baseURL || `https://api.anthropic.com``` (or ``??``, or a parameter default)."""
        for n in nodes:
            if n.type == "binary_expression" and _operator(n) in ("||", "??"):
                left, right = n.child_by_field_name("left"), n.child_by_field_name("right")
            elif n.type in ("object_assignment_pattern", "assignment_pattern"):
                left, right = n.child_by_field_name("left"), n.child_by_field_name("right")
            else:
                continue
            name = self.dotted(left) or (self.text(left) if left is not None else None)
            if name is None or name.split(".")[-1] != "baseURL":
                continue
            value = self.string(right)
            if value is not None:
                return value
        return None

    def env(self, nodes: list[Node]) -> tuple[tuple[str, str], ...]:
        """Option -> environment variable, from each ``readEnv('X')`` and where its value goes."""
        out: list[tuple[str, str]] = []
        for n in nodes:
            var = self.env_read(n)
            if var is None:
                continue
            option = self.env_target(n)
            if option is not None and (option, var) not in out:
                out.append((option, var))
        return tuple(out)

    def env_read(self, node: Node) -> str | None:
        if node.type == "call_expression" and self.callee(node) == "readEnv":
            args = _args(node)
            return self.string(args[0]) if args else None
        if node.type in ("subscript_expression", "member_expression"):
            obj = _unparen(node.child_by_field_name("object"))
            # cheap test first: a full `dotted` on every member node would be quadratic
            if obj is None or obj.type != "member_expression" or self.last_name(obj) != "env":
                return None
            if self.dotted(obj) != "process.env":
                return None
            if node.type == "subscript_expression":
                return self.string(node.child_by_field_name("index"))
            return self.last_name(node)
        return None

    def env_target(self, node: Node) -> str | None:
        """Climb from the read through ``??``, ``?:``, calls... to the option it initialises."""
        child, up = node, node.parent
        while up is not None:
            kind = up.type
            if kind in ("object_assignment_pattern", "assignment_pattern"):
                left = up.child_by_field_name("left")
                return self.text(left) if left is not None and left != child else None
            if kind == "pair":
                value = up.child_by_field_name("value")
                return self.key(up.child_by_field_name("key")) if value == child else None
            if kind == "assignment_expression":
                left = up.child_by_field_name("left")
                if left is None or left == child:
                    return None
                target = self.dotted(left)
                return target.split(".")[-1] if target is not None else None
            if kind == "ternary_expression" and up.child_by_field_name("condition") == child:
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

    def auth_header(self, clients: list[Node]) -> str | None:
        """The header ``apiKeyAuth()`` sets from the API key, spelled as written."""
        for method_name in ("apiKeyAuth", "authHeaders"):
            for cls in clients:
                method = self.methods(cls).get(method_name)
                for n in _walk(method, into_functions=False) if method is not None else []:
                    if n.type != "pair":
                        continue
                    value = n.child_by_field_name("value")
                    if value is not None and "apiKey" in self.text(value):
                        key = self.key(n.child_by_field_name("key"))
                        if key is not None:
                            return key
        return None

    def auth_schemes(self, clients: list[Node]) -> tuple[tuple[str, str, str, str], ...]:
        """``authHeaders()`` -> ``buildHeaders([await this.bearerAuth(o), await this.apiKeyAuth(o)])``
        and each such method's ``{ Authorization: `Bearer ${this.authToken}` }``; or the header
        pairs written in ``authHeaders()`` itself. Only the last ``buildHeaders`` of method calls
        counts: earlier returns serve credentials the client resolves at run time."""
        methods: dict[str, Node] = {}
        for cls in clients:
            for name, node in self.methods(cls).items():
                methods.setdefault(name, node)
        auth = methods.get("authHeaders")
        if auth is None:
            return ()
        order: list[str] = []
        for n in _walk(auth, into_functions=False):
            if n.type != "call_expression" or self.callee(n) != "buildHeaders":
                continue
            args = _args(n)
            array = _unparen(args[0]) if args else None
            calls = [self.this_call(e) for e in (array.named_children if array else [])]
            if calls and all(calls):
                order = [c for c in calls if c]
        out: list[tuple[str, str, str, str]] = []
        for method in [methods[m] for m in order if m in methods] or [auth]:
            for n in _walk(method, into_functions=False):
                scheme = self.auth_pair(n) if n.type == "pair" else None
                if scheme is not None and scheme not in out:
                    out.append(scheme)
        return tuple(out)

    def auth_method(self, clients: list[Node]) -> Node | None:
        return next((m for c in clients if (m := self.methods(c).get("authHeaders"))), None)

    def auth_position(self, clients: list[Node]) -> JsPos | None:
        method = self.auth_method(clients)
        return self.pos(method) if method is not None else None

    def auth_other(self, clients: list[Node]) -> int:
        """``buildHeaders`` calls in ``authHeaders()`` beside the one that merges the schemes."""
        method = self.auth_method(clients)
        calls = [
            n
            for n in (_walk(method, into_functions=False) if method is not None else [])
            if n.type == "call_expression" and self.callee(n) == "buildHeaders"
        ]
        return max(len(calls) - 1, 0)

    def this_call(self, element: Node) -> str | None:
        """``await this.apiKeyAuth(opts)`` -> ``apiKeyAuth``."""
        node = _unparen(element)
        if node is not None and node.type == "await_expression" and node.named_children:
            node = _unparen(node.named_children[0])
        if node is None or node.type != "call_expression":
            return None
        name = self.this_field(node.child_by_field_name("function"))
        return name if name is not None and "." not in name else None

    def auth_pair(self, pair: Node) -> tuple[str, str, str, str] | None:
        """``'X-Api-Key': this.apiKey`` or ``Authorization: `Bearer ${this.apiKey}```."""
        header = self.key(pair.child_by_field_name("key"))
        value = _unparen(pair.child_by_field_name("value"))
        if header is None or value is None:
            return None
        option = self.this_field(value)
        if option is not None:
            return (option, header, "", "") if "." not in option else None
        if value.type != "template_string":
            return None
        parts: list[str | None] = []
        for piece in self.template_pieces(value):
            if isinstance(piece, str):
                parts.append(piece)
                continue
            field = self.this_field(piece) if piece is not None else None
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

    def client_headers(self, clients: list[Node]) -> tuple[tuple[str, str], ...]:
        """Literal headers every request gets: the objects passed to ``buildHeaders([...])``."""
        out: dict[str, str] = {}
        for cls in clients:
            methods = self.methods(cls)
            for method_name in ("buildHeaders", "buildRequest", "defaultHeaders"):
                method = methods.get(method_name)
                for n in _walk(method, into_functions=False) if method is not None else []:
                    objects: list[Node] = []
                    if n.type == "call_expression" and self.callee(n) == "buildHeaders":
                        args = _args(n)
                        array = _unparen(args[0]) if args else None
                        if array is not None and array.type == "array":
                            objects = [e for e in array.named_children if e.type == "object"]
                    elif n.type == "return_statement" and method_name == "defaultHeaders":
                        ret = _unparen(n.named_children[0]) if n.named_children else None
                        if ret is not None and ret.type == "object":
                            objects = [ret]
                    for obj in objects:
                        for pair in obj.named_children:
                            if pair.type != "pair":
                                continue
                            key = self.key(pair.child_by_field_name("key"))
                            value = self.string(pair.child_by_field_name("value"))
                            if key is not None and value is not None:
                                out.setdefault(key, value)
        return tuple(out.items())

    def max_retries(self, nodes: list[Node]) -> int | None:
        """``options.maxRetries ?? 2`` (not ``this.maxRetries``) or a ``maxRetries = 2`` default."""
        for n in nodes:
            if n.type == "binary_expression" and _operator(n) in ("??", "||"):
                left = self.dotted(n.child_by_field_name("left"))
                if left is None or left.startswith("this.") or left.split(".")[-1] != "maxRetries":
                    continue
            elif n.type in ("object_assignment_pattern", "assignment_pattern"):
                left_node = n.child_by_field_name("left")
                if left_node is None or self.text(left_node) != "maxRetries":
                    continue
            else:
                continue
            value = _num(n.child_by_field_name("right"), self)
            if value is not None:
                return value
        return None

    def timeout(self, clients: list[Node], nodes: list[Node]) -> int | None:
        """``X.DEFAULT_TIMEOUT = 600000`` / ``static DEFAULT_TIMEOUT = ...``; else ``?? <ms>``."""
        for cls in clients:
            for member in self.members(cls):
                if member.type in ("public_field_definition", "field_definition"):
                    name = member.child_by_field_name("name") or member.child_by_field_name(
                        "property"
                    )
                    if self.key(name) == "DEFAULT_TIMEOUT":
                        value = _num(member.child_by_field_name("value"), self)
                        if value is not None:
                            return value
        for n in _of_types(self.root, ("assignment_expression",)):
            left = _unparen(n.child_by_field_name("left"))
            if left is None or left.type != "member_expression":
                continue
            if self.last_name(left) == "DEFAULT_TIMEOUT":
                value = _num(n.child_by_field_name("right"), self)
                if value is not None:
                    return value
        for n in nodes:
            if n.type == "binary_expression" and _operator(n) in ("??", "||"):
                ref = self.dotted(n.child_by_field_name("left"))
                if ref is not None and not ref.startswith("this.") and ref.endswith(".timeout"):
                    value = _num(n.child_by_field_name("right"), self)
                    if value is not None:
                        return value
        return None


class _Options:
    """What ``read_options`` has gathered so far for one request."""

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


def _throws(branch: Node | None) -> bool:
    """Whether an ``if`` branch is (or directly contains) a ``throw``."""
    if branch is None:
        return False
    if branch.type == "throw_statement":
        return True
    return branch.type == "statement_block" and any(
        s.type == "throw_statement" for s in branch.named_children
    )


def _disjuncts(cond: Node | None) -> list[Node]:
    """``a || b || c`` -> ``[a, b, c]`` (parentheses stripped), iteratively."""
    out: list[Node] = []
    stack = [cond]
    while stack:
        node = _unparen(stack.pop())
        if node is None:
            continue
        if node.type == "binary_expression" and _operator(node) == "||":
            stack.append(node.child_by_field_name("right"))
            stack.append(node.child_by_field_name("left"))
        else:
            out.append(node)
    return out
