"""The state every reader of one ``.js`` file shares: its bytes and tree, the names and
constants they resolve, and the per-file caches (class methods, method-level nodes)."""

from __future__ import annotations

import bisect
import re
from operator import attrgetter

from tree_sitter import Node

from codegen.parser.grammar_fields import (
    F_BODY,
    F_CONSTRUCTOR,
    F_FUNCTION,
    F_KEY,
    F_LEFT,
    F_NAME,
    F_OBJECT,
    F_PARAMETERS,
    F_PATTERN,
    F_PROPERTY,
    F_VALUE,
)
from codegen.parser.js.facts import JsPos
from codegen.parser.js.tree import (
    CLASS_NODE_TYPES,
    METHOD_NODE_TYPES,
    field_of,
    has_anon,
    of_types,
    operator,
    unescape,
    unparen,
)

_PLAIN_PARAMS = re.compile(rb"\(((?:[A-Za-z_$][\w$]*)(?:, [A-Za-z_$][\w$]*)*)?\)")
# names that parse as parameters of another kind (not an identifier) in a tree without errors
_NOT_PARAM_NAMES = frozenset({b"undefined", b"this"})
_START = attrgetter("start_byte")
_END = attrgetter("end_byte")


class JsContext:
    """Source text and tree of one file, with the name resolution the readers share."""

    def __init__(self, source: bytes, root: Node) -> None:
        self.source = source
        self.root = root
        self._file_nodes: list[Node] | None = None
        self._methods: dict[tuple[int, int], dict[str, Node]] = {}
        self._method_nodes: list[Node] | None = None
        self._method_starts: list[int] = []
        # shortcuts that read a shape from the bytes hold only where the text parsed one way
        self.fast = not root.has_error
        # a column in characters is the column in bytes when every byte is ASCII
        self._ascii = source.isascii()

    def text(self, node: Node) -> str:
        return self.source[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def pos(self, node: Node) -> JsPos:
        if self._ascii:
            row, column = node.start_point
            return JsPos(line=row + 1, col=column + 1)
        line_start = node.start_byte - node.start_point[1]
        col = len(self.source[max(line_start, 0) : node.start_byte].decode("utf-8", "replace"))
        return JsPos(line=node.start_point[0] + 1, col=col + 1)

    def string(self, node: Node | None) -> str | None:
        """Value of a string literal or a template with no substitutions; else ``None``."""
        node = unparen(node)
        if node is None or node.type not in ("string", "template_string"):
            return None
        parts: list[str] = []
        for child in node.named_children:
            if child.type == "string_fragment":
                parts.append(self.text(child))
            elif child.type == "escape_sequence":
                parts.append(unescape(self.text(child)))
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
        node = unparen(node)
        if node is None:
            return None
        if node.type in ("identifier", "type_identifier", "property_identifier"):
            return self.text(node)
        if node.type == "member_expression":
            return self.last_name(node.child_by_field_id(F_PROPERTY))
        if node.type == "sequence_expression":  # `(0, path_1.path)`
            named = node.named_children
            return self.last_name(named[-1]) if named else None
        return None

    def callee(self, call: Node) -> str | None:
        """The called function's name: ``(0, headers_1.buildHeaders)(...)`` -> ``buildHeaders``."""
        if call.type not in ("call_expression", "new_expression"):
            return None
        fn = call.child_by_field_id(F_FUNCTION) or call.child_by_field_id(F_CONSTRUCTOR)
        return self.last_name(fn)

    def dotted(self, node: Node | None) -> str | None:
        """``batch.results_url`` / ``this.options?.query`` as a plain dotted name, else ``None``."""
        parts: list[str] = []
        node = unparen(node)
        while node is not None and node.type == "member_expression":
            prop = node.child_by_field_id(F_PROPERTY)
            if prop is None or prop.type != "property_identifier":
                return None
            parts.append(self.text(prop))
            node = unparen(node.child_by_field_id(F_OBJECT))
        if node is None or node.type not in ("identifier", "this", "property_identifier"):
            return None
        parts.append(self.text(node))
        return ".".join(reversed(parts))

    def object_entries(self, node: Node | None) -> tuple[tuple[str, str, str], ...] | None:
        """``{ a: 'accounts', b: account_id }`` -> ``(('a', 'literal', 'accounts'), ('b', 'ref',
        'account_id'))``; None when a value is neither a string nor a name, or for a spread."""
        node = unparen(node)
        if node is None or node.type != "object":
            return None
        out: list[tuple[str, str, str]] = []
        for entry in node.named_children:
            if entry.type == "comment":
                continue
            if entry.type == "shorthand_property_identifier":
                out.append((self.text(entry), "ref", self.text(entry)))
                continue
            if entry.type != "pair":
                return None
            key = self.key(entry.child_by_field_id(F_KEY))
            value = entry.child_by_field_id(F_VALUE)
            literal = self.string(value)
            ref = self.dotted(value) if literal is None else None
            if key is None or (literal is None and ref is None):
                return None
            out.append(
                (key, "literal", literal) if literal is not None else (key, "ref", ref or "")
            )
        return tuple(out)

    def this_field(self, node: Node | None) -> str | None:
        """``this.last_id`` -> ``last_id`` (``this.a.b`` -> ``a.b``), else ``None``."""
        name = self.dotted(node)
        if name is None or not name.startswith("this."):
            return None
        return name[len("this.") :]

    def template_pieces(self, template: Node) -> list[str | Node | None]:
        """A template string's text (escapes undone) and its `${...}` expressions, in order;
        None for a substitution that is not exactly one expression."""
        pieces: list[str | Node | None] = []
        for child in template.named_children:
            if child.type == "string_fragment":
                pieces.append(self.text(child))
            elif child.type == "escape_sequence":
                pieces.append(unescape(self.text(child)))
            elif child.type == "template_substitution":
                inner = [c for c in child.named_children if c.type != "comment"]
                pieces.append(inner[0] if len(inner) == 1 else None)
        return pieces

    def class_nodes(self) -> list[Node]:
        """Every named class in the file, in source order (also those inside an IIFE)."""
        return [
            n
            for n in self.file_nodes()
            if n.type in CLASS_NODE_TYPES and self.class_name(n) is not None
        ]

    def class_name(self, node: Node) -> str | None:
        name = node.child_by_field_id(F_NAME)
        if name is not None:
            return self.text(name)
        parent = node.parent
        if parent is not None and parent.type == "variable_declarator":
            var = parent.child_by_field_id(F_NAME)
            if var is not None and var.type == "identifier":
                return self.text(var)
        return None

    def members(self, cls: Node) -> list[Node]:
        body = cls.child_by_field_id(F_BODY)
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
        source = self.source
        for member in self.members(cls):
            if member.type != "method_definition":
                continue
            name = member.child_by_field_id(F_NAME)
            if name is None or name.type != "property_identifier":
                continue
            # an accessor's `get`/`set` comes before its name: without the word there, none
            start, end = member.start_byte, name.start_byte
            if (
                source.find(b"get", start, end) >= 0 or source.find(b"set", start, end) >= 0
            ) and has_anon(member, "get", "set"):
                continue
            out.setdefault(self.text(name), member)
        return out

    def params(self, method: Node) -> tuple[str, ...]:
        """Names of identifier parameters, defaults stripped; destructured ones are skipped."""
        params = method.child_by_field_id(F_PARAMETERS)
        if params is not None and self.fast:
            # `(a, b, options)`: plain names are the parameters, read from the bytes
            m = _PLAIN_PARAMS.fullmatch(self.source, params.start_byte, params.end_byte)
            if m is not None:
                names = m[1].split(b", ") if m[1] else []
                if not any(n in _NOT_PARAM_NAMES for n in names):
                    return tuple(n.decode() for n in names)
        out: list[str] = []
        for param in params.named_children if params is not None else []:
            pattern: Node | None = param
            if param.type in ("required_parameter", "optional_parameter"):
                pattern = param.child_by_field_id(F_PATTERN)
            if pattern is not None and pattern.type == "assignment_pattern":
                pattern = pattern.child_by_field_id(F_LEFT)
            if pattern is not None and pattern.type == "rest_pattern":
                pattern = pattern.named_children[0] if pattern.named_children else None
            if pattern is not None and pattern.type == "identifier":
                out.append(self.text(pattern))
        return tuple(out)

    def file_nodes(self) -> list[Node]:
        """Every class node of the file and every method-level node inside one, in pre-order.

        (method-level nodes are only asked for inside a class's methods, so those outside any
        class are not looked for)"""
        if self._file_nodes is None:
            # (every class node has the `class` keyword: a file without the word has none)
            if b"class" not in self.source:
                self._file_nodes = []
            elif not self.fast:
                self._file_nodes = of_types(self.root, CLASS_NODE_TYPES + METHOD_NODE_TYPES)
            else:
                # both kinds lie inside classes: the query walks only the outermost ones
                self._file_nodes = []
                last_end = -1
                for cls in self._keyword_classes():
                    if cls.start_byte >= last_end:
                        self._file_nodes += of_types(cls, CLASS_NODE_TYPES + METHOD_NODE_TYPES)
                        last_end = cls.end_byte
        return self._file_nodes

    def _keyword_classes(self) -> list[Node]:
        """Every class node, in pre-order, found from its `class` keyword: in a tree without
        errors each class has that token, and looking it up costs far less than walking the
        whole file for it."""
        found: list[Node] = []
        root, source = self.root, self.source
        at = source.find(b"class")
        while at >= 0:
            start, at = at, source.find(b"class", at + 5)
            token = root.descendant_for_byte_range(start, start + 5)
            if token is None or token.type != "class" or token.is_named:
                continue
            parent = token.parent
            if parent is not None and parent.type in CLASS_NODE_TYPES:
                found.append(parent)
        found.sort(key=_END, reverse=True)
        found.sort(key=_START)
        return found

    def method_nodes(self, body: Node) -> list[Node]:
        """The nodes of `METHOD_NODE_TYPES` inside `body`, in pre-order: one query per file,
        sliced per method by byte range (a query per method costs more than the matching)."""
        if self._method_nodes is None:
            self._method_nodes = [n for n in self.file_nodes() if n.type in METHOD_NODE_TYPES]
            self._method_starts = [n.start_byte for n in self._method_nodes]
        lo = bisect.bisect_left(self._method_starts, body.start_byte)
        hi = bisect.bisect_left(self._method_starts, body.end_byte)
        return [n for n in self._method_nodes[lo:hi] if n.end_byte <= body.end_byte]

    def number(self, node: Node | None) -> int | None:
        """An integer from a number literal or simple arithmetic on them (``10 * 60 * 1000``)."""
        node = unparen(node)
        if node is None:
            return None
        if node.type == "number":
            text = self.text(node).replace("_", "").lower()
            try:
                if text.startswith(("0x", "0o", "0b")):
                    return int(text, 0)
                value = float(text)
            except ValueError:
                return None
            return int(value) if value.is_integer() else None
        if node.type == "binary_expression":
            left, right = self.number(field_of(node, "left")), self.number(field_of(node, "right"))
            op = operator(node)
            if left is None or right is None:
                return None
            if op == "*":
                return left * right
            if op == "+":
                return left + right
            if op == "-":
                return left - right
        return None
