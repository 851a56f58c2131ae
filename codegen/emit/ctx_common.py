"""Small pieces every context builder uses: the nesting guard on annotations, the None-admitting
annotation of a defaulted field, and the typed `from .module import names` line."""

from __future__ import annotations

from dataclasses import dataclass

from codegen.emit.code import Code
from codegen.errors import SpecError
from codegen.ir import Location, TypeRef, UnionType
from codegen.ir_walk import is_null

# Brackets an annotation may nest: Python's parser stops at 200 levels for a whole statement
# (signatures, `... | None` and the test data add their own), black well before that.
MAX_NESTING = 100


@dataclass(frozen=True)
class ImportLine:
    """`from .{module} import {names}` in a generated module."""

    module: str
    names: list[str]


def import_lines(imports: dict[str, set[str]], skip: str | None = None) -> list[ImportLine]:
    """One line per module, modules and names sorted; `skip` (the module itself) left out."""
    return [ImportLine(m, sorted(n)) for m, n in sorted(imports.items()) if m != skip]


def relative(source: str, target: str) -> str:
    """The relative import of module `target` from module `source` (both dotted, from the same
    root): `relative("messages.batch", "shared.error")` -> `..shared.error`."""
    here, there = source.split(".")[:-1], target.split(".")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "." * (len(here) - common + 1) + ".".join(there[common:])


def shallow(annotation: Code, loc: Location) -> Code:
    """The annotation, if Python can parse it; else a clean error at the spec location."""
    depth = deepest = 0
    for char in annotation:
        if char in "[(":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "])":
            depth -= 1
    if deepest > MAX_NESTING:
        raise SpecError(
            loc,
            f"type nested {deepest} levels deep: the generated Python would exceed the "
            f"parser's nesting limit (at most {MAX_NESTING})",
        )
    return annotation


def admitting_none(annotation: str) -> Code:
    """The annotation of a field that defaults to None, which must admit None."""
    if annotation.endswith(" | None") or annotation in ("None", "object", "Any"):
        return Code(annotation)
    return Code(f"{annotation} | None")


def nullable(t: TypeRef) -> bool:
    return isinstance(t, UnionType) and any(is_null(m) for m in t.members)
