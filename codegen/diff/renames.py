"""Renamed models: declarations gone from the old side whose exact shape (fields, or aliased
type) is that of exactly one declaration new on the new side (several copies merged into one
shared type count as renamed to it; among several alike, the one in the same spec module);
failing that, whose outline (field names, discriminator
values) is, in which case the field changes are reported too.

Found before anything else is compared: the old IR's references to it are pointed at the new
name, so its uses compare equal and the report says `model-renamed` once instead of a removed
model, an added one and a changed type at every use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from codegen.diff import types as ty
from codegen.diff.direction import children, decl_types, fields_of
from codegen.ir import Declaration, LiteralType, Ref, Spec, TypeRef


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


def outline(decls: dict[str, Declaration], decl: Declaration) -> str:
    """A looser shape: the field names, and the values of the fields that are one literal
    (the discriminator, `type: 'code_execution_20260120'`); field types may have changed."""
    fields = fields_of(decls, decl)
    if fields is None:
        return ""
    return (
        "{"
        + "; ".join(
            f"{n}: {ty.text(f.type)}" if isinstance(f.type, LiteralType) else n
            for n, f in sorted(fields.items())
        )
        + "}"
    )


def find(
    old: Spec,
    new: Spec,
    gone: dict[str, Declaration],
    added: dict[str, Declaration],
    key: Callable[[dict[str, Declaration], Declaration], str] = shape,
) -> dict[str, str]:
    """Old key -> new key of the renamed models among `gone` and `added` (keyed by name),
    matched by `key` (`shape`, or the looser `outline`)."""
    by_shape: dict[str, list[str]] = {}
    for name, decl in added.items():
        by_shape.setdefault(key(new.declarations, decl), []).append(name)
    by_shape.pop("", None)
    olds: dict[str, list[str]] = {}
    for name, decl in gone.items():
        olds.setdefault(key(old.declarations, decl), []).append(name)
    found: dict[str, str] = {}
    for s, names in by_shape.items():
        for old_name in olds.get(s, []):
            # several alike: the one declared in the same spec module, if only one is
            same = [n for n in names if added[n].module == gone[old_name].module]
            pick = names if len(names) == 1 else same
            if len(pick) == 1:
                found[old_name] = pick[0]
    return found


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
