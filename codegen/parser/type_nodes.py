"""What the type reader takes from nodes and text without a reader's state: a property's name
and annotation from its text, a node's first named child and a union's members with their
kinds (each `.type` read builds a new string: read once, passed on), the made field, and a
one-line union of string literals from its text."""

from __future__ import annotations

import re

from tree_sitter import Node

from codegen.ir import (
    Field_,
    IntersectionType,
    LiteralType,
    Location,
    ObjectType,
    Primitive,
    TypeRef,
    UnionType,
)
from codegen.parser.jsdoc import NO_DOC, parse_jsdoc
from codegen.parser.source import SourceText


def plain_property(source: SourceText, node: Node) -> tuple[str, bool, bytes] | None:
    """(name, optional, annotation text) of a property written `name: T` or `name?: T` (most
    are): the text gives them without the name and type nodes (the annotation is the node's
    last child, from its first ':' on, as a node never ends with a comment). None: read the
    nodes (a quoted, spaced or commented name, a modifier, no annotation)."""
    start, end = node.start_byte, node.end_byte
    text = source.ascii
    if text is not None:
        colon = text.find(":", start, end)
        name = text[start:colon] if colon > 0 else ""
    else:  # (a file with other text than ASCII: its bytes, the name when it is ASCII)
        colon = source.data.find(b":", start, end)
        raw = source.data[start:colon] if colon > 0 else b""
        name = raw.decode() if raw.isascii() else ""
    optional = name[-1:] == "?"
    if optional:
        name = name[:-1]
    if not name.isidentifier():
        return None
    return name, optional, source.data[colon:end]


def make_field(
    source: SourceText,
    node: Node,
    name: str,
    type_: TypeRef,
    optional: bool,
    doc_comment: str | None,
) -> Field_:
    doc = parse_jsdoc(doc_comment) if doc_comment and doc_comment.startswith("/**") else NO_DOC
    row, column = node.start_point
    return Field_(name, type_, optional, Location(source.display, row + 1, column + 1), doc)


def plain(t: TypeRef) -> bool:
    """Primitives and literals only, directly or as a union's members."""
    if isinstance(t, UnionType):
        return all(isinstance(m, (Primitive, LiteralType)) for m in t.members)
    return isinstance(t, (Primitive, LiteralType))


def first_named(node: Node) -> tuple[Node, str] | None:
    """The first named child that is not a comment, with its type (read once)."""
    if not node.named_child_count:
        return None
    first = node.named_child(0)
    if first is None:
        return None
    kind = first.type
    if kind != "comment":
        return first, kind
    for child in node.named_children:
        kind = child.type
        if kind != "comment":
            return child, kind
    return None


def leaves(node: Node, kind: str) -> list[tuple[Node, str]]:
    """Members of a (left-nested) union or intersection, in source order, with their types
    (each read builds a new string: once here, not again by the reader); iterative, as a long
    one nests as deep as it has members."""
    leaves: list[tuple[Node, str]] = []
    stack = list(reversed(node.named_children))
    while stack:
        child = stack.pop()
        child_kind = child.type
        if child_kind == kind:
            stack.extend(reversed(child.named_children))
        elif child_kind != "comment":
            leaves.append((child, child_kind))
    return leaves


def is_open_enum_marker(member: TypeRef) -> bool:
    """`string & {}`: Stainless's way to say "these literals, or any other string"."""
    return (
        isinstance(member, IntersectionType)
        and len(member.members) == 2
        and isinstance(member.members[0], Primitive)
        and member.members[0].name == "string"
        and isinstance(member.members[1], ObjectType)
        and not member.members[1].fields
    )


# a union of string literals without escapes on one line: its members are its quoted strings
_QUOTED_RE = rb"'[^'\\\n\r]*'" + rb'|"[^"\\\n\r]*"'
_QUOTED = re.compile(_QUOTED_RE)
_LITERAL_UNION = re.compile(rb"(?:%s)(?: \| (?:%s))+" % (_QUOTED_RE, _QUOTED_RE))


def literal_union(text: bytes, memo: dict[bytes, TypeRef]) -> UnionType | None:
    """`'a' | 'b'` on one line (enum-like unions, most of them): its members from the text, each
    as the memoised leaf the reader gives (`memo`: leaves by text); no member node is visited.
    None: another union, read node by node."""
    if not _LITERAL_UNION.fullmatch(text):
        return None
    members: list[TypeRef] = []
    for literal in _QUOTED.findall(text):
        found = memo.get(literal)
        if found is None:
            found = memo[literal] = LiteralType(literal[1:-1].decode())
        members.append(found)
    return UnionType(members, open=False)
