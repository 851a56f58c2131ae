"""Recovering type arguments that a lossy export stripped (`APIPromise` for `APIPromise<X>`).

Every rule reads evidence that survives in the file itself, and each recovery is reported with
that evidence:
- a method's `@example` names its result (`const messageBatch = await client.a.b.create(`) or its
  items (`for await (const messageBatch of client.a.b.list(`): that name, in PascalCase, is a
  type declared in the file;
- a page alias `<Items>Page = <SomePage>` pages over the singular of `<Items>`;
- a bare `Promise` result wraps the runtime container that the file imports but no longer
  mentions anywhere (`JSONLDecoder`);
- a bare `Array` field of interface `X` holds the interface that namespace `X` declares for it
  (the singular of the field name, or the namespace's only interface).
"""

from __future__ import annotations

import re
from dataclasses import replace

from codegen.diagnostics import Diagnostics
from codegen.ir import (
    Alias,
    ArrayType,
    Interface,
    Location,
    Primitive,
    Ref,
    RuntimeRef,
    TypeRef,
    UnionType,
)
from codegen.parser.dts import ClassDecl, MethodSig, ModuleScan
from codegen.parser.resolve import map_refs
from codegen.parser.types import NEEDS_ARGS, RUNTIME_PRIMITIVES

_CONTAINERS = ("JSONLDecoder", "Stream")


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 3:
        return word[:-3] + "y"
    if re.search(r"(ss|x|z|ch|sh)es$", word):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[_\W]+", name) if part)


def example_results(examples: list[str], method: str) -> tuple[str | None, str | None]:
    """(result variable, iterated item variable) that a method's examples name."""
    call = rf"client(?:\.\w+)+\.{re.escape(method)}\("
    result = item = None
    for example in examples:
        if m := re.search(rf"const\s+(\w+)\s*=\s*await\s+{call}", example):
            result = result or m.group(1)
        if m := re.search(rf"for\s+await\s*\(\s*const\s+(\w+)\s+of\s+{call}", example):
            item = item or m.group(1)
        if m := re.search(rf"const\s+(\w+)\s*=\s*await\s+{call}", example):
            stream = m.group(1)
            if n := re.search(rf"for\s+await\s*\(\s*const\s+(\w+)\s+of\s+{stream}\b", example):
                item = item or n.group(1)
    return result, item


class Recovery:
    def __init__(self, scan: ModuleScan, diags: Diagnostics) -> None:
        self.scan = scan
        self.diags = diags
        self.names = {d.name for d in scan.declarations}

    def run(self) -> None:
        arrays = self.scan.bare_arrays  # (else no field holds a bare `Array` to fill)
        for decl in self.scan.declarations:
            if isinstance(decl, Alias):
                self.page_alias(decl)
            elif arrays:
                self.array_fields(decl)
        unused: list[str] | None = None
        for klass in self.scan.classes:
            if klass.base == "APIResource":
                for method in klass.methods:
                    if self.stripped(method.returns):
                        unused = self.unused_containers() if unused is None else unused
                        self.method_result(klass, method, unused)

    @staticmethod
    def stripped(t: TypeRef) -> bool:
        """A runtime container that needs type arguments and has none: the lossy export's mark."""
        return isinstance(t, RuntimeRef) and t.name in NEEDS_ARGS and not t.args

    def note(self, loc: Location, what: str, evidence: str) -> None:
        self.diags.warn("recovered-type", f"recovered {what} from {evidence}", loc)

    def declared(self, name: str) -> str | None:
        return name if name in self.names else None

    def page_alias(self, alias: Alias) -> None:
        t = alias.type
        if not (isinstance(t, Ref) and not t.args and alias.name.endswith("Page")):
            return
        if not t.text.split(".")[-1].endswith("Page"):
            return
        item = self.declared(singular(alias.name[: -len("Page")]))
        if item is None:
            return
        alias.type = replace(t, args=[Ref(item)])
        self.note(alias.loc, f"'{alias.name} = {t.text}<{item}>'", f"the alias name '{alias.name}'")

    def array_fields(self, decl: Interface) -> None:
        for f in decl.fields:
            f.type = self._fill_arrays(f.type, decl, f.name, f.loc)

    def _fill_arrays(self, t: TypeRef, owner: Interface, field_name: str, loc: Location) -> TypeRef:
        if t.kind != "runtime" and t.kind != "union":
            return t
        if isinstance(t, RuntimeRef) and t.name in ("Array", "ReadonlyArray") and not t.args:
            prefix = f"{owner.name}."
            nested = [d.name for d in self.scan.declarations if d.name.startswith(prefix)]
            wanted = f"{prefix}{pascal(singular(field_name))}"
            item = wanted if wanted in nested else (nested[0] if len(nested) == 1 else None)
            if item is None:
                self.diags.warn(
                    "unrecovered-type",
                    f"'Array' without its item type in {owner.name}.{field_name}; items left untyped",
                    loc,
                )
                return ArrayType(Primitive("unknown"))
            self.note(loc, f"'Array<{item}>'", f"namespace '{owner.name}' declaring '{item}'")
            return ArrayType(Ref(item))
        if isinstance(t, UnionType) and any(
            m.kind == "runtime" or m.kind == "union" for m in t.members
        ):
            members = [self._fill_arrays(m, owner, field_name, loc) for m in t.members]
            changed = any(a is not b for a, b in zip(members, t.members, strict=True))
            return replace(t, members=members) if changed else t
        return t

    def unused_containers(self) -> list[str]:
        """Runtime containers imported but mentioned nowhere: they were in a stripped argument."""
        used: set[str] = set()

        def seen(t: TypeRef) -> None:
            def visit(ref: Ref) -> TypeRef:
                used.add(ref.text.split(".")[0])
                return ref

            if isinstance(t, RuntimeRef):
                used.add(t.name)
                for a in t.args:
                    seen(a)
            map_refs(t, visit)

        for decl in self.scan.declarations:
            for t in [decl.type] if isinstance(decl, Alias) else [f.type for f in decl.fields]:
                seen(t)
        for klass in self.scan.classes:
            for method in klass.methods:
                seen(method.returns)
                for p in method.params:
                    seen(p.type)
        return [
            name
            for name in self.scan.imports
            if name in _CONTAINERS and name in RUNTIME_PRIMITIVES and name not in used
        ]

    def method_result(self, klass: ClassDecl, method: MethodSig, unused: list[str]) -> None:
        t = method.returns
        if not (isinstance(t, RuntimeRef) and self.stripped(t)):
            return
        examples = method.doc.examples
        result_var, item_var = example_results(examples, method.name)
        where = f"{klass.name}.{method.name}"
        if t.name == "PagePromise":
            item = self.declared(pascal(item_var or result_var or ""))
            page = next(
                (
                    d.name
                    for d in self.scan.declarations
                    if isinstance(d, Alias)
                    and isinstance(d.type, Ref)
                    and d.type.args
                    and isinstance(d.type.args[0], Ref)
                    and d.type.args[0].text == item
                ),
                None,
            )
            if item and page:
                method.returns = RuntimeRef("PagePromise", [Ref(page), Ref(item)])
                self.note(
                    method.loc,
                    f"{where} -> PagePromise<{page}, {item}>",
                    f"the @example loop variable '{item_var}' and the page alias '{page}'",
                )
                return
        else:
            var = item_var if t.name == "Promise" and item_var else result_var
            item = self.declared(pascal(var or ""))
            if item and t.name == "APIPromise":
                method.returns = RuntimeRef("APIPromise", [Ref(item)])
                self.note(
                    method.loc, f"{where} -> APIPromise<{item}>", f"the @example result '{var}'"
                )
                return
            if item and t.name == "Promise" and len(unused) == 1:
                container = unused[0]
                method.returns = RuntimeRef("Promise", [RuntimeRef(container, [Ref(item)])])
                self.note(
                    method.loc,
                    f"{where} -> Promise<{container}<{item}>>",
                    f"the @example result '{var}' and '{container}', imported but otherwise unused",
                )
                return
        self.diags.warn(
            "unrecovered-type",
            f"{where} returns '{t.name}' without its type arguments and no evidence names them",
            method.loc,
        )
