"""IR + config -> the contexts the templates render. No Python source is assembled here:
only names (from `naming.py`), annotations (from `annotations.py`) and data for the templates."""

from __future__ import annotations

from typing import Any

from codegen.config import Config
from codegen.emit.annotations import LocalNames, Side, TypeNamer, annotate
from codegen.emit.ctx_client import ResourceRef, class_names, client_context
from codegen.emit.ctx_common import admitting_none, nullable, shallow
from codegen.emit.ctx_errors import error_plan
from codegen.emit.ctx_pages import pages
from codegen.emit.ctx_plan import UNRESOLVED_MODULE, Planner, refs_in
from codegen.emit.ctx_resources import ResourceModules
from codegen.emit.cycles import merge_plan
from codegen.emit.doors import config_identifier
from codegen.emit.examples import (
    SnippetFormatter,
    example_value,
    format_snippet,
)
from codegen.emit.naming import (
    BUILTINS,
    field_scope,
)
from codegen.ir import (
    Alias,
    Declaration,
    Doc,
    Interface,
    Spec,
)
from codegen.ir_walk import all_fields


class ContextBuilder(Planner):
    def __init__(
        self, spec: Spec, config: Config, format_snippet: SnippetFormatter = format_snippet
    ) -> None:
        super().__init__(spec, config)
        self.format_snippet = format_snippet

    # -- modules ---------------------------------------------------------------------------
    def type_modules(self) -> list[dict[str, Any]]:
        """One module per spec file; modules on an import cycle merged, the rest re-exported."""
        merges = merge_plan(self.module_graph())
        if not merges:
            return _flat_exports(self._type_modules())
        moved: dict[str, list[str]] = {}
        renamed: dict[tuple[str, str], str] = {}
        for key, module in sorted(self.plan.modules.items()):
            if module not in merges:
                continue
            target, old = merges[module], self.plan.names[key]
            if (module, old) not in renamed:  # a name two sides share moves once
                renamed[(module, old)] = self.scope_of(target).claim(old, f"{module}:{old}")
                moved.setdefault(module, []).append(renamed[(module, old)])
            self.plan.modules[key], self.plan.names[key] = target, renamed[(module, old)]
        stubs = [
            {
                "name": name,
                "reexport_from": merges[name],
                "imports": [],
                "classes": [],
                "aliases": [],
                "exports": sorted(moved.get(name, [])),
                "flat_exports": [],
            }
            for name in sorted(merges)
        ]
        return _flat_exports(sorted(self._type_modules() + stubs, key=lambda m: str(m["name"])))

    def module_graph(self) -> dict[str, set[str]]:
        """Type module -> the type modules it imports: what a `TypeNamer` would import for each
        declaration's fields (interfaces are emitted flattened) or aliased type, on its side."""
        graph: dict[str, set[str]] = {}
        for (decl_id, side), module in sorted(self.plan.modules.items()):
            decl = self.decls[decl_id]
            types = (
                [f.type for f in all_fields(decl_id, self.decls)]
                if isinstance(decl, Interface)
                else [decl.type]
            )
            edges = graph.setdefault(module, set())
            for t in types:
                for ref in refs_in(t):
                    other = self.plan.modules.get((ref.target, side)) if ref.target else None
                    if other is not None and other != module:
                        edges.add(other)
        return graph

    def _type_modules(self) -> list[dict[str, Any]]:
        by_module: dict[str, list[tuple[Declaration, Side]]] = {}
        for (decl_id, side), module in sorted(self.plan.modules.items()):
            if side == "request" and self.plan.names[(decl_id, side)] == self.plan.names.get(
                (decl_id, "response")
            ):
                continue
            by_module.setdefault(module, []).append((self.decls[decl_id], side))
        modules = [self.type_module(name, items) for name, items in sorted(by_module.items())]
        if self.plan.unresolved:
            modules.append(self.unresolved_module())
        return modules

    def type_module(self, module: str, items: list[tuple[Declaration, Side]]) -> dict[str, Any]:
        imports: dict[str, set[str]] = {}
        classes, aliases = [], []
        local = LocalNames(own={self.plan.names[(d.id, side)] for d, side in items})
        for decl, side in sorted(items, key=lambda x: (x[0].loc.line, x[0].loc.col, x[1])):
            namer = self.namer(side, module, local)
            if isinstance(decl, Interface):
                classes.append(self.interface(decl, side, namer))
            else:
                aliases.append(self.alias(decl, side, namer))
            for other_module, name in namer.imports:
                imports.setdefault(other_module, set()).add(name)
        return {
            "name": module,
            "reexport_from": None,
            "imports": [
                {"module": m, "names": sorted(n)} for m, n in sorted(imports.items()) if m != module
            ],
            "classes": classes,
            "aliases": _alias_order(aliases),
            "exports": sorted([c["name"] for c in classes] + [a["name"] for a in aliases]),
        }

    def interface(self, decl: Interface, side: Side, namer: TypeNamer) -> dict[str, Any]:
        scope = field_scope()
        fields = []
        for f in all_fields(decl.id, self.decls):
            py_name = scope.claim(f.name, f.name)
            annotation = shallow(annotate(f.type, namer, refine=self.refine(decl.name, f)), f.loc)
            # Models: absent and nullable fields default to None, as in the official SDK, so a
            # response that leaves a nullable field out still parses.
            default_none = side == "response" and (f.optional or nullable(f.type))
            fields.append(
                {
                    "name": py_name,
                    "wire": f.name,
                    "annotation": admitting_none(annotation) if default_none else annotation,
                    "default_none": default_none,
                    "required": not f.optional,
                    "nullable": nullable(f.type),
                    "aliased": py_name != f.name,
                    "doc": f.doc.text,
                    "deprecated": f.doc.deprecated,
                }
            )
        functional = side == "request" and any(f["aliased"] for f in fields)
        return {
            "kind": "model" if side == "response" else "typeddict",
            "name": self.plan.names[(decl.id, side)],
            "loc": str(decl.loc),
            "doc": decl.doc.text,
            "deprecated": decl.doc.deprecated,
            "fields": fields,
            "functional": functional,
            "extra_values": decl.index is not None,
        }

    def alias(self, decl: Alias, side: Side, namer: TypeNamer) -> dict[str, Any]:
        return {
            "name": self.plan.names[(decl.id, side)],
            "annotation": shallow(annotate(decl.type, namer), decl.loc),
            "loc": str(decl.loc),
            "doc": decl.doc.text,
            "depends": sorted(
                self.plan.names[(r.target, side)]
                for r in refs_in(decl.type)
                if r.target
                and (r.target, side) in self.plan.names
                and isinstance(self.decls[r.target], Alias)
                and self.plan.modules[(r.target, side)] == self.plan.modules[(decl.id, side)]
            ),
        }

    def unresolved_module(self) -> dict[str, Any]:
        classes: list[dict[str, Any]] = [
            {
                "kind": "model",
                "name": name,
                "doc": f"`{text}` was not in the given spec files: a permissive model that keeps every field.",
                "deprecated": None,
                "fields": [],
                "functional": False,
                "extra_values": True,
            }
            for text, name in sorted(self.plan.unresolved.items())
        ]
        return {
            "name": UNRESOLVED_MODULE,
            "reexport_from": None,
            "imports": [],
            "classes": classes,
            "aliases": [],
            "exports": sorted(c["name"] for c in classes),
        }

    # -- whole-package context -------------------------------------------------------------
    def build(self) -> dict[str, Any]:
        self.plan_names()
        types = self.type_modules()
        resources = ResourceModules(self, self.format_snippet).build()
        roots = [
            ResourceRef(r.path, r.module, r.sync_class, r.async_class)
            for r in resources
            if "." not in r.path
        ]
        names = class_names(self.spec, self.config)
        client = client_context(self.spec, self.config, names, roots)
        errors, error_aliases = error_plan(self, names)
        package = config_identifier(
            self.config.package,
            "package",
            self.config.section,
            frozenset(BUILTINS),
            self.config.where.get("package"),
        )
        return {
            "package": package,
            "pkg": {
                "name": package,
                "distribution": self.config.distribution,
                "version": self.config.version,
            },
            "client": client,
            "errors": errors,
            "error_aliases": error_aliases,
            "pages": pages(self),
            "type_modules": types,
            "resources": resources,
            "exports": sorted(name for m in types for name in m["exports"]),
            "samples": self.samples(),
        }

    def samples(self) -> dict[str, Any]:
        """Example JSON for every response model and union member, for the generated tests."""
        samples: dict[str, Any] = {}
        for resource in self.resources:
            for method in resource.methods:
                if method.response.type is not None:
                    key = f"{resource.path}.{method.name}"
                    samples[key] = example_value(
                        method.response.type, self.decls, "", variants=True
                    )
        return samples


def _flat_exports(modules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`types/__init__` re-exports every type whose name no other module uses; the others stay
    importable from their own module (`types.organization_users.UserRemoveResponse`)."""
    counts: dict[str, int] = {}
    for m in modules:
        if not m["reexport_from"]:
            for name in m["exports"]:
                counts[name] = counts.get(name, 0) + 1
    for m in modules:
        if not m["reexport_from"]:
            m["flat_exports"] = [n for n in m["exports"] if counts[n] == 1]
    return modules


def _alias_order(aliases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Aliases after the aliases they use (they are evaluated at import time)."""
    by_name = {a["name"]: a for a in aliases}
    done: list[dict[str, Any]] = []
    seen: set[str] = set()

    def visit(alias: dict[str, Any]) -> None:
        if alias["name"] in seen:
            return
        seen.add(alias["name"])
        for dep in alias["depends"]:
            if dep in by_name:
                visit(by_name[dep])
        done.append(alias)

    for alias in aliases:
        visit(alias)
    return done


__all__ = ["ContextBuilder", "Doc"]
