"""IR + config -> the contexts the templates render. No Python source is assembled here:
only names (from `naming.py`), annotations (from `annotations.py`) and data for the templates."""

from __future__ import annotations

import dataclasses
import re
import urllib.parse
from typing import Any

from codegen.config import Config
from codegen.emit.annotations import LocalNames, Side, TypeNamer, annotate, python_literal
from codegen.emit.code import Code
from codegen.emit.ctx_client import ResourceRef, class_names, client_context
from codegen.emit.ctx_common import admitting_none, nullable, shallow
from codegen.emit.ctx_errors import error_plan
from codegen.emit.ctx_pages import page_names, pages
from codegen.emit.ctx_plan import UNRESOLVED_MODULE, Planner, refs_in
from codegen.emit.cycles import merge_plan
from codegen.emit.doors import config_identifier
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
    Scope,
    class_name,
    field_scope,
    method_name,
    param_scope,
    python_path,
)
from codegen.ir import (
    Alias,
    Declaration,
    Doc,
    Interface,
    Method,
    Ref,
    Resource,
    RuntimeRef,
    Spec,
    TypeRef,
)
from codegen.ir_walk import all_fields, each_type
from codegen.naming_wire import snake_case


class ContextBuilder(Planner):
    def __init__(
        self, spec: Spec, config: Config, format_snippet: SnippetFormatter = format_snippet
    ) -> None:
        super().__init__(spec, config)
        self.format_snippet = format_snippet
        self.py_methods: dict[tuple[str, str], str] = {}  # (resource path, spec name) -> Python

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
            self.warn(
                f"{resource.path}.{method.name}: a second param named '{p.name}' is named '{new}'",
                p.loc,
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
            "page": page_names(response.page) if response.page else None,
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
        roots = [
            ResourceRef(r["path"], r["module"], r["sync_class"], r["async_class"])
            for r in resources
            if "." not in r["path"]
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


def _uploads(t: TypeRef) -> bool:
    """Whether a param carries a file (`Uploadable`): its request is multipart/form-data."""
    found: list[bool] = []
    each_type(t, lambda x: found.append(isinstance(x, RuntimeRef) and x.name == "Uploadable"))
    return any(found)


def _is_model(t: TypeRef | None, decls: dict[str, Declaration]) -> bool:
    return (
        isinstance(t, Ref) and t.target is not None and isinstance(decls.get(t.target), Interface)
    )


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


def _steer(method: Method, path: str, values: dict[str, str]) -> list[str] | None:
    """The test path around the last positional path param's value, `[before, after]`: the
    generated test sends hostile ids there (`..`, `a/b`) and checks what reaches the server."""
    last = [p for p in method.params if p.positional][-1:]
    if not last or last[0].location != "path" or values[last[0].name] not in path:
        return None
    before, _, after = path.rpartition(values[last[0].name])
    return [before, after]
