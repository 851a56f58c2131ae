"""A changed type at one place (a param, a field, a result, an alias), as rule-named changes.

Nullability, enum members and union members get their own rules, so a report says *what*
changed; inline object types are compared field by field; anything else is one type rule by
the relation of the two types and the direction of data at that place.
"""

from __future__ import annotations

from typing import Protocol

from codegen.diff import types as ty
from codegen.diff.direction import BOTH, INPUT
from codegen.diff.rules import Change
from codegen.ir import ArrayType, Field_, ObjectType, Ref, TypeRef


class Sides(Protocol):
    """What a type comparison needs from the two IRs."""

    def fields(
        self, where: str, old: dict[str, Field_], new: dict[str, Field_], direction: str, loc: str
    ) -> list[Change]: ...

    def expand(self, t: TypeRef, old: bool) -> TypeRef:
        """`t`, or the type a reference to a (non-object) alias stands for."""
        ...

    def object_fields(self, t: TypeRef, old: bool) -> dict[str, Field_] | None:
        """The fields of the object-like declaration `t` refers to, else None."""
        ...


def type_changes(
    where: str,
    old: TypeRef,
    new: TypeRef,
    direction: str,
    loc: str,
    sides: Sides,
) -> list[Change]:
    if ty.text(old) == ty.text(new):
        return []
    if isinstance(old, Ref) or isinstance(new, Ref):  # an alias stands for its type here
        old, new = sides.expand(old, True), sides.expand(new, False)
        if ty.text(old) == ty.text(new):
            return []
    if direction == INPUT and isinstance(old, Ref) and isinstance(new, Ref):
        # request types are TypedDicts, which type-check by structure: another name with
        # the same keys accepts the same values
        old_fields, new_fields = sides.object_fields(old, True), sides.object_fields(new, False)
        if old_fields is not None and new_fields is not None:
            return sides.fields(where, old_fields, new_fields, direction, loc)
    if isinstance(old, ObjectType) and isinstance(new, ObjectType):
        return sides.fields(
            where, {f.name: f for f in old.fields}, {f.name: f for f in new.fields}, direction, loc
        )
    if isinstance(old, ArrayType) and isinstance(new, ArrayType):
        return type_changes(f"{where}[]", old.item, new.item, direction, loc, sides)
    out: list[Change] = []
    old_core, old_null = ty.without_null(old)
    new_core, new_null = ty.without_null(new)
    if old_null != new_null:
        grew = new_null
        rule = _by_direction("nullable-added" if grew else "nullable-removed", direction)
        what = "may now be null" if grew else "is no longer nullable"
        out.append(Change(rule, where, what, loc, direction))
    if old_null or new_null:  # the rest compares as if neither had it
        return out + type_changes(where, old_core, new_core, direction, loc, sides)
    out.extend(_members(where, old, new, direction, loc, sides))
    return out


def _by_direction(stem: str, direction: str) -> str:
    if direction == BOTH:
        return "type-changed-both"
    return f"{stem}-{'input' if direction == INPUT else 'output'}"


def _members(
    where: str,
    old: TypeRef,
    new: TypeRef,
    direction: str,
    loc: str,
    sides: Sides,
) -> list[Change]:
    old_lits, new_lits = ty.literal_values(old), ty.literal_values(new)
    if old_lits is not None and new_lits is not None and (len(old_lits) > 1 or len(new_lits) > 1):
        added, removed = sorted(new_lits - old_lits), sorted(old_lits - new_lits)
        if ty.is_open(old) and ty.is_open(new):
            return [
                Change(f"open-enum-member-{what}", where, f"{sign} {v}", loc, direction)
                for what, sign, vs in (("added", "+", added), ("removed", "-", removed))
                for v in vs
            ]
        if ty.is_open(old) != ty.is_open(new):
            closing = ty.is_open(old)
            rule = _by_direction("type-narrowed" if closing else "type-widened", direction)
            what = "closed: only its listed values" if closing else "now open: any string"
            return [Change(rule, where, what, loc, direction)]
        return [
            Change(_member_rule("enum-member-added", direction), where, f"+ {v}", loc, direction)
            for v in added
        ] + [
            Change(_by_direction("enum-member-removed", direction), where, f"- {v}", loc, direction)
            for v in removed
        ]
    old_ms, new_ms = ty.members(old), ty.members(new)
    if len(old_ms) > 1 and len(new_ms) > 1:
        old_keys = {ty.text(m): m for m in old_ms}
        new_keys = {ty.text(m): m for m in new_ms}
        added = [k for k in new_keys if k not in old_keys]
        removed = [k for k in old_keys if k not in new_keys]
        paired: list[Change] = []
        for key in list(
            removed
        ):  # a member that changed in place (Array<A | B> -> Array<A | B | C>)
            twin = next((k for k in added if _comparable(old_keys[key], new_keys[k])), None)
            if twin is not None:
                removed.remove(key)
                added.remove(twin)
                paired += type_changes(where, old_keys[key], new_keys[twin], direction, loc, sides)
        if added or removed or paired:
            return (
                paired
                + [
                    Change(
                        _member_rule("union-member-added", direction),
                        where,
                        f"+ {k}",
                        loc,
                        direction,
                    )
                    for k in added
                ]
                + [
                    Change(
                        _by_direction("union-member-removed", direction),
                        where,
                        f"- {k}",
                        loc,
                        direction,
                    )
                    for k in removed
                ]
            )
        return []
    relation = ty.relation(old, new)
    if relation == ty.SAME:
        return []
    detail = f"{ty.text(old)} -> {ty.text(new)}"
    if relation == ty.DIFFERENT:
        rule = "type-changed-both" if direction == BOTH else "type-changed"
    else:
        rule = _by_direction("type-widened" if relation == ty.WIDER else "type-narrowed", direction)
    return [Change(rule, where, detail, loc, direction)]


def _comparable(old: TypeRef, new: TypeRef) -> bool:
    """Two union members that are one member changed: both arrays or inline objects, or one
    type containing the other."""
    if isinstance(old, ArrayType) and isinstance(new, ArrayType):
        return True
    if isinstance(old, ObjectType) and isinstance(new, ObjectType):
        return True
    return ty.relation(old, new) in (ty.WIDER, ty.NARROWER)


def _member_rule(stem: str, direction: str) -> str:
    """A member added to a type used both ways: writers gain, readers narrow (see rules)."""
    if direction == BOTH:
        return f"{stem}-output"
    return _by_direction(stem, direction)
