"""The IR's leaves: source locations, diagnostics, doc comments, and type expressions
(`TypeRef`) with the object fields they hold.

Split from `codegen.ir`, which re-exports every name here: import them from there. The same
rules hold: plain dataclasses, dumped by `codegen.ir.to_jsonable`, read-only once parsed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal as L

from codegen.printable import printable

Severity = L["error", "warning", "info"]


@dataclass(frozen=True, init=False)
class Location:
    file: str
    line: int
    col: int

    def __init__(self, file: str, line: int, col: int) -> None:
        # what the frozen dataclass's own `__init__` does (one `object.__setattr__` a field),
        # at a third of the cost: the parser makes one for every declaration, field and method
        fields = self.__dict__
        fields["file"] = file
        fields["line"] = line
        fields["col"] = col

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Diagnostic:
    """Something the parser inferred, could not resolve, or skipped; always with a location."""

    severity: Severity
    code: str
    message: str
    loc: Location

    def __str__(self) -> str:
        return printable(f"{self.loc}: {self.severity}: {self.message} [{self.code}]")


@dataclass
class Doc:
    text: str = ""
    deprecated: str | None = None
    examples: list[str] = field(default_factory=list)


# --- Types -------------------------------------------------------------------------------------

PrimitiveName = L[
    "string", "number", "integer", "boolean", "null", "unknown", "any", "never", "object"
]


@dataclass
class Primitive:
    name: PrimitiveName
    kind: L["primitive"] = "primitive"


@dataclass
class LiteralType:
    value: str | int | float | bool
    kind: L["literal"] = "literal"


@dataclass
class Ref:
    """A reference to a declaration. `target` is its id once resolved, else None."""

    text: str
    target: str | None = None
    args: list[TypeRef] = field(default_factory=list)
    kind: L["ref"] = "ref"


@dataclass
class TypeParam:
    """A generic's type parameter (`Item` in `Page<Item>`)."""

    name: str
    kind: L["type_param"] = "type_param"


@dataclass
class RuntimeRef:
    """A primitive of the SDK runtime (`APIPromise`, `JSONLDecoder`, `Uploadable`...), not an API type."""

    name: str
    args: list[TypeRef] = field(default_factory=list)
    kind: L["runtime"] = "runtime"


@dataclass
class ArrayType:
    item: TypeRef
    kind: L["array"] = "array"


@dataclass
class TupleType:
    items: list[TypeRef]
    kind: L["tuple"] = "tuple"


@dataclass
class UnionType:
    """A union. `discriminator` names the literal field that tells members apart, when one does.

    `open` is set for Stainless open enums (`'a' | 'b' | (string & {})`): known literals, any string.
    """

    members: list[TypeRef]
    discriminator: str | None = None
    open: bool = False
    kind: L["union"] = "union"


@dataclass
class IntersectionType:
    members: list[TypeRef]
    kind: L["intersection"] = "intersection"


@dataclass
class RecordType:
    key: TypeRef
    value: TypeRef
    kind: L["record"] = "record"


@dataclass
class ObjectType:
    """An inline object literal type (`{ a: string }`)."""

    fields: list[Field_]
    index: RecordType | None = None
    kind: L["object"] = "object"


TypeRef = (
    Primitive
    | LiteralType
    | Ref
    | RuntimeRef
    | TypeParam
    | ArrayType
    | TupleType
    | UnionType
    | IntersectionType
    | RecordType
    | ObjectType
)


@dataclass
class Field_:
    """A property of an interface or object type. `name` is the wire name, verbatim."""

    name: str
    type: TypeRef
    optional: bool
    loc: Location
    doc: Doc = field(default_factory=Doc)
