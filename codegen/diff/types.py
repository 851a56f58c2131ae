"""Type text and the relation between an old and a new type: same, wider, narrower, different.

References compare by the declaration's qualified name (a changed model is reported once, at
the model, not at every use). A type is seen as the set of its union members; the new type is
*wider* when it admits every old member (a literal is admitted by its primitive, everything by
`unknown`/`any`, an open enum admits any string), *narrower* the other way round.
"""

from __future__ import annotations

import json

from codegen.ir import (
    ArrayType,
    IntersectionType,
    LiteralType,
    ObjectType,
    Primitive,
    RecordType,
    Ref,
    RuntimeRef,
    TupleType,
    TypeParam,
    TypeRef,
    UnionType,
)
from codegen.ir_walk import is_null, non_null_members

SAME = "same"
WIDER = "wider"
NARROWER = "narrower"
DIFFERENT = "different"
OPEN = "(string & {})"


def qualified(ref: Ref) -> str:
    return ref.target.split("#", 1)[1] if ref.target else ref.text


def text(t: TypeRef | None) -> str:
    """A TypeScript-like rendering, stable (union members keep their order)."""
    if t is None:
        return "void"
    if isinstance(t, Primitive):
        return t.name
    if isinstance(t, LiteralType):
        return json.dumps(t.value)
    if isinstance(t, (Ref, RuntimeRef)):
        name = qualified(t) if isinstance(t, Ref) else t.name
        return f"{name}<{', '.join(text(a) for a in t.args)}>" if t.args else name
    if isinstance(t, TypeParam):
        return t.name
    if isinstance(t, ArrayType):
        inner = text(t.item)
        return (
            f"Array<{inner}>" if isinstance(t.item, (UnionType, IntersectionType)) else f"{inner}[]"
        )
    if isinstance(t, TupleType):
        return f"[{', '.join(text(i) for i in t.items)}]"
    if isinstance(t, UnionType):
        return " | ".join([*(text(m) for m in t.members), *([OPEN] if t.open else [])])
    if isinstance(t, IntersectionType):
        return " & ".join(text(m) for m in t.members)
    if isinstance(t, RecordType):
        return f"Record<{text(t.key)}, {text(t.value)}>"
    parts = [f"{f.name}{'?' if f.optional else ''}: {text(f.type)}" for f in t.fields]
    if t.index is not None:
        parts.append(f"[key: {text(t.index.key)}]: {text(t.index.value)}")
    return "{ " + "; ".join(parts) + " }" if parts else "{}"


def members(t: TypeRef) -> list[TypeRef]:
    """A union's members, nested unions flattened; any other type is its own one member."""
    if isinstance(t, UnionType):
        out: list[TypeRef] = []
        for m in t.members:
            out.extend(members(m))
        if t.open:
            out.append(Primitive("string"))
        return out
    return [t]


def literal_values(t: TypeRef) -> set[str] | None:
    """The literal members of an enum-like union (a closed or open union of literals)."""
    ms = t.members if isinstance(t, UnionType) else [t]
    if is_open(t):  # the parser keeps the open enum's `string` as a member
        ms = [m for m in ms if not (isinstance(m, Primitive) and m.name == "string")]
    if not ms or not all(isinstance(m, LiteralType) for m in ms):
        return None
    return {text(m) for m in ms}


def is_open(t: TypeRef) -> bool:
    return isinstance(t, UnionType) and t.open


def _admits(universe: list[TypeRef], member: TypeRef) -> bool:
    key = text(member)
    names = {text(u) for u in universe}
    if key in names or "unknown" in names or "any" in names:
        return True
    if isinstance(member, LiteralType):
        value = member.value
        if isinstance(value, bool):
            return "boolean" in names
        if isinstance(value, str):
            return "string" in names
        return "number" in names or (isinstance(value, int) and "integer" in names)
    if isinstance(member, Primitive) and member.name == "integer":
        return "number" in names
    if isinstance(member, ArrayType):
        return any(
            isinstance(u, ArrayType) and relation(member.item, u.item) in (SAME, WIDER)
            for u in universe
        )
    return False


def relation(old: TypeRef, new: TypeRef) -> str:
    """How `new` relates to `old` as a set of values (see the module docstring)."""
    if text(old) == text(new):
        return SAME
    if isinstance(old, ArrayType) and isinstance(new, ArrayType):
        return relation(old.item, new.item)
    if isinstance(old, RecordType) and isinstance(new, RecordType):
        return relation(old.value, new.value)
    old_members, new_members = members(old), members(new)
    widens = all(_admits(new_members, m) for m in old_members)
    narrows = all(_admits(old_members, m) for m in new_members)
    if widens and narrows:
        return SAME
    return WIDER if widens else NARROWER if narrows else DIFFERENT


def without_null(t: TypeRef) -> tuple[TypeRef, bool]:
    """(`t` without its `null` member, whether it had one)."""
    if not isinstance(t, UnionType) or not any(is_null(m) for m in t.members):
        return t, False
    rest = non_null_members(t)
    if len(rest) == 1 and not t.open:
        return rest[0], True
    return UnionType(rest, t.discriminator, t.open), True


def as_object(t: TypeRef) -> ObjectType | None:
    return t if isinstance(t, ObjectType) else None
