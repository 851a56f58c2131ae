"""How a method's request is built, as its context sees it: params with one Python name each
(a rename followed through the request shape), the headers it sets, and its body kind.

Split from `ctx_resources`, which builds the rest of a method's context from these.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from codegen.emit.code import Code
from codegen.emit.ctx_tests import RequestHeader
from codegen.ir import Location, Method, RequestShape, RuntimeRef, TypeRef
from codegen.ir import Param as IRParam
from codegen.ir_walk import each_type

# the planner's warning sink: message, location
Warn = Callable[[str, Location], None]


@dataclass(frozen=True)
class Param:
    """A method param as the templates write it: Python name, spec and wire names, where it
    goes, its annotation and test example."""

    # `Anthropic-Worker-ID` header -> `anthropic_worker_id`, as the official SDK
    name: str
    spec_name: str
    wire: str
    location: str
    positional: bool
    required: bool
    annotation: Code
    doc: str
    example: Code


def distinct_params(resource_path: str, method: Method, warn: Warn) -> Method:
    """The method with no two params of one name (the parser snake-cases `fooId` and
    `foo_id` alike): a later one is renamed `name_2`, and for a path param the matching
    later `{name}` of the route too; a warning says so. A copy: the IR is not changed."""
    seen: set[str] = set()
    params = []
    path = method.route.path if method.route else None
    request = method.request
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
        warn(
            f"{resource_path}.{method.name}: a second param named '{p.name}' is named '{new}'",
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
            request = _follow_rename(request, p, new)
    if params == method.params:
        return method
    route = method.route
    if route is not None and path != route.path:
        route = dataclasses.replace(route, path=path)
    return dataclasses.replace(method, params=params, route=route, request=request)


def _follow_rename(request: RequestShape | None, p: IRParam, new: str) -> RequestShape | None:
    """The request with its references to the renamed param `p` following it: the header the
    `.js` builds from a header param, the body sent whole from a body param (not from the
    earlier param of the other location that keeps the name)."""
    if request is None:
        return None
    headers = [
        dataclasses.replace(h, param=new) if h.param == p.name and p.location == "header" else h
        for h in request.headers
    ]
    whole = request.body_param == p.name and p.location == "body"
    return dataclasses.replace(
        request, headers=headers, body_param=new if whole else request.body_param
    )


def request_headers(method: Method, params: list[Param]) -> list[RequestHeader]:
    """The headers a method sets, in the `.js`'s order, then header params the `.js` did not
    name (no `.js`, or a helper builds them): `wire`, and the Python `param` and/or `constant`."""
    by_spec = {p.spec_name: p for p in params}
    out: list[RequestHeader] = []
    for h in method.request.headers if method.request else []:
        param = by_spec.get(h.param) if h.param else None
        out.append(RequestHeader(h.name, param.name if param else None, h.constant))
    covered = {h.param for h in out}
    for p in params:
        if p.location == "header" and p.name not in covered:
            out.append(RequestHeader(p.wire, p.name, None))
    return out


def method_body_kind(method: Method) -> str:
    """The IR's body kind; without a `.js` request, a form when a param carries a file."""
    if method.request is not None:
        return method.request.body_kind
    return (
        "multipart"
        if any(p.location == "body" and _uploads(p.type) for p in method.params)
        else "json"
    )


def _uploads(t: TypeRef) -> bool:
    """Whether a param carries a file (`Uploadable`): its request is multipart/form-data."""
    found: list[bool] = []
    each_type(t, lambda x: found.append(isinstance(x, RuntimeRef) and x.name == "Uploadable"))
    return any(found)
