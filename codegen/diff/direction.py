"""Which way data flows through each declaration: `input` (reachable from a method's params,
the user writes it), `output` (reachable from a response, the user reads it) or `both`.

A rule needs this to tell a narrowing that breaks callers (a request enum loses a member) from
one that does not (a response enum loses one). Only declarations the selected resources reach
are part of the generated package; the others are not compared.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from codegen.ir import (
    Alias,
    ArrayType,
    Declaration,
    Field_,
    Interface,
    IntersectionType,
    ObjectType,
    RecordType,
    Ref,
    Resource,
    RuntimeRef,
    Spec,
    TupleType,
    TypeRef,
    UnionType,
)

INPUT = "input"
OUTPUT = "output"
BOTH = "both"


def selected(spec: Spec, wanted: Sequence[str]) -> list[Resource]:
    """The resources the generated package has: `wanted` paths and everything under them
    (empty or `*`: all), as the emitter selects them."""
    if not wanted or "*" in wanted:
        return list(spec.resources)
    return [
        r for r in spec.resources if any(r.path == w or r.path.startswith(f"{w}.") for w in wanted)
    ]


def children(t: TypeRef) -> Iterator[TypeRef]:
    if isinstance(t, (Ref, RuntimeRef)):
        yield from t.args
    elif isinstance(t, ArrayType):
        yield t.item
    elif isinstance(t, (TupleType,)):
        yield from t.items
    elif isinstance(t, (UnionType, IntersectionType)):
        yield from t.members
    elif isinstance(t, RecordType):
        yield t.key
        yield t.value
    elif isinstance(t, ObjectType):
        yield from (f.type for f in t.fields)
        if t.index is not None:
            yield t.index


def decl_types(decl: Declaration) -> Iterator[TypeRef]:
    if isinstance(decl, Interface):
        yield from decl.extends
        yield from (f.type for f in decl.fields)
        if decl.index is not None:
            yield decl.index
    else:
        yield decl.type


def reach(decls: dict[str, Declaration], roots: Sequence[TypeRef]) -> set[str]:
    """Ids of the declarations the `roots` reference, transitively."""
    seen: set[str] = set()
    stack = list(roots)
    while stack:
        t = stack.pop()
        if isinstance(t, Ref) and t.target is not None and t.target not in seen:
            decl = decls.get(t.target)
            if decl is not None:
                seen.add(t.target)
                stack.extend(decl_types(decl))
        stack.extend(children(t))
    return seen


def directions(spec: Spec, resources: Sequence[Resource]) -> dict[str, str]:
    """Declaration id -> `input`, `output` or `both`, for what `resources` reach."""
    inputs: list[TypeRef] = []
    outputs: list[TypeRef] = []
    for resource in resources:
        for method in resource.methods:
            inputs.extend(p.type for p in method.params)
            if method.params_type is not None:
                inputs.append(method.params_type)
            for t in (method.response.type, method.response.stream_item):
                if t is not None:
                    outputs.append(t)
    read = reach(spec.declarations, inputs)
    written = reach(spec.declarations, outputs)
    return {
        i: BOTH if i in read and i in written else INPUT if i in read else OUTPUT
        for i in read | written
    }


def combine(a: str | None, b: str | None) -> str:
    """The direction of a declaration seen on both sides: where either side uses it."""
    if a is None or a == b:
        return b or OUTPUT
    if b is None:
        return a
    return BOTH


def fields_of(
    decls: dict[str, Declaration], t: TypeRef | Declaration, depth: int = 0
) -> dict[str, Field_] | None:
    """The fields a reader sees on an object-like declaration or type, inherited ones
    included (`extends`, intersections); None when it is not object-like."""
    if depth > 20:
        return None
    if isinstance(t, Interface):
        out: dict[str, Field_] = {}
        for base in t.extends:
            inherited = fields_of(decls, base, depth + 1)
            if inherited:
                out.update(inherited)
        out.update({f.name: f for f in t.fields})
        return out
    if isinstance(t, Alias):
        return fields_of(decls, t.type, depth + 1)
    if isinstance(t, ObjectType):
        return {f.name: f for f in t.fields}
    if isinstance(t, Ref) and t.target is not None and t.target in decls:
        return fields_of(decls, decls[t.target], depth + 1)
    if isinstance(t, IntersectionType):
        merged: dict[str, Field_] = {}
        for member in t.members:
            part = fields_of(decls, member, depth + 1)
            if part is None:
                return None
            merged.update(part)
        return merged
    return None
