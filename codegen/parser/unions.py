"""Finds the discriminator of unions whose members all carry a distinct literal in one field."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from codegen.ir import (
    Alias,
    Declaration,
    Field_,
    Interface,
    LiteralType,
    ObjectType,
    Ref,
    TypeRef,
    UnionType,
)

PREFERRED = ("type", "kind", "object", "event")


def all_fields(
    decl_id: str, decls: dict[str, Declaration], seen: frozenset[str] = frozenset()
) -> list[Field_]:
    """An interface's fields, inherited ones first, own fields overriding."""
    decl = decls.get(decl_id)
    if not isinstance(decl, Interface) or decl_id in seen:
        return []
    merged: dict[str, Field_] = {}
    for base in decl.extends:
        if isinstance(base, Ref) and base.target:
            for f in all_fields(base.target, decls, seen | {decl_id}):
                merged[f.name] = f
    for f in decl.fields:
        merged[f.name] = f
    return list(merged.values())


def member_fields(t: TypeRef, decls: dict[str, Declaration]) -> list[Field_] | None:
    if isinstance(t, ObjectType):
        return t.fields
    if isinstance(t, Ref) and t.target:
        decl = decls.get(t.target)
        if isinstance(decl, Alias):
            return member_fields(decl.type, decls)
        if isinstance(decl, Interface):
            return all_fields(decl.id, decls)
    return None


def discriminator(union: UnionType, decls: dict[str, Declaration]) -> str | None:
    members = [m for m in union.members if not (isinstance(m, LiteralType))]
    if len(members) < 2 or len(members) != len(union.members):
        return None
    tables = []
    for member in members:
        fields = member_fields(member, decls)
        if fields is None:
            return None
        tables.append({f.name: f.type for f in fields if not f.optional})
    common = set.intersection(*(set(t) for t in tables))
    candidates = []
    for name in common:
        values = [t[name] for t in tables]
        if all(isinstance(v, LiteralType) for v in values):
            literal_values = [v.value for v in values if isinstance(v, LiteralType)]
            if len(set(map(repr, literal_values))) == len(literal_values):
                candidates.append(name)
    for name in PREFERRED:
        if name in candidates:
            return name
    return sorted(candidates)[0] if candidates else None


def each_type(t: TypeRef, visit: Callable[[TypeRef], None]) -> None:
    """Calls `visit` on `t` and every type nested in it, outer before inner, in source order."""
    visit(t)
    children = _CHILDREN.get(t.kind)
    if children is not None:
        for child in children(t):
            each_type(child, visit)


def _object_children(t: TypeRef) -> list[TypeRef]:
    assert isinstance(t, ObjectType)
    return [f.type for f in t.fields] + ([t.index] if t.index else [])


# kind -> the types nested directly in a type of that kind (leaves have no entry)
_CHILDREN: dict[str, Callable[[Any], Iterable[TypeRef]]] = {
    "union": lambda t: t.members,
    "intersection": lambda t: t.members,
    "ref": lambda t: t.args,
    "runtime": lambda t: t.args,
    "array": lambda t: (t.item,),
    "tuple": lambda t: t.items,
    "record": lambda t: (t.key, t.value),
    "object": _object_children,
}


def mark_discriminators(types: Iterable[TypeRef], decls: dict[str, Declaration]) -> None:
    def visit(t: TypeRef) -> None:
        if isinstance(t, UnionType) and t.discriminator is None:
            t.discriminator = discriminator(t, decls)

    for t in types:
        each_type(t, visit)
