"""The resource modules (`resources/<path>.py`, the client's attributes, the per-resource tests):
each resource's sub-resources and methods, every method's params, route, headers, result and
test data, under names that do not clash within the resource or the method."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from codegen.emit.annotations import LocalNames, TypeNamer, annotate
from codegen.emit.code import Code
from codegen.emit.ctx_client import ResourceRef, class_names, local_refs
from codegen.emit.ctx_common import ImportLine, import_lines, shallow
from codegen.emit.ctx_pages import PageNames, page_names
from codegen.emit.ctx_path_select import (
    PathSelectContext,
    choosers,
    path_select_contexts,
    unsent_in_test,
)
from codegen.emit.ctx_plan import Planner
from codegen.emit.ctx_request import Param, distinct_params, method_body_kind, request_headers
from codegen.emit.ctx_signatures import Flavour, extra_headers_arg, flavour
from codegen.emit.ctx_tests import (
    RequestHeader,
    TestData,
    is_model,
    path_example,
    route_template,
    test_data,
    with_call_args,
    with_expected_headers,
    with_path_choices,
)
from codegen.emit.ctx_warnings import (
    TableContext,
    WarningContext,
    method_warnings,
    resource_tables,
)
from codegen.emit.examples import (
    SnippetFormatter,
    example_literal,
    example_value,
    python_example,
)
from codegen.emit.naming import (
    GENERATED_GLOBALS,
    RESOURCE_RESERVED,
    Scope,
    async_class,
    attr_name,
    class_name,
    param_scope,
    python_path,
)
from codegen.ir import Method, Ref, Resource
from codegen.naming_wire import snake_case

# the names `resource.py.j2` imports, which a sub-resource class may not take
RESOURCE_MODULE_NAMES = frozenset(
    {
        *("cached_property", "cast", "overload", "header_list", "path_template", "FileTypes"),
        *("AsyncPaginator", "AsyncAPIResource", "SyncAPIResource"),
        *("AsyncBinaryAPIResponse", "BinaryAPIResponse", "AsyncJSONLDecoder", "JSONLDecoder"),
        *("AsyncStream", "Stream", "TYPE_CHECKING"),
    }
)
# what a method without headers of its own passes on
_EXTRA_HEADERS = Code("extra_headers")
# names a method's body binds besides its params (a followed URL's `source` and `url`)
_BODY_NAMES = frozenset({"stream", "source", "url"})


@dataclass(frozen=True)
class Follow:
    """A method whose result is fetched from a URL that its `via` method's result holds."""

    via: str
    field: str
    accept: str | None


@dataclass(frozen=True)
class MethodContext:
    """One API method: its names, docs, route and result (`kind`: model, page, jsonl, sse,
    binary, void), its params, and how each flavour writes it. Built without its params first
    (`ResourceModules.method`), which `with_params` then adds."""

    test: TestData
    name: str
    loc: str
    ts_name: str
    doc_full: str
    # a fenced Python block in README.md: documentation, kept from closing its fence
    readme: Code | None
    doc: str
    deprecated: str | None
    verb: str
    path: str | None
    follow: Follow | None
    kind: str
    item: Code
    # how the body goes on the wire (`RequestShape.body_kind`)
    body_kind: str
    # a union or special form is not a `type[T]`: passed as `cast(Any, ...)`, and the
    # result cast back to the declared type, as the official SDK does
    item_arg: Code
    page: PageNames | None
    # `stream=True` switches the result to server-sent events of this type (overloads)
    stream_item: Code | None
    # the runtime method it calls: `get_api_list` for pages, else the verb's (`post`)
    request_call: str
    sync_flavour: Flavour
    async_flavour: Flavour
    params: list[Param] = field(default_factory=list)
    headers: list[RequestHeader] = field(default_factory=list)
    # the response field path the method returns (`_thenUnwrap`); the test server wraps its
    # reply in it
    unwrap: list[str] = field(default_factory=list)
    body_param: str | None = None
    positional: list[Param] = field(default_factory=list)
    # keyword-only params: required and optional ones (the `stream` switch is written apart)
    required: list[Param] = field(default_factory=list)
    optional: list[Param] = field(default_factory=list)
    path_params: list[Param] = field(default_factory=list)
    # keyword-only params by where they go
    query_params: list[Param] = field(default_factory=list)
    body_params: list[Param] = field(default_factory=list)
    header_params: list[Param] = field(default_factory=list)
    extra_headers: Code = _EXTRA_HEADERS
    # route placeholders chosen by which params are given, filled before the request
    path_selects: list[PathSelectContext] = field(default_factory=list)
    # warnings given before the request for some param values (deprecated models)
    warnings: list[WarningContext] = field(default_factory=list)


@dataclass(frozen=True)
class ResourceContext:
    """A resource module: its classes, methods, sub-resources and the types it imports; the
    methods the `.js` does not send a request for are `skipped` (listed in the README)."""

    path: str
    spec_path: str
    file: str
    module: str
    # how many `.` lead from the module up to the package
    depth: int
    sync_class: str
    async_class: str
    doc: str
    methods: list[MethodContext]
    type_imports: list[ImportLine]
    children: list[ResourceRef]
    skipped: list[str]
    # module-level tables the methods' warnings read (`DEPRECATED_MODELS`)
    tables: list[TableContext] = field(default_factory=list)


class ResourceModules:
    """Builds every emitted resource's context, in path order."""

    def __init__(self, planner: Planner, format_snippet: SnippetFormatter) -> None:
        self.planner = planner
        self.decls = planner.decls
        self.format_snippet = format_snippet
        self.py_methods: dict[tuple[str, str], str] = {}  # (resource path, spec name) -> Python
        # what a resource module binds besides its own classes and types (`resource.py.j2`)
        pages = [page_names(p.name) for p in planner.spec.pages]
        self.module_names = (
            RESOURCE_MODULE_NAMES
            | GENERATED_GLOBALS
            | {class_names(planner.spec, planner.config).error_root}
            | {name for p in pages for name in (p.sync_name, p.async_name)}
        )

    def build(self) -> list[ResourceContext]:
        by_path = {r.path: r for r in self.planner.resources}
        return [self.resource(resource, by_path) for resource in self.planner.resources]

    def resource(self, resource: Resource, by_path: dict[str, Resource]) -> ResourceContext:
        children = resource.subresources
        module_parts = self.python_path(resource.path, by_path).split(".")
        is_package = bool(children)
        own = {self.sync_class(resource.name), async_class(self.sync_class(resource.name))}
        child_refs = local_refs(
            [
                ResourceRef(
                    attr=attr_name(s.attr, by_path[s.resource].module),
                    module=attr_name(s.attr, by_path[s.resource].module),
                    sync_class=self.sync_class(by_path[s.resource].name),
                    async_class=async_class(self.sync_class(by_path[s.resource].name)),
                )
                for s in children
            ],
            own | self.module_names,
        )
        own |= {name for r in child_refs for name in (r.sync_class, r.async_class)}
        local = LocalNames(own=own | GENERATED_GLOBALS)
        namer = self.planner.namer("response", "", local)
        self.name_methods(resource, by_path)
        ir_methods = [
            distinct_params(resource.path, m, self.planner.warn) for m in resource.methods
        ]
        # response annotations first, then params: the order names are bound in `local`
        heads = [self.method(resource, m, namer) for m in ir_methods]
        request_namer = self.planner.namer("request", "", local)
        methods = [
            self.with_params(head, ir_method, request_namer)
            for head, ir_method in zip(heads, ir_methods, strict=True)
        ]
        imports: dict[str, set[str]] = {}
        for module, name in [*namer.imports, *request_namer.imports]:
            imports.setdefault(module, set()).add(name)
        return ResourceContext(
            path=".".join(module_parts),
            spec_path=resource.path,
            file="/".join(module_parts) + ("/__init__.py" if is_package else ".py"),
            module="resources." + ".".join(module_parts),
            depth=len(module_parts) + (2 if is_package else 1),
            sync_class=self.sync_class(resource.name),
            async_class=async_class(self.sync_class(resource.name)),
            doc=resource.doc.text,
            methods=methods,
            type_imports=import_lines(imports),
            children=child_refs,
            skipped=resource.skipped_methods,
            tables=resource_tables(ir_methods, self.planner.warn),
        )

    def sync_class(self, name: str) -> str:
        """The resource's class name, `<Name>Resource` where its module binds `<Name>` or
        `Async<Name>` itself (cloudflare's `stream` and `logs.log_explorer.query`: a class
        `Stream` or `Query` would shadow the runtime's in its own module)."""
        base = class_name(name)
        if base in self.module_names or async_class(base) in self.module_names:
            return base + "Resource"
        return base

    @staticmethod
    def python_path(path: str, by_path: dict[str, Resource]) -> str:
        """The resource's attribute path from the client, each attribute named by `attr_name`."""
        parts = path.split(".")
        prefixes = [".".join(parts[: i + 1]) for i in range(len(parts))]
        return python_path(path, [by_path[p].module if p in by_path else "" for p in prefixes])

    def name_methods(self, resource: Resource, by_path: dict[str, Resource]) -> None:
        """Python names of the resource's methods: one scope with its sub-resource attributes,
        so `fooBar`, `foo_bar` and `FooBar` do not overwrite each other (later ones get `_2`,
        `_3`, with a warning)."""
        scope = Scope(RESOURCE_RESERVED)
        for s in resource.subresources:
            scope.claim(attr_name(s.attr, by_path[s.resource].module), f"sub-resource {s.attr}")
        for m in resource.methods:
            self.py_methods[(resource.path, m.name)] = self.planner.claim_name(
                scope, snake_case(m.name), m.name, m.loc, f"method of {resource.path}"
            )

    def method(self, resource: Resource, method: Method, namer: TypeNamer) -> MethodContext:
        """The method without its params (`with_params` adds them, with the request namer)."""
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
        page_class = next((p for p in self.planner.spec.pages if p.name == response.page), None)
        test = test_data(self.decls, method, via, page_class)
        item_arg = (
            item
            if is_model(response.type, self.decls) or item in ("None", "str", "object")
            else Code(f"cast(Any, {item})")
        )
        page = page_names(response.page) if response.page else None
        stream_item = (
            shallow(annotate(response.stream_item, namer), method.loc)
            if response.stream_item is not None
            and any(p.name == "stream" and p.location == "body" for p in method.params)
            else None
        )
        follows = bool(follow and via)
        body_kind = method_body_kind(method)
        return MethodContext(
            test=test,
            name=py_name,
            loc=str(method.loc),
            ts_name=method.name,
            doc_full=doc_full.strip(),
            readme=Code(example) if example and "```" not in example else None,
            doc=method.doc.text,
            deprecated=method.doc.deprecated,
            verb=route.verb.lower(),
            path=route_template(route.path, method),
            follow=(
                Follow(self.py_methods[(resource.path, via.name)], follow.url_field, follow.accept)
                if follow and via
                else None
            ),
            kind=response.kind,
            item=item,
            body_kind=body_kind,
            item_arg=item_arg,
            page=page,
            stream_item=stream_item,
            request_call="get_api_list" if response.kind == "page" else route.verb.lower(),
            sync_flavour=flavour(False, response.kind, item, item_arg, page, stream_item, follows),
            async_flavour=flavour(True, response.kind, item, item_arg, page, stream_item, follows),
            unwrap=list(method.request.unwrap)
            if method.request and response.kind == "model"
            else [],
        )

    def with_params(self, head: MethodContext, method: Method, namer: TypeNamer) -> MethodContext:
        params = self.params(method, namer)
        headers = request_headers(method, params)
        body_param = next(
            (p.name for p in params if method.request and p.spec_name == method.request.body_param),
            None,
        )
        spec_names = {p.name: p.spec_name for p in params}
        test = with_expected_headers(head.test, headers, spec_names, head.follow is not None)
        keyword = [p for p in params if not p.positional]
        unsent = unsent_in_test(method, 0)
        test = with_call_args(
            test, [(p.name, p.example) for p in keyword if p.spec_name not in unsent]
        )
        test = with_path_choices(
            test, method, [(p.spec_name, p.name, p.example) for p in keyword], self.decls
        )
        chooser = choosers(method)
        switch = "stream" if head.stream_item else None  # written apart, per overload
        header_params = [p for p in keyword if p.location == "header"]
        accept = head.follow.accept or None if head.follow else None
        return dataclasses.replace(
            head,
            params=params,
            headers=headers,
            body_param=body_param,
            test=test,
            positional=[p for p in params if p.positional],
            required=[p for p in keyword if p.required and p.name != switch],
            optional=[p for p in keyword if not p.required and p.name != switch],
            path_params=[p for p in params if p.location == "path" and p.spec_name not in chooser],
            path_selects=path_select_contexts(
                method,
                {p.spec_name: p.name for p in params},
                {p.spec_name: str(p.annotation) for p in params},
                {p.name for p in params} | param_scope().reserved | _BODY_NAMES,
            ),
            query_params=[p for p in keyword if p.location == "query"],
            body_params=[p for p in keyword if p.location == "body"],
            header_params=header_params,
            extra_headers=extra_headers_arg(
                headers, accept, [(p.wire, p.name) for p in header_params]
            ),
            warnings=method_warnings(
                method,
                {p.wire: p.name for p in params},
                test.path_args,
                [(p.name, p.example) for p in keyword],
            ),
        )

    def params(self, method: Method, namer: TypeNamer) -> list[Param]:
        scope = param_scope()
        result = []
        for p in method.params:
            refine = self.planner.refine_named("", p.name, p.type, p.doc.text)
            annotation = shallow(annotate(p.type, namer, refine=refine, iterable=True), p.loc)
            result.append(
                Param(
                    name=scope.claim(snake_case(p.name), p.name),
                    spec_name=p.name,
                    wire=p.wire_name or p.name,
                    location=p.location,
                    positional=p.positional,
                    required=p.required,
                    annotation=annotation,
                    doc=p.doc.text,
                    example=example_literal(
                        path_example(p, self.decls)
                        if p.location == "path"
                        else example_value(p.type, self.decls, p.name),
                        lambda decl: namer.ref(Ref(decl, decl)),
                    ),
                )
            )
        return result
