"""Which classes are resources, what each one has (through its base classes), and where each
one is attached: `batches: BatchesAPI.Batches` properties, from the client down.

A resource is a class whose base chain reaches `APIResource`. A resource may extend another
(cloudflare: `class Roles extends BaseRoles {}` with every method on `BaseRoles extends
APIResource`, and the sub-resources as properties of `Roles`): as in TypeScript, the subclass has
its base's methods and properties, and a base that is attached nowhere is not placed on its
own, since its methods are reached through the subclass.
"""

from __future__ import annotations

import re
from dataclasses import replace

from codegen.diagnostics import Diagnostics
from codegen.ir import Field_, Ref
from codegen.naming_wire import snake_case
from codegen.parser.dts import ClassDecl, MethodSig
from codegen.parser.js import JsMethod, JsModule
from codegen.parser.resolve import SymbolTable
from codegen.parser.sdk import base_name

_EXAMPLE_PATH = re.compile(r"client((?:\.\w+)+)\.\w+\(")
_ROOT = "APIResource"


def base_class(table: SymbolTable, cid: str) -> str | None:
    """The id of the given class `cid` extends (`BaseRoles`), None when it is not given."""
    klass = table.classes[cid]
    if not klass.base or base_name(klass) == _ROOT:
        return None
    found = table.lookup(klass.module, klass.base, "")
    return found if found in table.classes and found != cid else None


def resource_ids(table: SymbolTable) -> set[str]:
    """Every class whose base chain reaches `APIResource` (cycle-safe)."""
    found: dict[str, bool] = {}

    def is_resource(cid: str, seen: frozenset[str]) -> bool:
        if cid not in found:
            if base_name(table.classes[cid]) == _ROOT:
                found[cid] = True
            else:
                base = base_class(table, cid)
                found[cid] = (
                    base is not None and base not in seen and is_resource(base, seen | {cid})
                )
        return found[cid]

    return {cid for cid in table.classes if is_resource(cid, frozenset())}


def _chain(table: SymbolTable, cid: str) -> list[str]:
    """`cid` and its given base classes, the most basic first."""
    chain = [cid]
    while (base := base_class(table, chain[-1])) is not None and base not in chain:
        chain.append(base)
    return chain[::-1]


def effective_class(table: SymbolTable, cid: str) -> ClassDecl:
    """The class with its bases' methods and properties, a subclass's own winning by name
    (the documentation too, when it has one)."""
    chain = _chain(table, cid)
    if len(chain) == 1:
        return table.classes[cid]
    methods: dict[str, MethodSig] = {}
    props: dict[str, Field_] = {}
    doc = table.classes[chain[0]].doc
    for each in chain:
        klass = table.classes[each]
        methods.update((m.name, m) for m in klass.methods)
        props.update((p.name, p) for p in klass.properties)
        doc = klass.doc if klass.doc.text else doc
    own = table.classes[cid]
    return replace(
        own,
        methods=list(methods.values()),
        properties=list(props.values()),
        doc=doc,
    )


def js_methods(table: SymbolTable, cid: str, js: dict[str, JsModule]) -> dict[str, JsMethod] | None:
    """The `.js` methods of `cid` and of its bases (a subclass's own winning); None when no
    class of the chain is in a given `.js`."""
    found: dict[str, JsMethod] | None = None
    for each in _chain(table, cid):
        klass = table.classes[each]
        module = js.get(klass.module)
        js_class = (
            next((c for c in module.classes if c.name == klass.name), None) if module else None
        )
        if js_class is not None:
            found = found if found is not None else {}
            found.update((m.name, m) for m in js_class.methods)
    return found


def attachments(table: SymbolTable, resources: set[str]) -> dict[str, list[tuple[str, str]]]:
    """class id -> [(attribute, resource class id)] from its (and its bases') properties."""
    by_name: dict[str, list[str]] = {}
    for cid in resources:
        by_name.setdefault(table.classes[cid].name, []).append(cid)
    result: dict[str, list[tuple[str, str]]] = {}
    for cid in sorted(table.classes):
        klass = effective_class(table, cid)
        for prop in klass.properties:
            if not isinstance(prop.type, Ref):
                continue
            target = prop.type.target or table.lookup(klass.module, prop.type.text, "")
            if target not in resources:
                # re-exported through an index file that was not given: match by unique class name
                matches = by_name.get(prop.type.text.split(".")[-1], [])
                target = matches[0] if len(matches) == 1 else None
            if target is not None:
                result.setdefault(cid, []).append((prop.name, target))
    return result


def resource_paths(
    table: SymbolTable,
    resources: set[str],
    attached: dict[str, list[tuple[str, str]]],
    diags: Diagnostics,
) -> dict[str, str]:
    """class id -> dotted attribute path from the client. A resource attached nowhere is placed
    by its `@example` (info) or its name (warning); one that is only the base of another
    resource is not placed (info)."""
    children = {child for pairs in attached.values() for _, child in pairs}
    bases = {
        base: cid for cid in sorted(resources) if (base := base_class(table, cid)) in resources
    }
    roots = [cid for cid in attached if cid not in resources]
    paths: dict[str, str] = {}

    def visit(cid: str, prefix: str) -> None:
        for attr, child in attached.get(cid, []):
            if child not in paths:
                paths[child] = f"{prefix}{attr}"
                visit(child, f"{prefix}{attr}.")

    for root in sorted(roots):
        visit(root, "")
    for cid in sorted(resources - set(paths)):
        if cid in children:
            continue
        klass = table.classes[cid]
        if cid in bases:
            diags.info(
                "resource-base",
                f"resource {klass.name} is attached nowhere but is the base of "
                f"{table.classes[bases[cid]].name}, which has its methods; not placed itself",
                klass.loc,
            )
            continue
        path = _path_from_examples(effective_class(table, cid))
        if path:
            diags.info(
                "path-from-example",
                f"resource {klass.name} placed at '{path}' from its @example",
                klass.loc,
            )
        else:
            path = snake_case(klass.name)
            diags.warn(
                "path-from-name",
                f"resource {klass.name} is attached nowhere; placed at '{path}'",
                klass.loc,
            )
        paths[cid] = path
        visit(cid, f"{path}.")
    return paths


def _path_from_examples(klass: ClassDecl) -> str | None:
    for method in klass.methods:
        for example in method.doc.examples:
            match = _EXAMPLE_PATH.search(example)
            if match:
                return match.group(1).lstrip(".")
    return None
