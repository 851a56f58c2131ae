"""API-surface parity of a generated client package against an official one (any pair).

Usage: python bench/parity.py --ours anthropic_full [--official anthropic] [--scope ours|all]
                              [--prefix messages.batches] [--spec DIR] [--json]
e.g.   python bench/parity.py --ours lithic --official lithic --scope all --spec SPEC_DIR
(`--theirs` is the old name of `--official`, whose default is `anthropic`; two packages of one
import name are compared from two interpreters' paths, see `bench/parity_drift.py`.)

Both packages must be importable.  Nothing is sent over the network: each package's sync client
is found, not assumed (`find_client`: a public class of `<pkg>` or `<pkg>._client` that
subclasses `SyncAPIClient`), built with base_url="http://127.0.0.1:9" and "x" for every
credential-like option (`client_args`), and only introspected.

What is compared (the official package is the reference; "theirs" below):

* Resource paths: attributes of the client, and recursively of resources, whose values are
  resource objects (a class named `SyncAPIResource` in the MRO; the official SDK exposes them as
  cached_property).  Private names and with_raw_response / with_streaming_response are skipped.
* Methods: public functions defined on a resource class (not inherited from the base resource).
* Params (from inspect.signature, ignoring self, extra_headers, extra_query, extra_body and
  timeout): present in ours, and required in both or optional in both (required = no default).
  A param that is positional in one package and keyword-only in the other is listed (group
  "param kind") but does not count against the percentage.
* Return types, compared by class names after normalisation: module qualifiers are dropped
  (`batch_create_params.Request` -> `Request`), typing aliases become builtins (`List` -> `list`),
  `Optional[X]`, `Union[...]` and `X | Y` become one sorted `A | B | None` union, `Annotated`,
  `Required`, `NotRequired` are unwrapped, and Literal values are sorted.  So
  `SyncPage[MessageBatch]` or `JSONLDecoder[MessageBatchIndividualResponse]` must match exactly.
* Types: pydantic BaseModel subclasses and TypedDicts defined in modules under `<pkg>.types`
  (walked with pkgutil).  A type of theirs is matched to one of ours, each used once, greedily
  in this order: same kind (model/TypedDict) before different kind, same name (the class name, or
  another public name a types module binds it to, e.g. a deprecated alias) before an alias,
  then the closest module path relative to `types` (tokens of the dotted/underscored path,
  longest common prefix, then overlap).  Aliases cover the official SDK's naming of nested and
  param types: `Request` in module `batch_create_params` ~ `BatchCreateParamsRequest`,
  `InputSchema` in `tool_param` ~ `ToolInputSchema`, `ToolParam` ~ `Tool`, and ours
  `PermissionError_` ~ `PermissionError` (aliases compare case-insensitively).  An alias match
  counts as present but is listed ("type renamed"), and so is a model matched with a TypedDict
  ("type kind").
* Fields, by wire name (pydantic alias, or a TypedDict `Annotated[..., X(alias=...)]`): present
  in ours with the same optionality: pydantic `model_fields[f].is_required()`, TypedDict
  `__required_keys__` / `__optional_keys__`.  Whether a field's annotation admits None is listed
  ("field nullability") but does not count.

Denominators.  Each percentage is "theirs items found in ours / theirs items in scope"; params and
return types are counted only over matched methods and fields only over matched types, so that one
missing method or type is not also charged once per param or field.  Items only ours has are
listed, never counted.

* --scope all: every resource path of theirs, every type theirs defines under `types` (with
  --prefix: the types reachable from the resource paths under the prefix).
* --scope ours (default): the resource paths on which ours defines at least one method (a bare
  container resource such as `messages` in a batches-only package is not charged with all of the
  official `messages` methods), and, as types, the closure of what theirs needs for those paths
  (annotation of every param and return, then fields, type aliases and base classes,
  transitively) plus the theirs counterpart of every type ours reaches from its own in-scope
  paths.  This is fair to a partial package, whatever its module layout: it is charged for what
  the official SDK needs for the endpoints it offers, not for unrelated modules.

--prefix P keeps the resource paths equal to P or under `P.` in both packages.

Exit status: 0, or 2 with a one-line error when a package (or its client) cannot be imported.
"""

from __future__ import annotations

import argparse
import ast
import builtins
import importlib
import inspect
import json
import pkgutil
import re
import shutil
import sys
import tempfile
import types
import typing
from collections import ChainMap
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pydantic

CALL_EXTRAS = frozenset({"self", "extra_headers", "extra_query", "extra_body", "timeout"})
SKIP_ATTRS = frozenset({"with_raw_response", "with_streaming_response"})
RESOURCE_BASES = frozenset({"SyncAPIResource"})
CLIENT_BASES = ("SyncAPIClient",)
DUMMY_CLIENT_ARGS: dict[str, Any] = {"base_url": "http://127.0.0.1:9"}
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


class PackageImportError(Exception):
    """A package, its `types` module or its client cannot be imported or built."""


# --------------------------------------------------------------------------- annotations


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
    """Normalised annotation text: see the module docstring (return types)."""
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


# --------------------------------------------------------------------------- packages


@dataclass
class Param:
    required: bool
    kind: str


@dataclass
class Method:
    params: dict[str, Param]
    returns: str
    annotations: list[object]
    globalns: Mapping[str, Any]


@dataclass
class Field:
    required: bool
    nullable: bool


@dataclass
class TypeInfo:
    name: str
    rel: str  # module path relative to `<pkg>.types`, "" for `types` itself
    kind: str  # "model" | "TypedDict"
    cls: type
    fields: dict[str, Field]
    annotations: list[object]
    globalns: Mapping[str, Any]
    bases: list[type]
    exported: set[str] = field(default_factory=set)  # other public names bound to the class

    @property
    def where(self) -> str:
        return f"types.{self.rel}.{self.name}" if self.rel else f"types.{self.name}"


@dataclass
class Package:
    name: str
    resources: dict[str, dict[str, Method]]
    types: dict[tuple[str, str], TypeInfo]
    notes: list[str] = field(default_factory=list)

    def by_class(self) -> dict[type, TypeInfo]:
        return {t.cls: t for t in self.types.values()}


def _is_resource(obj: object) -> bool:
    return any(c.__name__ in RESOURCE_BASES for c in type(obj).__mro__)


def _walk_resources(
    obj: object, path: str, out: dict[str, object], stack: tuple[type, ...]
) -> None:
    for name in sorted(dir(obj)):
        if name.startswith("_") or name in SKIP_ATTRS:
            continue
        static = inspect.getattr_static(obj, name, None)
        if inspect.isfunction(static) or isinstance(static, staticmethod | classmethod):
            continue
        try:
            value = getattr(obj, name)
        except Exception:
            continue
        if not _is_resource(value) or type(value) in stack:
            continue
        sub = f"{path}.{name}" if path else name
        out[sub] = value
        _walk_resources(value, sub, out, (*stack, type(value)))


def _methods(resource: object, notes: list[str], path: str) -> dict[str, Method]:
    cls = type(resource)
    out: dict[str, Method] = {}
    for name in dir(cls):
        if name.startswith("_") or name in SKIP_ATTRS:
            continue
        owner = next((c for c in cls.__mro__ if name in vars(c)), None)
        if owner is None or owner is object or owner.__name__ in RESOURCE_BASES:
            continue
        raw = vars(owner)[name]
        if isinstance(raw, staticmethod | classmethod):
            raw = raw.__func__
        if not inspect.isfunction(raw):
            continue
        bound = getattr(resource, name)
        try:
            sig = inspect.signature(bound)
        except (TypeError, ValueError) as exc:
            notes.append(f"{path}.{name}: no signature ({exc})")
            continue
        params: dict[str, Param] = {}
        anns: list[object] = [sig.return_annotation]
        for p in sig.parameters.values():
            if p.name in CALL_EXTRAS:
                continue
            if p.kind is p.VAR_POSITIONAL:
                kind = "*args"
            elif p.kind is p.VAR_KEYWORD:
                kind = "**kwargs"
            else:
                kind = "keyword" if p.kind is p.KEYWORD_ONLY else "positional"
            required = p.default is p.empty and kind in ("keyword", "positional")
            params[p.name] = Param(required=required, kind=kind)
            anns.append(p.annotation)
        globalns = getattr(inspect.unwrap(raw), "__globals__", {})
        out[name] = Method(params, canon(sig.return_annotation), anns, globalns)
    return out


def _is_typeddict(obj: object) -> bool:
    return isinstance(obj, type) and issubclass(obj, dict) and hasattr(obj, "__required_keys__")


def _is_model(obj: object) -> bool:
    return isinstance(obj, type) and issubclass(obj, pydantic.BaseModel)


def _td_bases(cls: type) -> list[type]:
    out: list[type] = []
    for base in getattr(cls, "__orig_bases__", ()):
        if _is_typeddict(base):
            out.append(base)
            out.extend(_td_bases(base))
    return out


def _type_info(cls: type, root: str) -> TypeInfo:
    module = sys.modules[cls.__module__]
    rel = cls.__module__[len(root) + 1 :] if cls.__module__ != root else ""
    fields: dict[str, Field] = {}
    anns: list[object] = []
    if _is_model(cls):
        kind = "model"
        model = typing.cast(type[pydantic.BaseModel], cls)
        for fname, info in model.model_fields.items():
            text = canon(info.annotation)
            wire = info.alias or fname
            fields[wire] = Field(info.is_required(), "None" in _top_members(text))
            anns.append(info.annotation)
        bases = [b for b in cls.__mro__[1:] if _is_model(b)]
        globalns: Mapping[str, Any] = vars(module)
    else:
        kind = "TypedDict"
        bases = _td_bases(cls)
        globalns = ChainMap(vars(module), *(vars(sys.modules[b.__module__]) for b in bases))
        try:
            hints: dict[str, Any] = typing.get_type_hints(
                cls, globalns=dict(globalns), include_extras=True
            )
        except Exception:
            hints = {}
        required_keys: frozenset[str] = getattr(cls, "__required_keys__", frozenset())
        for fname, ann in cls.__annotations__.items():
            text = _fmt_obj(ann)
            alias = _alias_in_source(text)
            hint = hints.get(fname)
            if alias is None and typing.get_origin(hint) is typing.Annotated:
                for meta in typing.get_args(hint)[1:]:
                    if isinstance(getattr(meta, "alias", None), str):
                        alias = meta.alias
            nullable = "None" in _top_members(canon(hint if hint is not None else text))
            fields[alias or fname] = Field(fname in required_keys, nullable)
            anns.append(ann)
    return TypeInfo(cls.__name__, rel, kind, cls, fields, anns, globalns, bases)


def _load_types(pkg: str, notes: list[str]) -> dict[tuple[str, str], TypeInfo]:
    root_name = f"{pkg}.types"
    try:
        root = importlib.import_module(root_name)
    except Exception as exc:
        raise PackageImportError(f"cannot import {root_name}: {exc}") from exc
    modules: list[types.ModuleType] = [root]

    def onerror(name: str) -> None:
        notes.append(f"{pkg}: cannot import {name}")

    for info in pkgutil.walk_packages(root.__path__, root_name + ".", onerror=onerror):
        try:
            modules.append(importlib.import_module(info.name))
        except Exception as exc:
            notes.append(f"{pkg}: cannot import {info.name}: {exc}")
    found: dict[tuple[str, str], TypeInfo] = {}
    exported: dict[tuple[str, str], set[str]] = {}
    for module in modules:
        for name, value in list(vars(module).items()):
            if not (_is_model(value) or _is_typeddict(value)):
                continue
            cls = typing.cast(type, value)
            key = (cls.__module__, cls.__qualname__)
            in_types = cls.__module__ == root_name or cls.__module__.startswith(root_name + ".")
            if not in_types:
                continue
            if name != cls.__name__ and not name.startswith("_"):
                exported.setdefault(key, set()).add(name)  # e.g. a deprecated alias
            if key in found:
                continue
            try:
                found[key] = _type_info(cls, root_name)
            except Exception as exc:
                notes.append(f"{pkg}: cannot introspect {cls.__module__}.{cls.__qualname__}: {exc}")
    for key, names in exported.items():
        if key in found:
            found[key].exported = names
    return found


def _is_sync_client(obj: object) -> bool:
    return isinstance(obj, type) and any(c.__name__ in CLIENT_BASES for c in obj.__mro__[1:])


def find_client(pkg: str) -> type:
    """The package's sync client class, found rather than assumed: the public classes of `pkg`
    (else of `pkg._client`) that subclass a `SyncAPIClient`, the one defined in `_client` first,
    then the shortest name (`Anthropic` before `AnthropicBedrock`)."""
    found: dict[int, tuple[tuple[int, int, str], type]] = {}
    for name in (pkg, f"{pkg}._client"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        for attr, value in list(vars(module).items()):
            if attr.startswith("_") or not _is_sync_client(value):
                continue
            cls = typing.cast(type, value)
            rank = (int(not cls.__module__.endswith("._client")), len(cls.__name__), cls.__name__)
            found.setdefault(id(cls), (rank, cls))
    if not found:
        raise PackageImportError(f"{pkg}: no public class subclassing {'/'.join(CLIENT_BASES)}")
    return min(found.values(), key=lambda item: item[0])[1]


def client_args(cls: type) -> dict[str, Any]:
    """Keyword args that build `cls` without a network or environment: base_url points at a
    closed local port and every credential-like option (`str | None`, e.g. `api_key`,
    `api_token`, `api_email`) is set, so no client refuses for want of a key."""
    args: dict[str, Any] = dict(DUMMY_CLIENT_ARGS)
    for name, param in inspect.signature(cls).parameters.items():
        if name in args or name.startswith("_") or param.kind is not param.KEYWORD_ONLY:
            continue
        text = canon(param.annotation)
        if text in ("str | None", "str") and param.default in (None, param.empty):
            args[name] = "x"
    return args


def load(pkg: str) -> Package:
    """Import `pkg`, build its sync client and collect its resources and types."""
    try:
        importlib.import_module(pkg)
        client_cls = find_client(pkg)
        client = client_cls(**client_args(client_cls))
    except PackageImportError:
        raise
    except Exception as exc:
        raise PackageImportError(f"cannot import {pkg} or build its client: {exc}") from exc
    notes: list[str] = []
    found: dict[str, object] = {}
    _walk_resources(client, "", found, ())
    resources = {path: _methods(res, notes, path) for path, res in sorted(found.items())}
    return Package(pkg, resources, _load_types(pkg, notes), notes)


def _closure(pkg: Package, paths: list[str]) -> set[type]:
    """Types of `pkg` reachable from the methods on `paths` (annotations, fields, bases)."""
    by_class = pkg.by_class()
    todo: list[type] = []
    seen: set[int] = set()
    for path in paths:
        for method in pkg.resources.get(path, {}).values():
            for ann in method.annotations:
                todo.extend(c for c in _refs(ann, method.globalns, seen) if c in by_class)
    done: set[type] = set()
    while todo:
        cls = todo.pop()
        if cls in done:
            continue
        done.add(cls)
        info = by_class[cls]
        todo.extend(b for b in info.bases if b in by_class)
        for ann in info.annotations:
            todo.extend(c for c in _refs(ann, info.globalns, seen) if c in by_class)
    return done


# --------------------------------------------------------------------------- matching


def _camel(snake: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in snake.split("_"))


def _aliases(info: TypeInfo) -> set[str]:
    base = info.rel.rsplit(".", 1)[-1]
    names: set[str] = set()
    if info.name.endswith("Param"):
        names.add(info.name[: -len("Param")])
    for stem in {base, re.sub(r"_params?$", "", base)}:
        prefix = _camel(stem)
        if stem and not info.name.lower().startswith(prefix.lower()):
            names.add(prefix + info.name)
    return {n.lower() for n in names if n and n != info.name}


def _tokens(rel: str) -> list[str]:
    out = []
    for tok in re.split(r"[._]", rel):
        if re.search(r"(ch|sh|x|ss)es$", tok):
            tok = tok[:-2]
        elif tok.endswith("s") and not tok.endswith("ss"):
            tok = tok[:-1]
        if tok:
            out.append(tok)
    return out


def _module_score(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    prefix = 0
    for x, y in zip(ta, tb, strict=False):
        if x != y:
            break
        prefix += 1
    union = set(ta) | set(tb)
    return prefix + (len(set(ta) & set(tb)) / len(union) if union else 1.0)


def match_types(
    ours: dict[tuple[str, str], TypeInfo], theirs: dict[tuple[str, str], TypeInfo]
) -> dict[tuple[str, str], tuple[tuple[str, str], bool]]:
    """theirs key -> (ours key, matched by alias).  Each type is used once; see module doc."""
    by_name: dict[str, list[tuple[str, str]]] = {}
    by_lower: dict[str, list[tuple[str, str]]] = {}
    for key, info in ours.items():
        by_name.setdefault(info.name, []).append(key)
        for low in {info.name.lower(), info.name.rstrip("_").lower()}:  # `PermissionError_`
            by_lower.setdefault(low, []).append(key)
    pairs: list[tuple[tuple[int, int, float, str, str], tuple[str, str], tuple[str, str]]] = []
    for tkey, tinfo in theirs.items():
        candidates = [
            (okey, 0) for name in {tinfo.name, *tinfo.exported} for okey in by_name.get(name, [])
        ]
        for alias in _aliases(tinfo) | {n.lower() for n in (tinfo.name, *tinfo.exported)}:
            candidates.extend((okey, 1) for okey in by_lower.get(alias, []))
        for okey, tier in candidates:
            oinfo = ours[okey]
            rank = (
                int(oinfo.kind != tinfo.kind),
                tier,
                -_module_score(oinfo.rel, tinfo.rel),
                tinfo.where,
                oinfo.where,
            )
            pairs.append((rank, tkey, okey))
    result: dict[tuple[str, str], tuple[tuple[str, str], bool]] = {}
    used: set[tuple[str, str]] = set()
    for rank, tkey, okey in sorted(pairs):
        if tkey in result or okey in used:
            continue
        result[tkey] = (okey, rank[1] == 1)
        used.add(okey)
    return result


# --------------------------------------------------------------------------- compare


def _under(path: str, prefix: str | None) -> bool:
    return prefix is None or path == prefix or path.startswith(prefix + ".")


def _pct(hit: int, total: int) -> dict[str, Any]:
    return {"matched": hit, "total": total, "pct": round(100.0 * hit / total, 1) if total else None}


def _req(flag: bool) -> str:
    return "required" if flag else "optional"


def compare(
    ours: str, theirs: str = "anthropic", scope: str = "ours", prefix: str | None = None
) -> dict[str, Any]:
    """Compare package `ours` against `theirs`; raises PackageImportError if either won't load.

    Returns {"ours", "theirs", "scope", "prefix", "summary": {metric: {matched, total, pct}},
    "resources": [paths compared], "mismatches": [{group, where, ours, theirs}], "notes": [...]}.
    """
    if scope not in ("ours", "all"):
        raise ValueError(f"scope must be 'ours' or 'all', not {scope!r}")
    mine, ref = load(ours), load(theirs)
    mismatches: list[dict[str, str]] = []

    def miss(group: str, where: str, ours_has: str, theirs_has: str) -> None:
        mismatches.append({"group": group, "where": where, "ours": ours_has, "theirs": theirs_has})

    our_paths = [p for p, ms in mine.resources.items() if _under(p, prefix) and ms]
    their_paths = [p for p in ref.resources if _under(p, prefix)]
    if scope == "ours":
        paths = [p for p in their_paths if p in our_paths]
    else:
        paths = their_paths
    for path in our_paths:
        if path not in ref.resources:
            miss("resource only in ours", path, "resource", "-")
    for path in paths:
        if path not in mine.resources:
            miss("resource missing", path, "-", "resource")

    n_methods = [0, 0]
    n_params = [0, 0]
    n_returns = [0, 0]
    for path in paths:
        our_methods = mine.resources.get(path, {})
        for mname, tm in ref.resources[path].items():
            where = f"{path}.{mname}"
            n_methods[1] += 1
            om = our_methods.get(mname)
            if om is None:
                miss("method missing", where, "-", f"({', '.join(tm.params)}) -> {tm.returns}")
                continue
            n_methods[0] += 1
            n_returns[1] += 1
            if om.returns == tm.returns:
                n_returns[0] += 1
            else:
                miss("return type", where, om.returns, tm.returns)
            for pname, tp in tm.params.items():
                n_params[1] += 1
                op = om.params.get(pname)
                pwhere = f"{where}({pname})"
                if op is None:
                    miss("param missing", pwhere, "-", f"{_req(tp.required)}, {tp.kind}")
                    continue
                if op.required != tp.required:
                    miss("param required-ness", pwhere, _req(op.required), _req(tp.required))
                else:
                    n_params[0] += 1
                if op.kind != tp.kind:
                    miss("param kind", pwhere, op.kind, tp.kind)
            for pname, op in om.params.items():
                if pname not in tm.params:
                    miss("param only in ours", f"{where}({pname})", _req(op.required), "-")
        for mname in our_methods:
            if mname not in ref.resources[path]:
                miss("method only in ours", f"{path}.{mname}", "method", "-")

    matches = match_types(mine.types, ref.types)
    our_to_their = {okey: tkey for tkey, (okey, _) in matches.items()}
    our_scope = {(c.__module__, c.__qualname__) for c in _closure(mine, our_paths)}
    if scope == "all" and prefix is None:
        their_scope = set(ref.types)
        our_listed = set(mine.types)
    else:
        reach = _closure(ref, paths)
        their_scope = {(c.__module__, c.__qualname__) for c in reach}
        if scope == "ours":
            their_scope |= {our_to_their[k] for k in our_scope if k in our_to_their}
        our_listed = our_scope

    n_types = [0, len(their_scope)]
    n_fields = [0, 0]
    for tkey in sorted(their_scope, key=lambda k: ref.types[k].where):
        tinfo = ref.types[tkey]
        if tkey not in matches:
            miss("type missing", tinfo.where, "-", tinfo.kind)
            continue
        okey, renamed = matches[tkey]
        oinfo = mine.types[okey]
        n_types[0] += 1
        if renamed:
            miss("type renamed", tinfo.where, oinfo.where, tinfo.name)
        if oinfo.kind != tinfo.kind:
            miss("type kind", tinfo.where, f"{oinfo.where} ({oinfo.kind})", tinfo.kind)
        for fname, tf in tinfo.fields.items():
            n_fields[1] += 1
            of = oinfo.fields.get(fname)
            fwhere = f"{tinfo.where}.{fname}"
            if of is None:
                miss("field missing", fwhere, "-", _req(tf.required))
                continue
            if of.required != tf.required:
                miss("field required-ness", fwhere, _req(of.required), _req(tf.required))
            else:
                n_fields[0] += 1
            if of.nullable != tf.nullable:
                null = {True: "nullable", False: "not nullable"}
                miss("field nullability", fwhere, null[of.nullable], null[tf.nullable])
        for fname, of in oinfo.fields.items():
            if fname not in tinfo.fields:
                miss("field only in ours", f"{tinfo.where}.{fname}", _req(of.required), "-")
    for okey in sorted(our_listed, key=lambda k: mine.types[k].where):
        if okey not in our_to_their:
            miss("type only in ours", mine.types[okey].where, mine.types[okey].kind, "-")

    return {
        "ours": ours,
        "theirs": theirs,
        "scope": scope,
        "prefix": prefix,
        "summary": {
            "methods matched": _pct(*n_methods),
            "params matched": _pct(*n_params),
            "return types matched": _pct(*n_returns),
            "types present": _pct(*n_types),
            "fields matched": _pct(*n_fields),
        },
        "resources": paths,
        "mismatches": mismatches,
        "notes": mine.notes + ref.notes,
    }


GROUP_ORDER = [
    "resource missing",
    "resource only in ours",
    "method missing",
    "method only in ours",
    "param missing",
    "param required-ness",
    "param only in ours",
    "param kind",
    "return type",
    "type missing",
    "type renamed",
    "type kind",
    "type only in ours",
    "field missing",
    "field required-ness",
    "field only in ours",
    "field nullability",
]
INFORMATIONAL = frozenset({"param kind", "field nullability", "type renamed", "type kind"})


def render(report: dict[str, Any], out: Callable[[str], None] = print) -> None:
    """Print the summary, then every mismatch, one per line, grouped."""
    prefix = report["prefix"] or "-"
    out(f"parity: {report['ours']} vs {report['theirs']}  scope={report['scope']} prefix={prefix}")
    paths = report["resources"]
    shown = ", ".join(paths) if len(paths) <= 12 else ", ".join(paths[:12]) + ", ..."
    out(f"resource paths compared ({len(paths)}): {shown or '-'}")
    for metric, stat in report["summary"].items():
        pct = "n/a" if stat["pct"] is None else f"{stat['pct']:.1f}%"
        out(f"  {metric:<22} {pct:>7}  ({stat['matched']}/{stat['total']})")
    groups: dict[str, list[dict[str, str]]] = {}
    for item in report["mismatches"]:
        groups.setdefault(item["group"], []).append(item)
    for group in sorted(groups, key=lambda g: GROUP_ORDER.index(g)):
        items = groups[group]
        counted = group not in INFORMATIONAL and "only in ours" not in group
        note = "" if counted else "  (listed, not counted)"
        out(f"\n{group} ({len(items)}){note}")
        for item in items:
            tag = f" [{item['class']}]" if "class" in item else ""
            out(f"  {item['where']}: ours={item['ours']} theirs={item['theirs']}{tag}")
    classes = report.get("classes")
    if classes:
        kinds = ("drift", "miss", "unclassified", "hand-written")
        out(
            "\ndrift (not in the npm spec) / generator miss / unclassified / hand-written, per group"
        )
        for group, counts in classes["groups"].items():
            split = " / ".join(str(counts.get(k, 0)) for k in kinds)
            out(f"  {group:<22} {split}")
        out("generator misses (unclassified counted as misses) / denominator")
        for metric, r in classes["rates"].items():
            pct = "n/a" if r["miss_pct"] is None else f"{r['miss_pct']:.1f}%"
            misses = r["miss"] + r["unclassified"]
            helpers = f"; hand-written {r['hand_written']}" if r.get("hand_written") else ""
            out(f"  {metric:<22} {pct:>7}  ({misses}/{r['total']}; drift {r['drift']}{helpers})")
    if report["notes"]:
        out(f"\nnot compared ({len(report['notes'])})")
        for line in report["notes"]:
            out(f"  {line}")


def importable_as(ours: str, theirs: str, ours_dir: Path | None, tmp: Path) -> str:
    """The name to import the generated package by. With `ours_dir`, it is imported from there;
    when it has the official package's import name, a copy named `<name>_generated` is (the
    generated package imports itself only relatively), so both load in one interpreter."""
    if ours_dir is None:
        if ours == theirs:
            raise PackageImportError(f"--ours {ours} is the official name too: give --ours-dir")
        return ours
    source = ours_dir / ours.replace(".", "/")
    if not source.is_dir():
        raise PackageImportError(f"no package folder {source}")
    if ours.split(".")[0] != theirs.split(".")[0]:
        sys.path.insert(0, str(ours_dir))
        return ours
    name = ours.replace(".", "_") + "_generated"
    shutil.copytree(source, tmp / name, ignore=shutil.ignore_patterns("__pycache__"))
    sys.path.insert(0, str(tmp))
    return name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--ours", required=True, help="import name of the generated package")
    parser.add_argument(
        "--official", "--theirs", dest="theirs", default="anthropic", help="reference package"
    )
    parser.add_argument("--scope", choices=("ours", "all"), default="ours")
    parser.add_argument("--prefix", default=None, help="only resource paths under this one")
    parser.add_argument(
        "--ours-dir",
        type=Path,
        help="folder holding the generated package (needed when it has the official's name)",
    )
    parser.add_argument("--spec", type=Path, help="the npm spec: classify mismatches as drift")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    try:
        with tempfile.TemporaryDirectory(prefix="parity-") as tmp:
            ours = importable_as(args.ours, args.theirs, args.ours_dir, Path(tmp))
            report = compare(ours, args.theirs, args.scope, args.prefix)
            if args.spec is not None:
                from bench.parity_drift import classify

                report["classes"] = classify(report, args.spec)
    except PackageImportError as exc:
        print(f"parity: {exc}".splitlines()[0], file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        render(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
