"""`interface X extends Omit<Base, 'a' | 'b'>` and `extends Pick<Base, 'a'>`: the base is kept
as a `Ref` in `extends` (so it resolves like any other) with a `KeyFilter` saying which of its
fields `X` takes. Any other type-level function in `extends` (`Partial<>`, a key set that is not
string literals) is a warning: its fields are not included."""

from __future__ import annotations

from typing import Literal

from tree_sitter import Node

from codegen.diagnostics import Diagnostics
from codegen.ir import KeyFilter, LiteralType, Ref, TypeRef, UnionType
from codegen.parser.grammar_fields import F_NAME, F_TYPE_ARGUMENTS
from codegen.parser.source import SourceText
from codegen.parser.types import TypeReader

_MODES: dict[str, Literal["omit", "pick"]] = {"Omit": "omit", "Pick": "pick"}


def read_extends(
    node: Node, types: TypeReader, source: SourceText, diags: Diagnostics, interface: str
) -> tuple[list[TypeRef], list[KeyFilter]]:
    """The bases of an interface's `extends` clause `node`, and the key filters on them."""
    bases: list[TypeRef] = []
    filters: list[KeyFilter] = []
    for t in node.named_children:
        filtered = _filtered(t, types, source)
        if filtered is not None:
            base, mode, keys = filtered
            filters.append(KeyFilter(len(bases), mode, keys))
            bases.append(base)
            continue
        name = _generic_name(t, source)
        if name in _MODES or name in _OTHER_FUNCTIONS:
            diags.warn(
                "extends-unmodelled",
                f"interface {interface} extends {source.text(t)[:80]!r}, which codegen does not "
                "evaluate; the fields it would give are not included",
                source.loc(t),
            )
        bases.append(types.read(t))
    return bases, filters


# TypeScript's other type-level functions, read as unknown (no fields) in an `extends`
_OTHER_FUNCTIONS = frozenset(
    {"Partial", "Required", "Readonly", "Exclude", "Extract", "NonNullable"}
)


def _generic_name(t: Node, source: SourceText) -> str | None:
    if t.type != "generic_type":
        return None
    name = t.child_by_field_id(F_NAME)
    return source.text(name) if name is not None else None


def _filtered(
    t: Node, types: TypeReader, source: SourceText
) -> tuple[Ref, Literal["omit", "pick"], list[str]] | None:
    """`Omit<Base, 'a' | 'b'>` -> (Ref Base, 'omit', ['a', 'b']); None for another shape."""
    mode = _MODES.get(_generic_name(t, source) or "")
    args_node = t.child_by_field_id(F_TYPE_ARGUMENTS)
    args = [a for a in args_node.named_children if a.type != "comment"] if args_node else []
    if mode is None or len(args) != 2:
        return None
    base = types.read(args[0])
    keys = _string_keys(types.read(args[1]))
    if not isinstance(base, Ref) or keys is None:
        return None
    return base, mode, keys


def _string_keys(t: TypeRef) -> list[str] | None:
    members = t.members if isinstance(t, UnionType) else [t]
    keys = [m.value for m in members if isinstance(m, LiteralType) and isinstance(m.value, str)]
    return keys if len(keys) == len(members) else None
