"""Renamed models: a declaration gone from the old side whose exact shape (fields, or aliased
type) is a declaration new on the new side, and only one such.

Found before anything else is compared: the old IR's references to it are pointed at the new
name, so its uses compare equal and the report says `model-renamed` once instead of a removed
model, an added one and a changed type at every use.
"""

from __future__ import annotations

from collections.abc import Iterator

from codegen.diff import types as ty
from codegen.diff.direction import children, decl_types, fields_of
from codegen.ir import Declaration, Ref, Spec, TypeRef


def shape(decls: dict[str, Declaration], decl: Declaration) -> str:
    fields = fields_of(decls, decl)
    if fields is not None:
        return (
            "{"
            + "; ".join(
                f"{n}{'?' if f.optional else ''}: {ty.text(f.type)}"
                for n, f in sorted(fields.items())
            )
            + "}"
        )
    return ty.text(decl.type) if decl.kind == "alias" else decl.kind


def find(
    old: Spec, new: Spec, gone: dict[str, Declaration], added: dict[str, Declaration]
) -> dict[str, str]:
    """Old key -> new key of the renamed models among `gone` and `added` (keyed by name)."""
    by_shape: dict[str, list[str]] = {}
    for key, decl in added.items():
        by_shape.setdefault(shape(new.declarations, decl), []).append(key)
    olds: dict[str, list[str]] = {}
    for key, decl in gone.items():
        olds.setdefault(shape(old.declarations, decl), []).append(key)
    return {
        olds[s][0]: keys[0]
        for s, keys in by_shape.items()
        if len(keys) == 1 and len(olds.get(s, [])) == 1
    }


def _types(spec: Spec) -> Iterator[TypeRef]:
    for decl in spec.declarations.values():
        yield from decl_types(decl)
    for resource in spec.resources:
        for method in resource.methods:
            yield from (p.type for p in method.params)
            for t in (method.params_type, method.response.type, method.response.stream_item):
                if t is not None:
                    yield t


def retarget(spec: Spec, ids: dict[str, str]) -> None:
    """Point every reference to an old id at its new id (in place: the diff owns this IR)."""
    stack = list(_types(spec))
    while stack:
        t = stack.pop()
        if isinstance(t, Ref) and t.target in ids:
            t.target = ids[t.target]
        stack.extend(children(t))
