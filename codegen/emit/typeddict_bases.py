"""Request TypedDicts that subclass the TypedDicts their interface extends, as the official SDK
writes `MessageCreateParamsNonStreaming(MessageCreateParamsBase)`, instead of repeating every
inherited field.

A TypedDict cannot redeclare a field it inherits, so (the Stainless rule) a field that a
subclassing interface redeclares, usually narrower (`stream?: false` over `stream?: boolean`),
is left out of the base's class and declared in each subclass instead (the base's own
declaration where a subclass does not redeclare it). An interface subclasses only when that is
exact: each base a plain reference (no type arguments) to an interface with its own request
TypedDict in class form, every redeclared field an own field of that base, no field name
coming from two bases, and, in one module, the base declared first. Otherwise it is flattened
as before (every field, inherited ones included).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from codegen.ir import Declaration, Field_, Interface, Ref
from codegen.ir_walk import all_fields


@dataclass(frozen=True)
class Subclassing:
    """`bases`: request interface id -> the ids of the interfaces its TypedDict subclasses;
    `withheld`: interface id -> the fields its TypedDict leaves to its subclasses."""

    bases: dict[str, list[str]] = field(default_factory=dict)
    withheld: dict[str, set[str]] = field(default_factory=dict)

    def body(self, decl_id: str, decls: dict[str, Declaration]) -> list[Field_]:
        """The fields the TypedDict of `decl_id` declares itself."""
        inherited: set[str] = set()
        for base in self.bases.get(decl_id, []):
            inherited |= self.visible(base, decls)
        withheld = self.withheld.get(decl_id, set())
        return [
            f
            for f in all_fields(decl_id, decls)
            if f.name not in inherited and f.name not in withheld
        ]

    def visible(self, decl_id: str, decls: dict[str, Declaration]) -> set[str]:
        """The fields the TypedDict of `decl_id` has, its own and inherited."""
        withheld = self.withheld.get(decl_id, set())
        return {f.name for f in all_fields(decl_id, decls)} - withheld


def subclassing(
    decls: dict[str, Declaration],
    emitted: Callable[[str], bool],
    class_form: Callable[[str], bool],
    ordered_before: Callable[[str, str], bool],
) -> Subclassing:
    """Which request TypedDicts subclass their bases. `emitted(id)`: the interface has a request
    TypedDict of its own; `class_form(id)`: written as a class (its keys are Python names);
    `ordered_before(base, id)`: the base's class exists when the subclass is defined."""
    found = Subclassing()
    for decl_id in sorted(decls):
        decl = decls[decl_id]
        if not isinstance(decl, Interface) or not decl.extends or not emitted(decl_id):
            continue
        bases = _bases(decl, decls, emitted, class_form, ordered_before)
        if bases is None:
            continue
        found.bases[decl_id] = bases
        own = {f.name for f in decl.fields}
        for base in bases:
            redeclared = own & {f.name for f in all_fields(base, decls)}
            if redeclared:
                found.withheld.setdefault(base, set()).update(redeclared)
    return found


def _bases(
    decl: Interface,
    decls: dict[str, Declaration],
    emitted: Callable[[str], bool],
    class_form: Callable[[str], bool],
    ordered_before: Callable[[str, str], bool],
) -> list[str] | None:
    if not class_form(decl.id):
        return None
    bases: list[str] = []
    seen: set[str] = set()
    own = {f.name for f in decl.fields}
    for ext in decl.extends:
        if not isinstance(ext, Ref) or ext.target is None or ext.args:
            return None
        base = decls.get(ext.target)
        if not isinstance(base, Interface) or not emitted(base.id) or not class_form(base.id):
            return None
        if not ordered_before(base.id, decl.id):
            return None
        names = {f.name for f in all_fields(base.id, decls)}
        if names & seen:
            return None  # a field from two bases
        redeclared = own & names
        if not redeclared <= {f.name for f in base.fields}:
            return None  # redeclares a field the base itself inherits
        seen |= names
        bases.append(base.id)
    return bases
