"""Tree-sitter helpers every ``.js`` reader shares: the grammar, type queries run in C,
iterative walks (deep input cannot overflow) and the small node accessors."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from operator import attrgetter
from typing import ParamSpec, TypeVar

import tree_sitter_typescript
from tree_sitter import Language, Node, Query, QueryCursor

from codegen.parser.grammar_fields import F_ARGUMENTS, F_LEFT, F_OPERATOR, F_RIGHT

_T = TypeVar("_T")
_P = ParamSpec("_P")

_LANGUAGE: list[Language] = []


def language() -> Language:
    """The TypeScript grammar, built once: compiled JS is (nearly) a subset of TypeScript."""
    if not _LANGUAGE:
        _LANGUAGE.append(Language(tree_sitter_typescript.language_typescript()))
    return _LANGUAGE[0]


def safe(default: _T, fn: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
    """Run one extraction; any failure (including deep recursion) just drops that fact."""
    try:
        return fn(*args, **kwargs)
    except Exception:
        return default


def walk(node: Node, *, into_functions: bool = True) -> Iterator[Node]:
    """Pre-order descendants (``node`` included), iteratively so deep input cannot overflow."""
    stack = [node]
    while stack:
        cur = stack.pop()
        yield cur
        if not into_functions and cur is not node and cur.type in FUNCTION_TYPES:
            continue
        stack.extend(reversed(cur.children))


def of_types(node: Node, types: tuple[str, ...]) -> list[Node]:
    """Descendants of ``node`` (included) of the given types, in pre-order.

    Same nodes as filtering ``walk(node)``, but matched by a tree-sitter query in C: walking
    every node in Python was the parser's largest cost on big trees.
    """
    found = QueryCursor(type_query(types)).captures(node).get("n", [])
    # pre-order: by start, an enclosing node (ending later) first; two stable sorts on C key
    # functions give the order of one by `(start_byte, -end_byte)` without a lambda a node
    found.sort(key=_END, reverse=True)
    found.sort(key=_START)
    return found


_START = attrgetter("start_byte")
_END = attrgetter("end_byte")


_QUERIES: dict[tuple[str, ...], Query] = {}


def type_query(types: tuple[str, ...]) -> Query:
    if types not in _QUERIES:
        pattern = "[" + " ".join(f"({t})" for t in types) + "] @n"
        _QUERIES[types] = Query(language(), pattern)
    return _QUERIES[types]


METHOD_NODE_TYPES = ("call_expression", "variable_declarator", "pair_pattern", "if_statement")
CLASS_NODE_TYPES = ("class_declaration", "class", "abstract_class_declaration")


FUNCTION_TYPES = frozenset(
    {"function_declaration", "function_expression", "function", "arrow_function", "class_body"}
)


def field_of(node: Node | None, name: str) -> Node | None:
    return node.child_by_field_name(name) if node is not None else None


_WRAPPERS = frozenset(
    {"parenthesized_expression", "non_null_expression", "as_expression", "satisfies_expression"}
)


def unparen(node: Node | None) -> Node | None:
    """Strip parentheses and TypeScript-only wrappers that do not change the value."""
    while node is not None and node.type in _WRAPPERS:
        inner = [c for c in node.named_children if c.type != "comment"]
        if not inner:
            return None
        node = inner[0]
    return node


def call_args(call: Node) -> list[Node]:
    """The argument expressions of a call (a tagged template has the template as its only one)."""
    args = call.child_by_field_id(F_ARGUMENTS)
    if args is None:
        return []
    if args.type == "template_string":
        return [args]
    return [a for a in args.named_children if a.type != "comment"]


def operator(node: Node) -> str | None:
    op = node.child_by_field_id(F_OPERATOR)
    if op is not None:
        return op.type
    for child in node.children:
        if not child.is_named:
            return child.type
    return None


def has_anon(node: Node, *words: str) -> bool:
    return any(not c.is_named and c.type in words for c in node.children)


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_ESCAPE_RE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|.)", re.S)


def unescape(raw: str) -> str:
    def one(m: re.Match[str]) -> str:
        s = m.group(1)
        if s.startswith("u{"):
            return code_point(int(s[2:-1], 16))
        if s[0] in "ux" and len(s) > 1:
            return code_point(int(s[1:], 16))
        if s in ("\n", "\r\n", "\r", "\u2028", "\u2029"):
            return ""
        return _ESCAPES.get(s, s)

    return _ESCAPE_RE.sub(one, raw)


def code_point(code: int) -> str:
    return chr(code) if 0 <= code <= 0x10FFFF else "\ufffd"


def disjuncts(cond: Node | None) -> list[Node]:
    """``a || b || c`` -> ``[a, b, c]`` (parentheses stripped), iteratively."""
    return operands(cond, "||")


def operands(cond: Node | None, op: str) -> list[Node]:
    """The operands of a chain of one binary operator: ``a && b && c`` -> ``[a, b, c]``."""
    out: list[Node] = []
    stack = [cond]
    while stack:
        node = unparen(stack.pop())
        if node is None:
            continue
        if node.type == "binary_expression" and operator(node) == op:
            stack.append(node.child_by_field_id(F_RIGHT))
            stack.append(node.child_by_field_id(F_LEFT))
        else:
            out.append(node)
    return out
