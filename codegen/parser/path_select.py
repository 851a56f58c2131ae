"""Route placeholders that are no param of the method: fields read from the params object
(`${params.x}`), those chosen by which params are given (`PathSelect`, read from the `.js`'s
`const { a, b } = x ? {...} : {...}`), and those codegen cannot fill, which make the method
unsendable: it is skipped with a warning, never emitted with a literal `{placeholder}` in its URL."""

from __future__ import annotations

from dataclasses import replace

from codegen.diagnostics import Diagnostics
from codegen.ir import Method, ObjectType, PathChoice, PathSelect, PathValue, Ref, UnionType
from codegen.ir_walk import non_null_members
from codegen.naming_wire import snake_case
from codegen.parser.dts import ParamSig
from codegen.parser.js import JsMethod
from codegen.parser.js.facts import JsPathChoice


def params_fields_in_path(js: JsMethod, params: list[ParamSig]) -> JsMethod:
    """`js` with each `${params.x}` of its route (a field read from the params object, lithic's
    `events.resend`) written `${x}`, as a destructured field is: `x` is then a path param. Only
    for a params argument typed as an object (an interface, an alias, an inline `{ x: string }`);
    a placeholder no field fills stays unfilled, so the method is still skipped with a warning."""
    request = js.requests[-1] if js.requests else None
    objects = {p.name for p in params if _object_typed(p)} & set(js.params)
    if request is None or request.path is None or not objects:
        return js
    renamed: dict[str, str] = {}
    for ref in request.path_refs:
        head, _, field = ref.partition(".")
        if head in objects and field.isidentifier():
            renamed[ref] = field
    if not renamed:
        return js
    path = request.path
    for ref, field in renamed.items():
        path = path.replace("{" + ref + "}", "{" + field + "}")
    refs = tuple(renamed.get(r, r) for r in request.path_refs)
    request = replace(request, path=path, path_refs=refs)
    return replace(js, requests=(*js.requests[:-1], request))


def _object_typed(p: ParamSig) -> bool:
    members = non_null_members(p.type) if isinstance(p.type, UnionType) else [p.type]
    return bool(members) and all(isinstance(m, (ObjectType, Ref)) for m in members)


class Unreadable(Exception):
    """A choice of route placeholders in a shape not modelled; the message says what."""


def read_path_selects(method: Method, js: JsMethod, refs: tuple[str, ...]) -> list[PathSelect]:
    """The `PathSelect`s of the `.js` choices that feed the route's substitutions `refs`; raises
    `Unreadable` for one that is not modelled. Marks each choosing param as an optional path
    param."""
    used = set(refs)
    out: list[PathSelect] = []
    for choice in js.path_choices:
        if not used & set(choice.names):
            continue
        select = _select(method, js, choice)
        chosen = {c.param for c in select.choices if c.param}
        select.exclusive = any(
            kind == "all" and {_param(method, js, v) for v in values} == chosen
            for kind, values in js.throw_tests
        )
        for p in method.params:
            if p.name in chosen:  # one of them is needed, so none is on its own
                p.location, p.required = "path", False
        out.append(select)
    return out


def _select(method: Method, js: JsMethod, choice: JsPathChoice) -> PathSelect:
    if not choice.readable:
        raise Unreadable(
            f"its route segments {', '.join(choice.names)} are chosen by an expression "
            "codegen does not read"
        )
    choices: list[PathChoice] = []
    for test, values in choice.branches:
        path_values = []
        for local, kind, value in values:
            if kind == "literal":
                path_values.append(PathValue(snake_case(local), literal=value))
                continue
            param = _param(method, js, value)
            if param is None:
                raise Unreadable(f"route segment {local} takes '{value}', which is no param")
            path_values.append(PathValue(snake_case(local), param=param))
        if test is not None:
            param = _param(method, js, test)
            if param is None:
                raise Unreadable(f"its route segments are chosen by '{test}', which is no param")
        else:  # the last `else`: the param its values take, if they take exactly one
            refs = {v.param for v in path_values if v.param}
            param = refs.pop() if len(refs) == 1 else None
            if refs:
                raise Unreadable("its last route choice takes several params")
        choices.append(PathChoice(param, path_values))
    return PathSelect([snake_case(n) for n in choice.names], choices)


def _param(method: Method, js: JsMethod, name: str) -> str | None:
    """The method's param a `.js` name stands for: a destructured params field (`account_id`,
    or `params.account_id`) or a positional argument (`customCsrID` -> `custom_csr_id`)."""
    head, _, rest = name.partition(".")
    if rest and head in js.params:
        name = rest
    for p in method.params:
        if p.name == name and not p.positional:
            return p.name
    snake = snake_case(name)
    return next((p.name for p in method.params if p.positional and p.name == snake), None)


def unfilled(method: Method, refs: tuple[str, ...]) -> list[str]:
    """The substitutions `refs` of the `.js` route (snake-cased as in `Route.path`) that
    neither a path param nor a `PathSelect` fills."""
    filled = {p.wire_name or p.name for p in method.params if p.location == "path"}
    for select in method.request.path_selects if method.request else []:
        filled.update(select.placeholders)
    return [r for r in refs if snake_case(r) not in filled]


def settle_route(method: Method, js: JsMethod | None, where: str, diags: Diagnostics) -> bool:
    """Reads the method's `PathSelect`s into its request; False, with a warning, when its
    route cannot be filled from its params (the method is then not emitted)."""
    request = js.requests[-1] if js and js.requests else None
    loc = method.route.loc if method.route else method.loc
    if js is not None and request is not None and request.path and method.request is not None:
        try:
            method.request.path_selects = read_path_selects(method, js, request.path_refs)
        except Unreadable as e:
            diags.warn("path-unmodelled", f"{where}: {e}; method skipped", loc)
            return False
    # a route from a routes file or the convention is built from the params: always filled
    missing = unfilled(method, request.path_refs) if request is not None and request.path else []
    if missing:
        path = method.route.path if method.route else None
        diags.warn(
            "path-unmodelled",
            f"{where}: route placeholder(s) {', '.join(missing)} of '{path}' come from no "
            "param codegen reads; method skipped",
            loc,
        )
    return not missing
