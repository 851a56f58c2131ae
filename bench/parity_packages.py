"""Loading one package for `bench/parity.py`: what it offers, found by introspection only.

Its sync client is found and built offline (`find_client`, `client_args`), its resources and
their methods' signatures are walked from the client, and its pydantic models and TypedDicts
under `<pkg>.types` are collected with their fields and bases.  `_closure` is the set of types
that a set of resource paths reaches, the denominator of the "ours" scope.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
import types
import typing
from collections import ChainMap
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pydantic

from bench.parity_annotations import _alias_in_source, _fmt_obj, _refs, _top_members, canon

CALL_EXTRAS = frozenset({"self", "extra_headers", "extra_query", "extra_body", "timeout"})
SKIP_ATTRS = frozenset({"with_raw_response", "with_streaming_response"})
RESOURCE_BASES = frozenset({"SyncAPIResource"})
CLIENT_BASES = ("SyncAPIClient",)
DUMMY_CLIENT_ARGS: dict[str, Any] = {"base_url": "http://127.0.0.1:9"}


class PackageImportError(Exception):
    """A package, its `types` module or its client cannot be imported or built."""


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
