"""IR + config -> the plain dicts the templates render. No Python source is assembled here:
only names (from `naming.py`), annotations (from `annotations.py`) and data for the templates."""

from __future__ import annotations

import dataclasses
import fnmatch
import re
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

from codegen.config import Config, ErrorConfig, check_selection
from codegen.emit.annotations import LocalNames, Side, TypeNamer, annotate, python_literal
from codegen.emit.code import Code
from codegen.emit.cycles import merge_plan
from codegen.emit.doors import (
    config_identifier,
    env_name,
    header_name,
    header_value,
    number,
)
from codegen.emit.examples import (
    SnippetFormatter,
    example_value,
    format_snippet,
    python_example,
    union_arity,
)
from codegen.emit.naming import (
    BUILTINS,
    GENERATED_GLOBALS,
    RESOURCE_RESERVED,
    RUNTIME_NAMES,
    Scope,
    class_name,
    field_scope,
    identifier,
    method_name,
    module_name,
    module_scope,
    page_scope,
    param_scope,
    pascal_case,
    python_path,
)
from codegen.errors import SpecError
from codegen.ir import (
    Alias,
    Declaration,
    Diagnostic,
    Doc,
    Field_,
    Interface,
    Location,
    Method,
    PageClass,
    Primitive,
    Ref,
    Resource,
    RuntimeRef,
    Spec,
    SubResource,
    TypeRef,
    UnionType,
)
from codegen.ir_walk import all_fields, each_type
from codegen.naming_wire import snake_case

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


@dataclass
class Plan:
    """Which declarations become what, and under which Python name and module."""

    names: dict[tuple[str, Side], str] = field(default_factory=dict)
    modules: dict[tuple[str, Side], str] = field(default_factory=dict)
    unresolved: dict[str, str] = field(default_factory=dict)


class ContextBuilder:
    def __init__(
        self, spec: Spec, config: Config, format_snippet: SnippetFormatter = format_snippet
    ) -> None:
        self.spec = spec
        self.config = config
        self.format_snippet = format_snippet
        self.decls = spec.declarations
        self.plan = Plan()
        # type names are unique per module, as in the official SDK (see `LocalNames`)
        self.module_scopes: dict[str, Scope] = {}
        # what the emitter renamed or could not model, with the spec location (as the parser's)
        self.diagnostics: list[Diagnostic] = []
        self._class_names: dict[str, str] | None = None
        self.py_methods: dict[tuple[str, str], str] = {}  # (resource path, spec name) -> Python
        self.resources = self.select_resources()

    def claim_name(self, scope: Scope, wanted: str, key: str, loc: Location, what: str) -> str:
        """`scope.claim`, with a warning when another name already took `wanted`'s spelling (the
        rename, `name_2`, is deterministic: first come in spec order keeps the name)."""
        name = scope.claim(wanted, key)
        base = scope.base(wanted)
        if name != base:
            other = scope.taken.get(base, "?")
            self.diagnostics.append(
                Diagnostic(
                    "warning",
                    "name-clash",
                    f"{what} '{key}' is spelled '{base}' in Python, as '{other}' already is: "
                    f"named '{name}'",
                    loc,
                )
            )
        return name

    # -- selection -------------------------------------------------------------------------
    def select_resources(self) -> list[Resource]:
        wanted = self.config.resources
        chosen: dict[str, Resource] = {}
        for resource in self.spec.resources:
            if (
                not wanted
                or "*" in wanted
                or any(resource.path == w or resource.path.startswith(f"{w}.") for w in wanted)
            ):
                chosen[resource.path] = resource
        check_selection(self.config, [r.path for r in self.spec.resources], bool(chosen))
        for path in list(chosen):
            parts = path.split(".")
            for depth in range(1, len(parts)):
                parent_path = ".".join(parts[:depth])
                if parent_path in chosen:
                    continue
                parent = self.spec.resource(parent_path)
                if parent is None:  # attached nowhere in the given files: a plain container
                    chosen[parent_path] = Resource(
                        pascal_case(parts[depth - 1]), parent_path, "", [], chosen[path].loc
                    )
                else:
                    chosen[parent_path] = Resource(
                        parent.name, parent.path, parent.module, [], parent.loc, doc=parent.doc
                    )
        for resource in chosen.values():
            resource.subresources = [
                SubResource(other.rpartition(".")[2], other)
                for other in sorted(chosen)
                if other.rpartition(".")[0] == resource.path and "." in other
            ]
        return [chosen[p] for p in sorted(chosen)]

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

    # -- naming ----------------------------------------------------------------------------
    def plan_names(self) -> None:
        responses, requests = self.method_types()
        response_ids, response_missing = closure(responses, self.decls)
        request_ids, request_missing = closure(requests, self.decls)
        self.response_ids, self.request_ids = response_ids, request_ids
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
        self.unresolved_response = sorted(response_missing)

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

    def assign(self, decl: Declaration, side: Side, wanted: str) -> None:
        module = module_name(decl.module)
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
            if matches(self.config.datetime_fields) or "RFC 3339 datetime" in " ".join(doc.split()):
                return "datetime"
        return None

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
            default_none = side == "response" and (f.optional or _nullable(f.type))
            fields.append(
                {
                    "name": py_name,
                    "wire": f.name,
                    "annotation": _admitting_none(annotation) if default_none else annotation,
                    "default_none": default_none,
                    "required": not f.optional,
                    "nullable": _nullable(f.type),
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

    # -- resources -------------------------------------------------------------------------
    def resource_modules(self) -> list[dict[str, Any]]:
        by_path = {r.path: r for r in self.resources}
        result = []
        for resource in self.resources:
            children = resource.subresources
            py_path = python_path(resource.path)
            module_parts = py_path.split(".")
            is_package = bool(children)
            depth = len(module_parts) + (2 if is_package else 1)
            own = {class_name(resource.name), "Async" + class_name(resource.name)}
            own |= {class_name(by_path[s.resource].name) for s in children}
            own |= {"Async" + class_name(by_path[s.resource].name) for s in children}
            local = LocalNames(own=own | GENERATED_GLOBALS)
            namer = self.namer("response", "", local)
            self.name_methods(resource)
            ir_methods = [self.distinct_params(resource, m) for m in resource.methods]
            methods = [self.method(resource, m, namer) for m in ir_methods]
            request_namer = self.namer("request", "", local)
            for m, ir_method in zip(methods, ir_methods, strict=True):
                m["params"] = self.params(ir_method, request_namer)
                m["headers"] = _request_headers(ir_method, m["params"])
                m["body_param"] = next(
                    (
                        p["name"]
                        for p in m["params"]
                        if ir_method.request and p["spec_name"] == ir_method.request.body_param
                    ),
                    None,
                )
                m["test"]["headers"] = _expected_headers(
                    m["headers"], m["params"], m["test"]["args"]
                )
                if m["follow"]:  # those headers go with the second request, the URL's
                    m["test"]["follow_headers"] = m["test"]["headers"]
                    m["test"]["headers"] = {}
                m["test"]["headers"].setdefault("accept", "application/json")
            imports: dict[str, set[str]] = {}
            for module, name in [*namer.imports, *request_namer.imports]:
                imports.setdefault(module, set()).add(name)
            result.append(
                {
                    "path": py_path,
                    "spec_path": resource.path,
                    "file": "/".join(module_parts) + ("/__init__.py" if is_package else ".py"),
                    "module": "resources." + ".".join(module_parts),
                    "depth": depth,
                    "sync_class": class_name(resource.name),
                    "async_class": "Async" + class_name(resource.name),
                    "doc": resource.doc.text,
                    "methods": methods,
                    "type_imports": [
                        {"module": m, "names": sorted(n)} for m, n in sorted(imports.items())
                    ],
                    "children": [
                        {
                            "attr": method_name(s.attr),
                            "module": method_name(s.resource.split(".")[-1]),
                            "sync_class": class_name(by_path[s.resource].name),
                            "async_class": "Async" + class_name(by_path[s.resource].name),
                        }
                        for s in children
                    ],
                    "skipped": resource.skipped_methods,
                }
            )
        return result

    def name_methods(self, resource: Resource) -> None:
        """Python names of the resource's methods: one scope with its sub-resource attributes,
        so `fooBar`, `foo_bar` and `FooBar` do not overwrite each other (later ones get `_2`,
        `_3`, with a warning)."""
        scope = Scope(RESOURCE_RESERVED)
        for s in resource.subresources:
            scope.claim(method_name(s.attr), f"sub-resource {s.attr}")
        for m in resource.methods:
            self.py_methods[(resource.path, m.name)] = self.claim_name(
                scope, snake_case(m.name), m.name, m.loc, f"method of {resource.path}"
            )

    def distinct_params(self, resource: Resource, method: Method) -> Method:
        """The method with no two params of one name (the parser snake-cases `fooId` and
        `foo_id` alike): a later one is renamed `name_2`, and for a path param the matching
        later `{name}` of the route too; a warning says so."""
        seen: set[str] = set()
        params = []
        path = method.route.path if method.route else None
        for p in method.params:
            if p.name not in seen:
                seen.add(p.name)
                params.append(p)
                continue
            n = 2
            while f"{p.name}_{n}" in seen or any(q.name == f"{p.name}_{n}" for q in method.params):
                n += 1
            new = f"{p.name}_{n}"
            seen.add(new)
            self.diagnostics.append(
                Diagnostic(
                    "warning",
                    "name-clash",
                    f"{resource.path}.{method.name}: a second param named '{p.name}' is named "
                    f"'{new}'",
                    p.loc,
                )
            )
            if p.location == "path" and path is not None:
                marker = "{" + p.name + "}"
                first = path.find(marker)
                later = path.find(marker, first + 1) if first >= 0 else -1
                if later >= 0:
                    path = path[:later] + "{" + new + "}" + path[later + len(marker) :]
                params.append(dataclasses.replace(p, name=new))
            else:
                params.append(dataclasses.replace(p, name=new, wire_name=p.wire_name or p.name))
        if params == method.params:
            return method
        route = method.route
        if route is not None and path != route.path:
            route = dataclasses.replace(route, path=path)
        return dataclasses.replace(method, params=params, route=route)

    def method(self, resource: Resource, method: Method, namer: TypeNamer) -> dict[str, Any]:
        response = method.response
        item = (
            shallow(annotate(response.type, namer), method.loc)
            if response.type is not None
            else Code("None")
        )
        route = method.route
        assert route is not None
        follow = route.follow
        via = next((m for m in resource.methods if follow and m.name == follow.via), None)
        py_name = self.py_methods[(resource.path, method.name)]
        example = python_example(method.doc.examples, method.name, py_name, self.format_snippet)
        doc_full = method.doc.text
        if method.doc.deprecated:
            doc_full += f"\n\nDeprecated: {method.doc.deprecated}"
        if example:
            doc_full += "\n\nExample:\n\n```python\n" + example + "\n```"
        test = self.test_data(resource, method, via)
        return {
            "test": test,
            "name": py_name,
            "loc": str(method.loc),
            "ts_name": method.name,
            "doc_full": doc_full.strip(),
            # a fenced Python block in README.md: documentation, kept from closing its fence
            "readme": Code(example) if example and "```" not in example else None,
            "doc": method.doc.text,
            "deprecated": method.doc.deprecated,
            "verb": route.verb.lower(),
            "path": _route_template(route.path, method),
            "follow": (
                {
                    "via": self.py_methods[(resource.path, via.name)],
                    "field": follow.url_field,
                    "accept": follow.accept,
                }
                if follow and via
                else None
            ),
            "kind": response.kind,
            "item": item,
            "multipart": any(p.location == "body" and _uploads(p.type) for p in method.params),
            # a union or special form is not a `type[T]`: passed as `cast(Any, ...)`, and the
            # result cast back to the declared type, as the official SDK does
            "item_arg": (
                item
                if _is_model(response.type, self.decls) or item in ("None", "str", "object")
                else Code(f"cast(Any, {item})")
            ),
            "page": _page_names(response.page, self.spec),
            # `stream=True` switches the result to server-sent events of this type (overloads)
            "stream_item": (
                shallow(annotate(response.stream_item, namer), method.loc)
                if response.stream_item is not None
                and any(p.name == "stream" and p.location == "body" for p in method.params)
                else None
            ),
        }

    def test_data(self, resource: Resource, method: Method, via: Method | None) -> dict[str, Any]:
        """What the generated test sends and what the server answers, synthesised from the IR."""
        path_values = {p.name: f"{p.name}_value" for p in method.params if p.location == "path"}
        args = {
            p.name: path_values.get(p.name) or example_value(p.type, self.decls, p.name)
            for p in method.params
            if not p.positional
        }
        response = method.response
        samples: list[object] = []
        if response.type is not None:
            arity = union_arity(response.type, self.decls)
            samples = [example_value(response.type, self.decls, "", choice=i) for i in range(arity)]
        route = via.route if via and via.route else method.route
        assert route is not None
        path = _route_template(route.path, via or method) or ""
        for name, value in path_values.items():
            path = path.replace("{" + name + "}", value)
        # what reaches the server: characters a URL path cannot hold are percent-encoded
        path = urllib.parse.quote(path, safe="/%!$&'()*+,;=:@-._~")
        via_sample = None
        if via is not None and via.response.type is not None:
            via_sample = example_value(via.response.type, self.decls, "")
        return {
            "path": path,
            "verb": route.verb,
            "path_args": [
                python_literal(path_values[p.name]) for p in method.params if p.positional
            ],
            "args": args,
            "query": _query_pairs(
                {
                    (p.wire_name or p.name): args[p.name]
                    for p in method.params
                    if p.location == "query"
                }
            ),
            "body": (
                args[method.request.body_param]
                if method.request and method.request.body_param
                else {p.name: args[p.name] for p in method.params if p.location == "body"}
            ),
            "headers": {},  # filled with the method's request headers, see `_expected_headers`
            "samples": samples,
            "stream_samples": (
                [
                    example_value(response.stream_item, self.decls, "", choice=i)
                    for i in range(union_arity(response.stream_item, self.decls))
                ]
                if response.stream_item is not None
                else []
            ),
            "via_sample": via_sample,
            "item_is_model": _is_model(response.type, self.decls),
            "steer": _steer(method, path, path_values) if via is None else None,
        }

    def params(self, method: Method, namer: TypeNamer) -> list[dict[str, Any]]:
        scope = param_scope()
        result = []
        for p in method.params:
            annotation = shallow(
                annotate(
                    p.type,
                    namer,
                    refine=self.refine_named("", p.name, p.type, p.doc.text),
                    iterable=True,
                ),
                p.loc,
            )
            result.append(
                {
                    # `Anthropic-Worker-ID` header -> `anthropic_worker_id`, as the official SDK
                    "name": scope.claim(snake_case(p.name), p.name),
                    "spec_name": p.name,
                    "wire": p.wire_name or p.name,
                    "location": p.location,
                    "positional": p.positional,
                    "required": p.required,
                    "annotation": annotation,
                    "doc": p.doc.text,
                    "example": python_literal(
                        f"{p.name}_value"
                        if p.location == "path"
                        else example_value(p.type, self.decls, p.name)
                    ),
                }
            )
        return result

    # -- whole-package context -------------------------------------------------------------
    def build(self) -> dict[str, Any]:
        self.plan_names()
        types = self.type_modules()
        resources = self.resource_modules()
        roots = [r for r in resources if "." not in r["path"]]
        client = self.client(roots)
        errors, error_aliases = self.error_plan()
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
            "pages": self.pages(),
            "type_modules": types,
            "resources": resources,
            "exports": sorted(name for m in types for name in m["exports"]),
            "samples": self.samples(),
        }

    def client(self, roots: list[dict[str, Any]]) -> dict[str, Any]:
        info = self.spec.client
        names = self.class_names()
        name = names["class_name"]
        version = info.version_header
        where = self.config.section
        # checked even when the spec's client files give their own
        timeout = number(
            self.config.default_timeout,
            f"{where} default_timeout",
            loc=self.config.where.get("default_timeout"),
        )
        max_retries = number(
            self.config.default_max_retries,
            f"{where} default_max_retries",
            integer=True,
            loc=self.config.where.get("default_max_retries"),
        )
        auth = self.auth_schemes()
        key = next((a for a in auth if a["option"] == "api_key"), auth[-1])
        return {
            **names,
            # text from the spec or config goes out as literals; these checks are for the runtime
            "auth": auth,
            "key_option": key["option"],
            # what the server must see with every credential set to `<option>-secret`
            "auth_all": {
                a["header"].lower(): a["prefix"] + a["option"] + "-secret" + a["suffix"]
                for a in auth
            },
            "api_key_env": key["env"],
            "api_key_env_pattern": re.escape(key["env"]) if key["env"] else None,
            "auth_prefix": key["prefix"],
            "auth_suffix": key["suffix"],
            "base_url_env": env_name(
                info.base_url_env or self.config.base_url_env or f"{name.upper()}_BASE_URL",
                "base URL variable",
                None,
            ),
            "default_base_url": info.base_url or self.config.default_base_url or "http://localhost",
            "auth_header": key["header"].lower(),
            "version_header": (
                {
                    "name": header_name(version[0], "version header", None),
                    "value": header_value(version[1], "version header value", None),
                }
                if version
                else None
            ),
            "default_headers": [
                {
                    "name": header_name(k, "default header", None),
                    "value": header_value(v, "default header value", None),
                }
                for k, v in (info.default_headers or ([version] if version else []))
            ],
            "log_env": env_name(
                info.log_env or self.config.log_env or f"{name.upper()}_LOG", "log variable", None
            ),
            "default_timeout": (info.timeout_ms / 1000.0) if info.timeout_ms else timeout,
            "default_max_retries": (
                info.max_retries if info.max_retries is not None else max_retries
            ),
            "doc": "",
            "resources": [
                {
                    "attr": r["path"],
                    "module": r["module"],
                    "sync_class": r["sync_class"],
                    "async_class": r["async_class"],
                }
                for r in roots
            ],
        }

    def auth_schemes(self) -> list[dict[str, Any]]:
        """The spec's auth schemes in merge order; without client files, one API-key scheme
        from config (`auth_header`, `api_key_env`). Options become parameter names (checked
        identifiers); headers, values and variables are checked for what the runtime can send."""
        info = self.spec.client
        schemes = [
            (snake_case(a.option), a.header, a.prefix, a.suffix, a.env) for a in info.auth
        ] or [
            (
                "api_key",
                info.auth_header or self.config.auth_header or "authorization",
                "",
                "",
                info.api_key_env or self.config.api_key_env,
            )
        ]
        taken = frozenset({"base_url", "timeout", "max_retries", "self"})
        return [
            {
                "option": config_identifier(option, "auth option", "client.js", taken),
                "header": header_name(header, "auth header", None),
                "prefix": header_value(prefix, "auth value prefix", None),
                "suffix": header_value(suffix, "auth value suffix", None),
                # None: client.js reads no variable for it, nor do we
                "env": env_name(env, "API key variable", None) if env else None,
            }
            for option, header, prefix, suffix, env in schemes
        ]

    def class_names(self) -> dict[str, str]:
        """The client classes and the error root: the spec's client class first (config fills
        what it lacks), checked to be identifiers the package does not already use (exit 2)."""
        if self._class_names is None:
            config = self.config
            where = config.section
            taken = RUNTIME_NAMES | BUILTINS
            spec_name = self.spec.client.class_name
            name = config_identifier(
                spec_name or config.client_class or "Client",
                "client_class",
                where,
                taken | {"AsyncClient"},
                None if spec_name else config.where.get("client_class"),
            )
            async_name = config_identifier(
                f"Async{name}" if spec_name else config.async_client_class or f"Async{name}",
                "async_client_class",
                where,
                taken | {"Client", name},
                None if spec_name else config.where.get("async_client_class"),
            )
            root = config_identifier(
                config.error_root or f"{name}Error",
                "error_root",
                where,
                taken | {"Client", "AsyncClient", name, async_name},
                config.where.get("error_root"),
            )
            self._class_names = {
                "class_name": name,
                "async_class_name": async_name,
                "error_root": root,
            }
        return self._class_names

    def error_plan(self) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
        """(status error classes, aliases): spec errors named by the resolver (a class `None`
        becomes `None_`, with a warning), configured ones checked: identifiers, and a parent
        the package defines, so the module imports (exit 2 otherwise)."""
        names = self.class_names()
        taken = {names["class_name"], names["async_class_name"], names["error_root"]}
        # builtins the error module itself uses are taken; others (`NotImplementedError` in
        # the whole SDK) keep the spec's name, as a class of that module
        scope = Scope(RUNTIME_NAMES | _ERROR_MODULE_BUILTINS | taken | {"Client", "AsyncClient"})
        python: dict[str, str] = {}
        errors: list[dict[str, Any]] = []
        for e in self.spec.errors:
            py = scope.claim(e.name, e.name)
            python[e.name] = py
            if py != e.name:
                self.diagnostics.append(
                    Diagnostic(
                        "warning",
                        "name-clash",
                        f"error class '{e.name}' is named '{py}' in Python",
                        e.loc,
                    )
                )
            errors.append(
                {
                    "name": py,
                    "status": e.status,
                    "match": e.match,
                    "parent": python.get(e.parent, e.parent),
                    "doc": e.doc.text,
                    "loc": str(e.loc),
                }
            )
        by_status = {e.status: python[e.name] for e in self.spec.errors if e.match == "exact"}
        where = f"{self.config.section} errors"
        aliases: list[dict[str, str]] = []
        extras: list[ErrorConfig] = []
        for extra in self.config.extra_errors:
            if extra.name in python:
                continue
            config_identifier(
                extra.name,
                "name",
                where,
                frozenset(scope.taken) | scope.reserved,
                self.config.where.get("errors"),
            )
            if extra.status in by_status:
                aliases.append({"name": extra.name, "target": by_status[extra.status]})
            else:
                extras.append(extra)
            scope.claim(extra.name, extra.name)
        bases = {"APIError", "APIStatusError", names["error_root"]}
        defined = bases | {e["name"] for e in errors} | {x.name for x in extras}
        for extra in extras:
            parent = python.get(extra.parent, extra.parent)
            if parent not in defined or parent == extra.name:
                known = ", ".join(sorted(defined - {extra.name}))
                raise SpecError(
                    self.config.where.get("errors"),
                    f"{where}: '{extra.name}' has parent {extra.parent!r}, which is not an "
                    f"error class of the package (known: {known})",
                )
            errors.append(
                {
                    "name": extra.name,
                    "status": extra.status,
                    "match": "exact",
                    "parent": parent,
                    "doc": "",
                    "loc": None,
                }
            )
        _check_parent_order(errors, bases, where, self.config.where.get("errors"))
        return sorted(errors, key=lambda e: (e["status"], e["name"])), aliases

    def pages(self) -> list[dict[str, Any]]:
        used = {
            m.response.page for r in self.resources for m in r.methods if m.response.kind == "page"
        }
        pages = []
        for page in self.spec.pages:
            if page.name not in used:
                continue
            namer = self.namer("response", "")
            # page fields are model fields: the same resolver, so `first-id`, `def` or
            # `model_config` get a safe name (the wire name stays the alias)
            scope = page_scope()
            fields = []
            for f in page.fields:
                annotation = shallow(annotate(f.type, namer, page_item="_T"), f.loc)
                default_none = _nullable(f.type) or f.name != page.item_field
                py_name = self.claim_name(scope, f.name, f.name, f.loc, f"field of {page.name}")
                default = "None" if default_none else "[]"
                if py_name != f.name:
                    default = Code(
                        f"Field(default{'' if default_none else '_factory'}="
                        f"{'None' if default_none else 'list'}, alias={python_literal(f.name)})"
                    )
                fields.append(
                    {
                        "name": py_name,
                        "wire": f.name,
                        "annotation": _admitting_none(annotation) if default_none else annotation,
                        "default_repr": default,
                    }
                )
            attr = {f.name: scope.by_key[f.name] for f in page.fields}

            def attr_of(
                wire: str | None, what: str, page: PageClass = page, attr: dict[str, str] = attr
            ) -> str | None:
                return _page_attr(page, attr, wire, what)

            names = _page_names(page.name, self.spec)
            assert names is not None
            pages.append(
                {
                    "name": class_name(page.name),
                    "loc": str(page.loc),
                    "sync_name": names["sync"],
                    "async_name": names["async"],
                    "doc": page.doc.text,
                    "item_field": attr_of(page.item_field, "item field"),
                    "item_wire": page.item_field,
                    "fields": fields,
                    "aliased": any(f["name"] != f["wire"] for f in fields),
                    "has_more_field": attr_of(page.has_more_field, "has-more field"),
                    "has_more_wire": page.has_more_field,
                    "cursors": [
                        {
                            "when_query_has": c.when_query_has,
                            "param": c.param,
                            "param_name": identifier(c.param),
                            "when_name": identifier(c.when_query_has or ""),
                            # a page field only for `field` cursors; else an item field or a query key (`wire`)
                            "field": (
                                attr_of(c.field, "cursor field") if c.source == "field" else None
                            ),
                            "wire": c.field,
                            # the generated test's cursor value: f"<field>-{page}"
                            "page_value": Code(
                                "f" + python_literal(_fstring_text(c.field) + "-{page}")
                            ),
                            "source": c.source,
                            "start": c.start,
                            # what the generated test expects the 2nd and 3rd requests to send
                            "next_1": python_literal(
                                _expected_cursor(c.source, c.field, c.start, 1)
                            ),
                            "next_2": python_literal(
                                _expected_cursor(c.source, c.field, c.start, 2)
                            ),
                        }
                        for c in page.cursors
                    ],
                    "rule_known": page.rule_known,
                }
            )
        return pages

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


def _query_pairs(params: dict[str, object]) -> list[list[str]]:
    """The query the runtime must send, as the test expects it: lists as `key[]=a&key[]=b`
    (the TypeScript SDK's `arrayFormat: 'brackets'`, as the official Python SDK), objects as
    `key[sub]=v`. Written apart from the runtime's encoder on purpose: it is the test's oracle."""
    pairs: list[list[str]] = []
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            pairs.extend([f"{key}[]", _query_text(item)] for item in value)
        elif isinstance(value, dict):
            pairs.extend(_query_pairs({f"{key}[{k}]": v for k, v in value.items()}))
        else:
            pairs.append([key, _query_text(value)])
    return pairs


def _request_headers(method: Method, params: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The headers a method sets, in the `.js`'s order, then header params the `.js` did not
    name (no `.js`, or a helper builds them): `wire`, and the Python `param` and/or `constant`."""
    by_spec = {p["spec_name"]: p for p in params}
    out: list[dict[str, Any]] = []
    for h in method.request.headers if method.request else []:
        param = by_spec.get(h.param) if h.param else None
        out.append(
            {"wire": h.name, "param": param["name"] if param else None, "constant": h.constant}
        )
    covered = {h["param"] for h in out}
    for p in params:
        if p["location"] == "header" and p["name"] not in covered:
            out.append({"wire": p["wire"], "param": p["name"], "constant": None})
    return out


def _expected_headers(
    headers: list[dict[str, Any]], params: list[dict[str, Any]], args: dict[str, Any]
) -> dict[str, str]:
    """What the server must see for each header when the test passes every param: the param's
    value (lists comma-joined), then the constant appended, as `[...(p ?? []), 'c'].toString()`."""
    by_python = {p["name"]: args.get(p["spec_name"]) for p in params}
    out: dict[str, str] = {}
    for h in headers:
        value = by_python.get(h["param"]) if h["param"] else None
        parts = [_header_text(value)] if value is not None else []
        if h["constant"] is not None:
            parts.append(h["constant"])
        if parts:
            out[h["wire"].lower()] = ",".join(p for p in parts if p != "")
    return out


def _header_text(value: object) -> str:
    """What the runtime sends for a header param: lists comma-separated, as `toString()` does."""
    if isinstance(value, (list, tuple)):
        return ",".join(_header_text(v) for v in value)
    return _query_text(value)


def _query_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _page_attr(page: PageClass, attr: dict[str, str], wire: str | None, what: str) -> str | None:
    """The Python attribute of the page field `wire` (None stays None)."""
    if wire is None:
        return None
    if wire not in attr:
        raise SpecError(page.loc, f"page {page.name}: {what} '{wire}' is not one of its fields")
    return attr[wire]


def _check_parent_order(
    errors: list[dict[str, Any]], bases: set[str], where: str, loc: Location | None
) -> None:
    """Every error class's parent is defined before it can be: no cycle among the configured."""
    done = set(bases)
    left = list(errors)
    while left:
        ready = [e for e in left if e["parent"] in done]
        if not ready:
            names = ", ".join(sorted(e["name"] for e in left))
            raise SpecError(loc, f"{where}: the parents of {names} form a cycle")
        done |= {e["name"] for e in ready}
        left = [e for e in left if e["name"] not in done]


# Builtins the generated `_exceptions` and package `__init__` use by name.
_ERROR_MODULE_BUILTINS = frozenset(
    {"Exception", "id", "int", "next", "object", "str", "super", "type", "len", "isinstance"}
)

# Brackets an annotation may nest: Python's parser stops at 200 levels for a whole statement
# (signatures, `Optional[...]` and the test data add their own), black well before that.
MAX_NESTING = 100


def shallow(annotation: Code, loc: Location) -> Code:
    """The annotation, if Python can parse it; else a clean error at the spec location."""
    depth = deepest = 0
    for char in annotation:
        if char in "[(":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "])":
            depth -= 1
    if deepest > MAX_NESTING:
        raise SpecError(
            loc,
            f"type nested {deepest} levels deep: the generated Python would exceed the "
            f"parser's nesting limit (at most {MAX_NESTING})",
        )
    return annotation


def _route_template(path: str | None, method: Method) -> str | None:
    """The route as `path_template` takes it: `{name}` only for the method's path params; any
    other brace is literal text of the route, percent-encoded as a URL would have it."""
    if path is None:
        return None
    names = {p.wire_name or p.name for p in method.params if p.location == "path"}

    def keep(m: re.Match[str]) -> str:
        if m.group(1) is not None and m.group(1) in names:
            return m.group(0)
        return m.group(0).replace("{", "%7B").replace("}", "%7D")

    return re.sub(r"\{([^{}]*)\}|[{}]", keep, path)


def _fstring_text(text: str) -> str:
    """Text for the literal part of an f-string: braces doubled."""
    return text.replace("{", "{{").replace("}", "}}")


def _uploads(t: TypeRef) -> bool:
    """Whether a param carries a file (`Uploadable`): its request is multipart/form-data."""
    found: list[bool] = []
    each_type(t, lambda x: found.append(isinstance(x, RuntimeRef) and x.name == "Uploadable"))
    return any(found)


def _is_model(t: TypeRef | None, decls: dict[str, Declaration]) -> bool:
    return (
        isinstance(t, Ref) and t.target is not None and isinstance(decls.get(t.target), Interface)
    )


def _scalar(t: TypeRef) -> str | None:
    if isinstance(t, Primitive):
        return t.name
    if isinstance(t, UnionType):
        rest = [m for m in t.members if not (isinstance(m, Primitive) and m.name == "null")]
        if len(rest) == 1 and isinstance(rest[0], Primitive):
            return rest[0].name
    return None


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


def _admitting_none(annotation: str) -> Code:
    """The annotation of a field that defaults to None, which must admit None."""
    if annotation.startswith("Optional[") or annotation in ("object", "Any"):
        return Code(annotation)
    return Code(f"Optional[{annotation}]")


def _nullable(t: TypeRef) -> bool:
    return isinstance(t, UnionType) and any(
        isinstance(m, Primitive) and m.name == "null" for m in t.members
    )


def _page_names(page: str | None, spec: Spec) -> dict[str, str] | None:
    if page is None:
        return None
    return {"sync": f"Sync{class_name(page)}", "async": f"Async{class_name(page)}"}


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


def _steer(method: Method, path: str, values: dict[str, str]) -> list[str] | None:
    """The test path around the last positional path param's value, `[before, after]`: the
    generated test sends hostile ids there (`..`, `a/b`) and checks what reaches the server."""
    last = [p for p in method.params if p.positional][-1:]
    if not last or last[0].location != "path" or values[last[0].name] not in path:
        return None
    before, _, after = path.rpartition(values[last[0].name])
    return [before, after]


def _expected_cursor(source: str, wire: str, start: int, k: int) -> str:
    """The cursor the generated pagination test's scripted page `k` (1-based, two widgets a
    page, widget ids `w_1`...) leads the client to send for page `k + 1`."""
    prefix = "w_" if wire == "id" else f"{wire}-"
    if source == "field":
        return f"{wire}-{k}"
    if source == "last_item":
        return f"{prefix}{2 * k}"
    if source == "first_item":
        return f"{prefix}{2 * k - 1}"
    if source == "page_number":
        return str(start + k)
    return str(2 * k)
