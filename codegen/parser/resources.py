"""Resource classes to IR `Resource`s: methods, where each param goes, responses and routes.

Routes come from the compiled `.js` when it is given; otherwise from a routes file, and last from
the REST convention documented in README.md ("Routes without .js"). Every route that was not read
from code is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from codegen.diagnostics import Diagnostics
from codegen.ir import (
    Alias,
    Declaration,
    Doc,
    FollowUrl,
    Location,
    Method,
    Param,
    ParamLocation,
    Ref,
    Resource,
    Response,
    Route,
    RuntimeRef,
    TypeRef,
    UnionType,
)
from codegen.ir_walk import is_null, non_null_members
from codegen.naming_wire import snake_case
from codegen.parser.dts import ClassDecl, MethodSig, ParamSig
from codegen.parser.js import JsMethod, JsRequest
from codegen.parser.param_types import declared_fields, is_scalar, merged_fields, params_members
from codegen.parser.path_select import params_fields_in_path, settle_route
from codegen.parser.request_body import is_raw_body
from codegen.parser.request_shape import param_key, request_shape

_DOC_PREFIX = re.compile(r"^(Path|Query|Body|Header) param:\s*", re.IGNORECASE)
_READ_NAMES = ("retrieve", "list", "get")


@dataclass
class RouteConfig:
    prefix: str = "/v1"
    overrides: dict[str, str] | None = None


def classify_response(returns: TypeRef, decls: dict[str, Declaration]) -> Response | None:
    """What kind of result a method's declared return type promises; None for helpers."""
    if not isinstance(returns, RuntimeRef) or not returns.args:
        return None
    inner = returns.args[0]
    if returns.name == "PagePromise" and len(returns.args) == 2:
        return Response("page", returns.args[1], page=page_class_name(inner, decls))
    if returns.name == "Promise" and isinstance(inner, RuntimeRef) and inner.name == "JSONLDecoder":
        return Response("jsonl", inner.args[0] if inner.args else None)
    if returns.name != "APIPromise":
        return None
    if isinstance(inner, UnionType) and any(
        isinstance(m, RuntimeRef) and m.name == "Stream" for m in inner.members
    ):  # the implementation signature of `stream` overloads: the non-stream member decides
        inner = next((m for m in inner.members if not isinstance(m, RuntimeRef)), inner.members[0])
    if isinstance(inner, RuntimeRef) and inner.name == "Stream":
        return Response("sse", inner.args[0] if inner.args else None)
    if isinstance(inner, RuntimeRef) and inner.name == "Response":
        return Response("binary", None)
    if is_null(inner):
        return Response("void", None)
    return Response("model", inner)


def _streamed_item(returns: list[TypeRef]) -> TypeRef | None:
    """The event type of an overload returning `APIPromise<Stream<E>>`, if one does."""
    for t in returns:
        if isinstance(t, RuntimeRef) and t.name == "APIPromise" and t.args:
            inner = t.args[0]
            if isinstance(inner, RuntimeRef) and inner.name == "Stream" and inner.args:
                return inner.args[0]
    return None


def page_class_name(t: TypeRef, decls: dict[str, Declaration]) -> str | None:
    """`MessageBatchesPage` (alias of `Page<MessageBatch>`) -> `Page`."""
    while isinstance(t, Ref):
        decl = decls.get(t.target) if t.target else None
        if isinstance(decl, Alias):
            t = decl.type
            continue
        return (t.target or t.text).split("#")[-1].split(".")[-1]
    return None


class ResourceBuilder:
    def __init__(
        self,
        decls: dict[str, Declaration],
        diags: Diagnostics,
        routes: RouteConfig,
    ) -> None:
        self.decls = decls
        self.diags = diags
        self.routes = routes

    def build(self, klass: ClassDecl, path: str, js: dict[str, JsMethod] | None) -> Resource:
        resource = Resource(klass.name, path, klass.module, [], klass.loc, doc=klass.doc)
        for sig in klass.methods:
            response = classify_response(sig.returns, self.decls)
            js_method = params_fields_in_path((js or {}).get(sig.name), sig.params)
            if response is not None and js_method is not None and not js_method.requests:
                # the .js sends nothing itself (`parse` wraps `this.create(...).then(...)`)
                resource.skipped_methods.append(sig.name)
                self.diags.info(
                    "skipped-method",
                    f"{klass.name}.{sig.name} sends no request of its own in the .js "
                    "(a hand-written helper); skipped",
                    sig.loc,
                )
                continue
            if response is None:
                resource.skipped_methods.append(sig.name)
                if js_method is not None and js_method.requests:
                    self.diags.warn(
                        "unmodelled-response",
                        f"{klass.name}.{sig.name} sends a request in the .js but returns a type "
                        "codegen does not model (not APIPromise/PagePromise); method skipped",
                        sig.loc,
                    )
                    continue
                self.diags.info(
                    "skipped-method",
                    f"{klass.name}.{sig.name} returns no API response (a hand-written helper); skipped",
                    sig.loc,
                )
                continue
            if sig.overloads > 1:
                response.stream_item = _streamed_item(sig.overload_returns)
                what = (
                    "the first one is used, with `stream: true` streaming"
                    if response.stream_item is not None
                    else "the first one is used"
                )
                self.diags.info(
                    "overloads",
                    f"{klass.name}.{sig.name} has {sig.overloads} overloads; {what}",
                    sig.loc,
                )
            method = self.method(resource, sig, response, js_method, js is not None)
            if not settle_route(method, js_method, f"{klass.name}.{sig.name}", self.diags):
                resource.skipped_methods.append(sig.name)
                continue
            resource.methods.append(method)
        return resource

    def method(
        self,
        resource: Resource,
        sig: MethodSig,
        response: Response,
        js: JsMethod | None,
        has_js: bool,
    ) -> Method:
        request = js.requests[-1] if js and js.requests else None
        method = Method(sig.name, [], response, sig.loc, doc=sig.doc)
        for param in sig.params:
            if isinstance(param.type, RuntimeRef) and param.type.name == "RequestOptions":
                continue
            if request is not None and param.name == request.body_from and is_raw_body(param.type):
                # a positional param sent as the whole body (`upload(key, body: Blob | ...)`)
                method.params.append(
                    Param(
                        param.name,
                        param.type,
                        not param.optional,
                        "body",
                        param.loc,
                        doc=Doc(),
                        positional=True,
                    )
                )
                continue
            if is_scalar(param.type, self.decls):
                method.params.append(
                    Param(
                        snake_case(param.name),
                        param.type,
                        not param.optional,
                        "path",
                        param.loc,
                        doc=Doc(),
                        positional=True,
                    )
                )
                continue
            method.params_type = _strip_null(param.type)
            method.params.extend(self.object_params(param, request, js))
        if request is not None:
            method.request = request_shape(self.diags, resource, method, request, js)
        route = _route_from_js(method, js, request) if request else None
        if route is None:
            route = self.route_from_convention(resource, method, sig.loc, has_js)
        method.route = route
        if route.follow is None and request is not None and request.span_route:
            # the route the SDK reports for tracing (`__span: {route: ...}`), a template with
            # the API's own placeholder names, should be the one the request goes to
            if route.path is not None and route.path != request.span_route:
                self.diags.warn(
                    "route-mismatch",
                    f"{resource.name}.{sig.name}: the request goes to '{route.path}' but the "
                    f"SDK reports the route as '{request.span_route}'",
                    route.loc,
                )
        return method

    def object_params(
        self, param: ParamSig, request: JsRequest | None, js: JsMethod | None
    ) -> list[Param]:
        target = _strip_null(param.type)
        decl = self.decls.get(target.target) if isinstance(target, Ref) and target.target else None
        fields = declared_fields(target, self.decls)
        if fields is None:
            members = params_members(target, self.decls)
            if members is None:
                what = (
                    "a union with a member that is no params interface"
                    if isinstance(target, UnionType)
                    else "a type alias of no params interface"
                    if isinstance(decl, Alias)
                    else "no resolvable interface type"
                )
                self.diags.warn(
                    "untyped-params",
                    f"parameter '{param.name}' has {what}; its fields are unknown and the "
                    "method takes none of them",
                    param.loc,
                )
                return []
            fields = merged_fields(members, self.decls)
            if len(members) > 1:
                self.diags.info(
                    "params-union",
                    f"parameter '{param.name}' is one of {len(members)} params types "
                    f"({' | '.join(m.text for m in members)}); the method takes all their "
                    "fields, each required only where every one requires it, and does not "
                    "check which combination is given",
                    param.loc,
                )
        headers = {
            param_key(src, js): wire for wire, src in (request.headers if request else ()) if src
        }
        params = []
        for f in fields:
            location, wire = self.param_location(param.name, f.name, f.doc, request, headers, js)
            said = _DOC_PREFIX.match(f.doc.text)  # (anchored: `sub` would scan the whole text)
            text = f.doc.text[said.end() :] if said else f.doc.text
            doc = Doc(text, f.doc.deprecated, f.doc.examples)
            params.append(
                Param(
                    snake_case(f.name) if location == "path" else f.name,
                    f.type,
                    not f.optional and not param.optional,
                    location,
                    f.loc,
                    wire,
                    doc,
                )
            )
        return params

    def param_location(
        self,
        ts_name: str,
        field: str,
        doc: Doc,
        request: JsRequest | None,
        headers: dict[str, str],
        js: JsMethod | None = None,
    ) -> tuple[ParamLocation, str | None]:
        prefix = _DOC_PREFIX.match(doc.text)
        said = prefix.group(1).lower() if prefix else None
        if request is not None and request.path and f"{{{field}}}" in request.path:
            return "path", None  # destructured from the params and put in the path
        if field in headers:
            return "header", headers[field]
        placed = _placed_by_js(field, request, js) if request is not None else None
        if placed is not None:
            return placed, None
        if said == "header":
            return "header", None  # its wire name: see `learn_header_names`
        if request is not None and (request.query_from or request.body_from):
            return ("query" if request.query_from else "body"), None
        if said in ("path", "query", "body"):
            return said, None  # type: ignore[return-value]
        if ts_name in ("query", "body"):
            return ts_name, None  # type: ignore[return-value]
        return "body", None

    def route_from_convention(
        self, resource: Resource, method: Method, loc: Location, has_js: bool
    ) -> Route:
        key = f"{resource.path}.{method.name}"
        override = (self.routes.overrides or {}).get(key)
        if override:
            verb, _, path = override.partition(" ")
            self.diags.info(
                "route-from-file", f"route of {key} from the routes file: {override}", loc
            )
            return Route(verb.upper(), path.strip(), "routes-file", loc)
        route = self.conventional(resource, method, loc, None)
        why = "its .js has no request for it" if has_js else "no .js was given"
        self.diags.info(
            "route-from-convention",
            f"route of {key} inferred by convention ({why}): {route.verb} {route.path}",
            loc,
        )
        return route

    def conventional(
        self, resource: Resource, method: Method, loc: Location, verb: str | None
    ) -> Route:
        base = self.routes.prefix + "/" + "/".join(resource.path.split("."))
        ids = "".join(f"/{{{p.name}}}" for p in method.params if p.location == "path")
        name = method.name
        if name == "create":
            return Route(verb or "POST", base + ids, "convention", loc)
        if name == "list":
            return Route(verb or "GET", base + ids, "convention", loc)
        if name in ("retrieve", "delete", "update"):
            default = {"retrieve": "GET", "delete": "DELETE", "update": "POST"}[name]
            return Route(verb or default, base + ids, "convention", loc)
        reads = method.response.kind in ("jsonl", "binary") or name.startswith(_READ_NAMES)
        return Route(
            verb or ("GET" if reads else "POST"),
            f"{base}{ids}/{snake_case(name)}",
            "convention",
            loc,
        )


def _route_from_js(method: Method, js: JsMethod | None, request: JsRequest) -> Route | None:
    """The route a request of the `.js` shows: its path, or a URL a self-call fetched first."""
    loc = Location(method.loc.file.replace(".d.ts", ".js"), request.pos.line, request.pos.col)
    if request.path is not None:
        path = re.sub(r"\{(\w+)\}", lambda m: "{" + snake_case(m.group(1)) + "}", request.path)
        return Route(request.verb.upper(), path, "js", loc)
    if js is None or not request.path_expr:
        return None
    holder, _, url_field = request.path_expr.partition(".")
    via = next((name for name, var in js.self_calls if var == holder), None)
    if via is None or not url_field:
        return None
    accept = dict((k.lower(), v) for k, v in request.static_headers).get("accept")
    return Route(request.verb.upper(), None, "js", loc, FollowUrl(via, url_field, accept))


def learn_header_names(resources: list[Resource], diags: Diagnostics) -> None:
    """A header param whose method builds its headers in a function not given (documented
    `Header param:`, no wire name read) takes the wire name every other method's `.js` sends
    that param under, when they agree; otherwise it is an error diagnostic and keeps its name."""
    seen: dict[str, set[str]] = {}
    for resource in resources:
        for method in resource.methods:
            for p in method.params:
                if p.location == "header" and p.wire_name:
                    seen.setdefault(p.name, set()).add(p.wire_name)
    for resource in resources:
        for method in resource.methods:
            for p in method.params:
                if p.location != "header" or p.wire_name:
                    continue
                names = sorted(seen.get(p.name, ()))
                where = f"{resource.name}.{method.name}"
                if len(names) == 1:
                    p.wire_name = names[0]
                    diags.info(
                        "header-name-learned",
                        f"{where}: header param '{p.name}' sent as '{names[0]}', the name every "
                        "other method's .js sends it under",
                        p.loc,
                    )
                else:
                    diags.warn(
                        "header-name-unknown",
                        f"{where}: the wire name of header param '{p.name}' is not in the given "
                        f"files ({', '.join(names) or 'no other method sends it'}); sent as "
                        f"'{p.name}'",
                        p.loc,
                    )


def _placed_by_js(field: str, request: JsRequest, js: JsMethod | None) -> ParamLocation | None:
    """Where the `.js` puts a params field: an inline `query: { view }` / `body: {...}` entry,
    the whole body (`body: target`), or the rest object (`{ a, ...query } = params`) it is
    left in; None when the `.js` does not say."""
    if field in request.query_fields:
        return "query"
    if field in request.body_fields or field == request.body_from:
        return "body"
    if js is None:
        return None
    for source, named, rest in js.destructures:
        if source not in js.params or field in named or rest is None:
            continue
        if rest == request.query_from:
            return "query"
        if rest == request.body_from:
            return "body"
    return None


def _strip_null(t: TypeRef) -> TypeRef:
    if isinstance(t, UnionType):
        rest = non_null_members(t)
        if len(rest) == 1:
            return rest[0]
    return t
