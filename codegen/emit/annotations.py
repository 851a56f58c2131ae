"""IR types to Python annotations, for models (response side) and TypedDicts (request side).

Like openapi-python-client's `get_type_string()`: each IR type kind maps to one small rule, and
the namer records which names the current module must import.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal as L

from codegen.emit.code import Code
from codegen.ir import (
    BINARY_RUNTIME_TYPES,
    ArrayType,
    Declaration,
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
from codegen.ir_walk import non_null_members

Side = L["response", "request"]

_PRIMITIVES = {
    "string": "str",
    "number": "float",
    "integer": "int",
    "boolean": "bool",
    "null": "None",
    "unknown": "object",
    "any": "object",
    "never": "object",
    "object": "dict[str, object]",
}


@dataclass
class LocalNames:
    """The names one generated module binds: its own, and those it imports. Type names are unique
    per module only, so two imports (or an import and an own name) may clash: the later one is
    imported under an alias (`WorkspaceRemoveResponse as WorkspaceRemoveResponse_2`)."""

    own: set[str] = field(default_factory=set)
    by_target: dict[tuple[str, str], str] = field(default_factory=dict)  # import -> local name
    imported: set[str] = field(default_factory=set)  # the local names of `by_target`

    def bind(self, module: str, name: str) -> str:
        if (module, name) in self.by_target:
            return self.by_target[(module, name)]
        local, n = name, 2
        while local in self.own or local in self.imported:
            local, n = f"{name}_{n}", n + 1
        self.imported.add(local)
        self.by_target[(module, name)] = local
        return local


@dataclass
class TypeNamer:
    names: dict[tuple[str, Side], str]
    modules: dict[tuple[str, Side], str]
    unresolved: dict[str, str]
    side: Side
    module: str
    decls: dict[str, Declaration]
    unresolved_module: str
    local: LocalNames = field(default_factory=LocalNames)
    # (module, `Name` or `Name as Alias`): what the module must import
    imports: set[tuple[str, str]] = field(default_factory=set)

    def ref(self, ref: Ref) -> str:
        if ref.target is None or (ref.target, self.side) not in self.names:
            if self.side == "request" or ref.text not in self.unresolved:
                return "dict[str, object]"
            return self.use(self.unresolved_module, self.unresolved[ref.text])
        key = (ref.target, self.side)
        return self.use(self.modules[key], self.names[key])

    def use(self, module: str, name: str) -> str:
        if module == self.module:
            return name
        local = self.local.bind(module, name)
        self.imports.add((module, name if local == name else f"{name} as {local}"))
        return local


def python_literal(value: object) -> Code:
    """Python source for JSON-like data; `repr` escapes strings, so spec text stays data."""
    return Code(_literal(value))


def _literal(value: object) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return f"float({str(value)!r})"
    if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return str.__repr__(str(value))
    if isinstance(value, bytes):
        return repr(bytes(value))
    if isinstance(value, tuple):
        return "(" + "".join(_literal(v) + ", " for v in value) + ")"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_literal(k)}: {_literal(v)}" for k, v in value.items()) + "}"
    return str.__repr__(str(value))


def annotate(
    t: TypeRef,
    namer: TypeNamer,
    *,
    refine: str | None = None,
    iterable: bool = False,
    page_item: str | None = None,
) -> Code:
    """The annotation of `t`: resolved names, literals through `python_literal`, fixed forms."""

    def go(x: TypeRef, top: bool) -> str:
        if isinstance(x, Primitive):
            if top and refine and x.name in ("number", "string"):
                return refine
            return _PRIMITIVES[x.name]
        if isinstance(x, LiteralType):
            return f"Literal[{python_literal(x.value)}]"
        if isinstance(x, Ref):
            return namer.ref(x)
        if isinstance(x, TypeParam):
            return page_item or "object"
        if isinstance(x, RuntimeRef):
            # a file to upload (sent as multipart/form-data); other runtime types are opaque
            return "FileTypes" if x.name in BINARY_RUNTIME_TYPES else "object"
        if isinstance(x, ArrayType):
            container = "Iterable" if namer.side == "request" or iterable else "list"
            return f"{container}[{go(x.item, False)}]"
        if isinstance(x, TupleType):
            return "list[object]"
        if isinstance(x, RecordType):
            return f"dict[str, {go(x.value, False)}]"
        if isinstance(x, ObjectType):
            return "dict[str, object]"
        if isinstance(x, IntersectionType):
            return "object"
        return union(x, top)

    def union(x: UnionType, top: bool) -> str:
        members = non_null_members(x)
        nullable = len(members) < len(x.members)
        literals = [m for m in members if isinstance(m, LiteralType)]
        others = [m for m in members if not isinstance(m, LiteralType)]
        parts: list[str] = []
        if literals:
            parts.append("Literal[" + ", ".join(python_literal(m.value) for m in literals) + "]")
        parts.extend(go(m, top) for m in others)
        parts = list(dict.fromkeys(parts))
        if not parts:
            body = "None"
        elif len(parts) == 1:
            body = parts[0]
        else:
            body = " | ".join(parts)
            if x.discriminator and namer.side == "response" and not literals:
                body = f"Annotated[{body}, Field(discriminator={python_literal(x.discriminator)})]"
        return f"{body} | None" if nullable and body != "None" else body

    return Code(go(t, True))


def documents_datetime(doc: str) -> bool:
    """Whether a string field's doc says it holds an RFC 3339 datetime (across line breaks), as
    the Stainless SDKs document their timestamps: such a field is typed `datetime`."""
    return "RFC 3339 datetime" in " ".join(doc.split())
