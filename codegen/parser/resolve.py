"""Links every written type name to its declaration, across files, namespaces and imports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from codegen.diagnostics import Diagnostics
from codegen.ir import (
    Alias,
    ArrayType,
    Declaration,
    Field_,
    Interface,
    IntersectionType,
    Location,
    ObjectType,
    RecordType,
    Ref,
    RuntimeRef,
    TupleType,
    TypeParam,
    TypeRef,
    UnionType,
)
from codegen.parser.dts import ClassDecl, ModuleScan
from codegen.parser.types import RUNTIME_PRIMITIVES

_LEAVES = frozenset({"primitive", "literal", "type_param"})
_UNSEEN = "\0unseen"  # (a lookup answer no id can be: ids are `module#name`)


def map_refs(type_: TypeRef, fn: Callable[[Ref], TypeRef]) -> TypeRef:
    """`type_` with every `Ref` (including those in type arguments) replaced by `fn`.

    Copy on change: a subtree `fn` leaves alone is returned as is, not rebuilt, which keeps
    resolution cheap on large specs. Callers must not mutate the result in place. (The copies
    are built by their constructors, every field given: `dataclasses.replace` costs several
    times as much.)
    """
    if type_.kind in _LEAVES:  # most field types: no walk to set up
        return type_
    if isinstance(type_, UnionType) and all(m.kind in _LEAVES for m in type_.members):
        return type_  # (`string | null`, enum-like literals: the next most)

    def each(items: list[TypeRef]) -> list[TypeRef] | None:
        out = [walk(i) for i in items]
        return None if all(a is b for a, b in zip(out, items, strict=True)) else out

    def walk(t: TypeRef) -> TypeRef:
        if t.kind in _LEAVES:
            return t
        if isinstance(t, Ref):
            args = each(t.args) if t.args else None
            return fn(t if args is None else Ref(t.text, t.target, args))
        if isinstance(t, RuntimeRef):
            args = each(t.args) if t.args else None
            return t if args is None else RuntimeRef(t.name, args)
        if isinstance(t, ArrayType):
            item = walk(t.item)
            return t if item is t.item else ArrayType(item)
        if isinstance(t, UnionType):
            members = each(t.members)
            return t if members is None else UnionType(members, t.discriminator, t.open)
        if isinstance(t, IntersectionType):
            members = each(t.members)
            return t if members is None else IntersectionType(members)
        if isinstance(t, TupleType):
            items = each(t.items)
            return t if items is None else TupleType(items)
        if isinstance(t, RecordType):
            key, value = walk(t.key), walk(t.value)
            return t if key is t.key and value is t.value else RecordType(key, value)
        if isinstance(t, ObjectType):
            types = [walk(f.type) for f in t.fields]
            index = walk(t.index) if t.index else None
            if index is t.index and all(a is f.type for a, f in zip(types, t.fields, strict=True)):
                return t
            fields = [
                f if a is f.type else Field_(f.name, a, f.optional, f.loc, f.doc)
                for a, f in zip(types, t.fields, strict=True)
            ]
            return ObjectType(fields, index if isinstance(index, RecordType) else None)
        return t

    return walk(type_)


@dataclass
class SymbolTable:
    scans: dict[str, ModuleScan]
    decls: dict[str, Declaration] = field(default_factory=dict)
    classes: dict[str, ClassDecl] = field(default_factory=dict)
    names: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def build(cls, scans: dict[str, ModuleScan]) -> SymbolTable:
        table = cls(scans)
        for module, scan in scans.items():
            names = table.names.setdefault(module, {})
            for decl in scan.declarations:
                table.decls[decl.id] = decl
                names[decl.name] = decl.id
            for klass in scan.classes:
                class_id = f"{module}#{klass.name}"
                table.classes[class_id] = klass
                names.setdefault(klass.name, class_id)
        return table

    def unique_name(self, name: str) -> str | None:
        """The id of the one declaration or class called `name` in all given files, if unique."""
        found = {ids[name] for ids in self.names.values() if name in ids}
        data = {target for target in found if target in self.decls}
        for candidates in (data, found):
            if len(candidates) == 1:
                return candidates.pop()
        return None

    def lookup(self, module: str, text: str, scope: str) -> str | None:
        """The id `text` names in `module`, seen from namespace `scope` (`A.B.` or '').

        TypeScript's rules: the first name of `text` is looked up from the innermost enclosing
        namespace outwards to the file scope (for a dotted `text` as a namespace, else as a
        type), then among the file's imports; the rest are members of what it found, through
        merged namespaces, import aliases and re-exports. A name found in a scope whose member
        is missing is an error there, not a reason to look further out.
        """
        return self._lookup(module, text, scope, set())

    def _lookup(self, module: str, text: str, scope: str, seen: set[tuple[str, str]]) -> str | None:
        scan = self.scans.get(module)
        head, _, rest = text.partition(".")
        parts = scope.split(".")[:-1] if scope else []
        for depth in range(len(parts), -1, -1):
            prefix = "".join(f"{p}." for p in parts[:depth])
            if self._declares(module, f"{prefix}{head}", namespace=bool(rest)):
                return self._member(module, f"{prefix}{text}", seen, local=True)
        binding = scan.imports.get(head) if scan is not None else None
        if binding is None or binding.module is None:
            return None
        target = ".".join(p for p in (binding.name, rest) if p)
        return self._member(binding.module, target, seen, local=False) if target else None

    def _declares(self, module: str, qualified: str, namespace: bool) -> bool:
        scan = self.scans.get(module)
        if scan is not None and qualified in scan.aliases:
            return True
        if namespace:
            return scan is not None and qualified in scan.namespaces
        return qualified in self.names.get(module, {})

    def _member(
        self, module: str, qualified: str, seen: set[tuple[str, str]], local: bool
    ) -> str | None:
        """The id of `qualified` declared in (or re-exported by) `module`. `local`: seen from
        inside the file, where `export * from` brings no names."""
        if (module, qualified) in seen:
            return None  # an alias cycle: TypeScript rejects it too
        seen.add((module, qualified))
        found = self.names.get(module, {}).get(qualified)
        scan = self.scans.get(module)
        if found is not None or scan is None:
            return found
        parts = qualified.split(".")
        for i in range(len(parts), 0, -1):
            head, rest = ".".join(parts[:i]), parts[i:]
            for alias in (scan.aliases.get(head), scan.exports.get(head)):
                if alias is None:
                    continue
                text = ".".join(p for p in (alias.text, *rest) if p)
                if alias.spec is None:
                    found = self._lookup(module, text, alias.scope, seen)
                elif alias.module is not None and text:
                    found = self._member(alias.module, text, seen, local=False)
                if found is not None:
                    return found
        if not local:
            for star in scan.star_exports:
                found = self._member(star, qualified, seen, local=False)
                if found is not None:
                    return found
        return None


def _is_sdk_internal(spec: str) -> bool:
    """Imports from the SDK's internals and hand-written helpers are runtime, not API types."""
    return any(part in ("internal", "lib", "_vendor") for part in spec.split("/"))


class Resolver:
    def __init__(self, table: SymbolTable, diags: Diagnostics) -> None:
        self.table = table
        self.diags = diags
        self._runtime_modules: set[str] | None = None
        # (module, text, scope) -> lookup's answer: the table is complete before resolution
        # starts and fixed during it, and the same names recur in every field of a file
        self._found: dict[tuple[str, str, str], str | None] = {}

    def type(
        self, t: TypeRef, module: str, scope: str, loc: Location, params: list[str]
    ) -> TypeRef:
        if t.kind in _LEAVES or (
            isinstance(t, UnionType) and all(m.kind in _LEAVES for m in t.members)
        ):
            return t  # (no name to link: `map_refs` would return it as is)
        if isinstance(t, Ref) and not t.args:
            return self._link(t, module, scope, loc, params)  # (without `map_refs`' walk)
        return map_refs(t, lambda ref: self._link(ref, module, scope, loc, params))

    def _link(self, ref: Ref, module: str, scope: str, loc: Location, params: list[str]) -> TypeRef:
        text = ref.text
        if text in params:
            return TypeParam(text)
        key = (module, text, scope)
        target = self._found.get(key, _UNSEEN)
        if target is _UNSEEN:
            target = self._found[key] = self.table.lookup(module, text, scope)
        if target is None:
            return self.unresolved(ref, module, loc)
        last = text.rpartition(".")[2]
        if last in RUNTIME_PRIMITIVES and self._runtime(target):
            # a runtime name the spec declares (`Core.APIPromise<T>`, `Core.RequestOptions`
            # of the older layout's core.d.ts), not an API type
            return RuntimeRef(last, ref.args)
        return Ref(text, target, ref.args)

    def _runtime(self, target: str) -> bool:
        """Whether `target` is declared in a module that declares the `APIPromise` class."""
        if self._runtime_modules is None:
            self._runtime_modules = {
                cid.partition("#")[0]
                for cid, c in self.table.classes.items()
                if c.name == "APIPromise"
            }
        return target.partition("#")[0] in self._runtime_modules

    def unresolved(self, ref: Ref, module: str, loc: Location) -> TypeRef:
        head = ref.text.split(".")[0]
        binding = self.table.scans[module].imports.get(head) if module in self.table.scans else None
        last = ref.text.split(".")[-1]
        if binding is not None and binding.module is None:
            if last in RUNTIME_PRIMITIVES or _is_sdk_internal(binding.spec):
                return RuntimeRef(last, ref.args)
            unique = self.table.unique_name(last)
            if unique is not None:
                self.diags.info(
                    "resolved-by-name",
                    f"'{ref.text}' comes through '{binding.spec}', which was not given; "
                    f"linked to the only declaration named '{last}'",
                    loc,
                )
                return replace(ref, target=unique)
        where = ""
        if binding is not None:
            given = "which does not declare it" if binding.module else "which was not given"
            where = f" (imported from '{binding.spec}', {given})"
        self.diags.warn("unresolved-ref", f"unresolved type '{ref.text}'{where}", loc)
        return ref

    def fields(self, fields: list[Field_], module: str, scope: str, params: list[str]) -> None:
        for f in fields:
            if f.type.kind not in _LEAVES:  # (most fields: `type` would return them as is)
                f.type = self.type(f.type, module, scope, f.loc, params)

    def declaration(self, decl: Declaration) -> None:
        scope = decl.name.rpartition(".")[0]
        scope = f"{scope}." if scope else ""
        if isinstance(decl, Interface):
            self.fields(decl.fields, decl.module, scope, decl.type_params)
            decl.extends = [
                self.type(t, decl.module, scope, decl.loc, decl.type_params) for t in decl.extends
            ]
            if decl.index is not None:
                index = self.type(decl.index, decl.module, scope, decl.loc, decl.type_params)
                decl.index = index if isinstance(index, RecordType) else None
        elif isinstance(decl, Alias):
            decl.type = self.type(decl.type, decl.module, scope, decl.loc, decl.type_params)

    def klass(self, klass: ClassDecl) -> None:
        scope = klass.name.rpartition(".")[0]
        scope = f"{scope}." if scope else ""
        self.fields(klass.properties, klass.module, scope, klass.type_params)
        klass.base_args = [
            self.type(t, klass.module, scope, klass.loc, klass.type_params) for t in klass.base_args
        ]
        for method in klass.methods:
            for param in method.params:
                param.type = self.type(
                    param.type, klass.module, scope, param.loc, klass.type_params
                )
            method.returns = self.type(
                method.returns, klass.module, scope, method.loc, klass.type_params
            )
            method.overload_returns = [
                self.type(t, klass.module, scope, method.loc, klass.type_params)
                for t in method.overload_returns
            ]
