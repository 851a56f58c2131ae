"""Walking the IR: an interface's inherited fields, the types nested in a type, a union's
non-null members.

Plain functions over `codegen.ir` data, shared by the parser (union discriminators) and the
emitter (closures, examples), so that neither reaches into the other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from codegen.ir import (
    Declaration,
    Field_,
    Interface,
    KeyFilter,
    ObjectType,
    Primitive,
    Ref,
    TypeRef,
    UnionType,
)


def all_fields(
    decl_id: str, decls: dict[str, Declaration], _outer: frozenset[str] = frozenset()
) -> list[Field_]:
    """An interface's fields, inherited ones first, own fields overriding. A base already on the
    way down (an `extends` cycle) adds nothing. Iterative, as chains of bases can be long; a base
    taken through `Omit<>`/`Pick<>` (a `KeyFilter`) gives its own fields, filtered, in its turn."""
    merged: dict[str, Field_] = {}
    on_path: set[str] = set()
    stack: list[tuple[str, bool, KeyFilter | None]] = [(decl_id, False, None)]
    while stack:
        current, done, key_filter = stack.pop()
        if key_filter is not None:
            pick, keys = key_filter.mode == "pick", set(key_filter.keys)
            for f in all_fields(current, decls, _outer | on_path):
                if (f.name in keys) == pick:
                    merged[f.name] = f
            continue
        decl = decls.get(current)
        if not isinstance(decl, Interface):
            continue
        if done:  # every base merged: own fields override theirs
            on_path.discard(current)
            for f in decl.fields:
                merged[f.name] = f
            continue
        if current in on_path or current in _outer:
            continue
        on_path.add(current)
        stack.append((current, True, None))
        filters = {f.index: f for f in decl.extends_filters}
        for i in reversed(range(len(decl.extends))):
            base = decl.extends[i]
            if isinstance(base, Ref) and base.target:
                stack.append((base.target, False, filters.get(i)))
    return list(merged.values())


def each_type(t: TypeRef, visit: Callable[[TypeRef], None]) -> None:
    """Calls `visit` on `t` and every type nested in it, outer before inner, in source order."""
    visit(t)
    children = _CHILDREN.get(t.kind)
    if children is not None:
        for child in children(t):
            each_type(child, visit)


def children(t: TypeRef) -> Iterable[TypeRef]:
    """The types nested directly in `t` (none for a leaf)."""
    found = _CHILDREN.get(t.kind)
    return found(t) if found is not None else ()


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


def is_null(t: TypeRef) -> bool:
    """Whether `t` is the `null` primitive (TypeScript `null`, `undefined` and `void`)."""
    return isinstance(t, Primitive) and t.name == "null"


def non_null_members(t: UnionType) -> list[TypeRef]:
    """`t`'s members without its `null` ones: what an optional value holds when present."""
    return [m for m in t.members if not is_null(m)]
