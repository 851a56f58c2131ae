"""TypeScript type nodes to IR types. Names stay as written (`Ref.text`); resolution is later.

Constructs the IR does not model (`keyof`, lookups, conditional and function types...) become
`unknown` with an `unsupported-type` diagnostic, so a spec that uses them still parses.
"""

from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Node

from codegen.diagnostics import Diagnostics
from codegen.errors import SpecError
from codegen.ir import (
    ArrayType,
    Field_,
    IntersectionType,
    LiteralType,
    ObjectType,
    Primitive,
    PrimitiveName,
    RecordType,
    Ref,
    RuntimeRef,
    TupleType,
    TypeRef,
    UnionType,
)
from codegen.parser.grammar_fields import F_NAME, F_TYPE
from codegen.parser.literals import number_value
from codegen.parser.literals import string_value as _string_value
from codegen.parser.source import SourceText
from codegen.parser.type_nodes import (
    first_named,
    is_open_enum_marker,
    leaves,
    literal_union,
    make_field,
    plain,
    plain_property,
)

# Generic SDK runtime containers and helpers: named as such, never treated as API types.
RUNTIME_PRIMITIVES = frozenset(
    {
        "APIResource",
        "APIPromise",
        "PagePromise",
        "AbstractPage",
        "RequestOptions",
        "FinalRequestOptions",
        "JSONLDecoder",
        "Stream",
        "Uploadable",
        "Promise",
        "Response",
        "Headers",
        "AbortController",
        "AsyncIterable",
        "AsyncGenerator",
        "ReadableStream",
        "Blob",
        "File",
        "ArrayBuffer",
        "ArrayBufferView",
        "DataView",
        "Date",
    }
)

_PREDEFINED: dict[str, PrimitiveName] = {
    "string": "string",
    "number": "number",
    "bigint": "integer",
    "boolean": "boolean",
    "unknown": "unknown",
    "any": "any",
    "never": "never",
    "object": "object",
    "void": "null",
    "undefined": "null",
    "null": "null",
    "symbol": "unknown",
}

UNDEFINED = "undefined"
_UNDEFINED_BYTES = UNDEFINED.encode()

# Generics that mean nothing without their type arguments; bare, they were stripped.
NEEDS_ARGS = frozenset(
    {"Array", "ReadonlyArray", "APIPromise", "PagePromise", "Promise", "JSONLDecoder", "Stream"}
)

# How deep types may nest. Real specs stay under 10; every later walk over a type (resolution,
# the emitter, the generated annotation, whose brackets Python caps at 200) recurses per level.
MAX_TYPE_DEPTH = 100

# TypeScript's type-level functions: the IR does not evaluate them.
_UTILITY_TYPES = frozenset(
    {
        "Pick",
        "Omit",
        "Partial",
        "Required",
        "Readonly",
        "ReturnType",
        "Parameters",
        "ConstructorParameters",
        "InstanceType",
        "Exclude",
        "Extract",
        "NonNullable",
        "Awaited",
    }
)


# union source text -> its type, for unions of only primitives and literals read without a
# diagnostic: `string | null` and enum-like literal unions recur across fields and files.
# Cleared per spec by `parse_spec` (like `parse_jsdoc`'s cache). The values are shared: nothing
# mutates one (a discriminator is only ever set on a union with object members).
PLAIN_UNIONS: dict[bytes, TypeRef] = {}
# the same for leaves (`string`, `'auto'`, `null`) and for properties' type annotations of plain
# types (`: string | null`, keys start with the colon), by source text
PLAIN_LEAVES: dict[bytes, TypeRef] = {}
_MEMO_LEAVES = frozenset({"predefined_type", "literal_type"})


class TypeReader:
    """Converts the type nodes of one file; records what it cannot model."""

    def __init__(self, source: SourceText, diags: Diagnostics) -> None:
        self.source = source
        self.diags = diags
        self.depth = 0
        # whether a bare `Array` (its item type stripped) was read: only then has the file's
        # recovery of array items anything to look for
        self.bare_arrays = False
        self._plain_unions = PLAIN_UNIONS
        self._plain_leaves = PLAIN_LEAVES

    def read(self, node: Node | None, kind: str | None = None) -> TypeRef:
        """`kind`: the node's type when the caller read it already (each read builds a string)."""
        if node is None:
            return Primitive("unknown")
        if kind is None:
            kind = node.type
        if kind == "type_annotation":
            first = first_named(node)
            if first is None:  # `n: const`: a keyword the grammar takes where no type is
                return self._unsupported(node, "type " + repr(self.source.text(node)[1:].strip()))
            node, kind = first  # (read in place: not a level of nesting)
            if kind == "type_annotation":
                return self.read(node, kind)
        if kind in _MEMO_LEAVES:
            return self._leaf(node, kind)
        handler = _HANDLERS.get(kind)
        if handler is None:
            return self._unsupported(node, kind.replace("_", " "))
        self.depth += 1
        try:
            if self.depth > MAX_TYPE_DEPTH:
                raise SpecError(
                    self.source.loc(node),
                    f"type nested too deep: more than {MAX_TYPE_DEPTH} levels",
                )
            return handler(self, node)
        finally:
            self.depth -= 1

    def _leaf(self, node: Node, kind: str) -> TypeRef:
        """A predefined or literal type, memoised by its text when read without a diagnostic
        (its value depends on nothing else); the depth cap applies as to a fresh read."""
        key = self.source.data[node.start_byte : node.end_byte]
        found = self._plain_leaves.get(key)
        if found is not None and self.depth < MAX_TYPE_DEPTH:
            return found
        if self.depth >= MAX_TYPE_DEPTH:
            raise SpecError(
                self.source.loc(node), f"type nested too deep: more than {MAX_TYPE_DEPTH} levels"
            )
        before = len(self.diags.items)
        leaf = (
            self._t_predefined_type(node)
            if kind == "predefined_type"
            else self._t_literal_type(node)
        )
        if len(self.diags.items) == before:
            self._plain_leaves[key] = leaf
        return leaf

    # -- leaves
    def _t_predefined_type(self, node: Node) -> TypeRef:
        text = self.source.text(node)
        return Primitive(_PREDEFINED.get(text, "unknown"))

    def _t_literal_type(self, node: Node) -> TypeRef:
        first = first_named(node)
        inner, kind = first if first else (None, "")
        if kind == "string":
            return LiteralType(_string_value(self.source, inner))
        if kind in ("null", "undefined"):
            return Primitive("null")  # `undefined` too: both mean "absent" on the wire
        if kind in ("true", "false"):
            return LiteralType(kind == "true")
        text = self.source.text(inner) if inner else ""
        if kind in ("number", "unary_expression"):
            return self._number(node, text)
        return self._unsupported(node, f"literal {text!r}")

    def _number(self, node: Node, text: str) -> TypeRef:
        negative = text.startswith("-")
        digits = text[1:].strip() if negative or text.startswith("+") else text
        if digits.endswith("n"):
            return self._unsupported(node, f"bigint literal {text!r}")
        value = number_value(digits)
        if value is None:
            return self._unsupported(node, f"number literal {text!r}")
        return LiteralType(-value if negative and value else value)

    def _t_type_identifier(self, node: Node) -> TypeRef:
        return self._named(self.source.text(node), [])

    def _t_nested_type_identifier(self, node: Node) -> TypeRef:
        return self._named(self.source.text(node), [])

    def _t_identifier(self, node: Node) -> TypeRef:
        return self._named(self.source.text(node), [])

    def _t_generic_type(self, node: Node) -> TypeRef:
        # (its name and type arguments are its named children: one list, not two field reads)
        name_node = args_node = None
        for child in node.named_children:
            kind = child.type
            if kind == "type_arguments":
                args_node = child
            elif name_node is None and kind != "comment":
                name_node = child
        args = [self.read(a) for a in args_node.named_children] if args_node else []
        name = self.source.text(name_node) if name_node else ""
        if name in _UTILITY_TYPES:
            return self._unsupported(node, f"utility type {name}<>")
        return self._named(name, args)

    def _named(self, name: str, args: list[TypeRef]) -> TypeRef:
        if name in ("Array", "ReadonlyArray") and args:
            return ArrayType(args[0])
        if name in NEEDS_ARGS and not args:
            if name in ("Array", "ReadonlyArray"):
                self.bare_arrays = True
            return RuntimeRef(name, [])  # arguments stripped: `recover.py` looks for evidence
        if name == "Record" and len(args) == 2:
            return RecordType(args[0], args[1])
        if name in RUNTIME_PRIMITIVES:
            return RuntimeRef(name, args)
        return Ref(name, args=args)

    # -- composites
    def _t_array_type(self, node: Node) -> TypeRef:
        return ArrayType(self.read(*(first_named(node) or (None,))))

    def _t_readonly_type(self, node: Node) -> TypeRef:
        return self.read(*(first_named(node) or (None,)))

    def _t_tuple_type(self, node: Node) -> TypeRef:
        return TupleType([self.read(child) for child in node.named_children])

    def _t_parenthesized_type(self, node: Node) -> TypeRef:
        return self.read(*(first_named(node) or (None,)))

    def _t_union_type(self, node: Node) -> TypeRef:
        key = self.source.data[node.start_byte : node.end_byte]
        found = self._plain_unions.get(key)
        # (each level of a type is a shorter span than its parent's: no level of this one can
        # pass the depth cap from here, so the cap's error is raised as a fresh read would)
        if found is not None and self.depth + len(key) <= MAX_TYPE_DEPTH:
            return found
        literal = literal_union(key, self._plain_leaves) if self.depth < MAX_TYPE_DEPTH else None
        if literal is not None:
            self._plain_unions[key] = literal
            return literal
        before = len(self.diags.items)
        union = self._union(node)
        if len(self.diags.items) == before and plain(union):
            self._plain_unions[key] = union
        return union

    def _union(self, node: Node) -> TypeRef:
        members: list[TypeRef] = []
        is_open = False
        data, memo = self.source.data, self._plain_leaves
        for child, kind in leaves(node, "union_type"):
            start, end = child.start_byte, child.end_byte
            if end - start == len(UNDEFINED) and data[start:end] == _UNDEFINED_BYTES:
                continue
            # a memoised leaf (enum-like unions are mostly literals) as `_leaf` would return it
            if self.depth < MAX_TYPE_DEPTH and kind in _MEMO_LEAVES:
                found = memo.get(data[start:end])
                if found is not None:
                    members.append(found)  # (a leaf: neither a union nor the open marker)
                    continue
            member = self.read(child, kind)
            if is_open_enum_marker(member):
                is_open = True
                continue
            if isinstance(member, UnionType):
                members.extend(member.members)
                is_open = is_open or member.open
            else:
                members.append(member)
        if is_open:
            members.append(Primitive("string"))
        if len(members) == 1 and not is_open:
            return members[0]
        return UnionType(members, open=is_open)

    def _t_intersection_type(self, node: Node) -> TypeRef:
        return IntersectionType([self.read(*leaf) for leaf in leaves(node, "intersection_type")])

    def _t_object_type(self, node: Node) -> TypeRef:
        fields, index = self.read_members(node)
        if not fields and index is None:
            return ObjectType([])
        return ObjectType(fields, index)

    def read_members(self, body: Node) -> tuple[list[Field_], RecordType | None]:
        """Properties and index signature of an interface body or object type."""
        fields: list[Field_] = []
        index: RecordType | None = None
        doc_comment: str | None = None
        for child in body.named_children:
            kind = child.type
            if kind == "comment":
                doc_comment = self.source.text(child)
                continue
            if kind == "property_signature":
                field = self.read_property(child, doc_comment)
                if field is not None:
                    fields.append(field)
            elif kind == "index_signature":
                index = self._index_signature(child)
            elif kind in ("method_signature", "call_signature", "construct_signature"):
                self.diags.info(
                    "skipped-member",
                    f"{child.type.replace('_', ' ')} in a data type is not modelled; skipped",
                    self.source.loc(child),
                )
            else:
                self._unsupported(child, child.type.replace("_", " "))
            doc_comment = None
        return fields, index

    def read_property(self, node: Node, doc_comment: str | None) -> Field_ | None:
        # (the hottest path of a scan: each node property read once, into a local)
        plain = plain_property(self.source, node)
        if plain is None:
            return self._read_property(node, doc_comment)
        name, optional, key = plain  # (a memoised annotation is all the type there is)
        found = self._plain_leaves.get(key)
        if found is not None and self.depth + len(key) <= MAX_TYPE_DEPTH:
            type_ = found
        else:
            type_node = node.child_by_field_id(F_TYPE)
            type_ = self._annotation(type_node, key) if type_node else self.read(None)
        return make_field(self.source, node, name, type_, optional, doc_comment)

    def _read_property(self, node: Node, doc_comment: str | None) -> Field_ | None:
        name_node = node.child_by_field_id(F_NAME)
        name_kind = name_node.type if name_node is not None else None
        if name_node is None or name_kind == "computed_property_name":
            self._unsupported(node, "computed property name")
            return None
        source = self.source
        if name_kind == "string":
            name = _string_value(source, name_node)
        else:
            name = source.text(name_node)
        type_node = node.child_by_field_id(F_TYPE)
        # the '?' mark stands between the name and the type: when only it or nothing does (most
        # properties), the bytes between say so without a walk over the children
        gap = (
            source.data[name_node.end_byte : type_node.start_byte]
            if type_node is not None
            else None
        )
        if gap == b"" or gap == b"?":
            optional = gap == b"?"
        else:
            optional = False
            for child in node.children:
                if child.type == "?":  # only the anonymous mark is '?'
                    optional = True
                    break
        type_ = self._annotation(type_node) if type_node is not None else self.read(None)
        return make_field(source, node, name, type_, optional, doc_comment)

    def _annotation(self, node: Node, missed: bytes | None = None) -> TypeRef:
        """A property's type annotation (`: string | null`), memoised by its text like the
        leaves when it is plain (most are). `missed`: its text, looked up and not found."""
        key = missed if missed is not None else self.source.data[node.start_byte : node.end_byte]
        found = None if missed is not None else self._plain_leaves.get(key)
        # (as for unions: no level of a type nests deeper than its text is long)
        if found is not None and self.depth + len(key) <= MAX_TYPE_DEPTH:
            return found
        before = len(self.diags.items)
        type_ = self.read(node, "type_annotation")  # (a property's `type` field is one)
        if len(self.diags.items) == before and plain(type_):
            self._plain_leaves[key] = type_
        return type_

    def _index_signature(self, node: Node) -> RecordType:
        named = [c for c in node.named_children if c.type != "comment"]
        key = next((c for c in named if c.type in ("predefined_type", "type_identifier")), None)
        value = node.child_by_field_id(F_TYPE) or next(
            (c for c in named if c.type == "type_annotation"), None
        )
        return RecordType(self.read(key) if key else Primitive("string"), self.read(value))

    def _t_this_type(self, node: Node) -> TypeRef:
        return self._unsupported(node, "'this' type")

    def _unsupported(self, node: Node, what: str) -> TypeRef:
        self.diags.info(
            "unsupported-type",
            f"{what} is not modelled ({self.source.text(node)[:60]!r}); treated as unknown",
            self.source.loc(node),
        )
        return Primitive("unknown")


# node type -> TypeReader method (`_t_union_type` reads `union_type`), built once
_HANDLERS: dict[str, Callable[[TypeReader, Node], TypeRef]] = {
    name[3:]: fn for name, fn in vars(TypeReader).items() if name.startswith("_t_")
}
