"""Finds the discriminator of unions whose members all carry a distinct literal in one field."""

from __future__ import annotations

from collections.abc import Iterable

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
from codegen.ir_walk import all_fields, children

PREFERRED = ("type", "kind", "object", "event")
_LEAVES = frozenset({"primitive", "literal", "type_param"})


def member_fields(
    t: TypeRef, decls: dict[str, Declaration], memo: dict[str, list[Field_]] | None = None
) -> list[Field_] | None:
    """The fields of an object type, or of the interface `t` names through any chain of
    aliases (followed iteratively; a cycle has none). `memo`: interfaces' fields already merged
    (by id), for callers that ask again while `decls` stay the same."""
    seen: set[str] = set()
    while isinstance(t, Ref) and t.target and t.target not in seen:
        seen.add(t.target)
        decl = decls.get(t.target)
        if isinstance(decl, Interface):
            if memo is None:
                return all_fields(decl.id, decls)
            if decl.id not in memo:
                memo[decl.id] = all_fields(decl.id, decls)
            return memo[decl.id]
        if not isinstance(decl, Alias):
            return None
        t = decl.type
    return t.fields if isinstance(t, ObjectType) else None


def discriminator(
    union: UnionType, decls: dict[str, Declaration], memo: dict[str, list[Field_]] | None = None
) -> str | None:
    members = [m for m in union.members if not (isinstance(m, LiteralType))]
    if len(members) < 2 or len(members) != len(union.members):
        return None
    if not all(isinstance(m, (Ref, ObjectType)) for m in members):
        return None  # (`Foo | null`: a member without fields, before any table is built)
    tables = []
    for member in members:
        fields = member_fields(member, decls, memo)
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


def mark_discriminators(types: Iterable[TypeRef], decls: dict[str, Declaration]) -> None:
    memo: dict[str, list[Field_]] = {}  # the same interfaces recur as members of many unions
    stack = list(types)  # every nested type, iteratively (the order does not matter)
    while stack:
        t = stack.pop()
        if t.kind in _LEAVES:
            continue
        if isinstance(t, UnionType) and all(m.kind in _LEAVES for m in t.members):
            continue  # (no member with fields: no discriminator, nothing nested)
        if isinstance(t, UnionType) and t.discriminator is None:
            t.discriminator = discriminator(t, decls, memo)
        stack.extend(children(t))
