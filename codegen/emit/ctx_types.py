"""The type modules (`types/<module>.py`, `types/__init__.py`): one module per spec file, its
interfaces as pydantic models (responses) or TypedDicts (requests) and its aliases; modules on
an import cycle are merged, the merged-away one re-exporting from where its types now live."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from codegen.emit.annotations import LocalNames, Side, TypeNamer, annotate
from codegen.emit.code import Code
from codegen.emit.ctx_common import (
    ImportLine,
    admitting_none,
    import_lines,
    nullable,
    relative,
    shallow,
)
from codegen.emit.ctx_plan import UNRESOLVED_MODULE, Planner, refs_in
from codegen.emit.cycles import merge_plan
from codegen.emit.naming import field_scope
from codegen.emit.typeddict_bases import Subclassing, subclassing
from codegen.ir import Alias, Declaration, Interface, Ref
from codegen.ir_walk import all_fields


@dataclass(frozen=True)
class ModelField:
    name: str
    wire: str
    annotation: Code
    default_none: bool
    required: bool
    nullable: bool
    aliased: bool
    doc: str
    deprecated: str | None
    # a model field's docstring: the doc, then the deprecation note
    doc_full: str


@dataclass(frozen=True)
class ModelClass:
    """An interface: a pydantic model (`kind` `model`) or a TypedDict (`typeddict`), written in
    the functional form when a key is not a Python name."""

    kind: str
    name: str
    loc: str | None
    doc: str
    deprecated: str | None
    fields: list[ModelField]
    functional: bool
    extra_values: bool
    # the TypedDicts this one subclasses (`typeddict_bases`); none: flattened
    bases: list[str] = field(default_factory=list)

    @property
    def typeddict_bases(self) -> Code:
        return Code(", ".join(self.bases) if self.bases else "TypedDict")


@dataclass(frozen=True)
class TypeAliasContext:
    name: str
    annotation: Code
    loc: str
    doc: str
    # aliases of the same module this one uses (they are evaluated at import time)
    depends: list[str]


@dataclass(frozen=True)
class TypeModule:
    name: str
    # the module its types now live in, when an import cycle merged it away
    reexport_from: str | None
    imports: list[ImportLine]
    classes: list[ModelClass]
    aliases: list[TypeAliasContext]
    exports: list[str]
    # what `types/__init__` re-exports: the exports no other module also defines
    flat_exports: list[str] = field(default_factory=list)

    @property
    def path(self) -> str:
        """The file below `types/`: `messages/message_batch.py`."""
        return self.name.replace(".", "/") + ".py"

    @property
    def up(self) -> str:
        """The relative import of the package root (`..` from `types/x.py`)."""
        return "." * (self.name.count(".") + 2)

    @property
    def reexport_import(self) -> str:
        """The relative import of `reexport_from`."""
        return relative(self.name, self.reexport_from) if self.reexport_from else ""


class TypeModules:
    """Builds the type modules from the planner's name plan (which a merge updates)."""

    def __init__(self, planner: Planner) -> None:
        self.planner = planner
        self.plan = planner.plan
        self.decls = planner.decls
        self._subclassing: Subclassing | None = None

    def subclassing(self) -> Subclassing:
        """Which request TypedDicts subclass their bases, by the plan as it is now (a merge
        moves types, so `build` asks again after merging)."""
        if self._subclassing is None:
            self._subclassing = subclassing(
                self.decls, self._own_request_class, self._class_form, self._ordered_before
            )
        return self._subclassing

    def _own_request_class(self, decl_id: str) -> bool:
        name = self.plan.names.get((decl_id, "request"))
        return name is not None and name != self.plan.names.get((decl_id, "response"))

    def _class_form(self, decl_id: str) -> bool:
        scope = field_scope()
        return all(scope.claim(f.name, f.name) == f.name for f in all_fields(decl_id, self.decls))

    def _ordered_before(self, base: str, decl_id: str) -> bool:
        module = self.plan.modules[(base, "request")]
        if module != self.plan.modules[(decl_id, "request")]:
            return True
        a, b = self.decls[base].loc, self.decls[decl_id].loc
        return a.file == b.file and (a.line, a.col) < (b.line, b.col)

    def build(self) -> list[TypeModule]:
        """One module per spec file; modules on an import cycle merged, the rest re-exported."""
        merges = merge_plan(self.module_graph())
        self._subclassing = None
        if not merges:
            return _flat_exports(self.defined_modules())
        moved: dict[str, list[str]] = {}
        renamed: dict[tuple[str, str], str] = {}
        for key, module in sorted(self.plan.modules.items()):
            if module not in merges:
                continue
            target, old = merges[module], self.plan.names[key]
            if (module, old) not in renamed:  # a name two sides share moves once
                renamed[(module, old)] = self.planner.scope_of(target).claim(old, f"{module}:{old}")
                moved.setdefault(module, []).append(renamed[(module, old)])
            self.plan.modules[key], self.plan.names[key] = target, renamed[(module, old)]
        stubs = [
            TypeModule(name, merges[name], [], [], [], sorted(moved.get(name, [])))
            for name in sorted(merges)
        ]
        return _flat_exports(sorted(self.defined_modules() + stubs, key=lambda m: m.name))

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
            if side == "request":  # a subclass imports its bases
                types += [Ref(b, b) for b in self.subclassing().bases.get(decl_id, [])]
            edges = graph.setdefault(module, set())
            for t in types:
                for ref in refs_in(t):
                    other = self.plan.modules.get((ref.target, side)) if ref.target else None
                    if other is not None and other != module:
                        edges.add(other)
        return graph

    def defined_modules(self) -> list[TypeModule]:
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

    def type_module(self, module: str, items: list[tuple[Declaration, Side]]) -> TypeModule:
        imports: dict[str, set[str]] = {}
        classes, aliases = [], []
        local = LocalNames(own={self.plan.names[(d.id, side)] for d, side in items})
        for decl, side in sorted(items, key=lambda x: (x[0].loc.line, x[0].loc.col, x[1])):
            namer = self.planner.namer(side, module, local)
            if isinstance(decl, Interface):
                classes.append(self.interface(decl, side, namer))
            else:
                aliases.append(self.alias(decl, side, namer))
            for other_module, name in namer.imports:
                imports.setdefault(other_module, set()).add(name)
        return TypeModule(
            name=module,
            reexport_from=None,
            imports=[
                ImportLine(relative(module, line.module), line.names)
                for line in import_lines(imports, skip=module)
            ],
            classes=classes,
            aliases=_alias_order(aliases),
            exports=sorted([c.name for c in classes] + [a.name for a in aliases]),
        )

    def interface(self, decl: Interface, side: Side, namer: TypeNamer) -> ModelClass:
        scope = field_scope()
        fields = []
        bases: list[str] = []
        own = all_fields(decl.id, self.decls)
        if side == "request":
            own = self.subclassing().body(decl.id, self.decls)
            bases = [namer.ref(Ref(b, b)) for b in self.subclassing().bases.get(decl.id, [])]
        for f in own:
            py_name = scope.claim(f.name, f.name)
            refine = self.planner.refine(decl.name, f)
            annotation = shallow(annotate(f.type, namer, refine=refine), f.loc)
            # Models: absent and nullable fields default to None, as in the official SDK, so a
            # response that leaves a nullable field out still parses.
            default_none = side == "response" and (f.optional or nullable(f.type))
            fields.append(
                ModelField(
                    name=py_name,
                    wire=f.name,
                    annotation=admitting_none(annotation) if default_none else annotation,
                    default_none=default_none,
                    required=not f.optional,
                    nullable=nullable(f.type),
                    aliased=py_name != f.name,
                    doc=f.doc.text,
                    deprecated=f.doc.deprecated,
                    doc_full=f.doc.text
                    + (f"\n\nDeprecated: {f.doc.deprecated}" if f.doc.deprecated else ""),
                )
            )
        return ModelClass(
            kind="model" if side == "response" else "typeddict",
            name=self.plan.names[(decl.id, side)],
            loc=str(decl.loc),
            doc=decl.doc.text,
            deprecated=decl.doc.deprecated,
            fields=fields,
            functional=side == "request" and any(f.aliased for f in fields),
            extra_values=decl.index is not None,
            bases=bases,
        )

    def alias(self, decl: Alias, side: Side, namer: TypeNamer) -> TypeAliasContext:
        return TypeAliasContext(
            name=self.plan.names[(decl.id, side)],
            annotation=shallow(annotate(decl.type, namer), decl.loc),
            loc=str(decl.loc),
            doc=decl.doc.text,
            depends=sorted(
                self.plan.names[(r.target, side)]
                for r in refs_in(decl.type)
                if r.target
                and (r.target, side) in self.plan.names
                and isinstance(self.decls[r.target], Alias)
                and self.plan.modules[(r.target, side)] == self.plan.modules[(decl.id, side)]
            ),
        )

    def unresolved_module(self) -> TypeModule:
        classes = [
            ModelClass(
                kind="model",
                name=name,
                loc=None,
                doc=f"`{text}` was not in the given spec files: a permissive model that keeps every field.",
                deprecated=None,
                fields=[],
                functional=False,
                extra_values=True,
            )
            for text, name in sorted(self.plan.unresolved.items())
        ]
        return TypeModule(
            name=UNRESOLVED_MODULE,
            reexport_from=None,
            imports=[],
            classes=classes,
            aliases=[],
            exports=sorted(c.name for c in classes),
        )


@dataclass(frozen=True)
class TypePackage:
    """A package of type modules (`types/`, `types/messages/`): its `__init__` re-exports the
    top-level names of its own modules (the root also those of `shared`, as the official SDK
    does) that no other of them also defines."""

    name: str  # dotted below `types/`; "" for `types/` itself
    imports: list[ImportLine]

    @property
    def path(self) -> str:
        return (self.name.replace(".", "/") + "/" if self.name else "") + "__init__.py"


def type_packages(modules: list[TypeModule]) -> list[TypePackage]:
    """Every package the modules live in (parents included), with what its `__init__` imports."""
    names: dict[str, set[str]] = {"": set()}
    for m in modules:
        parts = m.name.split(".")[:-1]
        for i in range(len(parts) + 1):
            names.setdefault(".".join(parts[:i]), set())
    packages = []
    for package in sorted(names):
        members = [m for m in modules if m.name.rpartition(".")[0] == package]
        if package == "":
            members += [m for m in modules if m.name.rpartition(".")[0] == "shared"]
        homes: dict[str, set[str]] = {}
        first: dict[str, TypeModule] = {}
        for m in sorted(members, key=lambda m: (bool(m.reexport_from), m.name)):
            for name in m.exports:
                homes.setdefault(name, set()).add(m.reexport_from or m.name)
                first.setdefault(name, m)
        imports: dict[str, set[str]] = {}
        for name, home in homes.items():
            if len(home) == 1:
                source = first[name].name
                imports.setdefault(relative(f"{package}.__init__".lstrip("."), source), set()).add(
                    name
                )
        packages.append(TypePackage(package, import_lines(imports)))
    return packages


def _flat_exports(modules: list[TypeModule]) -> list[TypeModule]:
    """`types/__init__` re-exports every type whose name no other module uses; the others stay
    importable from their own module (`types.organization_users.UserRemoveResponse`)."""
    counts: dict[str, int] = {}
    for m in modules:
        if not m.reexport_from:
            for name in m.exports:
                counts[name] = counts.get(name, 0) + 1
    return [
        (
            m
            if m.reexport_from
            else dataclasses.replace(m, flat_exports=[n for n in m.exports if counts[n] == 1])
        )
        for m in modules
    ]


def _alias_order(aliases: list[TypeAliasContext]) -> list[TypeAliasContext]:
    """Aliases after the aliases they use (they are evaluated at import time)."""
    by_name = {a.name: a for a in aliases}
    done: list[TypeAliasContext] = []
    seen: set[str] = set()

    def visit(alias: TypeAliasContext) -> None:
        if alias.name in seen:
            return
        seen.add(alias.name)
        for dep in alias.depends:
            if dep in by_name:
                visit(by_name[dep])
        done.append(alias)

    for alias in aliases:
        visit(alias)
    return done
