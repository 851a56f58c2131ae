"""Value tables and the warnings a method prints from them.

A method such as `messages.create` warns when a param's value is a key of a table the SDK
ships (`if (body.model in data_1.DEPRECATED_MODELS) { console.warn(`...`) }`); the table is a
module-level object literal of strings, in the same file or behind `require(...)` and the
`Object.defineProperty(exports, ...)` re-exports `tsc` writes. This module reads both halves
per file; `codegen.parser.value_warnings` joins them across files.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from codegen.parser.grammar_fields import (
    F_BODY,
    F_CONDITION,
    F_CONSEQUENCE,
    F_FUNCTION,
    F_INDEX,
    F_KEY,
    F_LEFT,
    F_NAME,
    F_OBJECT,
    F_RIGHT,
    F_VALUE,
)
from codegen.parser.js.context import JsContext
from codegen.parser.js.facts import JsWarning
from codegen.parser.js.tree import call_args, operator, unparen


def read_warnings(ctx: JsContext, nodes: list[Node]) -> tuple[JsWarning, ...]:
    """Each `if (<obj>.<param> in <table>) { console.warn(<template>) }` in a method body."""
    out: list[JsWarning] = []
    for n in nodes:
        if n.type != "if_statement":
            continue
        test = unparen(n.child_by_field_id(F_CONDITION))
        if test is None or test.type != "binary_expression" or operator(test) != "in":
            continue
        value = ctx.dotted(test.child_by_field_id(F_LEFT))
        table = ctx.dotted(test.child_by_field_id(F_RIGHT))
        template = _warned(ctx, n.child_by_field_id(F_CONSEQUENCE))
        if value is None or "." not in value or table is None or template is None:
            continue
        parts: list[tuple[str, str]] = []
        for piece in ctx.template_pieces(template) if template.type == "template_string" else []:
            if isinstance(piece, str):
                parts.append(("text", piece))
            elif piece is not None and ctx.dotted(piece) == value:
                parts.append(("value", ""))
            elif piece is not None and _entry_of(ctx, piece) == (table, value):
                parts.append(("entry", ""))
            else:
                parts.append(("unread", ""))
        if template.type == "string":
            parts.append(("text", ctx.string(template) or ""))
        out.append(JsWarning(value.split(".")[-1], table, tuple(parts), ctx.pos(n)))
    return tuple(out)


def _warned(ctx: JsContext, branch: Node | None) -> Node | None:
    """The message of a branch that is exactly one `console.warn(<string or template>)`."""
    if branch is not None and branch.type == "statement_block":
        statements = [s for s in branch.named_children if s.type != "comment"]
        branch = statements[0] if len(statements) == 1 else None
    if branch is None or branch.type != "expression_statement" or not branch.named_children:
        return None
    call = unparen(branch.named_children[0])
    if call is None or call.type != "call_expression":
        return None
    if ctx.dotted(call.child_by_field_id(F_FUNCTION)) != "console.warn":
        return None
    args = call_args(call)
    message = unparen(args[0]) if len(args) == 1 else None
    return (
        message if message is not None and message.type in ("string", "template_string") else None
    )


def _entry_of(ctx: JsContext, node: Node) -> tuple[str | None, str | None]:
    """`table[obj.key]` -> (`table`, `obj.key`)."""
    if node.type != "subscript_expression":
        return None, None
    return ctx.dotted(node.child_by_field_id(F_OBJECT)), ctx.dotted(node.child_by_field_id(F_INDEX))


def read_tables(
    ctx: JsContext,
) -> tuple[
    tuple[tuple[str, tuple[tuple[str, str], ...]], ...],
    tuple[tuple[str, str], ...],
    tuple[tuple[str, str, str], ...],
]:
    """The file's top-level string tables (`const T = {...}` / `exports.T = {...}`), its
    `require`s (`const data_1 = require("./data.js")` -> (`data_1`, `./data.js`)) and its
    re-exports (`Object.defineProperty(exports, "T", { get: ... return m_1.T; })`)."""
    tables: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    requires: list[tuple[str, str]] = []
    reexports: list[tuple[str, str, str]] = []
    source = ctx.source
    # the shapes `tsc` writes for (nearly) every statement are read from the bytes: exact, as
    # their text parses one way only (in a tree without errors); any other text is read below
    fast = ctx.fast
    for statement in ctx.root.named_children:
        kind = statement.type
        start, end = statement.start_byte, statement.end_byte
        if kind in ("lexical_declaration", "variable_declaration"):
            m = _REQUIRE_RE.fullmatch(source, start, end) if fast else None
            if m is not None:
                path = m.group(2) if m.group(2) is not None else m.group(3)
                requires.append((m.group(1).decode(), path.decode("utf-8", "replace")))
                continue
            # a table is an object literal, a require names `require`: neither, nothing to read
            if source.find(b"{", start, end) < 0 and source.find(b"require", start, end) < 0:
                continue
            for decl in statement.named_children:
                if decl.type != "variable_declarator":
                    continue
                name, value = decl.child_by_field_id(F_NAME), decl.child_by_field_id(F_VALUE)
                if name is None or name.type != "identifier" or value is None:
                    continue
                entries = _string_table(ctx, value)
                if entries is not None:
                    tables.append((ctx.text(name), entries))
                target = _required(ctx, value)
                if target is not None:
                    requires.append((ctx.text(name), target))
        elif kind == "expression_statement":
            if fast:
                m = _REEXPORT_RE.fullmatch(source, start, end)
                if m is not None:
                    reexports.append(
                        (m.group(1).decode(), m.group(2).decode(), m.group(3).decode())
                    )
                    continue
                if _DEFINE_VALUE_RE.fullmatch(source, start, end) is not None:
                    continue
            # a table is an object literal, a re-export calls `Object.defineProperty`
            if source.find(b"{", start, end) < 0 and source.find(b"defineProperty", start, end) < 0:
                continue
            if not statement.named_children:
                continue
            expr = unparen(statement.named_children[0])
            if expr is None:
                continue
            if expr.type == "assignment_expression":
                left = ctx.dotted(expr.child_by_field_id(F_LEFT))
                entries = _string_table(ctx, expr.child_by_field_id(F_RIGHT))
                if left is not None and left.startswith("exports.") and entries is not None:
                    tables.append((left[len("exports.") :], entries))
            elif expr.type == "call_expression":
                found = _reexport(ctx, expr)
                if found is not None:
                    reexports.append(found)
    return tuple(tables), tuple(requires), tuple(reexports)


_NAME = rb"[A-Za-z_$][\w$]*"
_PATH = rb'"([^"\\\n]*)"'
# `const x_1 = require("./x.js");`, `const X = tslib_1.__importStar(require("./x.js"));`
_REQUIRE_RE = re.compile(
    rb"(?:const|var|let) (" + _NAME + rb") = (?:require\(" + _PATH + rb"\)"
    rb"|(?:" + _NAME + rb"\.)?__importStar\(require\(" + _PATH + rb"\)\));"
)
# `Object.defineProperty(exports, "T", { enumerable: true, get: function () { return m_1.U; } });`
_REEXPORT_RE = re.compile(
    rb'Object\.defineProperty\(exports, "(' + _NAME + rb')", \{ enumerable: true, '
    rb"get: function \(\) \{ return (" + _NAME + rb"_\d+)\.(" + _NAME + rb"); \} \}\);"
)
# `Object.defineProperty(exports, "__esModule", { value: true });`: no getter, no re-export
_DEFINE_VALUE_RE = re.compile(
    rb"Object\.defineProperty\(exports, " + _PATH + rb", \{ value: true \}\);"
)


def _string_table(ctx: JsContext, node: Node | None) -> tuple[tuple[str, str], ...] | None:
    """An object literal whose keys and values are all plain strings."""
    entries = ctx.object_entries(node)
    if entries is None or any(kind != "literal" for _key, kind, _value in entries):
        return None
    return tuple((key, value) for key, _kind, value in entries)


def _required(ctx: JsContext, value: Node) -> str | None:
    """`require("x.js")`, also inside `tslib_1.__importStar(...)`: the path required."""
    node = unparen(value)
    if node is not None and node.type == "call_expression" and ctx.callee(node) != "require":
        args = call_args(node)
        node = unparen(args[0]) if len(args) == 1 else None
    if node is None or node.type != "call_expression" or ctx.callee(node) != "require":
        return None
    args = call_args(node)
    return ctx.string(args[0]) if len(args) == 1 else None


def _reexport(ctx: JsContext, call: Node) -> tuple[str, str, str] | None:
    """`Object.defineProperty(exports, "T", { get: function () { return m_1.U; } })` ->
    (`T`, `m_1`, `U`)."""
    if ctx.dotted(call.child_by_field_id(F_FUNCTION)) != "Object.defineProperty":
        return None
    args = call_args(call)
    if len(args) != 3 or ctx.dotted(args[0]) != "exports":
        return None
    name, spec = ctx.string(args[1]), unparen(args[2])
    if name is None or spec is None or spec.type != "object":
        return None
    for pair in spec.named_children:
        if pair.type != "pair" or ctx.key(pair.child_by_field_id(F_KEY)) != "get":
            continue
        fn = pair.child_by_field_id(F_VALUE)
        body = fn.child_by_field_id(F_BODY) if fn is not None else None
        statements = body.named_children if body is not None else []
        if len(statements) == 1 and statements[0].type == "return_statement":
            returned = statements[0].named_children
            source = ctx.dotted(returned[0]) if len(returned) == 1 else None
            if source is not None and source.count(".") == 1:
                module, _, member = source.partition(".")
                return name, module, member
    return None
