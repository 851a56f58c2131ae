"""Annotation canonicalisation for `bench/parity.py`: one text form per annotation.

Return and field types of two packages are compared as text, so a runtime annotation object or
its source text is rendered and normalised the same way in both (`canon`; the rules are in
bench/parity.py's docstring, "Return types").  `_refs` lists the classes an annotation mentions,
through type aliases, so that the type closure of a resource path can be followed.
"""

from __future__ import annotations

import ast
import builtins
import inspect
import types
import typing
from collections.abc import Iterator, Mapping
from typing import Any

BUILTIN_NAMES = {
    "List": "list",
    "Dict": "dict",
    "Tuple": "tuple",
    "Set": "set",
    "FrozenSet": "frozenset",
    "Type": "type",
    "NoneType": "None",
}
UNWRAP = frozenset({"Annotated", "Required", "NotRequired", "ReadOnly"})


def _fmt_obj(ann: object) -> str:
    """Render a runtime annotation object as annotation source text (then fed to `canon`)."""
    if ann is None or ann is type(None):
        return "None"
    if isinstance(ann, str):
        return ann
    if isinstance(ann, typing.ForwardRef):
        return ann.__forward_arg__
    origin = typing.get_origin(ann)
    args = typing.get_args(ann)
    if origin is typing.Annotated:
        return _fmt_obj(args[0])
    if origin is typing.Literal:
        return "Literal[" + ", ".join(repr(a) for a in args) + "]"
    if origin is typing.Union or origin is types.UnionType:
        return "Union[" + ", ".join(_fmt_obj(a) for a in args) + "]"
    if origin is not None:
        name = getattr(ann, "_name", None) or getattr(origin, "__name__", None) or str(origin)
        return f"{name}[{', '.join(_fmt_obj(a) for a in args)}]" if args else str(name)
    if isinstance(ann, type):
        meta = getattr(ann, "__pydantic_generic_metadata__", None)
        if isinstance(meta, dict) and meta.get("origin") is not None and meta.get("args"):
            inner = ", ".join(_fmt_obj(a) for a in meta["args"])
            return f"{meta['origin'].__name__}[{inner}]"
        return ann.__name__
    return str(ann).replace("typing_extensions.", "").replace("typing.", "")


def _union(members: list[str]) -> str:
    flat: set[str] = set()
    for member in members:
        flat.update(_top_members(member))
    return " | ".join(sorted(flat, key=lambda m: (m == "None", m)))


def _canon_node(node: ast.expr) -> str:
    if isinstance(node, ast.Constant):
        return "None" if node.value is None else repr(node.value)
    if isinstance(node, ast.Name):
        return BUILTIN_NAMES.get(node.id, node.id)
    if isinstance(node, ast.Attribute):
        return BUILTIN_NAMES.get(node.attr, node.attr)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _union([_canon_node(node.left), _canon_node(node.right)])
    if isinstance(node, ast.Subscript):
        base = _canon_node(node.value)
        elts = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
        if base in UNWRAP:
            return _canon_node(elts[0])
        if base == "Literal":
            return "Literal[" + ", ".join(sorted(ast.unparse(e) for e in elts)) + "]"
        if base == "Optional":
            return _union([_canon_node(elts[0]), "None"])
        if base == "Union":
            return _union([_canon_node(e) for e in elts])
        return f"{base}[{', '.join(_canon_node(e) for e in elts)}]"
    return ast.unparse(node)


def canon(ann: object) -> str:
    """Normalised annotation text: see bench/parity.py's docstring (return types)."""
    if ann is inspect.Signature.empty:
        return "<none>"
    text = _fmt_obj(ann)
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError:
        return text
    return _canon_node(tree.body)


def _top_members(text: str) -> list[str]:
    """Split a canonical annotation on the ` | ` of its outermost union."""
    members: list[str] = []
    depth = 0
    start = 0
    for i, char in enumerate(text):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif depth == 0 and text.startswith(" | ", i):
            members.append(text[start:i])
            start = i + 3
    members.append(text[start:])
    return [m for m in members if m]


def _alias_in_source(text: str) -> str | None:
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for kw in node.keywords:
                if kw.arg == "alias" and isinstance(kw.value, ast.Constant):
                    return str(kw.value.value)
    return None


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return None if base is None else f"{base}.{node.attr}"
    return None


def _resolve(dotted: str, globalns: Mapping[str, Any]) -> object:
    first, *rest = dotted.split(".")
    obj: object = globalns[first] if first in globalns else getattr(builtins, first, None)
    for part in rest:
        obj = getattr(obj, part, None)
    return obj


def _refs(ann: object, globalns: Mapping[str, Any], seen: set[int]) -> Iterator[type]:
    """Every class an annotation (object or source text) mentions, through type aliases."""
    if id(ann) in seen:
        return
    seen.add(id(ann))
    if isinstance(ann, typing.ForwardRef):
        ann = ann.__forward_arg__
    if isinstance(ann, str):
        try:
            tree = ast.parse(ann.strip(), mode="eval")
        except SyntaxError:
            return
        for node in ast.walk(tree):
            name = _dotted(node) if isinstance(node, ast.Name | ast.Attribute) else None
            if name is not None:
                target = _resolve(name, globalns)
                if target is not None:
                    yield from _refs(target, globalns, seen)
        return
    if isinstance(ann, type) and typing.get_origin(ann) is None:
        yield ann
        meta = getattr(ann, "__pydantic_generic_metadata__", None)
        if isinstance(meta, dict):
            for arg in meta.get("args", ()):
                yield from _refs(arg, globalns, seen)
        return
    value = getattr(ann, "__value__", None)  # `type X = ...` aliases
    if value is not None:
        yield from _refs(value, globalns, seen)
    origin = typing.get_origin(ann)
    args = typing.get_args(ann)
    if origin is typing.Annotated:
        args = args[:1]
    if origin is typing.Literal:
        return
    for arg in (origin, *args):
        if arg is not None:
            yield from _refs(arg, globalns, seen)
