"""Walking the IR: an interface's inherited fields, the types nested in a type.

Plain functions over `codegen.ir` data, shared by the parser (union discriminators) and the
emitter (closures, examples), so that neither reaches into the other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from codegen.ir import Declaration, Field_, Interface, ObjectType, Ref, TypeRef


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
