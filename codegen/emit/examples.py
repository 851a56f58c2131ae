"""Example data: JSON values synthesised from IR types (for the generated tests' server), and
the JSDoc `@example` translated from TypeScript to Python (for docstrings)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import black
from black.mode import Mode
from black.parsing import InvalidInput

from codegen.emit.annotations import documents_datetime, python_literal
from codegen.emit.code import Code
from codegen.ir import (
    Alias,
    ArrayType,
    Declaration,
    Interface,
    LiteralType,
    Primitive,
    RecordType,
    Ref,
    RuntimeRef,
    TypeRef,
    UnionType,
)
from codegen.ir_walk import all_fields, non_null_members
from codegen.naming_wire import snake_case

_MAX_DEPTH = 4
DATETIME_SAMPLE = "2024-08-20T18:37:24.100435Z"


# what tests upload for a file param: (file name, content, content type)
UPLOAD_SAMPLE = ("example.txt", b"example file content", "text/plain")


class Constructed(dict[str, object]):
    """An example object that a test passes through its TypedDict's constructor, `A({...})`:
    mypy infers no list or dict display against a union of two containers (`Iterable[A] |
    Iterable[B]`, a params-union field), but it does `[A({...})]`. Equal to the plain dict."""

    def __init__(self, decl: str, items: dict[str, object]) -> None:
        super().__init__(items)
        self.decl = decl


class _Cut:
    """No value without meeting a type again that is already being built: the caller leaves
    the place out (an optional field), empties it (an array, a record) or takes another union
    member; only a required field passes it up."""


_CUT = _Cut()


def example_value(
    t: TypeRef,
    decls: dict[str, Declaration],
    name: str,
    choice: int = 0,
    variants: bool = False,
    depth: int = 0,
    datetime: bool = False,
    seen: frozenset[str] = frozenset(),
    construct: bool = False,
) -> object:
    """A valid JSON value of type `t`; `choice` picks the member of every union (mod its size).

    Optional fields appear near the top only, arrays deep down are empty, and a type met again
    inside itself stops the descent, so samples stay small and finite. The stop must still
    validate: where `{}` is no value of the type met again (a discriminated union, required
    fields), it is built once more closing, with no optional field, empty containers, and the
    first union member from `choice` on that needs no type already on the way down
    (cloudflare's `SourceField.List {items: SourceField}` -> `{"type": "int32"}`). The objects
    inside the containers of a union of several containers are `Constructed` (`construct`).
    """
    value = _example(t, decls, name, choice, depth, datetime, seen, construct, False)
    return {} if isinstance(value, _Cut) else value


def _example(
    t: TypeRef,
    decls: dict[str, Declaration],
    name: str,
    choice: int,
    depth: int,
    datetime: bool,
    seen: frozenset[str],
    construct: bool,
    closing: bool,
) -> object:
    """`example_value`, or `_CUT`; `closing`: end the value as soon as possible."""

    def again(
        x: TypeRef,
        field_name: str = name,
        is_datetime: bool = False,
        inside: frozenset[str] = seen,
        constructed: bool = False,
        close: bool = closing,
    ) -> object:
        return _example(
            x, decls, field_name, choice, depth + 1, is_datetime, inside, constructed, close
        )

    if isinstance(t, Primitive):
        if t.name == "string":
            return DATETIME_SAMPLE if datetime else (name or "string")
        if t.name in ("number", "integer"):
            return 1
        if t.name == "boolean":
            return True
        if t.name == "null":
            return None
        return {} if t.name == "object" else "unknown"
    if isinstance(t, LiteralType):
        return t.value
    if isinstance(t, RuntimeRef) and t.name == "Uploadable":
        return UPLOAD_SAMPLE
    if isinstance(t, ArrayType):
        if depth >= _MAX_DEPTH or closing:
            return []
        item = again(t.item, constructed=construct or _several_objects(t.item, decls))
        return [] if isinstance(item, _Cut) else [item]
    if isinstance(t, RecordType):
        if closing:
            return {}
        entry = again(t.value, "value", constructed=construct or _several_objects(t.value, decls))
        return {} if isinstance(entry, _Cut) else {"key": entry}
    if isinstance(t, UnionType):
        members = non_null_members(t)
        if not members:
            return None
        ambiguous = construct or sum(_is_container(m, decls) for m in members) > 1
        first = choice % len(members)
        for member in members[first:] + members[:first]:
            value = again(member, name, datetime, constructed=ambiguous)
            if not isinstance(value, _Cut):
                return value
        return _CUT
    if isinstance(t, Ref):
        decl = decls.get(t.target) if t.target else None
        if decl is None:
            return {}
        if decl.id in seen:
            if closing:
                return _CUT
            if _empty_fits(t, decls):
                return {}
            closing = True  # built once more, closing: whatever it meets again is cut
        inside = seen | {decl.id}
        if isinstance(decl, Alias):
            return again(decl.type, name, datetime, inside, construct, closing)
        obj: dict[str, object] = {}
        for f in all_fields(decl.id, decls):
            if f.optional and (depth >= 2 or closing):
                continue
            v = again(f.type, f.name, documents_datetime(f.doc.text), inside, close=closing)
            if isinstance(v, _Cut):
                if not f.optional:
                    return _CUT
                continue
            obj[f.name] = v
        return Constructed(decl.id, obj) if construct else obj
    return {}


def _empty_fits(t: TypeRef, decls: dict[str, Declaration], depth: int = 0) -> bool:
    """Whether `{}` is a value of `t`: an object with no required field, a record, `object`
    (what a type met again inside itself was always cut to, and still is where it fits)."""
    if depth > _MAX_DEPTH * 5:
        return False
    if isinstance(t, Ref):
        decl = decls.get(t.target) if t.target else None
        if isinstance(decl, Alias):
            return _empty_fits(decl.type, decls, depth + 1)
        return decl is None or all(f.optional for f in all_fields(decl.id, decls))
    if isinstance(t, UnionType):
        return any(_empty_fits(m, decls, depth + 1) for m in non_null_members(t))
    if isinstance(t, Primitive):
        return t.name == "object"
    return isinstance(t, RecordType)


def _several_objects(t: TypeRef, decls: dict[str, Declaration], depth: int = 0) -> bool:
    """A union of two or more object types (or an alias of one): as a container's item, mypy
    checks a dict display against the wrong member (`Iterable[A | B]`, cloudflare's
    `entries=[{...}]`: "Extra key for TypedDict B"), so such items are `Constructed`."""
    if isinstance(t, Ref) and t.target and depth < _MAX_DEPTH:
        decl = decls.get(t.target)
        return isinstance(decl, Alias) and _several_objects(decl.type, decls, depth + 1)
    if not isinstance(t, UnionType):
        return False
    return sum(_is_object(m, decls) for m in non_null_members(t)) > 1


def _is_object(t: TypeRef, decls: dict[str, Declaration], depth: int = 0) -> bool:
    """An interface, or an alias of one: what a TypedDict stands for."""
    decl = decls.get(t.target) if isinstance(t, Ref) and t.target else None
    if isinstance(decl, Alias) and depth < _MAX_DEPTH:
        return _is_object(decl.type, decls, depth + 1)
    return isinstance(decl, Interface)


def _is_container(t: TypeRef, decls: dict[str, Declaration], depth: int = 0) -> bool:
    """An array or record, or an alias of one: what a list or dict display is inferred as."""
    if isinstance(t, Ref) and t.target and depth < _MAX_DEPTH:
        decl = decls.get(t.target)
        return isinstance(decl, Alias) and _is_container(decl.type, decls, depth + 1)
    return isinstance(t, (ArrayType, RecordType))


def example_literal(value: object, name_of: Callable[[str], str]) -> Code:
    """Python source for an example value, each `Constructed` object as a call of its
    TypedDict (`name_of(declaration id)`), so the test's call type-checks."""
    if isinstance(value, Constructed):
        return Code(f"{name_of(value.decl)}({example_literal(dict(value), name_of)})")
    if isinstance(value, list):
        return Code("[" + ", ".join(example_literal(v, name_of) for v in value) + "]")
    if isinstance(value, dict):
        items = (f"{python_literal(k)}: {example_literal(v, name_of)}" for k, v in value.items())
        return Code("{" + ", ".join(items) + "}")
    return python_literal(value)


def union_arity(
    t: TypeRef, decls: dict[str, Declaration], depth: int = 0, seen: frozenset[str] = frozenset()
) -> int:
    """The largest union reachable from `t`: how many `choice`s cover every member."""
    if depth > _MAX_DEPTH:
        return 1
    if isinstance(t, UnionType):
        own = len(non_null_members(t))
        return max([own, *(union_arity(m, decls, depth + 1, seen) for m in t.members)])
    if isinstance(t, ArrayType):
        return union_arity(t.item, decls, depth + 1, seen)
    if isinstance(t, Ref) and t.target and t.target not in seen:
        decl = decls.get(t.target)
        if isinstance(decl, Alias):
            return union_arity(decl.type, decls, depth + 1, seen | {t.target})
        if isinstance(decl, Interface):
            return max(
                [
                    1,
                    *(
                        union_arity(f.type, decls, depth + 1, seen | {t.target})
                        for f in all_fields(decl.id, decls)
                    ),
                ]
            )
    return 1


_TOKEN = re.compile(
    r"""(?P<str>'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")|(?P<key>\b[A-Za-z_$][\w$]*(?=\s*:(?!:)))|"""
    r"""(?P<word>\b(?:true|false|null|undefined)\b)|(?P<other>.)""",
    re.DOTALL,
)


def _js_to_python(code: str) -> str:
    out = []
    for m in _TOKEN.finditer(code):
        if m.group("str"):
            raw = m.group("str")[1:-1]
            out.append(json.dumps(raw.replace("\\'", "'").replace('\\"', '"')))
        elif m.group("key"):
            out.append(json.dumps(m.group("key")))
        elif m.group("word"):
            out.append({"true": "True", "false": "False"}.get(m.group("word"), "None"))
        else:
            out.append(m.group("other"))
    return "".join(out)


def _kwargs(obj: str) -> str | None:
    """`{'a': 1, 'b': [2]}` -> `a=1, b=[2]`, splitting at top-level commas."""
    inner = obj.strip()[1:-1]
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(inner):
        if ch in "{[(":
            depth += 1
        elif ch in "}])":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(inner[start:i])
            start = i + 1
    parts.append(inner[start:])
    result = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        m = re.match(r'"([A-Za-z_]\w*)"\s*:\s*(.*)$', part, re.DOTALL)
        if not m:
            return None
        result.append(f"{m.group(1)}={m.group(2).strip()}")
    return ", ".join(result)


SnippetFormatter = Callable[[str], "str | None"]


def format_snippet(code: str) -> str | None:
    """An example call laid out by black; None if it is not valid Python."""
    try:
        return black.format_str(code, mode=Mode(line_length=88))
    except InvalidInput:
        return None


def python_example(
    examples: list[str], ts_name: str, py_name: str, fmt: SnippetFormatter = format_snippet
) -> str | None:
    """The first `@example`, as the equivalent Python call; None when it does not translate.
    `fmt` lays it out (black, or black behind the pipeline's cache)."""
    code = _translate(examples, ts_name, py_name)
    if code is None:
        return None
    formatted = fmt(code)
    return formatted.strip() if formatted is not None else None


def _translate(examples: list[str], ts_name: str, py_name: str) -> str | None:
    if not examples:
        return None
    code = re.sub(r"//[^\n]*", "", examples[0]).strip()
    loop = re.match(
        r"for\s+await\s*\(\s*const\s+(\w+)\s+of\s+(client[\w.]+)\((.*?)\)\s*\)\s*\{.*\}\s*$",
        code,
        re.DOTALL,
    )
    if loop:
        call = f"{loop.group(2)}({loop.group(3)})".replace(f".{ts_name}(", f".{py_name}(")
        converted = _call(call)
        return (
            f"for {snake_case(loop.group(1))} in {converted}:\n    print({snake_case(loop.group(1))})"
            if converted
            else None
        )
    m = re.match(r"const\s+(\w+)\s*=\s*await\s+(client[\w.]+\(.*\));?(.*)$", code, re.DOTALL)
    if not m:
        return None
    py_call = _call(m.group(2).replace(f".{ts_name}(", f".{py_name}("))
    if py_call is None:
        return None
    var = snake_case(m.group(1))
    rest = m.group(3).strip()
    loop2 = re.match(r"for\s+await\s*\(\s*const\s+(\w+)\s+of\s+(\w+)\s*\)", rest)
    line = f"{var} = {py_call}"
    if loop2:
        item = snake_case(loop2.group(1))
        return f"{line}\nfor {item} in {var}:\n    print({item})"
    return f"{line}\nprint({var})"


def _call(call: str) -> str | None:
    m = re.match(r"(client[\w.]+)\((.*)\)$", call.strip(), re.DOTALL)
    if not m:
        return None
    args = _js_to_python(m.group(2).strip()).strip().rstrip(",").strip()
    if not args:
        return f"{m.group(1)}()"
    if args.endswith("}") and args.startswith("{"):
        kwargs = _kwargs(args)
        return None if kwargs is None else f"{m.group(1)}({kwargs})"
    head, _sep, tail = args.partition(",")
    tail = tail.strip()
    if tail.startswith("{") and tail.endswith("}"):
        kwargs = _kwargs(tail)
        return None if kwargs is None else f"{m.group(1)}({head}, {kwargs})"
    return f"{m.group(1)}({args})"
