"""What a method argument's declared type means for the Python method's parameters.

A params argument may be typed as an alias or as a union of params interfaces
(`AccountHolderCreateParams = KYB | KYBDelegated | KYC | KYCExempt`): the method takes the merged
keyword set, as the official Python SDKs' implementation signature does. A positional argument is
a path param when its type is a string or number, a literal or a union of them, or an alias of
one (`dimension: 'ADM1' | 'AS'`, `appID: AppIDParam`).
"""

from __future__ import annotations

from dataclasses import replace

from codegen.ir import (
    Alias,
    Declaration,
    Field_,
    Interface,
    LiteralType,
    ObjectType,
    Primitive,
    Ref,
    TypeRef,
    UnionType,
)
from codegen.ir_walk import all_fields

# how many aliases deep a type is followed (`A = B`, `B = C | D`...); real specs use one or two
_MAX_ALIASES = 16


def is_scalar(t: TypeRef, decls: dict[str, Declaration], depth: int = 0) -> bool:
    """A string or number, a literal of one, a union of those, or an alias of any of them."""
    if isinstance(t, Primitive):
        return t.name in ("string", "number", "integer")
    if isinstance(t, LiteralType):
        return isinstance(t.value, (str, int, float)) and not isinstance(t.value, bool)
    if isinstance(t, UnionType):
        return bool(t.members) and all(is_scalar(m, decls, depth) for m in t.members)
    if isinstance(t, Ref) and t.target and depth < _MAX_ALIASES:
        decl = decls.get(t.target)
        return isinstance(decl, Alias) and is_scalar(decl.type, decls, depth + 1)
    return False


def declared_fields(t: TypeRef, decls: dict[str, Declaration]) -> list[Field_] | None:
    """The fields of a params interface, or of a params object typed inline (lithic's
    `resend(eventToken, params: { eventSubscriptionToken: string })`); None for anything else."""
    if isinstance(t, Ref) and t.target and isinstance(decls.get(t.target), Interface):
        return all_fields(t.target, decls)
    if isinstance(t, ObjectType) and t.fields and t.index is None:
        return t.fields
    return None


def params_members(t: TypeRef, decls: dict[str, Declaration]) -> list[Ref] | None:
    """The params interfaces an alias or union of them stands for, in order (each once);
    None when any member is not an interface (a primitive, an object literal, unresolved)."""
    members: list[Ref] = []
    stack: list[tuple[TypeRef, int]] = [(t, 0)]
    while stack:
        current, depth = stack.pop()
        if isinstance(current, UnionType):
            stack.extend((m, depth) for m in reversed(current.members))
            continue
        if isinstance(current, Primitive) and current.name == "null":
            continue
        if not (isinstance(current, Ref) and current.target) or depth > _MAX_ALIASES:
            return None
        decl = decls.get(current.target)
        if isinstance(decl, Alias):
            stack.append((decl.type, depth + 1))
        elif isinstance(decl, Interface):
            if all(m.target != current.target for m in members):
                members.append(current)
        else:
            return None
    return members or None


def merged_fields(members: list[Ref], decls: dict[str, Declaration]) -> list[Field_]:
    """The fields of every member, each name once, in first-seen order. Its type is the union
    of the members' types for it; it is optional unless every member requires it."""
    order: list[str] = []
    seen: dict[str, list[Field_]] = {}
    for member in members:
        assert member.target is not None
        for f in all_fields(member.target, decls):
            if f.name not in seen:
                order.append(f.name)
            seen.setdefault(f.name, []).append(f)
    merged = []
    for name in order:
        fields = seen[name]
        types: list[TypeRef] = []
        for f in fields:
            for t in f.type.members if isinstance(f.type, UnionType) else [f.type]:
                if t not in types:
                    types.append(t)
        first = fields[0]
        if all(f.type == first.type for f in fields):
            types = [first.type]
        required = len(fields) == len(members) and not any(f.optional for f in fields)
        merged.append(
            replace(
                first,
                type=types[0] if len(types) == 1 else UnionType(types),
                optional=not required,
            )
        )
    return merged
