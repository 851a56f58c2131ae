"""Which resources are emitted, and which declarations become what, under which Python name and
module: the plan every context builder reads. The IR is only read, never changed."""

from __future__ import annotations

import dataclasses
import fnmatch
from dataclasses import dataclass, field

from codegen.config import Config, check_selection
from codegen.emit import layout
from codegen.emit.annotations import LocalNames, Side, TypeNamer, documents_datetime
from codegen.emit.naming import Scope, class_name, module_name, module_scope, pascal_case
from codegen.ir import (
    Declaration,
    Diagnostic,
    Field_,
    Interface,
    Location,
    Primitive,
    Ref,
    Resource,
    Spec,
    SubResource,
    TypeRef,
    UnionType,
)
from codegen.ir_walk import each_type, non_null_members

UNRESOLVED_MODULE = "unresolved"


def refs_in(t: TypeRef) -> list[Ref]:
    """Every `Ref` inside `t`, in walk order."""
    found: list[Ref] = []
    each_type(t, lambda x: found.append(x) if isinstance(x, Ref) else None)
    return found


def closure(roots: list[TypeRef], decls: dict[str, Declaration]) -> tuple[set[str], set[str]]:
    """(declaration ids, unresolved names) reachable from `roots`."""
    seen: set[str] = set()
    unresolved: set[str] = set()
    stack = [r for t in roots for r in refs_in(t)]
    while stack:
        ref = stack.pop()
        if ref.target is None:
            unresolved.add(ref.text)
            continue
        if ref.target in seen or ref.target not in decls:
            continue
        seen.add(ref.target)
        decl = decls[ref.target]
        if isinstance(decl, Interface):
            for t in [*(f.type for f in decl.fields), *decl.extends]:
                stack.extend(refs_in(t))
        else:
            stack.extend(refs_in(decl.type))
    return seen, unresolved


def select_resources(spec: Spec, config: Config) -> list[Resource]:
    """The configured resources and their parents (a missing parent becomes an empty
    container), each a copy whose `subresources` are the chosen children, in path order."""
    wanted = config.resources
    chosen: dict[str, Resource] = {}
    for resource in spec.resources:
        if (
            not wanted
            or "*" in wanted
            or any(resource.path == w or resource.path.startswith(f"{w}.") for w in wanted)
        ):
            chosen[resource.path] = resource
    check_selection(config, [r.path for r in spec.resources], bool(chosen))
    for path in list(chosen):
        parts = path.split(".")
        for depth in range(1, len(parts)):
            parent_path = ".".join(parts[:depth])
            if parent_path in chosen:
                continue
            parent = spec.resource(parent_path)
            if parent is None:  # attached nowhere in the given files: a plain container
                chosen[parent_path] = Resource(
                    pascal_case(parts[depth - 1]), parent_path, "", [], chosen[path].loc
                )
            else:
                chosen[parent_path] = Resource(
                    parent.name, parent.path, parent.module, [], parent.loc, doc=parent.doc
                )
    return [
        dataclasses.replace(
            chosen[path],
            subresources=[
                SubResource(other.rpartition(".")[2], other)
                for other in sorted(chosen)
                if other.rpartition(".")[0] == path and "." in other
            ],
        )
        for path in sorted(chosen)
    ]


@dataclass
class Plan:
    """Which declarations become what, and under which Python name and module."""

    names: dict[tuple[str, Side], str] = field(default_factory=dict)
    modules: dict[tuple[str, Side], str] = field(default_factory=dict)
    unresolved: dict[str, str] = field(default_factory=dict)


class Planner:
    """The emitted resources, the type plan and the warnings about names, shared by builders."""

    def __init__(self, spec: Spec, config: Config) -> None:
        self.spec = spec
        self.config = config
        self.decls = spec.declarations
        self.plan = Plan()
        # type names are unique per module, as in the official SDK (see `LocalNames`)
        self.module_scopes: dict[str, Scope] = {}
        # what the emitter renamed or could not model, with the spec location (as the parser's)
        self.diagnostics: list[Diagnostic] = []
        self.resources = select_resources(spec, config)
        # where each type lives (`messages.message_batch`, relative to `types/`): the official
        # Stainless layout, derived from the spec's file tree (`layout.plan`)
        self.layout = layout.plan(spec)
        self.resource_modules = {r.module for r in spec.resources}
        self.acronyms = layout.acronyms(
            {part for d in spec.declarations.values() for part in d.name.split(".")}
        )

    def claim_name(self, scope: Scope, wanted: str, key: str, loc: Location, what: str) -> str:
        """`scope.claim`, with a warning when another name already took `wanted`'s spelling (the
        rename, `name_2`, is deterministic: first come in spec order keeps the name)."""
        name = scope.claim(wanted, key)
        base = scope.base(wanted)
        if name != base:
            other = scope.taken.get(base, "?")
            self.warn(
                f"{what} '{key}' is spelled '{base}' in Python, as '{other}' already is: "
                f"named '{name}'",
                loc,
            )
        return name

    def warn(self, message: str, loc: Location) -> None:
        """A `name-clash` warning: the emitter renamed something so two names stay apart."""
        self.diagnostics.append(Diagnostic("warning", "name-clash", message, loc))

    def method_types(self) -> tuple[list[TypeRef], list[TypeRef]]:
        responses: list[TypeRef] = []
        requests: list[TypeRef] = []
        for resource in self.resources:
            for method in resource.methods:
                if method.response.type is not None:
                    responses.append(method.response.type)
                if method.response.stream_item is not None:
                    responses.append(method.response.stream_item)
                requests.extend(p.type for p in method.params)
                if method.params_type is not None:
                    # the params interface itself too (`BatchCreateParams`), as the official
                    # SDK exports it: callers build keyword arguments with it
                    requests.append(method.params_type)
        return responses, requests

    def plan_names(self) -> None:
        responses, requests = self.method_types()
        response_ids, response_missing = closure(responses, self.decls)
        request_ids, request_missing = closure(requests, self.decls)
        for decl_id in sorted(response_ids):
            decl = self.decls[decl_id]
            self.assign(decl, "response", class_name(decl.name))
        for decl_id in sorted(request_ids):
            decl = self.decls[decl_id]
            if decl_id in response_ids and not self.side_sensitive(decl):
                self.plan.names[(decl_id, "request")] = self.plan.names[(decl_id, "response")]
                self.plan.modules[(decl_id, "request")] = self.plan.modules[(decl_id, "response")]
                continue
            self.assign(decl, "request", self.request_name(decl))
        for text in sorted(response_missing | request_missing):
            self.plan.unresolved[text] = self.scope_of(UNRESOLVED_MODULE).claim(
                class_name(text.split(".")[-1]), f"?{text}"
            )

    def request_name(self, decl: Declaration) -> str:
        """TypedDict names end in `Param`, as in the official SDK (`Tool` -> `ToolParam`), unless
        the spec's name (or its namespace: `MessageCreateParamsBase`, `BatchCreateParams.Request`)
        already says so."""
        name = class_name(decl.name)
        head = decl.name.split(".")[0]
        if not self.side_sensitive(decl) or "Param" in head:
            return name
        return f"{name}Param"

    def scope_of(self, module: str) -> Scope:
        if module not in self.module_scopes:
            self.module_scopes[module] = module_scope()
        return self.module_scopes[module]

    def home(self, decl: Declaration, side: Side) -> str:
        """The type module (dotted, below `types/`) of `decl` on `side`: its layout home; a
        request-side variant with its own name (`ToolParam`) in `<home>_param`, as the official
        SDK has it; what the layout leaves out (a params type sent only as path or header
        params) where the layout would put it, and a file outside `resources/` in a module
        named for the file."""
        placed = self.layout.placements.get(decl.id)
        if placed is not None:
            module = placed.module
        else:
            package = layout.types_package(decl.module, self.resource_modules)
            if package is None:
                return module_name(decl.module)
            module = f"{package}.{layout.file_stem(decl.name.partition('.')[0], self.acronyms)}"
        if side == "request" and self.request_name(decl) != class_name(decl.name):
            module += "_param"
        if module in self.layout.exports:  # a module named as a package: keep both
            module += "_"
        return module.removeprefix(f"{layout.TYPES}.")

    def assign(self, decl: Declaration, side: Side, wanted: str) -> None:
        module = self.home(decl, side)
        self.plan.names[(decl.id, side)] = self.scope_of(module).claim(wanted, f"{decl.id}@{side}")
        self.plan.modules[(decl.id, side)] = module

    def side_sensitive(self, decl: Declaration) -> bool:
        """Interfaces, and aliases that reach one, differ between models and TypedDicts."""
        if isinstance(decl, Interface):
            return True
        ids, _ = closure([decl.type], self.decls)
        return any(isinstance(self.decls[i], Interface) for i in ids) or (
            bool(refs_in(decl.type)) and any(r.target is None for r in refs_in(decl.type))
        )

    def namer(self, side: Side, module: str, local: LocalNames | None = None) -> TypeNamer:
        """Annotations for `module`; namers of one module share its `local` names."""
        return TypeNamer(
            self.plan.names,
            self.plan.modules,
            self.plan.unresolved,
            side,
            module,
            self.decls,
            UNRESOLVED_MODULE,
            local if local is not None else LocalNames(),
        )

    # -- number and string refinements ------------------------------------------------------
    def refine(self, owner: str, f: Field_) -> str | None:
        return self.refine_named(owner, f.name, f.type, f.doc.text)

    def refine_named(self, owner: str, name: str, type_: TypeRef, doc: str) -> str | None:
        """`int` / `float` / `datetime` override for a field, from config then doc text."""
        keys = (f"{owner}.{name}", name)

        def matches(patterns: list[str]) -> bool:
            return any(fnmatch.fnmatchcase(k, p) for k in keys for p in patterns)

        base = _scalar(type_)
        if base == "number":
            if matches(self.config.float_fields):
                return "float"
            return "int" if matches(self.config.int_fields) else "float"
        if base == "string":
            if matches(self.config.string_fields):
                return None
            if matches(self.config.datetime_fields) or documents_datetime(doc):
                return "datetime"
        return None


def _scalar(t: TypeRef) -> str | None:
    if isinstance(t, Primitive):
        return t.name
    if isinstance(t, UnionType):
        rest = non_null_members(t)
        if len(rest) == 1 and isinstance(rest[0], Primitive):
            return rest[0].name
    return None
